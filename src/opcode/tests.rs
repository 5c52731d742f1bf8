//! Internal consistency of the expanded table. (Agreement with python3.14
//! itself is `tests/opcode_golden.rs`.)

use super::*;
use proptest::prelude::*;

macro_rules! collect_rows {
    ($( ($num:literal, $name:ident, $handler:ident) ),*) => {
        [ $( ($num as u32, stringify!($name), stringify!($handler)) ),* ]
    };
}

macro_rules! collect_pseudo_rows {
    ($( ($num:literal, $name:ident) ),*) => {
        [ $( ($num as u32, stringify!($name)) ),* ]
    };
}

const SPECIAL_HANDLERS: [&str; 4] = [
    "instrumented_line",
    "instrumented_instruction",
    "enter_executor",
    "unknown_opcode",
];

#[test]
fn for_each_opcode_yields_256_rows_in_order() {
    let rows = crate::for_each_opcode!(collect_rows);
    assert_eq!(rows.len(), 256);
    for (i, &(num, name, _)) in rows.iter().enumerate() {
        assert_eq!(num as usize, i, "row {i} is numbered {num}");
        assert_eq!(name, OPCODES[i].name);
    }
}

#[test]
fn every_handler_names_a_base_opcode() {
    let rows = crate::for_each_opcode!(collect_rows);
    for &(num, name, handler) in &rows {
        let is_base_handler = rows.iter().any(|&(other, other_name, _)| {
            other < u32::from(MIN_SPECIALIZED_OPCODE)
                && other_name.to_ascii_lowercase() == handler
                && !is_specialized(other as u8)
        });
        assert!(
            is_base_handler || SPECIAL_HANDLERS.contains(&handler),
            "{name} ({num}) is handled by {handler}, which is not a base opcode"
        );
        // And it is the right base: the slot's own, once specialisation and
        // instrumentation are undone.
        let base = base_opcode(num as u8);
        if handler != "unknown_opcode" {
            assert_eq!(
                handler,
                OPCODES[usize::from(base)].name.to_ascii_lowercase(),
                "{name}"
            );
        } else {
            assert!(!is_valid(num as u16), "{name}");
        }
    }
}

#[test]
fn named_examples() {
    let rows = crate::for_each_opcode!(collect_rows);
    let handler = |op: u8| rows[usize::from(op)].2;
    assert_eq!(op::LOAD_FAST, 84);
    assert_eq!(handler(op::LOAD_FAST), "load_fast");
    assert_eq!(handler(op::BINARY_OP_ADD_INT), "binary_op");
    assert_eq!(handler(op::LOAD_CONST_IMMORTAL), "load_const");
    assert_eq!(handler(op::JUMP_BACKWARD_JIT), "jump_backward");
    assert_eq!(handler(op::INSTRUMENTED_CALL), "call");
    assert_eq!(handler(op::INSTRUMENTED_END_FOR), "end_for");
    assert_eq!(handler(op::INSTRUMENTED_NOT_TAKEN), "not_taken");
    assert_eq!(handler(op::INSTRUMENTED_RESUME), "resume");
    assert_eq!(handler(op::INSTRUMENTED_LINE), "instrumented_line");
    assert_eq!(
        handler(op::INSTRUMENTED_INSTRUCTION),
        "instrumented_instruction"
    );
    assert_eq!(handler(op::ENTER_EXECUTOR), "enter_executor");
    assert_eq!(handler(121), "unknown_opcode");
    assert_eq!(rows[121].1, "UNUSED_121");
    assert_eq!(pseudo::JUMP, 257);
    assert_eq!(name(pseudo::STORE_FAST_MAYBE_NULL), "STORE_FAST_MAYBE_NULL");
    assert_eq!(name(267), "<invalid>");
    assert_eq!(
        from_name("BINARY_OP_ADD_INT"),
        Some(u16::from(op::BINARY_OP_ADD_INT))
    );
    assert_eq!(from_name("SETUP_WITH"), Some(pseudo::SETUP_WITH));
    assert_eq!(from_name("UNUSED_121"), None);
}

#[test]
fn for_each_pseudo_opcode_yields_256_to_266() {
    let rows = crate::for_each_pseudo_opcode!(collect_pseudo_rows);
    let numbers: Vec<u32> = rows.iter().map(|r| r.0).collect();
    assert_eq!(numbers, (256..=266).collect::<Vec<_>>());
    for (row, info) in rows.iter().zip(&PSEUDO_OPCODES) {
        assert_eq!(row.1, info.name);
        assert_eq!(row.0, u32::from(info.number));
    }
    assert_eq!(MAX_PSEUDO_OPCODE, 266);
}

