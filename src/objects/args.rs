//! Argument checking and parsing for functions written in Rust.
//!
//! Native functions receive the vectorcall layout: positional arguments,
//! then one value per keyword name in `kwnames`. The helpers reproduce the
//! three families of error messages CPython's C functions produce:
//! - `METH_O`/`METH_NOARGS` style: "len() takes exactly one argument (2 given)";
//! - `_PyArg_CheckPositional`: "divmod expected 2 arguments, got 1";
//! - Argument Clinic's keyword parser (`_PyArg_UnpackKeywords`):
//!   "pow() missing required argument 'exp' (pos 2)".

use crate::objects::str::StrObject;
use crate::objects::tuple::TupleObject;
use crate::objects::{Obj, PyResult, Vm};

/// The keyword names of a call, as a slice (empty without keywords).
pub fn kwnames_slice(kwnames: Option<&Obj>) -> &[Obj] {
    match kwnames.and_then(|k| k.downcast::<TupleObject>()) {
        Some(t) => t.as_slice(),
        None => &[],
    }
}

/// Splits vectorcall arguments into (positional, keyword values, keyword names).
pub fn split<'a>(args: &'a [Obj], kwnames: Option<&'a Obj>) -> (&'a [Obj], &'a [Obj], &'a [Obj]) {
    let names = kwnames_slice(kwnames);
    let npos = args.len() - names.len();
    (&args[..npos], &args[npos..], names)
}

/// Number of positional arguments of a vectorcall.
pub fn npos(args: &[Obj], kwnames: Option<&Obj>) -> usize {
    args.len() - kwnames_slice(kwnames).len()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// "f() takes no keyword arguments".
pub fn no_kwargs(vm: &mut Vm, fname: &str, kwnames: Option<&Obj>) -> PyResult<()> {
    if kwnames_slice(kwnames).is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{fname}() takes no keyword arguments")))
    }
}

/// `METH_NOARGS`: "f() takes no arguments (1 given)".
pub fn no_args(vm: &mut Vm, fname: &str, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<()> {
    no_kwargs(vm, fname, kwnames)?;
    if args.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!(
            "{fname}() takes no arguments ({} given)",
            args.len()
        )))
    }
}

