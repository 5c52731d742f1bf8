//! Turning marshal data into objects: `.pyc` files and `marshal` trees.
//!
//! `marshal` reads bytes into a plain tree; this builds the objects, keeping
//! every shared sub-object shared (FLAG_REF), interning what the file marks
//! interned, building real dicts and sets, and verifying every code object
//! before it can run.

use std::collections::HashMap;
use std::rc::Rc;

use crate::marshal::{self, ErrorKind, PyStr, Value};
use crate::objects::code::{CodeObject, CodeParts};
use crate::objects::dict::{dict_obj, new_dict};
use crate::objects::exceptions as exc;
use crate::objects::set::{FROZENSET_TYPE, SET_TYPE, empty_set_of, set_obj};
use crate::objects::{Obj, PyErr, PyResult, TypeObject, Vm};
use crate::objects::{bytes, complex, float, int, list, slice, str, tuple};

/// The exception type for a marshal error kind.
pub(crate) fn kind_type(kind: ErrorKind) -> &'static TypeObject {
    match kind {
        ErrorKind::EOFError => &exc::EOF_ERROR,
        ErrorKind::ValueError => &exc::VALUE_ERROR,
        ErrorKind::TypeError => &exc::TYPE_ERROR,
        ErrorKind::SystemError => &exc::SYSTEM_ERROR,
        ErrorKind::OverflowError => &exc::OVERFLOW_ERROR,
        ErrorKind::UnicodeDecodeError => &exc::VALUE_ERROR,
        ErrorKind::RuntimeError => &exc::RUNTIME_ERROR,
        ErrorKind::ImportError => &exc::IMPORT_ERROR,
        ErrorKind::NotImplementedError => &exc::NOT_IMPLEMENTED_ERROR,
    }
}

impl Vm {
    /// Loads the code object of a `.pyc` file run as a script, with the
    /// errors CPython's `run_pyc_file` gives ("Bad magic number in .pyc
    /// file", "Bad code object in .pyc file", ...).
    pub fn load_pyc(&mut self, data: &[u8]) -> PyResult<Obj> {
        match marshal::read_pyc(data) {
            Ok((_, value)) => self.marshal_to_object(&value),
            Err(e) => {
                let (kind, msg) = e.script_error();
                Err(self.new_exception_msg(kind_type(kind), msg))
            }
        }
    }

    /// `marshal.loads`-style conversion of a tree into objects.
    pub fn marshal_to_object(&mut self, v: &Value) -> PyResult<Obj> {
        let mut b = Builder {
            shared: HashMap::new(),
            filename: None,
        };
        b.build(self, v)
    }

    /// Like [`Vm::marshal_to_object`], with every code object's
    /// `co_filename` set to `filename`: importlib's `_fix_co_filename`,
    /// which points a cached module's code at the source file found.
    pub fn marshal_to_object_at(&mut self, v: &Value, filename: &str) -> PyResult<Obj> {
        let f = self.new_str(filename);
        let mut b = Builder {
            shared: HashMap::new(),
            filename: Some(f),
        };
        b.build(self, v)
    }
}

/// Builds objects, remembering the object made for each shared node.
struct Builder {
    shared: HashMap<usize, Obj>,
    /// Replaces `co_filename` when set (see `marshal_to_object_at`).
    filename: Option<Obj>,
}

impl Builder {
    fn remembered(&self, ptr: usize) -> Option<Obj> {
        self.shared.get(&ptr).cloned()
    }

    fn string(&mut self, vm: &mut Vm, s: &Rc<PyStr>) -> Obj {
        let key = Rc::as_ptr(s) as *const u8 as usize;
        if let Some(o) = self.remembered(key) {
            return o;
        }
        let o = if s.interned {
            vm.intern(s.as_str())
        } else {
            str::new_str_obj(s.as_str())
        };
        self.shared.insert(key, o.clone());
        o
    }

    fn items(&mut self, vm: &mut Vm, items: &[Value]) -> PyResult<Vec<Obj>> {
        items.iter().map(|x| self.build(vm, x)).collect()
    }

