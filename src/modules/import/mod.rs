//! The import system: what IMPORT_NAME, IMPORT_FROM, `import *` and
//! `__import__` do (`PyImport_ImportModuleLevelObject` in
//! `Python/import.c` and the pure-Python `importlib._bootstrap` it calls:
//! `_calc___package__`, `_resolve_name`, `_gcd_import`, `_find_and_load`,
//! `_load_unlocked`, `_handle_fromlist`), with the finders and loaders
//! pyrs has: native modules first, then source and sourceless files on
//! `sys.path`, sharing `__pycache__` with CPython 3.14.

pub mod finder;
pub mod loader;

use crate::objects::dict::dict_obj;
use crate::objects::exceptions::{self as exc, IMPORT_ERROR, MODULE_NOT_FOUND_ERROR};
use crate::objects::module::{module_dict, new_module};
use crate::objects::str::{is_str, str_value};
use crate::objects::{Obj, PyErr, PyResult, Vm};

use finder::Spec;

impl Vm {
    /// `__import__(name, globals, locals, fromlist, level)`: the module
    /// IMPORT_NAME pushes.
    pub fn import_module_level(
        &mut self,
        name: &Obj,
        globals: Option<&Obj>,
        fromlist: &Obj,
        level: i64,
    ) -> PyResult<Obj> {
        if !is_str(name) {
            return Err(self.type_error("module name must be a string"));
        }
        if level < 0 {
            return Err(self.value_error("level must be >= 0"));
        }
        let name = str_value(name).to_string();
        let absolute = if level > 0 {
            let package = self.calc_package(globals)?;
            resolve_name(self, &name, &package, level)?
        } else {
            if name.is_empty() {
                return Err(self.value_error("Empty module name"));
            }
            name.clone()
        };
        let module = self.gcd_import(&absolute)?;
        let from_items = if fromlist.is_none() {
            Vec::new()
        } else {
            self.collect(fromlist)?
        };
        if from_items.is_empty() {
            if level == 0 {
                let top = absolute.split('.').next().unwrap_or(&absolute).to_string();
                return self.gcd_import(&top);
            }
            if name.is_empty() {
                return Ok(module);
            }
            let cut = name.len() - name.split('.').next().unwrap_or(&name).len();
            let mname = self.module_name(&module)?;
            let keep = &mname[..mname.len() - cut];
            return match self.modules_get(keep) {
                Some(m) => Ok(m),
                None => Err(self.key_error_str(keep)),
            };
        }
        if self.is_package(&module)? {
            self.handle_fromlist(&module, &from_items, false)?;
        }
        Ok(module)
    }

    fn key_error_str(&mut self, key: &str) -> PyErr {
        let k = self.new_str(key);
        self.new_exception(&exc::KEY_ERROR, vec![k])
    }

    /// `_calc___package__`: the package a relative import starts from.
    fn calc_package(&mut self, globals: Option<&Obj>) -> PyResult<String> {
        let Some(g) = globals.filter(|g| crate::objects::dict::is_dict(g)) else {
            return Err(self.key_error_str("'__name__' not in globals"));
        };
        let d = dict_obj(g);
        let package = d.get_str(&self.intern("__package__"));
        if let Some(p) = package.filter(|p| !p.is_none()) {
            if !is_str(&p) {
                return Err(self.type_error("package must be a string"));
            }
            return Ok(str_value(&p).to_string());
        }
        let spec = d.get_str(&self.intern("__spec__"));
        if let Some(s) = spec.filter(|s| !s.is_none()) {
            let parent = self.intern("parent");
            let p = self.getattr(&s, &parent)?;
            return Ok(if is_str(&p) {
                str_value(&p).to_string()
            } else {
                String::new()
            });
        }
        let Some(n) = d.get_str(&self.ids.__name__.clone()) else {
            return Err(self.key_error_str("'__name__' not in globals"));
        };
        if !is_str(&n) {
            return Err(self.type_error("__name__ must be a string"));
        }
        let n = str_value(&n).to_string();
        if d.get_str(&self.intern("__path__")).is_some() {
            return Ok(n);
        }
        Ok(n.rsplit_once('.')
            .map_or(String::new(), |(p, _)| p.to_string()))
    }

