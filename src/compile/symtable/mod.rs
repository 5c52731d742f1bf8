//! The symbol table (a port of `Python/symtable.c` and
//! `Include/internal/pycore_symtable.h`): which names each block binds,
//! uses, declares global or nonlocal, and — after analysis — whether each
//! is local, global (explicit or implicit), free or a cell.
//!
//! Building it is two passes, as in CPython: [`build`] walks the tree and
//! records raw facts per block (`symtable_visit_*`); [`analyze`] resolves
//! scopes (`analyze_block`), inlines comprehensions (PEP 709) and marks
//! cells. Blocks are kept in an arena and keyed by [`ScopeKey`] (CPython
//! keys them by AST node address).

mod analyze;
mod build;

use std::collections::HashMap;

use super::ast::{Loc, ScopeKey};
use super::error::CompileError;
use super::future::FutureFeatures;

pub use build::{RECURSION_LIMIT, build};

/// Symbol flags (`DEF_*`, `USE`).
pub mod flags {
    pub const DEF_GLOBAL: i64 = 1;
    pub const DEF_LOCAL: i64 = 2;
    pub const DEF_PARAM: i64 = 2 << 1;
    pub const DEF_NONLOCAL: i64 = 2 << 2;
    pub const USE: i64 = 2 << 3;
    pub const DEF_FREE_CLASS: i64 = 2 << 5;
    pub const DEF_IMPORT: i64 = 2 << 6;
    pub const DEF_ANNOT: i64 = 2 << 7;
    pub const DEF_COMP_ITER: i64 = 2 << 8;
    pub const DEF_TYPE_PARAM: i64 = 2 << 9;
    pub const DEF_COMP_CELL: i64 = 2 << 10;
    pub const DEF_BOUND: i64 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
    pub const SCOPE_OFFSET: i64 = 12;
    pub const SCOPE_MASK: i64 = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;
}

/// The scope of a name (`LOCAL`, `GLOBAL_EXPLICIT`, ...); 0 means none.
pub mod scope {
    pub const LOCAL: i64 = 1;
    pub const GLOBAL_EXPLICIT: i64 = 2;
    pub const GLOBAL_IMPLICIT: i64 = 3;
    pub const FREE: i64 = 4;
    pub const CELL: i64 = 5;
}

/// `SYMBOL_TO_SCOPE`.
pub fn symbol_to_scope(s: i64) -> i64 {
    (s >> flags::SCOPE_OFFSET) & flags::SCOPE_MASK
}

/// `_Py_block_ty`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    Function,
    Class,
    Module,
    /// `__annotate__` functions (PEP 649).
    Annotation,
    /// The value of a `type` statement.
    TypeAlias,
    /// The scope around a generic function, class or alias.
    TypeParameters,
    /// A TypeVar's bound, constraints or default.
    TypeVariable,
}

/// `_Py_comprehension_ty`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompType {
    None,
    List,
    Dict,
    Set,
    Generator,
}

/// Names to flags, in insertion order (CPython's `ste_symbols` dict; the
/// order matters: inlined comprehensions push their locals in it).
#[derive(Clone, Debug, Default)]
pub struct Symbols {
    entries: Vec<(String, i64)>,
    index: HashMap<String, usize>,
}

impl Symbols {
    pub fn get(&self, name: &str) -> Option<i64> {
        self.index.get(name).map(|&i| self.entries[i].1)
    }

    pub fn set(&mut self, name: &str, v: i64) {
        match self.index.get(name) {
            Some(&i) => self.entries[i].1 = v,
            None => {
                self.index.insert(name.to_string(), self.entries.len());
                self.entries.push((name.to_string(), v));
            }
        }
    }

