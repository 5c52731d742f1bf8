//! pyrs: a Python 3.14 implementation whose heart is a port of CPython
//! 3.14's eval loop.
//!
//! The modules follow the pipeline: `opcode` (the instruction set as data),
//! `marshal` (`.pyc` files), `objects` (the object model), `vm` (the eval
//! loop and its dispatch backends), `builtins` and `modules` (what programs
//! call), `api` (embedding) and `cli` (the `pyrs` command). `format` and
//! `unicode` are the text engines the objects use.

pub mod api;
pub mod builtins;
pub mod cli;
pub mod compile;
pub mod format;
pub mod marshal;
pub mod modules;
pub mod objects;
pub mod opcode;
pub mod unicode;
pub mod vm;

pub use api::{Config, Interpreter, InterruptHandle, Outcome};
