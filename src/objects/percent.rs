//! printf-style formatting: `str % args` and `bytes % args` (CPython's
//! `PyUnicode_Format` in `Objects/unicode_format.c` and `_PyBytes_FormatEx`
//! in `Objects/bytesobject.c`).
//!
//! This is the object side: it walks the template, fetches arguments (one
//! value, a tuple, or a mapping for `%(key)`), converts each to what its
//! conversion needs (`__index__`, `__int__`, `__float__`, `str()`,
//! `repr()`, `__bytes__`) with CPython's error messages, and writes the
//! output. Parsing a conversion spec and rendering numbers and padding is
//! [`crate::format::percent`]'s job; this module must not duplicate it.
//!
//! A bytes template is parsed through a latin-1 view of it (one `char` per
//! byte), so both flavours share the spec parser; bytes-only rules (`%b`,
//! the bytes key of `%(key)`, "prec too big", the message for a non-ASCII
//! conversion byte) are applied here.

use num_bigint::BigInt;
use std::ops::Range;

use crate::format::percent::{self as pf, PercentArgs, PercentSpec};
use crate::format::{ErrorKind, FormatError, MAX_OUTPUT_CHARS};
use crate::objects::bytes::{self, ByteArrayObject, BytesObject, bytes_like_data};
use crate::objects::exceptions::TYPE_ERROR;
use crate::objects::float::float_value;
use crate::objects::int::{self, int_ref};
use crate::objects::str::{StrObject, str_value};
use crate::objects::str_format::StrWriter;
use crate::objects::tuple::tuple_items;
use crate::objects::{Obj, PyErr, PyResult, Vm};

/// Why formatting stopped: a raised exception, or an engine error still to
/// be turned into one.
enum Fail {
    Py(PyErr),
    Fmt(FormatError),
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Self {
        Fail::Py(e)
    }
}

impl From<FormatError> for Fail {
    fn from(e: FormatError) -> Self {
        Fail::Fmt(e)
    }
}

fn raise(vm: &mut Vm, f: Fail) -> PyErr {
    match f {
        Fail::Py(e) => e,
        Fail::Fmt(e) => vm.format_error(e),
    }
}

fn is_type_error(e: &PyErr) -> bool {
    e.value().class().is_subtype(&TYPE_ERROR)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Flavor {
    Str,
    Bytes,
}

/// The argument side of one formatting operation (the `args`, `arglen`,
/// `argidx` and `dict` fields of CPython's `unicode_formatter_t`). A tuple
/// supplies one argument per conversion; anything else is the single
/// argument (`arglen` -1, `argidx` -2, so it can be fetched once).
struct ArgSource<'v> {
    vm: &'v mut Vm,
    args: Obj,
    arglen: isize,
    argidx: isize,
    /// The right operand when it is a mapping (`PyMapping_Check`, minus
    /// tuples and strings), which `%(key)` requires.
    dict: Option<Obj>,
    flavor: Flavor,
}

impl<'v> ArgSource<'v> {
    fn new(vm: &'v mut Vm, args: &Obj, flavor: Flavor) -> Self {
        let tuple_len = tuple_items(args).map(|t| t.len() as isize);
        let (arglen, argidx) = tuple_len.map_or((-1, -2), |n| (n, 0));
        let excluded = tuple_len.is_some()
            || args.downcast::<StrObject>().is_some()
            || (flavor == Flavor::Bytes
                && (args.downcast::<BytesObject>().is_some()
                    || args.downcast::<ByteArrayObject>().is_some()));
        let mapping = !args.is_small_int() && args.class().slots.mp_subscript.get().is_some();
        ArgSource {
            vm,
            args: args.clone(),
            arglen,
            argidx,
            dict: (mapping && !excluded).then(|| args.clone()),
            flavor,
        }
    }

