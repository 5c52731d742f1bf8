//! The switch backend: one `match` on the opcode whose arms inline the
//! handlers, with the registers in locals.

use crate::vm::handlers;
use crate::vm::regs::Regs;
use crate::vm::unwind::handle_error;
use crate::vm::{Control, EvalState};

pub const BACKEND: &str = "switch";

macro_rules! switch {
    ($(($num:literal, $name:ident, $handler:ident)),* $(,)?) => {
        /// Runs the loop from `r` until INTERPRETER_EXIT or an escaping
        /// exception.
        pub fn run(st: &mut EvalState, mut r: Regs) {
            loop {
                let unit = r.this_unit();
                r.oparg = unit.arg as u32;
                let mut op = unit.op;
                loop {
                    super::observe(st, &r, op);
                    let res = match op {
                        $($num => handlers::$handler(st, &mut r),)*
                    };
                    match res {
                        Ok(Control::Next) => break,
                        Ok(Control::NextWithOparg) => op = r.this_unit().op,
                        Ok(Control::Exit) => return,
                        Err(raise) => match handle_error(st, r, raise) {
                            Some(nr) => {
                                r = nr;
                                break;
                            }
                            None => return,
                        },
                    }
                }
            }
        }
    };
}
crate::for_each_opcode!(switch);
