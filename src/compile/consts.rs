//! Constant deduplication: the key CPython's compiler uses to decide that
//! two constants are the same one (`_PyCode_ConstantKey` in
//! `Objects/codeobject.c`), and the ordered pool that hands out `co_consts`
//! indices (`u_consts`, a dict from key to index, in CPython).
//!
//! The key is stricter than `==`: `1`, `1.0` and `True` are different
//! constants, and so are `0.0` and `-0.0`, exactly as in CPython, so the compiler emits the same co_consts.
//! (One simplification: two NaN constants with the same bits are merged,
//! where CPython keeps distinct NaN objects apart.)

use std::collections::HashMap;

use crate::objects::Obj;
use crate::objects::bytes::BytesObject;
use crate::objects::code::CodeObject;
use crate::objects::complex::complex_value;
use crate::objects::float::float_value;
use crate::objects::int::int_ref;
use crate::objects::set::{is_frozenset, set_obj};
use crate::objects::slice::SliceObject;
use crate::objects::str::{StrObject, str_value};
use crate::objects::tuple::tuple_items;

/// The identity of a constant for deduplication.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ConstKey {
    None,
    Ellipsis,
    Bool(bool),
    /// Exact ints, by value (decimal text for big ones).
    Int(String),
    /// Floats by bit pattern: `0.0` and `-0.0` differ, equal NaNs match.
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    /// Elements' keys, sorted so that equal frozensets match whatever
    /// their iteration order.
    FrozenSet(Vec<ConstKey>),
    Slice(Box<[ConstKey; 3]>),
    /// Code objects by value: the fields `code_richcompare` compares, so
    /// that two identical code objects (the same generator expression
    /// compiled twice) are one constant, as in CPython.
    Code(Box<CodeKey>),
    /// Anything else is itself: by address.
    Identity(usize),
}

/// The value of a code object as a constant (`code_richcompare`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CodeKey {
    pub name: String,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub firstlineno: i32,
    pub code: Vec<(u8, u8)>,
    pub consts: Vec<ConstKey>,
    pub names: Vec<String>,
    pub localsplusnames: Vec<String>,
    pub linetable: Vec<u8>,
    pub exceptiontable: Vec<u8>,
}

impl CodeKey {
    fn of(c: &CodeObject) -> CodeKey {
        let strs = |items: &[Obj]| -> Vec<String> {
            items
                .iter()
                .map(|o| {
                    if o.downcast::<StrObject>().is_some() {
                        str_value(o).to_string()
                    } else {
                        String::new()
                    }
                })
                .collect()
        };
        CodeKey {
            name: c.name_str().to_string(),
            argcount: c.argcount,
            posonlyargcount: c.posonlyargcount,
            kwonlyargcount: c.kwonlyargcount,
            flags: c.flags,
            firstlineno: c.firstlineno,
            code: c.code.iter().map(|u| (u.op, u.arg)).collect(),
            consts: c.consts().iter().map(ConstKey::of).collect(),
            names: strs(c.names()),
            localsplusnames: strs(c.localsplusnames()),
            linetable: c.linetable.to_vec(),
            exceptiontable: c.exceptiontable.to_vec(),
        }
    }
}

impl ConstKey {
    /// `_PyCode_ConstantKey(o)`.
    pub fn of(o: &Obj) -> ConstKey {
        if o.is_none() {
            return ConstKey::None;
        }
        if o.is(&Obj::ellipsis()) {
            return ConstKey::Ellipsis;
        }
        if std::ptr::eq(o.class(), &crate::objects::bool_::BOOL_TYPE) {
            return ConstKey::Bool(o.is(&crate::objects::bool_::new_bool(true)));
        }
        if std::ptr::eq(o.class(), &crate::objects::int::INT_TYPE)
            && let Some(i) = int_ref(o)
        {
            return ConstKey::Int(i.to_bigint().to_string());
        }
        if std::ptr::eq(o.class(), &crate::objects::float::FLOAT_TYPE)
            && let Some(f) = float_value(o)
        {
            return ConstKey::Float(f.to_bits());
        }
        if std::ptr::eq(o.class(), &crate::objects::complex::COMPLEX_TYPE)
            && let Some((re, im)) = complex_value(o)
        {
            return ConstKey::Complex(re.to_bits(), im.to_bits());
        }
        if o.downcast_exact::<StrObject>().is_some() {
            return ConstKey::Str(str_value(o).to_string());
        }
        if let Some(b) = o.downcast_exact::<BytesObject>() {
            return ConstKey::Bytes(b.as_bytes().to_vec());
        }
        if std::ptr::eq(o.class(), &crate::objects::tuple::TUPLE_TYPE)
            && let Some(items) = tuple_items(o)
        {
            return ConstKey::Tuple(items.iter().map(ConstKey::of).collect());
        }
        if is_frozenset(o) && std::ptr::eq(o.class(), &crate::objects::set::FROZENSET_TYPE) {
            let mut keys: Vec<ConstKey> = set_obj(o)
                .entries()
                .iter()
                .map(|(k, _)| ConstKey::of(k))
                .collect();
            keys.sort_by_key(|k| format!("{k:?}"));
            return ConstKey::FrozenSet(keys);
        }
        if let Some(s) = o.downcast_exact::<SliceObject>() {
            return ConstKey::Slice(Box::new([
                ConstKey::of(&s.start),
                ConstKey::of(&s.stop),
                ConstKey::of(&s.step),
            ]));
        }
        if let Some(c) = o.downcast::<CodeObject>() {
            return ConstKey::Code(Box::new(CodeKey::of(c)));
        }
        ConstKey::Identity(o.addr())
    }
}

/// An ordered set of objects with their indices: `u_consts` (keyed by
/// [`ConstKey`]) and, with string keys, `u_names`, `u_varnames`,
/// `u_cellvars`, `u_freevars` (CPython keeps all of them as dicts from the
/// object to its index, in insertion order).
#[derive(Default)]
pub struct ConstPool {
    items: Vec<Obj>,
    index: HashMap<ConstKey, usize>,
}

impl ConstPool {
    pub fn new() -> Self {
        Self::default()
    }

    /// The index of `o`, adding it if new (`_PyCompile_DictAddObj`).
    pub fn add(&mut self, o: Obj) -> usize {
        let key = ConstKey::of(&o);
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = self.items.len();
        self.items.push(o);
        self.index.insert(key, i);
        i
    }

    /// The index of an object equal (by key) to `o`, if present.
    pub fn get(&self, o: &Obj) -> Option<usize> {
        self.index.get(&ConstKey::of(o)).copied()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The objects in index order.
    pub fn items(&self) -> &[Obj] {
        &self.items
    }

    /// Replaces the contents by `items`, in that order (the flow graph
    /// rewrites co_consts when it drops unused constants).
    pub fn replace(&mut self, items: Vec<Obj>) {
        self.index = items
            .iter()
            .enumerate()
            .map(|(i, o)| (ConstKey::of(o), i))
            .collect();
        self.items = items;
    }
}

/// A name table (`u_names`, `u_varnames`, ...): strings in first-use order.
#[derive(Default, Clone, Debug)]
pub struct NameTable {
    names: Vec<String>,
    index: HashMap<String, usize>,
}

impl NameTable {
    pub fn new() -> Self {
        Self::default()
    }

    /// The index of `name`, adding it if new.
    pub fn add(&mut self, name: &str) -> usize {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len();
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }

    pub fn get(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }
}