    /// `unicode_format_getnextarg` (bytes: `getnextarg`).
    fn next(&mut self) -> Result<Obj, Fail> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.args.clone());
            }
            if let Some(v) = tuple_items(&self.args).and_then(|t| t.get(i as usize)) {
                return Ok(v.clone());
            }
        }
        Err(self
            .vm
            .type_error("not enough arguments for format string")
            .into())
    }

    fn not_all_converted(&mut self) -> PyErr {
        let what = match self.flavor {
            Flavor::Str => "string",
            Flavor::Bytes => "bytes",
        };
        self.vm.type_error(format!(
            "not all arguments converted during {what} formatting"
        ))
    }

    /// CPython's final check that every tuple item was used (with a
    /// mapping, unused items are fine).
    fn check_all_used(&mut self) -> PyResult<()> {
        if self.argidx < self.arglen && self.dict.is_none() {
            return Err(self.not_all_converted());
        }
        Ok(())
    }

    /// The check CPython repeats after every conversion when the operand is
    /// a mapping (it cannot fail: a mapping is never a tuple).
    fn check_after_arg(&mut self) -> PyResult<()> {
        if self.dict.is_some() && self.argidx < self.arglen {
            return Err(self.not_all_converted());
        }
        Ok(())
    }
}

impl PercentArgs for ArgSource<'_> {
    type Error = Fail;

    fn is_mapping(&self) -> bool {
        self.dict.is_some()
    }

    fn key(&mut self, key: &str, _span: Range<usize>) -> Result<(), Fail> {
        let key = match self.flavor {
            Flavor::Str => self.vm.new_str(key),
            Flavor::Bytes => bytes::new_bytes(latin1_bytes(key).collect()),
        };
        let dict = self.dict.clone().unwrap_or_else(Obj::none);
        self.args = self.vm.getitem(&dict, &key)?;
        self.arglen = -1;
        self.argidx = -2;
        Ok(())
    }

    fn star_width(&mut self) -> Result<i64, Fail> {
        let v = self.next()?;
        let Some(r) = int_ref(&v) else {
            return Err(self.vm.type_error("* wants int").into());
        };
        match r.to_i64().filter(|w| isize::try_from(*w).is_ok()) {
            Some(w) => Ok(w),
            None => Err(self
                .vm
                .overflow_error("Python int too large to convert to C ssize_t")
                .into()),
        }
    }

    fn star_precision(&mut self) -> Result<i32, Fail> {
        let v = self.next()?;
        let Some(r) = int_ref(&v) else {
            return Err(self.vm.type_error("* wants int").into());
        };
        match r.to_i64().and_then(|p| i32::try_from(p).ok()) {
            Some(p) => Ok(p),
            None => Err(self
                .vm
                .overflow_error("Python int too large to convert to C int")
                .into()),
        }
    }
}

/// The bytes of a latin-1 view (every char is below U+0100).
fn latin1_bytes(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.chars().map(|c| c as u32 as u8)
}

// ---------------------------------------------------------------------------
// Argument conversions shared by both flavours.

/// `PyNumber_Check`: whether `v` looks like a number at all.
fn number_check(v: &Obj) -> bool {
    if int::is_int(v)
        || float_value(v).is_some()
        || crate::objects::complex::complex_value(v).is_some()
    {
        return true;
    }
    let s = &v.class().slots;
    s.nb_index.get().is_some() || s.nb_int.get().is_some() || s.nb_float.get().is_some()
}

/// `PyNumber_Long` for a non-int number: `__int__`, else `__index__`.
fn number_long(vm: &mut Vm, v: &Obj) -> PyResult<BigInt> {
    if let Some(f) = v.class().slots.nb_int.get() {
        let r = f(vm, v)?;
        return match int_ref(&r) {
            Some(i) => Ok(i.to_bigint()),
            None => Err(vm.type_error(format!(
                "__int__ returned non-int (type {})",
                r.class().name()
            ))),
        };
    }
    if v.class().slots.nb_index.get().is_some() {
        let i = vm.index(v)?;
        return Ok(int_ref(&i).map(|r| r.to_bigint()).unwrap_or_default());
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        v.class().name()
    )))
}

/// The integer of `%d %i %u %o %x %X` (`mainformatlong`; bytes:
/// `formatlong`): ints as they are, `%o %x %X` through `__index__`, the
/// others through `int()` (so floats truncate); any TypeError on the way
/// becomes "%x format: an integer is required, not float".
fn int_arg(vm: &mut Vm, v: &Obj, ty: char) -> Result<BigInt, Fail> {
    if let Some(r) = int_ref(v) {
        return Ok(r.to_bigint());
    }
    let wrong = |vm: &mut Vm| -> Fail {
        let what = if matches!(ty, 'o' | 'x' | 'X') {
            "an integer"
        } else {
            "a real number"
        };
        vm.type_error(format!(
            "%{ty} format: {what} is required, not {}",
            v.class().name()
        ))
        .into()
    };
    if !number_check(v) {
        return Err(wrong(vm));
    }
    let r = if matches!(ty, 'o' | 'x' | 'X') {
        vm.index(v)
            .map(|i| int_ref(&i).map(|r| r.to_bigint()).unwrap_or_default())
    } else if let Some(f) = float_value(v) {
        int::float_to_int_value(vm, f)
    } else {
        number_long(vm, v)
    };
    match r {
        Ok(n) => Ok(n),
        Err(e) if is_type_error(&e) => Err(wrong(vm)),
        Err(e) => Err(e.into()),
    }
}

