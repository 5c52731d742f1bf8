//! The small tables some instructions index with their oparg.
//!
//! `BINARY_OP 13` means `+=` because entry 13 of CPython's `NB_*` table is
//! `NB_INPLACE_ADD`; `CALL_INTRINSIC_1 3` means `INTRINSIC_STOPITERATION_ERROR`.
//! The eval loop dispatches on these, the compiler emits them and `dis`
//! prints them, so each table is one `#[repr]` enum whose discriminants are
//! CPython's own constants (generated into `table.rs`), with the name `dis`
//! shows. Decoding an oparg never panics: an out-of-range value is an
//! [`OpargOutOfRange`] error.

use std::borrow::Cow;
use std::fmt;

use super::table::*;
use super::{base_opcode, op};

/// An oparg outside the table its instruction indexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpargOutOfRange {
    /// The table (`"BINARY_OP"`, `"CALL_INTRINSIC_1"`, ...).
    pub table: &'static str,
    /// The offending value.
    pub oparg: u32,
}

impl fmt::Display for OpargOutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "oparg {} is out of range for {}", self.oparg, self.table)
    }
}

impl std::error::Error for OpargOutOfRange {}

/// Declares a `#[repr(u8)]` enum over one of CPython's `u8` oparg tables:
/// each variant is `Name = C_CONSTANT => "what dis prints"`.
macro_rules! oparg_table {
    (
        $(#[$meta:meta])*
        pub enum $Enum:ident for $table:literal {
            $( $(#[$vmeta:meta])* $Variant:ident = $CONST:ident => $repr:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum $Enum {
            $( $(#[$vmeta])* $Variant = $CONST, )*
        }

        impl $Enum {
            /// Every entry, in oparg order.
            pub const ALL: &'static [Self] = &[$(Self::$Variant),*];

            /// The entry an oparg selects, if any.
            pub const fn from_oparg(oparg: u32) -> Option<Self> {
                $( if oparg == $CONST as u32 { return Some(Self::$Variant); } )*
                None
            }

            /// The oparg that selects this entry.
            pub const fn oparg(self) -> u32 {
                self as u32
            }

            /// CPython's name for the entry's constant.
            pub const fn c_name(self) -> &'static str {
                match self { $( Self::$Variant => stringify!($CONST), )* }
            }

            /// What `dis` shows as the instruction's argrepr.
            pub const fn repr(self) -> &'static str {
                match self { $( Self::$Variant => $repr, )* }
            }
        }

        impl TryFrom<u32> for $Enum {
            type Error = OpargOutOfRange;
            fn try_from(oparg: u32) -> Result<Self, OpargOutOfRange> {
                Self::from_oparg(oparg).ok_or(OpargOutOfRange { table: $table, oparg })
            }
        }

        impl From<$Enum> for u32 {
            fn from(entry: $Enum) -> u32 {
                entry.oparg()
            }
        }
    };
}

oparg_table! {
    /// `BINARY_OP`'s oparg: the `NB_*` operations (`dis._nb_ops`).
    pub enum BinaryOp for "BINARY_OP" {
        Add = NB_ADD => "+",
        And = NB_AND => "&",
        FloorDivide = NB_FLOOR_DIVIDE => "//",
        Lshift = NB_LSHIFT => "<<",
        MatrixMultiply = NB_MATRIX_MULTIPLY => "@",
        Multiply = NB_MULTIPLY => "*",
        Remainder = NB_REMAINDER => "%",
        Or = NB_OR => "|",
        Power = NB_POWER => "**",
        Rshift = NB_RSHIFT => ">>",
        Subtract = NB_SUBTRACT => "-",
        TrueDivide = NB_TRUE_DIVIDE => "/",
        Xor = NB_XOR => "^",
        InplaceAdd = NB_INPLACE_ADD => "+=",
        InplaceAnd = NB_INPLACE_AND => "&=",
        InplaceFloorDivide = NB_INPLACE_FLOOR_DIVIDE => "//=",
        InplaceLshift = NB_INPLACE_LSHIFT => "<<=",
        InplaceMatrixMultiply = NB_INPLACE_MATRIX_MULTIPLY => "@=",
        InplaceMultiply = NB_INPLACE_MULTIPLY => "*=",
        InplaceRemainder = NB_INPLACE_REMAINDER => "%=",
        InplaceOr = NB_INPLACE_OR => "|=",
        InplacePower = NB_INPLACE_POWER => "**=",
        InplaceRshift = NB_INPLACE_RSHIFT => ">>=",
        InplaceSubtract = NB_INPLACE_SUBTRACT => "-=",
        InplaceTrueDivide = NB_INPLACE_TRUE_DIVIDE => "/=",
        InplaceXor = NB_INPLACE_XOR => "^=",
        /// `container[key]`, BINARY_SUBSCR before 3.14.
        Subscr = NB_SUBSCR => "[]",
    }
}

impl BinaryOp {
    /// The operator as `dis` prints it (`"+"`, `"+="`, `"[]"`).
    pub const fn symbol(self) -> &'static str {
        self.repr()
    }

    /// Whether this is an augmented assignment (`+=` and friends).
    pub const fn is_inplace(self) -> bool {
        (self as u8) >= NB_INPLACE_ADD && (self as u8) <= NB_INPLACE_XOR
    }

    /// The plain operator an in-place one falls back to (`+=` -> `+`);
    /// other operators map to themselves.
    pub const fn without_inplace(self) -> Self {
        if self.is_inplace() {
            match Self::from_oparg((self as u32) - (NB_INPLACE_ADD as u32)) {
                Some(plain) => plain,
                None => self,
            }
        } else {
            self
        }
    }
}

oparg_table! {
    /// `CALL_INTRINSIC_1`'s oparg (`_PyIntrinsics_UnaryFunctions`).
    pub enum Intrinsic1 for "CALL_INTRINSIC_1" {
        /// Slot 0, which raises SystemError if executed.
        Invalid = INTRINSIC_1_INVALID => "INTRINSIC_1_INVALID",
        Print = INTRINSIC_PRINT => "INTRINSIC_PRINT",
        ImportStar = INTRINSIC_IMPORT_STAR => "INTRINSIC_IMPORT_STAR",
        StopIterationError = INTRINSIC_STOPITERATION_ERROR => "INTRINSIC_STOPITERATION_ERROR",
        AsyncGenWrap = INTRINSIC_ASYNC_GEN_WRAP => "INTRINSIC_ASYNC_GEN_WRAP",
        UnaryPositive = INTRINSIC_UNARY_POSITIVE => "INTRINSIC_UNARY_POSITIVE",
        ListToTuple = INTRINSIC_LIST_TO_TUPLE => "INTRINSIC_LIST_TO_TUPLE",
        TypeVar = INTRINSIC_TYPEVAR => "INTRINSIC_TYPEVAR",
        ParamSpec = INTRINSIC_PARAMSPEC => "INTRINSIC_PARAMSPEC",
        TypeVarTuple = INTRINSIC_TYPEVARTUPLE => "INTRINSIC_TYPEVARTUPLE",
        SubscriptGeneric = INTRINSIC_SUBSCRIPT_GENERIC => "INTRINSIC_SUBSCRIPT_GENERIC",
        TypeAlias = INTRINSIC_TYPEALIAS => "INTRINSIC_TYPEALIAS",
    }
}

oparg_table! {
    /// `CALL_INTRINSIC_2`'s oparg (`_PyIntrinsics_BinaryFunctions`).
    pub enum Intrinsic2 for "CALL_INTRINSIC_2" {
        /// Slot 0, which raises SystemError if executed.
        Invalid = INTRINSIC_2_INVALID => "INTRINSIC_2_INVALID",
        PrepReraiseStar = INTRINSIC_PREP_RERAISE_STAR => "INTRINSIC_PREP_RERAISE_STAR",
        TypeVarWithBound = INTRINSIC_TYPEVAR_WITH_BOUND => "INTRINSIC_TYPEVAR_WITH_BOUND",
        TypeVarWithConstraints = INTRINSIC_TYPEVAR_WITH_CONSTRAINTS => "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
        SetFunctionTypeParams = INTRINSIC_SET_FUNCTION_TYPE_PARAMS => "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
        SetTypeParamDefault = INTRINSIC_SET_TYPEPARAM_DEFAULT => "INTRINSIC_SET_TYPEPARAM_DEFAULT",
    }
}

oparg_table! {
    /// `LOAD_COMMON_CONSTANT`'s oparg (`opcode._common_constants`): builtins
    /// the compiler may load without a `co_consts` entry. `dis` prints a
    /// type by its name and a function by its repr.
    pub enum CommonConstant for "LOAD_COMMON_CONSTANT" {
        AssertionError = CONSTANT_ASSERTIONERROR => "AssertionError",
        NotImplementedError = CONSTANT_NOTIMPLEMENTEDERROR => "NotImplementedError",
        BuiltinTuple = CONSTANT_BUILTIN_TUPLE => "tuple",
        BuiltinAll = CONSTANT_BUILTIN_ALL => "<built-in function all>",
        BuiltinAny = CONSTANT_BUILTIN_ANY => "<built-in function any>",
    }
}

impl CommonConstant {
    /// The name the object has in `builtins`.
    pub const fn builtin_name(self) -> &'static str {
        match self {
            Self::AssertionError => "AssertionError",
            Self::NotImplementedError => "NotImplementedError",
            Self::BuiltinTuple => "tuple",
            Self::BuiltinAll => "all",
            Self::BuiltinAny => "any",
        }
    }
}

oparg_table! {
    /// `LOAD_SPECIAL`'s oparg (`_Py_SpecialMethods`, `dis._special_method_names`).
    pub enum SpecialMethod for "LOAD_SPECIAL" {
        Enter = SPECIAL___ENTER__ => "__enter__",
        Exit = SPECIAL___EXIT__ => "__exit__",
        AEnter = SPECIAL___AENTER__ => "__aenter__",
        AExit = SPECIAL___AEXIT__ => "__aexit__",
    }
}

impl SpecialMethod {
    /// The dunder method's name.
    pub const fn method_name(self) -> &'static str {
        self.repr()
    }
}

