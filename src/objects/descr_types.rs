//! The descriptor types of the language: `staticmethod`, `classmethod`
//! (CPython's `Objects/funcobject.c`) and `property`
//! (`Objects/descrobject.c`).

use crate::objects::args::{self, Signature};
use crate::objects::dict::{dict_obj, new_dict};
use crate::objects::exceptions::ATTRIBUTE_ERROR;
use crate::objects::function::new_method;
use crate::objects::header::ObjHeader;
use crate::objects::obj::{ObjCell, dealloc_box};
use crate::objects::registry::TypeIndex;
use crate::objects::typeobject::{GetSetDef, MethodDef, TypeObject, as_type, flags, type_as_obj};
use crate::objects::{Obj, PyResult, Vm, object_type};

/// `staticmethod(f)` and `classmethod(f)` share this layout.
#[repr(C)]
pub struct WrappedCallable {
    pub ob: ObjHeader,
    pub callable: ObjCell,
    pub dict: ObjCell,
}
crate::py_layout!(WrappedCallable, STATICMETHOD_TYPE);

pub static STATICMETHOD_TYPE: TypeObject = TypeObject::new_static(
    "staticmethod",
    &STATICMETHOD_TYPE,
    TypeIndex::StaticMethod as u16,
    dealloc_box::<WrappedCallable>,
)
.base(&object_type::OBJECT_TYPE)
.gc(wrapped_traverse, Some(wrapped_clear))
.flags(flags::BASETYPE)
.doc("Convert a function to be a static method.")
.repr(staticmethod_repr)
.call(staticmethod_call)
.descr_get(staticmethod_get)
.new_fn(wrapped_new)
.init(wrapped_init)
.instance_dict(wrapped_dict)
.getsets(WRAPPED_GETSETS);

pub static CLASSMETHOD_TYPE: TypeObject = TypeObject::new_static(
    "classmethod",
    &STATICMETHOD_TYPE,
    TypeIndex::ClassMethod as u16,
    dealloc_box::<WrappedCallable>,
)
.base(&object_type::OBJECT_TYPE)
.gc(wrapped_traverse, Some(wrapped_clear))
.flags(flags::BASETYPE)
.doc("Convert a function to be a class method.")
.repr(classmethod_repr)
.descr_get(classmethod_get)
.new_fn(wrapped_new)
.init(wrapped_init)
.instance_dict(wrapped_dict)
.getsets(WRAPPED_GETSETS);

fn new_wrapped(ty: &TypeObject, f: Obj) -> Obj {
    Obj::alloc(WrappedCallable {
        ob: ObjHeader::new(ty),
        callable: ObjCell::new(Some(f)),
        dict: ObjCell::empty(),
    })
}

/// `staticmethod(f)`, for `__new__` in a class body.
pub fn new_staticmethod(f: Obj) -> Obj {
    new_wrapped(&STATICMETHOD_TYPE, f)
}

/// `classmethod(f)`, for `__init_subclass__` and `__class_getitem__`.
pub fn new_classmethod(f: Obj) -> Obj {
    new_wrapped(&CLASSMETHOD_TYPE, f)
}

fn wc(o: &Obj) -> &WrappedCallable {
    o.downcast::<WrappedCallable>()
        .expect("staticmethod/classmethod slot")
}

fn callable_of(o: &Obj) -> Obj {
    wc(o).callable.get().unwrap_or_else(Obj::none)
}

fn wrapped_new(_: &mut Vm, cls: &Obj, _: &[Obj], _: Option<&Obj>) -> PyResult<Obj> {
    let ty = as_type(cls).expect("staticmethod __new__ with a non-type");
    Ok(Obj::alloc(WrappedCallable {
        ob: ObjHeader::new(ty),
        callable: ObjCell::empty(),
        dict: ObjCell::empty(),
    }))
}

