//! From source bytes to source text, as CPython's tokenizer reads it
//! (`Parser/tokenizer/` and `Parser/pegen_errors.c`): a UTF-8 byte order
//! mark, a PEP 263 coding declaration on line 1 or 2, UTF-8 by default,
//! and universal newlines (`\r\n` and `\r` become `\n`).
//!
//! It never fails with a Rust error the caller cannot turn into CPython's
//! exception: every problem is a [`SourceError`] with CPython's message
//! and position.

/// A problem decoding the source, reported as CPython reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub msg: String,
    /// Position as SyntaxError fields (1-based line and offset); None when
    /// CPython reports none.
    pub lineno: Option<i64>,
    pub offset: Option<i64>,
    pub text: Option<String>,
    pub end_lineno: Option<i64>,
    pub end_offset: Option<i64>,
    /// CPython leaves `filename` None on some decoding errors of
    /// `compile(bytes, ...)`.
    pub no_filename: bool,
}

impl SourceError {
    fn simple(msg: impl Into<String>) -> SourceError {
        SourceError {
            msg: msg.into(),
            lineno: None,
            offset: None,
            text: None,
            end_lineno: None,
            end_offset: None,
            no_filename: false,
        }
    }
}

/// `get_normal_name` (tokenizer helpers): the canonical spelling of the
/// two encodings the tokenizer knows natively.
fn normal_encoding_name(name: &str) -> String {
    let lower: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if lower == "utf-8" || lower.starts_with("utf-8-") {
        return "utf-8".into();
    }
    for latin in ["latin-1", "iso-8859-1", "iso-latin-1"] {
        if lower == latin || lower.starts_with(&format!("{latin}-")) {
            return "iso-8859-1".into();
        }
    }
    name.to_string()
}

/// `get_coding_spec`: the encoding named by a `coding[:=]` comment on this
/// line, if the line is a comment that declares one.
fn coding_spec(line: &[u8]) -> Option<String> {
    let mut i = 0;
    while i < line.len() && matches!(line[i], b' ' | b'\t' | b'\x0c') {
        i += 1;
    }
    if line.get(i) != Some(&b'#') {
        return None;
    }
    let rest = &line[i..];
    let mut pos = 0;
    while pos + 6 <= rest.len() {
        if &rest[pos..pos + 6] == b"coding" {
            let mut j = pos + 6;
            if j < rest.len() && (rest[j] == b':' || rest[j] == b'=') {
                j += 1;
                while j < rest.len() && (rest[j] == b' ' || rest[j] == b'\t') {
                    j += 1;
                }
                let start = j;
                while j < rest.len()
                    && (rest[j].is_ascii_alphanumeric() || matches!(rest[j], b'-' | b'_' | b'.'))
                {
                    j += 1;
                }
                if j > start {
                    let name = String::from_utf8_lossy(&rest[start..j]).into_owned();
                    return Some(normal_encoding_name(&name));
                }
            }
        }
        pos += 1;
    }
    None
}

/// Whether a line holds only whitespace and maybe a comment (a coding
/// declaration may then be on the next line).
fn is_blank_or_comment(line: &[u8]) -> bool {
    for &b in line {
        match b {
            b' ' | b'\t' | b'\x0c' | b'\r' | b'\n' => {}
            b'#' => return true,
            _ => return false,
        }
    }
    true
}

/// The first two lines (with their terminators) of `data`.
fn first_lines(data: &[u8]) -> (&[u8], &[u8]) {
    let split = |d: &[u8]| -> usize {
        d.iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map(|p| {
                if d[p] == b'\r' && d.get(p + 1) == Some(&b'\n') {
                    p + 2
                } else {
                    p + 1
                }
            })
            .unwrap_or(d.len())
    };
    let n1 = split(data);
    let n2 = n1 + split(&data[n1..]);
    (&data[..n1], &data[n1..n2])
}

