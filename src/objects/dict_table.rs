//! The hash table behind `dict` (CPython's `Objects/dictobject.c` layout).
//!
//! A compact, ordered table: `entries` in insertion order, and `indices`,
//! an open-addressing table of positions into `entries`, probed with
//! CPython's perturbation scheme. Deleted entries leave a hole (`None`)
//! until the next resize compacts them.
//!
//! This type never calls into Python. Lookups that need `__eq__` are driven
//! from `dict.rs`, which asks for candidate entries, drops its borrow, runs
//! the comparison and then checks `version` to see whether the table
//! changed meanwhile (CPython's "restart the lookup" rule).

use crate::objects::Obj;

const EMPTY: isize = -1;
const DUMMY: isize = -2;
const MIN_SIZE: usize = 8;
const PERTURB_SHIFT: u32 = 5;

pub struct Entry {
    pub hash: i64,
    pub key: Obj,
    pub value: Obj,
}

/// What a probe step found.
pub enum Probe {
    /// The key is at this entry position.
    Found(usize),
    /// An entry with an equal hash whose key needs `__eq__`: compare and
    /// call `probe` again with `skip` = this probe count + 1 if unequal.
    Candidate {
        entry: usize,
        key: Obj,
        probes: usize,
    },
    /// Not present.
    Absent,
}

#[derive(Default)]
pub struct DictTable {
    indices: Vec<isize>,
    entries: Vec<Option<Entry>>,
    used: usize,
    /// Incremented by every mutation; lookups that released the table
    /// compare it to detect changes.
    pub version: u64,
}

fn usable_fraction(size: usize) -> usize {
    (size << 1) / 3
}

impl DictTable {
    pub fn new() -> DictTable {
        DictTable::default()
    }

    pub fn with_capacity(n: usize) -> DictTable {
        let mut t = DictTable::new();
        if n > 0 {
            let mut size = MIN_SIZE;
            while usable_fraction(size) < n {
                size <<= 1;
            }
            t.indices = vec![EMPTY; size];
            t.entries.reserve(n);
        }
        t
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Walks the probe sequence of `hash`, skipping the first `skip`
    /// candidate comparisons already made. `same` decides equality when it
    /// can without running Python code (identity, exact str...); it returns
    /// None when a real `__eq__` is needed.
    pub fn probe(
        &self,
        hash: i64,
        key: &Obj,
        skip: usize,
        same: impl Fn(&Obj, &Obj) -> Option<bool>,
    ) -> Probe {
        if self.indices.is_empty() {
            return Probe::Absent;
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut candidates = 0;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Probe::Absent;
            }
            if ix >= 0
                && let Some(e) = &self.entries[ix as usize]
                && e.hash == hash
            {
                if e.key.is(key) {
                    return Probe::Found(ix as usize);
                }
                match same(&e.key, key) {
                    Some(true) => return Probe::Found(ix as usize),
                    Some(false) => {}
                    None => {
                        if candidates >= skip {
                            return Probe::Candidate {
                                entry: ix as usize,
                                key: e.key.clone(),
                                probes: candidates,
                            };
                        }
                        candidates += 1;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb as usize + 1) & mask;
        }
    }

    pub fn entry(&self, ix: usize) -> Option<&Entry> {
        self.entries.get(ix).and_then(|e| e.as_ref())
    }

    pub fn entry_mut(&mut self, ix: usize) -> Option<&mut Entry> {
        self.entries.get_mut(ix).and_then(|e| e.as_mut())
    }

    /// Replaces the value at entry `ix`, returning the old value.
    pub fn replace_value(&mut self, ix: usize, value: Obj) -> Option<Obj> {
        self.version += 1;
        self.entry_mut(ix)
            .map(|e| std::mem::replace(&mut e.value, value))
    }

    /// Appends a new entry for a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Obj, value: Obj) {
        self.version += 1;
        if self.indices.is_empty() || usable_fraction(self.indices.len()) <= self.entries.len() {
            self.resize(self.used * 3);
        }
        let slot = self.find_empty_slot(hash);
        self.indices[slot] = self.entries.len() as isize;
        self.entries.push(Some(Entry { hash, key, value }));
        self.used += 1;
    }

    fn find_empty_slot(&self, hash: i64) -> usize {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] >= 0 {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb as usize + 1) & mask;
        }
        i
    }

    /// Rebuilds the index table for at least `minused` entries, compacting
    /// deleted entries (CPython's `dictresize` with `GROWTH_RATE`).
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while usable_fraction(size) <= minused.max(self.used) {
            size <<= 1;
        }
        let old = std::mem::take(&mut self.entries);
        self.entries = Vec::with_capacity(usable_fraction(size));
        self.entries.extend(old.into_iter().filter(|e| e.is_some()));
        self.indices = vec![EMPTY; size];
        let mask = size - 1;
        for (ix, e) in self.entries.iter().enumerate() {
            let hash = e.as_ref().map(|e| e.hash).unwrap_or(0);
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= PERTURB_SHIFT;
                i = (i * 5 + perturb as usize + 1) & mask;
            }
            self.indices[i] = ix as isize;
        }
    }

    /// Removes entry `ix` (found by a probe), returning it.
    pub fn remove_entry(&mut self, ix: usize) -> Option<Entry> {
        let e = self.entries.get_mut(ix)?.take()?;
        self.version += 1;
        let mask = self.indices.len() - 1;
        let mut perturb = e.hash as u64;
        let mut i = (e.hash as u64 as usize) & mask;
        while self.indices[i] != ix as isize {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb as usize + 1) & mask;
        }
        self.indices[i] = DUMMY;
        self.used -= 1;
        Some(e)
    }

    /// Removes and returns the last entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let ix = self.entries.iter().rposition(|e| e.is_some())?;
        let e = self.remove_entry(ix);
        self.entries.truncate(ix);
        e
    }

    /// Empties the table, returning the entries so the caller can drop them
    /// after releasing its borrow.
    pub fn take_all(&mut self) -> Vec<Option<Entry>> {
        self.version += 1;
        self.indices = Vec::new();
        self.used = 0;
        std::mem::take(&mut self.entries)
    }

    /// The entry at position `pos` or later: (next position, entry).
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, &Entry)> {
        while pos < self.entries.len() {
            if let Some(e) = &self.entries[pos] {
                return Some((pos + 1, e));
            }
            pos += 1;
        }
        None
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter_map(|e| e.as_ref())
    }

    /// Upper bound of entry positions (for reverse iteration).
    pub fn entries_len(&self) -> usize {
        self.entries.len()
    }
}