    /// `_gcd_import`: `sys.modules[name]`, loading it (and its parents)
    /// when missing.
    pub fn gcd_import(&mut self, name: &str) -> PyResult<Obj> {
        match self.modules_get(name) {
            Some(m) if m.is_none() => {
                let e = self.new_exception_msg(
                    &MODULE_NOT_FOUND_ERROR,
                    format!("import of {name} halted; None in sys.modules"),
                );
                set_import_name(self, &e, name);
                Err(e)
            }
            Some(m) => Ok(m),
            None => self.find_and_load(name),
        }
    }

    /// `_find_and_load_unlocked`.
    fn find_and_load(&mut self, name: &str) -> PyResult<Obj> {
        let mut search: Option<Vec<String>> = None;
        let mut parent_module = None;
        if let Some((parent, _)) = name.rsplit_once('.') {
            if self.modules_get(parent).is_none() {
                self.gcd_import(parent)?;
            }
            if let Some(m) = self.modules_get(name) {
                return Ok(m);
            }
            let pm = self.gcd_import(parent)?;
            match self.package_search_path(&pm)? {
                Some(p) => search = Some(p),
                None => {
                    let e = self.new_exception_msg(
                        &MODULE_NOT_FOUND_ERROR,
                        format!("No module named '{name}'; '{parent}' is not a package"),
                    );
                    set_import_name(self, &e, name);
                    return Err(e);
                }
            }
            parent_module = Some(pm);
        }
        let module = if let Some(native) = native_module(name).filter(|_| search.is_none()) {
            let m = (native.init)(self);
            let key = self.intern(name);
            dict_obj(&self.modules.clone()).set_str(key, m.clone());
            m
        } else {
            let search = match search {
                Some(s) => s,
                None => self.sys_path()?,
            };
            let Some(spec) = finder::find_spec(name, &search) else {
                let e = self.new_exception_msg(
                    &MODULE_NOT_FOUND_ERROR,
                    format!("No module named '{name}'"),
                );
                set_import_name(self, &e, name);
                return Err(e);
            };
            self.load_spec(spec)?
        };
        if let (Some(pm), Some((_, child))) = (parent_module, name.rsplit_once('.')) {
            let key = self.intern(child);
            self.setattr(&pm, &key, module.clone())?;
        }
        Ok(module)
    }

    /// `sys.path` as strings.
    fn sys_path(&mut self) -> PyResult<Vec<String>> {
        let p = self.sys_attr("path")?;
        self.path_entries(&p)
    }

    /// A package's `__path__` as strings, or None for a module that is not
    /// a package.
    fn package_search_path(&mut self, package: &Obj) -> PyResult<Option<Vec<String>>> {
        let key = self.intern("__path__");
        match self.getattr_opt(package, &key)? {
            Some(p) => self.path_entries(&p).map(Some),
            None => Ok(None),
        }
    }

    /// The entries of a search path (entries that are not strings are
    /// skipped, as `PathFinder` does).
    fn path_entries(&mut self, path: &Obj) -> PyResult<Vec<String>> {
        let entries = self.collect(path)?;
        Ok(entries
            .iter()
            .filter(|e| is_str(e))
            .map(|e| str_value(e).to_string())
            .collect())
    }