oparg_table! {
    /// `CONVERT_VALUE`'s oparg: the `!s`, `!r`, `!a` of an f-string field.
    /// (0, `FVC_NONE`, means no conversion and is never emitted.)
    pub enum Conversion for "CONVERT_VALUE" {
        Str = FVC_STR => "str",
        Repr = FVC_REPR => "repr",
        Ascii = FVC_ASCII => "ascii",
    }
}

/// `COMPARE_OP`'s operator: `oparg >> 5` indexes `dis.cmp_op`, in the order
/// of CPython's `Py_LT` ... `Py_GE` rich-comparison codes.
///
/// The rest of the oparg: bit 4 (`oparg & 16`) asks for the result to be
/// converted to `bool` (the compiler sets it when a branch consumes the
/// comparison); bits 0..=3 are the `COMPARISON_*` mask of outcomes for which
/// the comparison is true, which the specialised forms test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum CompareOp {
    /// `<`, `Py_LT`.
    Lt = 0,
    /// `<=`, `Py_LE`.
    Le = 1,
    /// `==`, `Py_EQ`.
    Eq = 2,
    /// `!=`, `Py_NE`.
    Ne = 3,
    /// `>`, `Py_GT`.
    Gt = 4,
    /// `>=`, `Py_GE`.
    Ge = 5,
}

