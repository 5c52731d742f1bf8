//! `str.format` and `str.format_map`: the PEP 3101 replacement-field
//! grammar, ported from CPython's `Objects/stringlib/unicode_format.h`.
//!
//! The template is read left to right by [`Markup`] (`MarkupIterator`):
//! literal text, `{{`/`}}` escapes, and replacement fields
//! `{field_name!conversion:format_spec}`. A field name is an argument index
//! or keyword followed by `.attr` and `[key]` lookups; fields without a name
//! are numbered automatically, and mixing the two styles is an error. A
//! format spec may itself contain replacement fields, expanded first (two
//! levels at most, as PEP 3101 says). Every error is CPython's, raised at
//! the point CPython raises it, so a template that fails late still runs the
//! lookups and `__format__` calls before the failure.
//!
//! All the grammar's delimiters are ASCII, so the parser works on byte
//! offsets of the UTF-8 template. The spec mini-language itself belongs to
//! each type's `__format__` (see [`crate::format`]).

use crate::format::MAX_OUTPUT_CHARS;
use crate::objects::args;
use crate::objects::dict::dict_obj;
use crate::objects::str::str_value;
use crate::objects::{Obj, PyResult, Vm, int};

/// The output of `str.format` and `str % args` (CPython's
/// `_PyUnicodeWriter`), with the one trick of it that Python code can see:
/// when the first thing written is a whole str object and it is also the
/// last, the result is that very object (`"{}".format(s) is s`, and
/// `"abc".format() is` the template even for a str subclass).
pub(crate) struct StrWriter {
    buf: String,
    only: Option<Obj>,
}

impl StrWriter {
    pub(crate) fn with_capacity(n: usize) -> Self {
        StrWriter {
            buf: String::with_capacity(n),
            only: None,
        }
    }

    /// `_PyUnicodeWriter_WriteStr`; `last` says no more output follows
    /// (CPython's `overallocate = 0`).
    pub(crate) fn write_obj(&mut self, o: &Obj, last: bool) {
        let s = str_value(o);
        if s.is_empty() {
            return;
        }
        if last && self.buf.is_empty() && self.only.is_none() {
            self.only = Some(o.clone());
            return;
        }
        self.push_str(s);
    }

    /// Appends text.
    pub(crate) fn push_str(&mut self, s: &str) {
        if let Some(o) = self.only.take() {
            self.buf.push_str(str_value(&o));
        }
        self.buf.push_str(s);
    }

    /// The output so far, in bytes.
    pub(crate) fn len(&self) -> usize {
        self.buf.len() + self.only.as_ref().map_or(0, |o| str_value(o).len())
    }

    /// `_PyUnicodeWriter_Finish`.
    pub(crate) fn finish(self, vm: &Vm) -> Obj {
        match self.only {
            Some(o) => o,
            None => vm.new_string(self.buf),
        }
    }
}

/// `template.format(*args, **kwargs)` (`do_string_format`).
pub fn str_format(
    vm: &mut Vm,
    template: &Obj,
    args: &[Obj],
    kwnames: Option<&Obj>,
) -> PyResult<Obj> {
    let (pos, values, names) = args::split(args, kwnames);
    let kwargs = if names.is_empty() {
        None
    } else {
        let d = vm.new_dict();
        for (k, v) in names.iter().zip(values) {
            dict_obj(&d).set(vm, k.clone(), v.clone())?;
        }
        Some(d)
    };
    let mut f = Formatter {
        template,
        args: Some(pos),
        kwargs,
        auto: AutoNumber::Init,
        next_auto: 0,
    };
    let text = str_value(template);
    f.build_string(vm, text, 0, 2)
}

/// `template.format_map(mapping)` (`do_string_format_map`): keyword fields
/// are looked up in `mapping` with `mapping[key]`; positional fields are an
/// error.
pub fn str_format_map(vm: &mut Vm, template: &Obj, mapping: &Obj) -> PyResult<Obj> {
    let mut f = Formatter {
        template,
        args: None,
        kwargs: Some(mapping.clone()),
        auto: AutoNumber::Init,
        next_auto: 0,
    };
    let text = str_value(template);
    f.build_string(vm, text, 0, 2)
}

/// `AutoNumberState`: whether fields have been numbered automatically
/// (`{}`) or manually (`{0}`) so far.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AutoNumber {
    Init,
    Auto,
    Manual,
}

