//! `traceback.TracebackException.__init__`: an exception captured for
//! printing, with its frames, its text (and suggestion), its notes, and
//! the exceptions it is chained to or groups, as `compact=True` builds
//! them for an uncaught exception.
//!
//! The nodes live in one arena and refer to each other by index, so a
//! long `__context__` chain is neither built nor dropped recursively; the
//! chain is walked with a work list as traceback.py's queue walks it, and
//! `seen` breaks cycles the same way (an exception already captured is not
//! captured again as a cause or context; group members always are).

use std::collections::HashSet;

use super::linecache::LineCache;
use super::stack::{FrameSummary, extract};
use super::suggest::compute_suggestion_error;
use crate::objects::exceptions::families::{group_exceptions, is_group};
use crate::objects::exceptions::{
    ATTRIBUTE_ERROR, BaseExceptionObject, IMPORT_ERROR, NAME_ERROR, SYNTAX_ERROR,
};
use crate::objects::str::{is_str, str_value};
use crate::objects::typeobject::{TypeObject, type_as_obj};
use crate::objects::{Obj, Vm};

/// `exc.__notes__` as captured.
pub enum Notes {
    /// No `__notes__` (or None).
    Absent,
    /// The `__notes__` object, read when printed.
    Value(Obj),
    /// The one note that stands for an error raised reading `__notes__`.
    Error(String),
}

/// The SyntaxError attributes `_format_syntax_error` prints.
pub struct SyntaxInfo {
    pub filename: Obj,
    /// `str(lineno)`, None for None.
    pub lineno: Option<String>,
    pub end_lineno: Option<String>,
    pub text: Obj,
    pub offset: Obj,
    pub end_offset: Obj,
    pub msg: Obj,
}

/// One `TracebackException`.
pub struct Te {
    pub stack: Vec<FrameSummary>,
    /// `exc_type_str`: the qualified type name.
    pub type_str: String,
    /// `_str`: `str(exc)` plus any suggestion.
    pub text: String,
    pub notes: Notes,
    pub syntax: Option<SyntaxInfo>,
    pub suppress_context: bool,
    pub cause: Option<usize>,
    pub context: Option<usize>,
    /// Group members; None for an exception that is not a group.
    pub exceptions: Option<Vec<usize>>,
}

/// Builds the arena of `TracebackException`s for one exception.
pub struct Builder<'c> {
    pub cache: &'c mut LineCache,
    pub limit: Option<i64>,
    pub nodes: Vec<Te>,
    seen: HashSet<usize>,
}

/// `_safe_string(value, what)`: `str(value)`, or `<what str() failed>`.
pub fn safe_str(vm: &mut Vm, value: &Obj, what: &str) -> String {
    match vm.str(value) {
        Ok(s) => str_value(&s).to_string(),
        Err(_) => format!("<{what} str() failed>"),
    }
}

/// `_safe_string(value, what, func=repr)`.
pub fn safe_repr(vm: &mut Vm, value: &Obj, what: &str) -> String {
    match vm.repr(value) {
        Ok(s) => str_value(&s).to_string(),
        Err(_) => format!("<{what} repr() failed>"),
    }
}

/// `getattr(o, name, None)`, None also when the lookup raises.
fn attr(vm: &mut Vm, o: &Obj, name: &str) -> Option<Obj> {
    let n = vm.intern(name);
    vm.getattr_opt(o, &n)
        .ok()
        .flatten()
        .filter(|v| !v.is_none())
}

/// `TracebackException.exc_type_str`: `__qualname__`, prefixed by
/// `__module__` unless that is `__main__` or `builtins`.
pub fn exc_type_str(vm: &mut Vm, ty: &TypeObject) -> String {
    let t = type_as_obj(ty);
    let qualname = match vm.getattr_str(&t, "__qualname__") {
        Ok(q) if is_str(&q) => str_value(&q).to_string(),
        _ => ty.name().into_owned(),
    };
    let module = vm.getattr_str(&t, "__module__").ok();
    let smod = match &module {
        Some(m) if is_str(m) => str_value(m),
        _ => "<unknown>",
    };
    if smod == "__main__" || smod == "builtins" {
        qualname
    } else {
        format!("{smod}.{qualname}")
    }
}

impl<'c> Builder<'c> {
    pub fn new(cache: &'c mut LineCache, limit: Option<i64>) -> Self {
        Builder {
            cache,
            limit,
            nodes: Vec::new(),
            seen: HashSet::new(),
        }
    }

