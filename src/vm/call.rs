//! Calling Python functions: pushing a frame and binding arguments
//! (CPython's `_PyEvalFramePushAndInit` and `initialize_locals`), and the
//! function type's `tp_call` for calls that come from Rust.

use crate::objects::code::{CodeObject, co_flags};
use crate::objects::dict::{dict_obj, new_dict};
use crate::objects::function::{FunctionObject, func_obj};
use crate::objects::str::{StrObject, str_value};
use crate::objects::tuple::{new_tuple, tuple_items};
use crate::objects::{CompareOp, Obj, PyErr, PyResult, Vm, args as argsmod};
use crate::vm::frame::{Frame, FrameOwner, Slot};
use crate::vm::suggestions::calculate_suggestion;

impl Vm {
    /// Pushes a frame for the function `func` and binds the arguments in
    /// `args` (positional values, then one per name in `kwnames`), moving
    /// them out of the slice. On error the frame is popped again.
    pub(crate) fn push_function_frame(
        &mut self,
        func: &Obj,
        args: &mut [Slot],
        kwnames: Option<&Obj>,
        previous: *mut Frame,
    ) -> PyResult<*mut Frame> {
        let f = func_obj(func);
        let code = f.code();
        let frame = self.frames.push(
            code,
            Some(func.clone()),
            f.globals.clone(),
            f.builtins.clone(),
            None,
            previous,
            FrameOwner::Thread,
        );
        if let Err(e) = initialize_locals(self, frame, f, args, kwnames) {
            // SAFETY: `frame` is the newest frame and its stack is empty.
            unsafe {
                let sp = (*frame).stack_pointer;
                self.frames.pop(frame, sp);
            }
            return Err(e);
        }
        Ok(frame)
    }

    /// Runs the body of `func` with `locals` as its namespace and no
    /// arguments (`_PyEval_Vector(func, locals, NULL, 0)`): how
    /// `__build_class__` runs a class body.
    pub fn call_function_with_locals(&mut self, func: &Obj, locals: Obj) -> PyResult<Obj> {
        let f = func_obj(func);
        let code = f.code();
        let previous = self.current_frame;
        let frame = self.frames.push(
            code,
            Some(func.clone()),
            f.globals.clone(),
            f.builtins.clone(),
            Some(locals),
            previous,
            FrameOwner::Thread,
        );
        if let Err(e) = initialize_locals(self, frame, f, &mut [], None) {
            // SAFETY: `frame` is the newest frame and its stack is empty.
            unsafe {
                let sp = (*frame).stack_pointer;
                self.frames.pop(frame, sp);
            }
            return Err(e);
        }
        self.run_frame(frame)
    }

    /// Calls a Python function from Rust: a new run of the eval loop.
    pub fn call_python_function(
        &mut self,
        func: &Obj,
        args: &[Obj],
        kwnames: Option<&Obj>,
    ) -> PyResult<Obj> {
        let mut slots: Vec<Slot> = args.iter().cloned().map(Some).collect();
        let previous = self.current_frame;
        let frame = self.push_function_frame(func, &mut slots, kwnames, previous)?;
        self.run_frame(frame)
    }
}

/// `tp_call` of `function`.
pub fn call_function_slot(
    vm: &mut Vm,
    func: &Obj,
    args: &[Obj],
    kwnames: Option<&Obj>,
) -> PyResult<Obj> {
    vm.call_python_function(func, args, kwnames)
}

/// Local slot `i` of `frame`.
fn local(frame: *mut Frame, i: usize) -> &'static mut Slot {
    // SAFETY: `frame` was just pushed with at least `nlocalsplus` slots and
    // `i` is below `nlocalsplus` (callers index parameters only); the frame
    // outlives the binding.
    unsafe { &mut *Frame::localsplus(frame).add(i) }
}

