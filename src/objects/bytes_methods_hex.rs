//! Hexadecimal conversions of bytes and bytearray — `hex` (CPython's
//! `_Py_strhex_impl` in `Python/pystrhex.c`) and the class method `fromhex`
//! (`_PyBytes_FromHex`) — and the small dunders of `bytes`:
//! `__getnewargs__`, `__bytes__`, `__sizeof__`.

use super::{BytesObject, data, int_arg, is_bytearray, no_args};
use crate::objects::args::{self, Signature};
use crate::objects::bytes::{BYTEARRAY_TYPE, BYTES_TYPE, new_bytearray, new_bytes};
use crate::objects::int::new_usize;
use crate::objects::str::StrObject;
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::as_type;
use crate::objects::{Obj, PyResult, Vm};

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// The separator of `hex(sep)`: any object of length 1 that is a str (of
/// one ASCII character) or a bytes (of one ASCII byte).
fn hex_sep(vm: &mut Vm, sep: &Obj) -> PyResult<u8> {
    if vm.len(sep)? != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    let c = if let Some(s) = sep.downcast::<StrObject>() {
        s.as_str().chars().next().map_or(0, |c| c as u32)
    } else if let Some(b) = sep.downcast::<BytesObject>() {
        b.as_bytes().first().map_or(0, |&b| b as u32)
    } else {
        return Err(vm.type_error("sep must be str or bytes."));
    };
    match u8::try_from(c) {
        Ok(c) if c.is_ascii() => Ok(c),
        _ => Err(vm.value_error("sep must be ASCII.")),
    }
}

/// `_Py_strhex_impl`: two lowercase hex digits per byte; with a separator,
/// it goes between groups of `|bytes_per_sep|` bytes, counted from the
/// right for a positive count and from the left for a negative one.
fn strhex(data: &[u8], sep: Option<u8>, bytes_per_sep: i32) -> String {
    let group = bytes_per_sep.unsigned_abs() as usize;
    let grouped = match sep {
        Some(s) if group != 0 && group < data.len() => Some(s),
        _ => None,
    };
    let mut out = String::with_capacity(data.len() * 3);
    let Some(sep) = grouped else {
        for &c in data {
            out.push(HEX_DIGITS[(c >> 4) as usize] as char);
            out.push(HEX_DIGITS[(c & 15) as usize] as char);
        }
        return out;
    };
    // The first group is the short one when counting from the right.
    let first = if bytes_per_sep > 0 {
        match data.len() % group {
            0 => group,
            r => r,
        }
    } else {
        group
    };
    for (i, &c) in data.iter().enumerate() {
        if i != 0 && (i + group - first).is_multiple_of(group) {
            out.push(sep as char);
        }
        out.push(HEX_DIGITS[(c >> 4) as usize] as char);
        out.push(HEX_DIGITS[(c & 15) as usize] as char);
    }
    out
}

/// `bytes.hex(sep=<unrepresentable>, bytes_per_sep=1)`.
pub(super) fn hex(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("hex", &["sep", "bytes_per_sep"], 0);
    let [sep, bytes_per_sep] = args::parse::<2>(vm, &SIG, &a[1..], kw)?;
    let bytes_per_sep = match &bytes_per_sep {
        Some(n) => int_arg(vm, n)?,
        None => 1,
    };
    let sep = match &sep {
        Some(s) => Some(hex_sep(vm, s)?),
        None => None,
    };
    let d = data(&a[0]);
    Ok(vm.new_string(strhex(&d, sep, bytes_per_sep)))
}

/// The value of an ASCII hex digit (`_PyLong_DigitValue` below 16).
fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|v| v as u8)
}

/// `_PyBytes_FromHex`: pairs of hex digits, ASCII whitespace allowed
/// between pairs. Errors name the offending position (in characters for a
/// str); a lone final digit is its own error.
fn from_hex(vm: &mut Vm, arg: &Obj) -> PyResult<Vec<u8>> {
    let text: Vec<u8> = if let Some(s) = arg.downcast::<StrObject>() {
        let s = s.as_str();
        if let Some(pos) = s.chars().position(|c| !c.is_ascii()) {
            return Err(non_hex(vm, pos));
        }
        s.as_bytes().to_vec()
    } else if let Some(d) = super::bytes_like_data(arg) {
        d
    } else {
        return Err(vm.type_error(format!(
            "fromhex() argument must be str or bytes-like, not {}",
            arg.class().name()
        )));
    };
    let mut out = Vec::with_capacity(text.len() / 2);
    let mut i = 0;
    while i < text.len() {
        if super::is_space(text[i]) {
            while i < text.len() && super::is_space(text[i]) {
                i += 1;
            }
            if i >= text.len() {
                break;
            }
        }
        let Some(top) = hex_value(text[i]) else {
            return Err(non_hex(vm, i));
        };
        i += 1;
        let Some(bot) = text.get(i).and_then(|&c| hex_value(c)) else {
            if i >= text.len() {
                return Err(vm.value_error(
                    "fromhex() arg must contain an even number of hexadecimal digits",
                ));
            }
            return Err(non_hex(vm, i));
        };
        i += 1;
        out.push((top << 4) | bot);
    }
    Ok(out)
}

fn non_hex(vm: &mut Vm, pos: usize) -> crate::objects::PyErr {
    vm.value_error(format!(
        "non-hexadecimal number found in fromhex() arg at position {pos}"
    ))
}

/// `bytes.fromhex(string, /)` and `bytearray.fromhex` (class methods): a
/// subclass gets `cls(result)`.
pub(super) fn fromhex(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let Some(cls) = as_type(&a[0]) else {
        return Err(vm.type_error("fromhex() needs a type"));
    };
    let mutable = cls.is_subtype(&BYTEARRAY_TYPE);
    let owner = if mutable { "bytearray" } else { "bytes" };
    let arg = args::one_arg(vm, &format!("{owner}.fromhex"), &a[1..], kw)?;
    let d = from_hex(vm, arg)?;
    let result = if mutable {
        new_bytearray(d)
    } else {
        new_bytes(d)
    };
    if std::ptr::eq(cls, &BYTES_TYPE) || std::ptr::eq(cls, &BYTEARRAY_TYPE) {
        return Ok(result);
    }
    vm.call(&a[0], &[result], None)
}

/// `bytes.__getnewargs__()`: `(bytes(self),)`, always a copy.
pub(super) fn getnewargs(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_args(vm, a, kw, "__getnewargs__")?;
    Ok(new_tuple(vec![new_bytes(data(&a[0]))]))
}

/// `bytes.__bytes__()`: `self` for an exact bytes, an exact copy for a
/// subclass.
pub(super) fn dunder_bytes(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_args(vm, a, kw, "__bytes__")?;
    if a[0].downcast_exact::<BytesObject>().is_some() {
        return Ok(a[0].clone());
    }
    Ok(new_bytes(data(&a[0])))
}

/// The fixed part of a bytes object in CPython (`PyBytesObject_SIZE`: the
/// header, the cached hash and the trailing NUL).
const BYTES_BASIC_SIZE: usize = 33;

/// `bytes.__sizeof__()` (what `object.__sizeof__` computes for bytes:
/// `tp_basicsize + len * tp_itemsize`).
/// bytes has no `__sizeof__` of its own in CPython, so the messages name
/// `object.__sizeof__`.
pub(super) fn bytes_sizeof(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "object.__sizeof__", &a[1..], kw)?;
    debug_assert!(!is_bytearray(&a[0]));
    Ok(new_usize(BYTES_BASIC_SIZE + data(&a[0]).len()))
}
