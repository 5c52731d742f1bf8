//! `TypeObject`: CPython's `PyTypeObject`, with slot tables.
//!
//! A type carries function pointers for the operations the interpreter
//! performs on its instances (`tp_repr`, `nb_add`, `mp_subscript`, ...), so
//! the generic paths (`objects::protocol`, a port of `Objects/abstract.c`)
//! make one indirect call and the fast paths in the eval loop can test a
//! type pointer and go direct.
//!
//! Builtin types are `static`s, immortal and shared by every interpreter in
//! the process; they are built with the `const fn` builder methods below.
//! Their attribute dictionaries (`int.__dict__`) are per interpreter (see
//! `Vm::type_dict`), built at start-up from `methods` and `getsets`, as
//! CPython 3.12+ does for static builtin types. Slots are `Cell`s because
//! the classes of the language issue (heap types) rebind them when a dunder
//! is assigned; static types never write them.

use std::borrow::Cow;
use std::cell::Cell;

use crate::objects::header::ObjHeader;
use crate::objects::obj::{Obj, StaticObject};
use crate::objects::{PyResult, Vm};

/// Type flags, numbered as CPython's `Py_TPFLAGS_*`.
pub mod flags {
    pub const IMMUTABLETYPE: u64 = 1 << 8;
    pub const HEAPTYPE: u64 = 1 << 9;
    pub const BASETYPE: u64 = 1 << 10;
    pub const HAVE_VECTORCALL: u64 = 1 << 11;
    pub const METHOD_DESCRIPTOR: u64 = 1 << 17;
    pub const SEQUENCE: u64 = 1 << 5;
    pub const MAPPING: u64 = 1 << 6;
    /// `_Py_TPFLAGS_MATCH_SELF`: a class pattern with one positional
    /// sub-pattern matches the whole subject (`case int(x)`).
    pub const MATCH_SELF: u64 = 1 << 22;
    pub const LONG_SUBCLASS: u64 = 1 << 24;
    pub const LIST_SUBCLASS: u64 = 1 << 25;
    pub const TUPLE_SUBCLASS: u64 = 1 << 26;
    pub const BYTES_SUBCLASS: u64 = 1 << 27;
    pub const UNICODE_SUBCLASS: u64 = 1 << 28;
    pub const DICT_SUBCLASS: u64 = 1 << 29;
    pub const BASE_EXC_SUBCLASS: u64 = 1 << 30;
    pub const TYPE_SUBCLASS: u64 = 1 << 31;
}

/// Rich comparison operators, numbered as CPython's `Py_LT`..`Py_GE` (and
/// as COMPARE_OP's `oparg >> 5`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_u32(v: u32) -> Option<CompareOp> {
        Some(match v {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            5 => CompareOp::Ge,
            _ => return None,
        })
    }

    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }

    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }

    /// Applies the operator to an `Ordering`.
    pub fn test(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CompareOp::Lt => ord == Less,
            CompareOp::Le => ord != Greater,
            CompareOp::Eq => ord == Equal,
            CompareOp::Ne => ord != Equal,
            CompareOp::Gt => ord == Greater,
            CompareOp::Ge => ord != Less,
        }
    }
}

/// The binary number slots, in the order of BINARY_OP's oparg (`NB_ADD` is
/// 0 ... `NB_XOR` is 12; the in-place forms are these plus 13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum NbOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
}

/// Number of binary number slots.
pub const NB_BINARY_COUNT: usize = 13;

impl NbOp {
    pub const ALL: [NbOp; NB_BINARY_COUNT] = [
        NbOp::Add,
        NbOp::And,
        NbOp::FloorDivide,
        NbOp::Lshift,
        NbOp::MatrixMultiply,
        NbOp::Multiply,
        NbOp::Remainder,
        NbOp::Or,
        NbOp::Power,
        NbOp::Rshift,
        NbOp::Subtract,
        NbOp::TrueDivide,
        NbOp::Xor,
    ];

    pub fn from_index(i: usize) -> Option<NbOp> {
        NbOp::ALL.get(i).copied()
    }

