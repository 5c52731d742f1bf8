//! The checks CPython's loader makes on what it reads, beyond the format
//! itself: that dict keys and set elements hash (`PyDict_SetItem`,
//! `PySet_Add`) and that a code object is well formed (`_PyCode_Validate`
//! and `intern_strings` in `Objects/codeobject.c`).
//!
//! They walk sub-objects, and back-references let hostile data share one
//! object thousands of times (a tuple of two references to a tuple of two
//! references to ...). Walked naively that is exponential, so the results
//! are cached per shared object for the whole read. A cache entry holds a
//! clone of the object it describes, which keeps the object alive and its
//! address from being reused by another.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::error::{BAD_INTERNAL_CALL, ErrorKind, MarshalError};
use super::value::{CO_FAST_LOCAL, CO_VARARGS, CO_VARKEYWORDS, Code, Value};

/// The parts of a code object as read, before checking: the five leading
/// ints, the ten object fields in marshal order, and `co_firstlineno`.
pub(crate) struct CodeParts {
    pub header: [i32; 5],
    pub objects: Vec<Value>,
    pub firstlineno: i32,
}

/// Results already established during one read.
#[derive(Default)]
pub(crate) struct Checks {
    /// Tuples, slices, frozensets and code objects known to hash.
    hashable: HashMap<usize, Value>,
    /// Tuples known to hold only strings.
    all_str: HashMap<usize, Rc<[Value]>>,
    /// `co_localspluskinds` byte strings and their count of locals.
    local_counts: HashMap<usize, (Rc<[u8]>, i32)>,
}

/// The address identifying a composite value, if it is one whose hash
/// depends on its contents.
fn composite_key(v: &Value) -> Option<usize> {
    match v {
        Value::Tuple(t) | Value::FrozenSet(t) => Some(Rc::as_ptr(t) as *const u8 as usize),
        Value::Slice(s) => Some(Rc::as_ptr(s) as *const u8 as usize),
        Value::Code(c) => Some(Rc::as_ptr(c) as *const u8 as usize),
        _ => None,
    }
}

impl Checks {
    /// Where hashing `value` fails, as `PyObject_Hash` finds it: the type
    /// name of the first unhashable object met (a tuple or slice hashes its
    /// items in order, a code object its constants; a frozenset's elements
    /// were checked when it was built), or `None` if it hashes.
    pub(crate) fn first_unhashable(&mut self, value: &Value) -> Option<&'static str> {
        match value {
            Value::List(_) | Value::Dict(_) | Value::Set(_) => return Some(value.type_name()),
            Value::Tuple(_) | Value::Slice(_) | Value::Code(_) => {}
            _ => return None,
        }
        let mut visited: HashSet<usize> = HashSet::new();
        let mut seen: Vec<&Value> = Vec::new();
        let mut work: Vec<&Value> = vec![value];
        while let Some(v) = work.pop() {
            if let Some(key) = composite_key(v) {
                if self.hashable.contains_key(&key) || !visited.insert(key) {
                    continue;
                }
                seen.push(v);
            }
            match v {
                Value::List(_) | Value::Dict(_) | Value::Set(_) => return Some(v.type_name()),
                Value::Tuple(items) => work.extend(items.iter().rev()),
                Value::Slice(parts) => work.extend([&parts.2, &parts.1, &parts.0]),
                Value::Code(code) => work.extend(code.consts.iter().rev()),
                _ => {}
            }
        }
        for v in seen {
            if let Some(key) = composite_key(v) {
                self.hashable.insert(key, v.clone());
            }
        }
        None
    }

    /// Whether every item is a `str` (`intern_strings`' check).
    fn all_str(&mut self, items: &Rc<[Value]>) -> bool {
        let key = Rc::as_ptr(items) as *const u8 as usize;
        if self.all_str.contains_key(&key) {
            return true;
        }
        let ok = items.iter().all(|v| matches!(v, Value::Str(_)));
        if ok {
            self.all_str.insert(key, Rc::clone(items));
        }
        ok
    }

    /// The number of plain locals among `kinds` (`get_localsplus_counts`).
    fn local_count(&mut self, kinds: &Rc<[u8]>) -> i32 {
        let key = Rc::as_ptr(kinds) as *const u8 as usize;
        if let Some(&(_, count)) = self.local_counts.get(&key) {
            return count;
        }
        // A C `int` in CPython; the byte string is shorter than 2**31.
        let count = kinds.iter().filter(|&&k| k & CO_FAST_LOCAL != 0).count() as i32;
        self.local_counts.insert(key, (Rc::clone(kinds), count));
        count
    }

    /// Builds a code object from its parts after CPython's checks, with
    /// their exception types and messages, in their order:
    /// `_PyCode_Validate`, then `intern_strings` from `_PyCode_New`.
    pub(crate) fn build_code(&mut self, parts: CodeParts) -> Result<Code, MarshalError> {
        let bad_call = || MarshalError::new(ErrorKind::SystemError, BAD_INTERNAL_CALL);
        let [argcount, posonlyargcount, kwonlyargcount, stacksize, flags] = parts.header;
        let objects: [Value; 10] = parts.objects.try_into().map_err(|_| bad_call())?;
        let [
            code,
            consts,
            names,
            lpnames,
            lpkinds,
            filename,
            name,
            qualname,
            linetable,
            exctable,
        ] = objects;
        let (
            Value::Bytes(code),
            Value::Tuple(consts),
            Value::Tuple(names),
            Value::Tuple(localsplusnames),
            Value::Bytes(localspluskinds),
            Value::Str(filename),
            Value::Str(name),
            Value::Str(qualname),
            Value::Bytes(linetable),
            Value::Bytes(exceptiontable),
        ) = (
            code, consts, names, lpnames, lpkinds, filename, name, qualname, linetable, exctable,
        )
        else {
            return Err(bad_call());
        };
        if argcount < posonlyargcount
            || posonlyargcount < 0
            || kwonlyargcount < 0
            || stacksize < 0
            || flags < 0
            || localsplusnames.len() != localspluskinds.len()
        {
            return Err(bad_call());
        }
        if code.len() > i32::MAX as usize {
            return Err(MarshalError::new(
                ErrorKind::OverflowError,
                "code: co_code larger than INT_MAX",
            ));
        }
        if code.len() % 2 != 0 {
            return Err(MarshalError::new(
                ErrorKind::ValueError,
                "code: co_code is malformed",
            ));
        }
        // CPython does this arithmetic in C `int`s, which wrap in practice.
        let nplainlocals = self
            .local_count(&localspluskinds)
            .wrapping_sub(argcount)
            .wrapping_sub(kwonlyargcount)
            .wrapping_sub(i32::from(flags & CO_VARARGS != 0))
            .wrapping_sub(i32::from(flags & CO_VARKEYWORDS != 0));
        if nplainlocals < 0 {
            return Err(MarshalError::new(
                ErrorKind::ValueError,
                "code: co_varnames is too small",
            ));
        }
        if !self.all_str(&names) || !self.all_str(&localsplusnames) {
            return Err(MarshalError::new(
                ErrorKind::SystemError,
                "non-string found in code slot",
            ));
        }
        Ok(Code {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags,
            code,
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            firstlineno: parts.firstlineno,
            linetable,
            exceptiontable,
        })
    }
}
