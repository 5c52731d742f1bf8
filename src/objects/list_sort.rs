//! `list.sort()`: a stable merge sort driven only by `<`.
//!
//! CPython uses timsort. Any stable sort yields the same order when the
//! comparisons are consistent; this one also never panics when they are not
//! (Rust's `sort_by` may), and stops at the first comparison that raises.
//! As in CPython, the list appears empty while it is being sorted, and a
//! list changed by a key function or comparison raises
//! "list modified during sort".

use super::list_obj;
use crate::objects::{CompareOp, Obj, PyResult, Vm};

pub fn sort_list(vm: &mut Vm, l: &Obj, key: Option<&Obj>, reverse: bool) -> PyResult<()> {
    let list = list_obj(l);
    let items = std::mem::take(&mut *list.items.borrow_mut());
    let result = sort_items(vm, items, key, reverse);
    let modified = !list.items.borrow().is_empty();
    match result {
        Ok(sorted) => {
            let old = std::mem::replace(&mut *list.items.borrow_mut(), sorted);
            drop(old);
            if modified {
                return Err(vm.value_error("list modified during sort"));
            }
            Ok(())
        }
        Err((e, items)) => {
            let old = std::mem::replace(&mut *list.items.borrow_mut(), items);
            drop(old);
            Err(e)
        }
    }
}

type SortFailure = (crate::objects::PyErr, Vec<Obj>);

fn sort_items(
    vm: &mut Vm,
    items: Vec<Obj>,
    key: Option<&Obj>,
    reverse: bool,
) -> Result<Vec<Obj>, SortFailure> {
    // Decorate with keys (the item itself without a key function).
    let mut keyed: Vec<(Obj, Obj)> = Vec::with_capacity(items.len());
    for it in &items {
        let k = match key {
            Some(f) => match vm.call(f, std::slice::from_ref(it), None) {
                Ok(k) => k,
                Err(e) => return Err((e, items)),
            },
            None => it.clone(),
        };
        keyed.push((k, it.clone()));
    }
    // Reverse sorting keeps stability by reversing before and after.
    if reverse {
        keyed.reverse();
    }
    let mut err = None;
    let sorted = merge_sort(vm, keyed, &mut err);
    if let Some(e) = err {
        return Err((e, items));
    }
    let mut out: Vec<Obj> = sorted.into_iter().map(|(_, v)| v).collect();
    if reverse {
        out.reverse();
    }
    Ok(out)
}

/// `a < b` for sorting; records the first error and then answers false.
fn less(vm: &mut Vm, a: &Obj, b: &Obj, err: &mut Option<crate::objects::PyErr>) -> bool {
    if err.is_some() {
        return false;
    }
    match vm.rich_compare_bool(a, b, CompareOp::Lt) {
        Ok(r) => r,
        Err(e) => {
            *err = Some(e);
            false
        }
    }
}

fn merge_sort(
    vm: &mut Vm,
    mut v: Vec<(Obj, Obj)>,
    err: &mut Option<crate::objects::PyErr>,
) -> Vec<(Obj, Obj)> {
    let n = v.len();
    if n <= 1 {
        return v;
    }
    // Binary insertion sort for short runs.
    if n <= 16 {
        for i in 1..n {
            let (mut lo, mut hi) = (0, i);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if less(vm, &v[i].0, &v[mid].0, err) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            let x = v.remove(i);
            v.insert(lo, x);
        }
        return v;
    }
    let right = v.split_off(n / 2);
    let left = merge_sort(vm, v, err);
    let right = merge_sort(vm, right, err);
    let mut out = Vec::with_capacity(n);
    let mut li = left.into_iter().peekable();
    let mut ri = right.into_iter().peekable();
    loop {
        match (li.peek(), ri.peek()) {
            (Some(l), Some(r)) => {
                // Take from the right only when strictly less: stability.
                if less(vm, &r.0, &l.0, err) {
                    out.extend(ri.next());
                } else {
                    out.extend(li.next());
                }
            }
            (Some(_), None) => out.extend(li.by_ref()),
            (None, Some(_)) => out.extend(ri.by_ref()),
            (None, None) => break,
        }
    }
    out
}
