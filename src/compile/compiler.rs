//! The compiler's driver (a port of `Python/compile.c`): the stack of code
//! units being generated, their metadata (constants, names, locals, cells,
//! free variables), frame blocks, name resolution, and handing each
//! finished unit to the flow graph and assembler.
//!
//! Code generation itself (`codegen.c`) is [`super::codegen`], written as
//! more methods on [`Compiler`].

use std::collections::BTreeSet;

use super::ast::{Loc, ScopeKey, Stmt};
use super::consts::{ConstPool, NameTable};
use super::error::CompileError;
use super::future::FutureFeatures;
use super::future::flags::PY_CF_MASK;
use super::instr_sequence::{InstrSequence, Label};
use super::preprocess::Warning;
use super::symtable::{BlockType, SymbolTable, flags as sf, scope as sc};
use super::unit::{CodeUnit, CodeUnitMetadata};
use crate::objects::code::{CodeObject, CodeParts, co_flags, fast_kind};
use crate::objects::{Obj, Vm, str as pystr, tuple};
use crate::opcode::op;

pub type R<T = ()> = Result<T, CompileError>;

/// `_PY_STACK_USE_GUIDELINE`: above this many stack items, builds go
/// through a growing container instead.
pub const STACK_USE_GUIDELINE: usize = 30;

/// `CO_MAXBLOCKS`.
const CO_MAXBLOCKS: usize = 21;

/// `COMPILE_SCOPE_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
    Annotations,
}

/// `_PyCompile_FBlockType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FBlockType {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
    StopIteration,
}

/// What a frame block needs to unwind (`fb_datum`).
#[derive(Clone, Copy, Debug)]
pub enum FBlockDatum<'ast> {
    None,
    /// A `finally` body to run.
    Finally(&'ast [Stmt]),
    /// The `as` name of an exception handler to clear.
    HandlerName(Option<&'ast str>),
}

/// `_PyCompile_FBlockInfo`.
#[derive(Clone, Copy, Debug)]
pub struct FBlockInfo<'ast> {
    pub fb_type: FBlockType,
    pub block: Label,
    pub loc: Loc,
    pub exit: Label,
    pub datum: FBlockDatum<'ast>,
}

/// `_PyCompile_optype`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpType {
    Fast,
    Global,
    Deref,
    Name,
}

/// `struct compiler_unit`.
pub struct Unit<'ast> {
    pub ste: usize,
    pub scope_type: ScopeType,
    pub private: Option<String>,
    pub static_attributes: Option<BTreeSet<String>>,
    pub deferred_annotations: Option<Vec<&'ast Stmt>>,
    pub conditional_annotation_indices: Vec<i64>,
    pub next_conditional_annotation_index: i64,
    pub instr: InstrSequence,
    pub stashed_instr: Option<InstrSequence>,
    pub fblocks: Vec<FBlockInfo<'ast>>,
    pub in_inlined_comp: i32,
    pub in_conditional_block: i32,
    pub metadata: CodeUnitMetadata,
    /// The number of cell variables when the unit was created: free
    /// variables are numbered after them (CPython's `dictbytype` offset).
    pub freevar_offset: usize,
}

/// State of an inlined comprehension (`_PyCompile_InlinedComprehensionState`).
#[derive(Default)]
pub struct InlinedComprehensionState {
    pub pushed_locals: Option<Vec<String>>,
    pub temp_symbols: Option<Vec<(String, i64)>>,
    pub fast_hidden: Option<Vec<String>>,
    pub cleanup: Option<Label>,
}

/// A finished code unit: the code object and the names of its free
/// variables (for the closure its parent builds).
pub struct Finished {
    pub code: Obj,
    pub freevars: Vec<String>,
}

/// `struct _PyCompiler`.
pub struct Compiler<'a, 'ast> {
    pub vm: &'a mut Vm,
    pub filename: String,
    pub st: SymbolTable,
    pub future: FutureFeatures,
    /// `c_flags.cf_flags`.
    pub flags: u32,
    pub optimize: i32,
    pub interactive: bool,
    pub u: Option<Unit<'ast>>,
    pub stack: Vec<Unit<'ast>>,
    /// Keep nested instruction sequences and skip the back end (what
    /// `_PyCompile_CodeGen` asks for).
    pub save_nested_seqs: bool,
    pub disable_warning: i32,
    pub warnings: Vec<Warning>,
    depth: u32,
}

