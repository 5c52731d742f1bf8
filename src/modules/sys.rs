//! The `sys` module (the parts a program needs before the language issue:
//! argv, the standard streams, exit, recursion limits, sizes, exception
//! state, the int digit limit).

use crate::objects::args;
use crate::objects::dict::dict_obj;
use crate::objects::exceptions::SYSTEM_EXIT;
use crate::objects::module::{module_dict, new_module};
use crate::objects::native::new_builtin_function;
use crate::objects::str::str_value;
use crate::objects::typeobject::MethodDef;
use crate::objects::{Obj, PyResult, Vm, exceptions, int};

/// Names of the standard library's modules (for NameError's "Did you forget
/// to import" hint); python3.14's `sys.stdlib_module_names`.
pub const STDLIB_MODULE_NAMES: &[&str] = &[
    "__future__",
    "_abc",
    "_ast",
    "_asyncio",
    "_bisect",
    "_collections",
    "_collections_abc",
    "_contextvars",
    "_csv",
    "_datetime",
    "_decimal",
    "_functools",
    "_heapq",
    "_io",
    "_json",
    "_locale",
    "_operator",
    "_pickle",
    "_random",
    "_signal",
    "_socket",
    "_sre",
    "_stat",
    "_string",
    "_struct",
    "_thread",
    "_tokenize",
    "_warnings",
    "_weakref",
    "abc",
    "annotationlib",
    "argparse",
    "array",
    "ast",
    "asyncio",
    "atexit",
    "base64",
    "bdb",
    "binascii",
    "bisect",
    "builtins",
    "bz2",
    "calendar",
    "cmath",
    "cmd",
    "code",
    "codecs",
    "collections",
    "colorsys",
    "compileall",
    "concurrent",
    "configparser",
    "contextlib",
    "contextvars",
    "copy",
    "copyreg",
    "csv",
    "ctypes",
    "curses",
    "dataclasses",
    "datetime",
    "dbm",
    "decimal",
    "difflib",
    "dis",
    "doctest",
    "email",
    "encodings",
    "enum",
    "errno",
    "faulthandler",
    "fcntl",
    "filecmp",
    "fileinput",
    "fnmatch",
    "fractions",
    "ftplib",
    "functools",
    "gc",
    "getopt",
    "getpass",
    "gettext",
    "glob",
    "graphlib",
    "grp",
    "gzip",
    "hashlib",
    "heapq",
    "hmac",
    "html",
    "http",
    "imaplib",
    "importlib",
    "inspect",
    "io",
    "ipaddress",
    "itertools",
    "json",
    "keyword",
    "linecache",
    "locale",
    "logging",
    "lzma",
    "mailbox",
    "marshal",
    "math",
    "mimetypes",
    "mmap",
    "multiprocessing",
    "netrc",
    "numbers",
    "operator",
    "optparse",
    "os",
    "pathlib",
    "pdb",
    "pickle",
    "pickletools",
    "pkgutil",
    "platform",
    "plistlib",
    "poplib",
    "posix",
    "pprint",
    "profile",
    "pstats",
    "pty",
    "pwd",
    "py_compile",
    "pyclbr",
    "pydoc",
    "queue",
    "quopri",
    "random",
    "re",
    "readline",
    "reprlib",
    "resource",
    "rlcompleter",
    "runpy",
    "sched",
    "secrets",
    "select",
    "selectors",
    "shelve",
    "shlex",
    "shutil",
    "signal",
    "site",
    "smtplib",
    "socket",
    "socketserver",
    "sqlite3",
    "ssl",
    "stat",
    "statistics",
    "string",
    "stringprep",
    "struct",
    "subprocess",
    "symtable",
    "sys",
    "sysconfig",
    "syslog",
    "tabnanny",
    "tarfile",
    "tempfile",
    "termios",
    "textwrap",
    "threading",
    "time",
    "timeit",
    "tkinter",
    "token",
    "tokenize",
    "tomllib",
    "trace",
    "traceback",
    "tracemalloc",
    "tty",
    "turtle",
    "types",
    "typing",
    "unicodedata",
    "unittest",
    "urllib",
    "uuid",
    "venv",
    "warnings",
    "wave",
    "weakref",
    "webbrowser",
    "wsgiref",
    "xml",
    "xmlrpc",
    "zipapp",
    "zipfile",
    "zipimport",
    "zlib",
    "zoneinfo",
];

