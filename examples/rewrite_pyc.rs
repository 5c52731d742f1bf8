//! Loads `.pyc` files with pyrs and writes them back with pyrs's writer
//! (`pyrs::vm::unload`), for `tools/compile/check_pyc_rewrite.py`:
//!
//!     cargo run --example rewrite_pyc -- OUT_DIR FILE.pyc...
//!
//! Each FILE.pyc becomes OUT_DIR/FILE.pyc, an unchecked hash-based `.pyc`
//! whose hash is that of the sibling FILE.py when it exists. Files the
//! loader refuses are reported on stderr and skipped.

use std::path::Path;

use pyrs::{Config, Interpreter};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out_dir, files)) = args.split_first() else {
        eprintln!("usage: rewrite_pyc OUT_DIR FILE.pyc...");
        std::process::exit(2);
    };
    let mut interp = Interpreter::new(Config::default());
    let vm = interp.vm();
    let mut status = 0;
    for file in files {
        let path = Path::new(file);
        let Ok(data) = std::fs::read(path) else {
            eprintln!("{file}: cannot read");
            status = 1;
            continue;
        };
        let source = std::fs::read(path.with_extension("py")).unwrap_or_default();
        let written = vm
            .load_pyc(&data)
            .and_then(|code| vm.write_pyc(&code, &source));
        match written {
            Ok(bytes) => {
                let out = Path::new(out_dir).join(path.file_name().unwrap_or_default());
                if std::fs::write(&out, bytes).is_err() {
                    eprintln!("{}: cannot write", out.display());
                    status = 1;
                }
            }
            Err(_) => eprintln!("{file}: skipped (pyrs does not load it)"),
        }
    }
    std::process::exit(status);
}