    /// `_load_unlocked`: a new module in `sys.modules`, its attributes set
    /// (`_init_module_attrs`), its code run; removed again if that fails.
    fn load_spec(&mut self, spec: Spec) -> PyResult<Obj> {
        let m = new_module(self, &spec.name);
        let d = module_dict(&m).expect("a module has a dict").clone();
        let dd = dict_obj(&d);
        let origin = spec.origin.to_string_lossy().into_owned();
        dd.set_str(self.intern("__package__"), self.new_str(&spec.parent()));
        if let Some(dir) = &spec.package_dir {
            let p = self.new_str(&dir.to_string_lossy());
            dd.set_str(self.intern("__path__"), self.new_list(vec![p]));
        }
        dd.set_str(self.ids.__file__.clone(), self.new_str(&origin));
        let cached = spec.cached().to_string_lossy().into_owned();
        dd.set_str(self.intern("__cached__"), self.new_str(&cached));
        dd.set_str(self.ids.__builtins__.clone(), self.builtins.clone());
        let key = self.intern(&spec.name);
        let modules = self.modules.clone();
        dict_obj(&modules).set_str(key.clone(), m.clone());
        self.initializing.push(spec.name.clone());
        let run = loader::get_code(self, &spec)
            .and_then(|code| self.eval_code(&code, &d, Some(d.clone())));
        self.initializing.retain(|n| n != &spec.name);
        if let Err(e) = run {
            let _ = dict_obj(&modules).remove(self, &key);
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        match dict_obj(&modules).remove(self, &key)? {
            Some(mm) => {
                dict_obj(&modules).set_str(key, mm.clone());
                Ok(mm)
            }
            None => {
                let e = self.new_exception_msg(
                    &IMPORT_ERROR,
                    format!("loader for {} cannot handle {}", spec.name, spec.name),
                );
                Err(e)
            }
        }
    }

    fn is_package(&mut self, m: &Obj) -> PyResult<bool> {
        let key = self.intern("__path__");
        Ok(self.getattr_opt(m, &key)?.is_some())
    }

    fn module_name(&mut self, m: &Obj) -> PyResult<String> {
        let key = self.ids.__name__.clone();
        let n = self.getattr(m, &key)?;
        Ok(if is_str(&n) {
            str_value(&n).to_string()
        } else {
            String::new()
        })
    }

    /// `_handle_fromlist`: imports the submodules a `from package import
    /// a, b` names that are not attributes yet.
    fn handle_fromlist(&mut self, module: &Obj, items: &[Obj], recursive: bool) -> PyResult<()> {
        for x in items {
            if !is_str(x) {
                let where_ = if recursive {
                    format!("{}.__all__", self.module_name(module)?)
                } else {
                    "``from list''".to_string()
                };
                return Err(self.type_error(format!(
                    "Item in {where_} must be str, not {}",
                    x.class().name()
                )));
            }
            let xs = str_value(x).to_string();
            if xs == "*" {
                let all = self.intern("__all__");
                if !recursive && let Some(names) = self.getattr_opt(module, &all)? {
                    let names = self.collect(&names)?;
                    self.handle_fromlist(module, &names, true)?;
                }
                continue;
            }
            if self.getattr_opt(module, x)?.is_some() {
                continue;
            }
            let from_name = format!("{}.{xs}", self.module_name(module)?);
            if let Err(e) = self.gcd_import(&from_name) {
                let v = e.value();
                if v.class().is_subtype(&MODULE_NOT_FOUND_ERROR) {
                    let ename = exc::exc(v).fields[1].get();
                    let matches = ename.is_some_and(|n| is_str(&n) && str_value(&n) == from_name);
                    let none_in_modules = self.modules_get(&from_name).is_some_and(|m| m.is_none());
                    if matches && !none_in_modules {
                        continue;
                    }
                }
                return Err(e);
            }
        }
        Ok(())
    }

    /// IMPORT_FROM (`import_from` in `Python/ceval.c`): an attribute of
    /// the module, else the submodule of that name in `sys.modules`.
    pub fn import_from(&mut self, module: &Obj, name: &Obj) -> PyResult<Obj> {
        if let Some(v) = self.getattr_opt(module, name)? {
            return Ok(v);
        }
        let name_key = self.ids.__name__.clone();
        let pkgname = self
            .getattr_opt(module, &name_key)
            .ok()
            .flatten()
            .filter(is_str);
        if let Some(p) = &pkgname {
            let full = format!("{}.{}", str_value(p), str_value(name));
            if let Some(m) = self.modules_get(&full) {
                return Ok(m);
            }
        }
        let pkg_repr = match &pkgname {
            Some(p) => format!("'{}'", str_value(p)),
            None => "'<unknown module name>'".to_string(),
        };
        let file_key = self.ids.__file__.clone();
        let path = module_dict(module)
            .and_then(|d| dict_obj(d).get_str(&file_key))
            .filter(is_str);
        let n = str_value(name).to_string();
        let msg = match &path {
            None => format!("cannot import name '{n}' from {pkg_repr} (unknown location)"),
            Some(p) => {
                let initializing = pkgname
                    .as_ref()
                    .is_some_and(|pn| self.initializing.iter().any(|i| i == str_value(pn)));
                if initializing {
                    format!(
                        "cannot import name '{n}' from partially initialized module {pkg_repr} (most likely due to a circular import) ({})",
                        str_value(p)
                    )
                } else {
                    format!(
                        "cannot import name '{n}' from {pkg_repr} ({})",
                        str_value(p)
                    )
                }
            }
        };
        let e = self.new_exception_msg(&IMPORT_ERROR, msg);
        let x = exc::exc(e.value());
        x.fields[1].set(pkgname);
        x.fields[2].set(path);
        x.fields[3].set(Some(name.clone()));
        Err(e)
    }

    /// `from module import *` into `locals` (`import_all_from`): the names
    /// in `__all__`, else the public names of the module's dict.
    pub fn import_star(&mut self, module: &Obj, locals: &Obj) -> PyResult<()> {
        let all_key = self.intern("__all__");
        let (names, skip_private) = match self.getattr_opt(module, &all_key)? {
            Some(all) => (self.collect(&all)?, false),
            None => {
                let dict_key = self.ids.__dict__.clone();
                let Some(d) = self.getattr_opt(module, &dict_key)? else {
                    return Err(self.new_exception_msg(
                        &IMPORT_ERROR,
                        "from-import-* object has no __dict__ and no __all__",
                    ));
                };
                (self.collect(&d)?, true)
            }
        };
        for n in names {
            if !is_str(&n) {
                let mname = self.module_name(module).unwrap_or_default();
                let msg = if skip_private {
                    format!(
                        "Key in {mname}.__dict__ must be str, not {}",
                        n.class().name()
                    )
                } else {
                    format!(
                        "Item in {mname}.__all__ must be str, not {}",
                        n.class().name()
                    )
                };
                return Err(self.type_error(msg));
            }
            if skip_private && str_value(&n).starts_with('_') {
                continue;
            }
            let v = self.getattr(module, &n)?;
            self.setitem(locals, &n, v)?;
        }
        Ok(())
    }
}

/// Sets `name` on an ImportError.
fn set_import_name(vm: &mut Vm, e: &PyErr, name: &str) {
    let n = vm.new_str(name);
    exc::exc(e.value()).fields[1].set(Some(n));
}

/// `_resolve_name`: a relative name made absolute from `package`.
fn resolve_name(vm: &mut Vm, name: &str, package: &str, level: i64) -> PyResult<String> {
    if package.is_empty() {
        return Err(vm.new_exception_msg(
            &IMPORT_ERROR,
            "attempted relative import with no known parent package",
        ));
    }
    let bits: Vec<&str> = package.rsplitn(level as usize, '.').collect();
    if (bits.len() as i64) < level {
        return Err(vm.new_exception_msg(
            &IMPORT_ERROR,
            "attempted relative import beyond top-level package",
        ));
    }
    let base = bits.last().copied().unwrap_or("");
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

fn native_module(name: &str) -> Option<&'static super::NativeModule> {
    super::NATIVE_MODULES.iter().find(|m| m.name == name)
}

/// Why `-m NAME` cannot run (runpy's `_Error`): the message CPython prints
/// after the executable's name.
pub struct MainModuleError(pub String);

impl Vm {
    /// `runpy._get_module_details` for `pyrs -m NAME`: imports the parent
    /// packages, finds the module (a package runs its `__main__`) and
    /// returns its spec and code. `Ok(Err(..))` is runpy's own error; `Err`
    /// an exception raised while importing a parent.
    pub fn main_module_details(
        &mut self,
        name: &str,
    ) -> PyResult<Result<(Spec, Obj), MainModuleError>> {
        if name.starts_with('.') {
            return Ok(Err(MainModuleError(
                "Relative module names not supported".into(),
            )));
        }
        let parent = name.rsplit_once('.').map(|(p, _)| p.to_string());
        let mut search = None;
        if let Some(parent) = &parent {
            match self.gcd_import(parent) {
                Ok(pm) => {
                    if let Some(p) = self.package_search_path(&pm)? {
                        search = Some(p);
                    } else {
                        return Ok(Err(MainModuleError(format!(
                            "Error while finding module specification for '{name}' (ModuleNotFoundError: __path__ attribute not found on '{parent}' while trying to find '{name}')"
                        ))));
                    }
                }
                Err(e) if e.value().class().is_subtype(&IMPORT_ERROR) => {
                    let msg = self.format_exception_only(e.value());
                    let msg = msg.trim_end().to_string();
                    let mut text =
                        format!("Error while finding module specification for '{name}' ({msg})");
                    if let Some(stem) = name.strip_suffix(".py") {
                        text.push_str(&format!(
                            ". Try using '{stem}' instead of '{name}' as the module name."
                        ));
                    }
                    return Ok(Err(MainModuleError(text)));
                }
                Err(e) => return Err(e),
            }
        }
        let search = match search {
            Some(s) => s,
            None => self.sys_path()?,
        };
        let Some(spec) = finder::find_spec(name, &search) else {
            return Ok(Err(MainModuleError(format!("No module named {name}"))));
        };
        if spec.package_dir.is_some() {
            if name == "__main__" || name.ends_with(".__main__") {
                return Ok(Err(MainModuleError(
                    "Cannot use package as __main__ module".into(),
                )));
            }
            let main_name = format!("{name}.__main__");
            return Ok(match self.main_module_details(&main_name)? {
                Ok(found) => Ok(found),
                Err(MainModuleError(msg)) if self.modules_get(name).is_some() => {
                    Err(MainModuleError(format!(
                        "{msg}; '{name}' is a package and cannot be directly executed"
                    )))
                }
                Err(e) => Err(e),
            });
        }
        let code = loader::get_code(self, &spec)?;
        Ok(Ok((spec, code)))
    }

