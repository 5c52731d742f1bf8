//! The slot functions of classes: each looks up the dunder method on the
//! instance's type and calls it (the `slot_*` functions of
//! `Objects/typeobject.c`, with the checks they make on the results).

use crate::objects::exceptions::{ATTRIBUTE_ERROR, STOP_ITERATION};
use crate::objects::function::FunctionObject;
use crate::objects::int::{IntRef, int_ref};
use crate::objects::typeobject::{BinaryFn, CompareOp, NbOp, TypeObject, flags, type_as_obj};
use crate::objects::{Obj, PyResult, Vm, bool_};

/// A dunder found on a type, ready to call with `self` first
/// (`lookup_maybe_method`): functions and method descriptors are returned
/// unbound, anything else is bound through its `__get__`.
enum Method {
    Unbound(Obj),
    Bound(Obj),
}

fn lookup_method(vm: &mut Vm, o: &Obj, name: &Obj) -> PyResult<Option<Method>> {
    let tp = o.class();
    let Some(f) = vm.type_lookup(tp, name) else {
        return Ok(None);
    };
    if f.downcast::<FunctionObject>().is_some() || f.class().has_flag(flags::METHOD_DESCRIPTOR) {
        return Ok(Some(Method::Unbound(f)));
    }
    match f.class().slots.tp_descr_get.get() {
        Some(get) => {
            let t = type_as_obj(tp);
            Ok(Some(Method::Bound(get(vm, &f, Some(o), Some(&t))?)))
        }
        None => Ok(Some(Method::Bound(f))),
    }
}

fn call_method(vm: &mut Vm, m: Method, o: &Obj, args: &[Obj]) -> PyResult<Obj> {
    match m {
        Method::Unbound(f) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(o.clone());
            full.extend_from_slice(args);
            vm.call(&f, &full, None)
        }
        Method::Bound(f) => vm.call(&f, args, None),
    }
}

/// Calls `type(o).<name>(o, *args)`, AttributeError if it is missing
/// (`vectorcall_method`).
pub fn call_dunder(vm: &mut Vm, o: &Obj, name: &str, args: &[Obj]) -> PyResult<Obj> {
    let n = vm.intern(name);
    match lookup_method(vm, o, &n)? {
        Some(m) => call_method(vm, m, o, args),
        None => Err(vm.new_exception_msg(&ATTRIBUTE_ERROR, name)),
    }
}

/// Calls `type(o).<name>(o, *args)` if it exists; NotImplemented if not
/// (`vectorcall_maybe`).
fn call_dunder_maybe(vm: &mut Vm, o: &Obj, name: &str, args: &[Obj]) -> PyResult<Obj> {
    let n = vm.intern(name);
    match lookup_method(vm, o, &n)? {
        Some(m) => call_method(vm, m, o, args),
        None => Ok(Obj::not_implemented()),
    }
}

pub fn slot_tp_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    call_dunder(vm, o, "__repr__", &[])
}

pub fn slot_tp_str(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    call_dunder(vm, o, "__str__", &[])
}

/// `hash(o)` through `__hash__`: an int is required; a big one is hashed
/// again, and -1 becomes -2 (`slot_tp_hash`).
pub fn slot_tp_hash(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    let r = call_dunder(vm, o, "__hash__", &[])?;
    let Some(i) = int_ref(&r) else {
        return Err(vm.type_error("__hash__ method should return an integer"));
    };
    let h = match i {
        IntRef::Small(v) if v != -1 => v,
        IntRef::Small(_) => -2,
        IntRef::Big(_) => crate::objects::int::ops::hash_int(i),
    };
    Ok(h)
}

pub fn slot_tp_call(vm: &mut Vm, o: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    let n = vm.ids.__call__.clone();
    let Some(m) = lookup_method(vm, o, &n)? else {
        return Err(vm.type_error(format!("'{}' object is not callable", o.class().name())));
    };
    match m {
        Method::Unbound(f) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(o.clone());
            full.extend_from_slice(args);
            vm.call(&f, &full, kwnames)
        }
        Method::Bound(f) => vm.call(&f, args, kwnames),
    }
}

