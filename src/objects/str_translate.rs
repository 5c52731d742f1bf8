//! `str.maketrans` and `str.translate` (CPython's `_PyUnicode_Maketrans`
//! and `_PyUnicode_TranslateCharmap` with its ASCII fast path).
//!
//! The table is any object with `__getitem__`, looked up with the code
//! point as an int: a missing entry (any `LookupError`) keeps the
//! character, None deletes it, an int or a str replaces it. Lookups happen
//! in CPython's order and number (the ASCII fast path asks once per
//! distinct character), since a table may be a user object that counts
//! them.

use super::this_obj;
use crate::objects::dict::{DICT_TYPE, dict_obj, is_dict};
use crate::objects::exceptions::LOOKUP_ERROR;
use crate::objects::int::{self, int_ref};
use crate::objects::str::{STR_TYPE, StrObject};
use crate::objects::{Obj, PyResult, Vm, args};

/// `str.maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /)`.
pub(super) fn str_maketrans(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "str.maketrans", kw)?;
    args::check_positional_count(vm, "maketrans", a.len(), 1, 3)?;
    // The clinic wrapper checks `y` and `z` before the body looks at `x`.
    let mut strs = Vec::new();
    for (i, o) in a.iter().enumerate().skip(1) {
        match o.downcast::<StrObject>() {
            Some(s) => strs.push(s),
            None => {
                return Err(vm.type_error(format!(
                    "maketrans() argument {} must be str, not {}",
                    i + 1,
                    super::bad_arg_type(o)
                )));
            }
        }
    }
    let table = vm.new_dict();
    let d = dict_obj(&table);
    if let Some(y) = strs.first() {
        let Some(x) = a[0].downcast::<StrObject>() else {
            return Err(vm.type_error(
                "first maketrans argument must be a string if there is a second argument",
            ));
        };
        if x.char_len() != y.char_len() {
            return Err(vm.value_error("the first two maketrans arguments must have equal length"));
        }
        for (cx, cy) in x.as_str().chars().zip(y.as_str().chars()) {
            d.set(vm, int::new_int(cx as i64), int::new_int(cy as i64))?;
        }
        if let Some(z) = strs.get(1) {
            for c in z.as_str().chars() {
                d.set(vm, int::new_int(c as i64), Obj::none())?;
            }
        }
        return Ok(table);
    }
    if !is_dict(&a[0]) || !std::ptr::eq(a[0].class(), &DICT_TYPE) {
        return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
    }
    for (key, value) in dict_obj(&a[0]).items() {
        if let Some(k) = key.downcast::<StrObject>() {
            if k.char_len() != 1 {
                return Err(vm.value_error("string keys in translatetable must be of length 1"));
            }
            let c = k.as_str().chars().next().unwrap_or('\0');
            d.set(vm, int::new_int(c as i64), value)?;
        } else if int::is_int(&key) {
            d.set(vm, key, value)?;
        } else {
            return Err(vm.type_error("keys in translate table mustbe strings or integers"));
        }
    }
    Ok(table)
}

/// What a table says about one character (`charmaptranslate_lookup`).
enum Mapped {
    /// No entry: the character stays.
    Keep,
    /// None: the character goes.
    Delete,
    /// An int: this character instead.
    Char(char),
    /// A str: this text instead.
    Text(Obj),
}

/// `charmaptranslate_lookup`: `table[ord(c)]`, a `LookupError` meaning no
/// entry.
fn lookup(vm: &mut Vm, table: &Obj, c: char) -> PyResult<Mapped> {
    let key = int::new_int(c as i64);
    let found = if std::ptr::eq(table.class(), &DICT_TYPE) {
        dict_obj(table).get(vm, &key)?
    } else {
        match vm.getitem(table, &key) {
            Ok(v) => Some(v),
            Err(e) if e.value().class().is_subtype(&LOOKUP_ERROR) => None,
            Err(e) => return Err(e),
        }
    };
    let Some(v) = found else {
        return Ok(Mapped::Keep);
    };
    if v.is_none() {
        return Ok(Mapped::Delete);
    }
    if let Some(r) = int_ref(&v) {
        let code = r
            .to_i64()
            .filter(|x| (0..=0x10ffff).contains(x))
            .ok_or_else(|| vm.value_error("character mapping must be in range(0x110000)"))?;
        return match char::from_u32(code as u32) {
            Some(c) => Ok(Mapped::Char(c)),
            None => Err(vm.not_implemented_error(format!(
                "str.translate to a lone surrogate (U+{code:04X}): pyrs strings cannot hold lone surrogates yet"
            ))),
        };
    }
    if v.downcast::<StrObject>().is_some() {
        return Ok(Mapped::Text(v));
    }
    Err(vm.type_error("character mapping must return integer, None or str"))
}

/// `unicode_fast_translate`: ASCII text through a table that maps ASCII to
/// single ASCII characters or deletes them, asking the table once per
/// distinct character. Returns how many input bytes it handled; it stops at
/// the first character whose mapping is anything else.
fn fast_translate(vm: &mut Vm, text: &str, table: &Obj, out: &mut String) -> PyResult<usize> {
    // 0xff: not looked up yet; 0xfe: deleted.
    let mut cache = [0xffu8; 128];
    for (i, b) in text.bytes().enumerate() {
        if cache[b as usize] == 0xff {
            let t = match lookup(vm, table, b as char)? {
                Mapped::Keep => b,
                Mapped::Delete => 0xfe,
                Mapped::Char(c) if c.is_ascii() => c as u8,
                Mapped::Text(s)
                    if s.downcast::<StrObject>()
                        .is_some_and(|s| s.char_len() == 1 && s.is_ascii()) =>
                {
                    crate::objects::str::str_value(&s).as_bytes()[0]
                }
                _ => return Ok(i),
            };
            cache[b as usize] = t;
        }
        match cache[b as usize] {
            0xfe => {}
            t => out.push(t as char),
        }
    }
    Ok(text.len())
}

/// `str.translate(table, /)` (`_PyUnicode_TranslateCharmap` with the
/// "ignore" handler): each character through the table.
pub(super) fn str_translate(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let table = args::one_arg(vm, "str.translate", &a[1..], kw)?;
    let s = this_obj(a);
    let text = s.as_str();
    if text.is_empty() {
        return Ok(if std::ptr::eq(a[0].class(), &STR_TYPE) {
            a[0].clone()
        } else {
            vm.new_str("")
        });
    }
    let mut out = String::with_capacity(text.len());
    let done = if s.is_ascii() {
        fast_translate(vm, text, table, &mut out)?
    } else {
        0
    };
    let rest = &text[done..];
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        match lookup(vm, table, c)? {
            Mapped::Keep => out.push(c),
            Mapped::Char(r) => out.push(r),
            Mapped::Text(t) => {
                let t = crate::objects::str::str_value(&t);
                super::check_len(vm, out.len().saturating_add(t.len()))?;
                out.push_str(t);
            }
            Mapped::Delete => {
                // CPython collects the whole run of deleted characters,
                // looking each following one up, and then resumes after
                // the run (so the character ending it is looked up again).
                while let Some(&next) = chars.peek() {
                    if !matches!(lookup(vm, table, next)?, Mapped::Delete) {
                        break;
                    }
                    chars.next();
                }
            }
        }
    }
    Ok(vm.new_string(out))
}
