//! The text streams behind `sys.stdout` and `sys.stderr` (a small
//! `_io.TextIOWrapper`): UTF-8 text written to the process's standard
//! output and error, or captured into the interpreter for embedders.
//!
//! As in CPython, stdout is block-buffered unless it is a terminal (then
//! line-buffered) and is flushed at exit; stderr is written at every line.

use std::cell::RefCell;
use std::io::{IsTerminal, Write};

use crate::objects::args;
use crate::objects::header::ObjHeader;
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::str::StrObject;
use crate::objects::typeobject::{GetSetDef, MethodDef, TypeObject};
use crate::objects::{Obj, PyResult, Vm, bool_, int, object_type};

/// Bytes of stdout kept before writing them out.
const BUFFER_SIZE: usize = 8192;

#[repr(C)]
pub struct TextIOObject {
    pub ob: ObjHeader,
    /// 1 for stdout, 2 for stderr.
    pub fd: u8,
    pub name: &'static str,
    line_buffered: bool,
    buffer: RefCell<Vec<u8>>,
}
crate::py_layout!(TextIOObject, TEXTIO_TYPE);

pub static TEXTIO_TYPE: TypeObject = TypeObject::new_static(
    "_io.TextIOWrapper",
    &TEXTIO_TYPE,
    TypeIndex::TextIO as u16,
    dealloc_box::<TextIOObject>,
)
.base(&object_type::OBJECT_TYPE)
.repr(textio_repr)
.methods(TEXTIO_METHODS)
.getsets(TEXTIO_GETSETS);

/// A stream for `fd` (1 or 2).
pub fn new_stream(fd: u8) -> Obj {
    let name = if fd == 1 { "<stdout>" } else { "<stderr>" };
    let line_buffered = fd == 2 || std::io::stdout().is_terminal();
    Obj::alloc(TextIOObject {
        ob: ObjHeader::new(&TEXTIO_TYPE),
        fd,
        name,
        line_buffered,
        buffer: RefCell::new(Vec::new()),
    })
}

impl TextIOObject {
    /// Writes `text`, flushing as the buffering mode says.
    pub fn write_str(&self, vm: &mut Vm, text: &str) {
        if vm.config.capture_output {
            vm.captured[(self.fd - 1) as usize].push_str(text);
            return;
        }
        let mut buf = self.buffer.borrow_mut();
        buf.extend_from_slice(text.as_bytes());
        let flush_now = buf.len() >= BUFFER_SIZE || (self.line_buffered && text.contains('\n'));
        drop(buf);
        if flush_now {
            self.flush_buffer();
        }
    }

    /// Writes out whatever is buffered. Write errors (a closed pipe) are
    /// ignored, as CPython ignores them when flushing at exit.
    pub fn flush_buffer(&self) {
        let data = std::mem::take(&mut *self.buffer.borrow_mut());
        if data.is_empty() {
            return;
        }
        let _ = if self.fd == 1 {
            let mut out = std::io::stdout().lock();
            out.write_all(&data).and_then(|_| out.flush())
        } else {
            let mut err = std::io::stderr().lock();
            err.write_all(&data).and_then(|_| err.flush())
        };
    }
}

impl Drop for TextIOObject {
    fn drop(&mut self) {
        self.flush_buffer();
    }
}

fn stream(o: &Obj) -> &TextIOObject {
    o.downcast::<TextIOObject>().expect("TextIOWrapper slot")
}

fn textio_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let s = stream(o);
    Ok(vm.new_string(format!(
        "<_io.TextIOWrapper name='{}' mode='w' encoding='utf-8'>",
        s.name
    )))
}

fn write(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::one_arg(vm, "write", &a[1..], kw)?;
    let Some(text) = v.downcast::<StrObject>() else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            v.class().name()
        )));
    };
    stream(&a[0]).write_str(vm, text.as_str());
    Ok(int::new_usize(text.char_len()))
}

fn flush(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "flush", &a[1..], kw)?;
    stream(&a[0]).flush_buffer();
    Ok(Obj::none())
}

fn isatty(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "isatty", &a[1..], kw)?;
    let tty = if stream(&a[0]).fd == 1 {
        std::io::stdout().is_terminal()
    } else {
        std::io::stderr().is_terminal()
    };
    Ok(bool_::new_bool(tty && !vm.config.capture_output))
}

fn fileno(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "fileno", &a[1..], kw)?;
    Ok(int::new_int(stream(&a[0]).fd as i64))
}

fn writable(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "writable", &a[1..], kw)?;
    Ok(bool_::new_bool(true))
}

static TEXTIO_METHODS: &[MethodDef] = &[
    MethodDef::new("write", write),
    MethodDef::new("flush", flush),
    MethodDef::new("isatty", isatty),
    MethodDef::new("fileno", fileno),
    MethodDef::new("writable", writable),
];

fn get_name(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(vm.new_str(stream(o).name))
}
fn get_encoding(vm: &mut Vm, _: &Obj) -> PyResult<Obj> {
    Ok(vm.new_str("utf-8"))
}
fn get_errors(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(vm.new_str(if stream(o).fd == 2 {
        "backslashreplace"
    } else {
        "strict"
    }))
}

static TEXTIO_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("name", get_name),
    GetSetDef::getter("encoding", get_encoding),
    GetSetDef::getter("errors", get_errors),
];
