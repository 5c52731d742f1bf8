//! Robustness of `pyrs::marshal` on hostile input, and write/read
//! round trips of random trees.
//!
//! - Real fixtures (`tests/fixtures/marshal/`), truncated at every length
//!   and mutated at random (bit flips, byte replacements, insertions,
//!   deletions, size fields set to huge values), must give `Ok` or `Err`:
//!   never a panic, never a long stall, never a huge allocation.
//! - Random [`Value`] trees, with shared sub-objects, survive `dumps` then
//!   `loads` unchanged, sharing included.
//!
//! The default case counts keep the whole file well under a minute in a
//! debug build; `PROPTEST_CASES` raises them for a longer hunt.

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::rc::Rc;
use std::time::{Duration, Instant};

use num_bigint::{BigInt, BigUint, Sign};
use proptest::prelude::*;
use proptest::test_runner::Config;
use pyrs::marshal::{Code, PyStr, Value, classify_pyc, dumps, loads, read_pyc};

/// Generous: the slowest fixture reads in well under a millisecond.
const TIME_LIMIT: Duration = Duration::from_secs(5);

fn fixtures() -> &'static [(String, Vec<u8>)] {
    use std::sync::OnceLock;
    static FIXTURES: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/marshal");
        let mut out: Vec<(String, Vec<u8>)> = fs::read_dir(&dir)
            .expect("fixtures dir")
            .filter_map(|entry| {
                let entry = entry.ok()?;
                let name = entry.file_name().into_string().ok()?;
                let keep = name.ends_with(".pyc") || name.ends_with(".marshal");
                keep.then(|| (name, fs::read(entry.path()).expect("fixture")))
            })
            .collect();
        out.sort();
        assert!(out.len() > 40, "fixtures missing");
        out
    })
}

/// Every reader entry point on `data`; panics only if one takes too long.
fn read_everything(data: &[u8]) {
    let start = Instant::now();
    let _ = loads(data);
    let _ = read_pyc(data);
    let _ = classify_pyc(data);
    if data.len() > 16 {
        let _ = loads(&data[16..]);
    }
    let elapsed = start.elapsed();
    assert!(
        elapsed < TIME_LIMIT,
        "reading {} bytes took {elapsed:?}",
        data.len()
    );
}

#[test]
fn every_truncation_of_every_fixture() {
    for (name, data) in fixtures() {
        // The biggest fixtures are sampled; every prefix of the rest.
        let step = if data.len() > 4000 { 7 } else { 1 };
        for len in (0..data.len()).step_by(step) {
            read_everything(&data[..len]);
            if name.ends_with(".marshal") && !name.starts_with("raw") {
                assert!(loads(&data[..len]).is_err(), "{name} cut at {len} loaded");
            }
        }
    }
}

#[test]
fn huge_size_fields_fail_fast() {
    // A type code, a size of 2**31 - 1 or -1, and a few bytes.
    for code in b"([<>sautAlr{:c" {
        for size in [0x7fff_ffffu32, 0x8000_0000, 0xffff_ffff, 0x4000_0000] {
            let mut data = vec![*code];
            data.extend_from_slice(&size.to_le_bytes());
            data.extend_from_slice(b"NNNNNNNNNNNNNNN");
            let start = Instant::now();
            let result = loads(&data);
            // A TYPE_LONG of size -1 is simply a one-digit negative int.
            if !(*code == b'l' && size == 0xffff_ffff) {
                assert!(result.is_err(), "{data:?}");
            }
            assert!(start.elapsed() < Duration::from_secs(1));
        }
    }
}