    /// The operator as Python source spells it.
    pub fn symbol(self) -> &'static str {
        [
            "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
        ][self as usize]
    }

    /// The in-place operator as Python source spells it.
    pub fn inplace_symbol(self) -> &'static str {
        [
            "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
        ][self as usize]
    }

    /// The dunder names: (`__add__`, `__radd__`, `__iadd__`).
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            NbOp::Add => ("__add__", "__radd__", "__iadd__"),
            NbOp::And => ("__and__", "__rand__", "__iand__"),
            NbOp::FloorDivide => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            NbOp::Lshift => ("__lshift__", "__rlshift__", "__ilshift__"),
            NbOp::MatrixMultiply => ("__matmul__", "__rmatmul__", "__imatmul__"),
            NbOp::Multiply => ("__mul__", "__rmul__", "__imul__"),
            NbOp::Remainder => ("__mod__", "__rmod__", "__imod__"),
            NbOp::Or => ("__or__", "__ror__", "__ior__"),
            NbOp::Power => ("__pow__", "__rpow__", "__ipow__"),
            NbOp::Rshift => ("__rshift__", "__rrshift__", "__irshift__"),
            NbOp::Subtract => ("__sub__", "__rsub__", "__isub__"),
            NbOp::TrueDivide => ("__truediv__", "__rtruediv__", "__itruediv__"),
            NbOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

pub type UnaryFn = fn(&mut Vm, &Obj) -> PyResult<Obj>;
pub type BinaryFn = fn(&mut Vm, &Obj, &Obj) -> PyResult<Obj>;
pub type TernaryFn = fn(&mut Vm, &Obj, &Obj, &Obj) -> PyResult<Obj>;
pub type InquiryFn = fn(&mut Vm, &Obj) -> PyResult<bool>;
pub type LenFn = fn(&mut Vm, &Obj) -> PyResult<usize>;
pub type HashFn = fn(&mut Vm, &Obj) -> PyResult<i64>;
pub type RichCmpFn = fn(&mut Vm, &Obj, &Obj, CompareOp) -> PyResult<Obj>;
pub type GetAttroFn = fn(&mut Vm, &Obj, &Obj) -> PyResult<Obj>;
pub type SetAttroFn = fn(&mut Vm, &Obj, &Obj, Option<Obj>) -> PyResult<()>;
/// Vectorcall convention: positional arguments, then one value per name in
/// `kwnames` (a tuple of str), all in one slice.
pub type CallFn = fn(&mut Vm, &Obj, &[Obj], Option<&Obj>) -> PyResult<Obj>;
pub type IterNextFn = fn(&mut Vm, &Obj) -> PyResult<Option<Obj>>;
pub type DescrGetFn = fn(&mut Vm, &Obj, Option<&Obj>, Option<&Obj>) -> PyResult<Obj>;
pub type DescrSetFn = fn(&mut Vm, &Obj, &Obj, Option<Obj>) -> PyResult<()>;
pub type ContainsFn = fn(&mut Vm, &Obj, &Obj) -> PyResult<bool>;
pub type RepeatFn = fn(&mut Vm, &Obj, isize) -> PyResult<Obj>;
pub type AssSubscriptFn = fn(&mut Vm, &Obj, &Obj, Option<Obj>) -> PyResult<()>;
/// A constructor called with the vectorcall convention; the first argument
/// is the type being instantiated (it may be a subclass).
pub type NewFn = fn(&mut Vm, &Obj, &[Obj], Option<&Obj>) -> PyResult<Obj>;
pub type InitFn = fn(&mut Vm, &Obj, &[Obj], Option<&Obj>) -> PyResult<()>;
/// A function of a builtin module, or a method of a builtin type (then the
/// first argument is `self`, or the class for class methods).
pub type NativeFn = fn(&mut Vm, &[Obj], Option<&Obj>) -> PyResult<Obj>;
pub type GetterFn = fn(&mut Vm, &Obj) -> PyResult<Obj>;
/// The `__dict__` of an instance (created on first use).
pub type InstanceDictFn = fn(&mut Vm, &Obj) -> Obj;
pub type SetterFn = fn(&mut Vm, &Obj, Option<Obj>) -> PyResult<()>;
/// Calls the visitor on each reference the object owns (`tp_traverse`).
pub type TraverseFn = fn(&Obj, &mut dyn FnMut(&Obj));
/// Drops the object's references that may form cycles (`tp_clear`).
pub type ClearFn = fn(&Obj);

