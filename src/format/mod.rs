//! Text formatting of numbers and strings (filled in by the format work).
