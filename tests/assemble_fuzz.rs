//! Robustness of the flow graph optimiser and assembler on malformed
//! input: code generation's real output (the sequences of
//! `tests/golden/assemble` and `tests/golden/nested`), mutated at random
//! (instructions dropped, duplicated or replaced, opargs changed, jump
//! targets moved), and wholly random sequences, must give a code object or
//! an exception from `optimize_and_assemble`, `optimize_cfg` and
//! `assemble`: never a panic, never a long stall.
//!
//! `PROPTEST_CASES` raises the case count for a longer hunt.

mod assemble_common;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use assemble_common::{build_sequence, parse_blocks};
use proptest::prelude::*;
use proptest::test_runner::Config;
use pyrs::compile::assemble::{assemble, optimize_and_assemble, optimize_cfg};
use pyrs::compile::consts::{ConstPool, NameTable};
use pyrs::compile::unit::{CodeUnit, CodeUnitMetadata};
use pyrs::objects::Vm;
use pyrs::objects::int::new_int;
use pyrs::objects::str::new_str_obj;
use pyrs::objects::tuple::new_tuple;
use pyrs::{Interpreter, opcode};

const TIME_LIMIT: Duration = Duration::from_secs(10);

/// Instruction sequences of the goldens (at most a few per file).
fn corpus() -> &'static [Vec<[i32; 6]>] {
    use std::sync::OnceLock;
    static CORPUS: OnceLock<Vec<Vec<[i32; 6]>>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
        let mut out = Vec::new();
        for dir in ["assemble", "nested"] {
            let mut files: Vec<_> = fs::read_dir(root.join(dir))
                .expect("goldens")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| !p.to_string_lossy().contains("stdlib_"))
                .collect();
            files.sort();
            for f in files {
                let text = fs::read_to_string(f).expect("golden");
                for block in parse_blocks(&text) {
                    let instrs = block.instrs("instr");
                    if !instrs.is_empty() && instrs.len() < 400 {
                        out.push(instrs);
                    }
                }
            }
        }
        assert!(out.len() > 30);
        out
    })
}

/// A metadata block that fits any sequence: a few names, locals, cells
/// and free variables, and mixed constants.
fn metadata(nconsts: usize) -> CodeUnitMetadata {
    let table = |prefix: &str, n: usize| {
        let mut t = NameTable::new();
        for i in 0..n {
            t.add(&format!("{prefix}{i}"));
        }
        t
    };
    let mut consts = ConstPool::new();
    for i in 0..nconsts {
        let c = match i % 4 {
            0 => new_int(i as i64 * 1000 + 7),
            1 => new_str_obj(&format!("s{i}")),
            2 => new_tuple(vec![new_int(i as i64), new_str_obj("t")]),
            _ => new_int(-(i as i64)),
        };
        consts.add(c);
    }
    CodeUnitMetadata {
        name: "f".into(),
        qualname: "f".into(),
        consts,
        names: table("n", 20),
        varnames: table("v", 20),
        cellvars: table("c", 3),
        freevars: table("fr", 2),
        fasthidden: vec![("v3".into(), true)],
        argcount: 2,
        posonlyargcount: 1,
        kwonlyargcount: 1,
        firstlineno: 1,
    }
}

/// Runs every entry point on `instrs`; only a panic or a stall fails.
fn run_all(vm: &mut Vm, instrs: &[[i32; 6]], flags: u32) {
    let start = Instant::now();
    let seq = build_sequence(instrs);
    let unit = |seq| CodeUnit {
        metadata: metadata(12),
        instrs: seq,
        flags,
        filename: new_str_obj("fuzz.py"),
        optimize: 0,
    };
    let _ = optimize_and_assemble(vm, unit(seq.clone()));
    let _ = assemble(vm, unit(seq.clone()));
    let mut consts = metadata(12).consts;
    let _ = optimize_cfg(vm, &seq, &mut consts, 20);
    assert!(start.elapsed() < TIME_LIMIT, "took {:?}", start.elapsed());
}

/// One mutation of a sequence.
#[derive(Debug, Clone)]
enum Mutation {
    Drop(usize),
    Duplicate(usize),
    Opcode(usize, u16),
    Oparg(usize, i32),
    Swap(usize, usize),
}

