//! What `tests/compile_assemble.rs` and `tests/compile_nested.rs` share:
//! reading the goldens `tools/compile/dump_assemble.py` and
//! `tools/compile/dump_nested.py` write, rebuilding instruction sequences
//! from them, and comparing code objects field by field.

#![allow(dead_code)]

use std::rc::Rc;

use pyrs::compile::consts::NameTable;
use pyrs::compile::instr_sequence::InstrSequence;
use pyrs::compile::location::Location;
use pyrs::marshal::{Code, PyStr, Value, loads, render};

/// One block of a golden: `key value` fields and prefixed instruction
/// lines (`instr`, `opt`: opcode, oparg, line, end line, column, end
/// column).
#[derive(Default)]
pub struct Fields {
    pub fields: Vec<(String, String)>,
    pub lines: Vec<(String, [i32; 6])>,
}

impl Fields {
    pub fn push_line(&mut self, line: &str) {
        let (key, value) = line.split_once(' ').unwrap_or((line, ""));
        if key == "instr" || key == "opt" {
            let nums: Vec<i32> = value
                .split(' ')
                .map(|n| n.parse().expect("instruction field"))
                .collect();
            self.lines
                .push((key.to_string(), nums.try_into().expect("six fields")));
        } else {
            self.fields.push((key.to_string(), value.to_string()));
        }
    }

    pub fn get(&self, key: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("golden field {key}"))
    }

    pub fn num(&self, key: &str) -> i64 {
        self.get(key).parse().expect("number")
    }

    pub fn marshal(&self, key: &str) -> Value {
        let hex = self.get(key);
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
            .collect();
        loads(&bytes).expect("marshal data")
    }

    pub fn strings(&self, key: &str) -> Vec<String> {
        match self.marshal(key) {
            Value::Tuple(items) => items
                .iter()
                .map(|v| match v {
                    Value::Str(s) => s.as_str().to_string(),
                    other => panic!("{key}: not a string: {other:?}"),
                })
                .collect(),
            other => panic!("{key}: not a tuple: {other:?}"),
        }
    }

    pub fn table(&self, key: &str) -> NameTable {
        let mut t = NameTable::new();
        for n in self.strings(key) {
            t.add(&n);
        }
        t
    }

    /// The instruction lines with this prefix.
    pub fn instrs(&self, prefix: &str) -> Vec<[i32; 6]> {
        self.lines
            .iter()
            .filter(|(p, _)| p == prefix)
            .map(|(_, i)| *i)
            .collect()
    }
}

/// Parses a golden file into its blocks: the header block, then one per
/// `unit` line (each ended by `end`).
pub fn parse_blocks(text: &str) -> Vec<Fields> {
    let mut blocks = vec![Fields::default()];
    for line in text.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if line.starts_with("unit ") {
            blocks.push(Fields::default());
        }
        if line == "end" {
            continue;
        }
        if let Some(b) = blocks.last_mut() {
            b.push_line(line);
        }
    }
    blocks
}

/// An instruction sequence as code generation builds it: jump targets
/// become labels bound where the golden's index points.
pub fn build_sequence(instrs: &[[i32; 6]]) -> InstrSequence {
    let mut seq = InstrSequence::new();
    let n = instrs.len();
    let mut labels = vec![None; n + 1];
    for ins in instrs {
        if pyrs::opcode::has_target(ins[0] as u16) {
            let t = ins[1] as usize;
            if labels[t].is_none() {
                labels[t] = Some(seq.new_label());
            }
        }
    }
    for (i, ins) in instrs.iter().enumerate() {
        if let Some(l) = labels[i] {
            seq.use_label(l);
        }
        let op = ins[0] as u16;
        let oparg = match labels.get(ins[1] as usize) {
            Some(Some(l)) if pyrs::opcode::has_target(op) => l.0,
            _ => ins[1],
        };
        seq.addop(op, oparg, Location::new(ins[2], ins[3], ins[4], ins[5]));
    }
    seq
}

/// A code object's instructions as `NAME arg` lines (caches skipped).
pub fn listing(code: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < code.len() {
        let op = code[i];
        out.push(format!(
            "{} {}",
            pyrs::opcode::name(u16::from(op)),
            code[i + 1]
        ));
        i += 2 * (1 + pyrs::opcode::cache_entries(op));
    }
    out
}

