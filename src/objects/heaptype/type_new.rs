//! `type.__new__(metatype, name, bases, namespace, **kwargs)`: creating a
//! class (CPython's `type_new` and its helpers in `Objects/typeobject.c`).

use std::cell::{Cell, RefCell};

use super::instance::{DICT_GETSET, WEAKREF_GETSET, managed_dict, new_member_descr};
use super::{HeapTypeData, mro, slotdefs};
use crate::objects::args;
use crate::objects::cell::CellObject;
use crate::objects::descr::new_getset_descr;
use crate::objects::dict::{dict_obj, is_dict, new_dict};
use crate::objects::function::FunctionObject;
use crate::objects::header::ObjHeader;
use crate::objects::object_type::OBJECT_TYPE;
use crate::objects::str::{StrObject, is_str, str_value};
use crate::objects::tuple::{TupleObject, new_tuple, tuple_items};
use crate::objects::typeobject::{NewFn, Slots, TypeObject, as_type_static, flags, type_as_obj};
use crate::objects::{Obj, PyResult, Vm};

/// The flags a class inherits from its base: which builtin it extends.
const INHERITED_FLAGS: u64 = flags::LONG_SUBCLASS
    | flags::LIST_SUBCLASS
    | flags::TUPLE_SUBCLASS
    | flags::BYTES_SUBCLASS
    | flags::UNICODE_SUBCLASS
    | flags::DICT_SUBCLASS
    | flags::BASE_EXC_SUBCLASS
    | flags::TYPE_SUBCLASS
    | flags::SEQUENCE
    | flags::MAPPING
    | flags::MATCH_SELF;

/// `tp_new` of `type`.
pub fn type_new(vm: &mut Vm, metatype: &Obj, a: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    let (pos, kwvalues, names) = args::split(a, kwnames);
    if pos.len() != 3 {
        return Err(vm.type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            pos.len()
        )));
    }
    let (name, bases, namespace) = (&pos[0], &pos[1], &pos[2]);
    if !is_str(name) {
        return Err(vm.type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            name.class().name()
        )));
    }
    if bases.downcast::<TupleObject>().is_none() {
        return Err(vm.type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            bases.class().name()
        )));
    }
    if !is_dict(namespace) {
        return Err(vm.type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            namespace.class().name()
        )));
    }
    let Some(meta) = as_type_static(metatype) else {
        return Err(vm.type_error("type.__new__(X): X is not a type object"));
    };
    let base_objs = tuple_items(bases).unwrap_or(&[]).to_vec();
    // A more derived metaclass of the bases takes over (`type_new_get_bases`).
    let winner = calculate_metaclass(vm, meta, &base_objs)?;
    if !std::ptr::eq(winner, meta)
        && let Some(new) = winner.slots.tp_new.get()
        && !std::ptr::fn_addr_eq(new, type_new as NewFn)
    {
        return new(vm, &type_as_obj(winner), a, kwnames);
    }
    let meta = winner;
    let mut bases: Vec<&'static TypeObject> = Vec::with_capacity(base_objs.len());
    for b in &base_objs {
        match as_type_static(b) {
            Some(t) => bases.push(t),
            None => {
                let key = vm.ids.__mro_entries__.clone();
                if vm.getattr_opt(b, &key)?.is_some() {
                    return Err(vm.type_error(
                        "type() doesn't support MRO entry resolution; use types.new_class()",
                    ));
                }
                return Err(vm.type_error("bases must be types"));
            }
        }
    }
    if bases.is_empty() {
        bases.push(&OBJECT_TYPE);
    }
    let base = best_base(vm, &bases)?;
    let dict = new_dict();
    for (k, v) in dict_obj(namespace).items() {
        dict_obj(&dict).set(vm, k, v)?;
    }
    let spec = ClassSpec::from_namespace(vm, str_value(name), base, &dict)?;
    let ty = allocate(vm, meta, str_value(name), &bases, base, &spec, dict.clone());
    finish(vm, ty, &spec, &dict)?;
    init_subclass(vm, ty, kwvalues, names)?;
    Ok(type_as_obj(ty))
}

