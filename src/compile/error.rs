//! Errors of the compiler's passes and how they become Python exceptions.
//!
//! CPython raises compile errors in two shapes, and so does this:
//!
//! - the parser's (`_PyPegen_raise_error_known_location`): the location is
//!   part of `args` — `SyntaxError(msg, (filename, lineno, offset, text,
//!   end_lineno, end_offset))` — with offsets counted in characters and
//!   the source line as `text`;
//! - the symbol table's and code generator's (`_PyCompile_Error`,
//!   `PyErr_RangedSyntaxLocationObject`): `args` is just `(msg,)`, the
//!   location is set as attributes, offsets are UTF-8 byte columns + 1,
//!   and `text` is read from the file named `filename` when there is one
//!   (`PyErr_ProgramTextObject`), else None.

use super::ast::Loc;
use super::parse::{FailureKind, ParseFailure};
use crate::objects::exceptions::{
    INCOMPLETE_INPUT_ERROR, INDENTATION_ERROR, MEMORY_ERROR, RECURSION_ERROR, SYNTAX_ERROR,
    SYSTEM_ERROR, TAB_ERROR,
};
use crate::objects::{Obj, PyErr, Vm, int, tuple};

/// Why compilation stopped.
#[derive(Debug)]
pub enum CompileError {
    /// A SyntaxError from the symbol table (or a future import): the
    /// location is set as attributes, `args` is just the message.
    Syntax { msg: String, loc: Option<Loc> },
    /// A SyntaxError from the code generator (`_PyCompile_Error`): the
    /// location is in `args` too.
    Codegen { msg: String, loc: Loc },
    /// A SyntaxError (or IndentationError, TabError) from the parser.
    Parse(ParseFailure),
    /// An internal inconsistency (CPython's SystemError).
    System(String),
    /// "maximum recursion depth exceeded during compilation".
    Recursion,
    /// "Parser stack overflowed - Python source too complex to parse".
    TooComplex,
    /// A feature pyrs's compiler does not have yet (NotImplementedError).
    NotImplemented(String),
    /// An exception already raised as a Python object.
    Py(PyErr),
}

impl From<PyErr> for CompileError {
    fn from(e: PyErr) -> Self {
        CompileError::Py(e)
    }
}

impl From<ParseFailure> for CompileError {
    fn from(e: ParseFailure) -> Self {
        CompileError::Parse(e)
    }
}

impl CompileError {
    pub fn syntax(msg: impl Into<String>, loc: Loc) -> CompileError {
        CompileError::Syntax {
            msg: msg.into(),
            loc: Some(loc),
        }
    }

    pub fn system(msg: impl Into<String>) -> CompileError {
        CompileError::System(msg.into())
    }

    /// The Python exception for this error, for a compilation of
    /// `filename`.
    pub fn into_py(self, vm: &mut Vm, filename: &str) -> PyErr {
        match self {
            CompileError::Py(e) => e,
            CompileError::System(m) => vm.new_exception_msg(&SYSTEM_ERROR, m),
            CompileError::NotImplemented(m) => vm.not_implemented_error(m),
            CompileError::Recursion => vm.new_exception_msg(
                &RECURSION_ERROR,
                "maximum recursion depth exceeded during compilation",
            ),
            CompileError::TooComplex => vm.new_exception_msg(
                &MEMORY_ERROR,
                "Parser stack overflowed - Python source too complex to parse",
            ),
            CompileError::Parse(p) => parse_failure_to_py(vm, p, filename),
            CompileError::Codegen { msg, loc } => {
                // `_PyErr_RaiseSyntaxError`.
                let text = match program_text(filename, loc.lineno) {
                    Some(t) => vm.new_string(t),
                    None => Obj::none(),
                };
                let info = tuple::new_tuple(vec![
                    vm.new_str(filename),
                    int::new_int(i64::from(loc.lineno)),
                    int::new_int(i64::from(loc.col_offset) + 1),
                    text,
                    int::new_int(i64::from(loc.end_lineno)),
                    int::new_int(i64::from(loc.end_col_offset) + 1),
                ]);
                let msg = vm.new_string(msg);
                vm.new_exception(&SYNTAX_ERROR, vec![msg, info])
            }
            CompileError::Syntax { msg, loc } => {
                let err = vm.new_exception_msg(&SYNTAX_ERROR, &msg);
                if let Some(loc) = loc {
                    set_location(vm, err.value(), filename, loc);
                }
                err
            }
        }
    }
}

/// `PyErr_RangedSyntaxLocationObject`: location attributes, byte columns.
fn set_location(vm: &mut Vm, e: &Obj, filename: &str, loc: Loc) {
    let text = program_text(filename, loc.lineno);
    let fields: [(&str, Obj); 6] = [
        ("filename", vm.new_str(filename)),
        ("lineno", int::new_int(i64::from(loc.lineno))),
        ("offset", int::new_int(i64::from(loc.col_offset) + 1)),
        (
            "text",
            match text {
                Some(t) => vm.new_string(t),
                None => Obj::none(),
            },
        ),
        ("end_lineno", int::new_int(i64::from(loc.end_lineno))),
        (
            "end_offset",
            int::new_int(i64::from(loc.end_col_offset) + 1),
        ),
    ];
    for (name, value) in fields {
        let key = vm.intern(name);
        let _ = vm.setattr(e, &key, value);
    }
}

/// `PyErr_ProgramTextObject`: line `lineno` of the file `filename`, with
/// its newline, when the file can be read.
fn program_text(filename: &str, lineno: i32) -> Option<String> {
    if lineno < 1 || filename.is_empty() || filename.starts_with('<') {
        return None;
    }
    let data = std::fs::read(filename).ok()?;
    let text = String::from_utf8_lossy(&data);
    let line = text
        .split_inclusive('\n')
        .nth(usize::try_from(lineno - 1).ok()?)?;
    Some(if line.ends_with('\n') {
        line.to_string()
    } else {
        format!("{line}\n")
    })
}

/// A parser failure as `SyntaxError(msg, (filename, lineno, offset, text,
/// end_lineno, end_offset))`.
pub fn parse_failure_to_py(vm: &mut Vm, p: ParseFailure, filename: &str) -> PyErr {
    let ty = match p.kind {
        FailureKind::SyntaxError => &SYNTAX_ERROR,
        FailureKind::IndentationError => &INDENTATION_ERROR,
        FailureKind::TabError => &TAB_ERROR,
        FailureKind::IncompleteInput => &INCOMPLETE_INPUT_ERROR,
    };
    let msg = vm.new_string(p.msg);
    let text = match p.text {
        Some(t) => vm.new_string(t),
        None => Obj::none(),
    };
    let info = tuple::new_tuple(vec![
        vm.new_str(filename),
        int::new_int(p.lineno),
        int::new_int(p.offset),
        text,
        int::new_int(p.end_lineno),
        int::new_int(p.end_offset),
    ]);
    vm.new_exception(ty, vec![msg, info])
}