/// `initialize_locals`: binds positional and keyword arguments, `*args`,
/// `**kwargs` and defaults into the frame's locals, raising CPython's
/// TypeErrors for mismatches.
fn initialize_locals(
    vm: &mut Vm,
    frame: *mut Frame,
    f: &FunctionObject,
    args: &mut [Slot],
    kwnames: Option<&Obj>,
) -> PyResult<()> {
    // SAFETY: `frame` is live and holds a code object.
    let co: &CodeObject = unsafe { (*frame).code() };
    let kwnames_list: Vec<Obj> = argsmod::kwnames_slice(kwnames).to_vec();
    let argcount = args.len() - kwnames_list.len();
    let co_argcount = co.argcount as usize;
    let total_args = co_argcount + co.kwonlyargcount as usize;
    let qualname = f
        .qualname
        .get()
        .map(|q| str_value(&q).to_string())
        .unwrap_or_default();

    let kwdict = if co.has_flag(co_flags::VARKEYWORDS) {
        let d = new_dict();
        let i = total_args + usize::from(co.has_flag(co_flags::VARARGS));
        *local(frame, i) = Some(d.clone());
        Some(d)
    } else {
        None
    };

    let n = argcount.min(co_argcount);
    for (j, a) in args.iter_mut().enumerate().take(n) {
        *local(frame, j) = a.take();
    }
    if co.has_flag(co_flags::VARARGS) {
        let extra: Vec<Obj> = args[n..argcount]
            .iter_mut()
            .map(|s| s.take().unwrap_or_else(crate::vm::null_value))
            .collect();
        *local(frame, total_args) = Some(new_tuple(extra));
    }

    let names = co.localsplusnames();
    let posonly = co.posonlyargcount as usize;
    for (i, keyword) in kwnames_list.iter().enumerate() {
        let value = args[argcount + i]
            .take()
            .unwrap_or_else(crate::vm::null_value);
        if keyword.downcast::<StrObject>().is_none() {
            return Err(vm.type_error(format!("{qualname}() keywords must be strings")));
        }
        let mut found = names[posonly..total_args]
            .iter()
            .position(|n| n.is(keyword));
        if found.is_none() {
            for (j, n) in names[posonly..total_args].iter().enumerate() {
                if vm.rich_compare_bool(keyword, n, CompareOp::Eq)? {
                    found = Some(j);
                    break;
                }
            }
        }
        match found {
            Some(j) => {
                let j = j + posonly;
                if local(frame, j).is_some() {
                    return Err(vm.type_error(format!(
                        "{qualname}() got multiple values for argument '{}'",
                        str_value(keyword)
                    )));
                }
                *local(frame, j) = Some(value);
            }
            None => match &kwdict {
                Some(d) => dict_obj(d).set(vm, keyword.clone(), value)?,
                None => {
                    if posonly > 0 {
                        positional_only_passed_as_keyword(vm, co, &kwnames_list, &qualname)?;
                    }
                    let candidates: Vec<&str> =
                        names[posonly..total_args].iter().map(str_value).collect();
                    let kw = str_value(keyword);
                    let msg = match calculate_suggestion(&candidates, kw) {
                        Some(s) => format!(
                            "{qualname}() got an unexpected keyword argument '{kw}'. Did you mean '{s}'?"
                        ),
                        None => format!("{qualname}() got an unexpected keyword argument '{kw}'"),
                    };
                    return Err(vm.type_error(msg));
                }
            },
        }
    }

    if argcount > co_argcount && !co.has_flag(co_flags::VARARGS) {
        return Err(too_many_positional(vm, co, frame, argcount, f, &qualname));
    }

    if argcount < co_argcount {
        let defaults = f.defaults.get();
        let defs: Vec<Obj> = defaults
            .as_ref()
            .and_then(tuple_items)
            .map(|d| d.to_vec())
            .unwrap_or_default();
        let defcount = defs.len();
        let m = co_argcount.saturating_sub(defcount);
        let missing = (argcount..m).filter(|&i| local(frame, i).is_none()).count();
        if missing > 0 {
            return Err(missing_arguments(
                vm,
                co,
                frame,
                0,
                m,
                "positional",
                &qualname,
            ));
        }
        let start = n.saturating_sub(m);
        for (i, def) in defs.iter().enumerate().skip(start) {
            let slot = local(frame, m + i);
            if slot.is_none() {
                *slot = Some(def.clone());
            }
        }
    }

    if co.kwonlyargcount > 0 {
        let kwdefaults = f.kwdefaults.get();
        let mut missing = 0;
        #[allow(clippy::needless_range_loop)] // `i` is also the local's index
        for i in co_argcount..total_args {
            if local(frame, i).is_some() {
                continue;
            }
            if let Some(kd) = &kwdefaults
                && let Some(def) = dict_obj(kd).get(vm, &names[i])?
            {
                *local(frame, i) = Some(def);
                continue;
            }
            missing += 1;
        }
        if missing > 0 {
            return Err(missing_arguments(
                vm,
                co,
                frame,
                co_argcount,
                total_args,
                "keyword-only",
                &qualname,
            ));
        }
    }
    Ok(())
}

