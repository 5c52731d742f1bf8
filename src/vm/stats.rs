//! Per-opcode execution counts (feature `stats`; CPython's
//! `INSTRUCTION_STATS` and pair counts of `Tools/scripts/summarize_stats.py`).

use crate::opcode;

/// Counts of executed instructions, and of consecutive pairs.
pub struct Stats {
    pub counts: Box<[u64; 256]>,
    pub pairs: Box<[[u64; 256]; 256]>,
    last: u8,
}

impl Default for Stats {
    fn default() -> Self {
        Stats {
            counts: Box::new([0; 256]),
            pairs: Box::new([[0; 256]; 256]),
            last: opcode::op::CACHE,
        }
    }
}

impl Stats {
    #[inline(always)]
    pub fn record(&mut self, op: u8) {
        self.counts[op as usize] += 1;
        self.pairs[self.last as usize][op as usize] += 1;
        self.last = op;
    }

    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// A table of counts by opcode and the most frequent pairs.
    pub fn report(&self) -> String {
        let total = self.total().max(1);
        let mut rows: Vec<(usize, u64)> = self
            .counts
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, c)| *c > 0)
            .collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut out = format!(
            "Execution counts ({} instructions)\n{:<40} {:>12} {:>7}\n",
            self.total(),
            "opcode",
            "count",
            "share"
        );
        for (op, c) in &rows {
            out.push_str(&format!(
                "{:<40} {:>12} {:>6.2}%\n",
                opcode::name(*op as u16),
                c,
                *c as f64 * 100.0 / total as f64
            ));
        }
        let mut pairs: Vec<(usize, usize, u64)> = Vec::new();
        for (a, row) in self.pairs.iter().enumerate() {
            for (b, c) in row.iter().enumerate() {
                if *c > 0 && a != opcode::op::CACHE as usize {
                    pairs.push((a, b, *c));
                }
            }
        }
        pairs.sort_by(|x, y| y.2.cmp(&x.2));
        out.push_str("\nMost frequent pairs\n");
        for (a, b, c) in pairs.iter().take(30) {
            out.push_str(&format!(
                "{:<40} {:>12}\n",
                format!("{} -> {}", opcode::name(*a as u16), opcode::name(*b as u16)),
                c
            ));
        }
        out
    }

    /// One `NAME count` line per executed opcode (machine-readable).
    pub fn counts_text(&self) -> String {
        let mut out = String::new();
        for (op, c) in self.counts.iter().enumerate() {
            if *c > 0 {
                out.push_str(&format!("{} {c}\n", opcode::name(op as u16)));
            }
        }
        out
    }
}
