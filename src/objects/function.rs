//! Python functions (`function`) and bound methods (`method`), CPython's
//! `Objects/funcobject.c` and `Objects/classobject.c`.

use crate::objects::code::{CodeObject, code_obj};
use crate::objects::dict::is_dict;
use crate::objects::header::ObjHeader;
use crate::objects::obj::{ObjCell, dealloc_box_trashcan};
use crate::objects::registry::TypeIndex;
use crate::objects::str::{StrObject, str_value};
use crate::objects::tuple::tuple_items;
use crate::objects::typeobject::{CompareOp, GetSetDef, TypeObject, flags};
use crate::objects::{Obj, PyResult, Vm, bool_, object_type};

#[repr(C)]
pub struct FunctionObject {
    pub ob: ObjHeader,
    pub code: ObjCell,
    pub globals: Obj,
    pub builtins: Obj,
    pub name: ObjCell,
    pub qualname: ObjCell,
    /// Tuple of default values for positional parameters, or empty.
    pub defaults: ObjCell,
    /// Dict of keyword-only defaults, or empty.
    pub kwdefaults: ObjCell,
    /// Tuple of cells for the free variables, or empty.
    pub closure: ObjCell,
    pub doc: ObjCell,
    pub dict: ObjCell,
    pub module: ObjCell,
    pub annotations: ObjCell,
    pub annotate: ObjCell,
    pub type_params: ObjCell,
}
crate::py_layout!(FunctionObject, FUNCTION_TYPE);

pub static FUNCTION_TYPE: TypeObject = TypeObject::new_static(
    "function",
    &FUNCTION_TYPE,
    TypeIndex::Function as u16,
    dealloc_box_trashcan::<FunctionObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(func_traverse, Some(func_clear))
.flags(flags::METHOD_DESCRIPTOR | flags::HAVE_VECTORCALL)
.repr(function_repr)
.call(crate::vm::call::call_function_slot)
.descr_get(function_descr_get)
.getsets(FUNCTION_GETSETS)
.instance_dict(instance_dict);

impl FunctionObject {
    /// The current code object.
    pub fn code(&self) -> Obj {
        self.code.get().expect("function without code")
    }
}

/// A new function (MAKE_FUNCTION): its name, qualname, docstring and module
/// come from the code object and the globals.
pub fn new_function(vm: &mut Vm, code: Obj, globals: Obj) -> Obj {
    let c: &CodeObject = code_obj(&code);
    let name = c.name.clone();
    let qualname = c.qualname.clone();
    let doc = if c.has_flag(crate::objects::code::co_flags::HAS_DOCSTRING) {
        c.consts().first().cloned().unwrap_or_else(Obj::none)
    } else {
        Obj::none()
    };
    let key = vm.ids.__name__.clone();
    let module = crate::objects::dict::dict_obj(&globals)
        .get_str(&key)
        .unwrap_or_else(Obj::none);
    let builtins = vm.builtins_for(&globals);
    Obj::alloc(FunctionObject {
        ob: ObjHeader::new(&FUNCTION_TYPE),
        code: ObjCell::new(Some(code)),
        globals,
        builtins,
        name: ObjCell::new(Some(name)),
        qualname: ObjCell::new(Some(qualname)),
        defaults: ObjCell::empty(),
        kwdefaults: ObjCell::empty(),
        closure: ObjCell::empty(),
        doc: ObjCell::new(Some(doc)),
        dict: ObjCell::empty(),
        module: ObjCell::new(Some(module)),
        annotations: ObjCell::empty(),
        annotate: ObjCell::empty(),
        type_params: ObjCell::empty(),
    })
}

pub fn func_obj(o: &Obj) -> &FunctionObject {
    o.downcast::<FunctionObject>()
        .expect("function slot on a non-function")
}

fn function_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let f = func_obj(o);
    let q = f.qualname.get().unwrap_or_else(Obj::none);
    Ok(vm.new_string(format!("<function {} at {:#x}>", str_value(&q), o.addr())))
}

/// Functions are descriptors: `instance.f` is a bound method.
fn function_descr_get(_: &mut Vm, f: &Obj, obj: Option<&Obj>, _: Option<&Obj>) -> PyResult<Obj> {
    match obj {
        None => Ok(f.clone()),
        Some(o) if o.is_none() => Ok(f.clone()),
        Some(o) => Ok(new_method(f.clone(), o.clone())),
    }
}