fn exit(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "exit", a, kw, 0, 1)?;
    let args = exit_args(rest.first());
    Err(vm.new_exception(&SYSTEM_EXIT, args))
}

/// The SystemExit arguments `PyErr_SetObject(SystemExit, status)` makes:
/// none for None, the items of a tuple, otherwise the status itself.
pub fn exit_args(status: Option<&Obj>) -> Vec<Obj> {
    match status {
        None => vec![],
        Some(s) if s.is_none() => vec![],
        Some(s) => match crate::objects::tuple::tuple_items(s) {
            Some(items) => items.to_vec(),
            None => vec![s.clone()],
        },
    }
}

fn getrecursionlimit(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "getrecursionlimit", a, kw)?;
    Ok(int::new_int(vm.recursion_limit as i64))
}

/// `sys.setrecursionlimit(n)`: the new limit must exceed the current depth.
fn setrecursionlimit(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let n = args::one_arg(vm, "setrecursionlimit", a, kw)?;
    if crate::objects::float::float_value(n).is_some() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.to_i64(n)?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.py_depth as i64;
    if n <= depth {
        return Err(vm.new_exception_msg(
            &exceptions::RECURSION_ERROR,
            format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"),
        ));
    }
    vm.recursion_limit = n.min(i32::MAX as i64) as u32;
    Ok(Obj::none())
}

fn exception(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "exception", a, kw)?;
    Ok(vm.handled_exception().unwrap_or_else(Obj::none))
}

fn exc_info(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "exc_info", a, kw)?;
    match vm.handled_exception() {
        Some(e) => {
            let t = crate::objects::typeobject::type_as_obj(e.class());
            let tb = exceptions::exc(&e)
                .traceback
                .get()
                .unwrap_or_else(Obj::none);
            Ok(vm.new_tuple(vec![t, e, tb]))
        }
        None => Ok(vm.new_tuple(vec![Obj::none(), Obj::none(), Obj::none()])),
    }
}

fn getrefcount(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(vm, "getrefcount", a, kw)?;
    Ok(int::new_usize(o.refcnt()))
}

fn intern(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let s = args::one_arg(vm, "intern", a, kw)?;
    if crate::objects::str::is_str(s) && std::ptr::eq(s.class(), &crate::objects::str::STR_TYPE) {
        return Ok(vm.intern_obj(s.clone()));
    }
    Err(vm.type_error(format!(
        "intern() argument must be str, not {}",
        s.class().name()
    )))
}

fn get_int_max_str_digits(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "get_int_max_str_digits", a, kw)?;
    Ok(int::new_usize(vm.config.int_max_str_digits))
}

fn set_int_max_str_digits(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: args::Signature = args::Signature::new("set_int_max_str_digits", &["maxdigits"], 1);
    let [n] = args::parse::<1>(vm, &SIG, a, kw)?;
    let n = vm.to_i64(&n.expect("required"))?;
    if n != 0 && n < crate::format::MAX_STR_DIGITS_THRESHOLD as i64 {
        return Err(vm.value_error(format!(
            "maxdigits must be >= {} or 0 for unlimited",
            crate::format::MAX_STR_DIGITS_THRESHOLD
        )));
    }
    vm.config.int_max_str_digits = n as usize;
    Ok(Obj::none())
}

/// `sys.displayhook`: prints `repr(value)` and stores it in `builtins._`.
pub fn displayhook(vm: &mut Vm, v: &Obj) -> PyResult<Obj> {
    if v.is_none() {
        return Ok(Obj::none());
    }
    let key = vm.intern("_");
    dict_obj(&vm.builtins_dict.clone()).set_str(key.clone(), Obj::none());
    let text = vm.repr_string(v)?;
    let stdout = vm.sys_attr("stdout")?;
    vm.write_text(&stdout, &text)?;
    vm.write_text(&stdout, "\n")?;
    dict_obj(&vm.builtins_dict.clone()).set_str(key, v.clone());
    Ok(Obj::none())
}

