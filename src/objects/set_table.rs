//! The hash table behind `set` and `frozenset`, ported from CPython's
//! `Objects/setobject.c` so that iteration order (and so `print(a_set)`) is
//! CPython's: the same table sizes, linear probing of up to 9 extra slots,
//! perturbation, dummy handling, resize policy and merge shortcuts.
//!
//! Lookups that need `__eq__` release the table first; see `set.rs`.

use crate::objects::Obj;

pub const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// A table slot: empty, a deleted marker (hash -1 in CPython), or an entry.
#[derive(Clone)]
pub enum Slot {
    Empty,
    Dummy,
    Active { key: Obj, hash: i64 },
}

pub struct SetTable {
    pub slots: Vec<Slot>,
    /// Active plus dummy slots.
    pub fill: usize,
    /// Active slots.
    pub used: usize,
    /// Where `pop()` starts searching.
    pub finger: usize,
    /// Incremented by every structural change.
    pub version: u64,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable {
            slots: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }
}

/// The outcome of one probe pass for a key.
pub enum Probe {
    /// Active slot holding the key.
    Found(usize),
    /// Equal hash, different object: compare `key` with `__eq__`, then probe
    /// again skipping `probes + 1` candidates if unequal.
    Candidate { key: Obj, probes: usize },
    /// Not present; the slot where it would be inserted (first dummy seen,
    /// or the empty slot that ended the search).
    Absent { insert_at: usize, was_empty: bool },
}

impl SetTable {
    #[inline]
    pub fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// One pass of `set_lookkey` / `set_add_entry`'s search loop.
    pub fn probe(
        &self,
        key: &Obj,
        hash: i64,
        skip: usize,
        same: impl Fn(&Obj, &Obj) -> Option<bool>,
    ) -> Probe {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        let mut candidates = 0;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => {
                        return match freeslot {
                            Some(f) => Probe::Absent {
                                insert_at: f,
                                was_empty: false,
                            },
                            None => Probe::Absent {
                                insert_at: j,
                                was_empty: true,
                            },
                        };
                    }
                    Slot::Dummy => {
                        if freeslot.is_none() {
                            freeslot = Some(j);
                        }
                    }
                    Slot::Active { key: k, hash: h } => {
                        if *h == hash {
                            if k.is(key) {
                                return Probe::Found(j);
                            }
                            match same(k, key) {
                                Some(true) => return Probe::Found(j),
                                Some(false) => {}
                                None => {
                                    if candidates >= skip {
                                        return Probe::Candidate {
                                            key: k.clone(),
                                            probes: candidates,
                                        };
                                    }
                                    candidates += 1;
                                }
                            }
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Stores a new key at `at` (from `Probe::Absent`), resizing as
    /// `set_add_entry` does.
    pub fn insert_at(&mut self, at: usize, was_empty: bool, key: Obj, hash: i64) {
        self.version += 1;
        self.slots[at] = Slot::Active { key, hash };
        self.used += 1;
        if !was_empty {
            return;
        }
        self.fill += 1;
        if self.fill * 5 < self.mask() * 3 {
            return;
        }
        let minused = if self.used > 50000 {
            self.used * 2
        } else {
            self.used * 4
        };
        self.resize(minused);
    }

    /// `set_insert_clean`: insert into a table known to have no dummies and
    /// no equal key.
    fn insert_clean(slots: &mut [Slot], key: Obj, hash: i64) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if matches!(slots[i], Slot::Empty) {
                slots[i] = Slot::Active { key, hash };
                return;
            }
            if i + LINEAR_PROBES <= mask
                && let Some(slot) = slots[i + 1..=i + LINEAR_PROBES]
                    .iter_mut()
                    .find(|s| matches!(s, Slot::Empty))
            {
                *slot = Slot::Active { key, hash };
                return;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `set_table_resize`.
    pub fn resize(&mut self, minused: usize) {
        self.version += 1;
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; newsize]);
        self.fill = self.used;
        for s in old {
            if let Slot::Active { key, hash } = s {
                Self::insert_clean(&mut self.slots, key, hash);
            }
        }
    }

    /// Marks slot `i` deleted, returning its key.
    pub fn remove_at(&mut self, i: usize) -> Option<Obj> {
        self.version += 1;
        match std::mem::replace(&mut self.slots[i], Slot::Dummy) {
            Slot::Active { key, .. } => {
                self.used -= 1;
                Some(key)
            }
            other => {
                self.slots[i] = other;
                None
            }
        }
    }

    /// `set_merge` for the case where `self` may be filled directly
    /// (empty target) — returns false when normal insertion is required.
    pub fn merge_fast(&mut self, other: &SetTable) -> bool {
        if other.used == 0 {
            return true;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill != 0 {
            return false;
        }
        self.version += 1;
        if self.mask() == other.mask() && other.fill == other.used {
            self.slots.clone_from(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
            return true;
        }
        self.fill = other.used;
        self.used = other.used;
        for s in &other.slots {
            if let Slot::Active { key, hash } = s {
                Self::insert_clean(&mut self.slots, key.clone(), *hash);
            }
        }
        true
    }

    /// The active entries in table order.
    pub fn entries(&self) -> Vec<(Obj, i64)> {
        self.slots
            .iter()
            .filter_map(|s| match s {
                Slot::Active { key, hash } => Some((key.clone(), *hash)),
                _ => None,
            })
            .collect()
    }

    /// `set.pop()`: the first active entry from the finger on.
    pub fn pop(&mut self) -> Option<Obj> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.slots[i], Slot::Active { .. }) {
            i = if i == mask { 0 } else { i + 1 };
        }
        let key = self.remove_at(i);
        self.finger = i + 1;
        key
    }

    /// CPython's `frozenset_hash`: order-independent, from the hash fields
    /// of every slot (empty slots count as hash 0, dummies as -1).
    pub fn frozenset_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for s in &self.slots {
            let h = match s {
                Slot::Empty => 0,
                Slot::Dummy => -1i64 as u64,
                Slot::Active { hash, .. } => *hash as u64,
            };
            hash ^= shuffle(h);
        }
        if (self.mask() + 1 - self.fill) & 1 != 0 {
            hash ^= shuffle(0);
        }
        if (self.fill - self.used) & 1 != 0 {
            hash ^= shuffle(-1i64 as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        hash as i64
    }
}
