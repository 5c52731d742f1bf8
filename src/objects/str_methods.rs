//! Construction and methods of `str`.

use crate::objects::args::{self, Signature};
use crate::objects::str::{StrObject, str_of_type, str_value};
use crate::objects::typeobject::MethodDef;
use crate::objects::{Obj, PyResult, Vm};

/// `str(object='', encoding='utf-8', errors='strict')` (`unicode_new_impl`).
pub fn str_new(vm: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("str", &["object", "encoding", "errors"], 0);
    if args::npos(a, kw) > 3 {
        args::check_positional_count(vm, "str", args::npos(a, kw), 0, 3)?;
    }
    let [object, encoding, errors] = args::parse::<3>(vm, &SIG, a, kw)?;
    let text = match (object, encoding.is_some() || errors.is_some()) {
        (None, _) => String::new(),
        (Some(o), false) => {
            let s = vm.str(&o)?;
            if cls.is_static(&crate::objects::str::STR_TYPE) {
                return Ok(s);
            }
            str_value(&s).to_string()
        }
        (Some(o), true) => {
            let enc = match &encoding {
                Some(e) => vm.expect_str(e, "str() argument 'encoding'")?,
                None => "utf-8".to_string(),
            };
            let errs = match &errors {
                Some(e) => vm.expect_str(e, "str() argument 'errors'")?,
                None => "strict".to_string(),
            };
            crate::objects::bytes::decode_object(vm, &o, &enc, &errs)?
        }
    };
    Ok(str_of_type(cls, text))
}

/// `str % args`: printf-style formatting (`PyUnicode_Format`).
pub fn str_mod(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    if a.downcast::<StrObject>().is_none() {
        return Ok(Obj::not_implemented());
    }
    crate::objects::percent::format_str_percent(vm, a, b)
}

fn this(a: &[Obj]) -> &str {
    str_value(&a[0])
}

fn str_join(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let it = args::one_arg(vm, "str.join", &a[1..], kw)?;
    let items = vm.collect(it)?;
    let sep = this(a);
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        match item.downcast::<StrObject>() {
            Some(s) => {
                if i > 0 {
                    out.push_str(sep);
                }
                out.push_str(s.as_str());
            }
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    item.class().name()
                )));
            }
        }
    }
    Ok(vm.new_string(out))
}

fn str_format_method(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::objects::str_format::str_format(vm, &a[0], &a[1..], kw)
}

fn str_dunder_format(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "__format__", &a[1..], kw, 1, 1)?;
    let spec = match rest[0].downcast::<StrObject>() {
        Some(s) => s.as_str().to_string(),
        None => {
            return Err(vm.type_error(format!(
                "__format__() argument must be str, not {}",
                rest[0].class().name()
            )));
        }
    };
    let s = this(a).to_string();
    let text = crate::objects::float::format_with(vm, &spec, |sp| {
        crate::format::text::format_str(&s, sp)
    })?;
    Ok(vm.new_string(text))
}

pub static STR_METHODS: &[MethodDef] = &[
    MethodDef::new("join", str_join),
    MethodDef::new("format", str_format_method),
    MethodDef::new("__format__", str_dunder_format),
];
