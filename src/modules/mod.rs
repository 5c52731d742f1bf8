//! Native (Rust) modules, registered in one table, and the minimal import
//! of them that IMPORT_NAME performs until the import system lands.

pub mod io;
pub mod sys;

use crate::objects::dict::dict_obj;
use crate::objects::{Obj, PyResult, Vm};

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

    /// IMPORT_NAME for native modules: `sys.modules[name]`, or the native
    /// module of that name, created and registered on first import.
    pub fn import_native(&mut self, name: &str, level: i64) -> PyResult<Obj> {
        if level != 0 {
            return Err(self.system_error(
                "pyrs: relative imports are not implemented yet (the import system comes with the language issue)",
            ));
        }
        let top = name.split('.').next().unwrap_or(name);
        if let Some(m) = self.modules_get(name) {
            return Ok(if top == name {
                m
            } else {
                self.modules_get(top).unwrap_or(m)
            });
        }
        match NATIVE_MODULES.iter().find(|m| m.name == name) {
            Some(nm) => {
                let m = (nm.init)(self);
                let key = self.intern(name);
                dict_obj(&self.modules).set_str(key, m.clone());
                Ok(m)
            }
            None => Err(self.system_error(format!(
                "pyrs: cannot import '{name}': only the built-in modules sys and builtins can be imported until the import system lands"
            ))),
        }
    }
}
