//! Turning objects into marshal data: code objects to `.pyc` files (the
//! direction opposite to `load.rs`).
//!
//! The tree is what CPython's `w_object` would write for the same
//! objects: a string is `interned` when it is the interpreter's interned
//! object for its text (as `PyUnicode_CHECK_INTERNED` asks), and an
//! object met twice becomes one shared node, so the writer gives it
//! `FLAG_REF` and later occurrences `TYPE_REF`, as CPython's reference
//! count test does for shared objects.
//!
//! What it must not do: recurse without bound (objects nested deeper than
//! marshal's limit are refused with CPython's `ValueError`) or accept
//! objects marshal cannot write (`ValueError: unmarshallable object`).

use std::collections::HashMap;
use std::rc::Rc;

use crate::marshal::{self, Code, PyStr, Value};
use crate::objects::bool_::BOOL_TYPE;
use crate::objects::bytes::{BYTEARRAY_TYPE, BYTES_TYPE, BytesObject};
use crate::objects::code::{CodeObject, code_obj};
use crate::objects::complex::{COMPLEX_TYPE, complex_value};
use crate::objects::dict::{DICT_TYPE, dict_obj};
use crate::objects::exceptions as exc;
use crate::objects::float::{FLOAT_TYPE, float_value};
use crate::objects::int::{INT_TYPE, int_ref};
use crate::objects::list::{LIST_TYPE, list_items};
use crate::objects::set::{FROZENSET_TYPE, SET_TYPE, set_obj};
use crate::objects::slice::SliceObject;
use crate::objects::str::{STR_TYPE, str_value};
use crate::objects::tuple::{TUPLE_TYPE, tuple_items};
use crate::objects::typeobject::type_as_obj;
use crate::objects::{Obj, PyResult, Vm};

/// The key `_imp.source_hash` uses: `_imp.pyc_magic_number_token`, the
/// four magic bytes read as a little-endian number.
const SOURCE_HASH_KEY: u64 = u32::from_le_bytes(marshal::MAGIC) as u64;

/// `importlib.util.source_hash`: SipHash-1-3 of the source keyed with the
/// magic number, as the 8 bytes a hash-based `.pyc` stores.
pub fn source_hash(source: &[u8]) -> [u8; 8] {
    crate::objects::hash::siphash13(SOURCE_HASH_KEY, 0, source).to_le_bytes()
}

impl Vm {
    /// The marshal tree of `o` (what `marshal.dumps(o)` writes).
    pub fn object_to_marshal(&mut self, o: &Obj) -> PyResult<Value> {
        let mut u = Unloader {
            shared: HashMap::new(),
            strs: HashMap::new(),
        };
        u.value(self, o, 0)
    }

    /// Writes `code` as an unchecked hash-based `.pyc` (PEP 552; flags
    /// `0b01`, what `py_compile` writes for
    /// `PycInvalidationMode.UNCHECKED_HASH`): the header carries
    /// `importlib.util.source_hash(source)` and the import system loads the
    /// file without looking at the source again. Use
    /// [`Vm::write_pyc_timestamp`] for the default, timestamp-checked kind.
    pub fn write_pyc(&mut self, code: &Obj, source: &[u8]) -> PyResult<Vec<u8>> {
        let header = marshal::PycHeader::hash_based(source_hash(source), false);
        self.write_pyc_with(code, &header)
    }

    /// Writes `code` as a timestamp-based `.pyc` (flags 0, what
    /// `py_compile` writes by default): the source's modification time and
    /// size, each truncated to 32 bits.
    pub fn write_pyc_timestamp(
        &mut self,
        code: &Obj,
        mtime: u32,
        source_size: u32,
    ) -> PyResult<Vec<u8>> {
        let header = marshal::PycHeader::timestamp(mtime, source_size);
        self.write_pyc_with(code, &header)
    }

    fn write_pyc_with(&mut self, code: &Obj, header: &marshal::PycHeader) -> PyResult<Vec<u8>> {
        if code.downcast::<CodeObject>().is_none() {
            return Err(self.type_error("a .pyc holds a code object"));
        }
        let tree = self.object_to_marshal(code)?;
        marshal::write_pyc(&tree, header).map_err(|e| self.value_error(e.message()))
    }
}

