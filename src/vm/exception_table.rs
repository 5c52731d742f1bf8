//! The exception table of a code object (the format `Python/assemble.c`
//! writes and `get_exception_handler` in `Python/ceval.c` reads).
//!
//! Each entry is four big-endian varints of 6-bit groups (bit 6 means "more
//! follows"): start, length, target (in code units) and depth << 1 | lasti.
//! The first byte of an entry has bit 7 set. Reading is bounds-checked:
//! a malformed table yields no entries past the damage, never a panic.

/// One handler range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub start: usize,
    pub end: usize,
    pub target: usize,
    pub depth: usize,
    pub lasti: bool,
}

/// `parse_varint`.
fn varint(data: &[u8], pos: &mut usize) -> Option<usize> {
    let mut b = *data.get(*pos)?;
    *pos += 1;
    let mut val = (b & 63) as usize;
    while b & 64 != 0 {
        b = *data.get(*pos)?;
        *pos += 1;
        val = val.checked_mul(64)? | (b & 63) as usize;
    }
    Some(val)
}

/// Iterates the entries of a table.
pub fn entries(data: &[u8]) -> impl Iterator<Item = Option<Handler>> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= data.len() {
            return None;
        }
        let parse = |pos: &mut usize| -> Option<Handler> {
            if data.get(*pos)? & 0x80 == 0 {
                return None;
            }
            let start = varint(data, pos)?;
            let len = varint(data, pos)?;
            let target = varint(data, pos)?;
            let dl = varint(data, pos)?;
            Some(Handler {
                start,
                end: start.checked_add(len)?,
                target,
                depth: dl >> 1,
                lasti: dl & 1 != 0,
            })
        };
        let h = parse(&mut pos);
        if h.is_none() {
            pos = data.len();
        }
        Some(h)
    })
}

/// The handler covering code unit `index` (`get_exception_handler`).
pub fn lookup(data: &[u8], index: usize) -> Option<Handler> {
    for h in entries(data) {
        let h = h?;
        if h.start > index {
            return None;
        }
        if index < h.end {
            return Some(h);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cpython_tables() {
        // From a python3.14 function: L3 to L4 -> L11 [0], ...
        let t = b"\x9c\x0cA\x0c\x00\xb5\tA4\x04";
        let hs: Vec<Handler> = entries(t).map(|h| h.unwrap()).collect();
        assert_eq!(
            hs[0],
            Handler {
                start: 28,
                end: 40,
                target: 76,
                depth: 0,
                lasti: false
            }
        );
        assert_eq!(hs[1].start, 53);
        assert_eq!(hs[1].depth, 2);
        assert_eq!(lookup(t, 30).map(|h| h.target), Some(76));
        assert_eq!(lookup(t, 10), None);
    }

    #[test]
    fn truncated_tables_stop_quietly() {
        assert_eq!(lookup(b"\x9c\x0c", 29), None);
        assert_eq!(lookup(b"\x1c", 0), None);
    }
}
