//! The builtin exception hierarchy (CPython's `Objects/exceptions.c`).
//!
//! Every builtin exception shares one layout, `BaseExceptionObject`: the
//! standard attributes plus a few slots (`fields`) that families with extra
//! attributes use (StopIteration.value, SystemExit.code, OSError.errno...).
//! The family behaviour is in `exceptions_families.rs`.

use std::cell::Cell;

use crate::objects::args;
use crate::objects::header::ObjHeader;
use crate::objects::obj::{ObjCell, dealloc_box_trashcan};
use crate::objects::registry::TypeIndex;
use crate::objects::str::str_value;
use crate::objects::traceback::TRACEBACK_TYPE;
use crate::objects::tuple::{new_tuple, tuple_items};
use crate::objects::typeobject::{GetSetDef, MethodDef, TypeObject, as_type, flags};
use crate::objects::{Obj, PyErr, PyResult, Vm, object_type};

#[path = "exceptions_families.rs"]
pub mod families;
use families::*;

/// Number of family-specific attribute slots.
pub const NFIELDS: usize = 8;

#[repr(C)]
pub struct BaseExceptionObject {
    pub ob: ObjHeader,
    pub dict: ObjCell,
    pub args: ObjCell,
    pub traceback: ObjCell,
    pub context: ObjCell,
    pub cause: ObjCell,
    pub suppress_context: Cell<bool>,
    pub fields: [ObjCell; NFIELDS],
}
crate::py_layout!(BaseExceptionObject, BASE_EXCEPTION);

/// The slots every exception type has (those of BaseException); families
/// override some of them after.
pub const fn exception_slots(t: TypeObject) -> TypeObject {
    t.flags(flags::BASETYPE | flags::BASE_EXC_SUBCLASS)
        .repr(exc_repr)
        .str(exc_str)
        .new_fn(exc_new)
        .init(exc_init)
        .instance_dict(exc_instance_dict)
        .gc(exc_traverse, Some(exc_clear))
}

impl BaseExceptionObject {
    /// Every reference an exception owns (`BaseException_traverse` and the
    /// subclasses' own fields).
    fn cells(&self) -> impl Iterator<Item = &ObjCell> {
        [
            &self.dict,
            &self.args,
            &self.traceback,
            &self.context,
            &self.cause,
        ]
        .into_iter()
        .chain(self.fields.iter())
    }
}

/// `BaseException_traverse`.
fn exc_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(e) = o.downcast::<BaseExceptionObject>() {
        e.cells().for_each(|c| c.visit(visit));
    }
}

/// `BaseException_clear`.
fn exc_clear(o: &Obj) {
    if let Some(e) = o.downcast::<BaseExceptionObject>() {
        e.cells().for_each(|c| drop(c.take()));
    }
}

macro_rules! exception_types {
    ($( $st:ident = $name:literal : $idx:ident < $base:ident $( . $m:ident ( $($a:expr),* ) )* ; )*) => {
        /// Position of each exception type after the other static types.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(u16)]
        pub enum ExcIndex { BaseException, $($idx),* , Count }

        $(
            pub static $st: TypeObject = exception_slots(TypeObject::new_static(
                $name,
                &BASE_EXCEPTION,
                TypeIndex::FirstException as u16 + ExcIndex::$idx as u16,
                dealloc_box_trashcan::<BaseExceptionObject>,
            ))
            .base(&$base)
            $( .$m($($a),*) )*;
        )*

        /// Every builtin exception type, in `ExcIndex` order.
        pub static EXCEPTION_TYPES: &[&TypeObject] = &[&BASE_EXCEPTION, $(&$st),*];
    };
}

pub static BASE_EXCEPTION: TypeObject = exception_slots(TypeObject::new_static(
    "BaseException",
    &BASE_EXCEPTION,
    TypeIndex::FirstException as u16,
    dealloc_box_trashcan::<BaseExceptionObject>,
))
.base(&object_type::OBJECT_TYPE)
.doc("Common base class for all exceptions")
.methods(EXC_METHODS)
.getsets(EXC_GETSETS);

