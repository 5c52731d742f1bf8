//! What the command line asks to run (`pymain_run_python`'s choice between
//! a command, a file and stdin), read before the interpreter starts.

use std::io::Read;

use super::{USAGE, describe_io_error};
use crate::api::{Interpreter, Outcome, SourceInput};

/// The program to run, with its `sys.argv[0]`.
pub(crate) enum Program {
    /// `-c CMD`: `sys.argv[0]` is `-c`, the filename `<string>`.
    Command(String),
    /// `-m MODULE`: the module found on `sys.path`, run as `__main__`.
    Module(String),
    /// `-`: source read from stdin, filename `<stdin>`.
    Stdin(Vec<u8>),
    /// A source file.
    Source { path: String, data: Vec<u8> },
    /// A python3.14 `.pyc` file.
    Pyc { path: String, data: Vec<u8> },
    /// `--dis FILE.py`: print the disassembly (`python3.14 -m dis FILE.py`).
    Dis { path: String, data: Vec<u8> },
    /// `--emit-pyc OUT.pyc FILE.py`: compile and write a `.pyc`.
    EmitPyc {
        out: String,
        path: String,
        data: Vec<u8>,
    },
}

/// Reads the program named by `args[1..]` (options already removed).
/// `Err` is the exit status after a message was printed.
pub(crate) fn parse_program(args: &[String]) -> Result<Program, i32> {
    match args[1].as_str() {
        "-c" => match args.get(2) {
            Some(cmd) => Ok(Program::Command(cmd.clone())),
            None => {
                eprintln!("Argument expected for the -c option\n{USAGE}");
                Err(2)
            }
        },
        "-m" => match args.get(2) {
            Some(name) => Ok(Program::Module(name.clone())),
            None => {
                eprintln!("Argument expected for the -m option\n{USAGE}");
                Err(2)
            }
        },
        "--dis" => {
            let Some(path) = args.get(2) else {
                eprintln!("pyrs: --dis needs a source file\n{USAGE}");
                return Err(2);
            };
            let data = read_file(path)?;
            Ok(Program::Dis {
                path: path.clone(),
                data,
            })
        }
        "--emit-pyc" => {
            let (Some(out), Some(path)) = (args.get(2), args.get(3)) else {
                eprintln!("pyrs: --emit-pyc needs an output file and a source file\n{USAGE}");
                return Err(2);
            };
            let data = read_file(path)?;
            Ok(Program::EmitPyc {
                out: out.clone(),
                path: path.clone(),
                data,
            })
        }
        "-" => {
            let mut data = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut data) {
                eprintln!("pyrs: can't read stdin: {e}");
                return Err(2);
            }
            Ok(Program::Stdin(data))
        }
        path => {
            let data = read_file(path)?;
            let path = path.to_string();
            if path.ends_with(".pyc") {
                Ok(Program::Pyc { path, data })
            } else {
                Ok(Program::Source { path, data })
            }
        }
    }
}

/// Reads a file the command line names, printing CPython's message
/// (`can't open file '...': [Errno N] ...`, exit status 2) on failure.
pub(crate) fn read_file(path: &str) -> Result<Vec<u8>, i32> {
    std::fs::read(path).map_err(|e| {
        let shown = std::fs::canonicalize(path)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| match std::env::current_dir() {
                Ok(d) => d.join(path).display().to_string(),
                Err(_) => path.to_string(),
            });
        let errno = e.raw_os_error().unwrap_or(0);
        let msg = describe_io_error(&e);
        eprintln!("pyrs: can't open file '{shown}': [Errno {errno}] {msg}");
        2
    })
}

/// The script's path as CPython makes it absolute for `co_filename` and
/// `__file__` (`_Py_abspath`: the current directory joined with a relative
/// path, without normalising it).
fn absolute(path: &str) -> String {
    if path.starts_with('/') {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(d) => format!("{}/{path}", d.display()),
        Err(_) => path.to_string(),
    }
}

impl Program {
    /// `sys.argv`: the program's name (`-c`, `-` or the path) and the
    /// arguments after it.
    pub(crate) fn argv(&self, args: &[String]) -> Vec<String> {
        match self {
            Program::Command(_) => {
                let mut v = vec!["-c".to_string()];
                v.extend(args[3..].iter().cloned());
                v
            }
            Program::Module(_) => {
                let mut v = vec!["-m".to_string()];
                v.extend(args[3..].iter().cloned());
                v
            }
            _ => args[1..].to_vec(),
        }
    }

    /// `sys.path[0]`: the script's directory made absolute; the current
    /// directory for `-m` (absolute) and for `-c` and stdin (the empty
    /// string).
    pub(crate) fn sys_path0(&self) -> String {
        let path = match self {
            Program::Command(_) | Program::Stdin(_) => return String::new(),
            Program::Module(_) => {
                return std::env::current_dir()
                    .map(|d| d.to_string_lossy().into_owned())
                    .unwrap_or_default();
            }
            Program::Source { path, .. }
            | Program::Pyc { path, .. }
            | Program::Dis { path, .. }
            | Program::EmitPyc { path, .. } => path,
        };
        let dir = std::path::Path::new(path)
            .parent()
            .unwrap_or(std::path::Path::new(""));
        let dir = if dir.as_os_str().is_empty() {
            std::path::PathBuf::from(".")
        } else {
            dir.to_path_buf()
        };
        std::fs::canonicalize(&dir)
            .unwrap_or(dir)
            .to_string_lossy()
            .into_owned()
    }

    /// Runs the program as `__main__`.
    pub(crate) fn run(&self, interp: &mut Interpreter) -> Outcome {
        match self {
            Program::Command(cmd) => {
                interp.run_source_main(SourceInput::Command(cmd), "<string>", None)
            }
            Program::Module(name) => interp.run_module_main(name),
            Program::Stdin(data) => {
                interp.run_source_main(SourceInput::File(data), "<stdin>", None)
            }
            Program::Source { path, data } => {
                let abs = absolute(path);
                interp.run_source_main(SourceInput::File(data), &abs, Some(&abs))
            }
            Program::Pyc { path, data } => interp.run_pyc_main(data, path),
            Program::Dis { path, data } => interp.disassemble_source(data, path),
            Program::EmitPyc { out, path, data } => interp.emit_pyc(data, path, out),
        }
    }
}