/// Attribute lookup of a class that defines `__getattr__` or overrides
/// `__getattribute__` (`slot_tp_getattr_hook`).
pub fn slot_tp_getattr_hook(vm: &mut Vm, o: &Obj, name: &Obj) -> PyResult<Obj> {
    let tp = o.class();
    let getattr = vm.type_lookup(tp, &vm.ids.__getattr__.clone());
    let getattribute = vm.type_lookup(tp, &vm.ids.__getattribute__.clone());
    let is_generic = getattribute.as_ref().is_none_or(is_generic_getattribute);
    let res = if is_generic {
        crate::objects::protocol::attr::generic_getattr(vm, o, name)
    } else {
        let n = vm.ids.__getattribute__.clone();
        match lookup_method(vm, o, &n)? {
            Some(m) => call_method(vm, m, o, std::slice::from_ref(name)),
            None => crate::objects::protocol::attr::generic_getattr(vm, o, name),
        }
    };
    match (res, getattr) {
        (Err(e), Some(_)) if e.value().class().is_subtype(&ATTRIBUTE_ERROR) => {
            let n = vm.ids.__getattr__.clone();
            match lookup_method(vm, o, &n)? {
                Some(m) => call_method(vm, m, o, std::slice::from_ref(name)),
                None => Err(e),
            }
        }
        (res, _) => res,
    }
}

/// Whether `f` is `object.__getattribute__` (the generic lookup).
fn is_generic_getattribute(f: &Obj) -> bool {
    f.downcast::<crate::objects::slot_wrappers::WrapperDescrObject>()
        .is_some_and(|w| {
            w.objclass.slots.tp_getattro.get().is_some_and(|g| {
                std::ptr::fn_addr_eq(
                    g,
                    crate::objects::protocol::attr::generic_getattr
                        as crate::objects::typeobject::GetAttroFn,
                )
            })
        })
}

pub fn slot_tp_setattro(vm: &mut Vm, o: &Obj, name: &Obj, value: Option<Obj>) -> PyResult<()> {
    match value {
        Some(v) => call_dunder(vm, o, "__setattr__", &[name.clone(), v])?,
        None => call_dunder(vm, o, "__delattr__", std::slice::from_ref(name))?,
    };
    Ok(())
}

pub fn slot_tp_richcompare(vm: &mut Vm, o: &Obj, other: &Obj, op: CompareOp) -> PyResult<Obj> {
    call_dunder_maybe(vm, o, op.dunder(), std::slice::from_ref(other))
}

pub fn slot_tp_iter(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let n = vm.ids.__iter__.clone();
    let found = vm.type_lookup(o.class(), &n);
    if found.as_ref().is_some_and(Obj::is_none) {
        return Err(vm.type_error(format!("'{}' object is not iterable", o.class().name())));
    }
    let it = call_dunder(vm, o, "__iter__", &[])?;
    if it.class().slots.tp_iternext.get().is_none() {
        return Err(vm.type_error(format!(
            "iter() returned non-iterator of type '{}'",
            it.class().name()
        )));
    }
    Ok(it)
}

