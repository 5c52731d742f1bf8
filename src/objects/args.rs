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

/// Binds vectorcall arguments to `sig`'s parameters: a port of Argument
/// Clinic's `_PyArg_UnpackKeywords`, with its checks in its order and its
/// messages. Missing optional parameters are `None`.
///
/// Required keyword-only parameters must come first among the keyword-only
/// ones (Clinic's `minkw` counts them from `kwonly` on).
pub fn parse<const N: usize>(
    vm: &mut Vm,
    sig: &Signature,
    args: &[Obj],
    kwnames: Option<&Obj>,
) -> PyResult<[Option<Obj>; N]> {
    debug_assert_eq!(sig.params.len(), N);
    let (pos, kwvalues, names) = split(args, kwnames);
    let mut out: [Option<Obj>; N] = std::array::from_fn(|_| None);
    let nargs = pos.len();
    let mut nkwargs = names.len();
    let (maxargs, maxpos, minpos, posonly) = (N, sig.kwonly, sig.required, sig.posonly);
    let minkw = sig.required_kwonly.len();
    let reqlimit = if minkw > 0 { maxpos + minkw } else { minpos };
    let minposonly = posonly.min(minpos);
    let fname = sig.name;
    if nkwargs == 0 && minkw == 0 && minpos <= nargs && nargs <= maxpos {
        for (slot, v) in out.iter_mut().zip(pos) {
            *slot = Some(v.clone());
        }
        return Ok(out);
    }
    if nargs + nkwargs > maxargs {
        // "keyword" when nothing was positional (bpo-31229).
        let keyword = if nargs == 0 { "keyword " } else { "" };
        return Err(vm.type_error(format!(
            "{fname}() takes at most {maxargs} {keyword}argument{} ({} given)",
            plural(maxargs),
            nargs + nkwargs
        )));
    }
    if nargs > maxpos {
        let msg = if maxpos == 0 {
            format!("{fname}() takes no positional arguments")
        } else {
            let qual = if minpos < maxpos {
                "at most"
            } else {
                "exactly"
            };
            format!(
                "{fname}() takes {qual} {maxpos} positional argument{} ({nargs} given)",
                plural(maxpos)
            )
        };
        return Err(vm.type_error(msg));
    }
    if nargs < minposonly {
        let qual = if minposonly < maxpos {
            "at least"
        } else {
            "exactly"
        };
        return Err(vm.type_error(format!(
            "{fname}() takes {qual} {minposonly} positional argument{} ({nargs} given)",
            plural(minposonly)
        )));
    }
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v.clone());
    }
    let find = |param: &str| -> Option<Obj> {
        names
            .iter()
            .position(|n| {
                n.downcast::<StrObject>()
                    .is_some_and(|s| s.as_str() == param)
            })
            .map(|k| kwvalues[k].clone())
    };
    #[allow(clippy::needless_range_loop)] // `i` is also the parameter's position
    for i in nargs.max(posonly)..maxargs {
        let current = if nkwargs > 0 {
            find(sig.params[i])
        } else if i >= reqlimit {
            break;
        } else {
            None
        };
        match current {
            Some(v) => {
                out[i] = Some(v);
                nkwargs -= 1;
            }
            None if i < minpos || (maxpos <= i && i < reqlimit) => {
                return Err(vm.type_error(format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    sig.params[i],
                    i + 1
                )));
            }
            None => {}
        }
    }
    if nkwargs > 0 {
        for i in posonly..nargs {
            if find(sig.params[i]).is_some() {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{}') and position ({})",
                    sig.params[i],
                    i + 1
                )));
            }
        }
        return Err(unexpected_keyword(vm, fname, &sig.params[posonly..], names));
    }
    Ok(out)
}

/// The error for a keyword no parameter takes, with 3.14's "Did you mean"
/// suggestion (`error_unexpected_keyword_arg`).
pub fn unexpected_keyword(
    vm: &mut Vm,
    fname: &str,
    keywords: &[&str],
    names: &[Obj],
) -> crate::objects::PyErr {
    for name in names {
        let Some(key) = name.downcast::<StrObject>() else {
            return vm.type_error("keywords must be strings");
        };
        let key = key.as_str();
        if keywords.contains(&key) {
            continue;
        }
        return vm.type_error(
            match crate::vm::suggestions::calculate_suggestion(keywords, key) {
                Some(s) => {
                    format!(
                        "{fname}() got an unexpected keyword argument '{key}'. Did you mean '{s}'?"
                    )
                }
                None => format!("{fname}() got an unexpected keyword argument '{key}'"),
            },
        );
    }
    vm.type_error(format!("invalid keyword argument for {fname}()"))
}