    fn build(&mut self, vm: &mut Vm, v: &Value) -> PyResult<Obj> {
        Ok(match v {
            Value::None => Obj::none(),
            Value::True => crate::objects::bool_::new_bool(true),
            Value::False => crate::objects::bool_::new_bool(false),
            Value::Ellipsis => Obj::ellipsis(),
            Value::StopIteration => crate::objects::typeobject::type_as_obj(&exc::STOP_ITERATION),
            Value::Int(b) => int::new_bigint(b.clone()),
            Value::Float(f) => float::new_float(*f),
            Value::Complex(re, im) => complex::new_complex(*re, *im),
            Value::Str(s) => self.string(vm, s),
            Value::Bytes(b) => {
                let key = Rc::as_ptr(b) as *const u8 as usize;
                if let Some(o) = self.remembered(key) {
                    return Ok(o);
                }
                let o = bytes::new_bytes(b.to_vec());
                self.shared.insert(key, o.clone());
                o
            }
            Value::Tuple(items) => {
                let key = Rc::as_ptr(items) as *const u8 as usize;
                if let Some(o) = self.remembered(key) {
                    return Ok(o);
                }
                let objs = self.items(vm, items)?;
                let o = tuple::new_tuple(objs);
                self.shared.insert(key, o.clone());
                o
            }
            Value::List(items) => {
                let objs = self.items(vm, items)?;
                list::new_list(objs)
            }
            Value::Dict(pairs) => {
                let d = new_dict();
                for (k, val) in pairs.iter() {
                    let k = self.build(vm, k)?;
                    let val = self.build(vm, val)?;
                    dict_obj(&d).set(vm, k, val)?;
                }
                d
            }
            Value::Set(items) | Value::FrozenSet(items) => {
                let key = Rc::as_ptr(items) as *const u8 as usize;
                if let Some(o) = self.remembered(key) {
                    return Ok(o);
                }
                let frozen = matches!(v, Value::FrozenSet(_));
                let s = empty_set_of(if frozen { &FROZENSET_TYPE } else { &SET_TYPE });
                for x in items.iter() {
                    let o = self.build(vm, x)?;
                    set_obj(&s).add(vm, o)?;
                }
                if frozen {
                    self.shared.insert(key, s.clone());
                }
                s
            }
            Value::Slice(parts) => {
                let (a, b, c) = (&parts.0, &parts.1, &parts.2);
                let (a, b, c) = (self.build(vm, a)?, self.build(vm, b)?, self.build(vm, c)?);
                slice::new_slice(a, b, c)
            }
            Value::Code(c) => {
                let key = Rc::as_ptr(c) as *const u8 as usize;
                if let Some(o) = self.remembered(key) {
                    return Ok(o);
                }
                let o = self.code(vm, c)?;
                self.shared.insert(key, o.clone());
                o
            }
        })
    }

    fn code(&mut self, vm: &mut Vm, c: &marshal::Code) -> PyResult<Obj> {
        let consts = self.items(vm, &c.consts)?;
        let names = self.items(vm, &c.names)?;
        let localsplusnames = self.items(vm, &c.localsplusnames)?;
        let names: Vec<Obj> = names.into_iter().map(|n| vm.intern_obj(n)).collect();
        let localsplusnames: Vec<Obj> = localsplusnames
            .into_iter()
            .map(|n| vm.intern_obj(n))
            .collect();
        let u = |x: i32| u32::try_from(x).unwrap_or(0);
        let parts = CodeParts {
            argcount: u(c.argcount),
            posonlyargcount: u(c.posonlyargcount),
            kwonlyargcount: u(c.kwonlyargcount),
            stacksize: u(c.stacksize),
            flags: c.flags as u32,
            firstlineno: c.firstlineno,
            code: c.code.to_vec(),
            consts: tuple::new_tuple(consts),
            names: tuple::new_tuple(names),
            localsplusnames: tuple::new_tuple(localsplusnames),
            localspluskinds: c.localspluskinds.to_vec(),
            filename: match &self.filename {
                Some(f) => f.clone(),
                None => self.string(vm, &c.filename),
            },
            name: self.string(vm, &c.name),
            qualname: self.string(vm, &c.qualname),
            linetable: c.linetable.to_vec(),
            exceptiontable: c.exceptiontable.to_vec(),
        };
        let name = c.qualname.as_str().to_string();
        let code = CodeObject::create(parts).map_err(|e| bad_code(vm, &name, e.0))?;
        let co = crate::objects::code::code_obj(&code);
        if let Err(msg) = crate::vm::verify::verify(co) {
            return Err(bad_code(vm, &name, &msg));
        }
        Ok(code)
    }
}

fn bad_code(vm: &mut Vm, name: &str, why: &str) -> PyErr {
    vm.system_error(format!(
        "pyrs: invalid bytecode in code object '{name}': {why}"
    ))
}