/// `next(o)` through `__next__`; StopIteration ends the iteration.
pub fn slot_tp_iternext(vm: &mut Vm, o: &Obj) -> PyResult<Option<Obj>> {
    match call_dunder(vm, o, "__next__", &[]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.value().class().is_subtype(&STOP_ITERATION) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn slot_tp_descr_get(
    vm: &mut Vm,
    o: &Obj,
    obj: Option<&Obj>,
    ty: Option<&Obj>,
) -> PyResult<Obj> {
    let obj = obj.cloned().unwrap_or_else(Obj::none);
    let ty = ty.cloned().unwrap_or_else(Obj::none);
    call_dunder(vm, o, "__get__", &[obj, ty])
}

pub fn slot_tp_descr_set(vm: &mut Vm, o: &Obj, obj: &Obj, value: Option<Obj>) -> PyResult<()> {
    match value {
        Some(v) => call_dunder(vm, o, "__set__", &[obj.clone(), v])?,
        None => call_dunder(vm, o, "__delete__", std::slice::from_ref(obj))?,
    };
    Ok(())
}

/// `__init__`, which must return None (`slot_tp_init`).
pub fn slot_tp_init(vm: &mut Vm, o: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<()> {
    let n = vm.ids.__init__.clone();
    let Some(m) = lookup_method(vm, o, &n)? else {
        return Err(vm.new_exception_msg(&ATTRIBUTE_ERROR, "__init__"));
    };
    let r = match m {
        Method::Unbound(f) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(o.clone());
            full.extend_from_slice(args);
            vm.call(&f, &full, kwnames)?
        }
        Method::Bound(f) => vm.call(&f, args, kwnames)?,
    };
    if !r.is_none() {
        return Err(vm.type_error(format!(
            "__init__() should return None, not '{}'",
            r.class().name()
        )));
    }
    Ok(())
}

/// `cls.__new__(cls, *args)` (`slot_tp_new`).
pub fn slot_tp_new(vm: &mut Vm, cls: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    let n = vm.ids.__new__.clone();
    let f = vm.getattr(cls, &n)?;
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(cls.clone());
    full.extend_from_slice(args);
    vm.call(&f, &full, kwnames)
}

/// The binary operator slots (`SLOT1BINFULL`): try `__op__` of the left
/// operand and `__rop__` of the right one, the right one first when its
/// type is a subclass that overrides it.
fn binary_full(vm: &mut Vm, a: &Obj, b: &Obj, op: NbOp, this: BinaryFn) -> PyResult<Obj> {
    let (name, rname, _) = op.dunders();
    binary_full_named(vm, a, b, name, rname, |t| {
        t.slots.nb_binary[op as usize]
            .get()
            .is_some_and(|f| std::ptr::fn_addr_eq(f, this))
    })
}

fn binary_full_named(
    vm: &mut Vm,
    a: &Obj,
    b: &Obj,
    name: &str,
    rname: &str,
    has_slot: impl Fn(&TypeObject) -> bool,
) -> PyResult<Obj> {
    let (ta, tb) = (a.class(), b.class());
    let mut do_other = !std::ptr::eq(ta, tb) && has_slot(tb);
    if has_slot(ta) {
        if do_other && tb.is_subtype(ta) && method_is_overloaded(vm, ta, tb, rname) {
            let r = call_dunder_maybe(vm, b, rname, std::slice::from_ref(a))?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
            do_other = false;
        }
        let r = call_dunder_maybe(vm, a, name, std::slice::from_ref(b))?;
        if !r.is_not_implemented() || std::ptr::eq(ta, tb) {
            return Ok(r);
        }
    }
    if do_other {
        return call_dunder_maybe(vm, b, rname, std::slice::from_ref(a));
    }
    Ok(Obj::not_implemented())
}

/// Whether `right` defines `name` differently from `left`.
fn method_is_overloaded(vm: &mut Vm, left: &TypeObject, right: &TypeObject, name: &str) -> bool {
    let n = vm.intern(name);
    match (vm.type_lookup(right, &n), vm.type_lookup(left, &n)) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(r), Some(l)) => !r.is(&l),
    }
}

macro_rules! binary_slots {
    ($($fn_name:ident => $op:ident),* $(,)?) => {
        $(
            pub fn $fn_name(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
                binary_full(vm, a, b, NbOp::$op, $fn_name)
            }
        )*
        /// The binary slot function of each operator, by [`NbOp`] index.
        pub static BINARY_SLOTS: [BinaryFn; 13] = [$($fn_name),*];
    };
}

// In `NbOp` order.
binary_slots! {
    slot_nb_add => Add,
    slot_nb_and => And,
    slot_nb_floor_divide => FloorDivide,
    slot_nb_lshift => Lshift,
    slot_nb_matrix_multiply => MatrixMultiply,
    slot_nb_multiply => Multiply,
    slot_nb_remainder => Remainder,
    slot_nb_or => Or,
    slot_nb_power_binary => Power,
    slot_nb_rshift => Rshift,
    slot_nb_subtract => Subtract,
    slot_nb_true_divide => TrueDivide,
    slot_nb_xor => Xor,
}

macro_rules! inplace_slots {
    ($($fn_name:ident => $op:ident),* $(,)?) => {
        $(
            pub fn $fn_name(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
                call_dunder_maybe(vm, a, NbOp::$op.dunders().2, std::slice::from_ref(b))
            }
        )*
        /// The in-place slot function of each operator, by [`NbOp`] index.
        pub static INPLACE_SLOTS: [BinaryFn; 13] = [$($fn_name),*];
    };
}

inplace_slots! {
    slot_nb_inplace_add => Add,
    slot_nb_inplace_and => And,
    slot_nb_inplace_floor_divide => FloorDivide,
    slot_nb_inplace_lshift => Lshift,
    slot_nb_inplace_matrix_multiply => MatrixMultiply,
    slot_nb_inplace_multiply => Multiply,
    slot_nb_inplace_remainder => Remainder,
    slot_nb_inplace_or => Or,
    slot_nb_inplace_power => Power,
    slot_nb_inplace_rshift => Rshift,
    slot_nb_inplace_subtract => Subtract,
    slot_nb_inplace_true_divide => TrueDivide,
    slot_nb_inplace_xor => Xor,
}