/// `PyFloat_AsDouble`: floats, ints, `__float__`, then `__index__`.
fn float_arg(vm: &mut Vm, v: &Obj) -> PyResult<f64> {
    if let Some(f) = float_value(v) {
        return Ok(f);
    }
    let int_to_f64 = |vm: &mut Vm, i: &Obj| match int_ref(i).and_then(|r| r.to_f64()) {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(vm.overflow_error("int too large to convert to float")),
    };
    if int::is_int(v) {
        return int_to_f64(vm, v);
    }
    if let Some(f) = v.class().slots.nb_float.get() {
        let r = f(vm, v)?;
        return match float_value(&r) {
            Some(x) => Ok(x),
            None => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                v.class().name(),
                r.class().name()
            ))),
        };
    }
    if v.class().slots.nb_index.get().is_some() {
        let i = vm.index(v)?;
        return int_to_f64(vm, &i);
    }
    Err(vm.type_error(format!("must be real number, not {}", v.class().name())))
}

/// The integer value of `%c`'s argument through `__index__`; None when it
/// does not fit a C long. A TypeError means "not an integer".
fn char_code(vm: &mut Vm, v: &Obj) -> PyResult<Option<i64>> {
    let i = vm.index(v)?;
    Ok(int_ref(&i).and_then(|r| r.to_i64()))
}

// ---------------------------------------------------------------------------
// str % args

/// `fmt % args` for str (`PyUnicode_Format`).
pub fn format_str_percent(vm: &mut Vm, fmt: &Obj, args: &Obj) -> PyResult<Obj> {
    let text = str_value(fmt);
    let mut src = ArgSource::new(vm, args, Flavor::Str);
    let mut out = StrWriter::with_capacity(text.len() + 100);
    if let Err(f) = str_loop(&mut src, fmt, text, &mut out) {
        return Err(raise(src.vm, f));
    }
    src.check_all_used()?;
    Ok(out.finish(src.vm))
}

fn str_loop(
    src: &mut ArgSource<'_>,
    fmt: &Obj,
    text: &str,
    out: &mut StrWriter,
) -> Result<(), Fail> {
    let mut pos = 0;
    while pos < text.len() {
        if text.as_bytes()[pos] != b'%' {
            let next = text[pos..].find('%').map_or(text.len(), |p| pos + p);
            if pos == 0 && next == text.len() {
                out.write_obj(fmt, true);
            } else {
                out.push_str(&text[pos..next]);
            }
            pos = next;
            continue;
        }
        pos += 1;
        if text.as_bytes().get(pos) == Some(&b'%') {
            out.push_str("%");
            pos += 1;
            continue;
        }
        let (spec, next) = pf::parse_spec_with(text, pos, src)?;
        pos = next;
        format_str_arg(src, text, &spec, out, pos == text.len())?;
        src.check_after_arg()?;
        if out.len() > MAX_OUTPUT_CHARS {
            return Err(src.vm.memory_error().into());
        }
    }
    Ok(())
}