/// Decodes source bytes as CPython's tokenizer does for a file or for
/// `compile(bytes, ...)`. `filename` is used only in the message for a
/// file (`... in file X on line N ...`).
pub fn decode(data: &[u8], file: Option<&str>) -> Result<String, SourceError> {
    let (bom, body) = match data.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, data),
    };
    let (l1, l2) = first_lines(body);
    let mut declared = coding_spec(l1).map(|e| (e, 1, l1));
    if declared.is_none() && is_blank_or_comment(l1) {
        declared = coding_spec(l2).map(|e| (e, 2, l2));
    }
    let encoding = match declared {
        Some((enc, line, text)) => {
            if bom && enc != "utf-8" {
                let t = String::from_utf8_lossy(text)
                    .trim_end_matches(['\r', '\n'])
                    .to_string();
                let len = t.len() as i64;
                return Err(SourceError {
                    msg: format!("encoding problem: {enc} with BOM"),
                    lineno: Some(line),
                    offset: Some(0),
                    text: Some(t),
                    end_lineno: Some(line),
                    end_offset: Some(len),
                    no_filename: true,
                });
            }
            enc
        }
        None => "utf-8".to_string(),
    };
    let text = match encoding.as_str() {
        "utf-8" => match std::str::from_utf8(body) {
            Ok(s) => s.to_string(),
            Err(e) => return Err(non_utf8_error(body, e.valid_up_to(), file)),
        },
        "iso-8859-1" => body.iter().map(|&b| b as char).collect(),
        "ascii" | "us-ascii" => {
            if let Some(p) = body.iter().position(|b| !b.is_ascii()) {
                return Err(SourceError::simple(format!(
                    "(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {p}: ordinal not in range(128)",
                    body[p]
                )));
            }
            String::from_utf8_lossy(body).into_owned()
        }
        other => {
            let mut e = SourceError::simple(format!("unknown encoding: {other}"));
            e.lineno = Some(0);
            e.offset = Some(-1);
            return Err(e);
        }
    };
    Ok(text)
}

/// CPython's "Non-UTF-8 code starting with ..." error for the first byte
/// that is not valid UTF-8 (at `bad`, a byte offset into `body`).
fn non_utf8_error(body: &[u8], bad: usize, file: Option<&str>) -> SourceError {
    let line_start = body[..bad]
        .iter()
        .rposition(|&b| b == b'\n')
        .map(|p| p + 1)
        .unwrap_or(0);
    let lineno = 1 + body[..bad].iter().filter(|&&b| b == b'\n').count() as i64;
    let line_end = body[bad..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|p| bad + p)
        .unwrap_or(body.len());
    let text = String::from_utf8_lossy(&body[line_start..line_end])
        .trim_end_matches('\r')
        .to_string();
    let col = (bad - line_start) as i64 + 1;
    let where_ = match file {
        Some(f) => format!(" in file {f}"),
        None => String::new(),
    };
    SourceError {
        msg: format!(
            "Non-UTF-8 code starting with '\\x{:02x}'{where_} on line {lineno}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
            body[bad]
        ),
        lineno: Some(lineno),
        offset: Some(col),
        text: Some(text),
        end_lineno: Some(lineno),
        end_offset: Some(col),
        no_filename: file.is_none(),
    }
}

/// Universal newlines: `\r\n` and a lone `\r` become `\n`.
pub fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// The check CPython makes before tokenizing (`_PyTokenizer_*`): source
/// text may not contain NUL.
pub fn check_no_nul(text: &str) -> Result<(), SourceError> {
    if text.contains('\0') {
        return Err(SourceError::simple(
            "source code string cannot contain null bytes",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_default_and_bom() {
        assert_eq!(decode(b"x = 1\n", None).unwrap(), "x = 1\n");
        assert_eq!(decode(b"\xef\xbb\xbfx=1", None).unwrap(), "x=1");
    }

    #[test]
    fn latin1_cookie_on_line_one_or_two() {
        assert_eq!(
            decode(b"# coding: latin-1\nx = '\xe9'\n", None).unwrap(),
            "# coding: latin-1\nx = '\u{e9}'\n"
        );
        assert_eq!(
            decode(b"\n# -*- coding: latin-1 -*-\nx='\xe9'\n", None).unwrap(),
            "\n# -*- coding: latin-1 -*-\nx='\u{e9}'\n"
        );
        // Line 2 counts only after a blank or comment line 1.
        let e = decode(b"x=1\n# coding: latin-1\ny='\xe9'\n", None).unwrap_err();
        assert!(
            e.msg
                .starts_with("Non-UTF-8 code starting with '\\xe9' on line 3")
        );
        assert_eq!((e.lineno, e.offset), (Some(3), Some(4)));
    }

    #[test]
    fn decoding_errors_have_cpython_messages() {
        let e = decode(b"x = \xe9\n", Some("/tmp/bad.py")).unwrap_err();
        assert_eq!(
            e.msg,
            "Non-UTF-8 code starting with '\\xe9' in file /tmp/bad.py on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details"
        );
        let e = decode(b"# coding: foobar\nx=1\n", None).unwrap_err();
        assert_eq!(e.msg, "unknown encoding: foobar");
        let e = decode(b"\xef\xbb\xbf# coding: latin-1\nx=1\n", None).unwrap_err();
        assert_eq!(e.msg, "encoding problem: iso-8859-1 with BOM");
        assert_eq!(e.end_offset, Some(17));
    }

    #[test]
    fn newlines_are_universal() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
        assert!(check_no_nul("x=1\0").is_err());
    }
}
