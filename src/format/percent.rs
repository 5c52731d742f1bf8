//! printf-style `%` formatting of single values, as `str % args` does it
//! (`Objects/unicode_format.c` in CPython 3.14: `unicode_format_arg_parse`,
//! `formatfloat`, `_PyUnicode_FormatLong`, `unicode_format_arg_output`).
//!
//! The object layer walks the template and fetches arguments; this module
//! parses one conversion spec and renders one value. [`parse_spec_with`]
//! calls back for `%(key)` and `*` arguments at the moment CPython fetches
//! them, so errors come in CPython's order; [`parse_spec`] is the simpler
//! form that only records where they were.

use std::ops::Range;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::MAX_OUTPUT_CHARS;
use super::error::{ErrorKind, FormatError};
use super::float_repr::{DtoaFlags, double_to_string};
use super::number::int_to_decimal;

/// The flag characters of a conversion spec.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`: left-justify (`F_LJUST`).
    pub left: bool,
    /// `+`: always a sign (`F_SIGN`).
    pub sign: bool,
    /// ` `: a space for non-negative numbers (`F_BLANK`).
    pub blank: bool,
    /// `#`: alternate form (`F_ALT`).
    pub alt: bool,
    /// `0`: zero padding for numbers (`F_ZERO`).
    pub zero: bool,
}

/// One parsed conversion (`struct unicode_format_arg_t`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentSpec {
    pub flags: PercentFlags,
    /// Minimum field width (None is CPython's -1).
    pub width: Option<usize>,
    /// Precision (None is CPython's -1); at most `i32::MAX`.
    pub precision: Option<usize>,
    /// The conversion character (not validated: see [`unsupported`]).
    pub conversion: char,
    /// Byte offset of the conversion character in the template.
    pub conversion_pos: usize,
}

impl PercentSpec {
    /// Apply a `*` width argument (already converted as by
    /// `PyLong_AsSsize_t`): a negative width left-justifies.
    pub fn set_star_width(&mut self, w: i64) {
        if w < 0 {
            self.flags.left = true;
        }
        self.width = Some(usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX));
    }

    /// Apply a `.*` precision argument (already converted as by
    /// `PyLong_AsInt`): a negative precision counts as 0.
    pub fn set_star_precision(&mut self, p: i32) {
        self.precision = Some(p.max(0) as usize);
    }
}

/// What [`parse_spec`] found besides the spec itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedSpec {
    pub spec: PercentSpec,
    /// Byte range of the `%(key)` mapping key, if any.
    pub key: Option<Range<usize>>,
    /// The width was `*`: fetch an argument and call
    /// [`PercentSpec::set_star_width`].
    pub width_star: bool,
    /// The precision was `.*`: fetch an argument (after the width's) and call
    /// [`PercentSpec::set_star_precision`].
    pub precision_star: bool,
}

/// The arguments side of [`parse_spec_with`].
pub trait PercentArgs {
    type Error: From<FormatError>;
    /// Whether the right operand is a mapping (`%(key)` needs one).
    fn is_mapping(&self) -> bool;
    /// `%(key)`: look the key up and make its value the argument source.
    fn key(&mut self, key: &str, span: Range<usize>) -> Result<(), Self::Error>;
    /// `*`: the next argument as a `Py_ssize_t`.
    fn star_width(&mut self) -> Result<i64, Self::Error>;
    /// `.*`: the next argument as a C `int`.
    fn star_precision(&mut self) -> Result<i32, Self::Error>;
}

/// Reads the template the way CPython's `fmtcnt`/`fmtpos` pair does: a read
/// past the end leaves the current character alone and marks the spec
/// incomplete.
struct Reader<'a> {
    fmt: &'a str,
    pos: usize,
    ch: char,
    exhausted: bool,
}

impl Reader<'_> {
    fn next(&mut self) -> bool {
        if self.exhausted {
            return false;
        }
        match self.fmt.get(self.pos..).and_then(|s| s.chars().next()) {
            Some(c) => {
                self.ch = c;
                self.pos += c.len_utf8();
                true
            }
            None => {
                self.exhausted = true;
                false
            }
        }
    }
}

