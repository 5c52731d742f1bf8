//! `super` (CPython's `PySuper_Type` in `Objects/typeobject.c`): attribute
//! lookup that starts after a class in another object's MRO, with the
//! zero-argument form reading `__class__` and the first argument from the
//! calling frame.

use crate::objects::cell::cell_obj;
use crate::objects::code::fast_kind;
use crate::objects::dict::dict_obj;
use crate::objects::header::ObjHeader;
use crate::objects::obj::{ObjCell, dealloc_box};
use crate::objects::registry::TypeIndex;
use crate::objects::str::str_value;
use crate::objects::typeobject::{
    GetSetDef, TypeObject, as_type, as_type_static, flags, type_as_obj,
};
use crate::objects::{Obj, PyResult, Vm, args, object_type};

#[repr(C)]
pub struct SuperObject {
    pub ob: ObjHeader,
    /// `__thisclass__`: lookups start after it.
    pub thisclass: ObjCell,
    /// `__self__`: the instance or class the result binds to.
    pub obj: ObjCell,
    /// `__self_class__`: the type whose MRO is searched.
    pub obj_type: ObjCell,
}
crate::py_layout!(SuperObject, SUPER_TYPE);

pub static SUPER_TYPE: TypeObject = TypeObject::new_static(
    "super",
    &SUPER_TYPE,
    TypeIndex::Super as u16,
    dealloc_box::<SuperObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(super_traverse, None)
.flags(flags::BASETYPE)
.doc("super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)\nTypical use to call a cooperative superclass method:\nclass C(B):\n    def meth(self, arg):\n        super().meth(arg)\nThis works for class methods too:\nclass C(B):\n    @classmethod\n    def cmeth(cls, arg):\n        super().cmeth(arg)\n")
.repr(super_repr)
.getattro(super_getattro)
.descr_get(super_descr_get)
.new_fn(super_new)
.init(super_init)
.getsets(SUPER_GETSETS);

fn sup(o: &Obj) -> &SuperObject {
    o.downcast::<SuperObject>().expect("super slot")
}

fn super_new(_: &mut Vm, cls: &Obj, _: &[Obj], _: Option<&Obj>) -> PyResult<Obj> {
    let ty = as_type(cls).expect("super __new__ with a non-type");
    Ok(Obj::alloc(SuperObject {
        ob: ObjHeader::new(ty),
        thisclass: ObjCell::empty(),
        obj: ObjCell::empty(),
        obj_type: ObjCell::empty(),
    }))
}

/// `super.__init__(type=<from frame>, obj=<from frame>)` (`super_init_impl`).
fn super_init(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    args::no_kwargs(vm, "super", kw)?;
    if a.len() > 2 {
        return Err(vm.type_error(format!(
            "super() takes at most 2 arguments ({} given)",
            a.len()
        )));
    }
    let (thisclass, obj) = match a {
        [] => super_args_from_frame(vm)?,
        [t] => (t.clone(), None),
        [t, x] => (t.clone(), (!x.is_none()).then(|| x.clone())),
        _ => unreachable!("checked above"),
    };
    let Some(t) = as_type_static(&thisclass) else {
        return Err(vm.type_error(format!(
            "super() argument 1 must be a type, not {}",
            thisclass.class().name()
        )));
    };
    let obj_type = match &obj {
        Some(x) => Some(supercheck(vm, t, x)?),
        None => None,
    };
    let s = sup(o);
    s.thisclass.set(Some(thisclass));
    s.obj.set(obj);
    s.obj_type.set(obj_type.map(type_as_obj));
    Ok(())
}

/// The zero-argument form: `__class__` from the calling function's cell
/// and its first argument (`super_init_without_args`).
fn super_args_from_frame(vm: &mut Vm) -> PyResult<(Obj, Option<Obj>)> {
    let Some(frame) = vm.current_python_frame() else {
        return Err(vm.runtime_error("super(): no current frame"));
    };
    let code = frame.code();
    let argcount = code.argcount;
    let locals: Vec<Option<Obj>> = frame.locals().to_vec();
    let kinds = code.localspluskinds.clone();
    let names: Vec<Obj> = code.localsplusnames().to_vec();
    if argcount == 0 {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    let mut first = locals.first().cloned().flatten();
    if let Some(f) = &first
        && kinds.first().is_some_and(|k| k & fast_kind::CELL != 0)
        && let Some(c) = cell_obj(f)
    {
        first = c.contents.get();
    }
    let Some(first) = first else {
        return Err(vm.runtime_error("super(): arg[0] deleted"));
    };
    for (i, name) in names.iter().enumerate() {
        if kinds.get(i).is_some_and(|k| k & fast_kind::FREE != 0) && str_value(name) == "__class__"
        {
            let cell = locals.get(i).cloned().flatten();
            let Some(c) = cell.as_ref().and_then(cell_obj) else {
                return Err(vm.runtime_error("super(): bad __class__ cell"));
            };
            let Some(t) = c.contents.get() else {
                return Err(vm.runtime_error("super(): empty __class__ cell"));
            };
            if as_type(&t).is_none() {
                return Err(vm.runtime_error(format!(
                    "super(): __class__ is not a type ({})",
                    t.class().name()
                )));
            }
            return Ok((t, Some(first)));
        }
    }
    Err(vm.runtime_error("super(): __class__ cell not found"))
}

/// The type whose MRO a bound super searches (`supercheck`): `obj` itself
/// when it is a subclass of `t`, else its type (or its `__class__`).
fn supercheck(vm: &mut Vm, t: &'static TypeObject, obj: &Obj) -> PyResult<&'static TypeObject> {
    if let Some(ot) = as_type_static(obj)
        && ot.is_subtype(t)
    {
        return Ok(ot);
    }
    if obj.class().is_subtype(t) {
        return Ok(as_type_static(&type_as_obj(obj.class())).expect("a type"));
    }
    let key = vm.ids.__class__.clone();
    if let Some(c) = vm.getattr_opt(obj, &key)?
        && let Some(ct) = as_type_static(&c)
        && !std::ptr::eq(ct, obj.class())
        && ct.is_subtype(t)
    {
        return Ok(ct);
    }
    let kind = if as_type(obj).is_some() {
        "type"
    } else {
        "instance of"
    };
    let what = if as_type(obj).is_some() {
        vm.type_qualname(as_type(obj).expect("a type"))
    } else {
        obj.class().name().into_owned()
    };
    Err(vm.type_error(format!(
        "super(type, obj): obj ({kind} {what}) is not an instance or subtype of type ({}).",
        t.name()
    )))
}

fn super_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let s = sup(o);
    let this = match s.thisclass.get() {
        Some(t) => vm.repr_string(&t)?,
        None => "NULL".to_string(),
    };
    let text = match s.obj_type.get() {
        Some(ot) => format!(
            "<super: {this}, <{} object>>",
            as_type(&ot)
                .map(|t| t.name().into_owned())
                .unwrap_or_default()
        ),
        None => format!("<super: {this}, NULL>"),
    };
    Ok(vm.new_string(text))
}

/// Looks `name` up in the MRO of `__self_class__` after `__thisclass__`,
/// binding descriptors to `__self__` (`super_getattro`).
fn super_getattro(vm: &mut Vm, o: &Obj, name: &Obj) -> PyResult<Obj> {
    let s = sup(o);
    if str_value(name) != "__class__"
        && let (Some(this), Some(start)) = (s.thisclass.get(), s.obj_type.get())
        && let (Some(this), Some(start_t)) = (as_type(&this), as_type_static(&start))
    {
        let mro: Vec<&'static TypeObject> = start_t.mro().collect();
        let after = mro
            .iter()
            .position(|t| std::ptr::eq(*t, this))
            .map_or(mro.len(), |i| i + 1);
        for t in &mro[after..] {
            let Some(res) = dict_obj(vm.type_dict(t)).get_str(name) else {
                continue;
            };
            return match res.class().slots.tp_descr_get.get() {
                Some(get) => {
                    let obj = s.obj.get();
                    let bind_to = obj.filter(|x| !x.is(&start));
                    get(vm, &res, bind_to.as_ref(), Some(&start))
                }
                None => Ok(res),
            };
        }
    }
    crate::objects::protocol::attr::generic_getattr(vm, o, name)
}

/// `super(T).__get__(obj)`: binds an unbound super (`super_descr_get`).
fn super_descr_get(vm: &mut Vm, o: &Obj, obj: Option<&Obj>, _: Option<&Obj>) -> PyResult<Obj> {
    let s = sup(o);
    let Some(obj) = obj.filter(|x| !x.is_none()) else {
        return Ok(o.clone());
    };
    if s.obj.is_some() {
        return Ok(o.clone());
    }
    let this = s.thisclass.get().unwrap_or_else(Obj::none);
    let ty = type_as_obj(o.class());
    vm.call(&ty, &[this, obj.clone()], None)
}

fn get_thisclass(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(sup(o).thisclass.get().unwrap_or_else(Obj::none))
}
fn get_self(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(sup(o).obj.get().unwrap_or_else(Obj::none))
}
fn get_self_class(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(sup(o).obj_type.get().unwrap_or_else(Obj::none))
}

static SUPER_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__thisclass__", get_thisclass),
    GetSetDef::getter("__self__", get_self),
    GetSetDef::getter("__self_class__", get_self_class),
];

crate::gc_traverse!(super_traverse, SuperObject, [thisclass, obj, obj_type]);
