//! Iterators over sequences (`list_iterator`, `tuple_iterator`, the
//! `__getitem__`-based `iterator`, `list_reverseiterator`), over strings,
//! and `callable_iterator` (CPython's `Objects/iterobject.c`,
//! `listobject.c`, `tupleobject.c`, `unicodeobject.c`).

use std::cell::Cell;

use crate::objects::header::ObjHeader;
use crate::objects::list::ListObject;
use crate::objects::obj::{ObjCell, dealloc_box};
use crate::objects::registry::TypeIndex;
use crate::objects::str::StrObject;
use crate::objects::tuple::tuple_items;
use crate::objects::typeobject::{CompareOp, MethodDef, TypeObject};
use crate::objects::{Obj, PyResult, Vm, args, exceptions, int, object_type};

/// Iterator over a list, a tuple, or any object with `__getitem__`.
#[repr(C)]
pub struct SeqIterObject {
    pub ob: ObjHeader,
    /// The sequence; emptied once the iterator is exhausted.
    seq: ObjCell,
    index: Cell<usize>,
}
crate::py_layout!(SeqIterObject, SEQ_ITERATOR_TYPE);

macro_rules! seq_iter_type {
    ($st:ident, $name:literal, $idx:ident, $next:ident) => {
        pub static $st: TypeObject = TypeObject::new_static(
            $name,
            &SEQ_ITERATOR_TYPE,
            TypeIndex::$idx as u16,
            dealloc_box::<SeqIterObject>,
        )
        .base(&object_type::OBJECT_TYPE)
        .gc(seq_iter_traverse, Some(seq_iter_clear))
        .iter(object_type::self_iter)
        .iternext($next)
        .methods(SEQ_ITER_METHODS);
    };
}
seq_iter_type!(
    SEQ_ITERATOR_TYPE,
    "iterator",
    SeqIterator,
    getitem_iter_next
);
seq_iter_type!(
    LIST_ITERATOR_TYPE,
    "list_iterator",
    ListIterator,
    list_iter_next
);
seq_iter_type!(
    TUPLE_ITERATOR_TYPE,
    "tuple_iterator",
    TupleIterator,
    tuple_iter_next
);

/// `iter(seq)` for lists, tuples and `__getitem__` sequences.
pub fn new_seq_iterator(_: &mut Vm, seq: Obj) -> Obj {
    let ty = if seq.downcast::<ListObject>().is_some() {
        &LIST_ITERATOR_TYPE
    } else if tuple_items(&seq).is_some() {
        &TUPLE_ITERATOR_TYPE
    } else {
        &SEQ_ITERATOR_TYPE
    };
    Obj::alloc(SeqIterObject {
        ob: ObjHeader::new(ty),
        seq: ObjCell::new(Some(seq)),
        index: Cell::new(0),
    })
}

fn seq_iter(o: &Obj) -> &SeqIterObject {
    o.downcast::<SeqIterObject>()
        .expect("sequence iterator slot")
}

fn list_iter_next(_: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let it = seq_iter(it);
    let Some(seq) = it.seq.get() else {
        return Ok(None);
    };
    let i = it.index.get();
    let item = seq.downcast::<ListObject>().and_then(|l| l.get(i));
    match item {
        Some(v) => {
            it.index.set(i + 1);
            Ok(Some(v))
        }
        None => {
            it.seq.set(None);
            Ok(None)
        }
    }
}

fn tuple_iter_next(_: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let it = seq_iter(it);
    let Some(seq) = it.seq.get() else {
        return Ok(None);
    };
    let i = it.index.get();
    match tuple_items(&seq).and_then(|t| t.get(i)) {
        Some(v) => {
            it.index.set(i + 1);
            Ok(Some(v.clone()))
        }
        None => {
            it.seq.set(None);
            Ok(None)
        }
    }
}

