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
use crate::vm::{Control, EvalState, OpResult};

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

/// Handlers that run out of line, through a `body` function taking and
/// returning the registers by value.
///
/// LLVM turns a call in tail position into a jump only if nothing in the
/// caller's stack frame can still be reachable by the callee: once the
/// address of any local (a `Regs` passed as `&mut`, an `Obj` passed as
/// `&Obj`, the arguments of a `format!`) reaches a call that is not
/// inlined, every later call in the function stays a call, and the chain
/// would grow the machine stack by one frame per instruction. Handlers
/// that pass locals by reference to out-of-line code are listed here; their
/// entry passes the registers to `body` by value (an argument LLVM knows
/// cannot be captured) and then tail-calls as usual. The rest are inlined
/// into their entry and keep the registers in machine registers.
///
/// `tools/check_tailcalls.py` disassembles the release binary and fails if
/// any entry dispatches with a call instead of a jump; CI runs it. A handler
/// that fails it either goes on this list or stops passing locals by
/// reference (hot ones should keep an inline fast path: see `binary_op`).
const OUTLINED: &[&str] = &[
    "binary_op",
    "binary_slice",
    "build_set",
    "call",
    "call_function_ex",
    "call_kw",
    "check_eg_match",
    "compare_op",
    "contains_op",
    "convert_value",
    "delete_attr",
    "delete_global",
    "delete_name",
    "delete_subscr",
    "dict_merge",
    "dict_update",
    "for_iter",
    "format_simple",
    "format_with_spec",
    "get_aiter",
    "get_anext",
    "get_awaitable",
    "get_iter",
    "get_len",
    "get_yield_from_iter",
    "import_from",
    "import_name",
    "list_extend",
    "load_attr",
    "load_build_class",
    "load_from_dict_or_deref",
    "load_from_dict_or_globals",
    "load_global",
    "load_name",
    "load_special",
    "load_super_attr",
    "match_class",
    "match_keys",
    "send",
    "set_add",
    "set_update",
    "setup_annotations",
    "store_attr",
    "store_name",
    "store_slice",
    "store_subscr",
    "to_bool",
    "unary_invert",
    "unary_negative",
    "unpack_ex",
    "unpack_sequence",
    "with_except_start",
];

/// Whether `handler` is in [`OUTLINED`] (evaluated at compile time).
const fn outlined(handler: &str) -> bool {
    let mut i = 0;
    while i < OUTLINED.len() {
        if const_str_eq(OUTLINED[i], handler) {
            return true;
        }
        i += 1;
    }
    false
}

const fn const_str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

macro_rules! tail_table {
    ($(($num:literal, $name:ident, $handler:ident)),* $(,)?) => {
        // One module per opcode so each entry's symbol names its opcode
        // (`tailcall::BINARY_OP::entry`) in profiles and disassembly; the
        // sibling-call check in `tools/check_tailcalls.py` relies on it.
        $(
            #[allow(non_snake_case)]
            mod $name {
                use super::*;
                pub(super) fn entry(st: &mut EvalState, ip: *const CodeUnit, sp: *mut Slot, frame: *mut Frame, oparg: u32) -> Out {
                    let mut r = Regs { ip, sp, frame, oparg };
                    crate::vm::dispatch::observe(st, &r, $num);
                    const OUT_OF_LINE: bool = outlined(stringify!($handler));
                    let result = if OUT_OF_LINE {
                        let (result, nr) = body(st, r);
                        r = nr;
                        result
                    } else {
                        handlers::$handler(st, &mut r)
                    };
                    match result {
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

                /// The handler run out of line, registers in and out by
                /// value (see [`OUTLINED`]).
                #[inline(never)]
                fn body(st: &mut EvalState, mut r: Regs) -> (OpResult, Regs) {
                    let result = handlers::$handler(st, &mut r);
                    (result, r)
                }
            }
        )*
        /// One entry per opcode byte.
        pub static TAIL: [TailFn; 256] = [$($name::entry as TailFn),*];
    };
}
crate::for_each_opcode!(tail_table);

/// The error path, entered by tail call with the raise parked in
/// `EvalState::pending`.
///
/// The unwinding itself happens out of line and leaves the handler's
/// registers in `EvalState::regs`, so this function has nothing on its
/// stack frame when it tail-calls the handler (see [`OUTLINED`]).
#[cold]
#[inline(never)]
fn error_entry(
    st: &mut EvalState,
    ip: *const CodeUnit,
    sp: *mut Slot,
    frame: *mut Frame,
    oparg: u32,
) -> Out {
    if !unwind_pending(st, ip, sp, frame, oparg) {
        finish!()
    }
    let mut r = st.regs;
    let u = r.this_unit();
    r.oparg = u.arg as u32;
    become_!(st, TAIL[u.op as usize], r)
}

/// Unwinds the parked raise; true if a handler caught it, its registers in
/// `EvalState::regs`.
#[inline(never)]
fn unwind_pending(
    st: &mut EvalState,
    ip: *const CodeUnit,
    sp: *mut Slot,
    frame: *mut Frame,
    oparg: u32,
) -> bool {
    let r = Regs {
        ip,
        sp,
        frame,
        oparg,
    };
    let Some(raise) = st.pending.take() else {
        return false;
    };
    match handle_error(st, r, raise) {
        Some(nr) => {
            st.regs = nr;
            true
        }
        None => false,
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