    /// Runs a module's code as `__main__` (`runpy._run_module_as_main`):
    /// in the `__main__` module's namespace, with `sys.argv[0]` the
    /// module's file.
    pub fn run_main_module(&mut self, spec: &Spec, code: &Obj) -> PyResult<Obj> {
        let origin = spec.origin.to_string_lossy().into_owned();
        let argv = self.sys_attr("argv")?;
        if let Some(l) = argv.downcast::<crate::objects::list::ListObject>()
            && !l.items.borrow().is_empty()
        {
            let v = self.new_str(&origin);
            l.items.borrow_mut()[0] = v;
        }
        let m = new_module(self, "__main__");
        let d = module_dict(&m).expect("a module has a dict").clone();
        let dd = dict_obj(&d);
        dd.set_str(self.ids.__builtins__.clone(), self.builtins.clone());
        dd.set_str(self.ids.__file__.clone(), self.new_str(&origin));
        let cached = spec.cached().to_string_lossy().into_owned();
        dd.set_str(self.intern("__cached__"), self.new_str(&cached));
        dd.set_str(self.intern("__package__"), self.new_str(&spec.parent()));
        let key = self.intern("__main__");
        dict_obj(&self.modules.clone()).set_str(key, m);
        self.eval_code(code, &d, Some(d.clone()))
    }
}