pub fn slot_nb_divmod(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    binary_full_named(vm, a, b, "__divmod__", "__rdivmod__", |t| {
        t.slots
            .nb_divmod
            .get()
            .is_some_and(|f| std::ptr::fn_addr_eq(f, slot_nb_divmod as BinaryFn))
    })
}

/// Three-argument `pow()`: only `__pow__` of the base is tried
/// (`slot_nb_power`).
pub fn slot_nb_power(vm: &mut Vm, a: &Obj, b: &Obj, m: &Obj) -> PyResult<Obj> {
    if m.is_none() {
        return slot_nb_power_binary(vm, a, b);
    }
    let is_ours = a.class().slots.nb_power.get().is_some_and(|f| {
        std::ptr::fn_addr_eq(f, slot_nb_power as crate::objects::typeobject::TernaryFn)
    });
    if is_ours {
        return call_dunder(vm, a, "__pow__", &[b.clone(), m.clone()]);
    }
    Ok(Obj::not_implemented())
}

macro_rules! unary_slots {
    ($($fn_name:ident => $dunder:literal),* $(,)?) => {
        $(
            pub fn $fn_name(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
                call_dunder(vm, o, $dunder, &[])
            }
        )*
    };
}

unary_slots! {
    slot_nb_negative => "__neg__",
    slot_nb_positive => "__pos__",
    slot_nb_absolute => "__abs__",
    slot_nb_invert => "__invert__",
    slot_nb_int => "__int__",
    slot_nb_float => "__float__",
    slot_nb_index => "__index__",
}

/// Truth through `__bool__` (which must return a bool), else `__len__`
/// (`slot_nb_bool`).
pub fn slot_nb_bool(vm: &mut Vm, o: &Obj) -> PyResult<bool> {
    let n = vm.ids.__bool__.clone();
    if let Some(m) = lookup_method(vm, o, &n)? {
        let r = call_method(vm, m, o, &[])?;
        if !std::ptr::eq(r.class(), &bool_::BOOL_TYPE) {
            return Err(vm.type_error(format!(
                "__bool__ should return bool, returned {}",
                r.class().name()
            )));
        }
        return Ok(r.is_true_obj());
    }
    let n = vm.ids.__len__.clone();
    if vm.type_lookup(o.class(), &n).is_some() {
        return Ok(slot_sq_length(vm, o)? != 0);
    }
    Ok(true)
}

/// `len(o)` through `__len__`: an int that fits a Py_ssize_t and is not
/// negative (`slot_sq_length`).
pub fn slot_sq_length(vm: &mut Vm, o: &Obj) -> PyResult<usize> {
    let r = call_dunder(vm, o, "__len__", &[])?;
    let i = vm.index(&r)?;
    let Some(v) = int_ref(&i) else {
        return Err(vm.type_error("__len__() should return an integer"));
    };
    if v.is_negative() {
        return Err(vm.value_error("__len__() should return >= 0"));
    }
    match v.to_i64().and_then(|x| usize::try_from(x).ok()) {
        Some(n) if n <= isize::MAX as usize => Ok(n),
        _ => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}

/// `x in o` through `__contains__`, or by iterating when only `__iter__`
/// is defined (`slot_sq_contains`).
pub fn slot_sq_contains(vm: &mut Vm, o: &Obj, x: &Obj) -> PyResult<bool> {
    let n = vm.ids.__contains__.clone();
    match vm.type_lookup(o.class(), &n) {
        Some(f) if f.is_none() => {
            Err(vm.type_error(format!("'{}' object is not a container", o.class().name())))
        }
        Some(_) => {
            let r = call_dunder(vm, o, "__contains__", std::slice::from_ref(x))?;
            vm.is_true(&r)
        }
        None => vm.iter_search_contains(o, x),
    }
}

pub fn slot_mp_subscript(vm: &mut Vm, o: &Obj, key: &Obj) -> PyResult<Obj> {
    call_dunder(vm, o, "__getitem__", std::slice::from_ref(key))
}

pub fn slot_mp_ass_subscript(vm: &mut Vm, o: &Obj, key: &Obj, value: Option<Obj>) -> PyResult<()> {
    match value {
        Some(v) => call_dunder(vm, o, "__setitem__", &[key.clone(), v])?,
        None => call_dunder(vm, o, "__delitem__", std::slice::from_ref(key))?,
    };
    Ok(())
}
