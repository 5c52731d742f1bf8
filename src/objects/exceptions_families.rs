//! Exception families with their own attributes and messages: SystemExit,
//! StopIteration, ImportError, NameError, AttributeError, KeyError,
//! OSError, SyntaxError, Unicode*Error and the exception groups.

use super::{BaseExceptionObject, exc, exc_args, exc_init, exc_str, is_exception};
use crate::objects::args;
use crate::objects::str::{StrObject, str_value};
use crate::objects::tuple::{new_tuple, tuple_items};
use crate::objects::typeobject::{GetSetDef, MethodDef, TypeObject, as_type};
use crate::objects::{Obj, PyResult, Vm, bytes, int};

/// Getter and setter for one of an exception's family fields.
macro_rules! field_accessors {
    ($get:ident, $set:ident, $idx:expr) => {
        pub fn $get(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
            Ok(exc(o).fields[$idx].get().unwrap_or_else(Obj::none))
        }
        pub fn $set(_: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
            exc(o).fields[$idx].set(v);
            Ok(())
        }
    };
}

field_accessors!(get_f0, set_f0, 0);
field_accessors!(get_f1, set_f1, 1);
field_accessors!(get_f2, set_f2, 2);
field_accessors!(get_f3, set_f3, 3);
field_accessors!(get_f4, set_f4, 4);
field_accessors!(get_f5, set_f5, 5);
field_accessors!(get_f6, set_f6, 6);
field_accessors!(get_f7, set_f7, 7);

fn set_field(o: &Obj, i: usize, v: Obj) {
    exc(o).fields[i].set(Some(v));
}

/// Keyword arguments by name, in call order.
type KeywordPairs = Vec<(String, Obj)>;

/// Keyword arguments of an exception constructor that accepts only `names`.
fn exc_kwargs<'a>(
    vm: &mut Vm,
    o: &Obj,
    a: &'a [Obj],
    kw: Option<&'a Obj>,
    names: &[&str],
) -> PyResult<(&'a [Obj], KeywordPairs)> {
    let (pos, values, kwn) = args::split(a, kw);
    let mut out = Vec::new();
    for (k, v) in kwn.iter().zip(values) {
        let key = str_value(k);
        if !names.contains(&key) {
            return Err(vm.type_error(format!(
                "{}() got an unexpected keyword argument '{key}'",
                o.class().name()
            )));
        }
        out.push((key.to_string(), v.clone()));
    }
    Ok((pos, out))
}

// SystemExit: `code` is None, the single argument, or the args tuple.
pub fn system_exit_init(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    exc_init(vm, o, a, kw)?;
    let code = match a.len() {
        0 => Obj::none(),
        1 => a[0].clone(),
        _ => new_tuple(a.to_vec()),
    };
    set_field(o, 0, code);
    Ok(())
}
pub static SYSTEM_EXIT_GETSETS: &[GetSetDef] = &[GetSetDef::getset("code", get_f0, set_f0)];

// StopIteration: `value` is the first argument or None.
pub fn stop_iteration_init(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    exc_init(vm, o, a, kw)?;
    set_field(o, 0, a.first().cloned().unwrap_or_else(Obj::none));
    Ok(())
}
pub static STOP_ITERATION_GETSETS: &[GetSetDef] = &[GetSetDef::getset("value", get_f0, set_f0)];

// NameError(name=...).
pub fn name_error_init(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    let (pos, kws) = exc_kwargs(vm, o, a, kw, &["name"])?;
    exc(o).args.set(Some(new_tuple(pos.to_vec())));
    for (k, v) in kws {
        if k == "name" {
            set_field(o, 0, v);
        }
    }
    Ok(())
}
pub static NAME_ERROR_GETSETS: &[GetSetDef] = &[GetSetDef::getset("name", get_f0, set_f0)];

// AttributeError(name=..., obj=...).
pub fn attribute_error_init(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    let (pos, kws) = exc_kwargs(vm, o, a, kw, &["name", "obj"])?;
    exc(o).args.set(Some(new_tuple(pos.to_vec())));
    for (k, v) in kws {
        set_field(o, if k == "name" { 0 } else { 1 }, v);
    }
    Ok(())
}
pub static ATTRIBUTE_ERROR_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("name", get_f0, set_f0),
    GetSetDef::getset("obj", get_f1, set_f1),
];

