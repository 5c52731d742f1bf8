//! Finding a module on `sys.path` (importlib's `PathFinder` and
//! `FileFinder`, for the loaders pyrs has: source and sourceless files).

use std::path::{Path, PathBuf};

/// Where a module was found (the parts of a `ModuleSpec` the loaders use).
pub struct Spec {
    /// The full dotted name.
    pub name: String,
    /// The file to run: the `.py` source, or a sourceless `.pyc`.
    pub origin: PathBuf,
    /// For a package, the directory its submodules are searched in.
    pub package_dir: Option<PathBuf>,
    /// Whether `origin` is a source file (else a sourceless `.pyc`).
    pub is_source: bool,
}

impl Spec {
    /// `__cached__`: where the source's compiled form lives
    /// (`importlib.util.cache_from_source`); a sourceless file is its own.
    pub fn cached(&self) -> PathBuf {
        if !self.is_source {
            return self.origin.clone();
        }
        cache_from_source(&self.origin)
    }

    /// `spec.parent`: the package a module belongs to (itself for a
    /// package).
    pub fn parent(&self) -> String {
        if self.package_dir.is_some() {
            self.name.clone()
        } else {
            self.name
                .rsplit_once('.')
                .map_or(String::new(), |(p, _)| p.to_string())
        }
    }
}

/// `__pycache__/<stem>.cpython-314.pyc` beside `source`.
pub fn cache_from_source(source: &Path) -> PathBuf {
    let dir = source.parent().unwrap_or(Path::new(""));
    let stem = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.join("__pycache__")
        .join(format!("{stem}.cpython-314.pyc"))
}

/// Looks for the last component of `fullname` in each directory of
/// `search` in turn (`PathFinder.find_spec`): a package directory with an
/// `__init__`, then a module file; sources before sourceless `.pyc` files.
pub fn find_spec(fullname: &str, search: &[String]) -> Option<Spec> {
    let tail = fullname.rsplit('.').next().unwrap_or(fullname);
    for entry in search {
        let dir = if entry.is_empty() {
            PathBuf::from(".")
        } else {
            PathBuf::from(entry)
        };
        let pkg = dir.join(tail);
        if pkg.is_dir() {
            for (file, is_source) in [("__init__.py", true), ("__init__.pyc", false)] {
                let init = pkg.join(file);
                if init.is_file() {
                    return Some(Spec {
                        name: fullname.to_string(),
                        origin: init,
                        package_dir: Some(pkg),
                        is_source,
                    });
                }
            }
        }
        for (suffix, is_source) in [("py", true), ("pyc", false)] {
            let file = dir.join(format!("{tail}.{suffix}"));
            if file.is_file() {
                return Some(Spec {
                    name: fullname.to_string(),
                    origin: file,
                    package_dir: None,
                    is_source,
                });
            }
        }
    }
    None
}