/// `write_pyc(vm, code, source)`: see [`Vm::write_pyc`].
pub fn write_pyc(vm: &mut Vm, code: &Obj, source: &[u8]) -> PyResult<Vec<u8>> {
    vm.write_pyc(code, source)
}

/// `_PyCode_GetCode`: the code units with every specialised or
/// instrumented opcode back to its base and the inline caches zeroed, as
/// marshal writes them.
fn unspecialized_code(c: &CodeObject) -> Vec<u8> {
    let mut out = Vec::with_capacity(c.code.len() * 2);
    let mut i = 0;
    while i < c.code.len() {
        let unit = c.code[i];
        let base = crate::opcode::base_opcode(unit.op);
        out.extend([base, unit.arg]);
        i += 1;
        for _ in 0..crate::opcode::cache_entries(base) {
            if i >= c.code.len() {
                break;
            }
            out.extend([0, 0]);
            i += 1;
        }
    }
    out
}

/// CPython writes set elements sorted by their own marshal data, so that
/// the output does not depend on the hash table's order (bpo-37596).
/// CPython's per-element data carries `FLAG_REF` (0x80) on the type byte
/// of every element but the singletons (the element is referenced by the
/// set and by the loop that dumps it); the key here sets it the same way.
/// Flags deeper inside an element depend on reference counts a tree does
/// not have, so elements that differ only there may sort differently.
fn sorted_by_marshal(items: Vec<Value>) -> Vec<Value> {
    let key = |v: &Value| {
        let mut data = marshal::dumps(v).unwrap_or_default();
        let singleton = matches!(
            v,
            Value::None | Value::True | Value::False | Value::Ellipsis | Value::StopIteration
        );
        if let Some(first) = data.first_mut()
            && !singleton
        {
            *first |= 0x80;
        }
        data
    };
    let mut keyed: Vec<(Vec<u8>, Value)> = items.into_iter().map(|v| (key(&v), v)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, v)| v).collect()
}

/// Builds the tree, one node per object.
struct Unloader {
    /// Nodes already built for shareable objects, by address.
    shared: HashMap<usize, Value>,
    strs: HashMap<usize, Rc<PyStr>>,
}

impl Unloader {
    fn string(&mut self, vm: &Vm, o: &Obj) -> Rc<PyStr> {
        if let Some(s) = self.strs.get(&o.addr()) {
            return s.clone();
        }
        let text = str_value(o);
        let interned = vm.interned.get(text).is_some_and(|i| i.is(o));
        let s = Rc::new(PyStr::new(text, interned));
        self.strs.insert(o.addr(), s.clone());
        s
    }

    fn items(&mut self, vm: &mut Vm, items: &[Obj], depth: usize) -> PyResult<Vec<Value>> {
        items.iter().map(|x| self.value(vm, x, depth + 1)).collect()
    }

