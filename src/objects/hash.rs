//! CPython 3.14's hash functions (`Python/pyhash.c`, `Objects/tupleobject.c`).
//!
//! `hash()` of str and bytes is SipHash-1-3 keyed by the process's hash
//! secret. As in CPython, the secret is chosen once per process from
//! `PYTHONHASHSEED`: unset or "random" gives a random key, "0" disables
//! randomisation (a zero key), and any other number N derives the key with
//! CPython's `lcg_urandom(N)`. It is read once and never changes, so it is
//! process configuration rather than mutable state.

use std::sync::OnceLock;

/// The SipHash key (CPython's `_Py_HashSecret.siphash`).
#[derive(Clone, Copy, Debug)]
pub struct HashSecret {
    pub k0: u64,
    pub k1: u64,
}

static SECRET: OnceLock<HashSecret> = OnceLock::new();

/// The process's hash secret.
#[inline]
pub fn secret() -> HashSecret {
    *SECRET.get_or_init(|| secret_from_env(std::env::var("PYTHONHASHSEED").ok().as_deref()))
}

/// Derives the secret from a `PYTHONHASHSEED` value (CPython's
/// `_Py_HashRandomization_Init`). Invalid values fall back to random, which
/// the CLI reports as CPython does before creating an interpreter.
pub fn secret_from_env(seed: Option<&str>) -> HashSecret {
    match seed.map(str::trim) {
        Some(s) if !s.is_empty() && s != "random" => match s.parse::<u32>() {
            Ok(0) => HashSecret { k0: 0, k1: 0 },
            Ok(n) => from_lcg(n),
            Err(_) => random_secret(),
        },
        _ => random_secret(),
    }
}

/// CPython's `lcg_urandom`: fills the 24-byte secret from a linear
/// congruential generator seeded with `x0`; SipHash uses the first 16.
fn from_lcg(x0: u32) -> HashSecret {
    let mut x = x0;
    let mut buf = [0u8; 24];
    for b in buf.iter_mut() {
        x = x.wrapping_mul(214013).wrapping_add(2531011);
        *b = ((x >> 16) & 0xff) as u8;
    }
    HashSecret {
        k0: u64::from_le_bytes(buf[0..8].try_into().unwrap_or_default()),
        k1: u64::from_le_bytes(buf[8..16].try_into().unwrap_or_default()),
    }
}

fn random_secret() -> HashSecret {
    use std::io::Read;
    let mut buf = [0u8; 16];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok();
    if !ok {
        use std::hash::{BuildHasher, Hasher};
        let s = std::collections::hash_map::RandomState::new();
        let mut h = s.build_hasher();
        h.write_u64(std::process::id() as u64);
        buf[..8].copy_from_slice(&h.finish().to_le_bytes());
        h.write_u64(0x5bd1e995);
        buf[8..].copy_from_slice(&h.finish().to_le_bytes());
    }
    HashSecret {
        k0: u64::from_le_bytes(buf[0..8].try_into().unwrap_or_default()),
        k1: u64::from_le_bytes(buf[8..16].try_into().unwrap_or_default()),
    }
}

#[inline(always)]
fn half_round(a: &mut u64, b: &mut u64, c: &mut u64, d: &mut u64, s: u32, t: u32) {
    *a = a.wrapping_add(*b);
    *c = c.wrapping_add(*d);
    *b = b.rotate_left(s) ^ *a;
    *d = d.rotate_left(t) ^ *c;
    *a = a.rotate_left(32);
}

#[inline(always)]
fn single_round(v: &mut [u64; 4]) {
    let [v0, v1, v2, v3] = v;
    half_round(v0, v1, v2, v3, 13, 16);
    half_round(v2, v1, v0, v3, 17, 21);
}

/// SipHash-1-3 as CPython implements it (`siphash13` in pyhash.c).
pub fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v = [
        k0 ^ 0x736f6d6570736575,
        k1 ^ 0x646f72616e646f6d,
        k0 ^ 0x6c7967656e657261,
        k1 ^ 0x7465646279746573,
    ];
    let b = (data.len() as u64) << 56;
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mi = u64::from_le_bytes(c.try_into().unwrap_or_default());
        v[3] ^= mi;
        single_round(&mut v);
        v[0] ^= mi;
    }
    let mut tail = [0u8; 8];
    let rest = chunks.remainder();
    tail[..rest.len()].copy_from_slice(rest);
    let b = b | u64::from_le_bytes(tail);
    v[3] ^= b;
    single_round(&mut v);
    v[0] ^= b;
    v[2] ^= 0xff;
    single_round(&mut v);
    single_round(&mut v);
    single_round(&mut v);
    (v[0] ^ v[1]) ^ (v[2] ^ v[3])
}

/// `Py_HashBuffer`: the hash of a byte buffer (bytes, and str data in its
/// fixed-width representation). Empty buffers hash to 0; -1 becomes -2.
pub fn hash_buffer(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let s = secret();
    let h = siphash13(s.k0, s.k1, data) as i64;
    if h == -1 { -2 } else { h }
}

/// `_Py_HashPointer`: the hash of an identity (rotated right by 4 bits).
pub fn hash_pointer(addr: usize) -> i64 {
    let h = addr.rotate_right(4) as i64;
    if h == -1 { -2 } else { h }
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// Accumulates item hashes as `tuplehash` does (an xxHash variant).
pub struct TupleHasher {
    acc: u64,
    len: u64,
}

impl Default for TupleHasher {
    fn default() -> Self {
        TupleHasher {
            acc: XXPRIME_5,
            len: 0,
        }
    }
}

impl TupleHasher {
    #[inline]
    pub fn add(&mut self, lane: i64) {
        self.acc = self.acc.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(XXPRIME_1);
        self.len += 1;
    }

    /// The slice variant (`slice_hash`): no length term at the end.
    pub fn finish_without_length(self) -> i64 {
        if self.acc == u64::MAX {
            1546275796
        } else {
            self.acc as i64
        }
    }

    pub fn finish(self) -> i64 {
        let acc = self.acc.wrapping_add(self.len ^ (XXPRIME_5 ^ 3527539));
        if acc == u64::MAX {
            1546275796
        } else {
            acc as i64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lcg_secret_matches_cpython_derivation() {
        // First bytes of lcg_urandom(1): x = 1*214013+2531011 = 2745024 -> 0x29, ...
        let s = from_lcg(1);
        assert_eq!(s.k0 & 0xff, (2745024u32 >> 16 & 0xff) as u64);
    }

    #[test]
    fn empty_tuple_hash_is_cpythons() {
        // hash(()) in CPython 3.8+.
        assert_eq!(TupleHasher::default().finish(), 5740354900026072187);
    }
}
