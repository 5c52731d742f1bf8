//! Numeric builtins: abs, divmod, pow, round, sum, min, max, hex, oct, bin.

use crate::objects::args::{self, Signature};
use crate::objects::float::{FLOAT_TYPE, float_value, new_float};
use crate::objects::int::{self, IntRef, int_ref, is_exact_int};
use crate::objects::typeobject::CompareOp;
use crate::objects::{Obj, PyResult, Vm, bytes};

pub fn abs(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(vm, "abs", a, kw)?;
    vm.absolute(o)
}

pub fn divmod(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "divmod", a, kw, 2, 2)?;
    vm.divmod(&rest[0], &rest[1])
}

/// `pow(base, exp, mod=None)`.
pub fn pow(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("pow", &["base", "exp", "mod"], 2);
    let [base, exp, m] = args::parse::<3>(vm, &SIG, a, kw)?;
    let (base, exp) = (base.expect("required"), exp.expect("required"));
    vm.power(&base, &exp, &m.unwrap_or_else(Obj::none))
}

/// `round(number, ndigits=None)` via `__round__`.
pub fn round(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("round", &["number", "ndigits"], 1);
    let [number, ndigits] = args::parse::<2>(vm, &SIG, a, kw)?;
    let number = number.expect("required");
    let Some(f) = vm.lookup_special(&number, "__round__") else {
        return Err(vm.type_error(format!(
            "type {} doesn't define __round__ method",
            number.class().name()
        )));
    };
    match ndigits.filter(|n| !n.is_none()) {
        Some(n) => vm.call(&f, &[n], None),
        None => vm.call(&f, &[], None),
    }
}

/// Neumaier-compensated float sum (CPython 3.12+'s `cs_add`).
#[derive(Default, Clone, Copy)]
struct CompensatedSum {
    hi: f64,
    lo: f64,
}

impl CompensatedSum {
    fn add(self, x: f64) -> CompensatedSum {
        let t = self.hi + x;
        let lo = if self.hi.abs() >= x.abs() {
            self.lo + ((self.hi - t) + x)
        } else {
            self.lo + ((x - t) + self.hi)
        };
        CompensatedSum { hi: t, lo }
    }
    fn value(self) -> f64 {
        if self.lo != 0.0 && self.lo.is_finite() {
            self.hi + self.lo
        } else {
            self.hi
        }
    }
}

/// `sum(iterable, /, start=0)` (CPython's `builtin_sum_impl`, with its int
/// and compensated float fast paths).
pub fn sum(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("sum", &["iterable", "start"], 1).posonly(1);
    let (pos, _, names) = args::split(a, kw);
    if pos.is_empty() && names.len() < 2 {
        return Err(vm.type_error(format!(
            "sum() takes at least 1 positional argument ({} given)",
            pos.len()
        )));
    }
    let [iterable, start] = args::parse::<2>(vm, &SIG, a, kw)?;
    let iterable = iterable.expect("required");
    let mut result = start.unwrap_or_else(|| int::new_int(0));
    if crate::objects::str::is_str(&result) {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if result.downcast::<bytes::BytesObject>().is_some() {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if result.downcast::<bytes::ByteArrayObject>().is_some() {
        return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = vm.get_iter(&iterable)?;
    // Exact ints accumulate in an i64 until something else shows up.
    if is_exact_int(&result)
        && let Some(mut acc) = int_ref(&result).and_then(IntRef::to_i64)
    {
        loop {
            let Some(item) = vm.iter_next(&it)? else {
                return Ok(int::new_int(acc));
            };
            if (is_exact_int(&item)
                || std::ptr::eq(item.class(), &crate::objects::bool_::BOOL_TYPE))
                && let Some(b) = int_ref(&item).and_then(IntRef::to_i64)
                && let Some(s) = acc.checked_add(b)
            {
                acc = s;
                continue;
            }
            let r = int::new_int(acc);
            result = vm.binary_op(&r, &item, crate::objects::NbOp::Add)?;
            break;
        }
    }
    // Exact floats accumulate with compensation.
    if std::ptr::eq(result.class(), &FLOAT_TYPE) {
        let mut cs = CompensatedSum {
            hi: float_value(&result).unwrap_or(0.0),
            lo: 0.0,
        };
        loop {
            let Some(item) = vm.iter_next(&it)? else {
                return Ok(new_float(cs.value()));
            };
            if std::ptr::eq(item.class(), &FLOAT_TYPE) {
                cs = cs.add(float_value(&item).unwrap_or(0.0));
                continue;
            }
            if int::is_int(&item)
                && let Some(v) = int_ref(&item).and_then(IntRef::to_i64)
            {
                cs = cs.add(v as f64);
                continue;
            }
            let r = new_float(cs.value());
            result = vm.binary_op(&r, &item, crate::objects::NbOp::Add)?;
            break;
        }
    }
    while let Some(item) = vm.iter_next(&it)? {
        result = vm.binary_op(&result, &item, crate::objects::NbOp::Add)?;
    }
    Ok(result)
}

/// `min`/`max` (CPython's `min_max`).
fn min_max(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>, name: &str, op: CompareOp) -> PyResult<Obj> {
    let (pos, values, names) = args::split(a, kw);
    let (mut key, mut default) = (None, None);
    for (k, v) in names.iter().zip(values) {
        match crate::objects::str::str_value(k) {
            "key" => key = Some(v.clone()),
            "default" => default = Some(v.clone()),
            other => {
                return Err(vm.type_error(format!(
                    "{name}() got an unexpected keyword argument '{other}'"
                )));
            }
        }
    }
    let key = key.filter(|k| !k.is_none());
    if pos.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let items = if pos.len() == 1 {
        vm.collect(&pos[0])?
    } else {
        if default.is_some() {
            return Err(vm.type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        pos.to_vec()
    };
    let mut best: Option<(Obj, Obj)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&item), None)?,
            None => item.clone(),
        };
        best = match best {
            None => Some((k, item)),
            Some((bk, bv)) => {
                if vm.rich_compare_bool(&k, &bk, op)? {
                    Some((k, item))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() iterable argument is empty"))),
        },
    }
}

pub fn min(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    min_max(vm, a, kw, "min", CompareOp::Lt)
}

pub fn max(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    min_max(vm, a, kw, "max", CompareOp::Gt)
}

/// `hex`/`oct`/`bin`: the int in base 16/8/2 with its prefix.
fn to_base(
    vm: &mut Vm,
    a: &[Obj],
    kw: Option<&Obj>,
    name: &str,
    radix: u32,
    prefix: &str,
) -> PyResult<Obj> {
    let o = args::one_arg(vm, name, a, kw)?;
    let v = vm.index(o)?;
    let b = int_ref(&v).map(|r| r.to_bigint()).unwrap_or_default();
    let digits = b.magnitude().to_str_radix(radix);
    let sign = if b.sign() == num_bigint::Sign::Minus {
        "-"
    } else {
        ""
    };
    Ok(vm.new_string(format!("{sign}{prefix}{digits}")))
}

pub fn hex(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    to_base(vm, a, kw, "hex", 16, "0x")
}

pub fn oct(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    to_base(vm, a, kw, "oct", 8, "0o")
}

pub fn bin(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    to_base(vm, a, kw, "bin", 2, "0b")
}
