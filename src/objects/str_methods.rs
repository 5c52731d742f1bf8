//! Construction and methods of `str` (CPython's `Objects/unicodeobject.c`
//! and the `Objects/stringlib/` algorithms it instantiates).
//!
//! Every method checks its arguments the way its Argument Clinic wrapper
//! does, so the TypeError messages are CPython's word for word. Indices are
//! code points; the helpers in `str_search.rs` map them to byte offsets of
//! the UTF-8 text (free for ASCII, a scan otherwise). The methods are split
//! along CPython's own seams:
//! - this file: construction, case mapping, predicates, padding, joining,
//!   encoding and the small dunders;
//! - `str_search.rs`: find/count/startswith/replace/partition (stringlib's
//!   `find.h`, `count.h`, `partition.h`, `fastsearch.h`);
//! - `str_split.rs`: split/rsplit/splitlines/strip (stringlib's `split.h`);
//! - `str_translate.rs`: `maketrans` and `translate`.
//!
//! Nothing here may panic on any input: results longer than
//! [`crate::format::MAX_OUTPUT_CHARS`] raise `MemoryError` (what CPython
//! raises when the allocation fails) instead of aborting.

use crate::objects::args::{self, Signature};
use crate::objects::int::int_ref;
use crate::objects::str::{STR_TYPE, StrObject, str_of_type, str_value};
use crate::objects::typeobject::MethodDef;
use crate::objects::{Obj, PyResult, Vm, bool_, int, tuple};

#[path = "str_search.rs"]
mod search;
#[path = "str_split.rs"]
mod split;
#[path = "str_translate.rs"]
mod translate;

/// `str(object='', encoding='utf-8', errors='strict')` (`unicode_new_impl`).
pub fn str_new(vm: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("str", &["object", "encoding", "errors"], 0);
    if args::npos(a, kw) > 3 {
        args::check_positional_count(vm, "str", args::npos(a, kw), 0, 3)?;
    }
    let [object, encoding, errors] = args::parse::<3>(vm, &SIG, a, kw)?;
    let text = match (object, encoding.is_some() || errors.is_some()) {
        (None, _) => String::new(),
        (Some(o), false) => {
            let s = vm.str(&o)?;
            if cls.is_static(&crate::objects::str::STR_TYPE) {
                return Ok(s);
            }
            str_value(&s).to_string()
        }
        (Some(o), true) => {
            let enc = match &encoding {
                Some(e) => vm.expect_str(e, "str() argument 'encoding'")?,
                None => "utf-8".to_string(),
            };
            let errs = match &errors {
                Some(e) => vm.expect_str(e, "str() argument 'errors'")?,
                None => "strict".to_string(),
            };
            crate::objects::bytes::decode_object(vm, &o, &enc, &errs)?
        }
    };
    Ok(str_of_type(cls, text))
}

/// `str % args`: printf-style formatting (`PyUnicode_Format`).
pub fn str_mod(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    if a.downcast::<StrObject>().is_none() {
        return Ok(Obj::not_implemented());
    }
    crate::objects::percent::format_str_percent(vm, a, b)
}

// ---------------------------------------------------------------------------
// Helpers shared by the method files.

/// The `StrObject` behind `self` (method slots are only reached with a str).
fn this_obj(a: &[Obj]) -> &StrObject {
    a[0].downcast::<StrObject>()
        .expect("str method called on a non-str")
}

fn this(a: &[Obj]) -> &str {
    str_value(&a[0])
}

/// `unicode_result_unchanged`: `self` itself when it is an exact str, an
/// exact copy for a subclass instance.
fn unchanged(vm: &Vm, o: &Obj) -> Obj {
    if std::ptr::eq(o.class(), &STR_TYPE) {
        o.clone()
    } else {
        vm.new_str(str_value(o))
    }
}

/// A METH_FASTCALL method without keywords taking `min..=max` positional
/// arguments: "str.center() takes no keyword arguments", then
/// "center expected at least 1 argument, got 0" (`_PyArg_CheckPositional`).
fn positional<'a>(
    vm: &mut Vm,
    name: &str,
    a: &'a [Obj],
    kw: Option<&Obj>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Obj]> {
    args::no_kwargs(vm, &format!("str.{name}"), kw)?;
    args::check_positional_count(vm, name, a.len() - 1, min, max)?;
    Ok(&a[1..])
}

/// The type name Argument Clinic's `_PyArg_BadArgument` shows: "None" for
/// None, the type's name otherwise.
fn bad_arg_type(o: &Obj) -> String {
    if o.is_none() {
        "None".to_string()
    } else {
        o.class().name().into_owned()
    }
}