/// Parse one conversion spec, starting at byte `pos` just after its `%`
/// (`unicode_format_arg_parse`), fetching `%(key)` and `*` arguments through
/// `args` as CPython does. Returns the spec and the byte position after it.
///
/// A `%` right after the `%` (the `%%` escape) is the caller's to handle.
pub fn parse_spec_with<A: PercentArgs>(
    fmt: &str,
    pos: usize,
    args: &mut A,
) -> Result<(PercentSpec, usize), A::Error> {
    let mut r = Reader {
        fmt,
        pos,
        ch: fmt
            .get(pos..)
            .and_then(|s| s.chars().next())
            .unwrap_or('\0'),
        exhausted: false,
    };
    let mut spec = PercentSpec {
        flags: PercentFlags::default(),
        width: None,
        precision: None,
        conversion: '\0',
        conversion_pos: 0,
    };

    if r.ch == '(' {
        if !args.is_mapping() {
            return Err(FormatError::new(ErrorKind::TypeError, "format requires a mapping").into());
        }
        r.pos += 1;
        let start = r.pos;
        let mut depth = 1;
        while depth > 0 && r.next() {
            match r.ch {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
        }
        if r.exhausted || depth > 0 {
            return Err(FormatError::value("incomplete format key").into());
        }
        let span = start..r.pos - 1;
        args.key(&fmt[span.clone()], span)?;
    }

    while r.next() {
        match r.ch {
            '-' => spec.flags.left = true,
            '+' => spec.flags.sign = true,
            ' ' => spec.flags.blank = true,
            '#' => spec.flags.alt = true,
            '0' => spec.flags.zero = true,
            _ => break,
        }
    }

    if r.ch == '*' {
        let w = args.star_width()?;
        spec.set_star_width(w);
        r.next();
    } else if let Some(d) = r.ch.to_digit(10) {
        let mut width = d as usize;
        while r.next() {
            let Some(d) = r.ch.to_digit(10) else { break };
            if width > (isize::MAX as usize - d as usize) / 10 {
                return Err(FormatError::value("width too big").into());
            }
            width = width * 10 + d as usize;
        }
        spec.width = Some(width);
    }

    if r.ch == '.' {
        spec.precision = Some(0);
        r.next();
        if r.ch == '*' {
            let p = args.star_precision()?;
            spec.set_star_precision(p);
            r.next();
        } else if let Some(d) = r.ch.to_digit(10) {
            let mut prec = d as usize;
            while r.next() {
                let Some(d) = r.ch.to_digit(10) else { break };
                if prec > (i32::MAX as usize - d as usize) / 10 {
                    return Err(FormatError::value("precision too big").into());
                }
                prec = prec * 10 + d as usize;
            }
            spec.precision = Some(prec);
        }
    }

    if !r.exhausted && matches!(r.ch, 'h' | 'l' | 'L') {
        r.next();
    }
    if r.exhausted {
        return Err(FormatError::value("incomplete format").into());
    }
    spec.conversion = r.ch;
    spec.conversion_pos = r.pos - r.ch.len_utf8();
    Ok((spec, r.pos))
}

/// Records `%(key)` and `*` instead of fetching them.
#[derive(Default)]
struct Recorder {
    key: Option<Range<usize>>,
    width_star: bool,
    precision_star: bool,
}

impl PercentArgs for Recorder {
    type Error = FormatError;
    fn is_mapping(&self) -> bool {
        true
    }
    fn key(&mut self, _key: &str, span: Range<usize>) -> Result<(), FormatError> {
        self.key = Some(span);
        Ok(())
    }
    fn star_width(&mut self) -> Result<i64, FormatError> {
        self.width_star = true;
        Ok(0)
    }
    fn star_precision(&mut self) -> Result<i32, FormatError> {
        self.precision_star = true;
        Ok(0)
    }
}

/// Parse one conversion spec starting at byte `pos` just after its `%`,
/// recording rather than fetching `%(key)` and `*` arguments. The caller
/// checks for a mapping, fetches the star arguments in order (width first)
/// and applies them. Returns the parse and the byte position after the
/// conversion character.
pub fn parse_spec(fmt: &str, pos: usize) -> Result<(ParsedSpec, usize), FormatError> {
    let mut rec = Recorder::default();
    let (mut spec, next) = parse_spec_with(fmt, pos, &mut rec)?;
    if rec.width_star {
        spec.width = None;
    }
    if rec.precision_star {
        spec.precision = None;
    }
    Ok((
        ParsedSpec {
            spec,
            key: rec.key,
            width_star: rec.width_star,
            precision_star: rec.precision_star,
        },
        next,
    ))
}

/// The error for a conversion character `%` does not know, raised after its
/// argument was fetched: "unsupported format character 'y' (0x79) at index 3".
pub fn unsupported(fmt: &str, spec: &PercentSpec) -> FormatError {
    let c = spec.conversion;
    let shown = if (31..=126).contains(&(c as u32)) {
        c
    } else {
        '?'
    };
    let index = fmt
        .get(..spec.conversion_pos)
        .map_or(0, |s| s.chars().count());
    FormatError::value(format!(
        "unsupported format character '{shown}' (0x{:x}) at index {index}",
        c as u32
    ))
}

/// `%d %i %u %o %x %X` of an int, with the default `int_max_str_digits`.
pub fn format_int(v: &BigInt, spec: &PercentSpec) -> Result<String, FormatError> {
    format_int_with(v, spec, super::DEFAULT_MAX_STR_DIGITS)
}

/// `%d %i %u %o %x %X` of an int (`_PyUnicode_FormatLong` and the output
/// step); `max_str_digits` as `sys.get_int_max_str_digits()`.
pub fn format_int_with(
    v: &BigInt,
    spec: &PercentSpec,
    max_str_digits: usize,
) -> Result<String, FormatError> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize - 3) {
        return Err(FormatError::overflow("precision too large"));
    }
    let ty = spec.conversion;
    let (digits, prefix) = match ty {
        'o' => (v.magnitude().to_str_radix(8), "0o"),
        'x' | 'X' => (v.magnitude().to_str_radix(16), "0x"),
        _ => (int_to_decimal(&v.abs(), max_str_digits)?, ""),
    };
    let prec = spec.precision.unwrap_or(0);
    let mut s = String::with_capacity(prec.max(digits.len()) + 3);
    if v.is_negative() {
        s.push('-');
    }
    if spec.flags.alt {
        s.push_str(prefix);
    }
    s.extend(std::iter::repeat_n('0', prec.saturating_sub(digits.len())));
    s.push_str(&digits);
    if ty == 'X' {
        s.make_ascii_uppercase();
    }
    output(&s, spec, true)
}

