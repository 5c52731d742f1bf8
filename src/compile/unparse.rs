//! `_PyAST_ExprAsUnicode` (a port of `Python/ast_unparse.c`): an
//! expression back to source text, for `from __future__ import
//! annotations`.

use super::ast::Expr;
use super::error::CompileError;

/// The source text of an annotation.
pub fn expr_as_unicode(_e: &Expr) -> Result<String, CompileError> {
    Err(CompileError::NotImplemented(
        "pyrs: 'from __future__ import annotations' (unparsing annotations) is not implemented yet"
            .into(),
    ))
}