exception_types! {
    BASE_EXCEPTION_GROUP = "BaseExceptionGroup": BaseExceptionGroup < BASE_EXCEPTION
        .new_fn(group_new).init(group_init).str(group_str).repr(group_repr)
        .methods(GROUP_METHODS).getsets(GROUP_GETSETS);
    GENERATOR_EXIT = "GeneratorExit": GeneratorExit < BASE_EXCEPTION;
    KEYBOARD_INTERRUPT = "KeyboardInterrupt": KeyboardInterrupt < BASE_EXCEPTION;
    SYSTEM_EXIT = "SystemExit": SystemExit < BASE_EXCEPTION
        .init(system_exit_init).getsets(SYSTEM_EXIT_GETSETS);
    EXCEPTION = "Exception": Exception < BASE_EXCEPTION;
    ARITHMETIC_ERROR = "ArithmeticError": ArithmeticError < EXCEPTION;
    FLOATING_POINT_ERROR = "FloatingPointError": FloatingPointError < ARITHMETIC_ERROR;
    OVERFLOW_ERROR = "OverflowError": OverflowError < ARITHMETIC_ERROR;
    ZERO_DIVISION_ERROR = "ZeroDivisionError": ZeroDivisionError < ARITHMETIC_ERROR;
    ASSERTION_ERROR = "AssertionError": AssertionError < EXCEPTION;
    ATTRIBUTE_ERROR = "AttributeError": AttributeError < EXCEPTION
        .init(attribute_error_init).getsets(ATTRIBUTE_ERROR_GETSETS);
    BUFFER_ERROR = "BufferError": BufferError < EXCEPTION;
    EOF_ERROR = "EOFError": EOFError < EXCEPTION;
    EXCEPTION_GROUP = "ExceptionGroup": ExceptionGroup < BASE_EXCEPTION_GROUP
        .with_mro(&[&EXCEPTION_GROUP, &BASE_EXCEPTION_GROUP, &EXCEPTION, &BASE_EXCEPTION, &object_type::OBJECT_TYPE])
        .new_fn(group_new).init(group_init).str(group_str).repr(group_repr);
    IMPORT_ERROR = "ImportError": ImportError < EXCEPTION
        .init(import_error_init).str(import_error_str).getsets(IMPORT_ERROR_GETSETS);
    MODULE_NOT_FOUND_ERROR = "ModuleNotFoundError": ModuleNotFoundError < IMPORT_ERROR
        .init(import_error_init).str(import_error_str);
    LOOKUP_ERROR = "LookupError": LookupError < EXCEPTION;
    INDEX_ERROR = "IndexError": IndexError < LOOKUP_ERROR;
    KEY_ERROR = "KeyError": KeyError < LOOKUP_ERROR .str(key_error_str);
    MEMORY_ERROR = "MemoryError": MemoryError < EXCEPTION;
    NAME_ERROR = "NameError": NameError < EXCEPTION
        .init(name_error_init).getsets(NAME_ERROR_GETSETS);
    UNBOUND_LOCAL_ERROR = "UnboundLocalError": UnboundLocalError < NAME_ERROR
        .init(name_error_init);
    OS_ERROR = "OSError": OSError < EXCEPTION
        .new_fn(os_error_new).init(os_error_init).str(os_error_str).getsets(OS_ERROR_GETSETS);
    BLOCKING_IO_ERROR = "BlockingIOError": BlockingIOError < OS_ERROR .new_fn(os_error_new).init(os_error_init).str(os_error_str);
    CHILD_PROCESS_ERROR = "ChildProcessError": ChildProcessError < OS_ERROR .new_fn(os_error_new).init(os_error_init).str(os_error_str);
    CONNECTION_ERROR = "ConnectionError": ConnectionError < OS_ERROR .new_fn(os_error_new).init(os_error_init).str(os_error_str);
    BROKEN_PIPE_ERROR = "BrokenPipeError": BrokenPipeError < CONNECTION_ERROR .new_fn(os_error_new).init(os_error_init).str(os_error_str);
    CONNECTION_ABORTED_ERROR = "ConnectionAbortedError": ConnectionAbortedError < CONNECTION_ERROR .new_fn(os_error_new).init(os_error_init).str(os_error_str);
    CONNECTION_REFUSED_ERROR = "ConnectionRefusedError": ConnectionRefusedError < CONNECTION_ERROR .new_fn(os_error_new).init(os_error_init).str(os_error_str);
    CONNECTION_RESET_ERROR = "ConnectionResetError": ConnectionResetError < CONNECTION_ERROR .new_fn(os_error_new).init(os_error_init).str(os_error_str);
    FILE_EXISTS_ERROR = "FileExistsError": FileExistsError < OS_ERROR .new_fn(os_error_new).init(os_error_init).str(os_error_str);
    FILE_NOT_FOUND_ERROR = "FileNotFoundError": FileNotFoundError < OS_ERROR .new_fn(os_error_new).init(os_error_init).str(os_error_str);
    INTERRUPTED_ERROR = "InterruptedError": InterruptedError < OS_ERROR .new_fn(os_error_new).init(os_error_init).str(os_error_str);
    IS_A_DIRECTORY_ERROR = "IsADirectoryError": IsADirectoryError < OS_ERROR .new_fn(os_error_new).init(os_error_init).str(os_error_str);
    NOT_A_DIRECTORY_ERROR = "NotADirectoryError": NotADirectoryError < OS_ERROR .new_fn(os_error_new).init(os_error_init).str(os_error_str);
    PERMISSION_ERROR = "PermissionError": PermissionError < OS_ERROR .new_fn(os_error_new).init(os_error_init).str(os_error_str);
    PROCESS_LOOKUP_ERROR = "ProcessLookupError": ProcessLookupError < OS_ERROR .new_fn(os_error_new).init(os_error_init).str(os_error_str);
    TIMEOUT_ERROR = "TimeoutError": TimeoutError < OS_ERROR .new_fn(os_error_new).init(os_error_init).str(os_error_str);
    REFERENCE_ERROR = "ReferenceError": ReferenceError < EXCEPTION;
    RUNTIME_ERROR = "RuntimeError": RuntimeError < EXCEPTION;
    NOT_IMPLEMENTED_ERROR = "NotImplementedError": NotImplementedError < RUNTIME_ERROR;
    PYTHON_FINALIZATION_ERROR = "PythonFinalizationError": PythonFinalizationError < RUNTIME_ERROR;
    RECURSION_ERROR = "RecursionError": RecursionError < RUNTIME_ERROR;
    STOP_ASYNC_ITERATION = "StopAsyncIteration": StopAsyncIteration < EXCEPTION;
    STOP_ITERATION = "StopIteration": StopIteration < EXCEPTION
        .init(stop_iteration_init).getsets(STOP_ITERATION_GETSETS);
    SYNTAX_ERROR = "SyntaxError": SyntaxError < EXCEPTION
        .init(syntax_error_init).str(syntax_error_str).getsets(SYNTAX_ERROR_GETSETS);
    INCOMPLETE_INPUT_ERROR = "_IncompleteInputError": IncompleteInputError < SYNTAX_ERROR
        .init(syntax_error_init).str(syntax_error_str);
    INDENTATION_ERROR = "IndentationError": IndentationError < SYNTAX_ERROR
        .init(syntax_error_init).str(syntax_error_str);
    TAB_ERROR = "TabError": TabError < INDENTATION_ERROR
        .init(syntax_error_init).str(syntax_error_str);
    SYSTEM_ERROR = "SystemError": SystemError < EXCEPTION;
    TYPE_ERROR = "TypeError": TypeError < EXCEPTION;
    VALUE_ERROR = "ValueError": ValueError < EXCEPTION;
    UNICODE_ERROR = "UnicodeError": UnicodeError < VALUE_ERROR;
    UNICODE_DECODE_ERROR = "UnicodeDecodeError": UnicodeDecodeError < UNICODE_ERROR
        .init(unicode_error_init).str(unicode_decode_error_str).getsets(UNICODE_ERROR_GETSETS);
    UNICODE_ENCODE_ERROR = "UnicodeEncodeError": UnicodeEncodeError < UNICODE_ERROR
        .init(unicode_error_init).str(unicode_encode_error_str).getsets(UNICODE_ERROR_GETSETS);
    UNICODE_TRANSLATE_ERROR = "UnicodeTranslateError": UnicodeTranslateError < UNICODE_ERROR;
    WARNING = "Warning": Warning < EXCEPTION;
    BYTES_WARNING = "BytesWarning": BytesWarning < WARNING;
    DEPRECATION_WARNING = "DeprecationWarning": DeprecationWarning < WARNING;
    ENCODING_WARNING = "EncodingWarning": EncodingWarning < WARNING;
    FUTURE_WARNING = "FutureWarning": FutureWarning < WARNING;
    IMPORT_WARNING = "ImportWarning": ImportWarning < WARNING;
    PENDING_DEPRECATION_WARNING = "PendingDeprecationWarning": PendingDeprecationWarning < WARNING;
    RESOURCE_WARNING = "ResourceWarning": ResourceWarning < WARNING;
    RUNTIME_WARNING = "RuntimeWarning": RuntimeWarning < WARNING;
    SYNTAX_WARNING = "SyntaxWarning": SyntaxWarning < WARNING;
    UNICODE_WARNING = "UnicodeWarning": UnicodeWarning < WARNING;
    USER_WARNING = "UserWarning": UserWarning < WARNING;
}