/// One replacement field as [`Markup`] found it.
struct Field<'a> {
    name: &'a str,
    conversion: Option<char>,
    /// Byte offset of the spec in the text being parsed, and the spec.
    spec: (usize, &'a str),
    spec_needs_expanding: bool,
}

/// What one step of [`Markup`] produced: literal text (a byte range of the
/// parsed text), maybe followed by a field.
struct Piece<'a> {
    literal: (usize, usize),
    field: Option<Field<'a>>,
}

/// `MarkupIterator`: splits a template into literal text and fields.
struct Markup<'a> {
    text: &'a str,
    pos: usize,
}

/// The character at byte `i` (`'\0'` past the end, as C reads the NUL).
fn char_at(text: &str, i: usize) -> char {
    text.get(i..).and_then(|s| s.chars().next()).unwrap_or('\0')
}

impl<'a> Markup<'a> {
    fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    fn bump(&mut self) -> char {
        let c = char_at(self.text, self.pos);
        self.pos += c.len_utf8().max(1);
        c
    }

    /// `MarkupIterator_next`: `Ok(None)` at the end of the template.
    fn next(&mut self) -> Result<Option<Piece<'a>>, &'static str> {
        if self.at_end() {
            return Ok(None);
        }
        let start = self.pos;
        let mut c = '\0';
        let mut markup_follows = false;
        while !self.at_end() {
            c = self.bump();
            if c == '{' || c == '}' {
                markup_follows = true;
                break;
            }
        }
        let at_end = self.at_end();
        let mut end = self.pos;
        if c == '}' && (at_end || char_at(self.text, self.pos) != '}') {
            return Err("Single '}' encountered in format string");
        }
        if at_end && c == '{' {
            return Err("Single '{' encountered in format string");
        }
        if !at_end {
            if char_at(self.text, self.pos) == c {
                // An escaped brace: the literal keeps one of the two.
                self.pos += 1;
                markup_follows = false;
            } else {
                end -= 1;
            }
        }
        let field = if markup_follows {
            Some(self.parse_field()?)
        } else {
            None
        };
        Ok(Some(Piece {
            literal: (start, end),
            field,
        }))
    }

    /// `parse_field`: reads `name[!conv][:spec]}` after the opening brace.
    fn parse_field(&mut self) -> Result<Field<'a>, &'static str> {
        let name_start = self.pos;
        let mut c = '\0';
        while !self.at_end() {
            c = self.bump();
            match c {
                '{' => return Err("unexpected '{' in field name"),
                '[' => {
                    while !self.at_end() && char_at(self.text, self.pos) != ']' {
                        self.bump();
                    }
                }
                '}' | ':' | '!' => break,
                _ => {}
            }
        }
        if !matches!(c, '}' | ':' | '!') {
            return Err("expected '}' before end of string");
        }
        let name = &self.text[name_start..self.pos - 1];
        let mut field = Field {
            name,
            conversion: None,
            spec: (self.pos, ""),
            spec_needs_expanding: false,
        };
        if c == '}' {
            return Ok(field);
        }
        if c == '!' {
            if self.at_end() {
                return Err("end of string while looking for conversion specifier");
            }
            field.conversion = Some(self.bump());
            if !self.at_end() {
                match self.bump() {
                    '}' => return Ok(field),
                    ':' => {}
                    _ => return Err("expected ':' after conversion specifier"),
                }
            }
        }
        let spec_start = self.pos;
        let mut depth = 1;
        while !self.at_end() {
            match self.bump() {
                '{' => {
                    field.spec_needs_expanding = true;
                    depth += 1;
                }
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        field.spec = (spec_start, &self.text[spec_start..self.pos - 1]);
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        Err("unmatched '{' in format spec")
    }
}

/// `get_integer`: a field name part made only of decimal digits (any
/// Unicode decimal digit) as an index; None for anything else.
fn get_integer(s: &str) -> Result<Option<usize>, &'static str> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let Some(d) = crate::unicode::decimal_value(c) else {
            return Ok(None);
        };
        let d = d as usize;
        if acc > (isize::MAX as usize - d) / 10 {
            return Err("Too many decimal digits in format string");
        }
        acc = acc * 10 + d;
    }
    Ok(Some(acc))
}