    fn value(&mut self, vm: &mut Vm, o: &Obj, depth: usize) -> PyResult<Value> {
        if depth > marshal::MAX_DEPTH {
            return Err(vm.value_error("object too deeply nested to marshal"));
        }
        if o.is_none() {
            return Ok(Value::None);
        }
        if o.is(&Obj::ellipsis()) {
            return Ok(Value::Ellipsis);
        }
        if o.is(&type_as_obj(&exc::STOP_ITERATION)) {
            return Ok(Value::StopIteration);
        }
        let class = o.class();
        if std::ptr::eq(class, &BOOL_TYPE) {
            let truth = o.is(&crate::objects::bool_::new_bool(true));
            return Ok(if truth { Value::True } else { Value::False });
        }
        if (o.is_small_int() || std::ptr::eq(class, &INT_TYPE))
            && let Some(i) = int_ref(o)
        {
            return Ok(Value::Int(i.to_bigint()));
        }
        if std::ptr::eq(class, &FLOAT_TYPE)
            && let Some(f) = float_value(o)
        {
            return Ok(Value::Float(f));
        }
        if std::ptr::eq(class, &COMPLEX_TYPE)
            && let Some((re, im)) = complex_value(o)
        {
            return Ok(Value::Complex(re, im));
        }
        if std::ptr::eq(class, &STR_TYPE) {
            return Ok(Value::Str(self.string(vm, o)));
        }
        if let Some(v) = self.shared.get(&o.addr()) {
            return Ok(v.clone());
        }
        let v = if std::ptr::eq(class, &BYTES_TYPE) || std::ptr::eq(class, &BYTEARRAY_TYPE) {
            let data = o
                .downcast::<BytesObject>()
                .map(|b| b.as_bytes().to_vec())
                .or_else(|| crate::objects::bytes::bytes_like_data(o))
                .unwrap_or_default();
            Value::Bytes(Rc::from(data))
        } else if std::ptr::eq(class, &TUPLE_TYPE) {
            let items = tuple_items(o).unwrap_or(&[]).to_vec();
            Value::Tuple(Rc::from(self.items(vm, &items, depth)?))
        } else if std::ptr::eq(class, &LIST_TYPE) {
            let items = list_items(o).unwrap_or_default();
            Value::List(Rc::from(self.items(vm, &items, depth)?))
        } else if std::ptr::eq(class, &DICT_TYPE) {
            let mut pairs = Vec::new();
            for (k, val) in dict_obj(o).items() {
                pairs.push((
                    self.value(vm, &k, depth + 1)?,
                    self.value(vm, &val, depth + 1)?,
                ));
            }
            Value::Dict(Rc::from(pairs))
        } else if std::ptr::eq(class, &SET_TYPE) || std::ptr::eq(class, &FROZENSET_TYPE) {
            let items: Vec<Obj> = set_obj(o).entries().into_iter().map(|(k, _)| k).collect();
            let values: Rc<[Value]> = Rc::from(sorted_by_marshal(self.items(vm, &items, depth)?));
            if std::ptr::eq(class, &SET_TYPE) {
                Value::Set(values)
            } else {
                Value::FrozenSet(values)
            }
        } else if let Some(s) = o.downcast_exact::<SliceObject>() {
            let parts = (
                self.value(vm, &s.start, depth + 1)?,
                self.value(vm, &s.stop, depth + 1)?,
                self.value(vm, &s.step, depth + 1)?,
            );
            Value::Slice(Rc::new(parts))
        } else if o.downcast::<CodeObject>().is_some() {
            Value::Code(Rc::new(self.code(vm, o, depth)?))
        } else {
            return Err(vm.value_error("unmarshallable object"));
        };
        self.shared.insert(o.addr(), v.clone());
        Ok(v)
    }

    fn code(&mut self, vm: &mut Vm, o: &Obj, depth: usize) -> PyResult<Code> {
        let c = code_obj(o);
        let i = |x: u32| i32::try_from(x).unwrap_or(i32::MAX);
        let strs = |u: &mut Self, vm: &mut Vm, t: &Obj| -> PyResult<Rc<[Value]>> {
            let items = tuple_items(t).unwrap_or(&[]).to_vec();
            Ok(Rc::from(u.items(vm, &items, depth)?))
        };
        let consts = strs(self, vm, &c.consts)?;
        let names = strs(self, vm, &c.names)?;
        let localsplusnames = strs(self, vm, &c.localsplusnames)?;
        let code = unspecialized_code(c);
        Ok(Code {
            argcount: i(c.argcount),
            posonlyargcount: i(c.posonlyargcount),
            kwonlyargcount: i(c.kwonlyargcount),
            stacksize: i(c.stacksize),
            flags: c.flags as i32,
            code: Rc::from(code),
            consts,
            names,
            localsplusnames,
            localspluskinds: Rc::from(c.localspluskinds.to_vec()),
            filename: self.string(vm, &c.filename),
            name: self.string(vm, &c.name),
            qualname: self.string(vm, &c.qualname),
            firstlineno: c.firstlineno,
            linetable: Rc::from(c.linetable.to_vec()),
            exceptiontable: Rc::from(c.exceptiontable.to_vec()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_hash_matches_importlib() {
        // python3.14: importlib.util.source_hash(b'abc').hex()
        assert_eq!(source_hash(b"abc"), 0x4a7be9a5f61b466e_u64.to_le_bytes());
        assert_eq!(SOURCE_HASH_KEY, 0x0a0d0e2b);
    }
}
