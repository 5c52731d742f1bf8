//! `compile`, `exec` and `eval` (`builtin_compile_impl`,
//! `builtin_exec_impl`, `builtin_eval_impl` of `Python/bltinmodule.c`).

use super::attrs::{current_frame, locals};
use crate::compile::future::flags::{
    PY_CF_ALLOW_TOP_LEVEL_AWAIT, PY_CF_COMPILE_MASK, PY_CF_MASK, PY_CF_ONLY_AST,
};
use crate::compile::{Mode, Options, Source};
use crate::objects::args::{self, Signature};
use crate::objects::bytes::bytes_like_data;
use crate::objects::code::CodeObject;
use crate::objects::dict::is_dict;
use crate::objects::str::{is_str, str_value};
use crate::objects::{Obj, PyResult, Vm};

/// `PyCF_MASK_OBSOLETE` (`CO_NESTED`): accepted and ignored.
const PY_CF_MASK_OBSOLETE: u32 = 0x0010;
/// `PyCF_SOURCE_IS_UTF8`: set by the callers of the compiler; harmless.
const PY_CF_SOURCE_IS_UTF8: u32 = 0x0100;

/// A source argument: text, bytes (decoded by the compiler, honouring a
/// BOM or coding cookie), or a code object.
enum SourceArg {
    Text(String),
    Bytes(Vec<u8>),
    Code(Obj),
}

/// `_Py_SourceAsString`'s type check; `what` completes the message
/// ("string, bytes or AST", "string, bytes or code").
fn source_arg(vm: &mut Vm, func: &str, what: &str, o: &Obj) -> PyResult<SourceArg> {
    if is_str(o) {
        return Ok(SourceArg::Text(str_value(o).to_string()));
    }
    if let Some(b) = bytes_like_data(o) {
        return Ok(SourceArg::Bytes(b));
    }
    if o.downcast::<CodeObject>().is_some() {
        return Ok(SourceArg::Code(o.clone()));
    }
    Err(vm.type_error(format!("{func}() arg 1 must be a {what} object")))
}

/// `PyEval_MergeCompilerFlags`: the future features of the calling code.
fn inherited_flags(vm: &Vm) -> u32 {
    current_frame(vm).map_or(0, |f| f.code().flags & PY_CF_MASK)
}

/// `PyMapping_Check`.
fn is_mapping(o: &Obj) -> bool {
    !o.is_small_int() && o.class().slots.mp_subscript.get().is_some()
}

/// `PyUnicode_FSDecoder` for the filename: str, or bytes decoded as the
/// file system encoding (UTF-8 with surrogateescape; lossy here).
fn filename_arg(vm: &mut Vm, o: &Obj) -> PyResult<String> {
    if is_str(o) {
        return Ok(str_value(o).to_string());
    }
    if let Some(b) = bytes_like_data(o) {
        return Ok(String::from_utf8_lossy(&b).into_owned());
    }
    Err(vm.type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        o.class().name()
    )))
}

fn int_arg(vm: &mut Vm, o: &Option<Obj>, default: i64) -> PyResult<i64> {
    match o {
        None => Ok(default),
        Some(v) => Ok(vm.to_isize(v)? as i64),
    }
}