fn get_code(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(func_obj(o).code())
}
fn set_code(vm: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    match v {
        Some(c) if c.downcast::<CodeObject>().is_some() => {
            func_obj(o).code.set(Some(c));
            Ok(())
        }
        _ => Err(vm.type_error("__code__ must be set to a code object")),
    }
}
fn get_globals(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(func_obj(o).globals.clone())
}
fn get_builtins(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(func_obj(o).builtins.clone())
}
fn get_closure(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(func_obj(o).closure.get().unwrap_or_else(Obj::none))
}
fn get_name(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(func_obj(o).name.get().unwrap_or_else(Obj::none))
}
fn set_name(vm: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    match v {
        Some(s) if s.downcast::<StrObject>().is_some() => {
            func_obj(o).name.set(Some(s));
            Ok(())
        }
        _ => Err(vm.type_error("__name__ must be set to a string object")),
    }
}
fn get_qualname(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(func_obj(o).qualname.get().unwrap_or_else(Obj::none))
}
fn set_qualname(vm: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    match v {
        Some(s) if s.downcast::<StrObject>().is_some() => {
            func_obj(o).qualname.set(Some(s));
            Ok(())
        }
        _ => Err(vm.type_error("__qualname__ must be set to a string object")),
    }
}
fn get_defaults(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(func_obj(o).defaults.get().unwrap_or_else(Obj::none))
}
fn set_defaults(vm: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    let v = v.filter(|x| !x.is_none());
    if let Some(x) = &v
        && tuple_items(x).is_none()
    {
        return Err(vm.type_error("__defaults__ must be set to a tuple object"));
    }
    func_obj(o).defaults.set(v);
    Ok(())
}
fn get_kwdefaults(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(func_obj(o).kwdefaults.get().unwrap_or_else(Obj::none))
}
fn set_kwdefaults(vm: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    let v = v.filter(|x| !x.is_none());
    if let Some(x) = &v
        && !is_dict(x)
    {
        return Err(vm.type_error("__kwdefaults__ must be set to a dict object"));
    }
    func_obj(o).kwdefaults.set(v);
    Ok(())
}
fn get_doc(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(func_obj(o).doc.get().unwrap_or_else(Obj::none))
}
fn set_doc(_: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    func_obj(o).doc.set(Some(v.unwrap_or_else(Obj::none)));
    Ok(())
}
fn get_module(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(func_obj(o).module.get().unwrap_or_else(Obj::none))
}
fn set_module(_: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    func_obj(o).module.set(Some(v.unwrap_or_else(Obj::none)));
    Ok(())
}
fn get_dict(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(instance_dict(vm, o))
}
fn get_type_params(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(func_obj(o)
        .type_params
        .get()
        .unwrap_or_else(|| vm.new_tuple(vec![])))
}

/// `f.__annotations__`: computed once from `__annotate__(1)` (PEP 649) or
/// the dict MAKE_FUNCTION stored, cached in the function.
fn get_annotations(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let f = func_obj(o);
    if let Some(a) = f.annotations.get() {
        return Ok(a);
    }
    let ann = match f.annotate.get().filter(|a| !a.is_none()) {
        Some(annotate) => {
            let one = crate::objects::int::new_int(1);
            let d = vm.call(&annotate, &[one], None)?;
            if !is_dict(&d) {
                return Err(vm.type_error(format!(
                    "__annotate__ returned non-dict of type '{}'",
                    d.class().name()
                )));
            }
            d
        }
        None => vm.new_dict(),
    };
    f.annotations.set(Some(ann.clone()));
    Ok(ann)
}
fn set_annotations(vm: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    let v = v.filter(|x| !x.is_none());
    if let Some(x) = &v
        && !is_dict(x)
    {
        return Err(vm.type_error("__annotations__ must be set to a dict object"));
    }
    func_obj(o).annotations.set(v);
    Ok(())
}
fn get_annotate(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(func_obj(o).annotate.get().unwrap_or_else(Obj::none))
}
fn set_annotate(vm: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(vm.type_error("__annotate__ cannot be deleted"));
    };
    if !v.is_none() && !vm.is_callable(&v) {
        return Err(vm.type_error("__annotate__ must be callable or None"));
    }
    let f = func_obj(o);
    if !v.is_none() {
        f.annotations.set(None);
    }
    f.annotate.set(Some(v));
    Ok(())
}

/// The instance dict of a function, created on first use.
pub fn instance_dict(vm: &mut Vm, o: &Obj) -> Obj {
    let f = func_obj(o);
    match f.dict.get() {
        Some(d) => d,
        None => {
            let d = vm.new_dict();
            f.dict.set(Some(d.clone()));
            d
        }
    }
}