// ImportError(*args, name=None, path=None, name_from=None): msg, name, path, name_from.
pub fn import_error_init(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    let (pos, kws) = exc_kwargs(vm, o, a, kw, &["name", "path", "name_from"])?;
    exc(o).args.set(Some(new_tuple(pos.to_vec())));
    if pos.len() == 1 {
        set_field(o, 0, pos[0].clone());
    }
    for (k, v) in kws {
        let i = match k.as_str() {
            "name" => 1,
            "path" => 2,
            _ => 3,
        };
        set_field(o, i, v);
    }
    Ok(())
}
pub fn import_error_str(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    match exc(o).fields[0].get().filter(|m| !m.is_none()) {
        Some(m) => vm.str(&m),
        None => exc_str(vm, o),
    }
}
pub static IMPORT_ERROR_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("msg", get_f0, set_f0),
    GetSetDef::getset("name", get_f1, set_f1),
    GetSetDef::getset("path", get_f2, set_f2),
    GetSetDef::getset("name_from", get_f3, set_f3),
];

/// `str(KeyError(k))` is `repr(k)`, so `KeyError('')` shows `''`.
pub fn key_error_str(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let a = exc_args(o);
    if a.len() == 1 {
        vm.repr(&a[0])
    } else {
        exc_str(vm, o)
    }
}

/// The OSError subclass CPython picks for an errno (`errnomap`).
fn os_error_subclass(errno: i64) -> Option<&'static TypeObject> {
    use super::*;
    Some(match errno {
        1 | 13 => &PERMISSION_ERROR,
        2 => &FILE_NOT_FOUND_ERROR,
        3 => &PROCESS_LOOKUP_ERROR,
        4 => &INTERRUPTED_ERROR,
        10 => &CHILD_PROCESS_ERROR,
        11 | 114 | 115 => &BLOCKING_IO_ERROR,
        17 => &FILE_EXISTS_ERROR,
        20 => &NOT_A_DIRECTORY_ERROR,
        21 => &IS_A_DIRECTORY_ERROR,
        32 | 108 => &BROKEN_PIPE_ERROR,
        103 => &CONNECTION_ABORTED_ERROR,
        104 => &CONNECTION_RESET_ERROR,
        110 => &TIMEOUT_ERROR,
        111 => &CONNECTION_REFUSED_ERROR,
        _ => return None,
    })
}

/// `OSError(errno, strerror[, filename[, winerror[, filename2]]])`:
/// constructing plain OSError with a known errno gives the subclass.
pub fn os_error_new(_: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let mut ty = as_type(cls).expect("OSError __new__ with a non-type");
    let (pos, _, _) = args::split(a, kw);
    if std::ptr::eq(ty, &super::OS_ERROR)
        && (2..=5).contains(&pos.len())
        && let Some(errno) = int::int_ref(&pos[0]).and_then(|r| r.to_i64())
        && let Some(sub) = os_error_subclass(errno)
    {
        ty = sub;
    }
    Ok(super::alloc_exception(ty, new_tuple(pos.to_vec())))
}

pub fn os_error_init(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    if !args::kwnames_slice(kw).is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", o.class().name())));
    }
    let mut shown = a.to_vec();
    if (2..=5).contains(&a.len()) {
        set_field(o, 0, a[0].clone());
        set_field(o, 1, a[1].clone());
        if a.len() >= 3 {
            set_field(o, 2, a[2].clone());
            if a.len() == 5 {
                set_field(o, 3, a[4].clone());
            }
            shown.truncate(2);
        }
    }
    exc(o).args.set(Some(new_tuple(shown)));
    Ok(())
}

