//! `code` objects (CPython's `Objects/codeobject.c`): bytecode plus the
//! tables the eval loop needs.

use crate::objects::header::ObjHeader;
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::str::str_value;
use crate::objects::tuple::tuple_items;
use crate::objects::typeobject::{GetSetDef, MethodDef, TypeObject};
use crate::objects::{Obj, PyResult, Vm, args, int, object_type};

/// `co_flags` bits (`Include/cpython/code.h`).
pub mod co_flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    pub const HAS_DOCSTRING: u32 = 0x4000000;
    pub const METHOD: u32 = 0x8000000;
}

/// `co_localspluskinds` bits (`Include/internal/pycore_code.h`).
pub mod fast_kind {
    pub const ARG_POS: u8 = 0x02;
    pub const ARG_KW: u8 = 0x04;
    pub const ARG_VAR: u8 = 0x08;
    pub const HIDDEN: u8 = 0x10;
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// One 16-bit code unit: an opcode and its argument byte (CPython's
/// `_Py_CODEUNIT`). Inline cache entries are code units too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C, align(2))]
pub struct CodeUnit {
    pub op: u8,
    pub arg: u8,
}

/// A code object. Immutable after construction.
#[repr(C)]
pub struct CodeObject {
    pub ob: ObjHeader,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub stacksize: u32,
    pub flags: u32,
    pub firstlineno: i32,
    /// Number of local, cell and free variables (`co_nlocalsplus`).
    pub nlocalsplus: u32,
    pub nlocals: u32,
    pub ncellvars: u32,
    pub nfreevars: u32,
    /// Slots a frame needs: locals plus the value stack.
    pub framesize: u32,
    pub code: Box<[CodeUnit]>,
    pub consts: Obj,
    pub names: Obj,
    pub localsplusnames: Obj,
    pub localspluskinds: Box<[u8]>,
    pub filename: Obj,
    pub name: Obj,
    pub qualname: Obj,
    pub linetable: Box<[u8]>,
    pub exceptiontable: Box<[u8]>,
}
crate::py_layout!(CodeObject, CODE_TYPE);

pub static CODE_TYPE: TypeObject = TypeObject::new_static(
    "code",
    &CODE_TYPE,
    TypeIndex::Code as u16,
    dealloc_box::<CodeObject>,
)
.base(&object_type::OBJECT_TYPE)
.repr(code_repr)
.methods(CODE_METHODS)
.getsets(CODE_GETSETS);

/// The fields a code object is built from (marshal, or the compiler).
pub struct CodeParts {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub stacksize: u32,
    pub flags: u32,
    pub firstlineno: i32,
    pub code: Vec<u8>,
    pub consts: Obj,
    pub names: Obj,
    pub localsplusnames: Obj,
    pub localspluskinds: Vec<u8>,
    pub filename: Obj,
    pub name: Obj,
    pub qualname: Obj,
    pub linetable: Vec<u8>,
    pub exceptiontable: Vec<u8>,
}

/// Why a code object could not be built (inconsistent fields).
#[derive(Debug)]
pub struct BadCode(pub &'static str);

impl CodeObject {
    /// Builds a code object, validating what the eval loop relies on
    /// (CPython's `_PyCode_Validate`).
    pub fn create(p: CodeParts) -> Result<Obj, BadCode> {
        if !p.code.len().is_multiple_of(2) {
            return Err(BadCode("code: co_code is malformed"));
        }
        let consts_ok = tuple_items(&p.consts).is_some();
        let names_ok = tuple_items(&p.names).is_some();
        let Some(lnames) = tuple_items(&p.localsplusnames) else {
            return Err(BadCode("code: co_localsplusnames is not a tuple"));
        };
        if !consts_ok || !names_ok {
            return Err(BadCode("code: consts or names is not a tuple"));
        }
        if lnames.len() != p.localspluskinds.len() {
            return Err(BadCode(
                "code: co_localsplusnames and co_localspluskinds differ in length",
            ));
        }
        if (p.argcount as usize) < (p.posonlyargcount as usize)
            || p.argcount as usize + p.kwonlyargcount as usize > lnames.len()
        {
            return Err(BadCode("code: argument counts do not fit the locals"));
        }
        let nlocalsplus = lnames.len() as u32;
        let mut nlocals = 0;
        let mut ncell = 0;
        let mut nfree = 0;
        for k in &p.localspluskinds {
            if k & fast_kind::LOCAL != 0 {
                nlocals += 1;
            }
            if k & fast_kind::CELL != 0 {
                ncell += 1;
            }
            if k & fast_kind::FREE != 0 {
                nfree += 1;
            }
        }
        if p.stacksize > 1 << 24 {
            return Err(BadCode("code: co_stacksize is too large"));
        }
        // `init_code`: every code object gets at least one stack slot, so
        // a body that never pushes (`def f(): raise`) reports 1, as
        // python3.14's do (the compiler computes 0 for it).
        let stacksize = p.stacksize.max(1);
        let code: Box<[CodeUnit]> = p
            .code
            .chunks_exact(2)
            .map(|c| CodeUnit {
                op: c[0],
                arg: c[1],
            })
            .collect();
        if code.is_empty() {
            return Err(BadCode("code: co_code is empty"));
        }
        let obj = CodeObject {
            ob: ObjHeader::new(&CODE_TYPE),
            argcount: p.argcount,
            posonlyargcount: p.posonlyargcount,
            kwonlyargcount: p.kwonlyargcount,
            stacksize,
            flags: p.flags,
            firstlineno: p.firstlineno,
            nlocalsplus,
            nlocals,
            ncellvars: ncell,
            nfreevars: nfree,
            framesize: nlocalsplus + stacksize,
            code,
            consts: p.consts,
            names: p.names,
            localsplusnames: p.localsplusnames,
            localspluskinds: p.localspluskinds.into_boxed_slice(),
            filename: p.filename,
            name: p.name,
            qualname: p.qualname,
            linetable: p.linetable.into_boxed_slice(),
            exceptiontable: p.exceptiontable.into_boxed_slice(),
        };
        Ok(Obj::alloc(obj))
    }

    /// A copy of this code object with other `co_flags` (what
    /// `code.replace(co_flags=...)` does for `types.coroutine`).
    pub fn with_flags(&self, flags: u32) -> Obj {
        Obj::alloc(CodeObject {
            ob: ObjHeader::new(&CODE_TYPE),
            flags,
            code: self.code.clone(),
            consts: self.consts.clone(),
            names: self.names.clone(),
            localsplusnames: self.localsplusnames.clone(),
            localspluskinds: self.localspluskinds.clone(),
            filename: self.filename.clone(),
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            linetable: self.linetable.clone(),
            exceptiontable: self.exceptiontable.clone(),
            ..*self
        })
    }

    #[inline(always)]
    pub fn consts(&self) -> &[Obj] {
        tuple_items(&self.consts).unwrap_or(&[])
    }

    #[inline(always)]
    pub fn names(&self) -> &[Obj] {
        tuple_items(&self.names).unwrap_or(&[])
    }

    #[inline(always)]
    pub fn localsplusnames(&self) -> &[Obj] {
        tuple_items(&self.localsplusnames).unwrap_or(&[])
    }

    pub fn name_str(&self) -> &str {
        str_value(&self.name)
    }

    pub fn qualname_str(&self) -> &str {
        str_value(&self.qualname)
    }

    pub fn filename_str(&self) -> &str {
        str_value(&self.filename)
    }

    pub fn has_flag(&self, f: u32) -> bool {
        self.flags & f != 0
    }

    /// Names of the locals with the given kind bit, in order.
    fn names_with(&self, bit: u8) -> Vec<Obj> {
        self.localsplusnames()
            .iter()
            .zip(self.localspluskinds.iter())
            .filter(|(_, k)| **k & bit != 0)
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// The line of the instruction at code-unit offset `index`, or None
    /// when it has no line (CPython's `PyCode_Addr2Line`).
    pub fn addr2line(&self, index: usize) -> Option<i32> {
        crate::vm::linetable::addr2line(self, index)
    }
}

pub fn code_obj(o: &Obj) -> &CodeObject {
    o.downcast::<CodeObject>()
        .expect("code slot on a non-code object")
}

fn code_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let c = code_obj(o);
    let text = format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.name_str(),
        o.addr(),
        c.filename_str(),
        c.firstlineno
    );
    Ok(vm.new_string(text))
}

fn getter_tuple(vm: &mut Vm, v: Vec<Obj>) -> Obj {
    vm.new_tuple(v)
}

fn get_name(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(code_obj(o).name.clone())
}
fn get_qualname(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(code_obj(o).qualname.clone())
}
fn get_filename(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(code_obj(o).filename.clone())
}
fn get_firstlineno(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(int::new_int(code_obj(o).firstlineno as i64))
}
fn get_argcount(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(int::new_int(code_obj(o).argcount as i64))
}
fn get_posonlyargcount(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(int::new_int(code_obj(o).posonlyargcount as i64))
}
fn get_kwonlyargcount(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(int::new_int(code_obj(o).kwonlyargcount as i64))
}
fn get_nlocals(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(int::new_int(code_obj(o).nlocals as i64))
}
fn get_stacksize(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(int::new_int(code_obj(o).stacksize as i64))
}
fn get_flags(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(int::new_int(code_obj(o).flags as i64))
}
fn get_consts(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(code_obj(o).consts.clone())
}
fn get_names(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(code_obj(o).names.clone())
}
fn get_varnames(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let v = code_obj(o).names_with(fast_kind::LOCAL);
    Ok(getter_tuple(vm, v))
}
fn get_cellvars(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let v = code_obj(o).names_with(fast_kind::CELL);
    Ok(getter_tuple(vm, v))
}
fn get_freevars(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let v = code_obj(o).names_with(fast_kind::FREE);
    Ok(getter_tuple(vm, v))
}
fn get_code(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let c = code_obj(o);
    let bytes: Vec<u8> = c.code.iter().flat_map(|u| [u.op, u.arg]).collect();
    Ok(vm.new_bytes(bytes))
}
fn get_linetable(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(vm.new_bytes(code_obj(o).linetable.to_vec()))
}
fn get_exceptiontable(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(vm.new_bytes(code_obj(o).exceptiontable.to_vec()))
}

static CODE_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("co_name", get_name),
    GetSetDef::getter("co_qualname", get_qualname),
    GetSetDef::getter("co_filename", get_filename),
    GetSetDef::getter("co_firstlineno", get_firstlineno),
    GetSetDef::getter("co_argcount", get_argcount),
    GetSetDef::getter("co_posonlyargcount", get_posonlyargcount),
    GetSetDef::getter("co_kwonlyargcount", get_kwonlyargcount),
    GetSetDef::getter("co_nlocals", get_nlocals),
    GetSetDef::getter("co_stacksize", get_stacksize),
    GetSetDef::getter("co_flags", get_flags),
    GetSetDef::getter("co_consts", get_consts),
    GetSetDef::getter("co_names", get_names),
    GetSetDef::getter("co_varnames", get_varnames),
    GetSetDef::getter("co_cellvars", get_cellvars),
    GetSetDef::getter("co_freevars", get_freevars),
    GetSetDef::getter("co_code", get_code),
    GetSetDef::getter("co_linetable", get_linetable),
    GetSetDef::getter("co_exceptiontable", get_exceptiontable),
];

/// `code.co_lines()`: (start, end, line) byte ranges.
fn code_co_lines(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "code.co_lines", &a[1..], kw)?;
    let c = code_obj(&a[0]);
    let mut items = Vec::new();
    for r in crate::vm::linetable::line_ranges(c) {
        let line = match r.line {
            Some(l) => int::new_int(l as i64),
            None => Obj::none(),
        };
        items.push(vm.new_tuple(vec![
            int::new_usize(r.start * 2),
            int::new_usize(r.end * 2),
            line,
        ]));
    }
    let list = vm.new_list(items);
    vm.get_iter(&list)
}

static CODE_METHODS: &[MethodDef] = &[MethodDef::new("co_lines", code_co_lines)];