#[test]
fn shared_references_do_not_explode() {
    // t0 = (); t(n+1) = (t(n), t(n)) with FLAG_REF, 60 levels: 2**60 leaves
    // if walked naively. Hashing it (as a set element, 1000 times over)
    // and writing it must stay linear.
    let levels = 60u32;
    let mut data = vec![0xbc];
    data.extend_from_slice(&1000u32.to_le_bytes());
    data.extend_from_slice(&[0xa9, 0x00]);
    for i in 0..levels {
        data.extend_from_slice(&[0xa9, 0x02, b'r']);
        data.extend_from_slice(&(i + 1).to_le_bytes());
        data.push(b'r');
        data.extend_from_slice(&(i + 1).to_le_bytes());
    }
    for _ in 1..1000 {
        data.push(b'r');
        data.extend_from_slice(&(levels + 1).to_le_bytes());
    }
    let start = Instant::now();
    let value = loads(&data).expect("valid data");
    let written = dumps(&value).unwrap();
    assert!(loads(&written).is_ok());
    assert!(written.len() < data.len() * 2);
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn deep_nesting_on_a_small_stack() {
    // The deepest data CPython accepts, read, written, compared and dropped
    // on a 256 KiB thread: nothing recurses per nesting level.
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let mut data = b")\x01".repeat(1999);
            data.push(b'N');
            let value = loads(&data).expect("1999 levels load");
            let again = loads(&dumps(&value).unwrap()).unwrap();
            assert!(again == value);
            let mut deeper = b")\x01".repeat(50_000);
            deeper.push(b'N');
            assert_eq!(
                loads(&deeper).unwrap_err().message(),
                "recursion limit exceeded"
            );
            drop(value);
            drop(again);
        })
        .unwrap()
        .join()
        .expect("small-stack thread");
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(prop::sample::Index, u8),
    Set(prop::sample::Index, u8),
    Insert(prop::sample::Index, u8),
    Delete(prop::sample::Index),
    Truncate(prop::sample::Index),
    /// Overwrite four bytes with a size-like value.
    Long(prop::sample::Index, u32),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<prop::sample::Index>;
    let huge = prop::sample::select(vec![
        0x7fff_ffffu32,
        0x8000_0000,
        0xffff_ffff,
        0x4000_0000,
        0x1_0000,
        300,
    ]);
    // Truncation is rare here: `every_truncation_of_every_fixture` covers it.
    prop_oneof![
        4 => (index(), 0u8..8).prop_map(|(i, bit)| Mutation::Flip(i, bit)),
        4 => (index(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
        2 => (index(), any::<u8>()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        2 => index().prop_map(Mutation::Delete),
        1 => index().prop_map(Mutation::Truncate),
        3 => (index(), huge).prop_map(|(i, v)| Mutation::Long(i, v)),
    ]
}

fn apply(data: &mut Vec<u8>, m: &Mutation) {
    if data.is_empty() {
        return;
    }
    match m {
        Mutation::Flip(i, bit) => {
            let at = i.index(data.len());
            data[at] ^= 1 << bit;
        }
        Mutation::Set(i, b) => {
            let at = i.index(data.len());
            data[at] = *b;
        }
        Mutation::Insert(i, b) => {
            let at = i.index(data.len() + 1);
            data.insert(at, *b);
        }
        Mutation::Delete(i) => {
            let at = i.index(data.len());
            data.remove(at);
        }
        Mutation::Truncate(i) => data.truncate(i.index(data.len())),
        Mutation::Long(i, v) => {
            if data.len() >= 4 {
                let at = i.index(data.len() - 3);
                data[at..at + 4].copy_from_slice(&v.to_le_bytes());
            }
        }
    }
}

fn config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config(50_000))]

    #[test]
    fn mutated_fixtures_never_panic(
        which in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let all = fixtures();
        let mut data = all[which.index(all.len())].1.clone();
        for m in &mutations {
            apply(&mut data, m);
        }
        read_everything(&data);
    }
}