static FUNCTION_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("__code__", get_code, set_code),
    GetSetDef::getter("__globals__", get_globals),
    GetSetDef::getter("__builtins__", get_builtins),
    GetSetDef::getter("__closure__", get_closure),
    GetSetDef::getset("__name__", get_name, set_name),
    GetSetDef::getset("__qualname__", get_qualname, set_qualname),
    GetSetDef::getset("__defaults__", get_defaults, set_defaults),
    GetSetDef::getset("__kwdefaults__", get_kwdefaults, set_kwdefaults),
    GetSetDef::getset("__doc__", get_doc, set_doc),
    GetSetDef::getset("__module__", get_module, set_module),
    GetSetDef::getter("__dict__", get_dict),
    GetSetDef::getset("__annotations__", get_annotations, set_annotations),
    GetSetDef::getset("__annotate__", get_annotate, set_annotate),
    GetSetDef::getter("__type_params__", get_type_params),
];

/// A bound method: a callable with its first argument fixed.
#[repr(C)]
pub struct MethodObject {
    pub ob: ObjHeader,
    pub func: Obj,
    pub self_: Obj,
}
crate::py_layout!(MethodObject, METHOD_TYPE);

pub static METHOD_TYPE: TypeObject = TypeObject::new_static(
    "method",
    &METHOD_TYPE,
    TypeIndex::Method as u16,
    dealloc_box_trashcan::<MethodObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(method_traverse, None)
.flags(flags::HAVE_VECTORCALL)
.repr(method_repr)
.hash(method_hash)
.richcompare(method_richcompare)
.call(method_call)
.getattro(method_getattro)
.getsets(METHOD_GETSETS);

pub fn new_method(func: Obj, self_: Obj) -> Obj {
    Obj::alloc(MethodObject {
        ob: ObjHeader::new(&METHOD_TYPE),
        func,
        self_,
    })
}

fn method_obj(o: &Obj) -> &MethodObject {
    o.downcast::<MethodObject>().expect("method slot")
}

fn method_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let m = method_obj(o);
    let qualname = vm.intern("__qualname__");
    let name = match vm.getattr_opt(&m.func, &qualname)? {
        Some(n) => str_value(&n).to_string(),
        None => "?".to_string(),
    };
    let r = vm.repr(&m.self_)?;
    Ok(vm.new_string(format!("<bound method {name} of {}>", str_value(&r))))
}

fn method_hash(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    let m = method_obj(o);
    let a = object_type::hash_pointer(m.self_.addr());
    let b = vm.hash(&m.func)?;
    let h = a ^ b;
    Ok(if h == -1 { -2 } else { h })
}

fn method_richcompare(_: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let Some(y) = b.downcast::<MethodObject>() else {
        return Ok(Obj::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Obj::not_implemented());
    }
    let x = method_obj(a);
    let eq = x.func.is(&y.func) && x.self_.is(&y.self_);
    Ok(bool_::new_bool(eq == (op == CompareOp::Eq)))
}

fn method_call(vm: &mut Vm, o: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    let m = method_obj(o);
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(m.self_.clone());
    full.extend_from_slice(args);
    vm.call(&m.func.clone(), &full, kwnames)
}

/// Attributes not found on the method are looked up on the function.
fn method_getattro(vm: &mut Vm, o: &Obj, name: &Obj) -> PyResult<Obj> {
    if let Some(v) = crate::objects::protocol::attr::generic_getattr_opt(vm, o, name)? {
        return Ok(v);
    }
    let f = method_obj(o).func.clone();
    vm.getattr(&f, name)
}

fn get_func(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(method_obj(o).func.clone())
}
fn get_self(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(method_obj(o).self_.clone())
}

static METHOD_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__func__", get_func),
    GetSetDef::getter("__self__", get_self),
];

impl FunctionObject {
    /// The fields `func_clear` empties (code, name and qualname are kept,
    /// as CPython keeps them, so a cleared function is still printable).
    fn clearable(&self) -> [&ObjCell; 9] {
        [
            &self.defaults,
            &self.kwdefaults,
            &self.closure,
            &self.doc,
            &self.dict,
            &self.module,
            &self.annotations,
            &self.annotate,
            &self.type_params,
        ]
    }
}

/// `func_traverse`.
fn func_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(f) = o.downcast::<FunctionObject>() {
        f.code.visit(visit);
        visit(&f.globals);
        visit(&f.builtins);
        f.name.visit(visit);
        f.qualname.visit(visit);
        f.clearable().iter().for_each(|c| c.visit(visit));
    }
}

/// `func_clear`. The globals stay: they are a plain field here, and a
/// cycle through them is broken at the globals dict.
fn func_clear(o: &Obj) {
    if let Some(f) = o.downcast::<FunctionObject>() {
        f.clearable().iter().for_each(|c| drop(c.take()));
    }
}

/// `method_traverse`. Bound methods are immutable; no `tp_clear`.
fn method_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(m) = o.downcast::<MethodObject>() {
        visit(&m.func);
        visit(&m.self_);
    }
}
