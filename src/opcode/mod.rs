//! The CPython 3.14 instruction set as data (filled in by the opcode work).
