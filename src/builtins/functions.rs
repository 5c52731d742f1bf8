//! The general builtin functions: print, len, repr, iter, next, sorted...

use std::io::BufRead;

use crate::objects::args::{self, Signature};
use crate::objects::exceptions::SYSTEM_EXIT;
use crate::objects::int::{self, int_ref};
use crate::objects::list::{new_list, sort_list};
use crate::objects::str::{StrObject, str_value};
use crate::objects::{Obj, PyResult, Vm, bool_, iterators};

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
pub fn print(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (objects, values, names) = args::split(a, kw);
    let (mut sep, mut end, mut file, mut flush) = (None, None, None, None);
    for (k, v) in names.iter().zip(values) {
        match str_value(k) {
            "sep" => sep = Some(v.clone()),
            "end" => end = Some(v.clone()),
            "file" => file = Some(v.clone()),
            "flush" => flush = Some(v.clone()),
            other => {
                return Err(vm.type_error(format!(
                    "print() got an unexpected keyword argument '{other}'"
                )));
            }
        }
    }
    let text_arg = |vm: &mut Vm, v: Option<Obj>, what: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(o) if o.is_none() => Ok(default.to_string()),
            Some(o) => match o.downcast::<StrObject>() {
                Some(s) => Ok(s.as_str().to_string()),
                None => Err(vm.type_error(format!(
                    "{what} must be None or a string, not {}",
                    o.class().name()
                ))),
            },
        }
    };
    let sep = text_arg(vm, sep, "sep", " ")?;
    let end = text_arg(vm, end, "end", "\n")?;
    let file = match file.filter(|f| !f.is_none()) {
        Some(f) => f,
        None => {
            let out = vm.sys_attr("stdout")?;
            if out.is_none() {
                return Ok(Obj::none());
            }
            out
        }
    };
    for (i, o) in objects.iter().enumerate() {
        if i > 0 {
            vm.write_text(&file, &sep)?;
        }
        let s = vm.str(o)?;
        vm.write_text(&file, str_value(&s))?;
    }
    vm.write_text(&file, &end)?;
    if let Some(f) = flush
        && vm.is_true(&f)?
    {
        let flush_name = vm.ids.flush.clone();
        vm.call_method(&file, &flush_name, &[])?;
    }
    Ok(Obj::none())
}

pub fn len(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(vm, "len", a, kw)?;
    let n = vm.len(o)?;
    Ok(int::new_usize(n))
}

pub fn repr(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(vm, "repr", a, kw)?;
    vm.repr(o)
}

pub fn ascii(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(vm, "ascii", a, kw)?;
    vm.ascii(o)
}

pub fn hash(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(vm, "hash", a, kw)?;
    let h = vm.hash(o)?;
    Ok(int::new_int(h))
}

/// `id(o)`: the object's address (inline ints report their tagged word).
pub fn id(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(vm, "id", a, kw)?;
    Ok(int::new_usize(o.addr()))
}

pub fn callable(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(vm, "callable", a, kw)?;
    Ok(bool_::new_bool(vm.is_callable(o)))
}

pub fn chr(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(vm, "chr", a, kw)?;
    if int_ref(o).is_none() && o.class().slots.nb_index.get().is_none() {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.class().name()
        )));
    }
    let v = vm.index(o)?;
    let code = int_ref(&v).and_then(|r| r.to_i64());
    match code.and_then(|c| u32::try_from(c).ok()) {
        Some(c) if c < 0x110000 => match char::from_u32(c) {
            Some(ch) => {
                let mut buf = [0u8; 4];
                Ok(vm.new_str(ch.encode_utf8(&mut buf)))
            }
            None => Err(vm.not_implemented_error(
                "pyrs: lone surrogates (U+D800..U+DFFF) cannot be represented in str yet",
            )),
        },
        _ => {
            if code.is_none() {
                return Err(vm.overflow_error("Python int too large to convert to C int"));
            }
            Err(vm.value_error("chr() arg not in range(0x110000)"))
        }
    }
}

pub fn ord(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(vm, "ord", a, kw)?;
    if let Some(s) = o.downcast::<StrObject>() {
        let n = s.char_len();
        if n == 1 {
            return Ok(int::new_int(
                s.as_str().chars().next().map(|c| c as i64).unwrap_or(0),
            ));
        }
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {n} found"
        )));
    }
    if let Some(d) = crate::objects::bytes::bytes_like_data(o) {
        if d.len() == 1 {
            return Ok(int::new_int(d[0] as i64));
        }
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            d.len()
        )));
    }
    Err(vm.type_error(format!(
        "ord() expected string of length 1, but {} found",
        o.class().name()
    )))
}