/// `%e %E %f %F %g %G` of a float (`formatfloat` and the output step).
pub fn format_float(v: f64, spec: &PercentSpec) -> Result<String, FormatError> {
    let flags = DtoaFlags {
        alt: spec.flags.alt,
        ..DtoaFlags::default()
    };
    let s = double_to_string(v, spec.conversion, spec.precision.unwrap_or(6), flags)?;
    output(&s, spec, true)
}

/// `%s %r %a` after the conversion to text: truncate to the precision and
/// pad to the width.
pub fn pad_str(s: &str, spec: &PercentSpec) -> Result<String, FormatError> {
    output(s, spec, false)
}

/// `%c`: pad the character to the width (the precision is ignored).
pub fn format_char(c: char, spec: &PercentSpec) -> Result<String, FormatError> {
    let mut buf = [0u8; 4];
    output(c.encode_utf8(&mut buf), spec, false)
}

/// The character `%c` prints for an int argument (`formatchar`).
pub fn int_to_char(v: &BigInt) -> Result<char, FormatError> {
    match v.to_u32().filter(|&x| x <= 0x10ffff) {
        Some(x) => char::from_u32(x).ok_or_else(|| {
            FormatError::value(format!(
                "%c of a lone surrogate (U+{x:04X}) cannot be represented"
            ))
        }),
        None => Err(FormatError::overflow("%c arg not in range(0x110000)")),
    }
}

