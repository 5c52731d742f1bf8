//! Checks `pyrs::format` against the goldens python3.14 wrote into
//! `tests/golden/format/` (regenerate with
//! `python3.14 tools/format/gen_goldens.py`). Each file is one kind of case;
//! every line is checked and all mismatches are reported together.

use std::fs;
use std::path::PathBuf;

use num_bigint::BigInt;
use num_traits::Num;
use pyrs::format::percent::{self, PercentArgs};
use pyrs::format::{self as fmt, FormatError, float_repr, number, parse, round, spec, text};

fn golden(name: &str) -> Vec<Vec<String>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/format")
        .join(name);
    let data = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    data.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').map(unescape).collect())
        .collect()
}

/// Undo `esc()` of the generator.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            other => panic!("bad escape {other:?} in {s:?}"),
        }
    }
    out
}

fn f64_from_bits(h: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(h, 16).unwrap())
}

fn bits(x: f64) -> String {
    format!("{:016x}", x.to_bits())
}

fn int(s: &str) -> BigInt {
    match s.strip_prefix('-') {
        Some(rest) => -int(rest),
        None => match s.strip_prefix("0x") {
            Some(hex) => BigInt::from_str_radix(hex, 16).unwrap(),
            None => s.parse().unwrap(),
        },
    }
}

/// The generator's encoding of an int result (hex when too long for str()).
fn enc_int(v: &BigInt) -> String {
    if v.bits() > 10000 {
        let sign = if v.sign() == num_bigint::Sign::Minus {
            "-"
        } else {
            ""
        };
        format!("{sign}0x{}", v.magnitude().to_str_radix(16))
    } else {
        v.to_string()
    }
}

fn err(e: &FormatError) -> String {
    format!("err:{}:{}", e.kind().name(), e.message())
}

fn show(r: Result<String, FormatError>) -> String {
    match r {
        Ok(s) => format!("ok:{s}"),
        Err(e) => err(&e),
    }
}

struct Report {
    name: &'static str,
    total: usize,
    failures: Vec<String>,
}

impl Report {
    fn new(name: &'static str) -> Self {
        Report {
            name,
            total: 0,
            failures: Vec::new(),
        }
    }

    fn check(&mut self, case: impl FnOnce() -> String, got: &str, want: &str) {
        self.total += 1;
        if got != want {
            self.failures
                .push(format!("{}\n    want {want:?}\n    got  {got:?}", case()));
        }
    }

    fn finish(self) {
        if !self.failures.is_empty() {
            let shown: Vec<_> = self.failures.iter().take(40).cloned().collect();
            panic!(
                "{}: {} of {} cases differ from python3.14:\n{}",
                self.name,
                self.failures.len(),
                self.total,
                shown.join("\n")
            );
        }
        assert!(self.total > 0, "{}: no cases", self.name);
    }
}

#[test]
fn float_repr_and_hex() {
    let mut r = Report::new("float_repr.txt");
    for f in golden("float_repr.txt") {
        let x = f64_from_bits(&f[0]);
        r.check(|| format!("repr({})", f[0]), &float_repr::repr(x), &f[1]);
        r.check(|| format!("hex({})", f[0]), &fmt::float_hex(x), &f[2]);
    }
    r.finish();
}

#[test]
fn complex_repr() {
    let mut r = Report::new("complex_repr.txt");
    for f in golden("complex_repr.txt") {
        let got = number::complex_repr(f64_from_bits(&f[0]), f64_from_bits(&f[1]));
        r.check(|| format!("complex({}, {})", f[0], f[1]), &got, &f[2]);
    }
    r.finish();
}

fn format_value(kind: &str, value: &str, spec_text: &str) -> String {
    show(spec::parse(spec_text).and_then(|s| match kind {
        "int" => number::format_int(&int(value), &s),
        "float" => number::format_float(f64_from_bits(value), &s),
        "str" => text::format_str(value, &s),
        "complex" => {
            let (re, im) = value.split_once(',').unwrap();
            number::format_complex(f64_from_bits(re), f64_from_bits(im), &s)
        }
        _ => panic!("unknown kind {kind}"),
    }))
}

#[test]
fn format_spec() {
    let mut r = Report::new("format.txt");
    for f in golden("format.txt") {
        let got = format_value(&f[0], &f[1], &f[2]);
        r.check(
            || format!("format({} {:?}, {:?})", f[0], f[1], f[2]),
            &got,
            &f[3],
        );
    }
    r.finish();
}

#[test]
fn float_modes() {
    let mut r = Report::new("float_modes.txt");
    for f in golden("float_modes.txt") {
        let got = format_value("float", &f[0], &f[1]);
        r.check(|| format!("format({}, {:?})", f[0], f[1]), &got, &f[2]);
    }
    r.finish();
}

/// A stand-in for the object layer's argument fetching: star arguments from
/// a list, the value after them.
struct Stars {
    values: Vec<i64>,
    next: usize,
    mapping: bool,
}