/// `__init__(f)`: stores `f` and copies its `__module__`, `__name__`,
/// `__qualname__`, `__doc__` and `__annotations__` (`functools_wraps`).
fn wrapped_init(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    let name = o.class().name();
    args::no_kwargs(vm, &name, kw)?;
    let [f] = a else {
        return Err(vm.type_error(format!("{name} expected 1 argument, got {}", a.len())));
    };
    wc(o).callable.set(Some(f.clone()));
    let d = wrapped_dict(vm, o);
    for attr in ["__module__", "__name__", "__qualname__", "__doc__"] {
        let k = vm.intern(attr);
        if let Some(v) = vm.getattr_opt(f, &k)? {
            dict_obj(&d).set_str(k, v);
        }
    }
    let k = vm.intern("__wrapped__");
    dict_obj(&d).set_str(k, f.clone());
    Ok(())
}

fn wrapped_dict(_: &mut Vm, o: &Obj) -> Obj {
    let w = wc(o);
    if let Some(d) = w.dict.get() {
        return d;
    }
    let d = new_dict();
    w.dict.set(Some(d.clone()));
    d
}

fn staticmethod_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let inner = vm.repr_string(&callable_of(o))?;
    Ok(vm.new_string(format!("<staticmethod({inner})>")))
}

fn classmethod_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let inner = vm.repr_string(&callable_of(o))?;
    Ok(vm.new_string(format!("<classmethod({inner})>")))
}

fn staticmethod_get(_: &mut Vm, o: &Obj, _: Option<&Obj>, _: Option<&Obj>) -> PyResult<Obj> {
    Ok(callable_of(o))
}

fn staticmethod_call(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let f = callable_of(o);
    vm.call(&f, a, kw)
}

/// Binds the function to the class (the instance's type when called on an
/// instance).
fn classmethod_get(vm: &mut Vm, o: &Obj, obj: Option<&Obj>, ty: Option<&Obj>) -> PyResult<Obj> {
    let cls = match (ty, obj) {
        (Some(t), _) if !t.is_none() => t.clone(),
        (_, Some(x)) => type_as_obj(x.class()),
        _ => return Err(vm.type_error("__get__(None, None) is invalid")),
    };
    Ok(new_method(callable_of(o), cls))
}

fn get_func(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(callable_of(o))
}

fn get_isabstract(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    is_abstract(vm, &callable_of(o))
}

/// `getattr(f, '__isabstractmethod__', False)` as a bool object.
fn is_abstract(vm: &mut Vm, f: &Obj) -> PyResult<Obj> {
    let k = vm.intern("__isabstractmethod__");
    let v = match vm.getattr_opt(f, &k)? {
        Some(v) => vm.is_true(&v)?,
        None => false,
    };
    Ok(crate::objects::bool_::new_bool(v))
}

fn get_wrapped_dict(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(wrapped_dict(vm, o))
}

static WRAPPED_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__func__", get_func),
    GetSetDef::getter("__isabstractmethod__", get_isabstract),
    GetSetDef::getter("__dict__", get_wrapped_dict),
];

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
#[repr(C)]
pub struct PropertyObject {
    pub ob: ObjHeader,
    pub fget: ObjCell,
    pub fset: ObjCell,
    pub fdel: ObjCell,
    pub doc: ObjCell,
    /// Set by `__set_name__`, else taken from `fget.__name__`.
    pub name: ObjCell,
    /// Whether `doc` came from `fget.__doc__`.
    pub getter_doc: std::cell::Cell<bool>,
}
crate::py_layout!(PropertyObject, PROPERTY_TYPE);

