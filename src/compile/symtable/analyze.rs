//! The second pass: `analyze_block` resolves every name's scope, given the
//! names bound in enclosing function scopes, inlines list/set/dict
//! comprehensions into their parent (PEP 709) and turns locals captured
//! by inner blocks into cells.

use std::collections::HashSet;

use super::flags::*;
use super::scope::*;
use super::{BlockType, CompType, SymbolTable, Symbols, symbol_to_scope};
use crate::compile::error::CompileError;

type R<T = ()> = Result<T, CompileError>;

/// A set of names that remembers insertion order (CPython iterates its
/// sets; a fixed order keeps the output deterministic).
#[derive(Clone, Default, Debug)]
struct NameSet {
    order: Vec<String>,
    set: HashSet<String>,
}

impl NameSet {
    fn contains(&self, n: &str) -> bool {
        self.set.contains(n)
    }

    fn add(&mut self, n: &str) {
        if self.set.insert(n.to_string()) {
            self.order.push(n.to_string());
        }
    }

    /// Removes `n`; true if it was there.
    fn discard(&mut self, n: &str) -> bool {
        if self.set.remove(n) {
            self.order.retain(|x| x != n);
            true
        } else {
            false
        }
    }

    fn union(&mut self, other: &NameSet) {
        for n in &other.order {
            self.add(n);
        }
    }

    fn iter(&self) -> impl Iterator<Item = &String> {
        self.order.iter()
    }
}

/// The scope each name resolves to in the block being analyzed.
type Scopes = Symbols;

/// `symtable_analyze`.
pub fn analyze(st: &mut SymbolTable) -> R {
    let mut free = NameSet::default();
    let mut global = NameSet::default();
    let mut type_params = NameSet::default();
    let top = st.top;
    analyze_block(
        st,
        top,
        None,
        &mut free,
        &mut global,
        &mut type_params,
        None,
    )
}

/// `error_at_directive`: the error, placed at the name's `global` or
/// `nonlocal` statement.
fn error_at_directive(st: &SymbolTable, ste: usize, name: &str, msg: String) -> CompileError {
    for (n, loc) in &st.entries[ste].directives {
        if n == name {
            return CompileError::syntax(msg, *loc);
        }
    }
    CompileError::system("BUG: internal directive bookkeeping broken")
}

/// `analyze_name`.
#[allow(clippy::too_many_arguments)]
fn analyze_name(
    st: &SymbolTable,
    ste: usize,
    scopes: &mut Scopes,
    name: &str,
    flags: i64,
    bound: Option<&mut NameSet>,
    local: &mut NameSet,
    free: &mut NameSet,
    global: &mut NameSet,
    type_params: &mut NameSet,
    class_entry: Option<usize>,
) -> R {
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(error_at_directive(
                st,
                ste,
                name,
                format!("name '{name}' is nonlocal and global"),
            ));
        }
        scopes.set(name, GLOBAL_EXPLICIT);
        global.add(name);
        if let Some(b) = bound {
            b.discard(name);
        }
        return Ok(());
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(bound) = bound else {
            return Err(error_at_directive(
                st,
                ste,
                name,
                "nonlocal declaration not allowed at module level".into(),
            ));
        };
        if !bound.contains(name) {
            return Err(error_at_directive(
                st,
                ste,
                name,
                format!("no binding for nonlocal '{name}' found"),
            ));
        }
        if type_params.contains(name) {
            return Err(error_at_directive(
                st,
                ste,
                name,
                format!("nonlocal binding not allowed for type parameter '{name}'"),
            ));
        }
        scopes.set(name, FREE);
        free.add(name);
        return Ok(());
    }
    if flags & DEF_BOUND != 0 {
        scopes.set(name, LOCAL);
        local.add(name);
        global.discard(name);
        if flags & DEF_TYPE_PARAM != 0 {
            type_params.add(name);
        } else {
            type_params.discard(name);
        }
        return Ok(());
    }
    if let Some(ce) = class_entry {
        let class_flags = st.entries[ce].symbol(name);
        if class_flags & DEF_GLOBAL != 0 {
            scopes.set(name, GLOBAL_EXPLICIT);
            return Ok(());
        } else if class_flags & DEF_BOUND != 0 && class_flags & DEF_NONLOCAL == 0 {
            scopes.set(name, GLOBAL_IMPLICIT);
            return Ok(());
        }
    }
    if let Some(b) = bound
        && b.contains(name)
    {
        scopes.set(name, FREE);
        free.add(name);
        return Ok(());
    }
    if global.contains(name) {
        scopes.set(name, GLOBAL_IMPLICIT);
        return Ok(());
    }
    scopes.set(name, GLOBAL_IMPLICIT);
    Ok(())
}