/// `format_missing`: "f() missing 2 required positional arguments: 'a' and 'b'".
fn missing_arguments(
    vm: &mut Vm,
    co: &CodeObject,
    frame: *mut Frame,
    start: usize,
    end: usize,
    kind: &str,
    qualname: &str,
) -> PyErr {
    let names: Vec<String> = (start..end)
        .filter(|&i| local(frame, i).is_none())
        .map(|i| crate::objects::str::repr_str(str_value(&co.localsplusnames()[i])))
        .collect();
    let len = names.len();
    let name_str = match len {
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        _ => format!(
            "{}, {}, and {}",
            names[..len - 2].join(", "),
            names[len - 2],
            names[len - 1]
        ),
    };
    vm.type_error(format!(
        "{qualname}() missing {len} required {kind} argument{}: {name_str}",
        if len == 1 { "" } else { "s" }
    ))
}

/// `too_many_positional`.
fn too_many_positional(
    vm: &mut Vm,
    co: &CodeObject,
    frame: *mut Frame,
    given: usize,
    f: &FunctionObject,
    qualname: &str,
) -> PyErr {
    let co_argcount = co.argcount as usize;
    let kwonly_given = (co_argcount..co_argcount + co.kwonlyargcount as usize)
        .filter(|&i| local(frame, i).is_some())
        .count();
    let defcount = f
        .defaults
        .get()
        .as_ref()
        .and_then(tuple_items)
        .map(|d| d.len())
        .unwrap_or(0);
    let (sig, plural) = if defcount > 0 {
        (
            format!("from {} to {co_argcount}", co_argcount - defcount),
            true,
        )
    } else {
        (co_argcount.to_string(), co_argcount != 1)
    };
    let kwonly_sig = if kwonly_given > 0 {
        format!(
            " positional argument{} (and {kwonly_given} keyword-only argument{})",
            if given != 1 { "s" } else { "" },
            if kwonly_given != 1 { "s" } else { "" }
        )
    } else {
        String::new()
    };
    vm.type_error(format!(
        "{qualname}() takes {sig} positional argument{} but {given}{kwonly_sig} {} given",
        if plural { "s" } else { "" },
        if given == 1 && kwonly_given == 0 {
            "was"
        } else {
            "were"
        }
    ))
}

/// `positional_only_passed_as_keyword`.
fn positional_only_passed_as_keyword(
    vm: &mut Vm,
    co: &CodeObject,
    kwnames: &[Obj],
    qualname: &str,
) -> PyResult<()> {
    let mut conflicts = Vec::new();
    for posonly_name in &co.localsplusnames()[..co.posonlyargcount as usize] {
        for kw in kwnames {
            if kw.is(posonly_name) || vm.rich_compare_bool(posonly_name, kw, CompareOp::Eq)? {
                conflicts.push(str_value(kw).to_string());
            }
        }
    }
    if conflicts.is_empty() {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
        conflicts.join(", ")
    )))
}
