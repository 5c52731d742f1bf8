//! `Vm`: the state of one interpreter and its (single) thread.
//!
//! CPython splits this between `PyInterpreterState` and `PyThreadState`; an
//! interpreter here is used by one thread at a time, so one struct holds
//! both. There is no global mutable state: everything an interpreter
//! mutates lives here or in objects it owns, so several `Vm`s can coexist in
//! a process.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::AtomicU32;

use crate::objects::exceptions as exc;
use crate::objects::{Obj, PyErr, TypeObject};
use crate::vm::frame::{Frame, FrameArena};
use crate::vm::identifiers::Identifiers;
use crate::vm::native_stack::NativeStackGuard;

/// Settings fixed when an interpreter is created.
#[derive(Clone, Debug)]
pub struct Config {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `sys.flags.int_max_str_digits` (CPython's default is 4300).
    pub int_max_str_digits: usize,
    /// Where `sys.stdout`/`sys.stderr` write.
    pub capture_output: bool,
    /// Bytes of native stack the interpreter may use before raising
    /// RecursionError for deep native recursion (nested `repr`, calls from
    /// builtins back into Python...).
    pub native_stack_size: usize,
    /// The initial `sys.path`: the script's directory, then `PYTHONPATH`.
    pub path: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            argv: vec![String::new()],
            int_max_str_digits: 4300,
            capture_output: false,
            native_stack_size: 0,
            path: Vec::new(),
        }
    }
}

/// One interpreter with its thread state.
pub struct Vm {
    /// Frames of running Python code (CPython's per-thread data stack).
    pub(crate) frames: FrameArena,
    /// The innermost frame being executed, or null.
    pub(crate) current_frame: *mut Frame,
    /// The exception being handled (`sys.exception()`), CPython's
    /// The stack of exceptions being handled (`tstate->exc_info` and its
    /// `previous_item` chain): the thread's own item at the bottom, one item
    /// per running generator above it. PUSH_EXC_INFO and POP_EXCEPT work on
    /// the top item; `sys.exception()` sees the topmost one that is set.
    pub(crate) exc_stack: Vec<Option<Obj>>,
    /// Modules whose code is running for their first import (their
    /// `__spec__._initializing`), for the circular-import message.
    pub(crate) initializing: Vec<String>,
    /// Number of Python frames currently executing.
    pub(crate) py_depth: u32,
    /// `sys.getrecursionlimit()`.
    pub(crate) recursion_limit: u32,
    /// True while a RecursionError is being created, so that creating it does
    /// not recurse (CPython's `recursion_headroom`).
    pub(crate) recursion_headroom: bool,
    pub(crate) native_stack: NativeStackGuard,
    /// The eval breaker: pending signals, interrupts and requests, polled at
    /// RESUME and JUMP_BACKWARD. Shared with `InterruptHandle`s.
    pub(crate) eval_breaker: Arc<AtomicU32>,
    pub(crate) builtins: Obj,
    pub(crate) builtins_dict: Obj,
    pub(crate) sys: Obj,
    /// `sys.modules`.
    pub(crate) modules: Obj,
    /// Attribute dictionaries of the static types and of this
    /// interpreter's classes, by `TypeObject::dict_index`.
    pub(crate) type_dicts: Vec<Obj>,
    /// Direct subclasses of static types defined in this interpreter, by
    /// the base's `dict_index` (`__subclasses__`, slot updates).
    pub(crate) static_subclasses: HashMap<u32, Vec<&'static TypeObject>>,
    pub(crate) interned: HashMap<Box<str>, Obj>,
    pub(crate) ids: Identifiers,
    /// The code object of the shim frame that ends an eval loop run.
    pub(crate) trampoline: Obj,
    /// Objects whose `repr` is in progress (CPython's `Py_ReprEnter`).
    pub(crate) repr_stack: Vec<usize>,
    pub(crate) config: Config,
    /// Text written to `sys.stdout`/`sys.stderr` when output is captured.
    pub(crate) captured: [String; 2],
    /// Source lines of code compiled from a string that tracebacks may
    /// show (`linecache._interactive_cache`, filled by `-c`), keyed by
    /// `(co_filename, co_qualname, co_firstlineno)`.
    pub(crate) registered_sources:
        std::collections::HashMap<(String, String, i32), std::rc::Rc<Vec<String>>>,
    /// Per-opcode execution counts (feature `stats`).
    #[cfg(feature = "stats")]
    pub stats: crate::vm::stats::Stats,
}