/// The metaclass a class with `bases` must have: `meta` or the most
/// derived metaclass among the bases (`_PyType_CalculateMetaclass`).
pub fn calculate_metaclass(
    vm: &mut Vm,
    meta: &'static TypeObject,
    bases: &[Obj],
) -> PyResult<&'static TypeObject> {
    let mut winner = meta;
    for b in bases {
        let t = b.class();
        if winner.is_subtype(t) {
            continue;
        }
        if t.is_subtype(winner) {
            winner = as_type_static(&type_as_obj(t)).unwrap_or(winner);
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// The type whose instance layout a class's instances extend (`solid_base`):
/// a builtin with its own fields, or a class that added `__slots__`.
fn solid_base(t: &'static TypeObject) -> &'static TypeObject {
    let base = t.tp_base.map(solid_base).unwrap_or(&OBJECT_TYPE);
    let extra = match t.heap_data() {
        Some(h) => !h.own_slots.is_empty(),
        None => !std::ptr::eq(t.layout, base.layout),
    };
    if extra { t } else { base }
}

/// The base whose layout the new class extends (`best_base`).
fn best_base(vm: &mut Vm, bases: &[&'static TypeObject]) -> PyResult<&'static TypeObject> {
    let mut base: Option<&'static TypeObject> = None;
    let mut winner: Option<&'static TypeObject> = None;
    for &b in bases {
        if !b.has_flag(flags::BASETYPE) {
            return Err(vm.type_error(format!(
                "type '{}' is not an acceptable base type",
                vm.type_full_name(b)
            )));
        }
        let candidate = solid_base(b);
        match winner {
            None => {
                winner = Some(candidate);
                base = Some(b);
            }
            Some(w) if w.is_subtype(candidate) => {}
            Some(w) if candidate.is_subtype(w) => {
                winner = Some(candidate);
                base = Some(b);
            }
            Some(_) => {
                return Err(vm.type_error("multiple bases have instance lay-out conflict"));
            }
        }
    }
    Ok(base.unwrap_or(&OBJECT_TYPE))
}

/// What the namespace says about the class to build.
struct ClassSpec {
    qualname: String,
    /// Own `__slots__` names, mangled and sorted; None without `__slots__`.
    slots: Option<Vec<String>>,
    add_dict: bool,
    add_weakref: bool,
    classcell: Option<Obj>,
}

impl ClassSpec {
    /// Reads `__qualname__`, `__slots__` and `__classcell__` and fills in
    /// `__module__`, `__doc__`, the implicit static/class methods
    /// (`type_new_set_attrs`, `type_new_slots`).
    fn from_namespace(
        vm: &mut Vm,
        name: &str,
        base: &'static TypeObject,
        dict: &Obj,
    ) -> PyResult<ClassSpec> {
        let d = dict_obj(dict);
        let qualname_key = vm.ids.__qualname__.clone();
        let qualname = match d.get_str(&qualname_key) {
            Some(q) if q.downcast::<StrObject>().is_some() => {
                d.remove(vm, &qualname_key)?;
                str_value(&q).to_string()
            }
            Some(q) => {
                return Err(vm.type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    q.class().name()
                )));
            }
            None => name.to_string(),
        };
        let module_key = vm.ids.__module__.clone();
        if d.get_str(&module_key).is_none()
            && let Some(f) = vm.current_python_frame()
        {
            let globals = f.globals.clone();
            let name_key = vm.ids.__name__.clone();
            if let Some(m) = dict_obj(&globals).get_str(&name_key) {
                d.set_str(module_key, m);
            }
        }
        for (key, wrap) in [
            ("__new__", Wrap::Static),
            ("__init_subclass__", Wrap::Class),
            ("__class_getitem__", Wrap::Class),
        ] {
            let k = vm.intern(key);
            if let Some(f) = d.get_str(&k)
                && f.downcast::<FunctionObject>().is_some()
            {
                let wrapped = match wrap {
                    Wrap::Static => crate::objects::descr_types::new_staticmethod(f),
                    Wrap::Class => crate::objects::descr_types::new_classmethod(f),
                };
                d.set_str(k, wrapped);
            }
        }
        let cell_key = vm.ids.__classcell__.clone();
        let classcell = match d.get_str(&cell_key) {
            Some(c) if c.downcast::<CellObject>().is_some() => {
                d.remove(vm, &cell_key)?;
                Some(c)
            }
            Some(c) => {
                let r = vm.repr_string(&type_as_obj(c.class()))?;
                return Err(
                    vm.type_error(format!("__classcell__ must be a nonlocal cell, not {r}"))
                );
            }
            None => None,
        };
        let may_add_dict = base.tp_instance_dict.is_none();
        let slots_key = vm.ids.__slots__.clone();
        let Some(slots_obj) = d.get_str(&slots_key) else {
            return Ok(ClassSpec {
                qualname,
                slots: None,
                add_dict: may_add_dict,
                add_weakref: base.is_heap_type() || std::ptr::eq(base, &OBJECT_TYPE),
                classcell,
            });
        };
        let items: Vec<Obj> = if is_str(&slots_obj) {
            vec![slots_obj.clone()]
        } else {
            let it = vm.get_iter(&slots_obj)?;
            vm.collect(&it)?
        };
        let mut add_dict = false;
        let mut add_weakref = false;
        let mut names: Vec<String> = Vec::new();
        for item in &items {
            if !is_str(item) {
                return Err(vm.type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    item.class().name()
                )));
            }
            let s = str_value(item);
            if !is_identifier(s) {
                return Err(vm.type_error("__slots__ must be identifiers"));
            }
            match s {
                "__dict__" => {
                    if !may_add_dict || add_dict {
                        return Err(vm.type_error("__dict__ slot disallowed: we already got one"));
                    }
                    add_dict = true;
                }
                "__weakref__" => {
                    if add_weakref {
                        return Err(
                            vm.type_error("__weakref__ slot disallowed: we already got one")
                        );
                    }
                    add_weakref = true;
                }
                _ => names.push(mangle(name, s)),
            }
        }
        for n in &names {
            let k = vm.intern(n);
            if d.get_str(&k).is_some() {
                return Err(
                    vm.value_error(format!("'{n}' in __slots__ conflicts with class variable"))
                );
            }
        }
        if !names.is_empty()
            && (base.has_flag(flags::LONG_SUBCLASS)
                || base.has_flag(flags::TUPLE_SUBCLASS)
                || base.has_flag(flags::BYTES_SUBCLASS)
                || base.has_flag(flags::TYPE_SUBCLASS))
        {
            return Err(vm.type_error(format!(
                "nonempty __slots__ not supported for subtype of '{}'",
                base.name()
            )));
        }
        names.sort();
        Ok(ClassSpec {
            qualname,
            slots: Some(names),
            add_dict,
            add_weakref,
            classcell,
        })
    }
}

enum Wrap {
    Static,
    Class,
}

/// `str.isidentifier()` for `__slots__` names.
fn is_identifier(s: &str) -> bool {
    crate::unicode::is_identifier(s)
}

/// Private-name mangling of a slot name (`_Py_Mangle`): `__x` in class
/// `C` is `_C__x`.
fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Builds the type object (never freed: see the module docs).
fn allocate(
    vm: &mut Vm,
    meta: &'static TypeObject,
    name: &str,
    bases: &[&'static TypeObject],
    base: &'static TypeObject,
    spec: &ClassSpec,
    dict: Obj,
) -> &'static TypeObject {
    let mut prefix = base.tp_prefix;
    let mut own_slots = Vec::new();
    for s in spec.slots.iter().flatten() {
        prefix += 1;
        own_slots.push((s.clone(), prefix));
    }
    // Instances keep their base's dict word, or get one of their own.
    let dict_word = if spec.add_dict {
        prefix += 1;
        prefix
    } else {
        base.heap_data().map_or(0, |h| h.dict_word)
    };
    let dict_index = vm.type_dicts.len() as u32;
    vm.type_dicts.push(dict);
    let ty = TypeObject {
        ob: ObjHeader::immortal(meta),
        tp_name: Box::leak(name.to_string().into_boxed_str()),
        tp_flags: flags::HEAPTYPE | flags::BASETYPE | (base.tp_flags & INHERITED_FLAGS),
        tp_base: Some(base),
        tp_mro: Cell::new(None),
        layout: base.layout,
        tp_doc: None,
        methods: &[],
        getsets: &[],
        dict_index,
        slots: Slots::EMPTY,
        tp_dealloc: crate::objects::finalize::heap_instance_dealloc,
        tp_instance_dict: if dict_word != 0 {
            Some(managed_dict)
        } else {
            base.tp_instance_dict
        },
        tp_prefix: prefix,
        tp_pre_words: prefix + crate::objects::gc::GC_HEAD_WORDS,
        tp_traverse: Some(crate::objects::heaptype::instance::heap_instance_traverse),
        tp_clear: Some(crate::objects::heaptype::instance::heap_instance_clear),
        heap: Some(Box::new(HeapTypeData {
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(spec.qualname.clone()),
            bases: bases.to_vec(),
            own_slots,
            dict_word,
            subclasses: RefCell::new(Vec::new()),
            has_finalizer: Cell::new(false),
        })),
    };
    Box::leak(Box::new(ty))
}

/// Everything after allocation: the MRO, the descriptors for `__dict__`,
/// `__weakref__` and the slots, the slot functions, `__classcell__` and
/// `__set_name__` (`type_new_impl` after `type_new_alloc`, and `type_ready`).
fn finish(vm: &mut Vm, ty: &'static TypeObject, spec: &ClassSpec, dict: &Obj) -> PyResult<()> {
    let h = ty.heap_data().expect("a class");
    let mut order = vec![ty];
    order.extend(mro::c3_mro(vm, &h.bases)?);
    ty.tp_mro.set(Some(Box::leak(order.into_boxed_slice())));
    let d = dict_obj(dict);
    if spec.add_dict {
        let k = vm.ids.__dict__.clone();
        if d.get_str(&k).is_none() {
            d.set_str(k, new_getset_descr(&DICT_GETSET, ty));
        }
    }
    if spec.add_weakref {
        let k = vm.ids.__weakref__.clone();
        if d.get_str(&k).is_none() {
            d.set_str(k, new_getset_descr(&WEAKREF_GETSET, ty));
        }
    }
    for (name, word) in &h.own_slots {
        let k = vm.intern(name);
        d.set_str(k.clone(), new_member_descr(k, ty, *word));
    }
    let doc_key = vm.ids.__doc__.clone();
    if d.get_str(&doc_key).is_none() {
        d.set_str(doc_key, Obj::none());
    }
    // A class that defines __eq__ but not __hash__ is unhashable.
    let (eq, hash) = (vm.ids.__eq__.clone(), vm.ids.__hash__.clone());
    if d.get_str(&eq).is_some() && d.get_str(&hash).is_none() {
        d.set_str(hash, Obj::none());
    }
    slotdefs::fixup_slots(vm, ty);
    vm.register_subclass(ty);
    if let Some(cell) = &spec.classcell
        && let Some(c) = cell.downcast::<CellObject>()
    {
        c.contents.set(Some(type_as_obj(ty)));
    }
    set_names(vm, ty, dict)
}

/// Calls `__set_name__(cls, name)` on each attribute that has it
/// (`type_new_set_names`), noting which one failed.
fn set_names(vm: &mut Vm, ty: &'static TypeObject, dict: &Obj) -> PyResult<()> {
    let cls = type_as_obj(ty);
    for (key, value) in dict_obj(dict).items() {
        let Some(f) = vm.lookup_special(&value, "__set_name__") else {
            continue;
        };
        if let Err(e) = vm.call(&f, &[cls.clone(), key.clone()], None) {
            let note = format!(
                "Error calling __set_name__ on '{}' instance {} in '{}'",
                value.class().name(),
                vm.repr_string(&key)?,
                ty.name()
            );
            vm.add_note_to(&e, &note);
            return Err(e);
        }
    }
    Ok(())
}

/// `super(cls, cls).__init_subclass__(**kwargs)` (`type_new_init_subclass`).
fn init_subclass(
    vm: &mut Vm,
    ty: &'static TypeObject,
    kwvalues: &[Obj],
    kwnames: &[Obj],
) -> PyResult<()> {
    let key = vm.ids.__init_subclass__.clone();
    let cls = type_as_obj(ty);
    let Some(func) = ty
        .mro()
        .skip(1)
        .find_map(|t| dict_obj(vm.type_dict(t)).get_str(&key))
    else {
        return Ok(());
    };
    let bound = match func.class().slots.tp_descr_get.get() {
        Some(get) => get(vm, &func, None, Some(&cls))?,
        None => func,
    };
    let names = if kwnames.is_empty() {
        None
    } else {
        Some(new_tuple(kwnames.to_vec()))
    };
    vm.call(&bound, kwvalues, names.as_ref())?;
    Ok(())
}

/// `type.__init__`: accepts what `type.__new__` accepted
/// (`type_init`).
pub fn type_init(vm: &mut Vm, _: &Obj, a: &[Obj], kwnames: Option<&Obj>) -> PyResult<()> {
    let npos = args::npos(a, kwnames);
    if npos != 1 && npos != 3 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(())
}
