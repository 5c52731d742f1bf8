//! CPython's abstract syntax tree (`Parser/Python.asdl`, 3.14), the shape
//! the symbol table and code generation are written against.
//!
//! The parser (`ruff_python_parser`) produces its own tree; [`super::parse`]
//! lowers it into this one so that the later passes can follow CPython's C
//! code node for node: positions are CPython's (1-based lines, 0-based
//! UTF-8 byte columns, the ranges `ast.parse` reports), string literals are
//! already merged into `Constant`/`JoinedStr`/`TemplateStr` nodes, names
//! carry their `ctx`.
//!
//! Nodes that open a scope carry a [`NodeId`]; the symbol table is keyed by
//! it (CPython keys it by the node's address).

pub mod dump;

use super::location::Location;
use num_bigint::BigInt;

/// A source range (CPython's `lineno`, `end_lineno`, `col_offset`,
/// `end_col_offset` attributes).
pub type Loc = Location;

/// Identity of a node that opens a scope (unique within one compilation).
pub type NodeId = u32;

/// The key of a symbol table block: CPython uses the AST node's address,
/// and `address + 1` for a second block owned by the same node (a type
/// parameter's default, the annotation block of a class or module).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ScopeKey(pub u64);

impl ScopeKey {
    pub fn of(id: NodeId) -> ScopeKey {
        ScopeKey(u64::from(id) << 1)
    }

    /// CPython's `(void *)((uintptr_t)key + 1)`.
    pub fn plus_one(self) -> ScopeKey {
        ScopeKey(self.0 | 1)
    }
}

/// `mod`: what was compiled.
#[derive(Debug)]
pub enum Mod {
    Module { id: NodeId, body: Vec<Stmt> },
    Interactive { id: NodeId, body: Vec<Stmt> },
    Expression { id: NodeId, body: Box<Expr> },
}

impl Mod {
    pub fn id(&self) -> NodeId {
        match self {
            Mod::Module { id, .. } | Mod::Interactive { id, .. } | Mod::Expression { id, .. } => {
                *id
            }
        }
    }
}

#[derive(Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub loc: Loc,
}

#[derive(Debug)]
pub enum StmtKind {
    /// `FunctionDef` and `AsyncFunctionDef`.
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Return(Option<Box<Expr>>),
    Delete(Vec<Expr>),
    Assign {
        targets: Vec<Expr>,
        value: Box<Expr>,
    },
    TypeAlias(Box<TypeAlias>),
    AugAssign {
        target: Box<Expr>,
        op: Operator,
        value: Box<Expr>,
    },
    AnnAssign {
        target: Box<Expr>,
        annotation: Box<Expr>,
        value: Option<Box<Expr>>,
        simple: bool,
    },
    /// `For` and `AsyncFor`.
    For {
        is_async: bool,
        target: Box<Expr>,
        iter: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    If {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `With` and `AsyncWith`.
    With {
        is_async: bool,
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    },
    Match {
        subject: Box<Expr>,
        cases: Vec<MatchCase>,
    },
    Raise {
        exc: Option<Box<Expr>>,
        cause: Option<Box<Expr>>,
    },
    /// `Try` and `TryStar`.
    Try {
        is_star: bool,
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    Assert {
        test: Box<Expr>,
        msg: Option<Box<Expr>>,
    },
    Import(Vec<Alias>),
    ImportFrom {
        module: Option<String>,
        names: Vec<Alias>,
        level: u32,
    },
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    Expr(Box<Expr>),
    Pass,
    Break,
    Continue,
}

#[derive(Debug)]
pub struct FunctionDef {
    /// The function's own scope.
    pub id: NodeId,
    pub is_async: bool,
    pub name: String,
    pub args: Arguments,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
    pub returns: Option<Box<Expr>>,
    pub type_params: TypeParams,
}

#[derive(Debug)]
pub struct ClassDef {
    pub id: NodeId,
    pub name: String,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
    pub type_params: TypeParams,
}

#[derive(Debug)]
pub struct TypeAlias {
    pub id: NodeId,
    /// Always a `Name` in Store context.
    pub name: Box<Expr>,
    pub type_params: TypeParams,
    pub value: Box<Expr>,
}

/// A (possibly empty) type parameter list; `id` keys the scope that
/// evaluates it when it is not empty.
#[derive(Debug, Default)]
pub struct TypeParams {
    pub id: NodeId,
    pub params: Vec<TypeParam>,
}

#[derive(Debug)]
pub struct TypeParam {
    pub id: NodeId,
    pub kind: TypeParamKind,
    pub name: String,
    /// `TypeVar` only.
    pub bound: Option<Box<Expr>>,
    pub default_value: Option<Box<Expr>>,
    pub loc: Loc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeParamKind {
    TypeVar,
    ParamSpec,
    TypeVarTuple,
}

/// `arguments`. `id` keys the annotation scope of a function's parameters.
#[derive(Debug, Default)]
pub struct Arguments {
    pub id: NodeId,
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Box<Arg>>,
    pub kwonlyargs: Vec<Arg>,
    /// One entry per keyword-only argument (None: no default).
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Box<Arg>>,
    pub defaults: Vec<Expr>,
}

#[derive(Debug)]
pub struct Arg {
    pub arg: String,
    pub annotation: Option<Box<Expr>>,
    pub loc: Loc,
}

#[derive(Debug)]
pub struct Keyword {
    /// None for `**value`.
    pub arg: Option<String>,
    pub value: Expr,
    pub loc: Loc,
}

#[derive(Debug)]
pub struct Alias {
    pub name: String,
    pub asname: Option<String>,
    pub loc: Loc,
}

#[derive(Debug)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Box<Expr>>,
}

#[derive(Debug)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Box<Expr>>,
    pub body: Vec<Stmt>,
}

#[derive(Debug)]
pub struct ExceptHandler {
    pub type_: Option<Box<Expr>>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub loc: Loc,
}

#[derive(Debug)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// The value of a `Constant` node.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(f64),
    /// A complex number (an imaginary literal is `0+xj`).
    Complex {
        real: f64,
        imag: f64,
    },
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    FrozenSet(Vec<Constant>),
}

impl Constant {
    /// CPython's `Py_TYPE(value)->tp_name` for the warnings that name it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Constant::None => "NoneType",
            Constant::Bool(_) => "bool",
            Constant::Ellipsis => "ellipsis",
            Constant::Int(_) => "int",
            Constant::Float(_) => "float",
            Constant::Complex { .. } => "complex",
            Constant::Str(_) => "str",
            Constant::Bytes(_) => "bytes",
            Constant::Tuple(_) => "tuple",
            Constant::FrozenSet(_) => "frozenset",
        }
    }
}

