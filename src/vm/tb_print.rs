//! Printing an uncaught exception the way CPython 3.14 does (`PyErr_Print`
//! and the `traceback` module's `TracebackException.format`).

use crate::objects::exceptions::{self as exc, exc_args};
use crate::objects::str::str_value;
use crate::objects::traceback::tb;
use crate::objects::{Obj, Vm};

impl Vm {
    /// The lines CPython prints for `e` (with its chain), as one string.
    pub fn format_exception(&mut self, e: &Obj) -> String {
        let mut out = String::new();
        self.format_chain(e, &mut out, &mut Vec::new());
        out
    }

    fn format_chain(&mut self, e: &Obj, out: &mut String, seen: &mut Vec<usize>) {
        seen.push(e.addr());
        let x = exc::exc(e);
        if let Some(cause) = x.cause.get() {
            if !seen.contains(&cause.addr()) {
                self.format_chain(&cause, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            }
        } else if let Some(ctx) = x.context.get()
            && !x.suppress_context.get()
            && !seen.contains(&ctx.addr())
        {
            self.format_chain(&ctx, out, seen);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        self.format_one(e, out);
    }

    fn format_one(&mut self, e: &Obj, out: &mut String) {
        let mut entries = Vec::new();
        let mut cur = exc::exc(e).traceback.get();
        while let Some(t) = cur {
            entries.push(t.clone());
            cur = tb(&t).next.get();
        }
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
        }
        for t in &entries {
            let tbo = tb(t);
            let code = crate::objects::code::code_obj(tbo.code());
            let line = tbo.lineno();
            let line_text = line.map(|l| l.to_string()).unwrap_or_else(|| "None".into());
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                code.filename_str(),
                line_text,
                code.name_str()
            ));
            if let Some(l) = line
                && let Some(src) = read_source_line(code.filename_str(), l)
            {
                let s = src.trim();
                if !s.is_empty() {
                    out.push_str(&format!("    {s}\n"));
                }
            }
        }
        out.push_str(&self.format_exception_only(e));
    }

    /// `TracebackException.format_exception_only` for one exception.
    pub fn format_exception_only(&mut self, e: &Obj) -> String {
        let t = e.class();
        let module = t.module_name();
        let name = if module == "builtins" {
            t.name().into_owned()
        } else {
            format!("{module}.{}", t.name())
        };
        let text = match self.str(e) {
            Ok(s) => str_value(&s).to_string(),
            Err(_) => "<exception str() failed>".into(),
        };
        let _ = exc_args(e);
        if text.is_empty() {
            format!("{name}\n")
        } else {
            format!("{name}: {text}\n")
        }
    }
}

/// Line `lineno` (1-based) of `filename`, if the file can be read.
pub fn read_source_line(filename: &str, lineno: i32) -> Option<String> {
    let data = std::fs::read(filename).ok()?;
    let text = String::from_utf8_lossy(&data);
    text.lines()
        .nth(usize::try_from(lineno).ok()?.checked_sub(1)?)
        .map(|s| s.to_string())
}
