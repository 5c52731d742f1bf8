//! Checks `pyrs::opcode` against what python3.14 itself reports.
//!
//! The golden file `tests/golden/opcode/opcodes.txt` is written by
//! `python3.14 tools/opcode/dump_golden.py`; every number, name, predicate,
//! flag word, cache size, family, stack effect and oparg-table entry in it
//! is compared with the Rust API, and any single difference fails the test.

use std::collections::{BTreeSet, HashMap};

use pyrs::opcode::{self, flags};

const GOLDEN: &str = include_str!("golden/opcode/opcodes.txt");

const FLAG_NAMES: [(&str, u32); 16] = [
    ("HAS_ARG", flags::HAS_ARG),
    ("HAS_CONST", flags::HAS_CONST),
    ("HAS_NAME", flags::HAS_NAME),
    ("HAS_JUMP", flags::HAS_JUMP),
    ("HAS_FREE", flags::HAS_FREE),
    ("HAS_LOCAL", flags::HAS_LOCAL),
    ("HAS_EVAL_BREAK", flags::HAS_EVAL_BREAK),
    ("HAS_DEOPT", flags::HAS_DEOPT),
    ("HAS_ERROR", flags::HAS_ERROR),
    ("HAS_ESCAPES", flags::HAS_ESCAPES),
    ("HAS_EXIT", flags::HAS_EXIT),
    ("HAS_PURE", flags::HAS_PURE),
    ("HAS_PASSTHROUGH", flags::HAS_PASSTHROUGH),
    ("HAS_OPARG_AND_1", flags::HAS_OPARG_AND_1),
    ("HAS_ERROR_NO_POP", flags::HAS_ERROR_NO_POP),
    ("HAS_NO_SAVE_IP", flags::HAS_NO_SAVE_IP),
];

/// Collects differences instead of stopping at the first, so one run shows
/// them all.
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
                .push(format!("{}: got {got:?}, python3.14 says {want:?}", what()));
        }
    }
}

fn num<T: std::str::FromStr>(s: &str) -> T {
    s.parse()
        .unwrap_or_else(|_| panic!("bad number {s:?} in golden"))
}

fn flag_word(text: &str) -> u32 {
    if text == "0" {
        return 0;
    }
    text.split('|')
        .map(|f| {
            FLAG_NAMES
                .iter()
                .find(|(n, _)| *n == f)
                .unwrap_or_else(|| panic!("unknown flag {f}"))
                .1
        })
        .fold(0, |a, b| a | b)
}

/// `Some(n)` for a count, `None` for `NONE`/`ERR`.
fn count(s: &str) -> Option<i64> {
    match s {
        "NONE" | "ERR" => None,
        _ => Some(num(s)),
    }
}