    pub fn remove(&mut self, name: &str) {
        if let Some(i) = self.index.remove(name) {
            self.entries.remove(i);
            for (k, (n, _)) in self.entries.iter().enumerate().skip(i) {
                self.index.insert(n.clone(), k);
            }
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, i64)> {
        self.entries.iter().map(|(n, v)| (n.as_str(), *v))
    }

    /// A snapshot of the entries (for loops that update as they go).
    pub fn to_vec(&self) -> Vec<(String, i64)> {
        self.entries.clone()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// One block (`PySTEntryObject`).
#[derive(Clone, Debug)]
pub struct Entry {
    pub id: ScopeKey,
    pub name: String,
    pub symbols: Symbols,
    /// Parameters, in order.
    pub varnames: Vec<String>,
    pub children: Vec<usize>,
    /// `global`/`nonlocal` declarations: name and location.
    pub directives: Vec<(String, Loc)>,
    /// Index into [`SymbolTable::mangled_sets`] (shared with child blocks,
    /// as CPython shares the set object).
    pub mangled_names: Option<usize>,
    pub type_: BlockType,
    pub scope_info: Option<&'static str>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: CompType,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    pub needs_class_closure: bool,
    pub needs_classdict: bool,
    pub comp_inlined: bool,
    pub comp_iter_target: bool,
    pub can_see_class_scope: bool,
    pub comp_iter_expr: i32,
    pub has_conditional_annotations: bool,
    pub in_conditional_block: bool,
    pub in_unevaluated_annotation: bool,
    pub annotations_used: bool,
    pub has_docstring: bool,
    pub method: bool,
    pub annotation_block: Option<usize>,
    pub loc: Loc,
}

impl Entry {
    /// `_PyST_IsFunctionLike`.
    pub fn is_function_like(&self) -> bool {
        matches!(
            self.type_,
            BlockType::Function
                | BlockType::Annotation
                | BlockType::TypeVariable
                | BlockType::TypeAlias
                | BlockType::TypeParameters
        )
    }

    /// `_PyST_GetSymbol` (0 when absent).
    pub fn symbol(&self, name: &str) -> i64 {
        self.symbols.get(name).unwrap_or(0)
    }

    /// `_PyST_GetScope`.
    pub fn scope(&self, name: &str) -> i64 {
        symbol_to_scope(self.symbol(name))
    }
}

/// The symbol table of one compilation (`struct symtable`).
#[derive(Debug)]
pub struct SymbolTable {
    pub entries: Vec<Entry>,
    pub blocks: HashMap<ScopeKey, usize>,
    pub top: usize,
    pub mangled_sets: Vec<std::collections::HashSet<String>>,
    pub future: FutureFeatures,
}

impl SymbolTable {
    /// `_PySymtable_Lookup`.
    pub fn lookup(&self, key: ScopeKey) -> Result<usize, CompileError> {
        self.blocks
            .get(&key)
            .copied()
            .ok_or_else(|| CompileError::system("unknown symbol table entry"))
    }

    /// `_PySymtable_LookupOptional`.
    pub fn lookup_optional(&self, key: ScopeKey) -> Option<usize> {
        self.blocks.get(&key).copied()
    }

    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }

    pub fn entry_mut(&mut self, i: usize) -> &mut Entry {
        &mut self.entries[i]
    }

    /// `_Py_MaybeMangle`: type parameter blocks of generic classes mangle
    /// only the type parameter names.
    pub fn maybe_mangle(&self, private: Option<&str>, ste: usize, name: &str) -> String {
        if let Some(set) = self.entries[ste].mangled_names
            && !self.mangled_sets[set].contains(name)
        {
            return name.to_string();
        }
        mangle(private, name)
    }
}

/// `_Py_Mangle`: `__name` inside class `C` becomes `_C__name` (not
/// `__dunder__`, not dotted names, not in a class named only `_`s).
pub fn mangle(private: Option<&str>, ident: &str) -> String {
    let Some(private) = private else {
        return ident.to_string();
    };
    if !ident.starts_with("__") {
        return ident.to_string();
    }
    if ident.ends_with("__") || ident.contains('.') {
        return ident.to_string();
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return ident.to_string();
    }
    format!("_{stripped}{ident}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mangling_follows_cpython() {
        assert_eq!(mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("__"), "__x"), "__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(Some("C"), "__a.b"), "__a.b");
        assert_eq!(mangle(Some("C"), "_x"), "_x");
        assert_eq!(mangle(None, "__x"), "__x");
        assert_eq!(mangle(Some("C"), "__"), "__");
    }
}