/// The old sequence protocol: `seq[0]`, `seq[1]`, ... until IndexError or
/// StopIteration.
fn getitem_iter_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let it = seq_iter(it);
    let Some(seq) = it.seq.get() else {
        return Ok(None);
    };
    let i = it.index.get();
    match vm.getitem(&seq, &int::new_usize(i)) {
        Ok(v) => {
            it.index.set(i + 1);
            Ok(Some(v))
        }
        Err(e) => {
            let t = e.value().class();
            if t.is_subtype(&exceptions::INDEX_ERROR) || t.is_subtype(&exceptions::STOP_ITERATION) {
                it.seq.set(None);
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

fn seq_length_hint(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "__length_hint__", &a[1..], kw)?;
    let it = seq_iter(&a[0]);
    let Some(seq) = it.seq.get() else {
        return Ok(int::new_int(0));
    };
    let n = vm.len(&seq)?;
    Ok(int::new_usize(n.saturating_sub(it.index.get())))
}

static SEQ_ITER_METHODS: &[MethodDef] = &[MethodDef::new("__length_hint__", seq_length_hint)];

/// `reversed(list)`.
#[repr(C)]
pub struct ReverseSeqIterObject {
    pub ob: ObjHeader,
    seq: ObjCell,
    /// Index of the next item, counting down; -1 when done.
    index: Cell<isize>,
}
crate::py_layout!(ReverseSeqIterObject, LIST_REVERSEITERATOR_TYPE);

pub static LIST_REVERSEITERATOR_TYPE: TypeObject = TypeObject::new_static(
    "list_reverseiterator",
    &LIST_REVERSEITERATOR_TYPE,
    TypeIndex::ListReverseIterator as u16,
    dealloc_box::<ReverseSeqIterObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(reverse_iter_traverse, Some(reverse_iter_clear))
.iter(object_type::self_iter)
.iternext(reverse_iter_next);

pub fn new_reversed_seq_iterator(_: &mut Vm, seq: Obj, len: usize) -> Obj {
    Obj::alloc(ReverseSeqIterObject {
        ob: ObjHeader::new(&LIST_REVERSEITERATOR_TYPE),
        seq: ObjCell::new(Some(seq)),
        index: Cell::new(len as isize - 1),
    })
}

fn reverse_iter_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let it = it
        .downcast::<ReverseSeqIterObject>()
        .expect("reverse iterator slot");
    let i = it.index.get();
    let Some(seq) = it.seq.get() else {
        return Ok(None);
    };
    if i < 0 {
        it.seq.set(None);
        return Ok(None);
    }
    let item = if let Some(l) = seq.downcast::<ListObject>() {
        l.get(i as usize)
    } else {
        Some(vm.getitem(&seq, &int::new_int(i as i64))?)
    };
    match item {
        Some(v) => {
            it.index.set(i - 1);
            Ok(Some(v))
        }
        None => {
            it.index.set(-1);
            it.seq.set(None);
            Ok(None)
        }
    }
}

/// Iterator over a str's characters.
#[repr(C)]
pub struct StrIterObject {
    pub ob: ObjHeader,
    s: Obj,
    /// Byte offset of the next character.
    pos: Cell<usize>,
}
crate::py_layout!(StrIterObject, STR_ITERATOR_TYPE);

pub static STR_ITERATOR_TYPE: TypeObject = TypeObject::new_static(
    "str_iterator",
    &STR_ITERATOR_TYPE,
    TypeIndex::StrIterator as u16,
    dealloc_box::<StrIterObject>,
)
.base(&object_type::OBJECT_TYPE)
.iter(object_type::self_iter)
.iternext(str_iter_next);

pub static STR_ASCII_ITERATOR_TYPE: TypeObject = TypeObject::new_static(
    "str_ascii_iterator",
    &STR_ITERATOR_TYPE,
    TypeIndex::StrAsciiIterator as u16,
    dealloc_box::<StrIterObject>,
)
.base(&object_type::OBJECT_TYPE)
.iter(object_type::self_iter)
.iternext(str_iter_next);

pub fn new_str_iterator(_: &mut Vm, s: Obj) -> Obj {
    let ascii = s.downcast::<StrObject>().is_some_and(|x| x.is_ascii());
    let ty = if ascii {
        &STR_ASCII_ITERATOR_TYPE
    } else {
        &STR_ITERATOR_TYPE
    };
    Obj::alloc(StrIterObject {
        ob: ObjHeader::new(ty),
        s,
        pos: Cell::new(0),
    })
}

fn str_iter_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let it = it.downcast::<StrIterObject>().expect("str iterator slot");
    let text = crate::objects::str::str_value(&it.s);
    let pos = it.pos.get();
    match text[pos..].chars().next() {
        Some(c) => {
            it.pos.set(pos + c.len_utf8());
            let mut buf = [0u8; 4];
            Ok(Some(vm.new_str(c.encode_utf8(&mut buf))))
        }
        None => Ok(None),
    }
}

/// `iter(callable, sentinel)`.
#[repr(C)]
pub struct CallIterObject {
    pub ob: ObjHeader,
    callable: ObjCell,
    sentinel: Obj,
}
crate::py_layout!(CallIterObject, CALLABLE_ITERATOR_TYPE);

pub static CALLABLE_ITERATOR_TYPE: TypeObject = TypeObject::new_static(
    "callable_iterator",
    &CALLABLE_ITERATOR_TYPE,
    TypeIndex::CallableIterator as u16,
    dealloc_box::<CallIterObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(call_iter_traverse, Some(call_iter_clear))
.iter(object_type::self_iter)
.iternext(call_iter_next);

pub fn new_callable_iterator(callable: Obj, sentinel: Obj) -> Obj {
    Obj::alloc(CallIterObject {
        ob: ObjHeader::new(&CALLABLE_ITERATOR_TYPE),
        callable: ObjCell::new(Some(callable)),
        sentinel,
    })
}

fn call_iter_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let it = it
        .downcast::<CallIterObject>()
        .expect("callable iterator slot");
    let Some(f) = it.callable.get() else {
        return Ok(None);
    };
    let r = match vm.call(&f, &[], None) {
        Ok(r) => r,
        Err(e) => {
            if e.value().class().is_subtype(&exceptions::STOP_ITERATION) {
                it.callable.set(None);
                return Ok(None);
            }
            return Err(e);
        }
    };
    if vm.rich_compare_bool(&r, &it.sentinel, CompareOp::Eq)? {
        it.callable.set(None);
        return Ok(None);
    }
    Ok(Some(r))
}

/// Whether a list or tuple iterator can be advanced without Python code
/// (used by FOR_ITER's fast paths).
pub fn is_list_or_tuple_iter(o: &Obj) -> bool {
    let t = o.class();
    std::ptr::eq(t, &LIST_ITERATOR_TYPE) || std::ptr::eq(t, &TUPLE_ITERATOR_TYPE)
}

crate::gc_traverse!(reverse_iter_traverse, ReverseSeqIterObject, [seq]);
crate::gc_clear!(reverse_iter_clear, ReverseSeqIterObject, [seq]);

crate::gc_traverse!(call_iter_traverse, CallIterObject, [callable, sentinel]);
crate::gc_clear!(call_iter_clear, CallIterObject, [callable]);

crate::gc_traverse!(seq_iter_traverse, SeqIterObject, [seq]);
crate::gc_clear!(seq_iter_clear, SeqIterObject, [seq]);
