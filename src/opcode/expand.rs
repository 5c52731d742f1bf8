//! The macros that turn the rows of `table.rs` into Rust items.
//!
//! `table.rs` holds the instruction set once, as the rows of
//! `__opcode_table!` and `__pseudo_opcode_table!`; each of those hands its
//! rows, with a selector, to the expander here. A selector names one view of
//! the table: the `(number, NAME, handler)` triples `for_each_opcode!`
//! promises, the `op` constants, the `OPCODES` array, the stack-effect
//! functions. Adding a view means adding an arm here, never a second list.
//!
//! The table passes the identifier `oparg` ahead of its rows, so the
//! stack-effect expressions in the rows and the parameter the stack-effect
//! arm binds share one hygiene context and refer to the same variable.
//!
//! These macros are exported only because `for_each_opcode!` must reach them
//! through `$crate`; they are not an API.

/// Calls `$m! { $( ($num:literal, $NAME:ident, $handler:ident) ),* }` with
/// one row per byte value, 0..=255 in order.
///
/// - `$NAME` is CPython's name (`BINARY_OP_ADD_INT`), or `UNUSED_<n>` for a
///   number CPython 3.14 leaves unassigned.
/// - `$handler` is the snake_case name of the function that executes the
///   slot: the opcode's own name for a base opcode (`load_fast`), the base
///   opcode's for a specialised form (`BINARY_OP_ADD_INT` -> `binary_op`,
///   per `_PyOpcode_Deopt`) and for an instrumented form
///   (`INSTRUMENTED_CALL` -> `call`); `instrumented_line`,
///   `instrumented_instruction` and `enter_executor` for the three slots
///   that have no base; `unknown_opcode` for unassigned numbers.
///
/// ```
/// macro_rules! count {
///     ($( ($num:literal, $name:ident, $handler:ident) ),*) => { [$($num),*].len() };
/// }
/// assert_eq!(pyrs::for_each_opcode!(count), 256);
/// ```
#[macro_export]
macro_rules! for_each_opcode {
    ($m:ident) => {
        $crate::__opcode_table! { @handlers $m }
    };
}

