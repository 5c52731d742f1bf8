//! Checks `pyrs::unicode` against python3.14's answers in
//! `tests/golden/unicode/` (regenerate with
//! `python3.14 tools/unicode/dump_golden.py`): every property, value and
//! case mapping of every code point (surrogates aside), and the string
//! methods on a corpus of tricky strings. All differences are collected and
//! reported together.

use std::collections::HashMap;

use pyrs::unicode as u;

const PROPS: &str = include_str!("golden/unicode/props.txt");
const VALUES: &str = include_str!("golden/unicode/values.txt");
const CASE: &str = include_str!("golden/unicode/case.txt");
const STRINGS: &str = include_str!("golden/unicode/strings.txt");

/// Collects failures instead of stopping at the first.
#[derive(Default)]
struct Check {
    failures: Vec<String>,
    checked: usize,
}

impl Check {
    fn eq<T: PartialEq + std::fmt::Debug>(
        &mut self,
        what: impl FnOnce() -> String,
        got: T,
        want: T,
    ) {
        self.checked += 1;
        if got != want {
            self.failures
                .push(format!("{}: got {got:?}, want {want:?}", what()));
        }
    }

    fn finish(self, name: &str) {
        let n = self.failures.len();
        for f in self.failures.iter().take(60) {
            eprintln!("{f}");
        }
        assert!(n == 0, "{name}: {n} of {} checks failed", self.checked);
        eprintln!("{name}: {} checks passed", self.checked);
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.starts_with('#'))
}

fn hex(s: &str) -> u32 {
    u32::from_str_radix(s, 16).unwrap_or_else(|e| panic!("bad hex {s:?}: {e}"))
}

fn all_chars() -> impl Iterator<Item = char> {
    (0..=0x10FFFF).filter_map(char::from_u32)
}

type Pred = fn(char) -> bool;

/// The flag columns of props.txt, in order.
const FLAGS: [(char, &str, Pred); 15] = [
    ('p', "is_printable", u::is_printable),
    ('a', "is_alpha", u::is_alpha),
    ('m', "is_alnum", u::is_alnum),
    ('d', "is_decimal", u::is_decimal),
    ('g', "is_digit", u::is_digit),
    ('n', "is_numeric", u::is_numeric),
    ('s', "is_space", u::is_space),
    ('b', "is_linebreak", u::is_linebreak),
    ('l', "is_lower", u::is_lower),
    ('u', "is_upper", u::is_upper),
    ('t', "is_title", u::is_title),
    ('c', "is_cased", u::is_cased),
    ('i', "is_case_ignorable", u::is_case_ignorable),
    ('x', "is_xid_start", u::is_xid_start),
    ('y', "is_xid_continue", u::is_xid_continue),
];

/// Every code point's predicates and width, and the one-character string
/// predicates that follow from them.
#[test]
fn properties_of_every_code_point() {
    let mut check = Check::default();
    let mut next = 0u32;
    for line in data_lines(PROPS) {
        let f: Vec<&str> = line.split(' ').collect();
        let [first, last, flags, width] = f[..] else {
            panic!("bad props line {line:?}");
        };
        let (first, last) = (hex(first), hex(last));
        let expect_first = if next == 0xD800 { 0xE000 } else { next };
        assert_eq!(first, expect_first, "props.txt must cover every code point");
        next = last + 1;
        let want: Vec<bool> = flags.chars().map(|c| c != '-').collect();
        assert_eq!(want.len(), FLAGS.len(), "{line}");
        for c in (first..=last).filter_map(char::from_u32) {
            for (&(_, name, pred), &w) in FLAGS.iter().zip(&want) {
                check.eq(|| format!("{name}(U+{:04X})", c as u32), pred(c), w);
            }
            let cp = c as u32;
            check.eq(
                || format!("east_asian_width(U+{cp:04X})"),
                u::east_asian_width(c).as_str(),
                width,
            );
            check.eq(
                || format!("is_wide(U+{cp:04X})"),
                u::is_wide(c),
                matches!(width, "W" | "F"),
            );
            let s = c.to_string();
            let (lower, upper, title) = (want[8], want[9], want[10]);
            check.eq(
                || format!("str_is_lower(U+{cp:04X})"),
                u::str_is_lower(&s),
                lower,
            );
            check.eq(
                || format!("str_is_upper(U+{cp:04X})"),
                u::str_is_upper(&s),
                upper,
            );
            check.eq(
                || format!("str_is_title(U+{cp:04X})"),
                u::str_is_title(&s),
                title || upper,
            );
            check.eq(
                || format!("is_identifier(U+{cp:04X})"),
                u::is_identifier(&s),
                want[13] || c == '_',
            );
            check.eq(
                || format!("str_is_printable(U+{cp:04X})"),
                u::str_is_printable(&s),
                want[0],
            );
            check.eq(
                || format!("str_is_alnum(U+{cp:04X})"),
                u::str_is_alnum(&s),
                want[2],
            );
        }
    }
    assert_eq!(next, 0x110000, "props.txt must reach U+10FFFF");
    check.finish("properties");
}

