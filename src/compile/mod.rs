//! The compiler: Python source to CPython 3.14's bytecode.
//!
//! The pipeline follows CPython's, one module per stage, each a port of the
//! C file it names:
//!
//! ```text
//! source --ruff_python_parser--> AST --symtable--> scopes --codegen-->
//!   InstrSequence (per code unit) --assemble (flowgraph + assembler)--> code object
//! ```
//!
//! - [`location`], [`instr_sequence`], [`consts`], [`unit`]: the data the
//!   stages hand each other (`_Py_SourceLocation`, `_PyInstructionSequence`,
//!   `_PyCode_ConstantKey`, `_PyCompile_CodeUnitMetadata`);
//! - [`assemble`]: `flowgraph.c` and `assemble.c`;
//! - [`dis`]: the disassembler (`Lib/dis.py`'s output).
//!
//! The goal is bytecode identical to python3.14's for the same source
//! (instructions, arguments, constants, names, exception and location
//! tables, stack size), checked against goldens.

pub mod assemble;
pub mod ast;
mod codegen;
pub mod compiler;
pub mod consts;
pub mod dis;
mod driver;
pub mod error;
pub mod future;
pub mod instr_sequence;
pub mod location;
pub mod parse;
pub mod preprocess;
pub mod source;
pub mod symtable;
pub mod unit;
mod unparse;

pub use driver::{Codegen, Options, Source, codegen_module, compile};
pub use parse::Mode;
