//! Dispatch backends: how the handlers are chained. Exactly one is compiled
//! in, chosen by cargo feature; each exports `run` and `BACKEND`.
//!
//! - `table`: a loop that fetches an opcode, calls `TABLE[op](&mut
//!   EvalState)` and acts on the returned `Control` (registers live in
//!   `EvalState`);
//! - `tailcall`: each handler ends by calling the next through a table in
//!   tail position, with the registers as arguments (relies on LLVM's
//!   sibling-call optimisation; falls back to a trampoline where that is
//!   not guaranteed);
//! - `switch`: one `match` on the opcode whose arms inline the handlers,
//!   registers in locals.
//!
//! With no feature named the default backend is used (see `BACKEND`).

#[cfg(any(
    all(feature = "dispatch-table", feature = "dispatch-tailcall"),
    all(feature = "dispatch-table", feature = "dispatch-switch"),
    all(feature = "dispatch-tailcall", feature = "dispatch-switch"),
))]
compile_error!(
    "name at most one of the features dispatch-table, dispatch-tailcall, dispatch-switch"
);

use crate::vm::EvalState;
use crate::vm::regs::Regs;

cfg_if::cfg_if! {
    if #[cfg(feature = "dispatch-table")] {
        mod table;
        pub use table::{run, BACKEND};
    } else if #[cfg(feature = "dispatch-tailcall")] {
        mod tailcall;
        pub use tailcall::{run, BACKEND};
    } else if #[cfg(feature = "dispatch-switch")] {
        mod switch;
        pub use switch::{run, BACKEND};
    } else {
        // The default: see the README for the measurements behind it.
        mod switch;
        pub use switch::{run, BACKEND};
    }
}

/// Called before every instruction: counts it (`stats`) and traces it
/// (`trace`). Compiles to nothing when both features are off.
#[inline(always)]
pub(crate) fn observe(st: &mut EvalState, r: &Regs, op: u8) {
    #[cfg(feature = "stats")]
    st.vm.stats.record(op);
    #[cfg(feature = "trace")]
    crate::vm::trace::instruction(st, r, op);
    let _ = (st, r, op);
}
