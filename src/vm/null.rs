//! The `<NULL>` sentinel: what malformed bytecode gets when it pops a NULL
//! where a value is required.
//!
//! Bytecode from a compiler never does this (CPython's compiler guarantees
//! it, and CPython would crash). pyrs must not crash on a hostile `.pyc`,
//! and checking NULL-ness statically would need a full dataflow analysis, so
//! the stack primitives substitute this immortal object instead: its type
//! has no operations, so any use raises a TypeError naming `<NULL>`.

use crate::objects::Obj;
use crate::objects::header::ObjHeader;
use crate::objects::obj::{StaticObject, dealloc_never};
use crate::objects::object_type::OBJECT_TYPE;
use crate::objects::registry::TypeIndex;
use crate::objects::typeobject::TypeObject;

#[repr(C)]
pub struct NullObject {
    pub ob: ObjHeader,
}
// SAFETY: `#[repr(C)]`, header first, immortal.
unsafe impl StaticObject for NullObject {}

/// The type of the sentinel: no slots beyond `object`'s.
pub static NULL_TYPE: TypeObject =
    TypeObject::new_static("<NULL>", &NULL_TYPE, TypeIndex::Null as u16, dealloc_never)
        .base(&OBJECT_TYPE);

static NULL_VALUE: NullObject = NullObject {
    ob: ObjHeader::immortal(&NULL_TYPE),
};

/// A reference to the sentinel.
#[cold]
pub fn null_value() -> Obj {
    Obj::from_static(&NULL_VALUE)
}

/// A reference to the sentinel that can live in a static: it points to an
/// immortal object, whose count is never touched, so sharing it between
/// threads is harmless.
struct SharedNull(Obj);
// SAFETY: the wrapped `Obj` refers to an immortal static that no thread
// ever writes (its reference count is never modified).
unsafe impl Sync for SharedNull {}
// SAFETY: as above.
unsafe impl Send for SharedNull {}

static NULL_REF: std::sync::OnceLock<SharedNull> = std::sync::OnceLock::new();

/// A borrowed sentinel, for peeks.
#[cold]
pub fn null_ref() -> &'static Obj {
    &NULL_REF.get_or_init(|| SharedNull(null_value())).0
}