/// `is_free_in_any_child`.
fn is_free_in_any_child(st: &SymbolTable, entry: usize, key: &str) -> bool {
    st.entries[entry]
        .children
        .iter()
        .any(|&c| st.entries[c].scope(key) == FREE)
}

/// `inline_comprehension`: the comprehension's names join the parent.
fn inline_comprehension(
    st: &mut SymbolTable,
    ste: usize,
    comp: usize,
    scopes: &mut Scopes,
    comp_free: &mut NameSet,
    inlined_cells: &mut NameSet,
) -> R {
    let mut remove_dunder_class = false;
    let symbols = st.entries[comp].symbols.to_vec();
    for (k, comp_flags) in symbols {
        if comp_flags & DEF_PARAM != 0 {
            continue;
        }
        let mut scope = symbol_to_scope(comp_flags);
        let only_flags = comp_flags & ((1 << SCOPE_OFFSET) - 1);
        if scope == CELL || only_flags & DEF_COMP_CELL != 0 {
            inlined_cells.add(&k);
        }
        let existing = st.entries[ste].symbols.get(&k);
        if scope == FREE && st.entries[ste].type_ == BlockType::Class && k == "__class__" {
            scope = GLOBAL_IMPLICIT;
            comp_free.discard(&k);
            remove_dunder_class = true;
        }
        match existing {
            None => {
                st.entries[ste].symbols.set(&k, only_flags);
                scopes.set(&k, scope);
            }
            Some(flags) => {
                if flags & DEF_BOUND != 0
                    && st.entries[ste].type_ != BlockType::Class
                    && !is_free_in_any_child(st, comp, &k)
                {
                    comp_free.discard(&k);
                }
            }
        }
    }
    if remove_dunder_class {
        st.entries[comp].symbols.remove("__class__");
    }
    Ok(())
}

/// `analyze_cells`: locals that a child needs become cells.
fn analyze_cells(scopes: &mut Scopes, free: &mut NameSet, inlined_cells: &NameSet) {
    for (name, scope) in scopes.to_vec() {
        if scope != LOCAL {
            continue;
        }
        if !free.contains(&name) && !inlined_cells.contains(&name) {
            continue;
        }
        scopes.set(&name, CELL);
        free.discard(&name);
    }
}

/// `drop_class_free`: `__class__`, `__classdict__` and
/// `__conditional_annotations__` are provided by the class itself.
fn drop_class_free(st: &mut SymbolTable, ste: usize, free: &mut NameSet) {
    if free.discard("__class__") {
        st.entries[ste].needs_class_closure = true;
    }
    if free.discard("__classdict__") {
        st.entries[ste].needs_classdict = true;
    }
    if free.discard("__conditional_annotations__") {
        st.entries[ste].has_conditional_annotations = true;
    }
}

/// `update_symbols`: records each name's scope in its flags, and adds
/// the free variables that pass through this block to reach a child.
fn update_symbols(
    symbols: &mut Symbols,
    scopes: &Scopes,
    bound: Option<&NameSet>,
    free: &NameSet,
    inlined_cells: &NameSet,
    classflag: bool,
) -> R {
    for (name, flags) in symbols.to_vec() {
        let mut flags = flags;
        if inlined_cells.contains(&name) {
            flags |= DEF_COMP_CELL;
        }
        let Some(scope) = scopes.get(&name) else {
            return Err(CompileError::system(format!("KeyError: {name}")));
        };
        flags |= scope << SCOPE_OFFSET;
        symbols.set(&name, flags);
    }
    for name in free.iter() {
        if let Some(v) = symbols.get(name) {
            if classflag {
                symbols.set(name, v | DEF_FREE_CLASS);
            }
            continue;
        }
        if let Some(b) = bound
            && !b.contains(name)
        {
            continue;
        }
        symbols.set(name, FREE << SCOPE_OFFSET);
    }
    Ok(())
}