/// `_PyCompile_CleanDoc`: `inspect.cleandoc` without dropping leading
/// and trailing blank lines.
pub fn clean_doc(doc: &str) -> String {
    let doc = expand_tabs(doc);
    let lines: Vec<&str> = doc.split('\n').collect();
    let mut margin = usize::MAX;
    for line in lines.iter().skip(1) {
        let stripped = line.trim_start_matches(' ');
        if !stripped.is_empty() {
            margin = margin.min(line.len() - stripped.len());
        }
    }
    if margin == usize::MAX {
        margin = 0;
    }
    let first = lines[0].trim_start_matches(' ');
    if first.len() == lines[0].len() && margin == 0 {
        return doc;
    }
    let mut out = String::with_capacity(doc.len());
    out.push_str(first);
    for line in lines.iter().skip(1) {
        out.push('\n');
        let spaces = line.len() - line.trim_start_matches(' ').len();
        out.push_str(&line[spaces.min(margin)..]);
    }
    out
}

/// `str.expandtabs()` with the default tab size 8.
fn expand_tabs(s: &str) -> String {
    if !s.contains('\t') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut col = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                let n = 8 - col % 8;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

/// Whether CPython interns a string constant of a code object
/// (`all_name_chars`).
pub fn is_name_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

impl<'a, 'ast> Compiler<'a, 'ast> {
    pub fn new(
        vm: &'a mut Vm,
        filename: &str,
        st: SymbolTable,
        future: FutureFeatures,
        flags: u32,
        optimize: i32,
        save_nested_seqs: bool,
    ) -> Self {
        Compiler {
            vm,
            filename: filename.to_string(),
            st,
            future,
            flags,
            optimize,
            interactive: false,
            u: None,
            stack: Vec::new(),
            save_nested_seqs,
            disable_warning: 0,
            warnings: Vec::new(),
            depth: 0,
        }
    }

    /// The current unit.
    pub fn unit(&mut self) -> &mut Unit<'ast> {
        self.u.as_mut().expect("a code unit is open")
    }

    pub fn unit_ref(&self) -> &Unit<'ast> {
        self.u.as_ref().expect("a code unit is open")
    }

    pub fn seq(&mut self) -> &mut InstrSequence {
        &mut self.unit().instr
    }

    pub fn ste_index(&self) -> usize {
        self.unit_ref().ste
    }

    pub fn ste(&self) -> &super::symtable::Entry {
        self.st.entry(self.unit_ref().ste)
    }

    pub fn scope_type(&self) -> ScopeType {
        self.unit_ref().scope_type
    }

    /// `Py_EnterRecursiveCall(" during compilation")`.
    pub fn enter_recursive(&mut self) -> R {
        self.depth += 1;
        if self.depth > super::symtable::RECURSION_LIMIT {
            self.depth -= 1;
            return Err(CompileError::Recursion);
        }
        Ok(())
    }

    pub fn leave_recursive(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    // ----------------------------------------------------------- scopes

    /// `_PyCompile_EnterScope`.
    #[allow(clippy::too_many_arguments)]
    pub fn enter_scope(
        &mut self,
        name: &str,
        scope_type: ScopeType,
        key: ScopeKey,
        lineno: i32,
        private: Option<String>,
        counts: (u32, u32, u32),
    ) -> R {
        let ste = self.st.lookup(key)?;
        let entry = self.st.entry(ste);
        let mut varnames = NameTable::new();
        for v in &entry.varnames {
            varnames.add(v);
        }
        let mut cells: Vec<&str> = Vec::new();
        let mut frees: Vec<&str> = Vec::new();
        for (n, flags) in entry.symbols.iter() {
            let scope = super::symtable::symbol_to_scope(flags);
            if scope == sc::CELL || flags & sf::DEF_COMP_CELL != 0 {
                cells.push(n);
            }
            if scope == sc::FREE || flags & sf::DEF_FREE_CLASS != 0 {
                frees.push(n);
            }
        }
        cells.sort_unstable();
        frees.sort_unstable();
        let mut cellvars = NameTable::new();
        for c in cells {
            cellvars.add(c);
        }
        if entry.needs_class_closure {
            cellvars.add("__class__");
        }
        if entry.needs_classdict {
            cellvars.add("__classdict__");
        }
        if entry.has_conditional_annotations {
            cellvars.add("__conditional_annotations__");
        }
        let mut freevars = NameTable::new();
        for f in frees {
            freevars.add(f);
        }
        let freevar_offset = cellvars.len();
        let metadata = CodeUnitMetadata {
            name: name.to_string(),
            qualname: String::new(),
            consts: ConstPool::new(),
            names: NameTable::new(),
            varnames,
            cellvars,
            freevars,
            fasthidden: Vec::new(),
            argcount: counts.0,
            posonlyargcount: counts.1,
            kwonlyargcount: counts.2,
            firstlineno: lineno,
        };
        let static_attributes = (scope_type == ScopeType::Class).then(BTreeSet::new);
        let mut private = private;
        if let Some(parent) = self.u.take() {
            if private.is_none() {
                private = parent.private.clone();
            }
            self.stack.push(parent);
        }
        self.u = Some(Unit {
            ste,
            scope_type,
            private,
            static_attributes,
            deferred_annotations: None,
            conditional_annotation_indices: Vec::new(),
            next_conditional_annotation_index: 0,
            instr: InstrSequence::new(),
            stashed_instr: None,
            fblocks: Vec::new(),
            in_inlined_comp: 0,
            in_conditional_block: 0,
            metadata,
            freevar_offset,
        });
        if scope_type != ScopeType::Module {
            self.set_qualname()?;
        }
        Ok(())
    }

    /// `compiler_set_qualname`.
    fn set_qualname(&mut self) -> R {
        let n = self.stack.len();
        let u = self.u.as_ref().expect("a code unit is open");
        let mut base: Option<String> = None;
        // CPython's c_stack holds the parents; "> 1" skips the module.
        if n > 1 {
            let mut parent = &self.stack[n - 1];
            let mut skip = false;
            if parent.scope_type == ScopeType::Annotations {
                if n == 2 {
                    skip = true;
                } else {
                    parent = &self.stack[n - 2];
                }
            }
            if !skip {
                let mut force_global = false;
                if matches!(
                    u.scope_type,
                    ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
                ) {
                    let mangled =
                        super::symtable::mangle(parent.private.as_deref(), &u.metadata.name);
                    let scope = self.st.entry(parent.ste).scope(&mangled);
                    if scope == sc::GLOBAL_EXPLICIT {
                        force_global = true;
                    }
                }
                if !force_global {
                    base = Some(
                        if matches!(
                            parent.scope_type,
                            ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
                        ) {
                            format!("{}.<locals>", parent.metadata.qualname)
                        } else {
                            parent.metadata.qualname.clone()
                        },
                    );
                }
            }
        }
        let qualname = match base {
            Some(b) => format!("{b}.{}", u.metadata.name),
            None => u.metadata.name.clone(),
        };
        self.unit().metadata.qualname = qualname;
        Ok(())
    }

    /// `_PyCompile_ExitScope`: back to the parent unit, keeping this one's
    /// instructions as a nested sequence when asked to.
    pub fn exit_scope(&mut self) {
        let finished = self.u.take();
        self.u = self.stack.pop();
        if let (Some(done), Some(parent)) = (finished, self.u.as_mut())
            && self.save_nested_seqs
        {
            parent.instr.add_nested(done.instr);
        }
    }

    // ------------------------------------------------------ frame blocks

    /// `_PyCompile_PushFBlock`.
    pub fn push_fblock(
        &mut self,
        loc: Loc,
        t: FBlockType,
        block: Label,
        exit: Label,
        datum: FBlockDatum<'ast>,
    ) -> R {
        if self.unit_ref().fblocks.len() >= CO_MAXBLOCKS {
            return Err(self.error(loc, "too many statically nested blocks"));
        }
        self.unit().fblocks.push(FBlockInfo {
            fb_type: t,
            block,
            loc,
            exit,
            datum,
        });
        if t == FBlockType::FinallyEnd {
            self.disable_warning += 1;
        }
        Ok(())
    }

    /// `_PyCompile_PopFBlock`.
    pub fn pop_fblock(&mut self, t: FBlockType) {
        self.unit().fblocks.pop();
        if t == FBlockType::FinallyEnd {
            self.disable_warning -= 1;
        }
    }

    pub fn top_fblock(&self) -> Option<FBlockInfo<'ast>> {
        self.unit_ref().fblocks.last().copied()
    }

    // -------------------------------------------------------- emitting

    pub fn new_label(&mut self) -> Label {
        self.seq().new_label()
    }

    pub fn use_label(&mut self, l: Label) {
        self.seq().use_label(l);
    }

    /// `codegen_addop_noarg`.
    pub fn addop(&mut self, opcode: impl Into<u16>, loc: Loc) {
        self.seq().addop(opcode.into(), 0, loc);
    }

    /// `codegen_addop_i`.
    pub fn addop_i(&mut self, opcode: impl Into<u16>, oparg: impl TryInto<i32>, loc: Loc) -> R {
        let Ok(arg) = oparg.try_into() else {
            return Err(CompileError::system("oparg out of range"));
        };
        self.seq().addop(opcode.into(), arg, loc);
        Ok(())
    }

    /// `codegen_addop_j`.
    pub fn addop_j(&mut self, opcode: impl Into<u16>, target: Label, loc: Loc) {
        self.seq().addop(opcode.into(), target.0, loc);
    }

    /// `_PyCompile_AddConst`.
    pub fn add_const(&mut self, o: Obj) -> usize {
        self.unit().metadata.consts.add(o)
    }

    /// `codegen_addop_load_const`.
    pub fn load_const(&mut self, o: Obj, loc: Loc) -> R {
        let i = self.add_const(o);
        self.addop_i(op::LOAD_CONST, i, loc)
    }

    /// A string object as the compiler keeps it (interned when it looks
    /// like a name, as code objects intern such constants).
    pub fn str_obj(&mut self, s: &str) -> Obj {
        if is_name_like(s) {
            self.vm.intern(s)
        } else {
            pystr::new_str_obj(s)
        }
    }

    pub fn load_const_str(&mut self, s: &str, loc: Loc) -> R {
        let o = self.str_obj(s);
        self.load_const(o, loc)
    }

    pub fn load_none(&mut self, loc: Loc) -> R {
        self.load_const(Obj::none(), loc)
    }

    /// The oparg of a free variable (numbered after the cells).
    pub fn freevar_arg(&mut self, name: &str) -> usize {
        let u = self.unit();
        u.metadata.freevars.add(name) + u.freevar_offset
    }

    // ------------------------------------------------------------ names

    /// `_PyCompile_MaybeMangle`.
    pub fn maybe_mangle(&self, name: &str) -> String {
        let u = self.unit_ref();
        self.st.maybe_mangle(u.private.as_deref(), u.ste, name)
    }

    /// `_PyCompile_Mangle`.
    pub fn mangle(&self, name: &str) -> String {
        super::symtable::mangle(self.unit_ref().private.as_deref(), name)
    }

    /// `_PyCompile_GetRefType`.
    pub fn get_ref_type(&self, name: &str) -> R<i64> {
        if self.scope_type() == ScopeType::Class
            && matches!(
                name,
                "__class__" | "__classdict__" | "__conditional_annotations__"
            )
        {
            return Ok(sc::CELL);
        }
        let scope = self.ste().scope(name);
        if scope == 0 {
            return Err(CompileError::system(format!(
                "_PyST_GetScope(name={name:?}) failed: unknown scope in unit {}",
                self.unit_ref().metadata.name
            )));
        }
        Ok(scope)
    }

    /// `_PyCompile_LookupCellvar`.
    pub fn lookup_cellvar(&self, name: &str) -> R<usize> {
        self.unit_ref()
            .metadata
            .cellvars
            .get(name)
            .ok_or_else(|| CompileError::system(format!("no cell variable {name}")))
    }

    /// `_PyCompile_LookupArg`: where a child's free variable lives here.
    pub fn lookup_arg(&self, name: &str) -> R<usize> {
        let reftype = self.get_ref_type(name)?;
        let u = self.unit_ref();
        let arg = if reftype == sc::CELL {
            u.metadata.cellvars.get(name)
        } else {
            u.metadata.freevars.get(name).map(|i| i + u.freevar_offset)
        };
        arg.ok_or_else(|| {
            CompileError::system(format!(
                "compiler_lookup_arg(name={name:?}) with reftype={reftype} failed in {}",
                u.metadata.name
            ))
        })
    }

    /// `_PyCompile_ResolveNameop`.
    pub fn resolve_nameop(&mut self, mangled: &str, scope: i64) -> (OpType, usize) {
        let function_like = self.ste().is_function_like();
        let u = self.unit();
        let optype = match scope {
            sc::FREE | sc::CELL => OpType::Deref,
            sc::LOCAL => {
                if function_like
                    || u.metadata
                        .fasthidden
                        .iter()
                        .any(|(n, hidden)| n == mangled && *hidden)
                {
                    OpType::Fast
                } else {
                    OpType::Name
                }
            }
            sc::GLOBAL_IMPLICIT => {
                if function_like {
                    OpType::Global
                } else {
                    OpType::Name
                }
            }
            sc::GLOBAL_EXPLICIT => OpType::Global,
            _ => OpType::Name,
        };
        let arg = match optype {
            OpType::Fast => 0,
            OpType::Deref if scope == sc::FREE => {
                u.metadata.freevars.add(mangled) + u.freevar_offset
            }
            OpType::Deref => u.metadata.cellvars.add(mangled),
            OpType::Global | OpType::Name => u.metadata.names.add(mangled),
        };
        (optype, arg)
    }

    /// `_PyCompile_IsInInlinedComp`.
    pub fn is_in_inlined_comp(&self) -> bool {
        self.unit_ref().in_inlined_comp > 0
    }

    /// `_PyCompile_IsInteractiveTopLevel`.
    pub fn is_interactive_top_level(&self) -> bool {
        self.interactive && self.stack.is_empty()
    }

    /// `_PyCompile_MaybeAddStaticAttributeToClass`: `self.x = ...` in a
    /// method records `x` in the enclosing class's `__static_attributes__`.
    pub fn maybe_add_static_attribute(&mut self, value_is_self: bool, store: bool, attr: &str) {
        if !value_is_self || !store {
            return;
        }
        for u in self.stack.iter_mut().rev() {
            if u.scope_type == ScopeType::Class {
                if let Some(set) = &mut u.static_attributes {
                    set.insert(attr.to_string());
                }
                break;
            }
        }
    }

    /// `_PyCompile_StaticAttributesAsTuple`.
    pub fn static_attributes_tuple(&mut self) -> Obj {
        let names: Vec<String> = self
            .unit_ref()
            .static_attributes
            .as_ref()
            .map(|s| s.iter().cloned().collect())
            .unwrap_or_default();
        let items = names.iter().map(|n| self.vm.intern(n)).collect();
        tuple::new_tuple(items)
    }

    // --------------------------------------------- inlined comprehensions

    /// `_PyCompile_TweakInlinedComprehensionScopes`.
    pub fn tweak_inlined_comprehension_scopes(
        &mut self,
        entry: usize,
        state: &mut InlinedComprehensionState,
    ) {
        let ste = self.ste_index();
        let in_class_block =
            self.st.entry(ste).type_ == BlockType::Class && !self.is_in_inlined_comp();
        self.unit().in_inlined_comp += 1;
        let comp_symbols = self.st.entry(entry).symbols.to_vec();
        let function_like = self.st.entry(ste).is_function_like();
        for (k, v) in comp_symbols {
            let symbol = v;
            let scope = super::symtable::symbol_to_scope(symbol);
            let outsymbol = self.st.entry(ste).symbol(&k);
            let outsc = super::symtable::symbol_to_scope(outsymbol);
            if (scope != outsc && scope != sc::FREE && !(scope == sc::CELL && outsc == sc::FREE))
                || in_class_block
            {
                state
                    .temp_symbols
                    .get_or_insert_with(Vec::new)
                    .push((k.clone(), outsymbol));
                self.st.entry_mut(ste).symbols.set(&k, v);
            }
            if ((symbol & sf::DEF_LOCAL != 0 && symbol & sf::DEF_NONLOCAL == 0) || in_class_block)
                && !function_like
            {
                let fh = &mut self.unit().metadata.fasthidden;
                let orig = fh.iter().position(|(n, _)| *n == k);
                let already = orig.is_some_and(|i| fh[i].1);
                if !already {
                    match orig {
                        Some(i) => fh[i].1 = true,
                        None => fh.push((k.clone(), true)),
                    }
                    state
                        .fast_hidden
                        .get_or_insert_with(Vec::new)
                        .push(k.clone());
                }
            }
        }
    }

    /// `_PyCompile_RevertInlinedComprehensionScopes`.
    pub fn revert_inlined_comprehension_scopes(&mut self, state: &mut InlinedComprehensionState) {
        self.unit().in_inlined_comp -= 1;
        let ste = self.ste_index();
        if let Some(temp) = state.temp_symbols.take() {
            // A name the outer block did not have comes back as 0, which
            // reads as "absent", as in CPython.
            for (k, v) in temp {
                self.st.entry_mut(ste).symbols.set(&k, v);
            }
        }
        if let Some(hidden) = state.fast_hidden.take() {
            let fh = &mut self.unit().metadata.fasthidden;
            for k in hidden {
                if let Some(e) = fh.iter_mut().find(|(n, _)| *n == k) {
                    e.1 = false;
                }
            }
        }
    }

    // ------------------------------------------------------ annotations

    /// `_PyCompile_EnterConditionalBlock`.
    pub fn enter_conditional_block(&mut self) {
        self.unit().in_conditional_block += 1;
    }

    /// `_PyCompile_LeaveConditionalBlock`.
    pub fn leave_conditional_block(&mut self) {
        self.unit().in_conditional_block -= 1;
    }

    /// `_PyCompile_AddDeferredAnnotation`: returns the conditional index
    /// when the annotation may not run.
    pub fn add_deferred_annotation(&mut self, s: &'ast Stmt) -> Option<i64> {
        let u = self.unit();
        u.deferred_annotations.get_or_insert_with(Vec::new).push(s);
        if u.scope_type == ScopeType::Module || u.in_conditional_block > 0 {
            let i = u.next_conditional_annotation_index;
            u.conditional_annotation_indices.push(i);
            u.next_conditional_annotation_index += 1;
            Some(i)
        } else {
            u.conditional_annotation_indices.push(-1);
            None
        }
    }

    /// `_PyCompile_StartAnnotationSetup`.
    pub fn start_annotation_setup(&mut self) {
        let u = self.unit();
        let old = std::mem::take(&mut u.instr);
        u.stashed_instr = Some(old);
    }

    /// `_PyCompile_EndAnnotationSetup`.
    pub fn end_annotation_setup(&mut self) {
        let u = self.unit();
        if let Some(parent) = u.stashed_instr.take() {
            let anno = std::mem::replace(&mut u.instr, parent);
            u.instr.annotations_code = Some(Box::new(anno));
        }
    }

    // ---------------------------------------------------------- errors

    /// `_PyCompile_Error`.
    pub fn error(&self, loc: Loc, msg: impl Into<String>) -> CompileError {
        CompileError::Codegen {
            msg: msg.into(),
            loc,
        }
    }

    /// `_PyCompile_Warn`.
    pub fn warn(&mut self, loc: Loc, msg: impl Into<String>) {
        if self.disable_warning > 0 {
            return;
        }
        self.warnings.push(Warning {
            msg: msg.into(),
            loc,
        });
    }

    // -------------------------------------------------------- assembly

    /// `compute_code_flags`.
    fn compute_code_flags(&self) -> u32 {
        let ste = self.ste();
        let mut flags = 0;
        if ste.is_function_like() {
            flags |= co_flags::NEWLOCALS | co_flags::OPTIMIZED;
            if ste.nested {
                flags |= co_flags::NESTED;
            }
            if ste.generator && !ste.coroutine {
                flags |= co_flags::GENERATOR;
            }
            if ste.generator && ste.coroutine {
                flags |= co_flags::ASYNC_GENERATOR;
            }
            if ste.varargs {
                flags |= co_flags::VARARGS;
            }
            if ste.varkeywords {
                flags |= co_flags::VARKEYWORDS;
            }
            if ste.has_docstring {
                flags |= co_flags::HAS_DOCSTRING;
            }
            if ste.method {
                flags |= co_flags::METHOD;
            }
        }
        if ste.coroutine && !ste.generator {
            flags |= co_flags::COROUTINE;
        }
        flags | (self.flags & PY_CF_MASK)
    }

    /// `_PyCodegen_AddReturnAtEnd`.
    pub fn add_return_at_end(&mut self, add_none: bool) -> R {
        if add_none {
            self.load_none(Loc::NONE)?;
        }
        self.addop(op::RETURN_VALUE, Loc::NONE);
        Ok(())
    }

    /// `_PyCompile_OptimizeAndAssemble`: the code object of the current
    /// unit. With `save_nested_seqs` (code generation tests) the back end
    /// is not run: the sequence gets its label map applied, as the flow
    /// graph's builder applies it, and the unit is represented by a
    /// placeholder code object carrying its names.
    pub fn optimize_and_assemble(&mut self, add_none: bool) -> R<Finished> {
        let flags = self.compute_code_flags();
        self.add_return_at_end(add_none)?;
        let u = self.unit();
        let freevars = u.metadata.freevars.names().to_vec();
        if self.save_nested_seqs {
            let u = self.u.as_mut().expect("a code unit is open");
            u.instr.apply_label_map();
            let code = placeholder_code(self.vm, &u.metadata, &u.instr, flags, &self.filename)?;
            return Ok(Finished { code, freevars });
        }
        let u = self.unit();
        let metadata = std::mem::take(&mut u.metadata);
        let instrs = std::mem::take(&mut u.instr);
        let filename = self.vm.new_str(&self.filename);
        let unit = CodeUnit {
            metadata,
            instrs,
            flags,
            filename,
            optimize: self.optimize,
        };
        let code = super::assemble::optimize_and_assemble(self.vm, unit)?;
        Ok(Finished { code, freevars })
    }
}