/// `unicode_format_arg_output`: sign, `0x` prefix, zero or space padding.
/// `numeric` is CPython's `arg->sign` (set for the number conversions).
fn output(s: &str, spec: &PercentSpec, numeric: bool) -> Result<String, FormatError> {
    let ch = spec.conversion;
    let flags = spec.flags;
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let mut len = s.chars().count();
    if matches!(ch, 's' | 'r' | 'a')
        && let Some(p) = spec.precision
    {
        len = len.min(p);
    }
    let mut rest = s;
    let mut sign = None;
    if numeric {
        match s.chars().next() {
            Some(c @ ('-' | '+')) => {
                sign = Some(c);
                len = len.saturating_sub(1);
                rest = &s[1..];
            }
            _ if flags.sign => sign = Some('+'),
            _ if flags.blank => sign = Some(' '),
            _ => {}
        }
    }
    let mut width = spec.width.unwrap_or(0).max(len);
    if width > MAX_OUTPUT_CHARS {
        return Err(FormatError::no_memory());
    }
    let mut out = String::with_capacity(width + 2);
    if let Some(c) = sign {
        if fill != ' ' {
            out.push(c);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefix = flags.alt && matches!(ch, 'x' | 'X' | 'o');
    if prefix {
        if fill != ' ' {
            out.push('0');
            out.push(ch);
            rest = rest.get(2..).unwrap_or("");
        }
        width = width.saturating_sub(2);
        len = len.saturating_sub(2);
    }
    if width > len && !flags.left {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(c) = sign {
            out.push(c);
        }
        if prefix {
            out.push('0');
            out.push(ch);
            rest = rest.get(2..).unwrap_or("");
        }
    }
    let end = rest.char_indices().nth(len).map_or(rest.len(), |(i, _)| i);
    out.push_str(&rest[..end]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(f: &str) -> PercentSpec {
        let (p, next) = parse_spec(f, 1).unwrap();
        assert_eq!(next, f.len());
        p.spec
    }

    #[test]
    fn ints() {
        let i = |f: &str, v: i64| format_int(&BigInt::from(v), &spec(f)).unwrap();
        assert_eq!(i("%#010x", 255), "0x000000ff");
        assert_eq!(i("%#010x", -255), "-0x00000ff");
        assert_eq!(i("%#10x", -255), "     -0xff");
        assert_eq!(i("%+#010x", 255), "+0x00000ff");
        assert_eq!(i("%#.5x", -3), "-0x00003");
        assert_eq!(i("%-010d", -3), "-3        ");
        assert_eq!(i("%+ 5d", 3), "   +3");
        assert_eq!(i("%#X", 255), "0XFF");
    }

    #[test]
    fn floats_and_strings() {
        let f = |s: &str, v: f64| format_float(v, &spec(s)).unwrap();
        assert_eq!(f("%010.3f", f64::NEG_INFINITY), "-000000inf");
        assert_eq!(f("% 010.3f", 1.5), " 00001.500");
        assert_eq!(f("%#.0e", 5.0), "5.e+00");
        assert_eq!(f("%.0g", 0.5), "0.5");
        assert_eq!(pad_str("abcdef", &spec("%-5.3s")).unwrap(), "abc  ");
        assert_eq!(pad_str("abc", &spec("%05s")).unwrap(), "  abc");
        assert_eq!(format_char('a', &spec("%-3c")).unwrap(), "a  ");
    }

    #[test]
    fn parse_errors() {
        let e = |f: &str| parse_spec(f, 1).unwrap_err().message().to_owned();
        assert_eq!(e("%"), "incomplete format");
        assert_eq!(e("%5"), "incomplete format");
        assert_eq!(e("%(a"), "incomplete format key");
        assert_eq!(e("%(a)"), "incomplete format");
        assert_eq!(e("%l"), "incomplete format");
        assert_eq!(e("%99999999999999999999d"), "width too big");
        assert_eq!(e("%.2147483648d"), "precision too big");
        let (p, next) = parse_spec("x%(a(b)c)-*.*ld", 2).unwrap();
        assert_eq!(p.key, Some(3..8));
        assert!(p.width_star && p.precision_star);
        assert_eq!(p.spec.conversion, 'd');
        assert_eq!(next, 15);
        let (p, _) = parse_spec("é%y", 3).unwrap();
        assert_eq!(
            unsupported("é%y", &p.spec).message(),
            "unsupported format character 'y' (0x79) at index 2"
        );
    }
}
