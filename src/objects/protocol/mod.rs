//! The generic object protocols, as methods on `Vm`: attribute access,
//! numbers, comparison, calls, iteration, sequences and mappings. These are
//! ports of `Objects/abstract.c` and `Objects/object.c`: they dispatch
//! through the slot tables and produce CPython's error messages.

pub mod attr;
pub mod call;
pub mod compare;
pub mod iter;
pub mod number;
pub mod seq;
