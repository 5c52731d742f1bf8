//! The PEP 3101 format-spec mini-language, as CPython 3.14 reads it.
//!
//! `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." [precision][grouping]][type]`
//!
//! Parsing is split in two, because CPython's own parse depends on which type
//! is being formatted (the default type and alignment, and the type name in
//! one message): [`parse`] reads the syntax once and reports the errors that
//! are the same for every type; each formatter then calls
//! [`FormatSpec::resolve`] with its defaults, which raises the remaining
//! parse errors in the order `parse_internal_render_format_spec` raises them.

use super::error::{FormatError, type_char_repr};
use super::unicode::decimal_value;

/// Alignment of a formatted value within its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding goes after the sign (and prefix), before the digits.
    AfterSign,
}

impl Align {
    fn from_char(c: char) -> Option<Align> {
        match c {
            '<' => Some(Align::Left),
            '>' => Some(Align::Right),
            '^' => Some(Align::Center),
            '=' => Some(Align::AfterSign),
            _ => None,
        }
    }
}

/// The sign option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// `+`: always show a sign.
    Plus,
    /// `-`: only negative numbers get a sign (the default).
    Minus,
    /// ` `: a space in place of the sign of non-negative numbers.
    Space,
}

/// A thousands separator option (`,` or `_`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    Comma,
    Underscore,
}

impl Grouping {
    pub(crate) fn char(self) -> char {
        match self {
            Grouping::Comma => ',',
            Grouping::Underscore => '_',
        }
    }
}

/// A parsed format spec, before the formatted type's defaults are applied.
/// `FormatSpec::default()` is the empty spec.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character, when given together with an alignment.
    pub fill: Option<char>,
    pub align: Option<Align>,
    pub sign: Option<Sign>,
    /// `z`: coerce negative zero to positive zero.
    pub no_neg_0: bool,
    /// `#`: the alternate form.
    pub alternate: bool,
    /// A `0` before the width (only recorded when no fill was given).
    pub zero: bool,
    pub width: Option<usize>,
    /// Grouping of the integer part.
    pub grouping: Option<Grouping>,
    pub precision: Option<usize>,
    /// Grouping of the fractional part (new in 3.14).
    pub frac_grouping: Option<Grouping>,
    /// The presentation type, if one was given.
    pub ty: Option<char>,
    /// The whole spec, kept when more than one character followed the
    /// precision: that is an error, raised by [`FormatSpec::resolve`] since
    /// its message names the formatted type.
    invalid: Option<String>,
}

/// `get_integer`: read a run of decimal digits (any Unicode decimal digit, as
/// CPython accepts) starting at `pos`; returns the value (None if no digits)
/// and the position after them.
fn get_integer(chars: &[char], mut pos: usize) -> Result<(Option<usize>, usize), FormatError> {
    let mut acc: usize = 0;
    let mut any = false;
    while let Some(d) = chars.get(pos).and_then(|&c| decimal_value(c)) {
        let d = d as usize;
        if acc > (isize::MAX as usize - d) / 10 {
            return Err(FormatError::value(
                "Too many decimal digits in format string",
            ));
        }
        acc = acc * 10 + d;
        any = true;
        pos += 1;
    }
    Ok((any.then_some(acc), pos))
}

fn both_separators() -> FormatError {
    FormatError::value("Cannot specify both ',' and '_'.")
}

/// Parse a format spec (`parse_internal_render_format_spec`, the part that
/// does not depend on the formatted type).
pub fn parse(spec: &str) -> Result<FormatSpec, FormatError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let at = |i: usize| chars.get(i).copied();
    let mut out = FormatSpec::default();
    let mut pos = 0;

    if let Some(a) = at(1).and_then(Align::from_char) {
        out.fill = at(0);
        out.align = Some(a);
        pos = 2;
    } else if let Some(a) = at(0).and_then(Align::from_char) {
        out.align = Some(a);
        pos = 1;
    }
    out.sign = match at(pos) {
        Some('+') => Some(Sign::Plus),
        Some('-') => Some(Sign::Minus),
        Some(' ') => Some(Sign::Space),
        _ => None,
    };
    if out.sign.is_some() {
        pos += 1;
    }
    if at(pos) == Some('z') {
        out.no_neg_0 = true;
        pos += 1;
    }
    if at(pos) == Some('#') {
        out.alternate = true;
        pos += 1;
    }
    if out.fill.is_none() && at(pos) == Some('0') {
        out.zero = true;
        pos += 1;
    }
    let (width, next) = get_integer(&chars, pos)?;
    out.width = width;
    pos = next;

    if at(pos) == Some(',') {
        out.grouping = Some(Grouping::Comma);
        pos += 1;
    }
    if at(pos) == Some('_') {
        if out.grouping.is_some() {
            return Err(both_separators());
        }
        out.grouping = Some(Grouping::Underscore);
        pos += 1;
    }
    if at(pos) == Some(',') && out.grouping == Some(Grouping::Underscore) {
        return Err(both_separators());
    }

    if at(pos) == Some('.') {
        let (precision, next) = get_integer(&chars, pos + 1)?;
        out.precision = precision;
        pos = next;
        if at(pos) == Some(',') {
            out.frac_grouping = Some(Grouping::Comma);
            pos += 1;
        }
        if at(pos) == Some('_') {
            if out.frac_grouping.is_some() {
                return Err(both_separators());
            }
            out.frac_grouping = Some(Grouping::Underscore);
            pos += 1;
        }
        if at(pos) == Some(',') && out.frac_grouping == Some(Grouping::Underscore) {
            return Err(both_separators());
        }
        if out.precision.is_none() && out.frac_grouping.is_none() {
            return Err(FormatError::value("Format specifier missing precision"));
        }
    }

    if end > pos + 1 {
        out.invalid = Some(spec.to_owned());
    } else {
        out.ty = at(pos);
    }
    Ok(out)
}

