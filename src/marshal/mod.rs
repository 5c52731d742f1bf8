//! Reading and writing CPython 3.14 marshal data (filled in by the marshal work).