#[derive(Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub loc: Loc,
}

/// A comprehension or generator expression. `elt` is the key of a dict
/// comprehension, `value` its value.
#[derive(Debug)]
pub struct Comp {
    pub id: NodeId,
    pub elt: Box<Expr>,
    pub value: Option<Box<Expr>>,
    pub generators: Vec<Comprehension>,
}

#[derive(Debug)]
pub struct Lambda {
    pub id: NodeId,
    pub args: Arguments,
    pub body: Box<Expr>,
}

#[derive(Debug)]
pub enum ExprKind {
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: Operator,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda(Box<Lambda>),
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    Dict {
        /// None for `**value`.
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    Set(Vec<Expr>),
    ListComp(Box<Comp>),
    SetComp(Box<Comp>),
    DictComp(Box<Comp>),
    GeneratorExp(Box<Comp>),
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    FormattedValue {
        value: Box<Expr>,
        /// -1, or `'s'`, `'r'`, `'a'`.
        conversion: i32,
        format_spec: Option<Box<Expr>>,
    },
    Interpolation {
        value: Box<Expr>,
        /// The expression's source text.
        str: String,
        conversion: i32,
        format_spec: Option<Box<Expr>>,
    },
    JoinedStr(Vec<Expr>),
    TemplateStr(Vec<Expr>),
    Constant(Constant),
    Attribute {
        value: Box<Expr>,
        attr: String,
        ctx: ExprContext,
    },
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
        ctx: ExprContext,
    },
    Starred {
        value: Box<Expr>,
        ctx: ExprContext,
    },
    Name {
        id: String,
        ctx: ExprContext,
    },
    List {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Tuple {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

impl Expr {
    pub fn new(kind: ExprKind, loc: Loc) -> Expr {
        Expr { kind, loc }
    }

    pub fn is_constant(&self) -> bool {
        matches!(self.kind, ExprKind::Constant(_))
    }

    pub fn is_starred(&self) -> bool {
        matches!(self.kind, ExprKind::Starred { .. })
    }

    pub fn constant(&self) -> Option<&Constant> {
        match &self.kind {
            ExprKind::Constant(c) => Some(c),
            _ => None,
        }
    }
}

#[derive(Debug)]
pub struct Pattern {
    pub kind: PatternKind,
    pub loc: Loc,
}

#[derive(Debug)]
pub enum PatternKind {
    MatchValue(Box<Expr>),
    /// `None`, `True` or `False`.
    MatchSingleton(Constant),
    MatchSequence(Vec<Pattern>),
    MatchMapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<String>,
    },
    MatchClass {
        cls: Box<Expr>,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<String>,
        kwd_patterns: Vec<Pattern>,
    },
    MatchStar(Option<String>),
    MatchAs {
        pattern: Option<Box<Pattern>>,
        name: Option<String>,
    },
    MatchOr(Vec<Pattern>),
}

/// `_PyAST_GetDocString`: the docstring of a body, if its first statement
/// is a string constant expression.
pub fn docstring(body: &[Stmt]) -> Option<&str> {
    let first = body.first()?;
    if let StmtKind::Expr(e) = &first.kind
        && let ExprKind::Constant(Constant::Str(s)) = &e.kind
    {
        return Some(s);
    }
    None
}
