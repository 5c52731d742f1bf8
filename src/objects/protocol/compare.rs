//! Comparison, truth, hashing and text conversion: `PyObject_RichCompare`,
//! `PyObject_IsTrue`, `PyObject_Hash`, `PyObject_Repr`, `PyObject_Str`,
//! `PyObject_ASCII` and `PyObject_Format`.

use crate::objects::str::{STR_TYPE, StrObject, str_value};
use crate::objects::typeobject::CompareOp;
use crate::objects::{Obj, PyResult, Vm, bool_, int};

impl Vm {
    /// `do_richcompare`: the reflected operation of a subclass first, then
    /// `v`'s, then `w`'s; identity for `==`/`!=` when nobody answers.
    pub fn rich_compare(&mut self, v: &Obj, w: &Obj, op: CompareOp) -> PyResult<Obj> {
        self.enter_recursive_call(" in comparison")?;
        let r = self.rich_compare_inner(v, w, op);
        self.leave_recursive_call();
        r
    }

    fn rich_compare_inner(&mut self, v: &Obj, w: &Obj, op: CompareOp) -> PyResult<Obj> {
        let (tv, tw) = (v.class(), w.class());
        let mut checked_reverse = false;
        if !std::ptr::eq(tv, tw)
            && tw.is_subtype(tv)
            && let Some(f) = tw.slots.tp_richcompare.get()
        {
            checked_reverse = true;
            let r = f(self, w, v, op.swapped())?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
        if let Some(f) = tv.slots.tp_richcompare.get() {
            let r = f(self, v, w, op)?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
        if !checked_reverse && let Some(f) = tw.slots.tp_richcompare.get() {
            let r = f(self, w, v, op.swapped())?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
        match op {
            CompareOp::Eq => Ok(bool_::new_bool(v.is(w))),
            CompareOp::Ne => Ok(bool_::new_bool(!v.is(w))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                tv.name(),
                tw.name()
            ))),
        }
    }

    /// `PyObject_RichCompareBool`: identity implies equality.
    pub fn rich_compare_bool(&mut self, v: &Obj, w: &Obj, op: CompareOp) -> PyResult<bool> {
        if v.is(w) {
            match op {
                CompareOp::Eq => return Ok(true),
                CompareOp::Ne => return Ok(false),
                _ => {}
            }
        }
        let r = self.rich_compare(v, w, op)?;
        if r.is_true_obj() {
            return Ok(true);
        }
        if r.is_false_obj() {
            return Ok(false);
        }
        self.is_true(&r)
    }

    /// `PyObject_IsTrue`.
    pub fn is_true(&mut self, o: &Obj) -> PyResult<bool> {
        if o.is_true_obj() {
            return Ok(true);
        }
        if o.is_false_obj() || o.is_none() {
            return Ok(false);
        }
        if let Some(v) = o.small_int() {
            return Ok(v != 0);
        }
        let s = &o.class().slots;
        if let Some(f) = s.nb_bool.get() {
            return f(self, o);
        }
        if let Some(f) = s.sq_length.get() {
            return Ok(f(self, o)? != 0);
        }
        Ok(true)
    }

    /// `PyObject_Hash`.
    pub fn hash(&mut self, o: &Obj) -> PyResult<i64> {
        if let Some(v) = o.small_int() {
            return Ok(int::ops::hash_int(int::IntRef::Small(v)));
        }
        if let Some(s) = o.downcast_exact::<StrObject>() {
            return Ok(s.hash());
        }
        match o.class().slots.tp_hash.get() {
            Some(f) => f(self, o),
            None => Err(self.type_error(format!("unhashable type: '{}'", o.class().name()))),
        }
    }

    /// `hash(key)` for a dict key or set element: an unhashable key gets
    /// 3.14's "cannot use 'list' as a dict key (unhashable type: 'list')"
    /// (`dict_unhashable_type`, `set_unhashable_type`).
    pub fn hash_as(&mut self, key: &Obj, role: &str) -> PyResult<i64> {
        match self.hash(key) {
            Ok(h) => Ok(h),
            Err(e) if std::ptr::eq(e.value().class(), &crate::objects::exceptions::TYPE_ERROR) => {
                let inner = self.str_string(e.value())?;
                Err(self.type_error(format!(
                    "cannot use '{}' as {role} ({inner})",
                    key.class().name()
                )))
            }
            Err(e) => Err(e),
        }
    }

    /// `PyObject_Repr`.
    pub fn repr(&mut self, o: &Obj) -> PyResult<Obj> {
        self.enter_recursive_call(" while getting the repr of an object")?;
        let f = o
            .class()
            .slots
            .tp_repr
            .get()
            .unwrap_or(crate::objects::object_type::object_repr);
        let r = f(self, o);
        self.leave_recursive_call();
        let r = r?;
        if r.downcast::<StrObject>().is_none() {
            return Err(self.type_error(format!(
                "__repr__ returned non-string (type {})",
                r.class().name()
            )));
        }
        Ok(r)
    }

    /// `repr(o)` as a Rust string.
    pub fn repr_string(&mut self, o: &Obj) -> PyResult<String> {
        let r = self.repr(o)?;
        Ok(str_value(&r).to_string())
    }

    /// `PyObject_Str`.
    pub fn str(&mut self, o: &Obj) -> PyResult<Obj> {
        if std::ptr::eq(o.class(), &STR_TYPE) {
            return Ok(o.clone());
        }
        self.enter_recursive_call(" while getting the str of an object")?;
        let f = o
            .class()
            .slots
            .tp_str
            .get()
            .unwrap_or(crate::objects::object_type::object_str);
        let r = f(self, o);
        self.leave_recursive_call();
        let r = r?;
        if r.downcast::<StrObject>().is_none() {
            return Err(self.type_error(format!(
                "__str__ returned non-string (type {})",
                r.class().name()
            )));
        }
        Ok(r)
    }

    /// `str(o)` as a Rust string.
    pub fn str_string(&mut self, o: &Obj) -> PyResult<String> {
        let r = self.str(o)?;
        Ok(str_value(&r).to_string())
    }

    /// `PyObject_ASCII`: `repr()` with non-ASCII characters escaped.
    pub fn ascii(&mut self, o: &Obj) -> PyResult<Obj> {
        let r = self.repr(o)?;
        let s = str_value(&r);
        if s.is_ascii() {
            return Ok(r);
        }
        Ok(self.new_string(ascii_escape(s)))
    }

    /// Marks `o` as being repr'd; false when it already is (a recursive
    /// container prints as `[...]`). CPython's `Py_ReprEnter`.
    pub fn repr_enter(&mut self, o: &Obj) -> bool {
        if self.repr_stack.contains(&o.addr()) {
            return false;
        }
        self.repr_stack.push(o.addr());
        true
    }

    /// `Py_ReprLeave`.
    pub fn repr_leave(&mut self, o: &Obj) {
        if let Some(i) = self.repr_stack.iter().rposition(|a| *a == o.addr()) {
            self.repr_stack.remove(i);
        }
    }

    /// `format(o, spec)` (`PyObject_Format`).
    pub fn format(&mut self, o: &Obj, spec: &Obj) -> PyResult<Obj> {
        let spec_text = str_value(spec);
        if spec_text.is_empty() {
            if std::ptr::eq(o.class(), &STR_TYPE) {
                return Ok(o.clone());
            }
            if int::is_exact_int(o) {
                return self.str(o);
            }
        }
        let Some(meth) = self.lookup_special(o, "__format__") else {
            return Err(self.type_error(format!(
                "Type {} doesn't define __format__",
                o.class().name()
            )));
        };
        let r = self.call(&meth, std::slice::from_ref(spec), None)?;
        if r.downcast::<StrObject>().is_none() {
            return Err(self.type_error(format!(
                "__format__ must return a str, not {}",
                r.class().name()
            )));
        }
        Ok(r)
    }
}

/// Escapes non-ASCII characters as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let v = c as u32;
        if v < 0x80 {
            out.push(c);
        } else if v < 0x100 {
            out.push_str(&format!("\\x{v:02x}"));
        } else if v < 0x10000 {
            out.push_str(&format!("\\u{v:04x}"));
        } else {
            out.push_str(&format!("\\U{v:08x}"));
        }
    }
    out
}