impl Stars {
    fn fetch(&mut self) -> Result<i64, FormatError> {
        let v = self.values.get(self.next).copied().ok_or_else(|| {
            FormatError::new(
                fmt::ErrorKind::TypeError,
                "not enough arguments for format string",
            )
        })?;
        self.next += 1;
        Ok(v)
    }
}

impl PercentArgs for Stars {
    type Error = FormatError;
    fn is_mapping(&self) -> bool {
        self.mapping
    }
    fn key(&mut self, _key: &str, _span: std::ops::Range<usize>) -> Result<(), FormatError> {
        Ok(())
    }
    fn star_width(&mut self) -> Result<i64, FormatError> {
        self.fetch()
    }
    fn star_precision(&mut self) -> Result<i32, FormatError> {
        let v = self.fetch()?;
        i32::try_from(v).map_err(|_| {
            FormatError::new(
                fmt::ErrorKind::OverflowError,
                "Python int too large to convert to C int",
            )
        })
    }
}

fn percent_case(template: &str, stars: &str, value: &str) -> String {
    let (mapping, template) = match template.strip_prefix('K') {
        Some(t) => (true, t),
        None => (false, template),
    };
    let mut args = Stars {
        values: if stars == "-" {
            Vec::new()
        } else {
            stars.split(',').map(|s| s.parse().unwrap()).collect()
        },
        next: 0,
        mapping,
    };
    let spec = match percent::parse_spec_with(template, 1, &mut args) {
        Ok((spec, _)) => spec,
        Err(e) => return err(&e),
    };
    let (tag, v) = value.split_once(':').unwrap();
    show(match (spec.conversion, tag) {
        ('d' | 'i' | 'u' | 'o' | 'x' | 'X', "i") => percent::format_int(&int(v), &spec),
        ('e' | 'E' | 'f' | 'F' | 'g' | 'G', "f") => percent::format_float(f64_from_bits(v), &spec),
        ('e' | 'E' | 'f' | 'F' | 'g' | 'G', "i") => {
            number::int_to_f64(&int(v)).and_then(|x| percent::format_float(x, &spec))
        }
        ('c', "i") => percent::int_to_char(&int(v)).and_then(|c| percent::format_char(c, &spec)),
        ('c', "s") => percent::format_char(v.chars().next().unwrap(), &spec),
        ('s' | 'r' | 'a', "t") => percent::pad_str(v, &spec),
        _ => Err(percent::unsupported(template, &spec)),
    })
}

#[test]
fn percent_format() {
    let mut r = Report::new("percent.txt");
    for f in golden("percent.txt") {
        let got = percent_case(&f[0], &f[1], &f[2]);
        r.check(|| format!("{:?} % ({} {})", f[0], f[1], f[2]), &got, &f[3]);
    }
    r.finish();
}

#[test]
fn parse_float() {
    let mut r = Report::new("parse_float.txt");
    for f in golden("parse_float.txt") {
        let got = match parse::parse_float(&f[0]) {
            Some(x) => format!("ok:{}", bits(x)),
            None => err(&parse::invalid_float_literal(&f[1])),
        };
        r.check(|| format!("float({:?})", f[0]), &got, &f[2]);
    }
    r.finish();
}

#[test]
fn parse_int() {
    let mut r = Report::new("parse_int.txt");
    for f in golden("parse_int.txt") {
        let base: u32 = f[1].parse().unwrap();
        let limit: usize = f[2].parse().unwrap();
        let got = match parse::parse_int_with(&f[0], base, limit) {
            Ok(v) => format!("ok:{}", enc_int(&v)),
            Err(e) => err(&e.to_format_error(&f[3], base)),
        };
        r.check(
            || format!("int({:?}, {base}) limit {limit}", f[0]),
            &got,
            &f[4],
        );
    }
    r.finish();
}

#[test]
fn fromhex() {
    let mut r = Report::new("fromhex.txt");
    for f in golden("fromhex.txt") {
        let got = match fmt::parse_hex_float(&f[0]) {
            Ok(x) => format!("ok:{}", bits(x)),
            Err(e) => err(&e),
        };
        r.check(|| format!("float.fromhex({:?})", f[0]), &got, &f[1]);
    }
    r.finish();
}

#[test]
fn rounding() {
    let mut r = Report::new("round.txt");
    for f in golden("round.txt") {
        let n: i64 = f[2].parse().unwrap();
        let got = match f[0].as_str() {
            "float" => match round::round_float(f64_from_bits(&f[1]), n) {
                Ok(x) => format!("ok:{}", bits(x)),
                Err(e) => err(&e),
            },
            _ => format!("ok:{}", enc_int(&round::round_int(&int(&f[1]), n))),
        };
        r.check(|| format!("round({} {}, {n})", f[0], f[1]), &got, &f[3]);
    }
    r.finish();
}