pub static PROPERTY_TYPE: TypeObject = TypeObject::new_static(
    "property",
    &PROPERTY_TYPE,
    TypeIndex::Property as u16,
    dealloc_box::<PropertyObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(property_traverse, Some(property_clear))
.flags(flags::BASETYPE)
.doc("Property attribute.\n\n  fget\n    function to be used for getting an attribute value\n  fset\n    function to be used for setting an attribute value\n  fdel\n    function to be used for del'ing an attribute\n  doc\n    docstring\n\nTypical use is to define a managed attribute x:\n\nclass C(object):\n    def getx(self): return self._x\n    def setx(self, value): self._x = value\n    def delx(self): del self._x\n    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n\nDecorators make defining new properties or modifying existing ones easy:\n\nclass C(object):\n    @property\n    def x(self):\n        \"I am the 'x' property.\"\n        return self._x\n    @x.setter\n    def x(self, value):\n        self._x = value\n    @x.deleter\n    def x(self):\n        del self._x")
.descr_get(property_get)
.descr_set(property_set)
.new_fn(property_new)
.init(property_init)
.methods(PROPERTY_METHODS)
.getsets(PROPERTY_GETSETS);

fn prop(o: &Obj) -> &PropertyObject {
    o.downcast::<PropertyObject>().expect("property slot")
}

fn property_new(_: &mut Vm, cls: &Obj, _: &[Obj], _: Option<&Obj>) -> PyResult<Obj> {
    let ty = as_type(cls).expect("property __new__ with a non-type");
    Ok(Obj::alloc(PropertyObject {
        ob: ObjHeader::new(ty),
        fget: ObjCell::empty(),
        fset: ObjCell::empty(),
        fdel: ObjCell::empty(),
        doc: ObjCell::empty(),
        name: ObjCell::empty(),
        getter_doc: std::cell::Cell::new(false),
    }))
}

/// `property.__init__` (`property_init_impl`): a missing doc comes from
/// the getter's docstring.
fn property_init(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    static SIG: Signature = Signature::new("property", &["fget", "fset", "fdel", "doc"], 0);
    let [fget, fset, fdel, doc] = args::parse::<4>(vm, &SIG, a, kw)?;
    let p = prop(o);
    let none_to_empty = |v: Option<Obj>| v.filter(|x| !x.is_none());
    p.fget.set(none_to_empty(fget));
    p.fset.set(none_to_empty(fset));
    p.fdel.set(none_to_empty(fdel));
    let mut doc = none_to_empty(doc);
    p.getter_doc.set(false);
    if doc.is_none()
        && let Some(g) = p.fget.get()
    {
        let k = vm.ids.__doc__.clone();
        if let Some(d) = vm.getattr_opt(&g, &k)?
            && !d.is_none()
        {
            doc = Some(d);
            p.getter_doc.set(true);
        }
    }
    p.doc.set(doc);
    Ok(())
}

/// The name messages use: the `__set_name__` one, else `fget.__name__`.
fn property_name(vm: &mut Vm, o: &Obj) -> PyResult<Option<Obj>> {
    let p = prop(o);
    if let Some(n) = p.name.get() {
        return Ok(Some(n));
    }
    match p.fget.get() {
        Some(g) => {
            let k = vm.ids.__name__.clone();
            vm.getattr_opt(&g, &k)
        }
        None => Ok(None),
    }
}

/// "property 'x' of 'C' object has no getter".
fn missing(vm: &mut Vm, o: &Obj, obj: &Obj, what: &str) -> crate::objects::PyErr {
    let name = match property_name(vm, o) {
        Ok(Some(n)) => match vm.repr_string(&n) {
            Ok(r) => format!(" {r}"),
            Err(e) => return e,
        },
        Ok(None) => String::new(),
        Err(e) => return e,
    };
    vm.new_exception_msg(
        &ATTRIBUTE_ERROR,
        format!(
            "property{name} of '{}' object has no {what}",
            obj.class().name()
        ),
    )
}

fn property_get(vm: &mut Vm, o: &Obj, obj: Option<&Obj>, _: Option<&Obj>) -> PyResult<Obj> {
    let Some(obj) = obj.filter(|x| !x.is_none()) else {
        return Ok(o.clone());
    };
    match prop(o).fget.get() {
        Some(g) => vm.call(&g, std::slice::from_ref(obj), None),
        None => Err(missing(vm, o, obj, "getter")),
    }
}

fn property_set(vm: &mut Vm, o: &Obj, obj: &Obj, value: Option<Obj>) -> PyResult<()> {
    let p = prop(o);
    match value {
        Some(v) => match p.fset.get() {
            Some(f) => vm.call(&f, &[obj.clone(), v], None).map(drop),
            None => Err(missing(vm, o, obj, "setter")),
        },
        None => match p.fdel.get() {
            Some(f) => vm.call(&f, std::slice::from_ref(obj), None).map(drop),
            None => Err(missing(vm, o, obj, "deleter")),
        },
    }
}

/// `getter`/`setter`/`deleter`: a copy of the property with one function
/// replaced, made by calling its type (`property_copy`).
fn property_copy(vm: &mut Vm, o: &Obj, which: usize, f: &Obj) -> PyResult<Obj> {
    let p = prop(o);
    let mut parts = [
        p.fget.get().unwrap_or_else(Obj::none),
        p.fset.get().unwrap_or_else(Obj::none),
        p.fdel.get().unwrap_or_else(Obj::none),
    ];
    parts[which] = f.clone();
    let doc = if p.getter_doc.get() && which == 0 {
        Obj::none()
    } else {
        p.doc.get().unwrap_or_else(Obj::none)
    };
    let ty = type_as_obj(o.class());
    let [a, b, c] = parts;
    let new = vm.call(&ty, &[a, b, c, doc], None)?;
    if let (Some(name), Some(np)) = (p.name.get(), new.downcast::<PropertyObject>()) {
        np.name.set(Some(name));
    }
    Ok(new)
}

fn property_getter(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let f = args::one_arg(vm, "getter", &a[1..], kw)?.clone();
    property_copy(vm, &a[0], 0, &f)
}

fn property_setter(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let f = args::one_arg(vm, "setter", &a[1..], kw)?.clone();
    property_copy(vm, &a[0], 1, &f)
}

fn property_deleter(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let f = args::one_arg(vm, "deleter", &a[1..], kw)?.clone();
    property_copy(vm, &a[0], 2, &f)
}

fn property_set_name(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "__set_name__", &a[1..], kw, 2, 2)?;
    prop(&a[0]).name.set(Some(rest[1].clone()));
    Ok(Obj::none())
}