/// Compiles a text or bytes source with the given options.
fn compile_source(vm: &mut Vm, src: &SourceArg, filename: &str, opts: Options) -> PyResult<Obj> {
    match src {
        SourceArg::Text(t) => crate::compile::compile(vm, Source::Text(t), filename, opts),
        SourceArg::Bytes(b) => crate::compile::compile(vm, Source::Bytes(b), filename, opts),
        SourceArg::Code(c) => Ok(c.clone()),
    }
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False,
/// optimize=-1, *, _feature_version=-1)`.
pub fn compile(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new(
        "compile",
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        3,
    )
    .kwonly(6);
    let [
        source,
        filename,
        mode,
        flags,
        dont_inherit,
        optimize,
        _feature,
    ] = args::parse::<7>(vm, &SIG, a, kw)?;
    let (source, filename, mode) = (source.unwrap(), filename.unwrap(), mode.unwrap());
    let filename = filename_arg(vm, &filename)?;
    if !is_str(&mode) {
        return Err(vm.type_error(format!(
            "compile() argument 'mode' must be str, not {}",
            mode.class().name()
        )));
    }
    let flags = int_arg(vm, &flags, 0)?;
    let dont_inherit = match &dont_inherit {
        Some(d) => vm.is_true(d)?,
        None => false,
    };
    let optimize = int_arg(vm, &optimize, -1)?;
    let known = PY_CF_MASK | PY_CF_MASK_OBSOLETE | PY_CF_COMPILE_MASK | PY_CF_SOURCE_IS_UTF8;
    let Ok(mut flags) = u32::try_from(flags) else {
        return Err(vm.value_error("compile(): unrecognised flags"));
    };
    if flags & !known != 0 {
        return Err(vm.value_error("compile(): unrecognised flags"));
    }
    if !(-1..=2).contains(&optimize) {
        return Err(vm.value_error("compile(): invalid optimize value"));
    }
    if !dont_inherit {
        flags |= inherited_flags(vm);
    }
    let mode = match str_value(&mode) {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        "func_type" if flags & PY_CF_ONLY_AST != 0 => {
            return Err(vm.not_implemented_error(
                "compile(): mode 'func_type' (an AST result) is not supported by pyrs",
            ));
        }
        _ => {
            let msg = if flags & PY_CF_ONLY_AST != 0 {
                "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
            } else {
                "compile() mode must be 'exec', 'eval' or 'single'"
            };
            return Err(vm.value_error(msg));
        }
    };
    if flags & PY_CF_ONLY_AST != 0 {
        return Err(vm.not_implemented_error(
            "compile(): returning an AST (PyCF_ONLY_AST) is not supported by pyrs",
        ));
    }
    if flags & PY_CF_ALLOW_TOP_LEVEL_AWAIT != 0 {
        return Err(vm.not_implemented_error(
            "compile(): PyCF_ALLOW_TOP_LEVEL_AWAIT is not supported by pyrs",
        ));
    }
    let src = source_arg(vm, "compile", "string, bytes or AST", &source)?;
    if let SourceArg::Code(_) = src {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    }
    let opts = Options {
        mode,
        flags: flags & PY_CF_MASK,
        optimize: optimize as i32,
        from_file: false,
    };
    compile_source(vm, &src, &filename, opts)
}

/// The namespaces `exec`/`eval` run in: the caller's when none are given,
/// the globals as locals when only globals are (`builtin_exec_impl`).
fn namespaces(vm: &mut Vm, globals: Obj, locals_arg: Obj) -> PyResult<(Obj, Obj)> {
    if globals.is_none() {
        let g = match current_frame(vm) {
            Some(f) => f.globals.clone(),
            None => return Err(vm.system_error("globals and locals cannot be NULL")),
        };
        let l = if locals_arg.is_none() {
            locals(vm, &[], None)?
        } else {
            locals_arg
        };
        Ok((g, l))
    } else {
        let l = if locals_arg.is_none() {
            globals.clone()
        } else {
            locals_arg
        };
        Ok((globals, l))
    }
}

/// `exec(source, /, globals=None, locals=None, *, closure=None)`.
pub fn exec(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("exec", &["source", "globals", "locals", "closure"], 1)
        .posonly(1)
        .kwonly(3);
    let [source, globals, locals_arg, closure] = args::parse::<4>(vm, &SIG, a, kw)?;
    let source = source.unwrap();
    let globals = globals.unwrap_or_else(Obj::none);
    let locals_arg = locals_arg.unwrap_or_else(Obj::none);
    let closure = closure.filter(|c| !c.is_none());
    if !globals.is_none() && !is_dict(&globals) {
        return Err(vm.type_error(format!(
            "exec() globals must be a dict, not {}",
            globals.class().name()
        )));
    }
    if !locals_arg.is_none() && !is_mapping(&locals_arg) {
        return Err(vm.type_error(format!(
            "locals must be a mapping or None, not {}",
            locals_arg.class().name()
        )));
    }
    let (globals, locals_ns) = namespaces(vm, globals, locals_arg)?;
    let src = source_arg(vm, "exec", "string, bytes or code", &source)?;
    let code = match &src {
        SourceArg::Code(c) => {
            let nfree = c.downcast::<CodeObject>().map_or(0, |c| c.nfreevars);
            match (&closure, nfree) {
                (Some(_), 0) => {
                    return Err(vm.type_error("cannot use a closure with this code object"));
                }
                (None, n) if n > 0 => {
                    return Err(vm.type_error(format!(
                        "code object requires a closure of exactly length {n}"
                    )));
                }
                (Some(_), _) => {
                    return Err(vm.not_implemented_error(
                        "exec(): running a code object with a closure is not supported by pyrs",
                    ));
                }
                _ => {}
            }
            c.clone()
        }
        _ => {
            if closure.is_some() {
                return Err(vm.type_error("closure can only be used when source is a code object"));
            }
            let mut opts = Options::new(Mode::Exec);
            opts.flags = inherited_flags(vm);
            compile_source(vm, &src, "<string>", opts)?
        }
    };
    vm.eval_code(&code, &globals, Some(locals_ns))?;
    Ok(Obj::none())
}

/// `eval(source, /, globals=None, locals=None)`.
pub fn eval(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("eval", &["source", "globals", "locals"], 1).posonly(1);
    let [source, globals, locals_arg] = args::parse::<3>(vm, &SIG, a, kw)?;
    let source = source.unwrap();
    let globals = globals.unwrap_or_else(Obj::none);
    let locals_arg = locals_arg.unwrap_or_else(Obj::none);
    if !globals.is_none() && !is_dict(&globals) {
        let msg = if is_mapping(&globals) {
            "globals must be a real dict; try eval(expr, {}, mapping)"
        } else {
            "globals must be a dict"
        };
        return Err(vm.type_error(msg));
    }
    if !locals_arg.is_none() && !is_mapping(&locals_arg) {
        return Err(vm.type_error("locals must be a mapping"));
    }
    let (globals, locals_ns) = namespaces(vm, globals, locals_arg)?;
    let src = source_arg(vm, "eval", "string, bytes or code", &source)?;
    let code = match src {
        SourceArg::Code(c) => {
            if c.downcast::<CodeObject>().is_some_and(|c| c.nfreevars > 0) {
                return Err(
                    vm.type_error("code object passed to eval() may not contain free variables")
                );
            }
            c
        }
        // Leading spaces and tabs are skipped, as `builtin_eval_impl` does.
        SourceArg::Text(t) => {
            let t = t.trim_start_matches([' ', '\t']).to_string();
            let mut opts = Options::new(Mode::Eval);
            opts.flags = inherited_flags(vm);
            compile_source(vm, &SourceArg::Text(t), "<string>", opts)?
        }
        SourceArg::Bytes(b) => {
            let skip = b.iter().take_while(|&&c| c == b' ' || c == b'\t').count();
            let mut opts = Options::new(Mode::Eval);
            opts.flags = inherited_flags(vm);
            compile_source(vm, &SourceArg::Bytes(b[skip..].to_vec()), "<string>", opts)?
        }
    };
    vm.eval_code(&code, &globals, Some(locals_ns))
}