/// Argument Clinic's `Py_ssize_t` converter: `_PyNumber_Index`, then
/// `PyLong_AsSsize_t` ("Python int too large to convert to C ssize_t").
fn ssize_arg(vm: &mut Vm, o: &Obj) -> PyResult<isize> {
    let i = vm.index(o)?;
    match int_ref(&i)
        .and_then(|r| r.to_i64())
        .and_then(|v| isize::try_from(v).ok())
    {
        Some(v) => Ok(v),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// Argument Clinic's `int` converter (`PyLong_AsInt`).
fn c_int_arg(vm: &mut Vm, o: &Obj) -> PyResult<i32> {
    let i = vm.index(o)?;
    match int_ref(&i)
        .and_then(|r| r.to_i64())
        .and_then(|v| i32::try_from(v).ok())
    {
        Some(v) => Ok(v),
        None => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// Refuses to build a string of more than `chars` code points past the
/// engine's limit: CPython raises `MemoryError` when such an allocation
/// fails, and so do we, before trying.
fn check_len(vm: &mut Vm, chars: usize) -> PyResult<()> {
    if chars > crate::format::MAX_OUTPUT_CHARS {
        Err(vm.memory_error())
    } else {
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Case mapping and predicates (the algorithms live in `crate::unicode`).

macro_rules! case_method {
    ($fn_name:ident, $qual:literal, $algo:path) => {
        /// A case mapping of the whole string (`do_upper`, `do_title`, ...).
        fn $fn_name(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
            args::no_args(vm, $qual, &a[1..], kw)?;
            Ok(vm.new_string($algo(this(a))))
        }
    };
}

case_method!(str_upper, "str.upper", crate::unicode::upper);
case_method!(str_lower, "str.lower", crate::unicode::lower);
case_method!(str_casefold, "str.casefold", crate::unicode::casefold);
case_method!(str_swapcase, "str.swapcase", crate::unicode::swapcase);
case_method!(str_title, "str.title", crate::unicode::title);
case_method!(str_capitalize, "str.capitalize", crate::unicode::capitalize);

macro_rules! predicate {
    ($fn_name:ident, $qual:literal, $algo:path) => {
        /// A string predicate (`unicode_isalpha_impl` and its siblings).
        fn $fn_name(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
            args::no_args(vm, $qual, &a[1..], kw)?;
            Ok(bool_::new_bool($algo(this(a))))
        }
    };
}

fn is_ascii_text(s: &str) -> bool {
    s.is_ascii()
}

predicate!(str_isascii, "str.isascii", is_ascii_text);
predicate!(str_isalnum, "str.isalnum", crate::unicode::str_is_alnum);
predicate!(str_isalpha, "str.isalpha", crate::unicode::str_is_alpha);
predicate!(
    str_isdecimal,
    "str.isdecimal",
    crate::unicode::str_is_decimal
);
predicate!(str_isdigit, "str.isdigit", crate::unicode::str_is_digit);
predicate!(
    str_isnumeric,
    "str.isnumeric",
    crate::unicode::str_is_numeric
);
predicate!(str_islower, "str.islower", crate::unicode::str_is_lower);
predicate!(str_isupper, "str.isupper", crate::unicode::str_is_upper);
predicate!(str_istitle, "str.istitle", crate::unicode::str_is_title);
predicate!(str_isspace, "str.isspace", crate::unicode::str_is_space);
predicate!(
    str_isprintable,
    "str.isprintable",
    crate::unicode::str_is_printable
);
predicate!(
    str_isidentifier,
    "str.isidentifier",
    crate::unicode::is_identifier
);

// ---------------------------------------------------------------------------
// Padding.

/// `convert_uc`: the `fillchar` argument of center/ljust/rjust.
fn fill_char(vm: &mut Vm, o: Option<&Obj>) -> PyResult<char> {
    let Some(o) = o else { return Ok(' ') };
    let Some(s) = o.downcast::<StrObject>() else {
        return Err(vm.type_error(format!(
            "The fill character must be a unicode character, not {}",
            o.class().name()
        )));
    };
    if s.char_len() != 1 {
        return Err(vm.type_error("The fill character must be exactly one character long"));
    }
    Ok(s.as_str().chars().next().unwrap_or(' '))
}

/// `pad`: `left` and `right` copies of `fill` around the text.
fn pad(vm: &mut Vm, o: &Obj, left: usize, right: usize, fill: char) -> PyResult<Obj> {
    if left == 0 && right == 0 {
        return Ok(unchanged(vm, o));
    }
    let s = str_value(o);
    let len = o.downcast::<StrObject>().map_or(0, |x| x.char_len());
    check_len(vm, len.saturating_add(left).saturating_add(right))?;
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(vm.new_string(out))
}

/// The `width` and `fillchar` arguments of center/ljust/rjust, as the
/// number of fill characters missing (0 when the text is wide enough), the
/// width and the fill character.
fn pad_args(
    vm: &mut Vm,
    name: &str,
    a: &[Obj],
    kw: Option<&Obj>,
) -> PyResult<(usize, usize, char)> {
    let rest = positional(vm, name, a, kw, 1, 2)?;
    let width = ssize_arg(vm, &rest[0])?.max(0) as usize;
    let fill = fill_char(vm, rest.get(1))?;
    let len = this_obj(a).char_len();
    Ok((width.saturating_sub(len), width, fill))
}

/// `str.center(width, fillchar=' ', /)` (`unicode_center_impl`).
fn str_center(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (marg, width, fill) = pad_args(vm, "center", a, kw)?;
    // CPython puts the odd extra character on the left when both the margin
    // and the width are odd.
    let left = marg / 2 + (marg & width & 1);
    pad(vm, &a[0], left, marg - left, fill)
}

/// `str.ljust(width, fillchar=' ', /)`.
fn str_ljust(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (marg, _, fill) = pad_args(vm, "ljust", a, kw)?;
    pad(vm, &a[0], 0, marg, fill)
}

/// `str.rjust(width, fillchar=' ', /)`.
fn str_rjust(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (marg, _, fill) = pad_args(vm, "rjust", a, kw)?;
    pad(vm, &a[0], marg, 0, fill)
}

/// `str.zfill(width, /)` (`unicode_zfill_impl`): pad with zeros on the left,
/// moving a leading sign in front of them.
fn str_zfill(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let w = args::one_arg(vm, "str.zfill", &a[1..], kw)?;
    let width = ssize_arg(vm, w)?;
    let len = this_obj(a).char_len();
    if width <= 0 || width as usize <= len {
        return Ok(unchanged(vm, &a[0]));
    }
    let fill = width as usize - len;
    check_len(vm, width as usize)?;
    let s = this(a);
    let mut out = String::with_capacity(s.len() + fill);
    let body = match s.as_bytes().first() {
        Some(b'+' | b'-') => {
            out.push_str(&s[..1]);
            &s[1..]
        }
        _ => s,
    };
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(body);
    Ok(vm.new_string(out))
}

/// `str.expandtabs(tabsize=8)` (`_PyUnicode_Expandtabs`): each tab becomes
/// the spaces up to the next multiple of `tabsize`; the column restarts
/// after `\n` and `\r`.
fn str_expandtabs(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("expandtabs", &["tabsize"], 0);
    let [tabsize] = args::parse::<1>(vm, &SIG, &a[1..], kw)?;
    let tabsize = match tabsize {
        Some(t) => c_int_arg(vm, &t)?,
        None => 8,
    };
    let s = this(a);
    if !s.contains('\t') {
        return Ok(unchanged(vm, &a[0]));
    }
    // First pass: the length of the result, as CPython sizes it (stopping
    // once it is too long to build; a column never exceeds the total).
    let tab = usize::try_from(tabsize).unwrap_or(0);
    let (mut total, mut col) = (0usize, 0usize);
    for c in s.chars() {
        if c == '\t' {
            if tab > 0 {
                let incr = tab - col % tab;
                col += incr;
                total += incr;
            }
        } else {
            col += 1;
            total += 1;
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
        if total > crate::format::MAX_OUTPUT_CHARS {
            break;
        }
    }
    check_len(vm, total)?;
    let mut out = String::with_capacity(total + s.len());
    col = 0;
    for c in s.chars() {
        if c == '\t' {
            if tab > 0 {
                let incr = tab - col % tab;
                col += incr;
                out.extend(std::iter::repeat_n(' ', incr));
            }
        } else {
            col += 1;
            out.push(c);
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    Ok(vm.new_string(out))
}

// ---------------------------------------------------------------------------
// Joining, affixes, encoding.

/// `str.join(iterable, /)` (`PyUnicode_Join`).
fn str_join(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let it = args::one_arg(vm, "str.join", &a[1..], kw)?;
    // PySequence_Fast: only a failure to get an iterator is reworded.
    let items = match tuple::tuple_items(it) {
        Some(items) => items.to_vec(),
        None => {
            let iter = match vm.get_iter(it) {
                Ok(i) => i,
                Err(e)
                    if e.value()
                        .class()
                        .is_subtype(&crate::objects::exceptions::TYPE_ERROR) =>
                {
                    return Err(vm.type_error("can only join an iterable"));
                }
                Err(e) => return Err(e),
            };
            let mut v = Vec::new();
            while let Some(x) = vm.iter_next(&iter)? {
                v.push(x);
            }
            v
        }
    };
    if let [one] = items.as_slice()
        && std::ptr::eq(one.class(), &STR_TYPE)
    {
        return Ok(one.clone());
    }
    let sep = this(a);
    let mut total = 0usize;
    for (i, item) in items.iter().enumerate() {
        match item.downcast::<StrObject>() {
            Some(s) => total = total.saturating_add(s.as_str().len()),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    item.class().name()
                )));
            }
        }
    }
    let seps = sep.len().saturating_mul(items.len().saturating_sub(1));
    check_len(vm, total.saturating_add(seps))?;
    let mut out = String::with_capacity(total + seps);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(str_value(item));
    }
    Ok(vm.new_string(out))
}

/// The single str argument of removeprefix/removesuffix.
fn affix_arg<'a>(vm: &mut Vm, name: &str, a: &'a [Obj], kw: Option<&Obj>) -> PyResult<&'a str> {
    let o = args::one_arg(vm, &format!("str.{name}"), &a[1..], kw)?;
    match o.downcast::<StrObject>() {
        Some(s) => Ok(s.as_str()),
        None => Err(vm.type_error(format!(
            "{name}() argument must be str, not {}",
            bad_arg_type(o)
        ))),
    }
}

/// `str.removeprefix(prefix, /)`.
fn str_removeprefix(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let prefix = affix_arg(vm, "removeprefix", a, kw)?;
    match this(a).strip_prefix(prefix) {
        Some(rest) if !prefix.is_empty() => Ok(vm.new_str(rest)),
        _ => Ok(unchanged(vm, &a[0])),
    }
}

/// `str.removesuffix(suffix, /)`.
fn str_removesuffix(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let suffix = affix_arg(vm, "removesuffix", a, kw)?;
    match this(a).strip_suffix(suffix) {
        Some(rest) if !suffix.is_empty() => Ok(vm.new_str(rest)),
        _ => Ok(unchanged(vm, &a[0])),
    }
}

/// A `str` argument of `encode` that clinic converts to a C string.
fn c_string_arg(vm: &mut Vm, o: Option<Obj>, what: &str, default: &str) -> PyResult<String> {
    let Some(o) = o else {
        return Ok(default.to_string());
    };
    let Some(s) = o.downcast::<StrObject>().map(|s| s.as_str().to_string()) else {
        return Err(vm.type_error(format!(
            "encode() argument '{what}' must be str, not {}",
            bad_arg_type(&o)
        )));
    };
    if s.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    Ok(s)
}

/// `str.encode(encoding='utf-8', errors='strict')`.
fn str_encode(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("encode", &["encoding", "errors"], 0);
    let [encoding, errors] = args::parse::<2>(vm, &SIG, &a[1..], kw)?;
    let enc = c_string_arg(vm, encoding, "encoding", "utf-8")?;
    let errs = c_string_arg(vm, errors, "errors", "strict")?;
    let data = crate::objects::bytes::encode_str(vm, this(a), &enc, &errs, &a[0])?;
    Ok(vm.new_bytes(data))
}

// ---------------------------------------------------------------------------
// Formatting and dunders.

/// `str.format(*args, **kwargs)`.
fn str_format_method(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::objects::str_format::str_format(vm, &a[0], &a[1..], kw)
}

/// `str.format_map(mapping, /)`.
fn str_format_map(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let mapping = args::one_arg(vm, "str.format_map", &a[1..], kw)?;
    crate::objects::str_format::str_format_map(vm, &a[0], mapping)
}

/// `str.__format__(format_spec, /)` (`unicode___format___impl`).
fn str_dunder_format(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let spec = args::one_arg(vm, "str.__format__", &a[1..], kw)?;
    let spec = match spec.downcast::<StrObject>() {
        Some(s) => s.as_str().to_string(),
        None => {
            return Err(vm.type_error(format!(
                "__format__() argument must be str, not {}",
                spec.class().name()
            )));
        }
    };
    if spec.is_empty() {
        // `format_obj`: an empty spec is `str(self)`.
        return vm.str(&a[0]);
    }
    let s = this(a).to_string();
    let len = this_obj(a).char_len();
    let type_name = a[0].class().name().into_owned();
    let mut unchanged_text = false;
    let text = crate::objects::float::format_with(vm, &spec, |sp| {
        let text = crate::format::text::format_str_with(&s, sp, &type_name)?;
        // `format_string_internal`'s fast path: nothing to pad or cut, so
        // the object itself is the result (a subclass instance included).
        unchanged_text = sp.width.is_none_or(|w| w <= len) && sp.precision.is_none_or(|p| p >= len);
        Ok(text)
    })?;
    if unchanged_text {
        return Ok(a[0].clone());
    }
    Ok(vm.new_string(text))
}

/// `str.__sizeof__()` (`unicode_sizeof_impl`): CPython's memory use for the
/// same text. Exact strs are compact: a 40-byte `PyASCIIObject` header plus
/// the bytes and a NUL for ASCII, a 56-byte `PyCompactUnicodeObject` plus
/// `(len + 1) * kind` otherwise; the one-character latin-1 strings are
/// CPython's static singletons, which also carry their 2-byte UTF-8 form and
/// its NUL. Subclass instances are 64-byte `PyUnicodeObject`s with a
/// separate data block.
fn str_sizeof(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "str.__sizeof__", &a[1..], kw)?;
    let s = this_obj(a);
    let len = s.char_len();
    let kind = s.kind() as usize;
    let size = if !std::ptr::eq(a[0].class(), &STR_TYPE) {
        64 + (len + 1) * kind.max(1)
    } else if s.is_ascii() {
        40 + len + 1
    } else if len == 1 && kind == 1 {
        56 + 2 + 3
    } else {
        56 + (len + 1) * kind
    };
    Ok(int::new_usize(size))
}

/// `str.__getnewargs__()`: `(str(self),)` as an exact str.
fn str_getnewargs(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "str.__getnewargs__", &a[1..], kw)?;
    let copy = vm.new_str(this(a));
    Ok(tuple::new_tuple(vec![copy]))
}