static PROPERTY_METHODS: &[MethodDef] = &[
    MethodDef::new("getter", property_getter),
    MethodDef::new("setter", property_setter),
    MethodDef::new("deleter", property_deleter),
    MethodDef::new("__set_name__", property_set_name),
];

fn get_fget(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(prop(o).fget.get().unwrap_or_else(Obj::none))
}
fn get_fset(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(prop(o).fset.get().unwrap_or_else(Obj::none))
}
fn get_fdel(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(prop(o).fdel.get().unwrap_or_else(Obj::none))
}
fn get_doc(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(prop(o).doc.get().unwrap_or_else(Obj::none))
}
fn set_doc(_: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    prop(o).doc.set(v);
    Ok(())
}
fn get_name(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    match property_name(vm, o)? {
        Some(n) => Ok(n),
        None => Err(vm.new_exception_msg(
            &ATTRIBUTE_ERROR,
            format!("'{}' object has no attribute '__name__'", o.class().name()),
        )),
    }
}
fn set_name(_: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    prop(o).name.set(v);
    Ok(())
}
fn get_prop_isabstract(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let p = prop(o);
    for f in [p.fget.get(), p.fset.get(), p.fdel.get()]
        .into_iter()
        .flatten()
    {
        let r = is_abstract(vm, &f)?;
        if r.is_true_obj() {
            return Ok(r);
        }
    }
    Ok(crate::objects::bool_::new_bool(false))
}

static PROPERTY_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("fget", get_fget),
    GetSetDef::getter("fset", get_fset),
    GetSetDef::getter("fdel", get_fdel),
    GetSetDef::getset("__doc__", get_doc, set_doc),
    GetSetDef::getset("__name__", get_name, set_name),
    GetSetDef::getter("__isabstractmethod__", get_prop_isabstract),
];

crate::gc_traverse!(wrapped_traverse, WrappedCallable, [callable, dict]);
crate::gc_clear!(wrapped_clear, WrappedCallable, [callable, dict]);

crate::gc_traverse!(
    property_traverse,
    PropertyObject,
    [fget, fset, fdel, doc, name]
);
crate::gc_clear!(
    property_clear,
    PropertyObject,
    [fget, fset, fdel, doc, name]
);
