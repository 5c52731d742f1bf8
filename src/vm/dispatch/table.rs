//! The table backend: `TABLE[op](&mut EvalState) -> Control` in a loop
//! (the shape starlark-rust uses). The registers live in `EvalState`.

use crate::vm::handlers;
use crate::vm::regs::Regs;
use crate::vm::unwind::handle_error;
use crate::vm::{Control, EvalState};

pub const BACKEND: &str = "table";

/// A handler as the table stores it.
pub type Handler = fn(&mut EvalState) -> Control;

/// What the table loop does after a handler returned an error: the error
/// is parked in `EvalState::pending`.
const ERROR: Control = Control::Exit;

macro_rules! table {
    ($(($num:literal, $name:ident, $handler:ident)),* $(,)?) => {
        /// One entry per opcode byte.
        pub static TABLE: [Handler; 256] = [$({
            fn entry(st: &mut EvalState) -> Control {
                let mut r = st.regs;
                let res = handlers::$handler(st, &mut r);
                st.regs = r;
                match res {
                    Ok(c) => c,
                    Err(raise) => {
                        st.pending = Some(raise);
                        ERROR
                    }
                }
            }
            entry as Handler
        }),*];
    };
}
crate::for_each_opcode!(table);

/// Runs the loop from `r` until INTERPRETER_EXIT or an escaping exception.
pub fn run(st: &mut EvalState, r: Regs) {
    st.regs = r;
    loop {
        let unit = st.regs.this_unit();
        st.regs.oparg = unit.arg as u32;
        let mut op = unit.op;
        loop {
            super::observe(st, &st.regs.clone(), op);
            match TABLE[op as usize](st) {
                Control::Next => break,
                Control::NextWithOparg => op = st.regs.this_unit().op,
                Control::Exit => match st.pending.take() {
                    None => return,
                    Some(raise) => match handle_error(st, st.regs, raise) {
                        Some(nr) => {
                            st.regs = nr;
                            break;
                        }
                        None => return,
                    },
                },
            }
        }
    }
}