/// The exception object behind an `Obj` known to be an exception.
pub fn exc(o: &Obj) -> &BaseExceptionObject {
    o.downcast::<BaseExceptionObject>()
        .expect("exception operation on a non-exception")
}

/// Whether `o` is an exception instance.
#[inline]
pub fn is_exception(o: &Obj) -> bool {
    !o.is_small_int() && o.class().has_flag(flags::BASE_EXC_SUBCLASS)
}

/// Whether `o` is an exception class.
pub fn is_exception_type(o: &Obj) -> bool {
    as_type(o).is_some_and(|t| t.has_flag(flags::BASE_EXC_SUBCLASS))
}

/// Allocates an exception of type `ty` (any exception type, including
/// subclasses) with `args` (CPython's `BaseException_new`).
pub fn alloc_exception(ty: &TypeObject, args: Obj) -> Obj {
    Obj::alloc(BaseExceptionObject {
        ob: ObjHeader::new(ty),
        dict: ObjCell::empty(),
        args: ObjCell::new(Some(args)),
        traceback: ObjCell::empty(),
        context: ObjCell::empty(),
        cause: ObjCell::empty(),
        suppress_context: Cell::new(false),
        fields: Default::default(),
    })
}

/// Creates an instance of a builtin exception type from Rust, running the
/// family's `__init__` so its attributes are set (StopIteration.value...).
pub fn new_static_instance(vm: &mut Vm, ty: &'static TypeObject, args: Vec<Obj>) -> Obj {
    let tuple = new_tuple(args.clone());
    let e = alloc_exception(ty, tuple);
    if let Some(init) = ty.slots.tp_init.get()
        && let Err(err) = init(vm, &e, &args, None)
    {
        return err.into_value();
    }
    e
}

