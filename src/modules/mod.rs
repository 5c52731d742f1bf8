//! Native (Rust) modules, registered in one table, and the import system
//! (`import`).

pub mod gc;
pub mod import;
pub mod io;
pub mod sys;
pub mod types;

use crate::objects::dict::dict_obj;
use crate::objects::{Obj, Vm};

/// A native module: its name and the function that builds it.
pub struct NativeModule {
    pub name: &'static str,
    pub init: fn(&mut Vm) -> Obj,
}

/// Every native module pyrs can import.
pub static NATIVE_MODULES: &[NativeModule] = &[
    NativeModule {
        name: "sys",
        init: sys::make_module,
    },
    NativeModule {
        name: "gc",
        init: gc::make_module,
    },
    NativeModule {
        name: "types",
        init: types::make_module,
    },
    NativeModule {
        name: "builtins",
        init: |vm| vm.builtins.clone(),
    },
];

/// Creates `sys` and registers `builtins` and `sys` in `sys.modules`.
pub fn install(vm: &mut Vm) {
    let sys = sys::make_module(vm);
    vm.sys = sys.clone();
    let m = vm.modules.clone();
    let d = dict_obj(&m);
    d.set_str(vm.intern("sys"), sys);
    d.set_str(vm.intern("builtins"), vm.builtins.clone());
}

impl Vm {
    /// `sys.modules[name]`, if present.
    pub fn modules_get(&mut self, name: &str) -> Option<Obj> {
        let key = self.intern(name);
        dict_obj(&self.modules).get_str(&key)
    }
}
