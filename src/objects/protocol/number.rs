//! The number protocol: `PyNumber_Add` and friends (`binary_op1`,
//! `binary_iop1`, `ternary_op` in `Objects/abstract.c`).

use crate::objects::int::{self, int_ref};
use crate::objects::native::BuiltinFunctionObject;
use crate::objects::typeobject::{BinaryFn, NbOp, RepeatFn};
use crate::objects::{Obj, PyErr, PyResult, Vm};

impl Vm {
    /// `binary_op1`: tries `v`'s slot and `w`'s slot, the subclass first.
    fn binary_op1(&mut self, v: &Obj, w: &Obj, op: NbOp) -> PyResult<Obj> {
        let (tv, tw) = (v.class(), w.class());
        let slotv = tv.slots.nb_binary[op as usize].get();
        let mut slotw = None;
        if !std::ptr::eq(tv, tw) {
            slotw = tw.slots.nb_binary[op as usize].get();
            if let (Some(a), Some(b)) = (slotv, slotw)
                && std::ptr::fn_addr_eq(a, b as BinaryFn)
            {
                slotw = None;
            }
        }
        if let Some(sv) = slotv {
            if let Some(sw) = slotw
                && tw.is_subtype(tv)
            {
                let x = sw(self, v, w)?;
                if !x.is_not_implemented() {
                    return Ok(x);
                }
                slotw = None;
            }
            let x = sv(self, v, w)?;
            if !x.is_not_implemented() {
                return Ok(x);
            }
        }
        if let Some(sw) = slotw {
            return sw(self, v, w);
        }
        Ok(Obj::not_implemented())
    }

    /// `v <op> w` (`PyNumber_Add`, `PyNumber_Multiply`, ...).
    pub fn binary_op(&mut self, v: &Obj, w: &Obj, op: NbOp) -> PyResult<Obj> {
        let r = self.binary_op1(v, w, op)?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
        match op {
            NbOp::Add => {
                if let Some(concat) = v.class().slots.sq_concat.get() {
                    return concat(self, v, w);
                }
            }
            NbOp::Multiply => {
                if let Some(rep) = v.class().slots.sq_repeat.get() {
                    return self.sequence_repeat(rep, v, w);
                }
                if let Some(rep) = w.class().slots.sq_repeat.get() {
                    return self.sequence_repeat(rep, w, v);
                }
            }
            _ => {}
        }
        let sym = if op == NbOp::Power {
            "** or pow()"
        } else {
            op.symbol()
        };
        Err(binop_type_error(self, v, w, op, sym))
    }

    /// `v <op>= w` (`PyNumber_InPlaceAdd`, ...).
    pub fn inplace_op(&mut self, v: &Obj, w: &Obj, op: NbOp) -> PyResult<Obj> {
        if let Some(slot) = v.class().slots.nb_inplace[op as usize].get() {
            let x = slot(self, v, w)?;
            if !x.is_not_implemented() {
                return Ok(x);
            }
        }
        let r = self.binary_op1(v, w, op)?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
        match op {
            NbOp::Add => {
                let s = &v.class().slots;
                if let Some(f) = s.sq_inplace_concat.get().or(s.sq_concat.get()) {
                    return f(self, v, w);
                }
            }
            NbOp::Multiply => {
                let s = &v.class().slots;
                if let Some(f) = s.sq_inplace_repeat.get().or(s.sq_repeat.get()) {
                    return self.sequence_repeat(f, v, w);
                }
                if let Some(f) = w.class().slots.sq_repeat.get() {
                    return self.sequence_repeat(f, w, v);
                }
            }
            _ => {}
        }
        Err(binop_type_error(self, v, w, op, op.inplace_symbol()))
    }