/// Sets `exc.__context__` to `handled` without creating a cycle (the loop
/// of CPython's `_PyErr_SetObject`).
pub fn chain_context(e: &Obj, handled: Obj) {
    if !is_exception(e) || !is_exception(&handled) {
        return;
    }
    // Walk handled's context chain; if `e` is on it, cut the chain there.
    let mut o = handled.clone();
    let mut slow = handled.clone();
    let mut toggle = false;
    while let Some(ctx) = exc(&o).context.get() {
        if ctx.is(e) {
            exc(&o).context.set(None);
            break;
        }
        o = ctx;
        if o.is(&slow) {
            break;
        }
        if toggle && let Some(next) = exc(&slow).context.get() {
            slow = next;
        }
        toggle = !toggle;
    }
    exc(e).context.set(Some(handled));
}

/// Records on an AttributeError the object and name it was raised for
/// (the traceback printer uses them for "Did you mean" suggestions).
pub fn set_attribute_error_context(err: &PyErr, obj: &Obj, name: &Obj) {
    let e = err.value();
    if e.class().is_subtype(&ATTRIBUTE_ERROR) {
        let x = exc(e);
        if !x.fields[0].is_some() {
            x.fields[0].set(Some(name.clone()));
            x.fields[1].set(Some(obj.clone()));
        }
    }
}

