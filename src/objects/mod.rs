//! The object model: CPython-shaped objects with a `#[repr(C)]` header and
//! types with slot tables.
//!
//! The unsafe core is `header.rs`, `obj.rs`, `trashcan.rs`, the cycle
//! collector's lists (`gc/`) and the tuple's inline storage; everything else is safe Rust over the `Obj` handle.
//! `protocol/` holds the generic operations (a port of `Objects/abstract.c`
//! and `Objects/object.c`) as methods on `Vm`.

pub mod error;
pub mod gc;
pub mod header;
pub mod obj;
pub mod registry;
pub mod trashcan;
pub mod typeobject;

pub mod args;
pub mod async_gen;
pub mod bool_;
pub mod bytes;
pub mod cell;
pub mod code;
pub mod codecs;
pub mod complex;
pub mod descr;
pub mod descr_types;
pub mod dict;
pub mod exceptions;
pub mod finalize;
pub mod float;
pub mod function;
pub mod generator;
pub mod hash;
pub mod heaptype;
pub mod int;
pub mod iterators;
pub mod list;
pub mod mappingproxy;
pub mod module;
pub mod native;
pub mod object_type;
pub mod percent;
pub mod protocol;
pub mod range;
pub mod set;
pub mod singletons;
pub mod slice;
pub mod slot_wrappers;
pub mod str;
pub mod str_format;
pub mod super_type;
pub mod template;
pub mod traceback;
pub mod tuple;
pub mod type_type;
pub mod typing;

pub use error::{PyErr, PyResult};
pub use header::ObjHeader;
pub use obj::{Obj, ObjCell, PyLayout, StaticObject};
pub use typeobject::{CompareOp, NbOp, TypeObject};

pub use crate::vm::Vm;