/// `analyze_block`.
fn analyze_block(
    st: &mut SymbolTable,
    ste: usize,
    mut bound: Option<&mut NameSet>,
    free: &mut NameSet,
    global: &mut NameSet,
    type_params: &mut NameSet,
    class_entry: Option<usize>,
) -> R {
    let mut local = NameSet::default();
    let mut scopes = Scopes::default();
    let mut newglobal = NameSet::default();
    let mut newfree = NameSet::default();
    let mut newbound = NameSet::default();
    let mut inlined_cells = NameSet::default();
    let ste_type = st.entries[ste].type_;

    if ste_type == BlockType::Class {
        newglobal.union(global);
        if let Some(b) = bound.as_deref() {
            newbound.union(b);
        }
    }

    for (name, flags) in st.entries[ste].symbols.to_vec() {
        analyze_name(
            st,
            ste,
            &mut scopes,
            &name,
            flags,
            bound.as_deref_mut(),
            &mut local,
            free,
            global,
            type_params,
            class_entry,
        )?;
    }

    if ste_type != BlockType::Class {
        if st.entries[ste].is_function_like() {
            newbound.union(&local);
        }
        if let Some(b) = bound.as_deref() {
            newbound.union(b);
        }
        newglobal.union(global);
    } else {
        newbound.add("__class__");
        newbound.add("__classdict__");
        newbound.add("__conditional_annotations__");
    }

    let children = st.entries[ste].children.clone();
    for &child in &children {
        let (can_see, comprehension, generator) = {
            let e = &st.entries[child];
            (e.can_see_class_scope, e.comprehension, e.generator)
        };
        let new_class_entry = if can_see {
            if ste_type == BlockType::Class {
                Some(ste)
            } else {
                class_entry
            }
        } else {
            None
        };
        let inline_comp =
            comprehension != CompType::None && !generator && !st.entries[ste].can_see_class_scope;
        let mut child_free = analyze_child_block(
            st,
            child,
            &newbound,
            &newfree,
            &newglobal,
            type_params,
            new_class_entry,
        )?;
        if inline_comp {
            inline_comprehension(
                st,
                ste,
                child,
                &mut scopes,
                &mut child_free,
                &mut inlined_cells,
            )?;
            st.entries[child].comp_inlined = true;
        }
        newfree.union(&child_free);
    }

    // Splice the children of inlined comprehensions into our own list.
    let mut spliced = Vec::new();
    for &c in &st.entries[ste].children {
        if st.entries[c].comp_inlined {
            spliced.extend(st.entries[c].children.iter().copied());
        } else {
            spliced.push(c);
        }
    }
    st.entries[ste].children = spliced;

    if st.entries[ste].is_function_like() {
        analyze_cells(&mut scopes, &mut newfree, &inlined_cells);
    } else if ste_type == BlockType::Class {
        drop_class_free(st, ste, &mut newfree);
    }
    let classflag = ste_type == BlockType::Class || st.entries[ste].can_see_class_scope;
    let mut symbols = std::mem::take(&mut st.entries[ste].symbols);
    let r = update_symbols(
        &mut symbols,
        &scopes,
        bound.as_deref(),
        &newfree,
        &inlined_cells,
        classflag,
    );
    st.entries[ste].symbols = symbols;
    r?;
    free.union(&newfree);
    Ok(())
}

/// `analyze_child_block`: analyzes a child with copies of the sets, and
/// returns the free variables it reports.
fn analyze_child_block(
    st: &mut SymbolTable,
    entry: usize,
    bound: &NameSet,
    free: &NameSet,
    global: &NameSet,
    type_params: &NameSet,
    class_entry: Option<usize>,
) -> R<NameSet> {
    let mut temp_bound = bound.clone();
    let mut temp_free = free.clone();
    let mut temp_global = global.clone();
    let mut temp_type_params = type_params.clone();
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
        analyze_block(
            st,
            entry,
            Some(&mut temp_bound),
            &mut temp_free,
            &mut temp_global,
            &mut temp_type_params,
            class_entry,
        )
    })?;
    Ok(temp_free)
}
