//! Source lines for tracebacks, read as `linecache.getline` reads them:
//! the file named by `co_filename` (relative names against the current
//! directory, then against each `sys.path` entry), decoded as
//! `tokenize.open` decodes it (a UTF-8 BOM, a PEP 263 coding cookie naming
//! UTF-8, Latin-1 or ASCII), split with universal newlines. Names such as
//! `<string>` have no source. Any failure means "no lines", never an error.
//!
//! Not done: encodings other than those three (CPython decodes any codec
//! the cookie names; here such a file shows no source); a missing file is
//! not asked of the module's `__loader__.get_source` (CPython asks it
//! first, and for a module run from a `.pyc` its "no source" answer ends
//! the search before `sys.path`), nor looked for in zip archives; and
//! there is no interactive cache for `<stdin>` code.

use std::collections::HashMap;
use std::rc::Rc;

use crate::objects::Vm;
use crate::objects::list::list_items;
use crate::objects::str::{is_str, str_value};

/// The lines of each file read so far during one traceback print (the
/// part of `linecache.cache` one print needs).
#[derive(Default)]
pub struct LineCache {
    files: HashMap<String, Rc<Vec<String>>>,
}

impl LineCache {
    /// `linecache.getline(filename, lineno)`: the line with its newline,
    /// or "" when there is no such line.
    pub fn getline(&mut self, vm: &mut Vm, filename: &str, lineno: i64) -> String {
        let lines = self.getlines(vm, filename);
        usize::try_from(lineno)
            .ok()
            .and_then(|l| l.checked_sub(1))
            .and_then(|i| lines.get(i))
            .cloned()
            .unwrap_or_default()
    }

    /// `linecache.getlines`.
    fn getlines(&mut self, vm: &mut Vm, filename: &str) -> Rc<Vec<String>> {
        if let Some(l) = self.files.get(filename) {
            return l.clone();
        }
        let lines = Rc::new(updatecache(vm, filename).unwrap_or_default());
        self.files.insert(filename.to_string(), lines.clone());
        lines
    }
}

impl Vm {
    /// `linecache._register_code`: makes `source` the lines tracebacks show
    /// for `code` and every code object nested in it (CPython does this
    /// for `-c` programs).
    pub fn register_code_source(&mut self, code: &crate::objects::Obj, source: &str) {
        use crate::objects::code::CodeObject;
        let lines: Rc<Vec<String>> = Rc::new(source.lines().map(|l| format!("{l}\n")).collect());
        let mut stack = vec![code.clone()];
        while let Some(c) = stack.pop() {
            let Some(co) = c.downcast::<CodeObject>() else {
                continue;
            };
            for k in co.consts() {
                if k.downcast::<CodeObject>().is_some() {
                    stack.push(k.clone());
                }
            }
            let key = (
                co.filename_str().to_string(),
                co.qualname_str().to_string(),
                co.firstlineno,
            );
            self.registered_sources.insert(key, lines.clone());
        }
    }

    /// `linecache._getline_from_code`: a line of registered source, or "".
    pub(crate) fn registered_line(&self, key: &(String, String, i32), lineno: i64) -> String {
        self.registered_sources
            .get(key)
            .and_then(|lines| {
                usize::try_from(lineno)
                    .ok()
                    .and_then(|l| l.checked_sub(1))
                    .and_then(|i| lines.get(i).cloned())
            })
            .unwrap_or_default()
    }
}

/// `linecache._source_unavailable`.
fn source_unavailable(filename: &str) -> bool {
    filename.is_empty()
        || (filename.starts_with('<')
            && filename.ends_with('>')
            && !filename.starts_with("<frozen "))
}

/// `linecache.updatecache`: finds, reads and decodes the file.
fn updatecache(vm: &mut Vm, filename: &str) -> Option<Vec<String>> {
    if source_unavailable(filename) || filename.starts_with("<frozen ") || filename.contains('\0') {
        return None;
    }
    let fullname = if std::fs::metadata(filename).is_ok() {
        filename.to_string()
    } else {
        // Only a relative name is looked for along the module search path.
        if filename.starts_with('/') {
            return None;
        }
        search_path(vm, filename)?
    };
    let data = std::fs::read(&fullname).ok()?;
    let text = decode_source(&data)?;
    let mut lines = split_universal(&text);
    if lines.is_empty() {
        lines.push("\n".to_string());
    } else if let Some(last) = lines.last_mut()
        && !last.ends_with('\n')
    {
        last.push('\n');
    }
    Some(lines)
}

/// The first `sys.path` entry under which `filename` exists.
fn search_path(vm: &mut Vm, filename: &str) -> Option<String> {
    let path = vm.sys_attr("path").ok()?;
    for dir in list_items(&path).unwrap_or_default() {
        if !is_str(&dir) {
            continue;
        }
        let dir = str_value(&dir);
        // `os.path.join(dirname, basename)`.
        let full = if dir.is_empty() || dir.ends_with('/') {
            format!("{dir}{filename}")
        } else {
            format!("{dir}/{filename}")
        };
        if !full.contains('\0') && std::fs::metadata(&full).is_ok() {
            return Some(full);
        }
    }
    None
}