#[test]
fn opcode_module_matches_python314() {
    let mut c = Check::default();
    let mut opargs: Vec<u32> = Vec::new();
    let mut lines_of: HashMap<&str, usize> = HashMap::new();
    let mut tables: HashMap<&str, Vec<Vec<&str>>> = HashMap::new();
    let mut jump_ops = BTreeSet::new();

    let mut data_lines = 0;
    let mut end = None;
    for line in GOLDEN
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split(' ').collect();
        *lines_of.entry(f[0]).or_default() += 1;
        data_lines += 1;
        match f[0] {
            "end" => end = Some(num::<usize>(f[1])),
            "const" => {
                let want: u32 = num(f[2]);
                let got = match f[1] {
                    "HAVE_ARGUMENT" => u32::from(opcode::HAVE_ARGUMENT),
                    "MIN_INSTRUMENTED_OPCODE" => u32::from(opcode::MIN_INSTRUMENTED_OPCODE),
                    "MIN_SPECIALIZED_OPCODE" => u32::from(opcode::MIN_SPECIALIZED_OPCODE),
                    "MAGIC_NUMBER" => u32::from(opcode::MAGIC_NUMBER),
                    other => panic!("unknown constant {other}"),
                };
                c.eq(|| f[1].to_string(), got, want);
            }
            "pyc_magic" => {
                let got: String = opcode::PYC_MAGIC
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                c.eq(|| "PYC_MAGIC".into(), got.as_str(), f[1]);
            }
            "flag_bits" => {
                for item in &f[1..] {
                    let (name, value) = item.split_once('=').expect("NAME=VALUE");
                    c.eq(|| format!("flags::{name}"), flag_word(name), num(value));
                }
                c.eq(|| "number of flags".into(), f.len() - 1, FLAG_NAMES.len());
            }
            "opargs" => opargs = f[1..].iter().map(|s| num(s)).collect(),
            "op" => check_op(&mut c, &f),
            "effect" => {
                let op: u16 = num(f[1]);
                let jump = match f[2] {
                    "none" => None,
                    "true" => Some(true),
                    "false" => Some(false),
                    other => panic!("bad jump {other}"),
                };
                c.eq(
                    || format!("effect count for {op}"),
                    f.len() - 3,
                    opargs.len(),
                );
                for (&oparg, want) in opargs.iter().zip(&f[3..]) {
                    let got = opcode::stack_effect(op, oparg, jump).ok().map(i64::from);
                    c.eq(
                        || format!("stack_effect({op}, {oparg}, {jump:?})"),
                        got,
                        count(want),
                    );
                }
            }
            "popped" | "pushed" => {
                let op: u16 = num(f[1]);
                for (&oparg, want) in opargs.iter().zip(&f[2..]) {
                    let got = if f[0] == "popped" {
                        opcode::num_popped(op, oparg)
                    } else {
                        opcode::num_pushed(op, oparg)
                    };
                    c.eq(
                        || format!("num_{}({op}, {oparg})", f[0]),
                        got.map(i64::from),
                        count(want),
                    );
                }
            }
            "argrepr" => {
                let op: u8 = num(f[1]);
                let oparg: u32 = num(f[2]);
                let want = match f[3] {
                    "ok" => Some(f[4..].join(" ")),
                    _ => None,
                };
                let got = opcode::simple_argrepr(op, oparg).map(|s| s.into_owned());
                c.eq(|| format!("simple_argrepr({op}, {oparg})"), got, want);
            }
            "jump_target" => {
                let op: u8 = num(f[1]);
                let index: usize = num(f[2]);
                let oparg: u32 = num(f[3]);
                let want = if f[4] == "none" {
                    None
                } else {
                    Some(num::<usize>(f[4]))
                };
                jump_ops.insert(op);
                c.eq(
                    || format!("jump_target({op}, {index}, {oparg})"),
                    opcode::jump_target(op, index, oparg),
                    want,
                );
            }
            kind => tables.entry(kind).or_default().push(f[1..].to_vec()),
        }
    }

    // Valid, non-instrumented opcodes that dis gives no jump target have none.
    for op in 0..=u8::MAX {
        if opcode::is_valid(u16::from(op))
            && opcode::deinstrument(op) == op
            && !jump_ops.contains(&op)
        {
            c.eq(
                || format!("jump_target({op}, 10, 3)"),
                opcode::jump_target(op, 10, 3),
                None,
            );
        }
    }

    check_tables(&mut c, &tables);

    // A truncated golden must not pass quietly: the trailer counts the
    // data lines before it.
    c.eq(
        || "data lines before `end`".into(),
        Some(data_lines - 1),
        end,
    );
    let expect = [
        ("op", 273),
        ("effect", 273 * 3),
        ("popped", 238),
        ("pushed", 238),
        ("const", 4),
    ];
    for (kind, n) in expect {
        c.eq(
            || format!("lines of kind {kind}"),
            lines_of.get(kind).copied().unwrap_or(0),
            n,
        );
    }
    assert!(c.checked > 20_000, "only {} values checked", c.checked);
    if !c.failures.is_empty() {
        let shown: Vec<&str> = c.failures.iter().take(60).map(String::as_str).collect();
        panic!(
            "{} of {} values differ from python3.14:\n{}",
            c.failures.len(),
            c.checked,
            shown.join("\n")
        );
    }
}

