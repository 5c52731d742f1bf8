//! Getting a module's code object (`SourceLoader.get_code` and
//! `SourcelessFileLoader.get_code` of `importlib._bootstrap_external`):
//! from the `__pycache__` file CPython 3.14 and pyrs share when it is
//! still valid for the source, else by compiling the source (and caching
//! what that makes).

use std::path::Path;

use crate::marshal::pyc::{PycHeader, PycValidation, classify_pyc, read_pyc_body};
use crate::objects::exceptions::IMPORT_ERROR;
use crate::objects::{Obj, PyResult, Vm};

use super::finder::Spec;

/// The code object of the module `spec` found.
pub fn get_code(vm: &mut Vm, spec: &Spec) -> PyResult<Obj> {
    if !spec.is_source {
        let data = read_file(vm, &spec.origin)?;
        return code_from_pyc(vm, &spec.name, &spec.origin, &data, None);
    }
    let source = read_file(vm, &spec.origin)?;
    let cached = spec.cached();
    if let Ok(data) = std::fs::read(&cached)
        && cache_is_fresh(&data, &spec.origin, &source)
        && let Ok(code) = code_from_pyc(vm, &spec.name, &cached, &data, Some(&spec.origin))
    {
        return Ok(code);
    }
    compile_module(vm, &source, &spec.origin)
}

fn read_file(vm: &mut Vm, path: &Path) -> PyResult<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        vm.new_exception_msg(
            &IMPORT_ERROR,
            format!("cannot read '{}': {e}", path.display()),
        )
    })
}

/// `_validate_timestamp_pyc` / `_validate_hash_pyc`: whether the cached
/// file was made from this source. An unchecked hash-based file is always
/// used, as CPython does.
fn cache_is_fresh(data: &[u8], source_path: &Path, source: &[u8]) -> bool {
    let Ok(header) = classify_pyc(data) else {
        return false;
    };
    match header.validation {
        PycValidation::Timestamp { mtime, source_size } => {
            source_mtime(source_path) == Some(mtime) && source_size == source_size_field(source)
        }
        PycValidation::Hash { source_hash } => {
            header.flags & PycHeader::FLAG_CHECK_SOURCE == 0
                || source_hash == crate::vm::unload::source_hash(source)
        }
    }
}

/// `_compile_bytecode`: the code object in a `.pyc` image, with
/// importlib's errors for a bad header or body; cached code is made to
/// name its `source` file.
fn code_from_pyc(
    vm: &mut Vm,
    name: &str,
    path: &Path,
    data: &[u8],
    source: Option<&Path>,
) -> PyResult<Obj> {
    let name_repr = format!("'{name}'");
    let path_repr = format!("'{}'", path.display());
    let body = classify_pyc(data).and_then(|_| read_pyc_body(&data[PycHeader::LEN..]));
    match body {
        Ok(value) => match source {
            Some(src) => vm.marshal_to_object_at(&value, &src.to_string_lossy()),
            None => vm.marshal_to_object(&value),
        },
        Err(e) => {
            let (kind, msg) = e.import_error(&name_repr, &path_repr);
            Err(vm.new_exception_msg(crate::vm::load::kind_type(kind), msg))
        }
    }
}

/// Compiles a module's source (`source_to_code`) and caches the result in
/// `__pycache__` as a timestamp-based `.pyc`, as CPython 3.14 writes it
/// (`_cache_bytecode`; skipped when `sys.dont_write_bytecode` is true, and
/// failures to write are ignored).
fn compile_module(vm: &mut Vm, source: &[u8], path: &Path) -> PyResult<Obj> {
    let filename = path.to_string_lossy().into_owned();
    let mut opts = crate::compile::Options::new(crate::compile::Mode::Exec);
    opts.from_file = true;
    let code = crate::compile::compile(vm, crate::compile::Source::Bytes(source), &filename, opts)?;
    if !dont_write_bytecode(vm)
        && let Some(mtime) = source_mtime(path)
        && let Ok(data) = vm.write_pyc_timestamp(&code, mtime, source_size_field(source))
    {
        write_atomic(&super::finder::cache_from_source(path), &data);
    }
    Ok(code)
}

fn dont_write_bytecode(vm: &mut Vm) -> bool {
    let key = vm.intern("dont_write_bytecode");
    let sys = vm.sys.clone();
    matches!(vm.getattr_opt(&sys, &key), Ok(Some(v)) if v.is_true_obj())
}

/// The source's modification time in whole seconds, truncated to 32 bits.
fn source_mtime(path: &Path) -> Option<u32> {
    let t = std::fs::metadata(path).ok()?.modified().ok()?;
    let secs = t.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    Some((secs & 0xFFFF_FFFF) as u32)
}

/// The source's size as a timestamp-based `.pyc` records it: truncated to
/// 32 bits.
fn source_size_field(source: &[u8]) -> u32 {
    (source.len() as u64 & 0xFFFF_FFFF) as u32
}

/// `_write_atomic`: a temporary file renamed over the target, so that a
/// reader never sees half a file.
fn write_atomic(target: &Path, data: &[u8]) {
    let Some(dir) = target.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let tmp = target.with_extension(format!("pyc.{}", std::process::id()));
    if std::fs::write(&tmp, data).is_ok() && std::fs::rename(&tmp, target).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}