/// `METH_O`: "f() takes exactly one argument (0 given)"; returns the argument.
pub fn one_arg<'a>(
    vm: &mut Vm,
    fname: &str,
    args: &'a [Obj],
    kwnames: Option<&Obj>,
) -> PyResult<&'a Obj> {
    no_kwargs(vm, fname, kwnames)?;
    match args {
        [a] => Ok(a),
        _ => Err(vm.type_error(format!(
            "{fname}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// `_PyArg_CheckPositional`: positional-only arguments between `min` and
/// `max` (no keywords allowed): "divmod expected 2 arguments, got 1".
pub fn positional<'a>(
    vm: &mut Vm,
    name: &str,
    args: &'a [Obj],
    kwnames: Option<&Obj>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Obj]> {
    no_kwargs(vm, name, kwnames)?;
    check_positional_count(vm, name, args.len(), min, max)?;
    Ok(args)
}

/// The count check of `_PyArg_CheckPositional`.
pub fn check_positional_count(
    vm: &mut Vm,
    name: &str,
    n: usize,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if n < min {
        let qual = if min == max { "" } else { "at least " };
        return Err(vm.type_error(format!(
            "{name} expected {qual}{min} argument{}, got {n}",
            plural(min)
        )));
    }
    if n > max {
        let qual = if min == max { "" } else { "at most " };
        return Err(vm.type_error(format!(
            "{name} expected {qual}{max} argument{}, got {n}",
            plural(max)
        )));
    }
    Ok(())
}

/// A signature for [`parse`]: Argument Clinic's view of a function.
pub struct Signature {
    /// Function name as messages show it (without parentheses).
    pub name: &'static str,
    /// Parameter names in order: positional-only, then positional-or-keyword,
    /// then keyword-only.
    pub params: &'static [&'static str],
    /// How many leading parameters are positional-only.
    pub posonly: usize,
    /// How many leading parameters are required (positional ones only).
    pub required: usize,
    /// Index of the first keyword-only parameter (`params.len()` if none).
    pub kwonly: usize,
    /// Names of keyword-only parameters that are required.
    pub required_kwonly: &'static [&'static str],
}

impl Signature {
    /// A signature with positional-or-keyword parameters only.
    pub const fn new(name: &'static str, params: &'static [&'static str], required: usize) -> Self {
        Signature {
            name,
            params,
            posonly: 0,
            required,
            kwonly: params.len(),
            required_kwonly: &[],
        }
    }

    pub const fn posonly(mut self, n: usize) -> Self {
        self.posonly = n;
        self
    }

    pub const fn kwonly(mut self, first: usize) -> Self {
        self.kwonly = first;
        self
    }
}

/// Binds vectorcall arguments to `sig`'s parameters, as Argument Clinic's
/// `_PyArg_UnpackKeywords` does. Missing optional parameters are `None`.
pub fn parse<const N: usize>(
    vm: &mut Vm,
    sig: &Signature,
    args: &[Obj],
    kwnames: Option<&Obj>,
) -> PyResult<[Option<Obj>; N]> {
    debug_assert_eq!(sig.params.len(), N);
    let (pos, kwvalues, names) = split(args, kwnames);
    let mut out: [Option<Obj>; N] = std::array::from_fn(|_| None);
    let maxpos = sig.kwonly;
    if pos.len() > maxpos {
        let msg = if maxpos == 0 {
            format!("{}() takes no positional arguments", sig.name)
        } else {
            let qual = if sig.required == maxpos {
                "exactly"
            } else {
                "at most"
            };
            format!(
                "{}() takes {qual} {maxpos} argument{} ({} given)",
                sig.name,
                plural(maxpos),
                pos.len() + names.len()
            )
        };
        return Err(vm.type_error(msg));
    }
    if pos.len() + names.len() > N {
        let what = if sig.kwonly == 0 {
            "keyword argument"
        } else {
            "argument"
        };
        return Err(vm.type_error(format!(
            "{}() takes at most {N} {what}{} ({} given)",
            sig.name,
            plural(N),
            pos.len() + names.len()
        )));
    }
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v.clone());
    }
    for (name, value) in names.iter().zip(kwvalues) {
        let key = name
            .downcast::<StrObject>()
            .map(|s| s.as_str())
            .unwrap_or("");
        let idx = sig.params.iter().position(|p| *p == key);
        match idx {
            Some(i) if i >= sig.posonly => {
                if out[i].is_some() {
                    return Err(vm.type_error(format!(
                        "argument for {}() given by name ('{key}') and position ({})",
                        sig.name,
                        i + 1
                    )));
                }
                out[i] = Some(value.clone());
            }
            _ => {
                return Err(vm.type_error(format!(
                    "{}() got an unexpected keyword argument '{key}'",
                    sig.name
                )));
            }
        }
    }
    #[allow(clippy::needless_range_loop)] // `i` is also the parameter's position
    for i in 0..sig.required.min(N) {
        if out[i].is_none() {
            if i < sig.posonly {
                return Err(vm.type_error(format!(
                    "{}() takes at least {} positional argument{} ({} given)",
                    sig.name,
                    sig.required,
                    plural(sig.required),
                    pos.len()
                )));
            }
            return Err(vm.type_error(format!(
                "{}() missing required argument '{}' (pos {})",
                sig.name,
                sig.params[i],
                i + 1
            )));
        }
    }
    for name in sig.required_kwonly {
        let i = sig.params.iter().position(|p| p == name).unwrap_or(N);
        if i < N && out[i].is_none() {
            return Err(vm.type_error(format!("{}() missing required argument '{name}'", sig.name)));
        }
    }
    Ok(out)
}