/// `op NUMBER NAME valid [arg const name jump free local exc cache
/// effective_cache deopt deinstrument flags]`
fn check_op(c: &mut Check, f: &[&str]) {
    let op: u16 = num(f[1]);
    let valid = f[3] == "1";
    c.eq(|| format!("is_valid({op})"), opcode::is_valid(op), valid);
    let preds = [
        opcode::has_arg(op),
        opcode::has_const(op),
        opcode::has_name(op),
        opcode::has_jump(op),
        opcode::has_free(op),
        opcode::has_local(op),
        opcode::has_exc(op),
    ];
    if !valid {
        c.eq(|| format!("predicates of invalid {op}"), preds, [false; 7]);
        let want = if op < 256 {
            format!("UNUSED_{op}")
        } else {
            "<invalid>".to_string()
        };
        c.eq(|| format!("name({op})"), opcode::name(op), want.as_str());
        c.eq(
            || format!("from_name({})", f[2]),
            opcode::from_name(f[2]),
            None,
        );
        c.eq(
            || format!("num_popped({op}, 0)"),
            opcode::num_popped(op, 0),
            None,
        );
        c.eq(
            || format!("num_pushed({op}, 0)"),
            opcode::num_pushed(op, 0),
            None,
        );
        return;
    }
    let name = f[2];
    c.eq(|| format!("name({op})"), opcode::name(op), name);
    c.eq(
        || format!("from_name({name})"),
        opcode::from_name(name),
        Some(op),
    );
    let want_preds: Vec<bool> = f[4..11].iter().map(|s| *s == "1").collect();
    c.eq(|| format!("has_* of {name}"), preds.to_vec(), want_preds);
    c.eq(
        || format!("flags of {name}"),
        opcode::flags_of(op),
        flag_word(f[15]),
    );
    let Ok(byte) = u8::try_from(op) else {
        let info = opcode::pseudo_info(op).expect("pseudo opcode");
        c.eq(|| format!("PSEUDO_OPCODES name of {op}"), info.name, name);
        c.eq(
            || format!("PSEUDO_OPCODES flags of {name}"),
            info.flags,
            flag_word(f[15]),
        );
        return;
    };
    let info = &opcode::OPCODES[usize::from(byte)];
    let (raw_cache, effective_cache): (u8, u8) = (num(f[11]), num(f[12]));
    c.eq(|| format!("OPCODES[{op}].name"), info.name, name);
    c.eq(
        || format!("OPCODES[{op}].flags"),
        info.flags,
        flag_word(f[15]),
    );
    c.eq(
        || format!("cache_entries({name})"),
        opcode::cache_entries(byte),
        usize::from(effective_cache),
    );
    c.eq(
        || format!("OPCODES[{name}].cache_entries"),
        info.cache_entries,
        effective_cache,
    );
    if info.deopt == byte && info.deinstrument == byte {
        // For a base opcode the count is exactly `_inline_cache_entries`.
        c.eq(
            || format!("_inline_cache_entries[{name}]"),
            info.cache_entries,
            raw_cache,
        );
    }
    c.eq(|| format!("deopt({name})"), info.deopt, num(f[13]));
    c.eq(
        || format!("deinstrument({name})"),
        info.deinstrument,
        num(f[14]),
    );
    c.eq(
        || format!("is_specialized({name})"),
        opcode::is_specialized(byte),
        info.deopt != byte,
    );
}

/// An oparg table's entry names, by index.
type Lookup = fn(u32) -> Option<&'static str>;

fn check_tables(c: &mut Check, tables: &HashMap<&str, Vec<Vec<&str>>>) {
    let rows = |kind: &str| tables.get(kind).cloned().unwrap_or_default();
    let index = |row: &[&str]| -> u32 { num(row[0]) };

    let nb = rows("nb_op");
    c.eq(
        || "number of NB_ ops".into(),
        nb.len(),
        opcode::BinaryOp::ALL.len(),
    );
    for row in &nb {
        let entry = opcode::BinaryOp::try_from(index(row)).ok();
        c.eq(
            || format!("BinaryOp {} name", row[0]),
            entry.map(|e| e.c_name()),
            Some(row[1]),
        );
        c.eq(
            || format!("BinaryOp {} symbol", row[0]),
            entry.map(|e| e.symbol()),
            Some(row[2]),
        );
    }
    let simple: [(&str, usize, Lookup); 5] = [
        ("intrinsic1", opcode::Intrinsic1::ALL.len(), |i| {
            opcode::Intrinsic1::from_oparg(i).map(|e| e.c_name())
        }),
        ("intrinsic2", opcode::Intrinsic2::ALL.len(), |i| {
            opcode::Intrinsic2::from_oparg(i).map(|e| e.c_name())
        }),
        ("common_constant", opcode::CommonConstant::ALL.len(), |i| {
            opcode::CommonConstant::from_oparg(i).map(|e| e.builtin_name())
        }),
        ("special_method", opcode::SpecialMethod::ALL.len(), |i| {
            opcode::SpecialMethod::from_oparg(i).map(|e| e.method_name())
        }),
        ("cmp_op", opcode::CompareOp::ALL.len(), |i| {
            opcode::CompareOp::from_index(i).map(|e| e.symbol())
        }),
    ];
    for (kind, len, lookup) in simple {
        let table = rows(kind);
        c.eq(|| format!("number of {kind} entries"), table.len(), len);
        for row in &table {
            c.eq(
                || format!("{kind} {}", row[0]),
                lookup(index(row)),
                Some(row[1]),
            );
        }
        // One past the end is out of range.
        c.eq(
            || format!("{kind} {}", table.len()),
            lookup(table.len() as u32),
            None,
        );
    }
    let attrs = rows("function_attr");
    c.eq(
        || "number of function attributes".into(),
        attrs.len(),
        opcode::FunctionAttribute::ALL.len(),
    );
    for row in &attrs {
        let bit = 1u32 << index(row);
        let entry = opcode::FunctionAttribute::try_from(bit).ok();
        c.eq(
            || format!("function attribute bit {bit}"),
            entry.map(|e| e.repr()),
            Some(row[1]),
        );
    }
}