pub fn os_error_str(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let e = exc(o);
    let (errno, strerror) = (e.fields[0].get(), e.fields[1].get());
    let (f1, f2) = (e.fields[2].get(), e.fields[3].get());
    let text = |vm: &mut Vm, x: &Option<Obj>| -> PyResult<String> {
        match x {
            Some(v) => vm.str(v).map(|s| str_value(&s).to_string()),
            None => Ok("None".into()),
        }
    };
    if let Some(f1) = f1.filter(|f| !f.is_none()) {
        let (en, se) = (text(vm, &errno)?, text(vm, &strerror)?);
        let r1 = vm.repr(&f1)?;
        let s = match f2.filter(|f| !f.is_none()) {
            Some(f2) => {
                let r2 = vm.repr(&f2)?;
                format!(
                    "[Errno {en}] {se}: {} -> {}",
                    str_value(&r1),
                    str_value(&r2)
                )
            }
            None => format!("[Errno {en}] {se}: {}", str_value(&r1)),
        };
        return Ok(vm.new_string(s));
    }
    if errno.is_some() && strerror.is_some() {
        let (en, se) = (text(vm, &errno)?, text(vm, &strerror)?);
        return Ok(vm.new_string(format!("[Errno {en}] {se}")));
    }
    exc_str(vm, o)
}
pub static OS_ERROR_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("errno", get_f0, set_f0),
    GetSetDef::getset("strerror", get_f1, set_f1),
    GetSetDef::getset("filename", get_f2, set_f2),
    GetSetDef::getset("filename2", get_f3, set_f3),
];

// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])).
pub fn syntax_error_init(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    exc_init(vm, o, a, kw)?;
    if let Some(m) = a.first() {
        set_field(o, 0, m.clone());
    }
    if a.len() == 2 {
        let info = vm.collect(&a[1])?;
        if !(4..=6).contains(&info.len()) {
            return Err(vm.index_error("tuple index out of range"));
        }
        for (i, v) in info.into_iter().enumerate() {
            set_field(o, i + 1, v);
        }
    }
    Ok(())
}
pub fn syntax_error_str(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let e = exc(o);
    let msg = match e.fields[0].get() {
        Some(m) => str_value(&vm.str(&m)?).to_string(),
        None => str_value(&exc_str(vm, o)?).to_string(),
    };
    let filename = e.fields[1]
        .get()
        .filter(|f| f.downcast::<StrObject>().is_some());
    let lineno = e.fields[2]
        .get()
        .and_then(|l| int::int_ref(&l).and_then(|r| r.to_i64()));
    let base = filename.map(|f| {
        let s = str_value(&f);
        s.rsplit('/').next().unwrap_or(s).to_string()
    });
    let text = match (base, lineno) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    };
    Ok(vm.new_string(text))
}
pub static SYNTAX_ERROR_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("msg", get_f0, set_f0),
    GetSetDef::getset("filename", get_f1, set_f1),
    GetSetDef::getset("lineno", get_f2, set_f2),
    GetSetDef::getset("offset", get_f3, set_f3),
    GetSetDef::getset("text", get_f4, set_f4),
    GetSetDef::getset("end_lineno", get_f5, set_f5),
    GetSetDef::getset("end_offset", get_f6, set_f6),
    GetSetDef::getset("print_file_and_line", get_f7, set_f7),
];

