//! Creating an interpreter: interned names, the per-interpreter
//! dictionaries of the static types, the shim code object, `builtins` and
//! `sys` (CPython's `pycore_init_types`, `pycore_init_builtins`, ...).

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::AtomicU32;

use crate::objects::Obj;
use crate::objects::code::{CodeObject, CodeParts};
use crate::objects::descr::new_getset_descr;
use crate::objects::dict::{dict_obj, new_dict};
use crate::objects::native::new_method_descr;
use crate::objects::object_type::is_hash_not_implemented;
use crate::objects::registry::all_static_types;
use crate::objects::str::new_str_obj;
use crate::objects::tuple::new_tuple;
use crate::opcode::op;
use crate::vm::frame::FrameArena;
use crate::vm::identifiers::Identifiers;
use crate::vm::native_stack::NativeStackGuard;
use crate::vm::{Config, Vm};

impl Vm {
    /// A new interpreter with `builtins` and `sys` ready.
    pub fn new(config: Config) -> Vm {
        let mut interned: HashMap<Box<str>, Obj> = HashMap::new();
        let ids = Identifiers::new(&mut |s: &str| {
            interned
                .entry(s.into())
                .or_insert_with(|| new_str_obj(s))
                .clone()
        });
        let mut vm = Vm {
            frames: FrameArena::default(),
            current_frame: std::ptr::null_mut(),
            exc_stack: vec![None],
            initializing: Vec::new(),
            py_depth: 0,
            recursion_limit: 1000,
            recursion_headroom: false,
            native_stack: NativeStackGuard::default(),
            eval_breaker: Arc::new(AtomicU32::new(0)),
            builtins: Obj::none(),
            builtins_dict: new_dict(),
            sys: Obj::none(),
            modules: new_dict(),
            type_dicts: Vec::new(),
            static_subclasses: HashMap::new(),
            interned,
            ids,
            trampoline: shim_code(),
            repr_stack: Vec::new(),
            config,
            captured: Default::default(),
            registered_sources: Default::default(),
            #[cfg(feature = "stats")]
            stats: Default::default(),
        };
        for b in 0..128u8 {
            let s = (b as char).to_string();
            vm.intern(&s);
        }
        vm.type_dicts = build_type_dicts(&mut vm);
        crate::builtins::install(&mut vm);
        crate::modules::install(&mut vm);
        vm
    }

    /// The builtins namespace for code whose globals are `globals`: their
    /// `__builtins__` entry (a module or a dict), or this interpreter's.
    pub fn builtins_for(&self, globals: &Obj) -> Obj {
        match dict_obj(globals).get_str(&self.ids.__builtins__) {
            Some(b) => match crate::objects::module::module_dict(&b) {
                Some(d) => d.clone(),
                None if crate::objects::dict::is_dict(&b) => b,
                None => self.builtins_dict.clone(),
            },
            None => self.builtins_dict.clone(),
        }
    }
}

/// The attribute dicts of every static type (CPython's `type_ready` /
/// `add_methods`, `add_getset`, `add_operators`), in registry order.
fn build_type_dicts(vm: &mut Vm) -> Vec<Obj> {
    let mut out = Vec::new();
    for t in all_static_types() {
        let d = new_dict();
        let dd = dict_obj(&d);
        for m in t.methods {
            dd.set_str(vm.intern(m.name), new_method_descr(m, t));
        }
        for g in t.getsets {
            let key = vm.intern(g.name);
            if dd.get_str(&key).is_none() {
                dd.set_str(key, new_getset_descr(g, t));
            }
        }
        let doc = match t.tp_doc {
            Some(text) => vm.new_str(text),
            None => Obj::none(),
        };
        let key = vm.ids.__doc__.clone();
        if dd.get_str(&key).is_none() {
            dd.set_str(key, doc);
        }
        if let Some(h) = t.slots.tp_hash.get()
            && is_hash_not_implemented(h)
        {
            dd.set_str(vm.ids.__hash__.clone(), Obj::none());
        }
        crate::objects::slot_wrappers::add_operators(vm, t, dd);
        out.push(d);
    }
    out
}

/// The code of the shim frame: a lone INTERPRETER_EXIT.
fn shim_code() -> Obj {
    let empty = new_tuple(vec![]);
    let name = new_str_obj("<shim>");
    CodeObject::create(CodeParts {
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        stacksize: 1,
        flags: 0,
        firstlineno: 0,
        // Entered at unit 1: a return (offset 0) and a yield (1 +
        // SEND's cache) both land on an INTERPRETER_EXIT, as in CPython's
        // `_Py_INTERPRETER_TRAMPOLINE_INSTRUCTIONS`.
        code: vec![
            op::NOP,
            0,
            op::INTERPRETER_EXIT,
            0,
            op::NOP,
            0,
            op::INTERPRETER_EXIT,
            0,
        ],
        consts: empty.clone(),
        names: empty.clone(),
        localsplusnames: empty,
        localspluskinds: vec![],
        filename: name.clone(),
        name: name.clone(),
        qualname: name,
        linetable: vec![],
        exceptiontable: vec![],
    })
    .expect("the shim code object is well formed")
}
