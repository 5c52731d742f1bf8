//! The tail-call backend: every handler ends by calling the next handler
//! through `TAIL` in tail position, with the registers passed as arguments
//! so they stay in machine registers (the shape of CPython 3.14's
//! tail-calling interpreter, wasm3 and wasmi).
//!
//! Stable Rust has no `become`: the chain relies on LLVM turning those calls
//! into jumps, which it does with optimisation on and debug assertions off.
//! Elsewhere (debug builds) a handler returns the next call instead and a
//! trampoline makes it, so the stack never grows per instruction. CI runs
//! the whole suite on a small thread stack in release to prove the chain
//! holds: a handler that stopped tail-calling would overflow it.

use crate::objects::code::CodeUnit;
use crate::vm::frame::{Frame, Slot};
use crate::vm::handlers;
use crate::vm::regs::Regs;
use crate::vm::unwind::handle_error;
use crate::vm::{Control, EvalState};

pub const BACKEND: &str = "tailcall";

/// A handler in the chain.
pub type TailFn = fn(&mut EvalState, *const CodeUnit, *mut Slot, *mut Frame, u32) -> Out;

/// With sibling calls, handlers return nothing; the trampoline build
/// returns the next call to make.
#[cfg(not(debug_assertions))]
pub type Out = ();
#[cfg(debug_assertions)]
pub struct Out(Option<(TailFn, Regs)>);

/// Continues with handler `f` at registers `r`.
macro_rules! become_ {
    ($st:expr, $f:expr, $r:expr) => {{
        #[cfg(not(debug_assertions))]
        {
            return $f($st, $r.ip, $r.sp, $r.frame, $r.oparg);
        }
        #[cfg(debug_assertions)]
        {
            let _ = &$st;
            return Out(Some(($f, $r)));
        }
    }};
}

/// Ends the chain.
macro_rules! finish {
    () => {{
        #[cfg(not(debug_assertions))]
        {
            return;
        }
        #[cfg(debug_assertions)]
        {
            return Out(None);
        }
    }};
}

macro_rules! tail_table {
    ($(($num:literal, $name:ident, $handler:ident)),* $(,)?) => {
        /// One entry per opcode byte.
        pub static TAIL: [TailFn; 256] = [$({
            fn entry(st: &mut EvalState, ip: *const CodeUnit, sp: *mut Slot, frame: *mut Frame, oparg: u32) -> Out {
                let mut r = Regs { ip, sp, frame, oparg };
                super::observe(st, &r, $num);
                match handlers::$handler(st, &mut r) {
                    Ok(Control::Next) => {
                        let u = r.this_unit();
                        r.oparg = u.arg as u32;
                        become_!(st, TAIL[u.op as usize], r)
                    }
                    Ok(Control::NextWithOparg) => {
                        let u = r.this_unit();
                        become_!(st, TAIL[u.op as usize], r)
                    }
                    Ok(Control::Exit) => finish!(),
                    Err(raise) => {
                        st.pending = Some(raise);
                        become_!(st, error_entry, r)
                    }
                }
            }
            entry as TailFn
        }),*];
    };
}
crate::for_each_opcode!(tail_table);

/// The error path, entered by tail call with the raise parked in
/// `EvalState::pending`.
#[cold]
#[inline(never)]
fn error_entry(
    st: &mut EvalState,
    ip: *const CodeUnit,
    sp: *mut Slot,
    frame: *mut Frame,
    oparg: u32,
) -> Out {
    let r = Regs {
        ip,
        sp,
        frame,
        oparg,
    };
    let Some(raise) = st.pending.take() else {
        finish!()
    };
    match handle_error(st, r, raise) {
        Some(mut nr) => {
            let u = nr.this_unit();
            nr.oparg = u.arg as u32;
            become_!(st, TAIL[u.op as usize], nr)
        }
        None => finish!(),
    }
}

/// Runs the chain from `r` until INTERPRETER_EXIT or an escaping exception.
pub fn run(st: &mut EvalState, mut r: Regs) {
    let u = r.this_unit();
    r.oparg = u.arg as u32;
    let first = TAIL[u.op as usize];
    #[cfg(not(debug_assertions))]
    first(st, r.ip, r.sp, r.frame, r.oparg);
    #[cfg(debug_assertions)]
    {
        let mut next = Some((first, r));
        while let Some((f, r)) = next {
            next = f(st, r.ip, r.sp, r.frame, r.oparg).0;
        }
    }
}
