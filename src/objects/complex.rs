//! `complex` (CPython's `Objects/complexobject.c`).

use crate::objects::args::{self, Signature};
use crate::objects::float::{float_value, hash_double};
use crate::objects::header::ObjHeader;
use crate::objects::int::int_ref;
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::str::StrObject;
use crate::objects::typeobject::{
    CompareOp, GetSetDef, MethodDef, NbOp, TypeObject, as_type, flags,
};
use crate::objects::{Obj, PyResult, Vm, bool_, float, object_type};

#[repr(C)]
pub struct ComplexObject {
    pub ob: ObjHeader,
    pub re: f64,
    pub im: f64,
}
crate::py_layout!(ComplexObject, COMPLEX_TYPE);

pub static COMPLEX_TYPE: TypeObject =
    TypeObject::new_static("complex", &COMPLEX_TYPE, TypeIndex::Complex as u16, dealloc_box::<ComplexObject>)
        .base(&object_type::OBJECT_TYPE)
        .flags(flags::BASETYPE)
        .doc("Create a complex number from a string or numbers.\n\nIf a string is given, parse it as a complex number.\nIf a single number is given, convert it to a complex number.\nIf the 'real' or 'imag' arguments are given, create a complex number\nwith the specified real and imaginary components.")
        .repr(complex_repr)
        .hash(complex_hash)
        .richcompare(complex_richcompare)
        .nb(NbOp::Add, complex_add)
        .nb(NbOp::Subtract, complex_sub)
        .nb(NbOp::Multiply, complex_mul)
        .nb(NbOp::TrueDivide, complex_div)
        .nb(NbOp::Power, complex_pow2)
        .nb_power(complex_pow)
        .nb_negative(complex_neg)
        .nb_positive(complex_pos)
        .nb_absolute(complex_abs)
        .nb_bool(complex_bool)
        .new_fn(complex_new)
        .methods(COMPLEX_METHODS)
        .getsets(COMPLEX_GETSETS);

pub fn new_complex(re: f64, im: f64) -> Obj {
    Obj::alloc(ComplexObject {
        ob: ObjHeader::new(&COMPLEX_TYPE),
        re,
        im,
    })
}

pub fn complex_value(o: &Obj) -> Option<(f64, f64)> {
    o.downcast::<ComplexObject>().map(|c| (c.re, c.im))
}

/// Converts an operand of complex arithmetic: complex, float or int.
fn to_complex(vm: &mut Vm, o: &Obj) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = complex_value(o) {
        return Ok(Some(c));
    }
    if let Some(f) = float_value(o) {
        return Ok(Some((f, 0.0)));
    }
    if let Some(i) = int_ref(o) {
        return match i.to_f64() {
            Some(f) => Ok(Some((f, 0.0))),
            None => Err(vm.overflow_error("int too large to convert to float")),
        };
    }
    Ok(None)
}

macro_rules! both {
    ($vm:expr, $a:expr, $b:expr) => {
        match (to_complex($vm, $a)?, to_complex($vm, $b)?) {
            (Some(x), Some(y)) => (x, y),
            _ => return Ok(Obj::not_implemented()),
        }
    };
}

fn complex_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let (re, im) = complex_value(o).expect("complex slot");
    Ok(vm.new_string(crate::format::number::complex_repr(re, im)))
}

/// `hash(complex)`: hash(real) + 1000003 * hash(imag), wrapping.
fn complex_hash(_: &mut Vm, o: &Obj) -> PyResult<i64> {
    let (re, im) = complex_value(o).expect("complex slot");
    let hr = hash_double(o, re) as u64;
    let hi = hash_double(o, im) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    Ok(if h == -1 { -2 } else { h })
}

