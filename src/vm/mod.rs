//! The eval loop: a port of CPython 3.14's `_PyEval_EvalFrameDefault`.
//!
//! - `handlers/`: one function per opcode, written once, over the hot
//!   registers (`regs.rs`); names follow CPython's opcodes.
//! - `dispatch/`: the three backends (table, tail call, switch) that chain
//!   those handlers; exactly one is compiled in.
//! - `eval.rs`: entering the loop; `unwind.rs`: the error path and the
//!   exception table; `call.rs`: calls and argument binding; `verify.rs`:
//!   the bytecode checks that make the unchecked stack primitives sound.

pub mod breaker;
pub mod call;
pub mod dispatch;
pub mod eval;
pub mod exception_table;
pub mod frame;
pub mod gen_frame;
pub mod handlers;
pub mod identifiers;
pub mod init;
pub mod linetable;
pub mod load;
pub mod native_stack;
pub(crate) mod null;
pub mod regs;
pub mod state;
#[cfg(feature = "stats")]
pub mod stats;
pub mod suggestions;
pub mod tb_print;
#[cfg(feature = "trace")]
pub mod trace;
pub mod unload;
pub mod unwind;
pub mod verify;

pub use breaker::InterruptHandle;
pub use eval::{Control, EvalState, OpResult, Raise};
pub use null::{null_ref, null_value};
pub use state::{Config, Vm};
