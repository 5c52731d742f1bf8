//! `Interpreter`: one Python interpreter (CPython's `Py_RunMain` path for a
//! script, `_Py_HandleSystemExit`, `PyErr_Print`).

use crate::objects::dict::dict_obj;
use crate::objects::exceptions::{self as exc, KEYBOARD_INTERRUPT, SYSTEM_EXIT};
use crate::objects::int::int_ref;
use crate::objects::module::{module_dict, new_module};
use crate::objects::str::str_value;
use crate::objects::{Obj, PyResult};
use crate::vm::frame::FrameOwner;
use crate::vm::{Config, InterruptHandle, Vm};

/// How a program ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It ran to the end.
    Finished,
    /// `SystemExit` with this status.
    Exited(i32),
    /// An uncaught exception (its traceback was printed to `sys.stderr`).
    Raised { type_name: String, message: String },
    /// An uncaught KeyboardInterrupt (the CLI re-raises SIGINT, as CPython).
    Interrupted,
}

impl Outcome {
    /// The process exit status CPython would use (1 for an exception; 130
    /// for an interrupt, as a shell reports death by SIGINT).
    pub fn exit_status(&self) -> i32 {
        match self {
            Outcome::Finished => 0,
            Outcome::Exited(c) => *c,
            Outcome::Raised { .. } => 1,
            Outcome::Interrupted => 130,
        }
    }
}

