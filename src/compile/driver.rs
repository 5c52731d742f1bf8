//! The compiler's entry points: source (bytes or text) to a code object
//! (`Py_CompileStringObject` → `_PyAST_Compile`), and the code generator's
//! output for tests (`_PyCompile_CodeGen`).

use super::ast::Mod;
use super::compiler::{Compiler, R};
use super::error::CompileError;
use super::future::{self, FutureFeatures};
use super::instr_sequence::InstrSequence;
use super::parse::{self, Mode};
use super::preprocess::{self, Warning};
use super::source::{self, SourceError};
use super::symtable;
use crate::objects::exceptions::SYNTAX_ERROR;
use crate::objects::{Obj, PyErr, PyResult, Vm, int, tuple};

/// Where the source comes from.
pub enum Source<'s> {
    /// Bytes, decoded as the tokenizer decodes files (BOM, coding cookie).
    Bytes(&'s [u8]),
    /// Text (`compile()` of a `str`): no coding cookie applies.
    Text(&'s str),
}

/// `compile()`'s options, after argument checking.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub mode: Mode,
    /// `PyCF_*` and `CO_FUTURE_*` flags.
    pub flags: u32,
    /// `-1` means the interpreter's level (0 for pyrs).
    pub optimize: i32,
    /// The source was read from the file `filename` (decoding errors
    /// then name it, as CPython's do).
    pub from_file: bool,
}

impl Options {
    pub fn new(mode: Mode) -> Options {
        Options {
            mode,
            flags: 0,
            optimize: -1,
            from_file: false,
        }
    }
}

/// What the code generator produced for a module (tests).
pub struct Codegen {
    pub instrs: InstrSequence,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub consts: Vec<Obj>,
}

fn source_error(vm: &mut Vm, e: SourceError, filename: &str) -> PyErr {
    let msg = vm.new_string(e.msg);
    let Some(lineno) = e.lineno else {
        return vm.new_exception(&SYNTAX_ERROR, vec![msg]);
    };
    let opt = |v: Option<i64>| v.map_or_else(Obj::none, int::new_int);
    let text = match e.text {
        Some(t) => vm.new_string(t),
        None => Obj::none(),
    };
    let fname = if e.no_filename {
        Obj::none()
    } else {
        vm.new_str(filename)
    };
    let mut info = vec![fname, int::new_int(lineno), opt(e.offset), text];
    if e.end_lineno.is_some() || e.end_offset.is_some() {
        info.push(opt(e.end_lineno));
        info.push(opt(e.end_offset));
    }
    let info = tuple::new_tuple(info);
    vm.new_exception(&SYNTAX_ERROR, vec![msg, info])
}

/// Source to text with universal newlines.
fn source_text(vm: &mut Vm, src: Source<'_>, filename: &str, from_file: bool) -> PyResult<String> {
    let text = match src {
        Source::Bytes(b) => source::decode(b, from_file.then_some(filename))
            .map_err(|e| source_error(vm, e, filename))?,
        Source::Text(t) => t.to_string(),
    };
    source::check_no_nul(&text).map_err(|e| source_error(vm, e, filename))?;
    Ok(source::normalize_newlines(&text))
}

/// Parses and prepares a module: future features, preprocessing, symbol
/// table.
fn front(
    text: &str,
    opts: &Options,
) -> R<(
    super::parse::Parsed,
    FutureFeatures,
    symtable::SymbolTable,
    Vec<Warning>,
    i32,
)> {
    let mut parsed = parse::parse(text, opts.mode)?;
    let mut ff =
        future::from_ast(&parsed.module).map_err(|e| CompileError::syntax(e.msg, e.loc))?;
    ff.features |= opts.flags;
    let optimize = if opts.optimize < 0 { 0 } else { opts.optimize };
    let warnings = preprocess::preprocess(&mut parsed.module, optimize, ff.features);
    let st = symtable::build(&parsed.module, ff)?;
    Ok((parsed, ff, st, warnings, optimize))
}