fn complex_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Obj::not_implemented());
    }
    let (re, im) = complex_value(a).expect("complex slot");
    let eq = if let Some(i) = int_ref(b) {
        im == 0.0
            && crate::objects::int::ops::compare_int_float(i, re) == Some(std::cmp::Ordering::Equal)
    } else if let Some(f) = float_value(b) {
        re == f && im == 0.0
    } else if let Some((r2, i2)) = complex_value(b) {
        re == r2 && im == i2
    } else {
        return Ok(Obj::not_implemented());
    };
    let _ = vm;
    Ok(bool_::new_bool(eq == (op == CompareOp::Eq)))
}

fn complex_add(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let ((a1, b1), (a2, b2)) = both!(vm, a, b);
    Ok(new_complex(a1 + a2, b1 + b2))
}

fn complex_sub(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let ((a1, b1), (a2, b2)) = both!(vm, a, b);
    Ok(new_complex(a1 - a2, b1 - b2))
}

/// `_Py_c_prod`, with the C11 Annex G recovery of infinities.
pub fn c_prod(z: (f64, f64), w: (f64, f64)) -> (f64, f64) {
    let (a, b, c, d) = (z.0, z.1, w.0, w.1);
    let (ac, bd, ad, bc) = (a * c, b * d, a * d, b * c);
    let mut r = (ac - bd, ad + bc);
    if r.0.is_nan() && r.1.is_nan() {
        let (mut a, mut b, mut c, mut d) = (a, b, c, d);
        let mut recalc = false;
        if a.is_infinite() || b.is_infinite() {
            a = (if a.is_infinite() { 1.0f64 } else { 0.0 }).copysign(a);
            b = (if b.is_infinite() { 1.0f64 } else { 0.0 }).copysign(b);
            if c.is_nan() {
                c = 0.0f64.copysign(c);
            }
            if d.is_nan() {
                d = 0.0f64.copysign(d);
            }
            recalc = true;
        }
        if c.is_infinite() || d.is_infinite() {
            c = (if c.is_infinite() { 1.0f64 } else { 0.0 }).copysign(c);
            d = (if d.is_infinite() { 1.0f64 } else { 0.0 }).copysign(d);
            if a.is_nan() {
                a = 0.0f64.copysign(a);
            }
            if b.is_nan() {
                b = 0.0f64.copysign(b);
            }
            recalc = true;
        }
        if !recalc && (ac.is_infinite() || bd.is_infinite() || ad.is_infinite() || bc.is_infinite())
        {
            if a.is_nan() {
                a = 0.0f64.copysign(a);
            }
            if b.is_nan() {
                b = 0.0f64.copysign(b);
            }
            if c.is_nan() {
                c = 0.0f64.copysign(c);
            }
            if d.is_nan() {
                d = 0.0f64.copysign(d);
            }
            recalc = true;
        }
        if recalc {
            r = (
                f64::INFINITY * (a * c - b * d),
                f64::INFINITY * (a * d + b * c),
            );
        }
    }
    r
}

/// `_Py_c_quot`: None on division by zero.
pub fn c_quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let abs_br = b.0.abs();
    let abs_bi = b.1.abs();
    let mut r = if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        ((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom)
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        ((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom)
    } else {
        (f64::NAN, f64::NAN)
    };
    if r.0.is_nan() && r.1.is_nan() {
        if (a.0.is_infinite() || a.1.is_infinite()) && b.0.is_finite() && b.1.is_finite() {
            let x = (if a.0.is_infinite() { 1.0 } else { 0.0f64 }).copysign(a.0);
            let y = (if a.1.is_infinite() { 1.0 } else { 0.0f64 }).copysign(a.1);
            r = (
                f64::INFINITY * (x * b.0 + y * b.1),
                f64::INFINITY * (y * b.0 - x * b.1),
            );
        } else if (abs_br.is_infinite() || abs_bi.is_infinite())
            && a.0.is_finite()
            && a.1.is_finite()
        {
            let x = (if b.0.is_infinite() { 1.0 } else { 0.0f64 }).copysign(b.0);
            let y = (if b.1.is_infinite() { 1.0 } else { 0.0f64 }).copysign(b.1);
            r = (0.0 * (a.0 * x + a.1 * y), 0.0 * (a.1 * x - a.0 * y));
        }
    }
    Some(r)
}

