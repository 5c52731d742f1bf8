//! `types.GenericAlias` (CPython's `Objects/genericaliasobject.c`): what
//! `list[int]`, `C[int]` for a generic class and `Alias[int]` for a generic
//! type alias evaluate to. It remembers the origin and the arguments,
//! collects the type parameters among the arguments, substitutes them when
//! subscripted, and calls the origin when called.

use crate::objects::bool_::new_bool;
use crate::objects::exceptions::{ATTRIBUTE_ERROR, TYPE_ERROR};
use crate::objects::header::ObjHeader;
use crate::objects::list::list_items;
use crate::objects::obj::{ObjCell, dealloc_box};
use crate::objects::registry::TypeIndex;
use crate::objects::str::str_value;
use crate::objects::tuple::{new_tuple, tuple_items};
use crate::objects::typeobject::{CompareOp, GetSetDef, MethodDef, TypeObject};
use crate::objects::{Obj, PyResult, Vm, object_type};

use super::typevar::{TypeParamKind, type_param};

#[repr(C)]
pub struct GenericAliasObject {
    pub ob: ObjHeader,
    pub origin: Obj,
    /// Always a tuple.
    pub args: Obj,
    /// The type parameters among `args`, computed on first use.
    parameters: ObjCell,
}
crate::py_layout!(GenericAliasObject, GENERICALIAS_TYPE);

pub static GENERICALIAS_TYPE: TypeObject = TypeObject::new_static(
    "types.GenericAlias",
    &GENERICALIAS_TYPE,
    TypeIndex::GenericAlias as u16,
    dealloc_box::<GenericAliasObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(ga_traverse, Some(ga_clear))
.repr(ga_repr)
.hash(ga_hash)
.richcompare(ga_richcompare)
.call(ga_call)
.subscript(ga_subscript)
.getsets(GA_GETSETS)
.methods(GA_METHODS);

/// `Py_GenericAlias(origin, args)`: `args` is wrapped in a tuple unless it
/// is one.
pub fn new_generic_alias(origin: Obj, args: Obj) -> Obj {
    let args = if tuple_items(&args).is_some() {
        args
    } else {
        new_tuple(vec![args])
    };
    Obj::alloc(GenericAliasObject {
        ob: ObjHeader::new(&GENERICALIAS_TYPE),
        origin,
        args,
        parameters: ObjCell::empty(),
    })
}

/// `__class_getitem__` of list, tuple, dict, set, frozenset and type
/// (`Py_GenericAlias` as a class method).
pub fn class_getitem(_: &mut Vm, a: &[Obj], _: Option<&Obj>) -> PyResult<Obj> {
    Ok(new_generic_alias(
        a[0].clone(),
        a.get(1).cloned().unwrap_or_else(Obj::none),
    ))
}

fn ga(o: &Obj) -> &GenericAliasObject {
    o.downcast::<GenericAliasObject>()
        .expect("GenericAlias slot")
}

/// `_Py_make_parameters`: the type parameters in `args`, each once, in
/// order of first appearance (looking inside nested aliases).
pub fn make_parameters(args: &[Obj]) -> Vec<Obj> {
    let mut out: Vec<Obj> = Vec::new();
    let add = |p: &Obj, out: &mut Vec<Obj>| {
        if !out.iter().any(|q| q.is(p)) {
            out.push(p.clone());
        }
    };
    for a in args {
        if type_param(a).is_some() {
            add(a, &mut out);
        } else if let Some(g) = a.downcast::<GenericAliasObject>() {
            for p in parameters(g) {
                add(&p, &mut out);
            }
        } else if let Some(items) = list_items(a) {
            for p in make_parameters(&items) {
                add(&p, &mut out);
            }
        }
    }
    out
}

fn parameters(g: &GenericAliasObject) -> Vec<Obj> {
    if let Some(p) = g.parameters.get() {
        return tuple_items(&p).unwrap_or(&[]).to_vec();
    }
    let p = make_parameters(tuple_items(&g.args).unwrap_or(&[]));
    g.parameters.set(Some(new_tuple(p.clone())));
    p
}

/// `_Py_subs_parameters`: `args` with each of `params` replaced by the
/// matching item of `items` (recursively inside nested aliases).
pub fn substitute(
    vm: &mut Vm,
    who: &Obj,
    args: &[Obj],
    params: &[Obj],
    items: &[Obj],
) -> PyResult<Vec<Obj>> {
    if let Some(p) = params
        .iter()
        .find(|p| type_param(p).is_some_and(|t| t.kind != TypeParamKind::TypeVar))
    {
        let name = str_value(&type_param(p).expect("checked").name).to_string();
        return Err(vm.new_exception_msg(
            &TYPE_ERROR,
            format!("pyrs: substituting ParamSpec or TypeVarTuple '{name}' is not supported yet"),
        ));
    }
    if items.len() != params.len() {
        let shown = vm.repr_string(who)?;
        let which = if items.len() > params.len() {
            "many"
        } else {
            "few"
        };
        return Err(vm.type_error(format!(
            "Too {which} arguments for {shown}; actual {}, expected {}",
            items.len(),
            params.len()
        )));
    }
    let mut out = Vec::with_capacity(args.len());
    for a in args {
        if let Some(i) = params.iter().position(|p| p.is(a)) {
            out.push(items[i].clone());
        } else if let Some(g) = a.downcast::<GenericAliasObject>() {
            let inner = parameters(g);
            if inner.is_empty() {
                out.push(a.clone());
                continue;
            }
            let sub: Vec<Obj> = inner
                .iter()
                .map(|p| {
                    params
                        .iter()
                        .position(|q| q.is(p))
                        .map_or_else(|| p.clone(), |i| items[i].clone())
                })
                .collect();
            let new_args = substitute(vm, a, tuple_items(&g.args).unwrap_or(&[]), &inner, &sub)?;
            out.push(new_generic_alias(g.origin.clone(), new_tuple(new_args)));
        } else {
            out.push(a.clone());
        }
    }
    Ok(out)
}

/// The subscript `items` as a list of arguments (a tuple is spread).
pub fn subscript_items(items: &Obj) -> Vec<Obj> {
    match tuple_items(items) {
        Some(t) => t.to_vec(),
        None => vec![items.clone()],
    }
}

/// `ga_getitem`: `list[T][int]`.
fn ga_subscript(vm: &mut Vm, o: &Obj, key: &Obj) -> PyResult<Obj> {
    let g = ga(o);
    let params = parameters(g);
    if params.is_empty() {
        let shown = vm.repr_string(o)?;
        return Err(vm.type_error(format!("{shown} is not a generic class")));
    }
    let items = subscript_items(key);
    let args = substitute(vm, o, tuple_items(&g.args).unwrap_or(&[]), &params, &items)?;
    Ok(new_generic_alias(g.origin.clone(), new_tuple(args)))
}

/// `ga_repr_item`: `...`, an alias's own repr, `module.qualname` for a
/// class (without `builtins.`), else `repr()`.
fn repr_item(vm: &mut Vm, p: &Obj) -> PyResult<String> {
    if p.is(&Obj::ellipsis()) {
        return Ok("...".into());
    }
    if p.downcast::<GenericAliasObject>().is_none() {
        let qualname = vm.intern("__qualname__");
        let module = vm.intern("__module__");
        if let Some(q) = vm.getattr_opt(p, &qualname)?
            && let Some(m) = vm.getattr_opt(p, &module)?
            && !m.is_none()
        {
            let q = vm.str_string(&q)?;
            let m = vm.str_string(&m)?;
            return Ok(if m == "builtins" {
                q
            } else {
                format!("{m}.{q}")
            });
        }
    }
    vm.repr_string(p)
}

fn ga_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let g = ga(o);
    let mut s = repr_item(vm, &g.origin)?;
    s.push('[');
    let args = tuple_items(&g.args).unwrap_or(&[]).to_vec();
    if args.is_empty() {
        s.push_str("()");
    }
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        if let Some(items) = list_items(a) {
            let parts: PyResult<Vec<String>> = items.iter().map(|x| repr_item(vm, x)).collect();
            s.push('[');
            s.push_str(&parts?.join(", "));
            s.push(']');
        } else {
            s.push_str(&repr_item(vm, a)?);
        }
    }
    s.push(']');
    Ok(vm.new_string(s))
}