/// Every code point's decimal, digit and numeric value (none where
/// values.txt lists none).
#[test]
fn values_of_every_code_point() {
    let opt = |s: &str| (s != "-").then(|| s.parse::<u32>().expect("digit value"));
    let mut want: HashMap<u32, (Option<u32>, Option<u32>, f64)> = HashMap::new();
    for line in data_lines(VALUES) {
        let f: Vec<&str> = line.split(' ').collect();
        let [cp, dec, dig, num] = f[..] else {
            panic!("bad values line {line:?}");
        };
        want.insert(
            hex(cp),
            (opt(dec), opt(dig), num.parse().expect("numeric value")),
        );
    }
    let mut check = Check::default();
    for c in all_chars() {
        let cp = c as u32;
        let (dec, dig, num) = match want.get(&cp) {
            Some(&(dec, dig, num)) => (dec, dig, Some(num.to_bits())),
            None => (None, None, None),
        };
        check.eq(
            || format!("decimal_value(U+{cp:04X})"),
            u::decimal_value(c),
            dec,
        );
        check.eq(
            || format!("digit_value(U+{cp:04X})"),
            u::digit_value(c),
            dig,
        );
        let got = u::numeric_value(c).map(f64::to_bits);
        check.eq(|| format!("numeric_value(U+{cp:04X}) bits"), got, num);
    }
    check.finish("values");
}

/// A case.txt mapping field: '=' for the character itself, else '+'-joined
/// hex code points.
fn mapped(c: char, field: &str) -> String {
    if field == "=" {
        return c.to_string();
    }
    field
        .split('+')
        .map(|h| char::from_u32(hex(h)).expect("mapped code point"))
        .collect()
}