/// Writes compile-time SyntaxWarnings to `sys.stderr` as the default
/// `warnings.showwarning` formats them.
fn emit_warnings(vm: &mut Vm, filename: &str, warnings: &[Warning]) {
    let mut shown: Vec<(i32, &str)> = Vec::new();
    for w in warnings {
        if shown.contains(&(w.loc.lineno, w.msg.as_str())) {
            continue;
        }
        shown.push((w.loc.lineno, &w.msg));
        let mut text = format!("{filename}:{}: SyntaxWarning: {}\n", w.loc.lineno, w.msg);
        if let Some(line) = file_line(filename, w.loc.lineno) {
            text.push_str(&format!("  {}\n", line.trim()));
        }
        if let Ok(err) = vm.sys_attr("stderr") {
            let _ = vm.write_text(&err, &text);
        }
    }
}

fn file_line(filename: &str, lineno: i32) -> Option<String> {
    if filename.starts_with('<') || lineno < 1 {
        return None;
    }
    let data = std::fs::read(filename).ok()?;
    let text = String::from_utf8_lossy(&data);
    text.lines()
        .nth(usize::try_from(lineno - 1).ok()?)
        .map(str::to_string)
}

/// Runs `f` with a compiler for `module`, dropping the tree afterwards
/// on a stack big enough for its depth.
fn with_compiler<T>(
    vm: &mut Vm,
    filename: &str,
    text: &str,
    opts: &Options,
    save_nested: bool,
    f: impl for<'c, 'ast> FnOnce(&mut Compiler<'c, 'ast>, &'ast Mod) -> R<T>,
) -> PyResult<T> {
    let (parsed, ff, st, mut warnings, optimize) = match front(text, opts) {
        Ok(x) => x,
        Err(e) => return Err(e.into_py(vm, filename)),
    };
    let depth = parsed.max_depth;
    let module = parsed.module;
    let result = {
        let mut c = Compiler::new(vm, filename, st, ff, ff.features, optimize, save_nested);
        let r = f(&mut c, &module);
        warnings.append(&mut c.warnings);
        r
    };
    parse::drop_deep(module, depth);
    match result {
        Ok(v) => {
            emit_warnings(vm, filename, &warnings);
            Ok(v)
        }
        Err(e) => Err(e.into_py(vm, filename)),
    }
}

/// Compiles source to a code object (`compile(source, filename, mode,
/// flags, optimize=...)`).
pub fn compile(vm: &mut Vm, src: Source<'_>, filename: &str, opts: Options) -> PyResult<Obj> {
    let text = source_text(vm, src, filename, opts.from_file)?;
    with_compiler(vm, filename, &text, &opts, false, |c, module| {
        c.compiler_codegen(module)?;
        let add_none = !matches!(module, Mod::Expression { .. });
        let done = c.optimize_and_assemble(add_none);
        c.exit_scope();
        Ok(done?.code)
    })
}

/// The code generator's output for a module, as CPython's
/// `_testinternalcapi.compiler_codegen` returns it: the module's
/// instruction sequence (label map applied, nested units' sequences kept)
/// and its metadata. Nested units are not assembled.
pub fn codegen_module(
    vm: &mut Vm,
    src: Source<'_>,
    filename: &str,
    opts: Options,
) -> PyResult<Codegen> {
    let text = source_text(vm, src, filename, opts.from_file)?;
    with_compiler(vm, filename, &text, &opts, true, |c, module| {
        c.compiler_codegen(module)?;
        let add_none = !matches!(module, Mod::Expression { .. });
        c.add_return_at_end(add_none)?;
        let u = c.unit();
        u.instr.apply_label_map();
        let out = Codegen {
            instrs: std::mem::take(&mut u.instr),
            argcount: u.metadata.argcount,
            posonlyargcount: u.metadata.posonlyargcount,
            kwonlyargcount: u.metadata.kwonlyargcount,
            consts: u.metadata.consts.items().to_vec(),
        };
        c.exit_scope();
        Ok(out)
    })
}
