//! pyrs: a Python 3.14 implementation whose heart is a port of CPython 3.14's
//! eval loop. See `README.md` for how to run it and `docs/architecture.md`
//! for how the pieces fit.

pub mod format;
pub mod marshal;
pub mod opcode;
pub mod unicode;
