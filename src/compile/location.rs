//! Source positions of instructions (CPython's `_Py_SourceLocation`).

/// Where an instruction comes from: 1-based lines, 0-based columns counted
/// in UTF-8 bytes, as CPython's `co_positions()` reports them. `-1` in a
/// field means "unknown"; [`Location::NONE`] is CPython's `NO_LOCATION`
/// (an artificial instruction the line table marks as having no line).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    pub lineno: i32,
    pub end_lineno: i32,
    pub col_offset: i32,
    pub end_col_offset: i32,
}

impl Location {
    /// CPython's `NO_LOCATION`: `{-1, -1, -1, -1}`.
    pub const NONE: Location = Location {
        lineno: -1,
        end_lineno: -1,
        col_offset: -1,
        end_col_offset: -1,
    };

    /// CPython's `NEXT_LOCATION` marker (`{-2, -2, -2, -2}`): "same as the
    /// next instruction", resolved by the flow graph.
    pub const NEXT: Location = Location {
        lineno: -2,
        end_lineno: -2,
        col_offset: -2,
        end_col_offset: -2,
    };

    pub const fn new(lineno: i32, end_lineno: i32, col_offset: i32, end_col_offset: i32) -> Self {
        Location {
            lineno,
            end_lineno,
            col_offset,
            end_col_offset,
        }
    }

    /// `LOCATION(lineno, lineno, 0, 0)`-style: a line with no columns.
    pub const fn line(lineno: i32) -> Self {
        Location::new(lineno, lineno, 0, 0)
    }
}