fn complex_mul(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = both!(vm, a, b);
    let (re, im) = c_prod(x, y);
    Ok(new_complex(re, im))
}

fn complex_div(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = both!(vm, a, b);
    match c_quot(x, y) {
        Some((re, im)) => Ok(new_complex(re, im)),
        None => Err(vm.zero_division_error("division by zero")),
    }
}

fn c_powu(x: (f64, f64), n: i64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `x ** y` for complex values (CPython's `complex_pow`).
pub fn complex_pow_values(vm: &mut Vm, a: (f64, f64), b: (f64, f64)) -> PyResult<Obj> {
    let mut edom = false;
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            c_powu(a, n)
        } else {
            match c_quot((1.0, 0.0), c_powu(a, -n)) {
                Some(q) => q,
                None => {
                    edom = true;
                    (0.0, 0.0)
                }
            }
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            edom = true;
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if edom {
        return Err(vm.zero_division_error("zero to a negative or complex power"));
    }
    if (r.0.is_infinite() || r.1.is_infinite())
        && a.0.is_finite()
        && a.1.is_finite()
        && b.0.is_finite()
        && b.1.is_finite()
    {
        return Err(vm.overflow_error("complex exponentiation"));
    }
    Ok(new_complex(r.0, r.1))
}

fn complex_pow2(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    complex_pow(vm, a, b, &Obj::none())
}

fn complex_pow(vm: &mut Vm, a: &Obj, b: &Obj, m: &Obj) -> PyResult<Obj> {
    if !m.is_none() {
        return Err(vm.value_error("complex modulo"));
    }
    let (x, y) = both!(vm, a, b);
    complex_pow_values(vm, x, y)
}

fn complex_neg(_: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let (re, im) = complex_value(a).expect("complex slot");
    Ok(new_complex(-re, -im))
}

fn complex_pos(_: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let (re, im) = complex_value(a).expect("complex slot");
    Ok(new_complex(re, im))
}

fn complex_abs(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let (re, im) = complex_value(a).expect("complex slot");
    let r = if re.is_infinite() || im.is_infinite() {
        f64::INFINITY
    } else {
        re.hypot(im)
    };
    if r.is_infinite() && re.is_finite() && im.is_finite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(float::new_float(r))
}

fn complex_bool(_: &mut Vm, a: &Obj) -> PyResult<bool> {
    let (re, im) = complex_value(a).expect("complex slot");
    Ok(re != 0.0 || im != 0.0)
}

/// Parses `complex(str)` text (CPython's `complex_from_string_inner`).
fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let mut t = s.trim();
    if t.starts_with('(') && t.ends_with(')') && t.len() >= 2 {
        t = t[1..t.len() - 1].trim();
    }
    if t.is_empty() || t.contains(char::is_whitespace) {
        return None;
    }
    let num = |x: &str| -> Option<f64> {
        if x.is_empty() || x.starts_with('_') || x.contains("__") {
            return None;
        }
        crate::format::parse::parse_float(x)
    };
    if let Some(body) = t.strip_suffix(['j', 'J']) {
        // "xj", "a+bj", "a-bj", "+j", "-j", "j".
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        let imag = |x: &str| -> Option<f64> {
            match x {
                "" | "+" => Some(1.0),
                "-" => Some(-1.0),
                _ => num(x),
            }
        };
        return match split {
            Some(i) => Some((num(&body[..i])?, imag(&body[i..])?)),
            None => Some((0.0, imag(body)?)),
        };
    }
    Some((num(t)?, 0.0))
}

fn complex_new(vm: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("complex", &["real", "imag"], 0);
    let [real, imag] = args::parse::<2>(vm, &SIG, a, kw)?;
    let ty = as_type(cls).expect("complex __new__ with a non-type");
    let (re, im) = match (real, imag) {
        (None, None) => (0.0, 0.0),
        (Some(r), None) if r.downcast::<StrObject>().is_some() => {
            match parse_complex(r.downcast::<StrObject>().map(|s| s.as_str()).unwrap_or("")) {
                Some(v) => v,
                None => return Err(vm.value_error("complex() arg is a malformed string")),
            }
        }
        (r, i) => {
            let real_is_complex =
                r.as_ref().is_some_and(|x| complex_value(x).is_some()) && i.is_some();
            let imag_is_complex = i.as_ref().is_some_and(|x| complex_value(x).is_some());
            let (r1, i1) = match r {
                None => (0.0, 0.0),
                Some(r) => match number_parts(vm, &r)? {
                    Some(v) => v,
                    None => {
                        return Err(vm.type_error(if i.is_some() {
                            format!(
                                "complex() argument 'real' must be a real number, not {}",
                                r.class().name()
                            )
                        } else {
                            format!(
                                "complex() argument must be a string or a number, not {}",
                                r.class().name()
                            )
                        }));
                    }
                },
            };
            let (r2, i2) = match i {
                None => (0.0, 0.0),
                Some(i) => match number_parts(vm, &i)? {
                    Some(v) if i.downcast::<StrObject>().is_none() => v,
                    _ => {
                        return Err(vm.type_error(format!(
                            "complex() argument 'imag' must be a real number, not {}",
                            i.class().name()
                        )));
                    }
                },
            };
            // Only complex arguments contribute to the other part
            // (`complex_new_impl`), which keeps the signs of zeros.
            let mut re = r1;
            let mut im = r2;
            if imag_is_complex {
                re -= i2;
            }
            if real_is_complex {
                im += i1;
            }
            (re, im)
        }
    };
    if std::ptr::eq(ty, &COMPLEX_TYPE) {
        Ok(new_complex(re, im))
    } else {
        Ok(Obj::alloc(ComplexObject {
            ob: ObjHeader::new(ty),
            re,
            im,
        }))
    }
}

/// The complex value of a number argument of `complex()`.
fn number_parts(vm: &mut Vm, o: &Obj) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = complex_value(o) {
        return Ok(Some(c));
    }
    if float_value(o).is_some() || int_ref(o).is_some() || o.class().slots.nb_float.get().is_some()
    {
        return Ok(Some((vm.to_f64(o)?, 0.0)));
    }
    if o.class().slots.nb_index.get().is_some() {
        let i = vm.index(o)?;
        return Ok(Some((vm.to_f64(&i)?, 0.0)));
    }
    Ok(None)
}