/// `format(value, format_spec='')`.
pub fn format(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "format", a, kw, 1, 2)?;
    let spec = match rest.get(1) {
        Some(s) => {
            if s.downcast::<StrObject>().is_none() {
                return Err(vm.type_error(format!(
                    "format() argument 2 must be str, not {}",
                    s.class().name()
                )));
            }
            s.clone()
        }
        None => vm.intern(""),
    };
    vm.format(&rest[0], &spec)
}

/// `iter(object)` or `iter(callable, sentinel)`.
pub fn iter(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "iter", a, kw, 1, 2)?;
    match rest {
        [o] => vm.get_iter(o),
        [f, sentinel] => {
            if !vm.is_callable(f) {
                return Err(vm.type_error("iter(v, w): v must be callable"));
            }
            Ok(iterators::new_callable_iterator(
                f.clone(),
                sentinel.clone(),
            ))
        }
        _ => unreachable!("count checked"),
    }
}

/// `next(iterator[, default])`.
pub fn next(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "next", a, kw, 1, 2)?;
    let it = &rest[0];
    let Some(iternext) = it.class().slots.tp_iternext.get() else {
        return Err(vm.type_error(format!("'{}' object is not an iterator", it.class().name())));
    };
    // The slot itself, so that a StopIteration carrying a value (a
    // generator's return) reaches the caller as it is.
    match iternext(vm, it) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match rest.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration(None)),
        },
        Err(e) => {
            if let Some(d) = rest.get(1)
                && e.value()
                    .class()
                    .is_subtype(&crate::objects::exceptions::STOP_ITERATION)
            {
                return Ok(d.clone());
            }
            Err(e)
        }
    }
}

pub fn all(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(vm, "all", a, kw)?;
    let it = vm.get_iter(o)?;
    while let Some(x) = vm.iter_next(&it)? {
        if !vm.is_true(&x)? {
            return Ok(bool_::new_bool(false));
        }
    }
    Ok(bool_::new_bool(true))
}

pub fn any(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(vm, "any", a, kw)?;
    let it = vm.get_iter(o)?;
    while let Some(x) = vm.iter_next(&it)? {
        if vm.is_true(&x)? {
            return Ok(bool_::new_bool(true));
        }
    }
    Ok(bool_::new_bool(false))
}

/// `sorted(iterable, /, *, key=None, reverse=False)`.
pub fn sorted(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (pos, _, names) = args::split(a, kw);
    if pos.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    static SIG: Signature = Signature::new("sort", &["key", "reverse"], 0).kwonly(0);
    let kwargs_only: Vec<Obj> = a[1..].to_vec();
    let kwn = if names.is_empty() { None } else { kw };
    let [key, reverse] = args::parse::<2>(vm, &SIG, &kwargs_only, kwn)?;
    let items = vm.collect(&pos[0])?;
    let l = new_list(items);
    let key = key.filter(|k| !k.is_none());
    let reverse = match reverse {
        Some(r) => vm.to_i64(&r)? != 0,
        None => false,
    };
    sort_list(vm, &l, key.as_ref(), reverse)?;
    Ok(l)
}

/// `input(prompt='')`: a line from standard input, without its newline.
pub fn input(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "input", a, kw, 0, 1)?;
    let out = vm.sys_attr("stdout")?;
    if let Some(p) = rest.first() {
        let s = vm.str(p)?;
        vm.write_text(&out, str_value(&s))?;
    }
    vm.flush_std_streams();
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(0) => Err(vm.eof_error("EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
            }
            Ok(vm.new_string(line))
        }
        Err(e) => Err(vm.new_exception_msg(&crate::objects::exceptions::OS_ERROR, e.to_string())),
    }
}

/// `exit(code=None)` / `quit(code=None)`, as `site` installs them.
pub fn exit(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "exit", a, kw, 0, 1)?;
    let args = crate::modules::sys::exit_args(rest.first());
    Err(vm.new_exception(&SYSTEM_EXIT, args))
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn import(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new(
        "__import__",
        &["name", "globals", "locals", "fromlist", "level"],
        1,
    );
    let [name, globals, _, fromlist, level] = args::parse::<5>(vm, &SIG, a, kw)?;
    let name = name.expect("required");
    let level = match level {
        Some(l) => vm.to_i64(&l)?,
        None => 0,
    };
    let fromlist = fromlist.unwrap_or_else(|| crate::objects::tuple::new_tuple(vec![]));
    vm.import_module_level(&name, globals.as_ref(), &fromlist, level)
}