/// Where two listings part, with a little context.
pub fn first_line_difference(ours: &[String], theirs: &[String]) -> String {
    let i = ours
        .iter()
        .zip(theirs)
        .position(|(a, b)| a != b)
        .unwrap_or(ours.len().min(theirs.len()));
    let lo = i.saturating_sub(3);
    format!(
        "at instruction {i}:\n  ours:   {:?}\n  python: {:?}",
        &ours[lo..(i + 4).min(ours.len())],
        &theirs[lo..(i + 4).min(theirs.len())]
    )
}

/// Equality of constants, sets compared as sets (their order follows
/// string hashes, which differ between the two interpreters).
pub fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::FrozenSet(x), Value::FrozenSet(y)) | (Value::Set(x), Value::Set(y)) => {
            x.len() == y.len() && x.iter().all(|i| y.iter().any(|j| same_value(i, j)))
        }
        (Value::Tuple(x), Value::Tuple(y)) | (Value::List(x), Value::List(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(i, j)| same_value(i, j))
        }
        (Value::Code(x), Value::Code(y)) => first_difference(x, y).is_none(),
        _ => a == b,
    }
}

fn strs(s: &Rc<PyStr>) -> String {
    format!(
        "{:?}{}",
        s.as_str(),
        if s.interned { " (interned)" } else { "" }
    )
}

/// The first field in which two code objects differ, described.
pub fn first_difference(ours: &Code, theirs: &Code) -> Option<String> {
    if ours.code != theirs.code {
        let mut msg = format!(
            "co_code differs {}",
            first_line_difference(&listing(&ours.code), &listing(&theirs.code))
        );
        let (a, b) = (
            Value::Tuple(ours.consts.clone()),
            Value::Tuple(theirs.consts.clone()),
        );
        if !same_value(&a, &b) {
            msg.push_str(&format!(
                "\n  co_consts too:\n  ours:   {}\n  python: {}",
                render(&a),
                render(&b)
            ));
        }
        return Some(msg);
    }
    let slices = [
        ("co_consts", &ours.consts, &theirs.consts),
        ("co_names", &ours.names, &theirs.names),
        (
            "co_localsplusnames",
            &ours.localsplusnames,
            &theirs.localsplusnames,
        ),
    ];
    for (what, a, b) in slices {
        if let Some(i) = (0..a.len().max(b.len()))
            .find(|&i| !matches!((a.get(i), b.get(i)), (Some(x), Some(y)) if same_value(x, y)))
        {
            let show = |v: Option<&Value>| v.map_or("<none>".to_string(), render);
            return Some(format!(
                "{what} differ (lengths {} and {}) at item {i}:\n  ours:   {}\n  python: {}",
                a.len(),
                b.len(),
                show(a.get(i)),
                show(b.get(i))
            ));
        }
    }
    let scalars = [
        ("co_argcount", ours.argcount, theirs.argcount),
        (
            "co_posonlyargcount",
            ours.posonlyargcount,
            theirs.posonlyargcount,
        ),
        (
            "co_kwonlyargcount",
            ours.kwonlyargcount,
            theirs.kwonlyargcount,
        ),
        ("co_stacksize", ours.stacksize, theirs.stacksize),
        ("co_flags", ours.flags, theirs.flags),
        ("co_firstlineno", ours.firstlineno, theirs.firstlineno),
    ];
    for (what, a, b) in scalars {
        if a != b {
            return Some(format!("{what}: ours {a}, python {b}"));
        }
    }
    let bytes = [
        (
            "co_localspluskinds",
            &ours.localspluskinds,
            &theirs.localspluskinds,
        ),
        ("co_linetable", &ours.linetable, &theirs.linetable),
        (
            "co_exceptiontable",
            &ours.exceptiontable,
            &theirs.exceptiontable,
        ),
    ];
    for (what, a, b) in bytes {
        if a != b {
            return Some(format!(
                "{what} differs:\n  ours:   {a:02x?}\n  python: {b:02x?}"
            ));
        }
    }
    let names = [
        ("co_filename", &ours.filename, &theirs.filename),
        ("co_name", &ours.name, &theirs.name),
        ("co_qualname", &ours.qualname, &theirs.qualname),
    ];
    for (what, a, b) in names {
        if a != b {
            return Some(format!("{what}: ours {}, python {}", strs(a), strs(b)));
        }
    }
    None
}