fn complex_conjugate(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "complex.conjugate", &a[1..], kw)?;
    let (re, im) = complex_value(&a[0]).expect("complex method");
    Ok(new_complex(re, -im))
}

fn complex_format(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "__format__", &a[1..], kw, 1, 1)?;
    let spec = vm.expect_str(&rest[0], "__format__() argument")?;
    if spec.is_empty() {
        return vm.str(&a[0]);
    }
    let (re, im) = complex_value(&a[0]).expect("complex method");
    let type_name = a[0].class().name();
    let text = float::format_with(vm, &spec, |sp| {
        crate::format::number::format_complex_with(re, im, sp, &type_name)
    })?;
    Ok(vm.new_string(text))
}

fn complex_getnewargs(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "complex.__getnewargs__", &a[1..], kw)?;
    let (re, im) = complex_value(&a[0]).expect("complex method");
    Ok(vm.new_tuple(vec![float::new_float(re), float::new_float(im)]))
}

static COMPLEX_METHODS: &[MethodDef] = &[
    MethodDef::new("conjugate", complex_conjugate),
    MethodDef::new("__format__", complex_format),
    MethodDef::new("__getnewargs__", complex_getnewargs),
];

fn get_real(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(float::new_float(
        complex_value(o).expect("complex getter").0,
    ))
}
fn get_imag(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(float::new_float(
        complex_value(o).expect("complex getter").1,
    ))
}

static COMPLEX_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("real", get_real),
    GetSetDef::getter("imag", get_imag),
];