/// One `.attr` or `[key]` step of a field name (`FieldNameIterator_next`).
enum Accessor<'a> {
    Attr(&'a str),
    Index(usize),
    Key(&'a str),
}

/// `FieldNameIterator_next`: the next accessor of `rest`, advancing it.
fn next_accessor<'a>(rest: &mut &'a str) -> Result<Option<Accessor<'a>>, &'static str> {
    let s = *rest;
    let Some(first) = s.chars().next() else {
        return Ok(None);
    };
    let body = &s[first.len_utf8()..];
    let (name, acc) = match first {
        '.' => {
            let end = body.find(['.', '[']).unwrap_or(body.len());
            *rest = &body[end..];
            let name = &body[..end];
            (name, Accessor::Attr(name))
        }
        '[' => {
            let Some(end) = body.find(']') else {
                return Err("Missing ']' in format string");
            };
            *rest = &body[end + 1..];
            let name = &body[..end];
            match get_integer(name)? {
                Some(i) => (name, Accessor::Index(i)),
                None => (name, Accessor::Key(name)),
            }
        }
        _ => return Err("Only '.' or '[' may follow ']' in format field specifier"),
    };
    if name.is_empty() {
        return Err("Empty attribute in format string");
    }
    Ok(Some(acc))
}

/// The state of one `str.format` call.
struct Formatter<'t> {
    template: &'t Obj,
    /// Positional arguments; None for `format_map`.
    args: Option<&'t [Obj]>,
    /// The keyword arguments (a dict), or `format_map`'s mapping.
    kwargs: Option<Obj>,
    auto: AutoNumber,
    next_auto: usize,
}