/// `COMPARE_OP`'s "convert the result to bool" bit.
pub const COMPARE_OP_TO_BOOL: u32 = 16;

impl CompareOp {
    /// Every operator, in index order (`dis.cmp_op`).
    pub const ALL: [Self; 6] = [Self::Lt, Self::Le, Self::Eq, Self::Ne, Self::Gt, Self::Ge];

    /// The operator an index (`oparg >> 5`) selects.
    pub const fn from_index(index: u32) -> Option<Self> {
        match index {
            0 => Some(Self::Lt),
            1 => Some(Self::Le),
            2 => Some(Self::Eq),
            3 => Some(Self::Ne),
            4 => Some(Self::Gt),
            5 => Some(Self::Ge),
            _ => None,
        }
    }

    /// The operator of a whole `COMPARE_OP` oparg.
    pub const fn from_oparg(oparg: u32) -> Option<Self> {
        Self::from_index(oparg >> 5)
    }

    /// Whether a `COMPARE_OP` oparg asks for a `bool` result.
    pub const fn converts_to_bool(oparg: u32) -> bool {
        oparg & COMPARE_OP_TO_BOOL != 0
    }

    /// The operator's symbol (`dis.cmp_op`).
    pub const fn symbol(self) -> &'static str {
        match self {
            Self::Lt => "<",
            Self::Le => "<=",
            Self::Eq => "==",
            Self::Ne => "!=",
            Self::Gt => ">",
            Self::Ge => ">=",
        }
    }

    /// CPython's rich-comparison constant name (`Py_LT`).
    pub const fn c_name(self) -> &'static str {
        match self {
            Self::Lt => "Py_LT",
            Self::Le => "Py_LE",
            Self::Eq => "Py_EQ",
            Self::Ne => "Py_NE",
            Self::Gt => "Py_GT",
            Self::Ge => "Py_GE",
        }
    }

    /// The `COMPARISON_*` outcomes for which the comparison holds (the
    /// compiler's `compare_masks`).
    pub const fn mask(self) -> u32 {
        match self {
            Self::Lt => COMPARISON_LESS_THAN,
            Self::Le => COMPARISON_LESS_THAN | COMPARISON_EQUALS,
            Self::Eq => COMPARISON_EQUALS,
            Self::Ne => COMPARISON_NOT_EQUALS,
            Self::Gt => COMPARISON_GREATER_THAN,
            Self::Ge => COMPARISON_GREATER_THAN | COMPARISON_EQUALS,
        }
    }

    /// The oparg the compiler emits: index, bool bit, mask.
    pub const fn oparg(self, to_bool: bool) -> u32 {
        ((self as u32) << 5) | if to_bool { COMPARE_OP_TO_BOOL } else { 0 } | self.mask()
    }
}