fn displayhook_fn(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::one_arg(vm, "displayhook", a, kw)?;
    displayhook(vm, v)
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("exit", exit),
    MethodDef::new("getrecursionlimit", getrecursionlimit),
    MethodDef::new("setrecursionlimit", setrecursionlimit),
    MethodDef::new("exception", exception),
    MethodDef::new("exc_info", exc_info),
    MethodDef::new("getrefcount", getrefcount),
    MethodDef::new("intern", intern),
    MethodDef::new("get_int_max_str_digits", get_int_max_str_digits),
    MethodDef::new("set_int_max_str_digits", set_int_max_str_digits),
    MethodDef::new("displayhook", displayhook_fn),
];

/// Builds the `sys` module.
pub fn make_module(vm: &mut Vm) -> Obj {
    let m = new_module(vm, "sys");
    let d = module_dict(&m).expect("a module has a dict").clone();
    let dd = dict_obj(&d);
    for f in FUNCTIONS {
        dd.set_str(vm.intern(f.name), new_builtin_function(f, "sys"));
    }
    let argv: Vec<Obj> = vm.config.argv.iter().map(|a| vm.new_str(a)).collect();
    let set = |vm: &mut Vm, k: &str, v: Obj| dd.set_str(vm.intern(k), v);
    set(vm, "argv", vm.new_list(argv));
    let (out, err) = (
        crate::modules::io::new_stream(1),
        crate::modules::io::new_stream(2),
    );
    set(vm, "stdout", out.clone());
    set(vm, "stderr", err.clone());
    set(vm, "__stdout__", out);
    set(vm, "__stderr__", err);
    set(vm, "maxsize", int::new_int(isize::MAX as i64));
    set(vm, "byteorder", vm.new_str("little"));
    set(vm, "platform", vm.new_str("linux"));
    set(
        vm,
        "version",
        vm.new_str(concat!("3.14.0 (pyrs ", env!("CARGO_PKG_VERSION"), ")")),
    );
    set(vm, "hexversion", int::new_int(0x030e00f0));
    set(vm, "modules", vm.modules.clone());
    let path: Vec<Obj> = vm
        .config
        .path
        .clone()
        .iter()
        .map(|p| vm.new_str(p))
        .collect();
    set(vm, "path", vm.new_list(path));
    let names: Vec<Obj> = STDLIB_MODULE_NAMES.iter().map(|n| vm.new_str(n)).collect();
    let names = crate::objects::set::new_set_from(vm, names).unwrap_or_else(|_| Obj::none());
    set(vm, "stdlib_module_names", names);
    m
}

impl Vm {
    /// `getattr(sys, name)` ("lost sys.stdout" when missing, as CPython says).
    pub fn sys_attr(&mut self, name: &str) -> PyResult<Obj> {
        let key = self.intern(name);
        let d = module_dict(&self.sys).cloned();
        match d.and_then(|d| dict_obj(&d).get_str(&key)) {
            Some(v) => Ok(v),
            None => Err(self.runtime_error(format!("lost sys.{}", str_value(&key)))),
        }
    }

    /// `file.write(text)`, direct for the standard streams.
    pub fn write_text(&mut self, file: &Obj, text: &str) -> PyResult<()> {
        if let Some(s) = file.downcast_exact::<crate::modules::io::TextIOObject>() {
            s.write_str(self, text);
            return Ok(());
        }
        let write = self.ids.write.clone();
        let t = self.new_str(text);
        self.call_method(file, &write, &[t])?;
        Ok(())
    }

    /// Flushes `sys.stdout` and `sys.stderr` (at exit, and before printing
    /// a traceback), ignoring errors as CPython's `flush_std_files` does.
    pub fn flush_std_streams(&mut self) {
        for name in ["stdout", "stderr"] {
            if let Ok(f) = self.sys_attr(name) {
                if let Some(s) = f.downcast_exact::<crate::modules::io::TextIOObject>() {
                    s.flush_buffer();
                } else if !f.is_none() {
                    let flush = self.ids.flush.clone();
                    let _ = self.call_method(&f, &flush, &[]);
                }
            }
        }
    }

    /// Text written to the captured stdout (0) or stderr (1).
    pub fn take_captured(&mut self, which: usize) -> String {
        std::mem::take(&mut self.captured[which])
    }
}