/// `unicode_format_arg_format` and `unicode_format_arg_output`: one
/// conversion of a str template.
fn format_str_arg(
    src: &mut ArgSource<'_>,
    text: &str,
    spec: &PercentSpec,
    out: &mut StrWriter,
    last: bool,
) -> Result<(), Fail> {
    let v = src.next()?;
    let vm = &mut *src.vm;
    match spec.conversion {
        's' | 'r' | 'a' => {
            let s = match spec.conversion {
                's' => vm.str(&v)?,
                'r' => vm.repr(&v)?,
                _ => vm.ascii(&v)?,
            };
            // The fast path of `unicode_format_arg_output`: nothing to pad
            // or cut, so the str object itself is written.
            let len = s.downcast::<StrObject>().map_or(0, |s| s.char_len());
            if spec.width.is_none_or(|w| w <= len)
                && spec.precision.is_none_or(|p| p >= len)
                && !spec.flags.sign
                && !spec.flags.blank
            {
                out.write_obj(&s, last);
            } else {
                out.push_str(&pf::pad_str(str_value(&s), spec)?);
            }
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let n = int_arg(vm, &v, spec.conversion)?;
            let limit = vm.config().int_max_str_digits;
            out.push_str(&pf::format_int_with(&n, spec, limit)?);
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = float_arg(vm, &v)?;
            out.push_str(&pf::format_float(x, spec)?);
        }
        'c' => {
            let c = str_char_arg(vm, &v)?;
            out.push_str(&pf::format_char(c, spec)?);
        }
        _ => return Err(pf::unsupported(text, spec).into()),
    }
    Ok(())
}

/// `formatchar`: a one-character str, or an int in range(0x110000).
fn str_char_arg(vm: &mut Vm, v: &Obj) -> PyResult<char> {
    if let Some(s) = v.downcast::<StrObject>() {
        if s.char_len() == 1 {
            return Ok(s.as_str().chars().next().unwrap_or('\0'));
        }
        return Err(vm.type_error(format!(
            "%c requires an int or a unicode character, not a string of length {}",
            s.char_len()
        )));
    }
    let code = match char_code(vm, v) {
        Ok(c) => c,
        Err(e) if is_type_error(&e) => {
            return Err(vm.type_error(format!(
                "%c requires an int or a unicode character, not {}",
                v.class().name()
            )));
        }
        Err(e) => return Err(e),
    };
    let Some(code) = code.filter(|c| (0..=0x10ffff).contains(c)) else {
        return Err(vm.overflow_error("%c arg not in range(0x110000)"));
    };
    char::from_u32(code as u32).ok_or_else(|| {
        vm.not_implemented_error(format!(
            "%c of a lone surrogate (U+{code:04X}): pyrs strings cannot hold lone surrogates yet"
        ))
    })
}

// ---------------------------------------------------------------------------
// bytes % args

/// `fmt % args` for bytes and bytearray (`_PyBytes_FormatEx`); the result
/// has the template's type.
pub fn format_bytes_percent(vm: &mut Vm, fmt: &Obj, args: &Obj) -> PyResult<Obj> {
    let Some(data) = bytes_like_data(fmt) else {
        return Ok(Obj::not_implemented());
    };
    let text: String = data.iter().map(|&b| char::from(b)).collect();
    let mut src = ArgSource::new(vm, args, Flavor::Bytes);
    let mut out = Vec::with_capacity(data.len() + 100);
    if let Err(f) = bytes_loop(&mut src, &text, &mut out) {
        return Err(raise(src.vm, f));
    }
    src.check_all_used()?;
    Ok(bytes::new_like(fmt, out))
}

fn bytes_loop(src: &mut ArgSource<'_>, text: &str, out: &mut Vec<u8>) -> Result<(), Fail> {
    let mut pos = 0;
    while pos < text.len() {
        if text.as_bytes()[pos] != b'%' {
            let next = text[pos..].find('%').map_or(text.len(), |p| pos + p);
            out.extend(latin1_bytes(&text[pos..next]));
            pos = next;
            continue;
        }
        pos += 1;
        if text.as_bytes().get(pos) == Some(&b'%') {
            out.push(b'%');
            pos += 1;
            continue;
        }
        let (spec, next) = pf::parse_spec_with(text, pos, src).map_err(|f| match f {
            // The bytes parser words this one differently.
            Fail::Fmt(e) if e.message() == "precision too big" => {
                Fail::Fmt(FormatError::new(ErrorKind::ValueError, "prec too big"))
            }
            other => other,
        })?;
        pos = next;
        format_bytes_arg(src, text, &spec, out)?;
        src.check_after_arg()?;
        if out.len() > MAX_OUTPUT_CHARS {
            return Err(src.vm.memory_error().into());
        }
    }
    Ok(())
}