fn ga_hash(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    let g = ga(o);
    let h0 = vm.hash(&g.origin)?;
    let h1 = vm.hash(&g.args)?;
    Ok(match h0 ^ h1 {
        -1 => -2,
        h => h,
    })
}

/// Two aliases are equal when their origins and arguments are.
fn ga_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (
        a.downcast::<GenericAliasObject>(),
        b.downcast::<GenericAliasObject>(),
    ) else {
        return Ok(Obj::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Obj::not_implemented());
    }
    let eq = vm.rich_compare_bool(&x.origin, &y.origin, CompareOp::Eq)?
        && vm.rich_compare_bool(&x.args, &y.args, CompareOp::Eq)?;
    Ok(new_bool(eq == (op == CompareOp::Eq)))
}

/// `ga_call`: calls the origin, then tries to record the alias as the
/// instance's `__orig_class__`.
fn ga_call(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let res = vm.call(&ga(o).origin, a, kw)?;
    let key = vm.intern("__orig_class__");
    if let Err(e) = vm.setattr(&res, &key, o.clone()) {
        let t = e.value().class();
        if !t.is_subtype(&ATTRIBUTE_ERROR) && !t.is_subtype(&TYPE_ERROR) {
            return Err(e);
        }
    }
    Ok(res)
}

fn get_origin(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(ga(o).origin.clone())
}
fn get_args(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(ga(o).args.clone())
}
fn get_parameters(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(new_tuple(parameters(ga(o))))
}

/// `__mro_entries__`: subclassing `list[int]` subclasses `list`.
fn mro_entries(_: &mut Vm, a: &[Obj], _: Option<&Obj>) -> PyResult<Obj> {
    Ok(new_tuple(vec![ga(&a[0]).origin.clone()]))
}

static GA_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__origin__", get_origin),
    GetSetDef::getter("__args__", get_args),
    GetSetDef::getter("__parameters__", get_parameters),
];
static GA_METHODS: &[MethodDef] = &[MethodDef::new("__mro_entries__", mro_entries)];

crate::gc_traverse!(ga_traverse, GenericAliasObject, [origin, args, parameters]);
crate::gc_clear!(ga_clear, GenericAliasObject, [parameters]);