    /// The whole `TracebackException` for `exc` (its chain and group
    /// members included); `tb` is the traceback shown for `exc` itself.
    pub fn build(&mut self, vm: &mut Vm, exc: &Obj, tb: Option<Obj>) -> usize {
        let root = self.one(vm, exc, tb);
        let mut queue = vec![(root, exc.clone())];
        while let Some((te, e)) = queue.pop() {
            let Some(x) = e.downcast::<BaseExceptionObject>() else {
                continue;
            };
            let cause = match x.cause.get() {
                Some(c) if !self.seen.contains(&c.addr()) => {
                    let tb = traceback_of(&c);
                    Some((self.one(vm, &c, tb), c))
                }
                _ => None,
            };
            // compact=True: the context only when there is no cause and
            // it is not suppressed.
            let need_context = cause.is_none() && !x.suppress_context.get();
            let context = match x.context.get() {
                Some(c) if need_context && !self.seen.contains(&c.addr()) => {
                    let tb = traceback_of(&c);
                    Some((self.one(vm, &c, tb), c))
                }
                _ => None,
            };
            let members = if is_group(&e) {
                let mut v = Vec::new();
                for m in group_exceptions(&e) {
                    let tb = traceback_of(&m);
                    v.push((self.one(vm, &m, tb), m));
                }
                Some(v)
            } else {
                None
            };
            let node = &mut self.nodes[te];
            node.cause = cause.as_ref().map(|c| c.0);
            node.context = context.as_ref().map(|c| c.0);
            node.exceptions = members.as_ref().map(|v| v.iter().map(|m| m.0).collect());
            queue.extend(cause);
            queue.extend(context);
            if let Some(v) = members {
                queue.extend(v);
            }
        }
        root
    }

    /// One node, without its chain (the body of `__init__` before the
    /// queue).
    fn one(&mut self, vm: &mut Vm, exc_value: &Obj, tb: Option<Obj>) -> usize {
        self.seen.insert(exc_value.addr());
        let stack = extract(vm, self.cache, tb.clone(), self.limit);
        let ty = exc_value.class();
        let mut text = safe_str(vm, exc_value, "exception");
        let notes_name = vm.intern("__notes__");
        let notes = match vm.getattr_opt(exc_value, &notes_name) {
            Ok(Some(n)) if !n.is_none() => Notes::Value(n),
            Ok(_) => Notes::Absent,
            Err(e) => Notes::Error(format!(
                "Ignored error getting __notes__: {}",
                safe_repr(vm, e.value(), "__notes__")
            )),
        };
        let type_str = exc_type_str(vm, ty);
        let mut syntax = None;
        if ty.is_subtype(&SYNTAX_ERROR) {
            syntax = Some(syntax_info(vm, exc_value));
        } else if ty.is_subtype(&IMPORT_ERROR)
            && let Some(wrong) = attr(vm, exc_value, "name_from")
        {
            if let Some(s) = compute_suggestion_error(vm, exc_value, tb.as_ref(), &wrong) {
                text.push_str(&format!(". Did you mean: '{s}'?"));
            }
        } else if (ty.is_subtype(&NAME_ERROR) || ty.is_subtype(&ATTRIBUTE_ERROR))
            && let Some(wrong) = attr(vm, exc_value, "name")
        {
            let suggestion = compute_suggestion_error(vm, exc_value, tb.as_ref(), &wrong);
            if let Some(s) = &suggestion {
                text.push_str(&format!(". Did you mean: '{s}'?"));
            }
            if ty.is_subtype(&NAME_ERROR) && is_str(&wrong) {
                let name = str_value(&wrong);
                if crate::modules::sys::STDLIB_MODULE_NAMES.contains(&name) {
                    text.push_str(&if suggestion.is_some() {
                        format!(" Or did you forget to import '{name}'?")
                    } else {
                        format!(". Did you forget to import '{name}'?")
                    });
                }
            }
        }
        let suppress_context = exc_value
            .downcast::<BaseExceptionObject>()
            .is_some_and(|x| x.suppress_context.get());
        self.nodes.push(Te {
            stack,
            type_str,
            text,
            notes,
            syntax,
            suppress_context,
            cause: None,
            context: None,
            exceptions: None,
        });
        self.nodes.len() - 1
    }
}

/// `exc.__traceback__`.
pub fn traceback_of(e: &Obj) -> Option<Obj> {
    e.downcast::<BaseExceptionObject>()
        .and_then(|x| x.traceback.get())
}

/// The attributes of a SyntaxError, read as `__init__` reads them.
fn syntax_info(vm: &mut Vm, e: &Obj) -> SyntaxInfo {
    let get = |vm: &mut Vm, name: &str| attr(vm, e, name).unwrap_or_else(Obj::none);
    let line_str = |vm: &mut Vm, v: Obj| -> Option<String> {
        (!v.is_none()).then(|| safe_str(vm, &v, "lineno"))
    };
    let filename = get(vm, "filename");
    let lineno = get(vm, "lineno");
    let lineno = line_str(vm, lineno);
    let end_lineno = get(vm, "end_lineno");
    let end_lineno = line_str(vm, end_lineno);
    SyntaxInfo {
        filename,
        lineno,
        end_lineno,
        text: get(vm, "text"),
        offset: get(vm, "offset"),
        end_offset: get(vm, "end_offset"),
        msg: get(vm, "msg"),
    }
}