/// How a method of a builtin type binds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodKind {
    Instance,
    Class,
    Static,
}

/// CPython's `PyMethodDef`.
pub struct MethodDef {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: MethodKind,
    pub doc: &'static str,
}

impl MethodDef {
    pub const fn new(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef {
            name,
            func,
            kind: MethodKind::Instance,
            doc: "",
        }
    }
    pub const fn class(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef {
            name,
            func,
            kind: MethodKind::Class,
            doc: "",
        }
    }
    pub const fn static_(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef {
            name,
            func,
            kind: MethodKind::Static,
            doc: "",
        }
    }
    pub const fn doc(mut self, doc: &'static str) -> MethodDef {
        self.doc = doc;
        self
    }
}

/// CPython's `PyGetSetDef` (also used for what CPython calls members).
pub struct GetSetDef {
    pub name: &'static str,
    pub get: Option<GetterFn>,
    pub set: Option<SetterFn>,
    pub doc: &'static str,
}

impl GetSetDef {
    pub const fn getter(name: &'static str, get: GetterFn) -> GetSetDef {
        GetSetDef {
            name,
            get: Some(get),
            set: None,
            doc: "",
        }
    }
    pub const fn with_doc(mut self, doc: &'static str) -> GetSetDef {
        self.doc = doc;
        self
    }
    pub const fn getset(name: &'static str, get: GetterFn, set: SetterFn) -> GetSetDef {
        GetSetDef {
            name,
            get: Some(get),
            set: Some(set),
            doc: "",
        }
    }
}

/// The slot table of a type.
#[allow(clippy::type_complexity)]
pub struct Slots {
    pub tp_repr: Cell<Option<UnaryFn>>,
    pub tp_str: Cell<Option<UnaryFn>>,
    pub tp_hash: Cell<Option<HashFn>>,
    pub tp_call: Cell<Option<CallFn>>,
    pub tp_getattro: Cell<Option<GetAttroFn>>,
    pub tp_setattro: Cell<Option<SetAttroFn>>,
    pub tp_richcompare: Cell<Option<RichCmpFn>>,
    pub tp_iter: Cell<Option<UnaryFn>>,
    pub tp_iternext: Cell<Option<IterNextFn>>,
    pub tp_descr_get: Cell<Option<DescrGetFn>>,
    pub tp_descr_set: Cell<Option<DescrSetFn>>,
    pub tp_new: Cell<Option<NewFn>>,
    pub tp_init: Cell<Option<InitFn>>,
    /// Binary number slots indexed by [`NbOp`] (`nb_add`, `nb_and`, ...).
    /// Each takes its operands in source order and returns NotImplemented
    /// when it does not handle their types.
    pub nb_binary: [Cell<Option<BinaryFn>>; NB_BINARY_COUNT],
    /// In-place forms (`nb_inplace_add`, ...), indexed by [`NbOp`].
    pub nb_inplace: [Cell<Option<BinaryFn>>; NB_BINARY_COUNT],
    /// Three-argument `pow()`; the two-argument form is `nb_binary[Power]`.
    pub nb_power: Cell<Option<TernaryFn>>,
    pub nb_divmod: Cell<Option<BinaryFn>>,
    pub nb_negative: Cell<Option<UnaryFn>>,
    pub nb_positive: Cell<Option<UnaryFn>>,
    pub nb_absolute: Cell<Option<UnaryFn>>,
    pub nb_invert: Cell<Option<UnaryFn>>,
    pub nb_bool: Cell<Option<InquiryFn>>,
    pub nb_int: Cell<Option<UnaryFn>>,
    pub nb_float: Cell<Option<UnaryFn>>,
    pub nb_index: Cell<Option<UnaryFn>>,
    /// `len()`: CPython's `sq_length` and `mp_length` in one slot.
    pub sq_length: Cell<Option<LenFn>>,
    pub sq_concat: Cell<Option<BinaryFn>>,
    pub sq_repeat: Cell<Option<RepeatFn>>,
    pub sq_inplace_concat: Cell<Option<BinaryFn>>,
    pub sq_inplace_repeat: Cell<Option<RepeatFn>>,
    pub sq_contains: Cell<Option<ContainsFn>>,
    pub mp_subscript: Cell<Option<BinaryFn>>,
    pub mp_ass_subscript: Cell<Option<AssSubscriptFn>>,
}