impl TryFrom<u32> for CompareOp {
    type Error = OpargOutOfRange;
    /// From the operator index (`oparg >> 5`), not the whole oparg.
    fn try_from(index: u32) -> Result<Self, OpargOutOfRange> {
        Self::from_index(index).ok_or(OpargOutOfRange {
            table: "COMPARE_OP",
            oparg: index,
        })
    }
}

/// One attribute `SET_FUNCTION_ATTRIBUTE` stores; the same bits make up the
/// historical `MAKE_FUNCTION` flag set (`MAKE_FUNCTION_*`). In bit order,
/// which is the order of `dis.FUNCTION_ATTR_FLAGS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u32)]
pub enum FunctionAttribute {
    /// `__defaults__`.
    Defaults = MAKE_FUNCTION_DEFAULTS,
    /// `__kwdefaults__`.
    KwDefaults = MAKE_FUNCTION_KWDEFAULTS,
    /// `__annotations__` (a tuple of name/value pairs).
    Annotations = MAKE_FUNCTION_ANNOTATIONS,
    /// `__closure__`.
    Closure = MAKE_FUNCTION_CLOSURE,
    /// `__annotate__` (PEP 649).
    Annotate = MAKE_FUNCTION_ANNOTATE,
}

impl FunctionAttribute {
    /// Every attribute, in bit order.
    pub const ALL: [Self; 5] = [
        Self::Defaults,
        Self::KwDefaults,
        Self::Annotations,
        Self::Closure,
        Self::Annotate,
    ];

    /// The attribute whose bit is exactly `oparg`.
    pub const fn from_oparg(oparg: u32) -> Option<Self> {
        match oparg {
            MAKE_FUNCTION_DEFAULTS => Some(Self::Defaults),
            MAKE_FUNCTION_KWDEFAULTS => Some(Self::KwDefaults),
            MAKE_FUNCTION_ANNOTATIONS => Some(Self::Annotations),
            MAKE_FUNCTION_CLOSURE => Some(Self::Closure),
            MAKE_FUNCTION_ANNOTATE => Some(Self::Annotate),
            _ => None,
        }
    }

    /// The attribute's flag bit.
    pub const fn bit(self) -> u32 {
        self as u32
    }

    /// The name `dis` uses (`dis.FUNCTION_ATTR_FLAGS`).
    pub const fn repr(self) -> &'static str {
        match self {
            Self::Defaults => "defaults",
            Self::KwDefaults => "kwdefaults",
            Self::Annotations => "annotations",
            Self::Closure => "closure",
            Self::Annotate => "annotate",
        }
    }
}

impl TryFrom<u32> for FunctionAttribute {
    type Error = OpargOutOfRange;
    fn try_from(oparg: u32) -> Result<Self, OpargOutOfRange> {
        Self::from_oparg(oparg).ok_or(OpargOutOfRange {
            table: "SET_FUNCTION_ATTRIBUTE",
            oparg,
        })
    }
}