// UnicodeDecodeError / UnicodeEncodeError(encoding, object, start, end, reason).
pub fn unicode_error_init(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    exc_init(vm, o, a, kw)?;
    if a.len() != 5 {
        return Err(vm.type_error(format!(
            "function takes exactly 5 arguments ({} given)",
            a.len()
        )));
    }
    for (i, v) in a.iter().enumerate() {
        set_field(o, i, v.clone());
    }
    Ok(())
}
fn unicode_fields(vm: &mut Vm, o: &Obj) -> PyResult<(String, Obj, i64, i64, String)> {
    let e = exc(o);
    let enc = e.fields[0]
        .get()
        .map(|x| str_value(&x).to_string())
        .unwrap_or_default();
    let object = e.fields[1].get().unwrap_or_else(Obj::none);
    let start = match e.fields[2].get() {
        Some(s) => vm.to_i64(&s)?,
        None => 0,
    };
    let end = match e.fields[3].get() {
        Some(s) => vm.to_i64(&s)?,
        None => 0,
    };
    let reason = e.fields[4]
        .get()
        .map(|x| str_value(&x).to_string())
        .unwrap_or_default();
    Ok((enc, object, start, end, reason))
}
pub fn unicode_decode_error_str(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let (enc, object, start, end, reason) = unicode_fields(vm, o)?;
    let data = bytes::bytes_like_data(&object).unwrap_or_default();
    let text = if end == start + 1 && (start as usize) < data.len() {
        format!(
            "'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            data[start as usize]
        )
    } else {
        format!(
            "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    };
    Ok(vm.new_string(text))
}
pub fn unicode_encode_error_str(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let (enc, object, start, end, reason) = unicode_fields(vm, o)?;
    let s = str_value(&object);
    let text = if end == start + 1 {
        let c = s.chars().nth(start as usize).map(|c| c as u32).unwrap_or(0);
        let shown = if c < 0x100 {
            format!("\\x{c:02x}")
        } else if c < 0x10000 {
            format!("\\u{c:04x}")
        } else {
            format!("\\U{c:08x}")
        };
        format!("'{enc}' codec can't encode character '{shown}' in position {start}: {reason}")
    } else {
        format!(
            "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
            end - 1
        )
    };
    Ok(vm.new_string(text))
}
pub static UNICODE_ERROR_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("encoding", get_f0, set_f0),
    GetSetDef::getset("object", get_f1, set_f1),
    GetSetDef::getset("start", get_f2, set_f2),
    GetSetDef::getset("end", get_f3, set_f3),
    GetSetDef::getset("reason", get_f4, set_f4),
];

// BaseExceptionGroup(message, exceptions): fields[0] = message, fields[1] =
// the exceptions as a tuple.
pub fn group_new(vm: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "BaseExceptionGroup", kw)?;
    let mut ty = as_type(cls).expect("group __new__ with a non-type");
    if a.len() != 2 {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            a.len()
        )));
    }
    if a[0].downcast::<StrObject>().is_none() {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            a[0].class().name()
        )));
    }
    let is_seq = tuple_items(&a[1]).is_some()
        || a[1]
            .downcast::<crate::objects::list::ListObject>()
            .is_some();
    if !is_seq {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = vm.collect(&a[1])?;
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exceptions = true;
    for (i, e) in excs.iter().enumerate() {
        if !is_exception(e) {
            return Err(vm.value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        if !e.class().is_subtype(&super::EXCEPTION) {
            all_exceptions = false;
        }
    }
    if std::ptr::eq(ty, &super::BASE_EXCEPTION_GROUP) {
        if all_exceptions {
            ty = &super::EXCEPTION_GROUP;
        }
    } else if ty.is_subtype(&super::EXCEPTION_GROUP) && !all_exceptions {
        return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
    }
    let o = super::alloc_exception(ty, new_tuple(a.to_vec()));
    set_field(&o, 0, a[0].clone());
    set_field(&o, 1, new_tuple(excs));
    Ok(o)
}
pub fn group_init(_: &mut Vm, _: &Obj, _: &[Obj], _: Option<&Obj>) -> PyResult<()> {
    Ok(())
}
pub fn group_str(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let e = exc(o);
    let msg = e.fields[0]
        .get()
        .map(|m| str_value(&m).to_string())
        .unwrap_or_default();
    let n = e.fields[1]
        .get()
        .and_then(|t| tuple_items(&t).map(|s| s.len()))
        .unwrap_or(0);
    let s = if n == 1 { "" } else { "s" };
    Ok(vm.new_string(format!("{msg} ({n} sub-exception{s})")))
}
/// `repr(group)`: the message and the exceptions as a list or as given.
pub fn group_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    super::exc_repr(vm, o)
}

/// The exceptions of a group (its `exceptions` tuple).
pub fn group_exceptions(o: &Obj) -> Vec<Obj> {
    exc(o).fields[1]
        .get()
        .and_then(|t| tuple_items(&t).map(|s| s.to_vec()))
        .unwrap_or_default()
}

/// Whether `o` is an exception group.
pub fn is_group(o: &Obj) -> bool {
    o.downcast::<BaseExceptionObject>().is_some()
        && o.class().is_subtype(&super::BASE_EXCEPTION_GROUP)
}

/// `group.derive(excs)`: a new group of the same message.
fn group_derive(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let excs = args::one_arg(vm, "BaseExceptionGroup.derive", &a[1..], kw)?;
    let msg = exc(&a[0]).fields[0].get().unwrap_or_else(|| vm.new_str(""));
    let cls = crate::objects::typeobject::type_as_obj(&super::BASE_EXCEPTION_GROUP);
    group_new(vm, &cls, &[msg, excs.clone()], None)
}

/// A group made by `split`/`subgroup` keeps the original's traceback,
/// cause, context and notes (CPython's `exceptiongroup_subset`).
fn derive_subset(vm: &mut Vm, orig: &Obj, excs: Vec<Obj>) -> PyResult<Obj> {
    let list = vm.new_list(excs);
    let derive = vm.intern("derive");
    let g = vm.call_method(orig, &derive, &[list])?;
    if !is_group(&g) {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    let (o, n) = (exc(orig), exc(&g));
    n.traceback.set(o.traceback.get());
    n.cause.set(o.cause.get());
    n.context.set(o.context.get());
    n.suppress_context.set(o.suppress_context.get());
    let notes = vm.intern("__notes__");
    if let Some(v) = vm.getattr_opt(orig, &notes)? {
        let copied = vm.collect(&v).map(|items| vm.new_list(items)).unwrap_or(v);
        vm.setattr(&g, &notes, copied)?;
    }
    Ok(g)
}

/// How a split condition matches (CPython's `_exceptiongroup_split_condition`).
pub enum SplitCondition {
    Types(Obj),
    Predicate(Obj),
    Instance(Obj),
    /// Leaves whose identity is in the set (`EXCEPTION_GROUP_MATCH_INSTANCE_IDS`).
    InstanceIds(std::collections::HashSet<usize>),
}

impl SplitCondition {
    pub fn from_obj(vm: &mut Vm, c: &Obj) -> PyResult<SplitCondition> {
        if super::is_exception_type(c) {
            return Ok(SplitCondition::Types(c.clone()));
        }
        if let Some(items) = tuple_items(c)
            && items.iter().all(super::is_exception_type)
        {
            return Ok(SplitCondition::Types(c.clone()));
        }
        if vm.is_callable(c) && crate::objects::typeobject::as_type(c).is_none() {
            return Ok(SplitCondition::Predicate(c.clone()));
        }
        if is_exception(c) {
            return Ok(SplitCondition::Instance(c.clone()));
        }
        Err(vm.type_error("expected an exception type, a tuple of exception types, or a callable (other than a class)"))
    }

    fn matches(&self, vm: &mut Vm, e: &Obj) -> PyResult<bool> {
        match self {
            SplitCondition::Types(t) => vm.exception_matches(e, t),
            SplitCondition::Predicate(f) => {
                let r = vm.call(f, std::slice::from_ref(e), None)?;
                vm.is_true(&r)
            }
            SplitCondition::Instance(x) => Ok(x.is(e)),
            SplitCondition::InstanceIds(ids) => Ok(!is_group(e) && ids.contains(&e.addr())),
        }
    }
}

/// Splits `e` by `cond` into (matching part, rest), recursing into nested
/// groups (CPython's `exceptiongroup_split_recursive`).
pub fn split_group(
    vm: &mut Vm,
    e: &Obj,
    cond: &SplitCondition,
    want_rest: bool,
) -> PyResult<(Option<Obj>, Option<Obj>)> {
    if cond.matches(vm, e)? {
        return Ok((Some(e.clone()), None));
    }
    if !is_group(e) {
        return Ok((None, if want_rest { Some(e.clone()) } else { None }));
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for sub in group_exceptions(e) {
        let (m, r) = split_group(vm, &sub, cond, want_rest)?;
        matched.extend(m);
        rest.extend(r);
    }
    let m = if matched.is_empty() {
        None
    } else {
        Some(derive_subset(vm, e, matched)?)
    };
    let r = if want_rest && !rest.is_empty() {
        Some(derive_subset(vm, e, rest)?)
    } else {
        None
    };
    Ok((m, r))
}

fn group_split(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let c = args::one_arg(vm, "BaseExceptionGroup.split", &a[1..], kw)?;
    let cond = SplitCondition::from_obj(vm, c)?;
    let (m, r) = split_group(vm, &a[0], &cond, true)?;
    Ok(vm.new_tuple(vec![
        m.unwrap_or_else(Obj::none),
        r.unwrap_or_else(Obj::none),
    ]))
}

fn group_subgroup(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let c = args::one_arg(vm, "BaseExceptionGroup.subgroup", &a[1..], kw)?;
    let cond = SplitCondition::from_obj(vm, c)?;
    let (m, _) = split_group(vm, &a[0], &cond, false)?;
    Ok(m.unwrap_or_else(Obj::none))
}

pub static GROUP_METHODS: &[MethodDef] = &[
    MethodDef::new("derive", group_derive),
    MethodDef::new("split", group_split),
    MethodDef::new("subgroup", group_subgroup),
];

fn get_exceptions(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(exc(o).fields[1].get().unwrap_or_else(|| new_tuple(vec![])))
}

pub static GROUP_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("message", get_f0),
    GetSetDef::getter("exceptions", get_exceptions),
];