/// A code object standing for a unit whose bytecode was not assembled
/// (`save_nested_seqs`): the unit's names, counts, flags, variables and
/// constants, and — in place of a line table — a fingerprint of its
/// instruction sequence, so that two placeholders are equal constants
/// exactly when CPython's two code objects would be. Its body raises
/// NotImplementedError: it exists so that the parent's constants can
/// refer to the unit, and is never meant to run.
fn placeholder_code(
    vm: &mut Vm,
    m: &CodeUnitMetadata,
    instrs: &InstrSequence,
    flags: u32,
    filename: &str,
) -> R<Obj> {
    let mut names = Vec::new();
    let mut kinds = Vec::new();
    for v in m.varnames.names() {
        names.push(vm.intern(v));
        kinds.push(fast_kind::LOCAL);
    }
    for c in m.cellvars.names() {
        names.push(vm.intern(c));
        kinds.push(fast_kind::CELL);
    }
    for f in m.freevars.names() {
        names.push(vm.intern(f));
        kinds.push(fast_kind::FREE);
    }
    // Like the assembler: co_argcount counts the positional-only ones.
    let argcount = m.argcount + m.posonlyargcount;
    let total_args = (argcount + m.kwonlyargcount) as usize;
    if total_args > names.len() {
        return Err(CompileError::system("placeholder code: too few locals"));
    }
    let code = vec![
        op::RESUME,
        0,
        op::LOAD_COMMON_CONSTANT,
        crate::opcode::CommonConstant::NotImplementedError.oparg() as u8,
        op::RAISE_VARARGS,
        1,
    ];
    let mut fingerprint = Vec::new();
    for i in &instrs.instrs {
        for v in [
            i32::from(i.opcode),
            i.oparg,
            i.loc.lineno,
            i.loc.end_lineno,
            i.loc.col_offset,
            i.loc.end_col_offset,
        ] {
            fingerprint.extend_from_slice(&v.to_le_bytes());
        }
    }
    let co_names = m.names.names().iter().map(|n| vm.intern(n)).collect();
    let parts = CodeParts {
        argcount,
        posonlyargcount: m.posonlyargcount,
        kwonlyargcount: m.kwonlyargcount,
        stacksize: 1,
        flags,
        firstlineno: m.firstlineno,
        code,
        consts: tuple::new_tuple(m.consts.items().to_vec()),
        names: tuple::new_tuple(co_names),
        localsplusnames: tuple::new_tuple(names),
        localspluskinds: kinds,
        filename: vm.new_str(filename),
        name: vm.intern(&m.name),
        qualname: vm.new_str(&m.qualname),
        linetable: fingerprint,
        exceptiontable: Vec::new(),
    };
    CodeObject::create(parts).map_err(|e| CompileError::system(e.0))
}

#[cfg(test)]
mod tests {
    use super::clean_doc;

    #[test]
    fn cleandoc_keeps_blank_lines() {
        assert_eq!(clean_doc("Docstring."), "Docstring.");
        assert_eq!(
            clean_doc("\n    Multi-line\n        docstring.\n    "),
            "\nMulti-line\n    docstring.\n"
        );
        assert_eq!(clean_doc("  first\n  second"), "first\nsecond");
        assert_eq!(clean_doc("a\tb"), "a       b");
    }
}