/// Where a `RESUME` sits: the low two bits of its oparg.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum ResumeLocation {
    /// The start of the function body.
    AtFuncStart = RESUME_AT_FUNC_START,
    /// After a `yield`.
    AfterYield = RESUME_AFTER_YIELD,
    /// After a `yield from`.
    AfterYieldFrom = RESUME_AFTER_YIELD_FROM,
    /// After an `await`.
    AfterAwait = RESUME_AFTER_AWAIT,
}

impl ResumeLocation {
    /// The location of a `RESUME` oparg (`oparg & RESUME_OPARG_LOCATION_MASK`);
    /// every oparg has one.
    pub const fn from_oparg(oparg: u32) -> Self {
        match oparg & RESUME_OPARG_LOCATION_MASK {
            RESUME_AT_FUNC_START => Self::AtFuncStart,
            RESUME_AFTER_YIELD => Self::AfterYield,
            RESUME_AFTER_YIELD_FROM => Self::AfterYieldFrom,
            _ => Self::AfterAwait,
        }
    }

    /// Whether a `RESUME` oparg marks a yield at exception-depth 1
    /// (`RESUME_OPARG_DEPTH1_MASK`).
    pub const fn is_depth1(oparg: u32) -> bool {
        oparg & RESUME_OPARG_DEPTH1_MASK != 0
    }
}

impl TryFrom<u32> for ResumeLocation {
    type Error = OpargOutOfRange;
    /// Exactly a location value (0..=3); use [`ResumeLocation::from_oparg`]
    /// to decode a whole oparg.
    fn try_from(value: u32) -> Result<Self, OpargOutOfRange> {
        if value <= RESUME_OPARG_LOCATION_MASK {
            Ok(Self::from_oparg(value))
        } else {
            Err(OpargOutOfRange {
                table: "RESUME",
                oparg: value,
            })
        }
    }
}

/// `LOAD_GLOBAL`'s oparg: (index into `co_names`, also push NULL).
pub const fn split_load_global(oparg: u32) -> (u32, bool) {
    (oparg >> 1, oparg & 1 != 0)
}

/// `LOAD_ATTR`'s oparg: (index into `co_names`, load as method).
pub const fn split_load_attr(oparg: u32) -> (u32, bool) {
    (oparg >> 1, oparg & 1 != 0)
}

/// `LOAD_SUPER_ATTR`'s oparg: (index into `co_names`, load as method,
/// two-argument `super(cls, self)` form).
pub const fn split_load_super_attr(oparg: u32) -> (u32, bool, bool) {
    (oparg >> 2, oparg & 1 != 0, oparg & 2 != 0)
}

/// The two locals of `LOAD_FAST_LOAD_FAST`, `LOAD_FAST_BORROW_LOAD_FAST_BORROW`,
/// `STORE_FAST_LOAD_FAST` and `STORE_FAST_STORE_FAST`: (first, second).
pub const fn split_fast_pair(oparg: u32) -> (u32, u32) {
    (oparg >> 4, oparg & 15)
}