/// Every code point's full case mappings, per character and through the
/// string functions, and the simple mappings the regex engine uses.
#[test]
fn case_mappings_of_every_code_point() {
    let mut want: HashMap<u32, Vec<&str>> = HashMap::new();
    for line in data_lines(CASE) {
        let f: Vec<&str> = line.split(' ').collect();
        assert_eq!(f.len(), 7, "bad case line {line:?}");
        want.insert(hex(f[0]), f[1..].to_vec());
    }
    let mut check = Check::default();
    for c in all_chars() {
        let cp = c as u32;
        let fields = want.get(&cp).cloned().unwrap_or_else(|| vec!["="; 5]);
        let [up, low, tit, fold, sre_lower] = [0, 1, 2, 3, 4].map(|i| mapped(c, fields[i]));
        let sre_cased = fields.get(5) == Some(&"1");
        let s = c.to_string();
        check.eq(
            || format!("to_upper(U+{cp:04X})"),
            u::to_upper(c).collect::<String>(),
            up.clone(),
        );
        check.eq(
            || format!("to_lower(U+{cp:04X})"),
            u::to_lower(c).collect::<String>(),
            low.clone(),
        );
        check.eq(
            || format!("to_title(U+{cp:04X})"),
            u::to_title(c).collect::<String>(),
            tit.clone(),
        );
        check.eq(
            || format!("to_casefold(U+{cp:04X})"),
            u::to_casefold(c).to_string(),
            fold.clone(),
        );
        check.eq(|| format!("upper(U+{cp:04X})"), u::upper(&s), up);
        check.eq(|| format!("lower(U+{cp:04X})"), u::lower(&s), low);
        check.eq(|| format!("title(U+{cp:04X})"), u::title(&s), tit.clone());
        check.eq(|| format!("capitalize(U+{cp:04X})"), u::capitalize(&s), tit);
        check.eq(|| format!("casefold(U+{cp:04X})"), u::casefold(&s), fold);
        check.eq(
            || format!("to_lower_simple(U+{cp:04X})"),
            u::to_lower_simple(c).to_string(),
            sre_lower,
        );
        let simple_cased = u::to_lower_simple(c) != c || u::to_upper_simple(c) != c;
        check.eq(
            || format!("sre iscased(U+{cp:04X})"),
            simple_cased,
            sre_cased,
        );
    }
    check.finish("case mappings");
}

/// Undoes `esc()` of the dump script.
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
            Some('u') => {
                let h: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                out.push(char::from_u32(hex(&h)).expect("escaped code point"));
            }
            other => panic!("bad escape {other:?} in {s:?}"),
        }
    }
    out
}

fn line_lengths(lines: u::SplitLines<'_>) -> String {
    let lens: Vec<String> = lines.map(|l| l.chars().count().to_string()).collect();
    if lens.is_empty() {
        "-".to_string()
    } else {
        lens.join(",")
    }
}

/// The string methods whose rules look beyond one character.
#[test]
fn tricky_strings() {
    type Op = fn(&str) -> String;
    let ops: [(&str, Op); 6] = [
        ("upper", u::upper),
        ("lower", u::lower),
        ("title", u::title),
        ("capitalize", u::capitalize),
        ("swapcase", u::swapcase),
        ("casefold", u::casefold),
    ];
    type StrPred = fn(&str) -> bool;
    let preds: [(&str, StrPred); 11] = [
        ("isupper", u::str_is_upper),
        ("islower", u::str_is_lower),
        ("istitle", u::str_is_title),
        ("isidentifier", u::is_identifier),
        ("isprintable", u::str_is_printable),
        ("isalpha", u::str_is_alpha),
        ("isalnum", u::str_is_alnum),
        ("isdecimal", u::str_is_decimal),
        ("isdigit", u::str_is_digit),
        ("isnumeric", u::str_is_numeric),
        ("isspace", u::str_is_space),
    ];
    let mut check = Check::default();
    let mut cases = 0;
    for line in data_lines(STRINGS) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 10, "bad strings line {line:?}");
        let s = unescape(f[0]);
        cases += 1;
        for (i, (name, op)) in ops.iter().enumerate() {
            check.eq(|| format!("{s:?}.{name}()"), op(&s), unescape(f[i + 1]));
        }
        let bits: Vec<bool> = f[7].chars().map(|b| b == '1').collect();
        assert_eq!(bits.len(), preds.len(), "{line}");
        for ((name, pred), &want) in preds.iter().zip(&bits) {
            check.eq(|| format!("{s:?}.{name}()"), pred(&s), want);
        }
        let keep = line_lengths(u::splitlines(&s, true));
        check.eq(|| format!("{s:?}.splitlines(True)"), keep, f[8].to_string());
        let drop = line_lengths(u::splitlines(&s, false));
        check.eq(|| format!("{s:?}.splitlines()"), drop, f[9].to_string());
    }
    assert!(cases > 500, "strings.txt has only {cases} cases");
    check.finish("strings");
}