#[test]
fn families_are_consistent() {
    for op in 0..=u8::MAX {
        let info = &OPCODES[usize::from(op)];
        // A form is specialised or instrumented, never both, and its base
        // is a base.
        assert!(info.deopt == op || info.deinstrument == op, "{}", info.name);
        assert_eq!(deopt(info.deopt), info.deopt);
        assert_eq!(deinstrument(info.deinstrument), info.deinstrument);
        if info.deinstrument != op {
            assert!(is_instrumented(op), "{}", info.name);
            assert!(
                info.name
                    .ends_with(OPCODES[usize::from(info.deinstrument)].name)
            );
        }
        let base = base_opcode(op);
        assert_eq!(
            info.cache_entries,
            OPCODES[usize::from(base)].cache_entries,
            "{}",
            info.name
        );
        // Nothing below HAVE_ARGUMENT takes an argument. The converse
        // fails once in 3.14: WITH_EXCEPT_START sits at HAVE_ARGUMENT itself
        // and takes none.
        if op < HAVE_ARGUMENT {
            assert!(!has_arg(u16::from(op)), "{}", info.name);
        } else if base == op
            && is_valid(u16::from(op))
            && op < MIN_SPECIALIZED_OPCODE
            && op != op::WITH_EXCEPT_START
        {
            assert!(has_arg(u16::from(op)), "{}", info.name);
        }
    }
    assert!(is_pseudo_target(pseudo::JUMP, op::JUMP_BACKWARD));
    assert!(!is_pseudo_target(pseudo::JUMP, op::NOP));
    assert!(!is_pseudo_target(u16::from(op::NOP), op::NOP));
}

#[test]
fn utils_predicates() {
    assert!(is_block_push(pseudo::SETUP_WITH) && has_exc(pseudo::SETUP_WITH));
    assert!(has_target(pseudo::SETUP_FINALLY) && has_target(u16::from(op::FOR_ITER)));
    assert!(is_terminator(u16::from(op::RERAISE)) && is_terminator(pseudo::JUMP));
    assert!(
        is_unconditional_jump(u16::from(op::JUMP_BACKWARD)) && is_unconditional_jump(pseudo::JUMP)
    );
    assert!(is_conditional_jump(u16::from(op::POP_JUMP_IF_NONE)));
    assert!(is_backwards_jump(u16::from(op::JUMP_BACKWARD_NO_INTERRUPT)));
    assert!(!is_instrumented(op::ENTER_EXECUTOR) && is_instrumented(op::INSTRUMENTED_LINE));
}

#[test]
fn jump_targets() {
    // JUMP_FORWARD has no caches; POP_JUMP_IF_TRUE and JUMP_BACKWARD have one.
    assert_eq!(jump_target(op::JUMP_FORWARD, 10, 3), Some(14));
    assert_eq!(jump_target(op::POP_JUMP_IF_TRUE, 10, 3), Some(15));
    assert_eq!(jump_target(op::JUMP_BACKWARD, 10, 3), Some(9));
    assert_eq!(jump_target(op::INSTRUMENTED_JUMP_BACKWARD, 10, 3), Some(9));
    assert_eq!(jump_target(op::JUMP_BACKWARD, 0, 3), None);
    assert_eq!(jump_target(op::LOAD_FAST, 10, 3), None);
}

#[test]
fn pyc_magic() {
    assert_eq!(MAGIC_NUMBER, 3627);
    assert_eq!(PYC_MAGIC, [0x2b, 0x0e, b'\r', b'\n']);
}

proptest! {
    #[test]
    fn lookups_never_panic(op in any::<u16>(), oparg in any::<u32>(), jump in any::<Option<bool>>()) {
        let _ = (name(op), is_valid(op), has_arg(op), has_exc(op), flags_of(op));
        let popped = num_popped(op, oparg);
        let pushed = num_pushed(op, oparg);
        match stack_effect(op, oparg, jump) {
            Ok(effect) if !is_block_push(op) => {
                let (popped, pushed) = (popped.unwrap(), pushed.unwrap());
                prop_assert_eq!(i64::from(effect), i64::from(pushed) - i64::from(popped));
            }
            Ok(_) => {}
            Err(_) => {}
        }
        if let Ok(byte) = u8::try_from(op) {
            let _ = (cache_entries(byte), simple_argrepr(byte, oparg), jump_target(byte, usize::MAX, oparg));
            let _ = net_effect(byte, oparg);
        }
    }
}
