//! Methods of `bytes` and `bytearray`.

use super::{ByteArrayObject, bytes_like_data, decode_bytes};
use crate::objects::args::{self, Signature};
use crate::objects::typeobject::MethodDef;
use crate::objects::{Obj, PyResult, Vm};

/// `bytes % args` (printf-style formatting of bytes).
pub fn bytes_mod(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    crate::objects::percent::format_bytes_percent(vm, a, b)
}

fn b_decode(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("decode", &["encoding", "errors"], 0);
    let [encoding, errors] = args::parse::<2>(vm, &SIG, &a[1..], kw)?;
    let enc = match encoding {
        Some(e) => vm.expect_str(&e, "decode() argument 'encoding'")?,
        None => "utf-8".into(),
    };
    let errs = match errors {
        Some(e) => vm.expect_str(&e, "decode() argument 'errors'")?,
        None => "strict".into(),
    };
    let data = bytes_like_data(&a[0]).unwrap_or_default();
    let s = decode_bytes(vm, &data, &enc, &errs)?;
    Ok(vm.new_string(s))
}

fn b_hex(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "hex", &a[1..], kw)?;
    let data = bytes_like_data(&a[0]).unwrap_or_default();
    let s: String = data.iter().map(|b| format!("{b:02x}")).collect();
    Ok(vm.new_string(s))
}

fn ba_append(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::one_arg(vm, "bytearray.append", &a[1..], kw)?;
    let b = super::byte_value(vm, v)?;
    if let Some(ba) = a[0].downcast::<ByteArrayObject>() {
        ba.data.borrow_mut().push(b);
    }
    Ok(Obj::none())
}

pub static BYTES_METHODS: &[MethodDef] = &[
    MethodDef::new("decode", b_decode),
    MethodDef::new("hex", b_hex),
];

pub static BYTEARRAY_METHODS: &[MethodDef] = &[
    MethodDef::new("decode", b_decode),
    MethodDef::new("hex", b_hex),
    MethodDef::new("append", ba_append),
];