fn apply(instrs: &mut Vec<[i32; 6]>, m: &Mutation) {
    let n = instrs.len();
    if n == 0 {
        return;
    }
    match *m {
        Mutation::Drop(i) => {
            instrs.remove(i % n);
            // Jumps into the dropped tail now point past the end: clamp.
            let len = instrs.len() as i32;
            for ins in instrs.iter_mut() {
                if opcode::has_target(ins[0] as u16) && ins[1] >= len {
                    ins[1] = len - 1;
                }
            }
        }
        Mutation::Duplicate(i) => {
            let x = instrs[i % n];
            instrs.insert(i % n, x);
        }
        Mutation::Opcode(i, op) => instrs[i % n][0] = i32::from(op),
        Mutation::Oparg(i, arg) => {
            let ins = &mut instrs[i % n];
            ins[1] = if opcode::has_target(ins[0] as u16) {
                arg.rem_euclid(n as i32)
            } else {
                arg
            };
        }
        Mutation::Swap(i, j) => instrs.swap(i % n, j % n),
    }
    // A jump must still name an instruction for the sequence to be built.
    let len = instrs.len() as i32;
    for ins in instrs.iter_mut() {
        if opcode::has_target(ins[0] as u16) {
            ins[1] = ins[1].rem_euclid(len.max(1));
        }
    }
}

/// Opcodes worth trying: every real base opcode and every pseudo opcode.
fn any_opcode() -> impl Strategy<Value = u16> {
    prop_oneof![
        (0u16..=120).prop_filter("assigned", |op| opcode::is_valid(*op)),
        256u16..=266,
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Drop),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), any_opcode()).prop_map(|(i, op)| Mutation::Opcode(i, op)),
        (any::<usize>(), prop_oneof![0i32..40, any::<i32>()])
            .prop_map(|(i, a)| Mutation::Oparg(i, a)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Mutation::Swap(i, j)),
    ]
}

proptest! {
    #![proptest_config(Config { cases: 300, ..Config::default() })]

    #[test]
    fn mutated_codegen_output_never_panics(
        pick in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..6),
        generator in any::<bool>(),
    ) {
        let mut interp = Interpreter::new(pyrs::Config::default());
        let vm = interp.vm();
        let corpus = corpus();
        let mut instrs = corpus[pick % corpus.len()].clone();
        for m in &mutations {
            apply(&mut instrs, m);
        }
        prop_assume!(!instrs.is_empty());
        let flags = if generator { 0x23 } else { 0 };
        run_all(vm, &instrs, flags);
    }

    #[test]
    fn random_sequences_never_panic(
        raw in prop::collection::vec((any_opcode(), 0i32..300, 0i32..5), 1..60),
    ) {
        let mut interp = Interpreter::new(pyrs::Config::default());
        let vm = interp.vm();
        let n = raw.len() as i32;
        let instrs: Vec<[i32; 6]> = raw
            .iter()
            .map(|&(op, arg, line)| {
                let arg = if opcode::has_target(op) { arg % n } else { arg };
                [i32::from(op), arg, line, line, 0, 1]
            })
            .collect();
        run_all(vm, &instrs, 0);
    }
}

#[test]
fn every_corpus_sequence_assembles() {
    let mut interp = Interpreter::new(pyrs::Config::default());
    let vm = interp.vm();
    for instrs in corpus() {
        run_all(vm, instrs, 0);
    }
}

/// A cycle of unconditional jumps between blocks without line numbers:
/// inlining such blocks into their predecessors never reaches a fixed
/// point (each copy brings another jump), so the optimiser must give up
/// with an exception rather than grow the graph forever.
#[test]
fn jump_cycle_between_lineless_blocks_terminates() {
    let mut interp = Interpreter::new(pyrs::Config::default());
    let vm = interp.vm();
    let (jump, nop) = (i32::from(opcode::pseudo::JUMP), i32::from(opcode::op::NOP));
    let instrs = [
        [nop, 0, 1, 1, 0, 1],
        [jump, 2, 1, 1, 0, 1],
        [jump, 3, -1, -1, -1, -1],
        [jump, 2, -1, -1, -1, -1],
    ];
    run_all(vm, &instrs, 0);
}

/// A conditional jump into a cycle of unconditional jumps: threading it
/// would follow the cycle forever, appending a jump each time, so the
/// peephole pass must give up with an exception instead.
#[test]
fn jump_threading_into_a_cycle_terminates() {
    let mut interp = Interpreter::new(pyrs::Config::default());
    let vm = interp.vm();
    let op = |o: u8| i32::from(o);
    let jump = i32::from(opcode::pseudo::JUMP);
    let instrs = [
        [op(opcode::op::LOAD_NAME), 0, 1, 1, 0, 1],
        [op(opcode::op::POP_JUMP_IF_FALSE), 3, 1, 1, 0, 1],
        [op(opcode::op::NOP), 0, 2, 2, 0, 1],
        [jump, 4, 3, 3, 0, 1],
        [jump, 3, 4, 4, 0, 1],
    ];
    run_all(vm, &instrs, 0);
}