impl Vm {
    /// Raises `exc` (an exception instance): sets its `__context__` to the
    /// exception being handled, unless that would create a cycle. This is
    /// CPython's `_PyErr_SetObject`.
    pub fn raise(&mut self, exc: Obj) -> PyErr {
        if let Some(handled) = self.handled_exception()
            && !handled.is(&exc)
        {
            exc::chain_context(&exc, handled);
        }
        PyErr::reraise(exc)
    }

    /// Creates an exception of the static type `ty` with `args` and raises it.
    pub fn new_exception(&mut self, ty: &'static TypeObject, args: Vec<Obj>) -> PyErr {
        let e = exc::new_static_instance(self, ty, args);
        self.raise(e)
    }

    /// Creates an exception of type `ty` whose single argument is `msg`.
    pub fn new_exception_msg(&mut self, ty: &'static TypeObject, msg: impl AsRef<str>) -> PyErr {
        let s = self.new_str(msg.as_ref());
        self.new_exception(ty, vec![s])
    }

    pub fn type_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&exc::TYPE_ERROR, msg)
    }
    pub fn value_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&exc::VALUE_ERROR, msg)
    }
    pub fn index_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&exc::INDEX_ERROR, msg)
    }
    pub fn overflow_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&exc::OVERFLOW_ERROR, msg)
    }
    pub fn zero_division_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&exc::ZERO_DIVISION_ERROR, msg)
    }
    pub fn runtime_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&exc::RUNTIME_ERROR, msg)
    }
    pub fn system_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&exc::SYSTEM_ERROR, msg)
    }
    pub fn memory_error(&mut self) -> PyErr {
        self.new_exception(&exc::MEMORY_ERROR, vec![])
    }
    pub fn not_implemented_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&exc::NOT_IMPLEMENTED_ERROR, msg)
    }
    pub fn lookup_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&exc::LOOKUP_ERROR, msg)
    }
    pub fn eof_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&exc::EOF_ERROR, msg)
    }
    /// `KeyError(key)`.
    pub fn key_error(&mut self, key: Obj) -> PyErr {
        self.new_exception(&exc::KEY_ERROR, vec![key])
    }
    /// `StopIteration` (with a value when given).
    pub fn stop_iteration(&mut self, value: Option<Obj>) -> PyErr {
        let args = value.into_iter().collect();
        self.new_exception(&exc::STOP_ITERATION, args)
    }

    /// The exception being handled, if any (`sys.exception()`).
    pub fn handled_exception(&self) -> Option<Obj> {
        self.exc_stack
            .iter()
            .rev()
            .find_map(|e| e.as_ref().filter(|v| !v.is_none()).cloned())
    }

    /// The top item of the handled-exception stack (`tstate->exc_info`).
    pub(crate) fn exc_top(&mut self) -> &mut Option<Obj> {
        if self.exc_stack.is_empty() {
            self.exc_stack.push(None);
        }
        self.exc_stack.last_mut().expect("non-empty")
    }

    /// Interns `s`: equal identifier strings share one object, so that
    /// attribute and global lookups can compare pointers first.
    pub fn intern(&mut self, s: &str) -> Obj {
        if let Some(o) = self.interned.get(s) {
            return o.clone();
        }
        let o = self.new_str(s);
        self.interned.insert(s.into(), o.clone());
        o
    }

    /// Interns an existing str object (returns the canonical one).
    pub fn intern_obj(&mut self, s: Obj) -> Obj {
        let text = match s.downcast_exact::<crate::objects::str::StrObject>() {
            Some(st) => st.as_str(),
            None => return s,
        };
        if let Some(o) = self.interned.get(text) {
            return o.clone();
        }
        self.interned.insert(text.into(), s.clone());
        s
    }

    pub fn config(&self) -> &Config {
        &self.config
    }
}

impl Vm {
    /// The Python exception for a formatting error.
    pub fn format_error(&mut self, e: crate::format::FormatError) -> PyErr {
        use crate::format::ErrorKind;
        let ty = match e.kind() {
            ErrorKind::ValueError => &exc::VALUE_ERROR,
            ErrorKind::TypeError => &exc::TYPE_ERROR,
            ErrorKind::OverflowError => &exc::OVERFLOW_ERROR,
            ErrorKind::MemoryError => &exc::MEMORY_ERROR,
        };
        if e.message().is_empty() {
            self.new_exception(ty, vec![])
        } else {
            self.new_exception_msg(ty, e.message())
        }
    }
}