#[allow(clippy::declare_interior_mutable_const)]
impl Slots {
    /// A table with every slot empty.
    pub const EMPTY: Slots = Slots {
        tp_repr: Cell::new(None),
        tp_str: Cell::new(None),
        tp_hash: Cell::new(None),
        tp_call: Cell::new(None),
        tp_getattro: Cell::new(None),
        tp_setattro: Cell::new(None),
        tp_richcompare: Cell::new(None),
        tp_iter: Cell::new(None),
        tp_iternext: Cell::new(None),
        tp_descr_get: Cell::new(None),
        tp_descr_set: Cell::new(None),
        tp_new: Cell::new(None),
        tp_init: Cell::new(None),
        nb_binary: [const { Cell::new(None) }; NB_BINARY_COUNT],
        nb_inplace: [const { Cell::new(None) }; NB_BINARY_COUNT],
        nb_power: Cell::new(None),
        nb_divmod: Cell::new(None),
        nb_negative: Cell::new(None),
        nb_positive: Cell::new(None),
        nb_absolute: Cell::new(None),
        nb_invert: Cell::new(None),
        nb_bool: Cell::new(None),
        nb_int: Cell::new(None),
        nb_float: Cell::new(None),
        nb_index: Cell::new(None),
        sq_length: Cell::new(None),
        sq_concat: Cell::new(None),
        sq_repeat: Cell::new(None),
        sq_inplace_concat: Cell::new(None),
        sq_inplace_repeat: Cell::new(None),
        sq_contains: Cell::new(None),
        mp_subscript: Cell::new(None),
        mp_ass_subscript: Cell::new(None),
    };
}

pub use crate::objects::heaptype::HeapTypeData;

/// CPython's `PyTypeObject`.
#[repr(C)]
pub struct TypeObject {
    pub ob: ObjHeader,
    /// `tp_name`: "int", or "module.Name" for types outside builtins.
    pub tp_name: &'static str,
    pub tp_flags: u64,
    pub tp_base: Option<&'static TypeObject>,
    /// The full MRO, self first, for types with several bases; `None` means
    /// the chain of `tp_base` is the MRO.
    pub tp_mro: Cell<Option<&'static [&'static TypeObject]>>,
    /// The static type whose instance layout this type's instances have.
    pub layout: &'static TypeObject,
    pub tp_doc: Option<&'static str>,
    pub methods: &'static [MethodDef],
    pub getsets: &'static [GetSetDef],
    /// Where this type's attribute dictionary is in the interpreter's
    /// `Vm::type_dicts`: for a static type, its index in the registry (every
    /// interpreter builds its own dict for it); for a class created at run
    /// time, the slot its interpreter gave it.
    pub dict_index: u32,
    pub slots: Slots,
    pub tp_dealloc: unsafe fn(*mut ObjHeader),
    /// The instance dictionary of an object of this type, created on first
    /// use (CPython's `tp_dictoffset`); None when instances have no dict.
    pub tp_instance_dict: Option<InstanceDictFn>,
    /// Words each instance keeps before its header (instance dict and
    /// `__slots__` of classes defined in Python; see `Obj::alloc`). 0 for
    /// every static type.
    pub tp_prefix: usize,
    /// All the words before the header: `tp_prefix` plus the collector's
    /// link for collectable types. 0 means a plain `Box` (one test on the
    /// allocation fast path).
    pub tp_pre_words: usize,
    /// Reports each object reference an instance owns to the cycle
    /// collector (`tp_traverse`). Types that have one are collectable:
    /// their instances carry the collector's link (see `objects::gc`).
    pub tp_traverse: Option<TraverseFn>,
    /// Drops the references that may form cycles (`tp_clear`), to break a
    /// cycle of garbage.
    pub tp_clear: Option<ClearFn>,
    pub heap: Option<Box<HeapTypeData>>,
}