/// The argrepr `dis` prints for instructions whose oparg is self-describing
/// (it needs no code object): `COMPARE_OP`, `CONVERT_VALUE`,
/// `SET_FUNCTION_ATTRIBUTE`, `BINARY_OP`, `CALL_INTRINSIC_1/2`,
/// `LOAD_COMMON_CONSTANT`, `LOAD_SPECIAL`, `IS_OP` and `CONTAINS_OP`, and
/// their specialised and instrumented forms. `None` for other opcodes and
/// for opargs outside the table (where `dis` itself raises IndexError).
pub fn simple_argrepr(opcode: u8, oparg: u32) -> Option<Cow<'static, str>> {
    let text: Cow<'static, str> = match base_opcode(opcode) {
        op::COMPARE_OP => {
            let symbol = CompareOp::from_oparg(oparg)?.symbol();
            if CompareOp::converts_to_bool(oparg) {
                format!("bool({symbol})").into()
            } else {
                symbol.into()
            }
        }
        op::CONVERT_VALUE => match oparg {
            0 => "".into(),
            _ => Conversion::from_oparg(oparg)?.repr().into(),
        },
        op::SET_FUNCTION_ATTRIBUTE => {
            let names: Vec<&str> = FunctionAttribute::ALL
                .iter()
                .filter(|a| oparg & a.bit() != 0)
                .map(|a| a.repr())
                .collect();
            names.join(", ").into()
        }
        op::BINARY_OP => BinaryOp::from_oparg(oparg)?.repr().into(),
        op::CALL_INTRINSIC_1 => Intrinsic1::from_oparg(oparg)?.repr().into(),
        op::CALL_INTRINSIC_2 => Intrinsic2::from_oparg(oparg)?.repr().into(),
        op::LOAD_COMMON_CONSTANT => CommonConstant::from_oparg(oparg)?.repr().into(),
        op::LOAD_SPECIAL => SpecialMethod::from_oparg(oparg)?.repr().into(),
        op::IS_OP => (if oparg != 0 { "is not" } else { "is" }).into(),
        op::CONTAINS_OP => (if oparg != 0 { "not in" } else { "in" }).into(),
        _ => return None,
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_round_trip() {
        for &entry in BinaryOp::ALL {
            assert_eq!(BinaryOp::try_from(entry.oparg()), Ok(entry));
        }
        // The enums cover CPython's tables exactly.
        assert_eq!(BinaryOp::ALL.len(), usize::from(NB_OPARG_LAST) + 1);
        assert_eq!(Intrinsic1::ALL.len(), usize::from(MAX_INTRINSIC_1) + 1);
        assert_eq!(Intrinsic2::ALL.len(), usize::from(MAX_INTRINSIC_2) + 1);
        assert_eq!(CommonConstant::ALL.len(), usize::from(NUM_COMMON_CONSTANTS));
        assert_eq!(SpecialMethod::ALL.len(), usize::from(SPECIAL_MAX) + 1);
        assert_eq!(BinaryOp::ALL.len(), 27);
        assert!(BinaryOp::try_from(27).is_err());
        assert_eq!(BinaryOp::InplaceAdd.without_inplace(), BinaryOp::Add);
        assert_eq!(BinaryOp::InplaceXor.without_inplace(), BinaryOp::Xor);
        assert_eq!(BinaryOp::Subscr.without_inplace(), BinaryOp::Subscr);
        assert_eq!(BinaryOp::InplaceAdd.c_name(), "NB_INPLACE_ADD");
        assert_eq!(
            Intrinsic1::try_from(1).map(Intrinsic1::repr),
            Ok("INTRINSIC_PRINT")
        );
        assert!(Intrinsic2::try_from(u32::MAX).is_err());
        assert!(Conversion::try_from(0).is_err());
        assert_eq!(SpecialMethod::AExit.method_name(), "__aexit__");
    }

    #[test]
    fn compare_op_opargs_match_the_compiler() {
        // python3.14: `a <= b` gives COMPARE_OP 42, `if a != b:` gives 119.
        assert_eq!(CompareOp::Le.oparg(false), 42);
        assert_eq!(CompareOp::Ne.oparg(true), 119);
        assert_eq!(CompareOp::from_oparg(119), Some(CompareOp::Ne));
        assert!(CompareOp::converts_to_bool(119));
        assert_eq!(CompareOp::from_oparg(6 << 5), None);
        assert_eq!(
            simple_argrepr(op::COMPARE_OP, 188).as_deref(),
            Some("bool(>=)")
        );
    }

    #[test]
    fn resume_and_function_attributes() {
        assert_eq!(ResumeLocation::from_oparg(5), ResumeLocation::AfterYield);
        assert!(ResumeLocation::is_depth1(5));
        assert!(ResumeLocation::try_from(4).is_err());
        assert_eq!(
            FunctionAttribute::try_from(8),
            Ok(FunctionAttribute::Closure)
        );
        assert!(FunctionAttribute::try_from(3).is_err());
        assert_eq!(
            simple_argrepr(op::SET_FUNCTION_ATTRIBUTE, 9).as_deref(),
            Some("defaults, closure")
        );
    }

    #[test]
    fn splits() {
        assert_eq!(split_load_global(7), (3, true));
        assert_eq!(split_load_super_attr(0b1110), (3, false, true));
        assert_eq!(split_fast_pair(0x12), (1, 2));
        assert_eq!(simple_argrepr(op::LOAD_FAST, 0), None);
    }
}