// ------------------------------------------------------------ round trips

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::None),
        Just(Value::True),
        Just(Value::False),
        Just(Value::Ellipsis),
        Just(Value::StopIteration),
        any::<i64>().prop_map(|n| Value::Int(BigInt::from(n))),
        (any::<bool>(), prop::collection::vec(any::<u32>(), 0..5)).prop_map(|(neg, words)| {
            let sign = if neg { Sign::Minus } else { Sign::Plus };
            Value::Int(BigInt::from_biguint(sign, BigUint::new(words)))
        }),
        any::<u64>().prop_map(|bits| Value::Float(f64::from_bits(bits))),
        (any::<u64>(), any::<u64>())
            .prop_map(|(re, im)| Value::Complex(f64::from_bits(re), f64::from_bits(im))),
        (any::<String>(), any::<bool>()).prop_map(|(s, interned)| Value::str(s, interned)),
        ("[a-z]{250,300}", any::<bool>()).prop_map(|(s, interned)| Value::str(s, interned)),
        prop::collection::vec(any::<u8>(), 0..40).prop_map(|b| Value::bytes(&b)),
    ]
}

/// Reuses the first item at the end when asked: the same `Rc`, shared.
fn with_sharing(mut items: Vec<Value>, share: bool) -> Vec<Value> {
    if share && let Some(first) = items.first().cloned() {
        items.push(first);
    }
    items
}

/// Values CPython can hash: set elements and dict keys.
fn hashable() -> BoxedStrategy<Value> {
    leaf()
        .prop_recursive(3, 24, 4, |inner| {
            let items = || (prop::collection::vec(inner.clone(), 0..4), any::<bool>());
            prop_oneof![
                items().prop_map(|(v, s)| Value::Tuple(Rc::from(with_sharing(v, s)))),
                items().prop_map(|(v, s)| Value::FrozenSet(Rc::from(with_sharing(v, s)))),
                (inner.clone(), inner.clone(), inner.clone())
                    .prop_map(|(a, b, c)| Value::Slice(Rc::new((a, b, c)))),
            ]
        })
        .boxed()
}

fn name() -> impl Strategy<Value = Rc<PyStr>> {
    ("[a-z\u{e9}\u{3c0}_]{1,8}", any::<bool>()).prop_map(|(s, i)| Rc::new(PyStr::new(s, i)))
}

/// A code object that passes the loader's checks.
fn code(inner: BoxedStrategy<Value>) -> impl Strategy<Value = Value> {
    let kinds = prop::sample::select(vec![0x20u8, 0x26, 0x24, 0x2a, 0x60, 0x40, 0x80, 0x30]);
    (
        prop::collection::vec(inner, 0..4),
        prop::collection::vec(name(), 0..4),
        prop::collection::vec((name(), kinds), 0..5),
        prop::collection::vec(any::<u8>(), 0..24),
        any::<[u32; 5]>(),
        (name(), name(), any::<bool>(), any::<i32>()),
        (
            prop::collection::vec(any::<u8>(), 0..16),
            prop::collection::vec(any::<u8>(), 0..8),
        ),
    )
        .prop_map(
            |(consts, names, locals, mut bytecode, r, (file, nm, same, line), tables)| {
                bytecode.truncate(bytecode.len() & !1);
                let nlocals = locals.iter().filter(|(_, k)| k & 0x20 != 0).count() as u32;
                let argcount = r[0] % (nlocals + 1);
                let posonly = r[1] % (argcount + 1);
                let kwonly = r[2] % (nlocals - argcount + 1);
                let qualname = if same {
                    Rc::clone(&nm)
                } else {
                    Rc::new(PyStr::new("q.x", false))
                };
                let str_values =
                    |v: Vec<Rc<PyStr>>| -> Rc<[Value]> { v.into_iter().map(Value::Str).collect() };
                let (lpn, lpk): (Vec<_>, Vec<_>) = locals.into_iter().unzip();
                Value::Code(Rc::new(Code {
                    argcount: argcount as i32,
                    posonlyargcount: posonly as i32,
                    kwonlyargcount: kwonly as i32,
                    stacksize: (r[3] & 0xffff) as i32,
                    flags: (r[4] & 0x7fff_fff3) as i32,
                    code: Rc::from(bytecode),
                    consts: Rc::from(consts),
                    names: str_values(names),
                    localsplusnames: str_values(lpn),
                    localspluskinds: Rc::from(lpk),
                    filename: file,
                    name: nm,
                    qualname,
                    firstlineno: line,
                    linetable: Rc::from(tables.0),
                    exceptiontable: Rc::from(tables.1),
                }))
            },
        )
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 64, 6, |inner| {
        let items = || (prop::collection::vec(inner.clone(), 0..5), any::<bool>());
        let keyed = || (prop::collection::vec(hashable(), 0..4), any::<bool>());
        prop_oneof![
            items().prop_map(|(v, s)| Value::Tuple(Rc::from(with_sharing(v, s)))),
            items().prop_map(|(v, s)| Value::List(Rc::from(with_sharing(v, s)))),
            keyed().prop_map(|(v, s)| Value::Set(Rc::from(with_sharing(v, s)))),
            keyed().prop_map(|(v, s)| Value::FrozenSet(Rc::from(with_sharing(v, s)))),
            prop::collection::vec((hashable(), inner.clone()), 0..4)
                .prop_map(|pairs| Value::Dict(Rc::from(pairs))),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(a, b, c)| Value::Slice(Rc::new((a, b, c)))),
            code(inner.clone().boxed()),
        ]
    })
}