// SAFETY: static types are immortal and never written after construction
// (their `Cell` slots are only written for heap types, which belong to one
// interpreter and are never shared between threads).
unsafe impl Sync for TypeObject {}
// SAFETY: `TypeObject` is `#[repr(C)]` and starts with its header.
unsafe impl StaticObject for TypeObject {}

impl TypeObject {
    /// A static type named `name` whose instances have the layout that
    /// `layout` defines (pass the type itself when it defines its layout).
    pub const fn new_static(
        name: &'static str,
        layout: &'static TypeObject,
        dict_index: u16,
        dealloc: unsafe fn(*mut ObjHeader),
    ) -> TypeObject {
        TypeObject {
            ob: ObjHeader::immortal(&crate::objects::type_type::TYPE_TYPE),
            tp_name: name,
            tp_flags: flags::IMMUTABLETYPE,
            tp_base: None,
            tp_mro: Cell::new(None),
            layout,
            tp_doc: None,
            methods: &[],
            getsets: &[],
            dict_index: dict_index as u32,
            slots: Slots::EMPTY,
            tp_dealloc: dealloc,
            tp_instance_dict: None,
            tp_prefix: 0,
            tp_pre_words: 0,
            tp_traverse: None,
            tp_clear: None,
            heap: None,
        }
        .inherit_object_slots()
    }

    /// The slots every type inherits from `object` unless it overrides them
    /// (what CPython's `inherit_slots` gives a static type whose base is
    /// `object`). Types with another base apply that base's slot set too
    /// (see `exceptions::exception_slots`).
    const fn inherit_object_slots(self) -> TypeObject {
        use crate::objects::object_type as o;
        use crate::objects::protocol::attr;
        self.repr(o::object_repr)
            .str(o::object_str)
            .hash(o::object_hash)
            .richcompare(o::object_richcompare)
            .getattro(attr::generic_getattr)
            .setattro(attr::generic_setattr)
    }

    /// Makes instances collectable: `traverse` reports their references,
    /// `clear` (if any) breaks them.
    pub const fn gc(mut self, traverse: TraverseFn, clear: Option<ClearFn>) -> TypeObject {
        self.tp_traverse = Some(traverse);
        self.tp_clear = clear;
        self.tp_pre_words = self.tp_prefix + crate::objects::gc::GC_HEAD_WORDS;
        self
    }

    /// Gives instances a `__dict__` reached through `f`.
    pub const fn instance_dict(mut self, f: InstanceDictFn) -> TypeObject {
        self.tp_instance_dict = Some(f);
        self
    }

