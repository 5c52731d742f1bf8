//! The compiler never panics: arbitrary bytes, and sources of the bytecode
//! corpus (`tests/bytecode/*.py`) mutated at the level of the grammar
//! (spans deleted, duplicated or moved, keywords, brackets, operators,
//! quotes and indentation inserted), compiled in every mode, must give a
//! code object or a Python exception (SyntaxError and friends).
//!
//! `PROPTEST_CASES` raises the case count for a longer hunt.

use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::Config;
use pyrs::api::Interpreter;
use pyrs::compile::{Mode, Options, Source, compile};

/// Fragments CPython's grammar and tokenizer care about.
const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ";",
    ",",
    ".",
    "=",
    ":=",
    "*",
    "**",
    "->",
    "@",
    "\\\n",
    "\n",
    "    ",
    "\t",
    "#",
    "lambda",
    "yield",
    "await",
    "async",
    "def",
    "class",
    "if",
    "elif",
    "else",
    "for",
    "while",
    "try",
    "except",
    "except*",
    "finally",
    "with",
    "match",
    "case",
    "return",
    "global",
    "nonlocal",
    "del",
    "import",
    "from",
    "as",
    "type",
    "pass",
    "break",
    "continue",
    "not",
    "in",
    "is",
    "and",
    "or",
    "None",
    "True",
    "'",
    "\"",
    "'''",
    "f'{",
    "t'{x}",
    "}",
    "!r",
    "0x",
    "1e",
    "0777",
    "1_",
    "_",
    "é",
    "\0",
    "\u{feff}",
    "\r",
    "__class__",
    "super()",
    "__future__",
    "annotations",
];

fn corpus() -> &'static [String] {
    use std::sync::OnceLock;
    static CORPUS: OnceLock<Vec<String>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bytecode");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("tests/bytecode")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
            .collect()
    })
}

#[derive(Clone, Debug)]
enum Mutation {
    Delete(usize, usize),
    Duplicate(usize, usize),
    Move(usize, usize, usize),
    Insert(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (any::<usize>(), 1usize..40).prop_map(|(a, n)| Mutation::Duplicate(a, n)),
        (any::<usize>(), 1usize..40, any::<usize>()).prop_map(|(a, n, b)| Mutation::Move(a, n, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, f)| Mutation::Insert(a, f)),
    ]
}

/// The char boundary at or before `i`.
fn floor(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(src: &mut String, m: &Mutation) {
    let len = src.len().max(1);
    match *m {
        Mutation::Delete(a, n) => {
            let a = floor(src, a % len);
            let b = floor(src, a + n);
            src.replace_range(a..b, "");
        }
        Mutation::Duplicate(a, n) => {
            let a = floor(src, a % len);
            let b = floor(src, a + n);
            let piece = src[a..b].to_string();
            src.insert_str(b, &piece);
        }
        Mutation::Move(a, n, to) => {
            let a = floor(src, a % len);
            let b = floor(src, a + n);
            let piece = src[a..b].to_string();
            src.replace_range(a..b, "");
            let to = floor(src, to % src.len().max(1));
            src.insert_str(to, &piece);
        }
        Mutation::Insert(a, f) => {
            let a = floor(src, a % len);
            src.insert_str(a, FRAGMENTS[f % FRAGMENTS.len()]);
        }
    }
}

/// Compiles in every mode; only a panic (which fails the property) or a
/// hang is a bug.
fn compile_all(source: &[u8]) {
    let mut interp = Interpreter::new(pyrs::Config::default());
    let vm = interp.vm();
    for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
        let _ = compile(vm, Source::Bytes(source), "<fuzz>", Options::new(mode));
        if let Ok(text) = std::str::from_utf8(source) {
            let _ = compile(vm, Source::Text(text), "<fuzz>", Options::new(mode));
        }
    }
}

proptest! {
    #![proptest_config(Config { cases: 200, ..Config::default() })]

    #[test]
    fn mutated_sources_never_panic(
        pick in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let corpus = corpus();
        let mut src = corpus[pick % corpus.len()].clone();
        for m in &mutations {
            apply(&mut src, m);
        }
        compile_all(src.as_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        compile_all(&bytes);
    }

    #[test]
    fn fragment_soup_never_panics(picks in prop::collection::vec(any::<usize>(), 0..40)) {
        let src: String = picks.iter().map(|&p| FRAGMENTS[p % FRAGMENTS.len()]).collect();
        compile_all(src.as_bytes());
    }
}