pub static STR_METHODS: &[MethodDef] = &[
    MethodDef::new("encode", str_encode),
    MethodDef::new("replace", search::str_replace),
    MethodDef::new("split", split::str_split),
    MethodDef::new("rsplit", split::str_rsplit),
    MethodDef::new("join", str_join),
    MethodDef::new("capitalize", str_capitalize),
    MethodDef::new("casefold", str_casefold),
    MethodDef::new("title", str_title),
    MethodDef::new("center", str_center),
    MethodDef::new("count", search::str_count),
    MethodDef::new("expandtabs", str_expandtabs),
    MethodDef::new("find", search::str_find),
    MethodDef::new("partition", search::str_partition),
    MethodDef::new("index", search::str_index),
    MethodDef::new("ljust", str_ljust),
    MethodDef::new("lower", str_lower),
    MethodDef::new("lstrip", split::str_lstrip),
    MethodDef::new("rfind", search::str_rfind),
    MethodDef::new("rindex", search::str_rindex),
    MethodDef::new("rjust", str_rjust),
    MethodDef::new("rstrip", split::str_rstrip),
    MethodDef::new("rpartition", search::str_rpartition),
    MethodDef::new("splitlines", split::str_splitlines),
    MethodDef::new("strip", split::str_strip),
    MethodDef::new("swapcase", str_swapcase),
    MethodDef::new("translate", translate::str_translate),
    MethodDef::new("upper", str_upper),
    MethodDef::new("startswith", search::str_startswith),
    MethodDef::new("endswith", search::str_endswith),
    MethodDef::new("removeprefix", str_removeprefix),
    MethodDef::new("removesuffix", str_removesuffix),
    MethodDef::new("isascii", str_isascii),
    MethodDef::new("islower", str_islower),
    MethodDef::new("isupper", str_isupper),
    MethodDef::new("istitle", str_istitle),
    MethodDef::new("isspace", str_isspace),
    MethodDef::new("isdecimal", str_isdecimal),
    MethodDef::new("isdigit", str_isdigit),
    MethodDef::new("isnumeric", str_isnumeric),
    MethodDef::new("isalpha", str_isalpha),
    MethodDef::new("isalnum", str_isalnum),
    MethodDef::new("isidentifier", str_isidentifier),
    MethodDef::new("isprintable", str_isprintable),
    MethodDef::new("zfill", str_zfill),
    MethodDef::new("format", str_format_method),
    MethodDef::new("format_map", str_format_map),
    MethodDef::new("__format__", str_dunder_format),
    MethodDef::static_("maketrans", translate::str_maketrans),
    MethodDef::new("__sizeof__", str_sizeof),
    MethodDef::new("__getnewargs__", str_getnewargs),
];
