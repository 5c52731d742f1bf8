//! `slice` objects (CPython's `Objects/sliceobject.c`).

use crate::objects::header::ObjHeader;
use crate::objects::int::{self, int_ref};
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::str::str_value;
use crate::objects::typeobject::{CompareOp, GetSetDef, MethodDef, TypeObject};
use crate::objects::{Obj, PyResult, Vm, args, hash, object_type, tuple};

#[repr(C)]
pub struct SliceObject {
    pub ob: ObjHeader,
    pub start: Obj,
    pub stop: Obj,
    pub step: Obj,
}
crate::py_layout!(SliceObject, SLICE_TYPE);

pub static SLICE_TYPE: TypeObject = TypeObject::new_static(
    "slice",
    &SLICE_TYPE,
    TypeIndex::Slice as u16,
    dealloc_box::<SliceObject>,
)
.base(&object_type::OBJECT_TYPE)
.repr(slice_repr)
.hash(slice_hash)
.richcompare(slice_richcompare)
.new_fn(slice_new)
.methods(SLICE_METHODS)
.getsets(SLICE_GETSETS);

pub fn new_slice(start: Obj, stop: Obj, step: Obj) -> Obj {
    Obj::alloc(SliceObject {
        ob: ObjHeader::new(&SLICE_TYPE),
        start,
        stop,
        step,
    })
}

pub fn is_slice(o: &Obj) -> bool {
    o.downcast::<SliceObject>().is_some()
}

/// Reads one slice bound as an index (`_PyEval_SliceIndex`).
fn slice_index(vm: &mut Vm, o: &Obj) -> PyResult<Option<i64>> {
    if o.is_none() {
        return Ok(None);
    }
    if int_ref(o).is_none() && o.class().slots.nb_index.get().is_none() {
        return Err(
            vm.type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    let v = vm.index(o)?;
    let r = int_ref(&v).expect("__index__ returned an int");
    Ok(Some(match r.to_i64() {
        Some(x) => x.clamp(-(isize::MAX as i64), isize::MAX as i64),
        None => {
            if r.is_negative() {
                -(isize::MAX as i64)
            } else {
                isize::MAX as i64
            }
        }
    }))
}

impl SliceObject {
    /// `PySlice_GetIndicesEx`: (start, stop, step, slicelength) for a
    /// sequence of `length` items.
    pub fn indices(&self, vm: &mut Vm, length: usize) -> PyResult<(isize, isize, isize, usize)> {
        let step = match slice_index(vm, &self.step)? {
            None => 1,
            Some(0) => return Err(vm.value_error("slice step cannot be zero")),
            Some(s) => s.max(-(isize::MAX as i64)),
        };
        let len = length as i64;
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(mut x) => {
                    if x < 0 {
                        x += len;
                        if x < lower { lower } else { x }
                    } else if x > upper {
                        upper
                    } else {
                        x
                    }
                }
            }
        };
        let start = slice_index(vm, &self.start)?;
        let stop = slice_index(vm, &self.stop)?;
        let start = clamp(start, if step < 0 { upper } else { lower });
        let stop = clamp(stop, if step < 0 { lower } else { upper });
        let n = if step < 0 {
            if stop < start {
                (start - stop - 1) / (-step) + 1
            } else {
                0
            }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok((start as isize, stop as isize, step as isize, n as usize))
    }
}

/// The optional `start, stop` arguments of `index()` methods, clamped
/// like slice bounds (`_PyEval_SliceIndexNotNone`).
pub fn start_stop_args(vm: &mut Vm, rest: &[Obj], len: usize) -> PyResult<(usize, usize)> {
    let get = |vm: &mut Vm, o: Option<&Obj>, default: i64| -> PyResult<i64> {
        match o {
            None => Ok(default),
            Some(x) => Ok(slice_index(vm, x)?.unwrap_or(default)),
        }
    };
    let n = len as i64;
    let mut start = get(vm, rest.first(), 0)?;
    let mut stop = get(vm, rest.get(1), n)?;
    if start < 0 {
        start = (start + n).max(0);
    }
    if stop < 0 {
        stop = (stop + n).max(0);
    }
    Ok((start.min(n) as usize, stop.min(n) as usize))
}

fn slice_obj(o: &Obj) -> &SliceObject {
    o.downcast::<SliceObject>().expect("slice slot")
}

fn slice_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let s = slice_obj(o);
    let a = vm.repr(&s.start)?;
    let b = vm.repr(&s.stop)?;
    let c = vm.repr(&s.step)?;
    Ok(vm.new_string(format!(
        "slice({}, {}, {})",
        str_value(&a),
        str_value(&b),
        str_value(&c)
    )))
}

fn slice_hash(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    let s = slice_obj(o);
    let mut h = hash::TupleHasher::default();
    for x in [&s.start, &s.stop, &s.step] {
        h.add(vm.hash(x)?);
    }
    Ok(h.finish_without_length())
}

fn slice_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let Some(y) = b.downcast::<SliceObject>() else {
        return Ok(Obj::not_implemented());
    };
    let x = slice_obj(a);
    let tx = [x.start.clone(), x.stop.clone(), x.step.clone()];
    let ty = [y.start.clone(), y.stop.clone(), y.step.clone()];
    tuple::sequence_richcompare(vm, &tx, &ty, op)
}

fn slice_new(vm: &mut Vm, _: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "slice", kw)?;
    args::check_positional_count(vm, "slice", a.len(), 1, 3)?;
    Ok(match a {
        [stop] => new_slice(Obj::none(), stop.clone(), Obj::none()),
        [start, stop] => new_slice(start.clone(), stop.clone(), Obj::none()),
        [start, stop, step] => new_slice(start.clone(), stop.clone(), step.clone()),
        _ => unreachable!("count checked above"),
    })
}

fn slice_indices(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let n = args::one_arg(vm, "slice.indices", &a[1..], kw)?;
    let n = vm.to_i64(n)?;
    if n < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step, _) = slice_obj(&a[0]).indices(vm, n as usize)?;
    Ok(vm.new_tuple(vec![
        int::new_int(start as i64),
        int::new_int(stop as i64),
        int::new_int(step as i64),
    ]))
}

static SLICE_METHODS: &[MethodDef] = &[MethodDef::new("indices", slice_indices)];

fn get_start(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(slice_obj(o).start.clone())
}
fn get_stop(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(slice_obj(o).stop.clone())
}
fn get_step(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(slice_obj(o).step.clone())
}

static SLICE_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("start", get_start),
    GetSetDef::getter("stop", get_stop),
    GetSetDef::getter("step", get_step),
];