/// One conversion of a bytes template (the body of `_PyBytes_FormatEx`'s
/// loop).
fn format_bytes_arg(
    src: &mut ArgSource<'_>,
    text: &str,
    spec: &PercentSpec,
    out: &mut Vec<u8>,
) -> Result<(), Fail> {
    let v = src.next()?;
    let vm = &mut *src.vm;
    match spec.conversion {
        'r' | 'a' => {
            let s = vm.ascii(&v)?;
            pad_bytes(vm, out, str_value(&s).as_bytes(), spec, spec.precision)?;
        }
        's' | 'b' => {
            let data = bytes_obj_arg(vm, &v)?;
            pad_bytes(vm, out, &data, spec, spec.precision)?;
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let n = int_arg(vm, &v, spec.conversion)?;
            let limit = vm.config().int_max_str_digits;
            out.extend_from_slice(pf::format_int_with(&n, spec, limit)?.as_bytes());
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = float_arg(vm, &v).map_err(|_| {
                vm.type_error(format!("float argument required, not {}", v.class().name()))
            })?;
            out.extend_from_slice(pf::format_float(x, spec)?.as_bytes());
        }
        'c' => {
            let b = byte_arg(vm, &v)?;
            pad_bytes(vm, out, &[b], spec, None)?;
        }
        c => {
            let index = text
                .get(..spec.conversion_pos)
                .map_or(0, |s| s.chars().count());
            let code = c as u32;
            // CPython passes the conversion byte as a (signed) C char to
            // `%c`, which refuses the negative values of bytes >= 0x80.
            if code >= 0x80 {
                return Err(vm
                    .overflow_error("character argument not in range(0x110000)")
                    .into());
            }
            return Err(vm
                .value_error(format!(
                    "unsupported format character '{c}' (0x{code:x}) at index {index}"
                ))
                .into());
        }
    }
    Ok(())
}

/// Writes `data` (cut to `precision`) padded with spaces to the spec's
/// width, on the left unless `-` was given.
fn pad_bytes(
    vm: &mut Vm,
    out: &mut Vec<u8>,
    data: &[u8],
    spec: &PercentSpec,
    precision: Option<usize>,
) -> PyResult<()> {
    let len = precision.map_or(data.len(), |p| data.len().min(p));
    let width = spec.width.unwrap_or(0).max(len);
    if width > MAX_OUTPUT_CHARS {
        return Err(vm.memory_error());
    }
    let pad = width - len;
    if !spec.flags.left {
        out.extend(std::iter::repeat_n(b' ', pad));
    }
    out.extend_from_slice(&data[..len]);
    if spec.flags.left {
        out.extend(std::iter::repeat_n(b' ', pad));
    }
    Ok(())
}

/// `format_obj`: the bytes `%s`/`%b` prints: a bytes-like object's data, or
/// what `__bytes__` returns.
fn bytes_obj_arg(vm: &mut Vm, v: &Obj) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_like_data(v) {
        return Ok(d);
    }
    if let Some(f) = vm.lookup_special(v, "__bytes__") {
        let r = vm.call(&f, &[], None)?;
        return match r.downcast::<BytesObject>() {
            Some(b) => Ok(b.as_bytes().to_vec()),
            None => Err(vm.type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                r.class().name()
            ))),
        };
    }
    Err(vm.type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        v.class().name()
    )))
}

/// `byte_converter`: `%c` of bytes takes a one-byte bytes/bytearray or an
/// int in range(256).
fn byte_arg(vm: &mut Vm, v: &Obj) -> PyResult<u8> {
    let one = |vm: &mut Vm, d: &[u8], what: &str| {
        match d {
        [b] => Ok(*b),
        _ => Err(vm.type_error(format!(
            "%c requires an integer in range(256) or a single byte, not a {what} object of length {}",
            d.len()
        ))),
    }
    };
    if let Some(b) = v.downcast::<BytesObject>() {
        return one(vm, b.as_bytes(), "bytes");
    }
    if let Some(b) = v.downcast::<ByteArrayObject>() {
        let d = b.data.borrow().clone();
        return one(vm, &d, "bytearray");
    }
    if int::is_int(v) || v.class().slots.nb_index.get().is_some() {
        return match char_code(vm, v)?.and_then(|x| u8::try_from(x).ok()) {
            Some(b) => Ok(b),
            None => Err(vm.overflow_error("%c arg not in range(256)")),
        };
    }
    Err(vm.type_error(format!(
        "%c requires an integer in range(256) or a single byte, not {}",
        v.class().name()
    )))
}