/// The file's lines after universal-newline translation ("\r\n" and "\r"
/// read as "\n"), each with its "\n" (`TextIOWrapper.readlines`).
fn split_universal(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                cur.push('\n');
                lines.push(std::mem::take(&mut cur));
            }
            '\n' => {
                cur.push('\n');
                lines.push(std::mem::take(&mut cur));
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// The codecs a coding cookie may name here.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Latin1,
    Ascii,
}

/// `tokenize.detect_encoding` followed by decoding the whole file.
fn decode_source(data: &[u8]) -> Option<String> {
    let (bom, body) = match data.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, data),
    };
    let mut codec = Codec::Utf8;
    let mut rest = body;
    for i in 0..2 {
        if rest.is_empty() {
            break;
        }
        let end = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |p| p + 1);
        let line = &rest[..end];
        rest = &rest[end..];
        if let Some(c) = find_cookie(line, bom)? {
            codec = c;
            break;
        }
        if i == 0 && !is_blank_line(line) {
            break;
        }
    }
    match codec {
        Codec::Utf8 => std::str::from_utf8(body).ok().map(str::to_string),
        Codec::Latin1 => Some(body.iter().map(|&b| char::from(b)).collect()),
        Codec::Ascii => body
            .is_ascii()
            .then(|| String::from_utf8_lossy(body).into_owned()),
    }
}

/// `tokenize`'s `blank_re`: `^[ \t\f]*(?:[#\r\n]|$)`.
fn is_blank_line(line: &[u8]) -> bool {
    match line
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))
    {
        None => true,
        Some(p) => matches!(line[p], b'#' | b'\r' | b'\n'),
    }
}

/// `tokenize.detect_encoding.find_cookie`: Some(None) when the line has no
/// cookie, None where tokenize raises SyntaxError (undecodable line,
/// unknown codec, a BOM with a cookie other than UTF-8).
fn find_cookie(line: &[u8], bom: bool) -> Option<Option<Codec>> {
    let text = std::str::from_utf8(line).ok()?;
    let Some(name) = cookie_name(text) else {
        return Some(None);
    };
    let normal = normal_name(name);
    let codec = lookup_codec(&normal)?;
    if bom && normal != "utf-8" {
        return None;
    }
    Some(Some(codec))
}

/// `tokenize`'s `cookie_re`: `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`
/// (ASCII `\w`).
fn cookie_name(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches([' ', '\t', '\x0c']);
    let rest = rest.strip_prefix('#')?;
    // `.*?` stops at the first "coding" followed by ':' or '='; `.` does
    // not match "\n".
    let body = rest.split('\n').next().unwrap_or("");
    let mut search = body;
    while let Some(p) = search.find("coding") {
        let after = &search[p + 6..];
        if let Some(value) = after.strip_prefix([':', '=']) {
            let value = value.trim_start_matches([' ', '\t']);
            let end = value
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
                .unwrap_or(value.len());
            if end > 0 {
                return Some(&value[..end]);
            }
        }
        search = &search[p + 1..];
    }
    None
}

/// `tokenize._get_normal_name`.
fn normal_name(orig: &str) -> String {
    let enc: String = orig
        .chars()
        .take(12)
        .collect::<String>()
        .to_lowercase()
        .replace('_', "-");
    if enc == "utf-8" || enc.starts_with("utf-8-") {
        return "utf-8".into();
    }
    let latin = ["latin-1", "iso-8859-1", "iso-latin-1"];
    if latin.contains(&enc.as_str()) || latin.iter().any(|l| enc.starts_with(&format!("{l}-"))) {
        return "iso-8859-1".into();
    }
    orig.to_string()
}

/// `codecs.lookup` for the codecs supported here (their usual aliases).
fn lookup_codec(name: &str) -> Option<Codec> {
    let key = name.to_ascii_lowercase().replace(['-', ' '], "_");
    match key.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf_8_sig" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => {
            Some(Codec::Utf8)
        }
        "iso_8859_1" | "iso8859_1" | "latin_1" | "latin1" | "latin" | "l1" | "8859" | "cp819"
        | "iso_ir_100" | "ibm819" | "iso_8859_1_1987" | "csisolatin1" => Some(Codec::Latin1),
        "ascii" | "us_ascii" | "646" | "us" | "cp367" | "csascii" | "ibm367" | "iso646_us"
        | "iso_ir_6" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "iso_646.irv_1991" => {
            Some(Codec::Ascii)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies() {
        assert_eq!(cookie_name("# -*- coding: latin-1 -*-\n"), Some("latin-1"));
        assert_eq!(cookie_name("#coding=utf8"), Some("utf8"));
        assert_eq!(cookie_name("x = 1 # coding: utf-8"), None);
        assert!(is_blank_line(b"  # comment\n"));
        assert!(is_blank_line(b"\n"));
        assert!(!is_blank_line(b"x = 1\n"));
        assert_eq!(
            decode_source(b"# coding: latin-1\nx = '\xe9'\n").as_deref(),
            Some("# coding: latin-1\nx = '\u{e9}'\n")
        );
        assert_eq!(decode_source(b"x = '\xe9'\n"), None);
        assert_eq!(decode_source(b"\xef\xbb\xbf# coding: latin-1\n"), None);
        assert_eq!(split_universal("a\r\nb\rc\nd"), ["a\n", "b\n", "c\n", "d"]);
    }
}
