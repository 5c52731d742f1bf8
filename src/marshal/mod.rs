//! CPython 3.14's marshal format (version 5) and `.pyc` files.
//!
//! Why this module exists: pyrs must load the `.pyc` files CPython 3.14
//! writes (they are the ground truth that separates VM bugs from compiler
//! bugs), and its own `marshal` module must read and write the same bytes.
//! This is a port of `Python/marshal.c` (`r_object`, `w_object` and their
//! helpers) plus the `.pyc` header handling of `Python/pythonrun.c`
//! (`run_pyc_file`) and `Lib/importlib/_bootstrap_external.py`
//! (`_classify_pyc`, `_code_to_timestamp_pyc`, `_code_to_hash_pyc`).
//!
//! What it must not do: know the interpreter's object model. Reading turns
//! bytes into a tree of plain Rust values ([`Value`], [`Code`]); writing turns
//! such a tree back into bytes. Another layer converts the tree into objects.
//! Where CPython's loader has side effects that belong to the object model
//! (interning, building real dicts and sets, deduplicating keys), the tree
//! records what the bytes say and leaves the effect to that layer.
//!
//! Hostile input is expected: readers never panic, never recurse on the Rust
//! stack (both directions use explicit work stacks, capped at CPython's
//! nesting limit of 2000), and never pre-allocate more than the remaining
//! input could describe.
//!
//! Layout:
//! - [`value`]: the tree ([`Value`], [`PyStr`], [`Code`]);
//! - [`error`]: [`MarshalError`] with CPython's exception type and message;
//! - `reader`: `r_object` and friends; [`loads`];
//! - `check`: the loader's checks on dict keys, set elements and code
//!   objects (`PyObject_Hash`, `_PyCode_Validate`);
//! - `writer`: `w_object` and friends; [`dumps`];
//! - `number`, `utf8`: 15-bit-digit ints, text floats, and UTF-8 decoding
//!   with CPython's error reporting;
//! - [`pyc`]: the 16-byte header; [`read_pyc`], [`write_pyc`];
//! - `render`: the canonical text rendering used by the golden tests.

mod check;
pub mod error;
mod number;
pub mod pyc;
mod reader;
mod render;
mod typecode;
mod utf8;
pub mod value;
mod writer;

pub use error::{ErrorKind, MarshalError};
pub use pyc::{
    MAGIC, MAGIC_NUMBER, PycError, PycHeader, PycValidation, classify_pyc, read_pyc, read_pyc_body,
    write_pyc,
};
pub use reader::{loads, loads_prefix};
pub use render::render;
pub use value::{Code, PyStr, Value};
pub use writer::dumps;

/// The marshal format version this module writes (`marshal.version` in
/// CPython 3.14). Reading accepts everything versions 0 to 5 produce.
pub const VERSION: u32 = 5;

/// CPython's `MAX_MARSHAL_STACK_DEPTH` on non-Windows builds: the deepest
/// nesting `r_object` and `w_object` accept.
pub const MAX_DEPTH: usize = 2000;