    pub const fn base(mut self, base: &'static TypeObject) -> TypeObject {
        self.tp_base = Some(base);
        self
    }
    pub const fn with_mro(mut self, mro: &'static [&'static TypeObject]) -> TypeObject {
        self.tp_mro = Cell::new(Some(mro));
        self
    }
    pub const fn flags(mut self, f: u64) -> TypeObject {
        self.tp_flags |= f;
        self
    }
    pub const fn doc(mut self, doc: &'static str) -> TypeObject {
        self.tp_doc = Some(doc);
        self
    }
    pub const fn methods(mut self, m: &'static [MethodDef]) -> TypeObject {
        self.methods = m;
        self
    }
    pub const fn getsets(mut self, g: &'static [GetSetDef]) -> TypeObject {
        self.getsets = g;
        self
    }
    pub const fn repr(mut self, f: UnaryFn) -> TypeObject {
        self.slots.tp_repr = Cell::new(Some(f));
        self
    }
    pub const fn str(mut self, f: UnaryFn) -> TypeObject {
        self.slots.tp_str = Cell::new(Some(f));
        self
    }
    pub const fn hash(mut self, f: HashFn) -> TypeObject {
        self.slots.tp_hash = Cell::new(Some(f));
        self
    }
    pub const fn call(mut self, f: CallFn) -> TypeObject {
        self.slots.tp_call = Cell::new(Some(f));
        self
    }
    pub const fn getattro(mut self, f: GetAttroFn) -> TypeObject {
        self.slots.tp_getattro = Cell::new(Some(f));
        self
    }
    pub const fn setattro(mut self, f: SetAttroFn) -> TypeObject {
        self.slots.tp_setattro = Cell::new(Some(f));
        self
    }
    pub const fn richcompare(mut self, f: RichCmpFn) -> TypeObject {
        self.slots.tp_richcompare = Cell::new(Some(f));
        self
    }
    pub const fn iter(mut self, f: UnaryFn) -> TypeObject {
        self.slots.tp_iter = Cell::new(Some(f));
        self
    }
    pub const fn iternext(mut self, f: IterNextFn) -> TypeObject {
        self.slots.tp_iternext = Cell::new(Some(f));
        self
    }
    pub const fn descr_get(mut self, f: DescrGetFn) -> TypeObject {
        self.slots.tp_descr_get = Cell::new(Some(f));
        self
    }
    pub const fn descr_set(mut self, f: DescrSetFn) -> TypeObject {
        self.slots.tp_descr_set = Cell::new(Some(f));
        self
    }
    pub const fn new_fn(mut self, f: NewFn) -> TypeObject {
        self.slots.tp_new = Cell::new(Some(f));
        self
    }
    pub const fn init(mut self, f: InitFn) -> TypeObject {
        self.slots.tp_init = Cell::new(Some(f));
        self
    }
    pub const fn nb(mut self, op: NbOp, f: BinaryFn) -> TypeObject {
        self.slots.nb_binary[op as usize] = Cell::new(Some(f));
        self
    }
    pub const fn nb_inplace(mut self, op: NbOp, f: BinaryFn) -> TypeObject {
        self.slots.nb_inplace[op as usize] = Cell::new(Some(f));
        self
    }
    pub const fn nb_power(mut self, f: TernaryFn) -> TypeObject {
        self.slots.nb_power = Cell::new(Some(f));
        self
    }
    pub const fn nb_divmod(mut self, f: BinaryFn) -> TypeObject {
        self.slots.nb_divmod = Cell::new(Some(f));
        self
    }
    pub const fn nb_negative(mut self, f: UnaryFn) -> TypeObject {
        self.slots.nb_negative = Cell::new(Some(f));
        self
    }
    pub const fn nb_positive(mut self, f: UnaryFn) -> TypeObject {
        self.slots.nb_positive = Cell::new(Some(f));
        self
    }
    pub const fn nb_absolute(mut self, f: UnaryFn) -> TypeObject {
        self.slots.nb_absolute = Cell::new(Some(f));
        self
    }
    pub const fn nb_invert(mut self, f: UnaryFn) -> TypeObject {
        self.slots.nb_invert = Cell::new(Some(f));
        self
    }
    pub const fn nb_bool(mut self, f: InquiryFn) -> TypeObject {
        self.slots.nb_bool = Cell::new(Some(f));
        self
    }
    pub const fn nb_int(mut self, f: UnaryFn) -> TypeObject {
        self.slots.nb_int = Cell::new(Some(f));
        self
    }
    pub const fn nb_float(mut self, f: UnaryFn) -> TypeObject {
        self.slots.nb_float = Cell::new(Some(f));
        self
    }
    pub const fn nb_index(mut self, f: UnaryFn) -> TypeObject {
        self.slots.nb_index = Cell::new(Some(f));
        self
    }
    pub const fn len(mut self, f: LenFn) -> TypeObject {
        self.slots.sq_length = Cell::new(Some(f));
        self
    }
    pub const fn sq_concat(mut self, f: BinaryFn) -> TypeObject {
        self.slots.sq_concat = Cell::new(Some(f));
        self
    }
    pub const fn sq_repeat(mut self, f: RepeatFn) -> TypeObject {
        self.slots.sq_repeat = Cell::new(Some(f));
        self
    }
    pub const fn sq_inplace_concat(mut self, f: BinaryFn) -> TypeObject {
        self.slots.sq_inplace_concat = Cell::new(Some(f));
        self
    }
    pub const fn sq_inplace_repeat(mut self, f: RepeatFn) -> TypeObject {
        self.slots.sq_inplace_repeat = Cell::new(Some(f));
        self
    }
    pub const fn contains(mut self, f: ContainsFn) -> TypeObject {
        self.slots.sq_contains = Cell::new(Some(f));
        self
    }
    pub const fn subscript(mut self, f: BinaryFn) -> TypeObject {
        self.slots.mp_subscript = Cell::new(Some(f));
        self
    }
    pub const fn ass_subscript(mut self, f: AssSubscriptFn) -> TypeObject {
        self.slots.mp_ass_subscript = Cell::new(Some(f));
        self
    }

    /// `__name__`: the part of `tp_name` after the last dot.
    pub fn name(&self) -> Cow<'_, str> {
        if let Some(h) = &self.heap {
            return Cow::Owned(h.name.borrow().clone());
        }
        Cow::Borrowed(match self.tp_name.rfind('.') {
            Some(i) => &self.tp_name[i + 1..],
            None => self.tp_name,
        })
    }

    /// `__module__` of a static type: the part of `tp_name` before the last
    /// dot, or "builtins".
    pub fn module_name(&self) -> &'static str {
        match self.tp_name.rfind('.') {
            Some(i) => &self.tp_name[..i],
            None => "builtins",
        }
    }

    #[inline(always)]
    pub fn has_flag(&self, f: u64) -> bool {
        self.tp_flags & f != 0
    }

    /// The method resolution order, this type first.
    pub fn mro(&self) -> MroIter<'_> {
        match self.tp_mro.get() {
            Some(list) => MroIter::List(list.iter()),
            None => MroIter::Chain(Some(self)),
        }
    }

    /// `issubclass(self, other)` by the MRO (no `__subclasscheck__`).
    #[inline]
    pub fn is_subtype(&self, other: &TypeObject) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        self.mro().any(|t| std::ptr::eq(t, other))
    }

    /// This type as an object.
    pub fn as_obj(&'static self) -> Obj {
        Obj::from_static(self)
    }
}

