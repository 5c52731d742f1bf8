//! `.pyc` writing (`src/vm/unload.rs`): every `.pyc` of the corpus
//! (`tests/cases/*.pyc`, `tests/fixtures/marshal/*.pyc`, all written by
//! python3.14) is loaded into objects, turned back into a marshal tree and
//! written as a `.pyc`; the trees must equal the file's own tree, and the
//! written file must load again to the same tree.
//!
//! Trees are compared structurally, strings with their `interned` flag,
//! set elements in any order (a set's order comes from its hash table).
//! `tools/compile/check_pyc_rewrite.py` (python3.14) checks that CPython
//! runs the rewritten files.

use std::fs;
use std::path::PathBuf;

use pyrs::marshal::{PycHeader, PycValidation, Value, read_pyc};
use pyrs::vm::unload::source_hash;
use pyrs::{Config, Interpreter};

fn corpus() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/cases", "tests/fixtures/marshal"] {
        for e in fs::read_dir(root.join(dir)).expect("corpus dir").flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "pyc") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// Files the loader refuses (see `tests/dis_golden.rs`).
const KNOWN_UNLOADABLE: &[&str] = &["functions.pyc"];

/// Structural equality with unordered sets; `Err` says where they differ.
fn same(a: &Value, b: &Value, path: &str) -> Result<(), String> {
    let seq = |x: &[Value], y: &[Value]| -> Result<(), String> {
        if x.len() != y.len() {
            return Err(format!("{path}: lengths {} and {}", x.len(), y.len()));
        }
        for (i, (p, q)) in x.iter().zip(y).enumerate() {
            same(p, q, &format!("{path}[{i}]"))?;
        }
        Ok(())
    };
    match (a, b) {
        (Value::Tuple(x), Value::Tuple(y)) | (Value::List(x), Value::List(y)) => seq(x, y),
        (Value::Set(x), Value::Set(y)) | (Value::FrozenSet(x), Value::FrozenSet(y)) => {
            let all_found =
                x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| same(p, q, path).is_ok()));
            if all_found {
                Ok(())
            } else {
                Err(format!("{path}: sets differ"))
            }
        }
        (Value::Code(x), Value::Code(y)) => {
            let scalars = [
                (x.argcount, y.argcount),
                (x.posonlyargcount, y.posonlyargcount),
                (x.kwonlyargcount, y.kwonlyargcount),
                (x.stacksize, y.stacksize),
                (x.flags, y.flags),
                (x.firstlineno, y.firstlineno),
            ];
            if scalars.iter().any(|(p, q)| p != q) {
                return Err(format!("{path}: counts, flags or first line differ"));
            }
            if x.code != y.code
                || x.localspluskinds != y.localspluskinds
                || x.linetable != y.linetable
                || x.exceptiontable != y.exceptiontable
            {
                return Err(format!("{path}: code or tables differ"));
            }
            if x.filename != y.filename || x.name != y.name || x.qualname != y.qualname {
                return Err(format!(
                    "{path}: names differ: {:?} {:?}",
                    (&x.filename, &x.name, &x.qualname),
                    (&y.filename, &y.name, &y.qualname)
                ));
            }
            let name = x.qualname.as_str();
            seq(&x.consts, &y.consts).map_err(|e| format!("{e} (consts of {name})"))?;
            seq(&x.names, &y.names).map_err(|e| format!("{e} (names of {name})"))?;
            seq(&x.localsplusnames, &y.localsplusnames)
                .map_err(|e| format!("{e} (locals of {name})"))
        }
        _ if a == b => Ok(()),
        _ => Err(format!("{path}: {a:?} != {b:?}")),
    }
}

#[test]
fn corpus_pycs_round_trip() {
    let mut interp = Interpreter::new(Config::default());
    let vm = interp.vm();
    let files = corpus();
    assert!(files.len() > 100);
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let data = fs::read(path).expect("pyc");
        let (_, original) = read_pyc(&data).expect("CPython's pyc reads");
        let code = match vm.load_pyc(&data) {
            Ok(c) => c,
            Err(_) if KNOWN_UNLOADABLE.contains(&name.as_ref()) => continue,
            Err(_) => {
                failures.push(format!("{name}: does not load"));
                continue;
            }
        };
        let tree = vm.object_to_marshal(&code).expect("marshallable");
        if let Err(e) = same(&tree, &original, "code") {
            failures.push(format!("{name}: unloaded tree differs: {e}"));
            continue;
        }
        let written = vm.write_pyc(&code, b"source").expect("write_pyc");
        let (header, reread) = read_pyc(&written).expect("our pyc reads");
        assert_eq!(header.flags, PycHeader::FLAG_HASH_BASED);
        assert_eq!(
            header.validation,
            PycValidation::Hash {
                source_hash: source_hash(b"source")
            }
        );
        if let Err(e) = same(&reread, &original, "code") {
            failures.push(format!("{name}: written pyc differs: {e}"));
        } else if reread != original {
            // Set elements are written sorted by their marshal data, as
            // CPython writes them: even the order matches.
            failures.push(format!("{name}: written pyc orders a set differently"));
        }
        // And it loads back into objects.
        if vm.load_pyc(&written).is_err() {
            failures.push(format!("{name}: written pyc does not load"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn timestamp_header() {
    let mut interp = Interpreter::new(Config::default());
    let vm = interp.vm();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = fs::read(root.join("tests/fixtures/marshal/tiny.pyc")).expect("pyc");
    let code = vm.load_pyc(&data).expect("loads");
    let written = vm.write_pyc_timestamp(&code, 1234, 56).expect("writes");
    let (header, _) = read_pyc(&written).expect("reads");
    assert_eq!(header.flags, 0);
    assert_eq!(
        header.validation,
        PycValidation::Timestamp {
            mtime: 1234,
            source_size: 56
        }
    );
}

#[test]
fn non_code_objects_are_refused() {
    let mut interp = Interpreter::new(Config::default());
    let vm = interp.vm();
    let not_code = vm.new_tuple(vec![]);
    assert!(vm.write_pyc(&not_code, b"").is_err());
}