/// The address of the allocation behind a shareable value.
fn address(v: &Value) -> Option<usize> {
    Some(match v {
        Value::Str(s) => Rc::as_ptr(s) as *const u8 as usize,
        Value::Bytes(b) => Rc::as_ptr(b) as *const u8 as usize,
        Value::Tuple(t) | Value::List(t) | Value::Set(t) | Value::FrozenSet(t) => {
            Rc::as_ptr(t) as *const u8 as usize
        }
        Value::Dict(d) => Rc::as_ptr(d) as *const u8 as usize,
        Value::Slice(s) => Rc::as_ptr(s) as *const u8 as usize,
        Value::Code(c) => Rc::as_ptr(c) as *const u8 as usize,
        _ => return None,
    })
}

/// Walks two equal trees together and checks that wherever the original
/// shares one object, the copy does too.
fn assert_same_sharing(original: &Value, copy: &Value) {
    let mut map: HashMap<usize, usize> = HashMap::new();
    let mut work = vec![(original, copy)];
    while let Some((a, b)) = work.pop() {
        if let (Some(pa), Some(pb)) = (address(a), address(b)) {
            let seen = *map.entry(pa).or_insert(pb);
            assert_eq!(seen, pb, "sharing lost for a {}", a.type_name());
        }
        match (a, b) {
            (Value::Tuple(x), Value::Tuple(y))
            | (Value::List(x), Value::List(y))
            | (Value::Set(x), Value::Set(y))
            | (Value::FrozenSet(x), Value::FrozenSet(y)) => work.extend(x.iter().zip(y.iter())),
            (Value::Dict(x), Value::Dict(y)) => {
                for ((ka, va), (kb, vb)) in x.iter().zip(y.iter()) {
                    work.push((ka, kb));
                    work.push((va, vb));
                }
            }
            (Value::Slice(x), Value::Slice(y)) => {
                work.extend([(&x.0, &y.0), (&x.1, &y.1), (&x.2, &y.2)]);
            }
            (Value::Code(x), Value::Code(y)) => {
                work.extend(x.consts.iter().zip(y.consts.iter()));
                let same = |p: &Rc<PyStr>, q: &Rc<PyStr>| (Rc::as_ptr(p), Rc::as_ptr(q));
                let (p, q) = same(&x.name, &y.name);
                let (r, s) = same(&x.qualname, &y.qualname);
                assert_eq!(p == r, q == s, "name/qualname sharing lost");
            }
            _ => {}
        }
    }
}

proptest! {
    #![proptest_config(config(3_000))]

    #[test]
    fn dumps_then_loads_gives_the_same_tree(v in value()) {
        let bytes = dumps(&v).expect("dumps");
        let back = loads(&bytes).expect("loads");
        prop_assert!(back == v, "changed:\n{v:?}\n{back:?}");
        assert_same_sharing(&v, &back);
        prop_assert_eq!(dumps(&back).expect("dumps again"), bytes);
    }
}
