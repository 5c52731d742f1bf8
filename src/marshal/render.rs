//! A canonical, unambiguous text rendering of a [`Value`] tree.
//!
//! It exists for the golden tests: `tools/marshal/make_fixtures.py` renders
//! what python3.14 loads in exactly this format, and the tests compare. So
//! the format avoids anything two implementations could print differently:
//! floats are their bit patterns, strings escape everything outside
//! printable ASCII as `\u{hex}`, bytes are hex. One node per line, children
//! indented by two spaces, a code object's fields labelled. Containers keep
//! the order of the data.
//!
//! ```text
//! tuple 2
//!   int 1
//!   str interned "a\u{e9}"
//! ```
//!
//! Like reading and writing, rendering uses a work stack, not recursion.
//! A shared sub-object is rendered at every place it occurs.

use std::fmt::Write;

use super::value::{Code, PyStr, Value};

/// One line-to-be of the rendering.
enum Node<'a> {
    Value(&'a Value),
    Str(&'a PyStr),
    Bytes(&'a [u8]),
    Tuple(&'a [Value]),
    Text(String),
}

type Work<'a> = Vec<(Node<'a>, usize, Option<&'static str>)>;

/// Renders `value` in the golden format (one line per node, each ending in
/// a newline).
pub fn render(value: &Value) -> String {
    let mut out = String::new();
    let mut work: Work<'_> = vec![(Node::Value(value), 0, None)];
    while let Some((node, indent, label)) = work.pop() {
        for _ in 0..indent {
            out.push_str("  ");
        }
        if let Some(label) = label {
            out.push_str(label);
            out.push_str(": ");
        }
        header(&node, &mut out);
        out.push('\n');
        push_children(&node, indent + 1, &mut work);
    }
    out
}

/// Appends `s` quoted, escaping all but printable ASCII (and `"`, `\`).
pub(crate) fn escape_into(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        if (' '..='~').contains(&c) && c != '"' && c != '\\' {
            out.push(c);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
    out.push('"');
}

fn str_header(s: &PyStr, out: &mut String) {
    out.push_str(if s.interned { "str interned " } else { "str " });
    escape_into(&s.text, out);
}

fn bytes_header(b: &[u8], out: &mut String) {
    let _ = write!(out, "bytes {}", b.len());
    if !b.is_empty() {
        out.push(' ');
        for byte in b {
            let _ = write!(out, "{byte:02x}");
        }
    }
}

fn header(node: &Node<'_>, out: &mut String) {
    let v = match node {
        Node::Value(v) => *v,
        Node::Str(s) => return str_header(s, out),
        Node::Bytes(b) => return bytes_header(b, out),
        Node::Tuple(items) => {
            let _ = write!(out, "tuple {}", items.len());
            return;
        }
        Node::Text(text) => return out.push_str(text),
    };
    let _ = match v {
        Value::None => write!(out, "None"),
        Value::True => write!(out, "True"),
        Value::False => write!(out, "False"),
        Value::Ellipsis => write!(out, "Ellipsis"),
        Value::StopIteration => write!(out, "StopIteration"),
        Value::Int(n) => write!(out, "int {n}"),
        Value::Float(x) => write!(out, "float {:#018x}", x.to_bits()),
        Value::Complex(re, im) => {
            write!(out, "complex {:#018x} {:#018x}", re.to_bits(), im.to_bits())
        }
        Value::Str(s) => {
            str_header(s, out);
            Ok(())
        }
        Value::Bytes(b) => {
            bytes_header(b, out);
            Ok(())
        }
        Value::Tuple(items) => write!(out, "tuple {}", items.len()),
        Value::List(items) => write!(out, "list {}", items.len()),
        Value::Set(items) => write!(out, "set {}", items.len()),
        Value::FrozenSet(items) => write!(out, "frozenset {}", items.len()),
        Value::Dict(pairs) => write!(out, "dict {}", pairs.len()),
        Value::Slice(_) => write!(out, "slice"),
        Value::Code(_) => write!(out, "code"),
    };
}

fn push_children<'a>(node: &Node<'a>, indent: usize, work: &mut Work<'a>) {
    let items: &'a [Value] = match *node {
        Node::Value(v) => match v {
            Value::Tuple(items)
            | Value::List(items)
            | Value::Set(items)
            | Value::FrozenSet(items) => items,
            Value::Dict(pairs) => {
                for (key, value) in pairs.iter().rev() {
                    work.push((Node::Value(value), indent, Some("value")));
                    work.push((Node::Value(key), indent, Some("key")));
                }
                return;
            }
            Value::Slice(parts) => {
                work.push((Node::Value(&parts.2), indent, Some("step")));
                work.push((Node::Value(&parts.1), indent, Some("stop")));
                work.push((Node::Value(&parts.0), indent, Some("start")));
                return;
            }
            Value::Code(code) => return push_code(code, indent, work),
            _ => return,
        },
        Node::Tuple(items) => items,
        Node::Str(_) | Node::Bytes(_) | Node::Text(_) => return,
    };
    work.extend(
        items
            .iter()
            .rev()
            .map(|item| (Node::Value(item), indent, None)),
    );
}

fn push_code<'a>(code: &'a Code, indent: usize, work: &mut Work<'a>) {
    let fields: [(Node<'a>, Option<&'static str>); 16] = [
        (Node::Text(format!("argcount {}", code.argcount)), None),
        (
            Node::Text(format!("posonlyargcount {}", code.posonlyargcount)),
            None,
        ),
        (
            Node::Text(format!("kwonlyargcount {}", code.kwonlyargcount)),
            None,
        ),
        (Node::Text(format!("stacksize {}", code.stacksize)), None),
        (
            Node::Text(format!("flags {:#010x}", code.flags as u32)),
            None,
        ),
        (Node::Bytes(&code.code), Some("code")),
        (Node::Tuple(&code.consts), Some("consts")),
        (Node::Tuple(&code.names), Some("names")),
        (Node::Tuple(&code.localsplusnames), Some("localsplusnames")),
        (Node::Bytes(&code.localspluskinds), Some("localspluskinds")),
        (Node::Str(&code.filename), Some("filename")),
        (Node::Str(&code.name), Some("name")),
        (Node::Str(&code.qualname), Some("qualname")),
        (
            Node::Text(format!("firstlineno {}", code.firstlineno)),
            None,
        ),
        (Node::Bytes(&code.linetable), Some("linetable")),
        (Node::Bytes(&code.exceptiontable), Some("exceptiontable")),
    ];
    work.extend(
        fields
            .into_iter()
            .rev()
            .map(|(node, label)| (node, indent, label)),
    );
}

impl Value {
    /// The golden-test rendering of this value; see [`render`].
    pub fn render(&self) -> String {
        render(self)
    }
}