/// Records on a NameError the name that was not found.
pub fn set_name_error_name(err: &PyErr, name: &Obj) {
    let e = err.value();
    if e.class().is_subtype(&NAME_ERROR) {
        exc(e).fields[0].set(Some(name.clone()));
    }
}

fn exc_new(_: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let ty = as_type(cls).expect("exception __new__ with a non-type");
    let (pos, _, _) = args::split(a, kw);
    Ok(alloc_exception(ty, new_tuple(pos.to_vec())))
}

/// `BaseException.__init__(*args)`: no keyword arguments.
pub fn exc_init(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    if !args::kwnames_slice(kw).is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", o.class().name())));
    }
    exc(o).args.set(Some(new_tuple(a.to_vec())));
    Ok(())
}

/// The `args` tuple's items.
pub fn exc_args(o: &Obj) -> Vec<Obj> {
    exc(o)
        .args
        .get()
        .and_then(|t| tuple_items(&t).map(|s| s.to_vec()))
        .unwrap_or_default()
}

/// `str(exc)`: '' for no args, str(arg) for one, str(args) otherwise.
pub fn exc_str(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let a = exc_args(o);
    match a.len() {
        0 => Ok(vm.new_str("")),
        1 => vm.str(&a[0]),
        _ => {
            let t = exc(o).args.get().unwrap_or_else(|| new_tuple(vec![]));
            vm.str(&t)
        }
    }
}

/// `repr(exc)`: `Name(arg)` or `Name(a, b)` (CPython's `BaseException_repr`).
pub fn exc_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let name = o.class().name().into_owned();
    let a = exc_args(o);
    let inner = if a.len() == 1 {
        let r = vm.repr(&a[0])?;
        str_value(&r).to_string()
    } else {
        let t = exc(o).args.get().unwrap_or_else(|| new_tuple(vec![]));
        let r = vm.repr(&t)?;
        let s = str_value(&r);
        s[1..s.len() - 1].trim_end_matches(',').to_string()
    };
    Ok(vm.new_string(format!("{name}({inner})")))
}

fn exc_instance_dict(vm: &mut Vm, o: &Obj) -> Obj {
    let e = exc(o);
    match e.dict.get() {
        Some(d) => d,
        None => {
            let d = vm.new_dict();
            e.dict.set(Some(d.clone()));
            d
        }
    }
}

fn with_traceback(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let tb = args::one_arg(vm, "BaseException.with_traceback", &a[1..], kw)?;
    set_traceback(vm, &a[0], Some(tb.clone()))?;
    Ok(a[0].clone())
}

fn add_note(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let note = args::one_arg(vm, "BaseException.add_note", &a[1..], kw)?;
    if !crate::objects::str::is_str(note) {
        return Err(vm.type_error(format!(
            "add_note() argument must be str, not {}",
            note.class().name()
        )));
    }
    append_note(vm, &a[0], note.clone())?;
    Ok(Obj::none())
}