/// Source for [`Interpreter::run_source_main`].
pub enum SourceInput<'s> {
    /// A file's bytes: decoded as the tokenizer decodes files (BOM, PEP 263
    /// coding line).
    File(&'s [u8]),
    /// Text already decoded.
    Text(&'s str),
    /// A `-c` command: text whose lines tracebacks show (CPython registers
    /// it with `linecache`).
    Command(&'s str),
}

/// A Python interpreter. Not `Send`: create it on the thread that uses it
/// (any number may exist in one process). Use `interrupt_handle` to stop it
/// from another thread.
pub struct Interpreter {
    vm: Vm,
    /// Dropped after `vm` (fields drop in order): forgets the finalizers
    /// the interpreter's teardown queued, which no interpreter may run, and
    /// puts its leftover objects out of the cycle collector's reach.
    _finalizers: DiscardFinalizers,
}

struct DiscardFinalizers;

impl Drop for DiscardFinalizers {
    fn drop(&mut self) {
        crate::objects::finalize::discard_pending();
        crate::objects::gc::abandon_all();
    }
}

impl Interpreter {
    pub fn new(config: Config) -> Interpreter {
        Interpreter {
            vm: Vm::new(config),
            _finalizers: DiscardFinalizers,
        }
    }

    /// The interpreter state, for embedders that work with objects.
    pub fn vm(&mut self) -> &mut Vm {
        &mut self.vm
    }

    pub fn interrupt_handle(&self) -> InterruptHandle {
        self.vm.interrupt_handle()
    }

    /// Runs `code` (a code object) in a fresh `__main__` module.
    pub fn run_main_code(&mut self, code: &Obj, file: Option<&str>) -> PyResult<Obj> {
        let vm = &mut self.vm;
        let m = new_module(vm, "__main__");
        let d = module_dict(&m).expect("a module has a dict").clone();
        let dd = dict_obj(&d);
        dd.set_str(vm.ids.__builtins__.clone(), vm.builtins.clone());
        if let Some(f) = file {
            dd.set_str(vm.ids.__file__.clone(), vm.new_str(f));
        }
        let main_key = vm.intern("__main__");
        dict_obj(&vm.modules.clone()).set_str(main_key, m);
        vm.eval_code(code, &d, Some(d.clone()))
    }

    /// `pyrs -m NAME`: finds the module on `sys.path` and runs it as
    /// `__main__` (`runpy._run_module_as_main`); a module that cannot be
    /// found is reported as CPython does ("<executable>: No module named
    /// NAME", status 1).
    pub fn run_module_main(&mut self, name: &str) -> Outcome {
        let outcome = match self.vm.main_module_details(name) {
            Ok(Ok((spec, code))) => match self.vm.run_main_module(&spec, &code) {
                Ok(_) => Outcome::Finished,
                Err(e) => self.handle_uncaught(e.into_value()),
            },
            Ok(Err(crate::modules::import::MainModuleError(msg))) => {
                let exe = std::env::current_exe()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|_| "pyrs".into());
                self.vm.flush_std_streams();
                if let Ok(err) = self.vm.sys_attr("stderr") {
                    let _ = self.vm.write_text(&err, &format!("{exe}: {msg}\n"));
                }
                Outcome::Exited(1)
            }
            Err(e) => self.handle_uncaught(e.into_value()),
        };
        self.vm.finalize_main_module();
        self.vm.flush_std_streams();
        outcome
    }

    /// Loads a `.pyc` image and runs it as `__main__`, printing an uncaught
    /// exception as CPython does; returns how the program ended.
    pub fn run_pyc_main(&mut self, data: &[u8], path: &str) -> Outcome {
        let result = self
            .vm
            .load_pyc(data)
            .and_then(|code| self.run_main_code(&code, Some(path)));
        let outcome = match result {
            Ok(_) => Outcome::Finished,
            Err(e) => self.handle_uncaught(e.into_value()),
        };
        self.vm.finalize_main_module();
        self.vm.flush_std_streams();
        outcome
    }

    /// Compiles Python source and runs it as `__main__`, printing an
    /// uncaught exception (a SyntaxError included) as CPython does
    /// (`_PyRun_SimpleFileObject`, `PyRun_SimpleStringFlags`). `file` is
    /// what `__main__.__file__` becomes (`None` for `-c` and stdin).
    pub fn run_source_main(
        &mut self,
        source: SourceInput<'_>,
        filename: &str,
        file: Option<&str>,
    ) -> Outcome {
        let (src, from_file, register) = match source {
            SourceInput::File(b) => (crate::compile::Source::Bytes(b), true, None),
            SourceInput::Text(t) => (crate::compile::Source::Text(t), false, None),
            SourceInput::Command(t) => (crate::compile::Source::Text(t), false, Some(t)),
        };
        let mut opts = crate::compile::Options::new(crate::compile::Mode::Exec);
        opts.from_file = from_file;
        let result = crate::compile::compile(&mut self.vm, src, filename, opts).and_then(|code| {
            if let Some(text) = register {
                self.vm.register_code_source(&code, text);
            }
            self.run_main_code(&code, file)
        });
        let outcome = match result {
            Ok(_) => Outcome::Finished,
            Err(e) => self.handle_uncaught(e.into_value()),
        };
        self.vm.finalize_main_module();
        self.vm.flush_std_streams();
        outcome
    }

    /// `python3.14 -m dis FILE`: compiles the file's bytes as
    /// `compile(source, path, "exec")` does and prints `dis.dis` of the
    /// result to `sys.stdout`.
    pub fn disassemble_source(&mut self, source: &[u8], path: &str) -> Outcome {
        let opts = crate::compile::Options::new(crate::compile::Mode::Exec);
        let vm = &mut self.vm;
        let result = crate::compile::compile(vm, crate::compile::Source::Bytes(source), path, opts)
            .and_then(|code| crate::compile::dis::disassemble(vm, &code))
            .and_then(|text| {
                let out = vm.sys_attr("stdout")?;
                vm.write_text(&out, &text)
            });
        self.finish(result.map(|_| ()))
    }

    /// Compiles a source file and writes it as an unchecked hash-based
    /// `.pyc` (what `py_compile` writes with `UNCHECKED_HASH`) to `out`.
    pub fn emit_pyc(&mut self, source: &[u8], path: &str, out: &str) -> Outcome {
        let mut opts = crate::compile::Options::new(crate::compile::Mode::Exec);
        opts.from_file = true;
        let vm = &mut self.vm;
        let result = crate::compile::compile(vm, crate::compile::Source::Bytes(source), path, opts)
            .and_then(|code| crate::vm::unload::write_pyc(vm, &code, source))
            .and_then(|bytes| {
                std::fs::write(out, bytes).map_err(|e| {
                    vm.new_exception_msg(
                        &crate::objects::exceptions::OS_ERROR,
                        format!("cannot write {out}: {e}"),
                    )
                })
            });
        self.finish(result)
    }

    /// The outcome of a run that produced `result`, an uncaught exception
    /// printed.
    fn finish(&mut self, result: PyResult<()>) -> Outcome {
        let outcome = match result {
            Ok(()) => Outcome::Finished,
            Err(e) => self.handle_uncaught(e.into_value()),
        };
        self.vm.flush_std_streams();
        outcome
    }

    /// What CPython does with an exception that reached the top: exit for
    /// SystemExit (`_Py_HandleSystemExit`), otherwise print it.
    pub fn handle_uncaught(&mut self, e: Obj) -> Outcome {
        let vm = &mut self.vm;
        if e.class().is_subtype(&SYSTEM_EXIT) {
            let code = exc::exc(&e).fields[0].get().unwrap_or_else(Obj::none);
            if code.is_none() {
                return Outcome::Exited(0);
            }
            if let Some(v) = int_ref(&code) {
                return Outcome::Exited(v.to_i64().map(|x| x as i32).unwrap_or(-1));
            }
            let text = match vm.str(&code) {
                Ok(s) => str_value(&s).to_string(),
                Err(_) => String::new(),
            };
            if let Ok(err) = vm.sys_attr("stderr") {
                let _ = vm.write_text(&err, &text);
                let _ = vm.write_text(&err, "\n");
            }
            return Outcome::Exited(1);
        }
        vm.flush_std_streams();
        self.print_exception(&e);
        let type_name = e.class().name().into_owned();
        let vm = &mut self.vm;
        let message = vm
            .str(&e)
            .map(|s| str_value(&s).to_string())
            .unwrap_or_default();
        if e.class().is_subtype(&KEYBOARD_INTERRUPT) {
            return Outcome::Interrupted;
        }
        Outcome::Raised { type_name, message }
    }

    /// Prints `e` and its chain to `sys.stderr` as CPython's default
    /// excepthook does.
    pub fn print_exception(&mut self, e: &Obj) {
        let text = self.vm.format_exception(e);
        let vm = &mut self.vm;
        if let Ok(err) = vm.sys_attr("stderr") {
            let _ = vm.write_text(&err, &text);
        }
        vm.flush_std_streams();
    }
}

impl Vm {
    /// `PyEval_EvalCode`: runs a code object with the given globals and
    /// locals on a new run of the eval loop.
    pub fn eval_code(&mut self, code: &Obj, globals: &Obj, locals: Option<Obj>) -> PyResult<Obj> {
        if code
            .downcast::<crate::objects::code::CodeObject>()
            .is_none()
        {
            return Err(self.type_error("expected a code object"));
        }
        if dict_obj(globals).get_str(&self.ids.__builtins__).is_none() {
            let key = self.ids.__builtins__.clone();
            dict_obj(globals).set_str(key, self.builtins.clone());
        }
        let builtins = self.builtins_for(globals);
        let previous = self.current_frame;
        let frame = self.frames.push(
            code.clone(),
            None,
            globals.clone(),
            builtins,
            locals,
            previous,
            FrameOwner::Thread,
        );
        self.run_frame(frame)
    }
}