    /// `sequence_repeat`: `seq * n` with `n` converted by `__index__`.
    fn sequence_repeat(&mut self, f: RepeatFn, seq: &Obj, n: &Obj) -> PyResult<Obj> {
        if int_ref(n).is_none() && n.class().slots.nb_index.get().is_none() {
            return Err(self.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                n.class().name()
            )));
        }
        let count = self.to_isize(n)?;
        f(self, seq, count)
    }

    /// Three-argument `pow(v, w, z)` (`ternary_op`).
    pub fn power(&mut self, v: &Obj, w: &Obj, z: &Obj) -> PyResult<Obj> {
        if z.is_none() {
            return self.binary_op(v, w, NbOp::Power);
        }
        let (tv, tw) = (v.class(), w.class());
        let slotv = tv.slots.nb_power.get();
        let mut slotw = if std::ptr::eq(tv, tw) {
            None
        } else {
            tw.slots.nb_power.get()
        };
        if let (Some(a), Some(b)) = (slotv, slotw)
            && std::ptr::fn_addr_eq(a, b)
        {
            slotw = None;
        }
        if let Some(sv) = slotv {
            if let Some(sw) = slotw
                && tw.is_subtype(tv)
            {
                let x = sw(self, v, w, z)?;
                if !x.is_not_implemented() {
                    return Ok(x);
                }
                slotw = None;
            }
            let x = sv(self, v, w, z)?;
            if !x.is_not_implemented() {
                return Ok(x);
            }
        }
        if let Some(sw) = slotw {
            let x = sw(self, v, w, z)?;
            if !x.is_not_implemented() {
                return Ok(x);
            }
        }
        if let Some(sz) = z.class().slots.nb_power.get() {
            let x = sz(self, v, w, z)?;
            if !x.is_not_implemented() {
                return Ok(x);
            }
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for pow(): '{}', '{}', '{}'",
            tv.name(),
            tw.name(),
            z.class().name()
        )))
    }

    /// `divmod(v, w)`.
    pub fn divmod(&mut self, v: &Obj, w: &Obj) -> PyResult<Obj> {
        let (tv, tw) = (v.class(), w.class());
        let slotv = tv.slots.nb_divmod.get();
        let mut slotw = if std::ptr::eq(tv, tw) {
            None
        } else {
            tw.slots.nb_divmod.get()
        };
        if let Some(sv) = slotv {
            if let Some(sw) = slotw
                && tw.is_subtype(tv)
            {
                let x = sw(self, v, w)?;
                if !x.is_not_implemented() {
                    return Ok(x);
                }
                slotw = None;
            }
            let x = sv(self, v, w)?;
            if !x.is_not_implemented() {
                return Ok(x);
            }
        }
        if let Some(sw) = slotw {
            let x = sw(self, v, w)?;
            if !x.is_not_implemented() {
                return Ok(x);
            }
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            tv.name(),
            tw.name()
        )))
    }

    fn unary(
        &mut self,
        o: &Obj,
        f: Option<crate::objects::typeobject::UnaryFn>,
        what: &str,
    ) -> PyResult<Obj> {
        match f {
            Some(f) => f(self, o),
            None => Err(self.type_error(format!(
                "bad operand type for {what}: '{}'",
                o.class().name()
            ))),
        }
    }

    pub fn negative(&mut self, o: &Obj) -> PyResult<Obj> {
        let f = o.class().slots.nb_negative.get();
        self.unary(o, f, "unary -")
    }
    pub fn positive(&mut self, o: &Obj) -> PyResult<Obj> {
        let f = o.class().slots.nb_positive.get();
        self.unary(o, f, "unary +")
    }
    pub fn invert(&mut self, o: &Obj) -> PyResult<Obj> {
        let f = o.class().slots.nb_invert.get();
        self.unary(o, f, "unary ~")
    }
    pub fn absolute(&mut self, o: &Obj) -> PyResult<Obj> {
        let f = o.class().slots.nb_absolute.get();
        self.unary(o, f, "abs()")
    }

    /// `PyNumber_Index`: an int from an object with `__index__`.
    pub fn index(&mut self, o: &Obj) -> PyResult<Obj> {
        if int::is_int(o) {
            return Ok(o.clone());
        }
        match o.class().slots.nb_index.get() {
            Some(f) => {
                let r = f(self, o)?;
                if int::is_int(&r) {
                    Ok(r)
                } else {
                    Err(self.type_error(format!(
                        "__index__ returned non-int (type {})",
                        r.class().name()
                    )))
                }
            }
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                o.class().name()
            ))),
        }
    }
}

/// "unsupported operand type(s) for +: 'int' and 'str'" (`binop_type_error`),
/// with CPython's hint for the Python 2 print chevron.
fn binop_type_error(vm: &mut Vm, v: &Obj, w: &Obj, op: NbOp, sym: &str) -> PyErr {
    let base = format!(
        "unsupported operand type(s) for {sym}: '{}' and '{}'",
        v.class().name(),
        w.class().name()
    );
    if op == NbOp::Rshift
        && let Some(b) = v.downcast_exact::<BuiltinFunctionObject>()
        && b.def.name == "print"
        && b.bound.is_none()
    {
        return vm.type_error(format!(
            "{base}. Did you mean \"print(<message>, file=<output_stream>)\"?"
        ));
    }
    vm.type_error(base)
}
