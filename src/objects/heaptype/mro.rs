//! The method resolution order of a new class: C3 linearisation
//! (CPython's `mro_implementation` and `pmerge`).

use crate::objects::typeobject::TypeObject;
use crate::objects::{PyErr, PyResult, Vm};

/// The MRO of a class with `bases`, the class itself not included (the
/// caller puts it first). Errors as CPython's: a duplicate base, or bases
/// whose orders cannot be merged.
pub fn c3_mro(vm: &mut Vm, bases: &[&'static TypeObject]) -> PyResult<Vec<&'static TypeObject>> {
    if let [base] = bases {
        return Ok(base.mro().collect());
    }
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| std::ptr::eq(*o, *b)) {
            return Err(vm.type_error(format!("duplicate base class {}", b.name())));
        }
    }
    // The sequences to merge: each base's MRO, then the bases themselves.
    let mut seqs: Vec<Vec<&'static TypeObject>> = bases.iter().map(|b| b.mro().collect()).collect();
    seqs.push(bases.to_vec());
    let mut heads = vec![0usize; seqs.len()];
    let mut result = Vec::new();
    loop {
        let mut empty = true;
        let mut chosen = None;
        for (i, seq) in seqs.iter().enumerate() {
            let Some(&candidate) = seq.get(heads[i]) else {
                continue;
            };
            empty = false;
            // A good head is in no other sequence's tail.
            let in_tail = seqs.iter().enumerate().any(|(j, s)| {
                s[(heads[j] + 1).min(s.len())..]
                    .iter()
                    .any(|t| std::ptr::eq(*t, candidate))
            });
            if !in_tail {
                chosen = Some(candidate);
                break;
            }
        }
        if empty {
            return Ok(result);
        }
        let Some(next) = chosen else {
            return Err(mro_error(vm, &seqs, &heads));
        };
        result.push(next);
        for (i, seq) in seqs.iter().enumerate() {
            if seq.get(heads[i]).is_some_and(|t| std::ptr::eq(*t, next)) {
                heads[i] += 1;
            }
        }
    }
}

/// "Cannot create a consistent method resolution order (MRO) for bases A,
/// B" naming each remaining head once, in order (`set_mro_error`).
fn mro_error(vm: &mut Vm, seqs: &[Vec<&'static TypeObject>], heads: &[usize]) -> PyErr {
    let mut names: Vec<String> = Vec::new();
    let mut seen: Vec<*const TypeObject> = Vec::new();
    for (i, seq) in seqs.iter().enumerate() {
        if let Some(t) = seq.get(heads[i])
            && !seen.contains(&(*t as *const TypeObject))
        {
            seen.push(*t);
            names.push(t.name().into_owned());
        }
    }
    vm.type_error(format!(
        "Cannot create a consistent method resolution order (MRO) for bases {}",
        names.join(", ")
    ))
}
