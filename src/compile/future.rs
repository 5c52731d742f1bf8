//! `from __future__ import ...` (a port of `Python/future.c`): which
//! future features a module turns on, and where its last future import is
//! (the symbol table rejects a later one).

use super::ast::{Loc, Mod, Stmt, StmtKind, docstring};

/// `co_flags` bits of the future features (`Include/cpython/code.h`).
pub mod flags {
    pub const CO_FUTURE_DIVISION: u32 = 0x20000;
    pub const CO_FUTURE_ABSOLUTE_IMPORT: u32 = 0x40000;
    pub const CO_FUTURE_WITH_STATEMENT: u32 = 0x80000;
    pub const CO_FUTURE_PRINT_FUNCTION: u32 = 0x100000;
    pub const CO_FUTURE_UNICODE_LITERALS: u32 = 0x200000;
    pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x400000;
    pub const CO_FUTURE_GENERATOR_STOP: u32 = 0x800000;
    pub const CO_FUTURE_ANNOTATIONS: u32 = 0x1000000;
    /// `PyCF_MASK`: the future flags a code object inherits.
    pub const PY_CF_MASK: u32 = CO_FUTURE_DIVISION
        | CO_FUTURE_ABSOLUTE_IMPORT
        | CO_FUTURE_WITH_STATEMENT
        | CO_FUTURE_PRINT_FUNCTION
        | CO_FUTURE_UNICODE_LITERALS
        | CO_FUTURE_BARRY_AS_BDFL
        | CO_FUTURE_GENERATOR_STOP
        | CO_FUTURE_ANNOTATIONS;
    /// `PyCF_ONLY_AST`.
    pub const PY_CF_ONLY_AST: u32 = 0x0400;
    /// `PyCF_DONT_IMPLY_DEDENT`.
    pub const PY_CF_DONT_IMPLY_DEDENT: u32 = 0x0200;
    /// `PyCF_TYPE_COMMENTS`.
    pub const PY_CF_TYPE_COMMENTS: u32 = 0x1000;
    /// `PyCF_ALLOW_TOP_LEVEL_AWAIT`.
    pub const PY_CF_ALLOW_TOP_LEVEL_AWAIT: u32 = 0x2000;
    /// `PyCF_ALLOW_INCOMPLETE_INPUT`.
    pub const PY_CF_ALLOW_INCOMPLETE_INPUT: u32 = 0x4000;
    /// `PyCF_OPTIMIZED_AST`.
    pub const PY_CF_OPTIMIZED_AST: u32 = 0x8000 | PY_CF_ONLY_AST;
    /// `PyCF_COMPILE_MASK`.
    pub const PY_CF_COMPILE_MASK: u32 = PY_CF_ONLY_AST
        | PY_CF_ALLOW_TOP_LEVEL_AWAIT
        | PY_CF_TYPE_COMMENTS
        | PY_CF_DONT_IMPLY_DEDENT
        | PY_CF_ALLOW_INCOMPLETE_INPUT
        | PY_CF_OPTIMIZED_AST;
}

/// `_PyFutureFeatures`.
#[derive(Clone, Copy, Debug)]
pub struct FutureFeatures {
    pub features: u32,
    /// The location of the last future import (`ff_location`), or -1s.
    pub location: Loc,
}

/// A SyntaxError found in a future import: message and location.
#[derive(Clone, Debug)]
pub struct FutureError {
    pub msg: String,
    pub loc: Loc,
}

/// `future_check_features`.
fn check_features(ff: &mut FutureFeatures, s: &Stmt) -> Result<(), FutureError> {
    let StmtKind::ImportFrom { names, .. } = &s.kind else {
        return Ok(());
    };
    for alias in names {
        let feature = alias.name.as_str();
        match feature {
            "nested_scopes" | "generators" | "division" | "absolute_import" | "with_statement"
            | "print_function" | "unicode_literals" => {}
            "generator_stop" => ff.features |= flags::CO_FUTURE_GENERATOR_STOP,
            "barry_as_FLUFL" => ff.features |= flags::CO_FUTURE_BARRY_AS_BDFL,
            "annotations" => ff.features |= flags::CO_FUTURE_ANNOTATIONS,
            "braces" => {
                return Err(FutureError {
                    msg: "not a chance".into(),
                    loc: alias.loc,
                });
            }
            _ => {
                return Err(FutureError {
                    msg: format!("future feature {feature} is not defined"),
                    loc: alias.loc,
                });
            }
        }
    }
    Ok(())
}

/// `_PyFuture_FromAST`: the future imports at the top of a module (after
/// its docstring).
pub fn from_ast(m: &Mod) -> Result<FutureFeatures, FutureError> {
    let mut ff = FutureFeatures {
        features: 0,
        location: Loc::NONE,
    };
    let body = match m {
        Mod::Module { body, .. } | Mod::Interactive { body, .. } => body,
        Mod::Expression { .. } => return Ok(ff),
    };
    let start = usize::from(docstring(body).is_some());
    for s in &body[start.min(body.len())..] {
        match &s.kind {
            StmtKind::ImportFrom {
                module: Some(m),
                level: 0,
                ..
            } if m == "__future__" => {
                check_features(&mut ff, s)?;
                ff.location = s.loc;
            }
            _ => break,
        }
    }
    Ok(ff)
}