impl Formatter<'_> {
    /// `build_string`: formats `text`, which starts at byte `offset` of the
    /// template (nested specs are parts of it). `depth` counts the nesting
    /// levels still allowed.
    fn build_string(
        &mut self,
        vm: &mut Vm,
        text: &str,
        offset: usize,
        depth: i32,
    ) -> PyResult<Obj> {
        if depth <= 0 {
            return Err(vm.value_error("Max string recursion exceeded"));
        }
        let whole = str_value(self.template).len();
        let mut out = StrWriter::with_capacity(text.len() + 100);
        let mut markup = Markup { text, pos: 0 };
        loop {
            let piece = match markup.next() {
                Ok(Some(p)) => p,
                Ok(None) => break,
                Err(msg) => return Err(vm.value_error(msg)),
            };
            let (ls, le) = piece.literal;
            if le > ls {
                let last = piece.field.is_none() && markup.at_end();
                if offset + ls == 0 && le == whole {
                    out.write_obj(self.template, last);
                } else {
                    out.push_str(&text[ls..le]);
                }
            }
            if let Some(field) = piece.field {
                let last = markup.at_end();
                self.output_markup(vm, &field, offset, &mut out, last, depth)?;
            }
            if out.len() > MAX_OUTPUT_CHARS {
                return Err(vm.memory_error());
            }
        }
        Ok(out.finish(vm))
    }

    /// `output_markup`: looks the field up, converts it, expands its spec
    /// and formats it.
    fn output_markup(
        &mut self,
        vm: &mut Vm,
        field: &Field<'_>,
        offset: usize,
        out: &mut StrWriter,
        last: bool,
        depth: i32,
    ) -> PyResult<()> {
        let mut obj = self.get_field_object(vm, field.name)?;
        if let Some(conv) = field.conversion {
            obj = match conv {
                'r' => vm.repr(&obj)?,
                's' => vm.str(&obj)?,
                'a' => vm.ascii(&obj)?,
                c if (c as u32) > 32 && (c as u32) < 127 => {
                    return Err(vm.value_error(format!("Unknown conversion specifier {c}")));
                }
                c => {
                    return Err(
                        vm.value_error(format!("Unknown conversion specifier \\x{:x}", c as u32))
                    );
                }
            };
        }
        let (spec_off, spec_text) = field.spec;
        let spec = if field.spec_needs_expanding {
            self.build_string(vm, spec_text, offset + spec_off, depth - 1)?
        } else {
            vm.new_str(spec_text)
        };
        let result = vm.format(&obj, &spec)?;
        out.write_obj(&result, last);
        Ok(())
    }

    /// `get_field_object` with `field_name_split`: the argument a field
    /// names, after its attribute and item lookups.
    fn get_field_object(&mut self, vm: &mut Vm, name: &str) -> PyResult<Obj> {
        let split = name.find(['.', '[']).unwrap_or(name.len());
        let (first, mut rest) = name.split_at(split);
        let mut index = get_integer(first).map_err(|m| vm.value_error(m))?;
        let empty = first.is_empty();
        if empty || index.is_some() {
            if self.auto == AutoNumber::Init {
                self.auto = if empty {
                    AutoNumber::Auto
                } else {
                    AutoNumber::Manual
                };
            }
            if self.auto == AutoNumber::Manual && empty {
                return Err(vm.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            if self.auto == AutoNumber::Auto && !empty {
                return Err(vm.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            if empty {
                index = Some(self.next_auto);
                self.next_auto += 1;
            }
        }
        let mut obj = match index {
            None => {
                let key = vm.new_str(first);
                match &self.kwargs {
                    None => return Err(vm.key_error(key)),
                    Some(kw) => {
                        let kw = kw.clone();
                        vm.getitem(&kw, &key)?
                    }
                }
            }
            Some(i) => {
                let Some(args) = self.args else {
                    return Err(vm.value_error("Format string contains positional fields"));
                };
                match args.get(i) {
                    Some(o) => o.clone(),
                    None => {
                        return Err(vm.new_exception_msg(
                            &crate::objects::exceptions::INDEX_ERROR,
                            format!("Replacement index {i} out of range for positional args tuple"),
                        ));
                    }
                }
            }
        };
        while let Some(acc) = next_accessor(&mut rest).map_err(|m| vm.value_error(m))? {
            obj = match acc {
                Accessor::Attr(a) => {
                    let n = vm.new_str(a);
                    vm.getattr(&obj, &n)?
                }
                Accessor::Index(i) => {
                    let k = int::new_usize(i);
                    vm.getitem(&obj, &k)?
                }
                Accessor::Key(k) => {
                    let k = vm.new_str(k);
                    vm.getitem(&obj, &k)?
                }
            };
        }
        Ok(obj)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(t: &str) -> Result<Vec<(String, Option<String>)>, &'static str> {
        let mut m = Markup { text: t, pos: 0 };
        let mut out = Vec::new();
        while let Some(p) = m.next()? {
            let lit = t[p.literal.0..p.literal.1].to_string();
            out.push((
                lit,
                p.field
                    .map(|f| format!("{}|{:?}|{}", f.name, f.conversion, f.spec.1)),
            ));
        }
        Ok(out)
    }

    #[test]
    fn markup() {
        assert_eq!(
            pieces("a{{b}}{0!r:>{1}}é").unwrap(),
            vec![
                ("a{".into(), None),
                ("b}".into(), None),
                ("".into(), Some("0|Some('r')|>{1}".into())),
                ("é".into(), None)
            ]
        );
        assert_eq!(
            pieces("}").unwrap_err(),
            "Single '}' encountered in format string"
        );
        assert_eq!(
            pieces("x{").unwrap_err(),
            "Single '{' encountered in format string"
        );
        assert_eq!(pieces("{0!}").unwrap_err(), "unmatched '{' in format spec");
        assert_eq!(
            pieces("{0!rx}").unwrap_err(),
            "expected ':' after conversion specifier"
        );
        assert_eq!(
            pieces("{0[}").unwrap_err(),
            "expected '}' before end of string"
        );
        assert_eq!(pieces("{0{}").unwrap_err(), "unexpected '{' in field name");
        assert_eq!(
            pieces("{a[:]}").unwrap()[0].1.as_deref(),
            Some("a[:]|None|")
        );
    }

    #[test]
    fn accessors() {
        let mut rest = ".real[0][key]";
        assert!(matches!(
            next_accessor(&mut rest),
            Ok(Some(Accessor::Attr("real")))
        ));
        assert!(matches!(
            next_accessor(&mut rest),
            Ok(Some(Accessor::Index(0)))
        ));
        assert!(matches!(
            next_accessor(&mut rest),
            Ok(Some(Accessor::Key("key")))
        ));
        assert!(matches!(next_accessor(&mut rest), Ok(None)));
        let mut bad = "x";
        assert!(next_accessor(&mut bad).is_err());
        let mut empty = "..a";
        assert_eq!(
            next_accessor(&mut empty).err(),
            Some("Empty attribute in format string")
        );
        assert_eq!(
            get_integer("99999999999999999999"),
            Err("Too many decimal digits in format string")
        );
        assert_eq!(get_integer("\u{663}"), Ok(Some(3)));
    }
}