/// Appends `note` (a str) to `exc.__notes__`, creating the list
/// (`BaseException_add_note`).
pub fn append_note(vm: &mut Vm, exc: &Obj, note: Obj) -> PyResult<()> {
    let d = exc_instance_dict(vm, exc);
    let key = vm.intern("__notes__");
    let dd = crate::objects::dict::dict_obj(&d);
    let notes = match dd.get_str(&key) {
        Some(n) => n,
        None => {
            let l = vm.new_list(vec![]);
            dd.set_str(key, l.clone());
            l
        }
    };
    match notes.downcast::<crate::objects::list::ListObject>() {
        Some(l) => {
            l.push(note);
            Ok(())
        }
        None => Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
}

impl Vm {
    /// Adds a note to the exception `err` carries (`_PyErr_FormatNote`); a
    /// failure to add it leaves `err` as it was.
    pub fn add_note_to(&mut self, err: &crate::objects::PyErr, note: &str) {
        let note = self.new_str(note);
        let _ = append_note(self, err.value(), note);
    }
}

fn exc_reduce(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "BaseException.__reduce__", &a[1..], kw)?;
    let cls = crate::objects::typeobject::type_as_obj(a[0].class());
    let args = exc(&a[0]).args.get().unwrap_or_else(|| new_tuple(vec![]));
    let mut items = vec![cls, args];
    if let Some(d) = exc(&a[0]).dict.get() {
        items.push(d);
    }
    Ok(vm.new_tuple(items))
}

static EXC_METHODS: &[MethodDef] = &[
    MethodDef::new("with_traceback", with_traceback),
    MethodDef::new("add_note", add_note),
    MethodDef::new("__reduce__", exc_reduce),
];

fn get_args(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(exc(o).args.get().unwrap_or_else(|| vm.new_tuple(vec![])))
}
fn set_args(vm: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(vm.type_error("args may not be deleted"));
    };
    let items = vm.collect(&v)?;
    exc(o).args.set(Some(new_tuple(items)));
    Ok(())
}
fn get_traceback(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(exc(o).traceback.get().unwrap_or_else(Obj::none))
}

/// `exc.__traceback__ = tb` (None or a traceback).
pub fn set_traceback(vm: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    match v {
        None => Err(vm.type_error("__traceback__ may not be deleted")),
        Some(t) if t.is_none() => {
            exc(o).traceback.set(None);
            Ok(())
        }
        Some(t) if std::ptr::eq(t.class(), &TRACEBACK_TYPE) => {
            exc(o).traceback.set(Some(t));
            Ok(())
        }
        Some(_) => Err(vm.type_error("__traceback__ must be a traceback or None")),
    }
}
fn get_context(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(exc(o).context.get().unwrap_or_else(Obj::none))
}
fn set_context(vm: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    match v {
        None => Err(vm.type_error("__context__ may not be deleted")),
        Some(c) if c.is_none() => {
            exc(o).context.set(None);
            Ok(())
        }
        Some(c) if is_exception(&c) => {
            exc(o).context.set(Some(c));
            Ok(())
        }
        Some(_) => {
            Err(vm.type_error("exception context must be None or derive from BaseException"))
        }
    }
}
fn get_cause(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(exc(o).cause.get().unwrap_or_else(Obj::none))
}

/// `exc.__cause__ = c` also sets `__suppress_context__` (as `raise ... from`).
pub fn set_cause(vm: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    match v {
        None => Err(vm.type_error("__cause__ may not be deleted")),
        Some(c) if c.is_none() => {
            exc(o).cause.set(None);
            exc(o).suppress_context.set(true);
            Ok(())
        }
        Some(c) if is_exception(&c) => {
            exc(o).cause.set(Some(c));
            exc(o).suppress_context.set(true);
            Ok(())
        }
        Some(_) => Err(vm.type_error("exception cause must be None or derive from BaseException")),
    }
}
fn get_suppress(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(crate::objects::bool_::new_bool(
        exc(o).suppress_context.get(),
    ))
}
fn set_suppress(vm: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    let b = match v {
        Some(v) => vm.is_true(&v)?,
        None => false,
    };
    exc(o).suppress_context.set(b);
    Ok(())
}
fn get_dict(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(exc_instance_dict(vm, o))
}

static EXC_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("args", get_args, set_args),
    GetSetDef::getset("__traceback__", get_traceback, set_traceback),
    GetSetDef::getset("__context__", get_context, set_context),
    GetSetDef::getset("__cause__", get_cause, set_cause),
    GetSetDef::getset("__suppress_context__", get_suppress, set_suppress),
    GetSetDef::getter("__dict__", get_dict),
];