/// Presentation types with which `,`/`_` grouping of the integer part is
/// allowed (PEP 378); `b o x X` also allow `_` (PEP 515).
fn grouping_allowed(ty: Option<char>, g: Grouping) -> bool {
    match ty {
        None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
        Some('b' | 'o' | 'x' | 'X') => g == Grouping::Underscore,
        _ => false,
    }
}

/// A format spec with a type's defaults applied and validated
/// (CPython's `InternalFormatSpec`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub fill: char,
    pub align: Align,
    pub alternate: bool,
    pub no_neg_0: bool,
    /// `'+'`, `'-'` or `' '` when given.
    pub sign: Option<char>,
    pub width: Option<usize>,
    pub grouping: Option<Grouping>,
    pub frac_grouping: Option<Grouping>,
    pub precision: Option<usize>,
    /// The type, after the default was applied (None is CPython's `'\0'`).
    pub ty: Option<char>,
}

impl FormatSpec {
    /// Apply a type's default presentation type and alignment, and raise the
    /// parse errors that depend on them (the second half of
    /// `parse_internal_render_format_spec`).
    pub(crate) fn resolve(
        &self,
        default_type: Option<char>,
        default_align: Align,
        type_name: &str,
    ) -> Result<Resolved, FormatError> {
        if let Some(spec) = &self.invalid {
            return Err(FormatError::value(format!(
                "Invalid format specifier '{spec}' for object of type '{}'",
                truncate_type_name(type_name)
            )));
        }
        let ty = self.ty.or(default_type);
        if let Some(g) = self.grouping
            && !grouping_allowed(ty, g)
        {
            return Err(invalid_separator_type(g, ty));
        }
        if let Some(g) = self.frac_grouping
            && ty == Some('n')
        {
            return Err(invalid_separator_type(g, ty));
        }
        let mut align = self.align.unwrap_or(default_align);
        let mut fill = self.fill.unwrap_or(' ');
        if self.zero {
            fill = '0';
            if self.align.is_none() && default_align == Align::Right {
                align = Align::AfterSign;
            }
        }
        Ok(Resolved {
            fill,
            align,
            alternate: self.alternate,
            no_neg_0: self.no_neg_0,
            sign: self.sign.map(|s| match s {
                Sign::Plus => '+',
                Sign::Minus => '-',
                Sign::Space => ' ',
            }),
            width: self.width,
            grouping: self.grouping,
            frac_grouping: self.frac_grouping,
            precision: self.precision,
            ty,
        })
    }
}

/// `invalid_thousands_separator_type`.
fn invalid_separator_type(g: Grouping, ty: Option<char>) -> FormatError {
    FormatError::value(format!(
        "Cannot specify '{}' with '{}'.",
        g.char(),
        type_char_repr(ty.unwrap_or('\0'))
    ))
}

/// `unknown_presentation_type`.
pub(crate) fn unknown_type(ty: Option<char>, type_name: &str) -> FormatError {
    FormatError::value(format!(
        "Unknown format code '{}' for object of type '{}'",
        type_char_repr(ty.unwrap_or('\0')),
        truncate_type_name(type_name)
    ))
}

/// CPython formats type names with `%.200s`.
pub(crate) fn truncate_type_name(name: &str) -> &str {
    match name.char_indices().nth(200) {
        Some((i, _)) => &name[..i],
        None => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_spec() {
        let s = parse("*^+z#012,.3_f").unwrap();
        assert_eq!(s.fill, Some('*'));
        assert_eq!(s.align, Some(Align::Center));
        assert_eq!(s.sign, Some(Sign::Plus));
        assert!(s.no_neg_0 && s.alternate);
        assert!(!s.zero, "a '0' after an explicit fill is part of the width");
        assert_eq!(s.width, Some(12));
        assert_eq!(s.grouping, Some(Grouping::Comma));
        assert_eq!(s.precision, Some(3));
        assert_eq!(s.frac_grouping, Some(Grouping::Underscore));
        assert_eq!(s.ty, Some('f'));
    }

    #[test]
    fn errors() {
        let msg = |s: &str| parse(s).unwrap_err().message().to_owned();
        assert_eq!(msg("."), "Format specifier missing precision");
        assert_eq!(msg(",_"), "Cannot specify both ',' and '_'.");
        assert_eq!(msg(".1_,f"), "Cannot specify both ',' and '_'.");
        assert_eq!(
            msg("99999999999999999999"),
            "Too many decimal digits in format string"
        );
        let s = parse("xx").unwrap();
        assert_eq!(
            s.resolve(Some('d'), Align::Right, "int")
                .unwrap_err()
                .message(),
            "Invalid format specifier 'xx' for object of type 'int'"
        );
        let s = parse("_").unwrap();
        assert_eq!(
            s.resolve(Some('s'), Align::Left, "str")
                .unwrap_err()
                .message(),
            "Cannot specify '_' with 's'."
        );
    }

    #[test]
    fn zero_flag_depends_on_default_alignment() {
        let s = parse("05").unwrap();
        let r = s.resolve(Some('d'), Align::Right, "int").unwrap();
        assert_eq!((r.fill, r.align), ('0', Align::AfterSign));
        let r = s.resolve(Some('s'), Align::Left, "str").unwrap();
        assert_eq!((r.fill, r.align), ('0', Align::Left));
    }
}