/// Iterator over a type's MRO.
pub enum MroIter<'a> {
    List(std::slice::Iter<'a, &'static TypeObject>),
    Chain(Option<&'a TypeObject>),
}

impl<'a> Iterator for MroIter<'a> {
    type Item = &'a TypeObject;
    #[inline]
    fn next(&mut self) -> Option<&'a TypeObject> {
        match self {
            MroIter::List(it) => it.next().copied(),
            MroIter::Chain(cur) => {
                let t = (*cur)?;
                *cur = t.tp_base;
                Some(t)
            }
        }
    }
}

/// The type object behind an `Obj` known to be a type.
pub fn as_type(obj: &Obj) -> Option<&TypeObject> {
    if obj.class().has_flag(flags::TYPE_SUBCLASS) {
        // SAFETY: every object whose type has TYPE_SUBCLASS is a TypeObject
        // (layout-compatible), and the reference lives as long as `obj`.
        obj.as_ptr().map(|p| unsafe { &*(p as *const TypeObject) })
    } else {
        None
    }
}

/// The type behind an `Obj` known to be a type, for as long as the process
/// runs: static types are statics, and classes are never freed (see
/// `heaptype`).
pub fn as_type_static(obj: &Obj) -> Option<&'static TypeObject> {
    if obj.class().has_flag(flags::TYPE_SUBCLASS) {
        // SAFETY: as in `as_type`; and no type object is ever deallocated
        // (static types are immortal statics, classes are leaked with an
        // immortal header), so the reference outlives `obj`.
        obj.as_ptr().map(|p| unsafe { &*(p as *const TypeObject) })
    } else {
        None
    }
}

/// A new reference to a type, as an object.
pub fn type_as_obj(t: &TypeObject) -> Obj {
    // SAFETY: a `TypeObject` starts with its header, and `t` is alive for
    // the duration of the borrow; the new reference keeps it alive after.
    unsafe { Obj::from_ptr_incref(t as *const TypeObject as *const ObjHeader) }
}