/// Calls `$m! { $( ($num:literal, $NAME:ident) ),* }` with the eleven
/// pseudo opcodes, 256..=266 in order (`ANNOTATIONS_PLACEHOLDER`, `JUMP`,
/// ..., `STORE_FAST_MAYBE_NULL`).
#[macro_export]
macro_rules! for_each_pseudo_opcode {
    ($m:ident) => {
        $crate::__pseudo_opcode_table! { @names $m }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __opcode_expand {
    // The rows `for_each_opcode!` promises.
    ((@handlers $m:ident) $oparg:ident;
     $( ($num:literal, $NAME:ident, $handler:ident, $($rest:tt)*) ),* $(,)?) => {
        $m! { $( ($num, $NAME, $handler) ),* }
    };

    // `pub const NAME: u8 = number;` for every assigned number.
    ((@consts) $oparg:ident;
     $( ($num:literal, $NAME:ident, $handler:ident, $kind:ident $(($base:ident))?, $($rest:tt)*) ),* $(,)?) => {
        $( $crate::__opcode_expand! { @const $num, $NAME, $kind $(($base))? } )*
    };
    (@const $num:literal, $NAME:ident, unused) => {};
    (@const $num:literal, $NAME:ident, specialized($base:ident)) => {
        #[doc = concat!("Specialised form of [`", stringify!($base), "`].")]
        pub const $NAME: u8 = $num;
    };
    (@const $num:literal, $NAME:ident, instrumented($base:ident)) => {
        #[doc = concat!("Instrumented form of [`", stringify!($base), "`].")]
        pub const $NAME: u8 = $num;
    };
    (@const $num:literal, $NAME:ident, base) => {
        pub const $NAME: u8 = $num;
    };

    // The `[OpcodeInfo; 256]` array.
    ((@infos) $oparg:ident;
     $( ($num:literal, $NAME:ident, $handler:ident, $kind:ident $(($base:ident))?, $cache:literal,
         [$($flag:ident)*], $pop:expr, $push:expr) ),* $(,)?) => {
        [ $( $crate::opcode::OpcodeInfo {
            name: stringify!($NAME),
            cache_entries: $cache,
            flags: 0 $(| $crate::opcode::flags::$flag)*,
            deopt: $crate::__opcode_expand!(@deopt $num, $kind $(($base))?),
            deinstrument: $crate::__opcode_expand!(@deinstrument $num, $kind $(($base))?),
        } ),* ]
    };
    (@deopt $num:literal, specialized($base:ident)) => { $crate::opcode::op::$base };
    (@deopt $num:literal, $($kind:tt)*) => { $num };
    (@deinstrument $num:literal, instrumented($base:ident)) => { $crate::opcode::op::$base };
    (@deinstrument $num:literal, $($kind:tt)*) => { $num };

    // `[bool; 256]`: does CPython 3.14 assign this number?
    ((@valid) $oparg:ident;
     $( ($num:literal, $NAME:ident, $handler:ident, $kind:ident $($rest:tt)*) ),* $(,)?) => {
        [ $( $crate::__opcode_expand!(@is_valid $kind) ),* ]
    };
    (@is_valid unused) => { false };
    (@is_valid $kind:ident) => { true };

    // `_PyOpcode_num_popped` and `_PyOpcode_num_pushed` over the real
    // opcodes. `oparg` is the C `int` oparg widened to i64; the match is
    // exhaustive over u8, so a missing row is a compile error.
    ((@stack_effects) $oparg:ident;
     $( ($num:literal, $NAME:ident, $handler:ident, $kind:ident $(($base:ident))?, $cache:literal,
         [$($flag:ident)*], $pop:expr, $push:expr) ),* $(,)?) => {
        /// The expression `_PyOpcode_num_popped` gives for `op`, in i64.
        pub(super) const fn real_popped(op: u8, $oparg: i64) -> Option<i64> {
            match op { $( $num => $pop, )* }
        }
        /// The expression `_PyOpcode_num_pushed` gives for `op`, in i64.
        pub(super) const fn real_pushed(op: u8, $oparg: i64) -> Option<i64> {
            match op { $( $num => $push, )* }
        }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __pseudo_opcode_expand {
    // The rows `for_each_pseudo_opcode!` promises.
    ((@names $m:ident) $oparg:ident; $( ($num:literal, $NAME:ident, $($rest:tt)*) ),* $(,)?) => {
        $m! { $( ($num, $NAME) ),* }
    };

    // `pub const NAME: u16 = number;`
    ((@consts) $oparg:ident; $( ($num:literal, $NAME:ident, $($rest:tt)*) ),* $(,)?) => {
        $( pub const $NAME: u16 = $num; )*
    };

    // The `[PseudoInfo; 11]` array.
    ((@infos) $oparg:ident;
     $( ($num:literal, $NAME:ident, [$($flag:ident)*], [$($target:ident)*], $seq:literal,
         $pop:expr, $push:expr) ),* $(,)?) => {
        [ $( $crate::opcode::PseudoInfo {
            number: $num,
            name: stringify!($NAME),
            flags: 0 $(| $crate::opcode::flags::$flag)*,
            targets: &[$($crate::opcode::op::$target),*],
            targets_are_sequence: $seq,
        } ),* ]
    };

    // The pseudo opcodes' cases of `_PyOpcode_num_popped`/`_pushed`.
    ((@stack_effects) $oparg:ident;
     $( ($num:literal, $NAME:ident, [$($flag:ident)*], [$($target:ident)*], $seq:literal,
         $pop:expr, $push:expr) ),* $(,)?) => {
        /// The expression `_PyOpcode_num_popped` gives for pseudo `op`, in i64.
        pub(super) const fn pseudo_popped(op: u16, $oparg: i64) -> Option<i64> {
            // No pseudo opcode's effect depends on its oparg in 3.14.
            let _ = $oparg;
            match op { $( $num => $pop, )* _ => None }
        }
        /// The expression `_PyOpcode_num_pushed` gives for pseudo `op`, in i64.
        pub(super) const fn pseudo_pushed(op: u16, $oparg: i64) -> Option<i64> {
            let _ = $oparg;
            match op { $( $num => $push, )* _ => None }
        }
    };
}
