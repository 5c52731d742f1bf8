//! The embedding API: `Interpreter`, which runs code objects and `.pyc`
//! files and reports what happened, and `InterruptHandle`, which stops a
//! running interpreter from another thread.

mod interpreter;

pub use crate::vm::{Config, InterruptHandle};
pub use interpreter::{Interpreter, Outcome, SourceInput};
