//! The bound on quote output: a token lies in the content of at most [`MAX_DEPTH`] quotes.
//!
//! Reported speech nests ("X said that Y told him that …": each cue's content holds the
//! next), and several cues may share one content ("tweeted …, saying …"), so quotes overlap
//! on real text, up to five deep on the corpus. A text of repeated cues (`said "` × n) nests
//! every cue's content in the one before it, each a copy of most of the text: output
//! quadratic in the input. Quotes are admitted shortest content first (ties in text order);
//! one that would put some token in more than [`MAX_DEPTH`] contents only repeats the quotes
//! inside it and is dropped. The contents then add up to at most [`MAX_DEPTH`] times the
//! text. A segment tree over the tokens (range add, range maximum) makes it `q log n`.

use super::QuoteMention;

/// The most quotes whose contents may hold one token (the deepest nesting on the corpus).
pub const MAX_DEPTH: u32 = 5;

/// Drops the quotes of `quotes` that would nest deeper than [`MAX_DEPTH`] over `tokens`
/// tokens; the others keep their order.
pub(super) fn bound_depth(quotes: &mut Vec<QuoteMention>, tokens: usize) {
    if quotes.len() <= MAX_DEPTH as usize || tokens == 0 {
        return;
    }
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by_key(|&i| (quotes[i].content.last() - quotes[i].content.start, i));
    let mut depth = Depth::new(tokens);
    let mut keep = vec![false; quotes.len()];
    for i in order {
        let (a, b) = (quotes[i].content.start, quotes[i].content.last());
        let b = b.min(tokens - 1);
        if a <= b && depth.max(a, b) < MAX_DEPTH {
            depth.add(a, b);
            keep[i] = true;
        }
    }
    let mut k = keep.iter();
    quotes.retain(|_| *k.next().unwrap_or(&true));
}

/// How many admitted contents hold each token: a segment tree with lazy range increments.
struct Depth {
    size: usize,
    max: Vec<u32>,
    pending: Vec<u32>,
}

impl Depth {
    fn new(tokens: usize) -> Depth {
        let size = tokens.next_power_of_two();
        Depth { size, max: vec![0; 2 * size], pending: vec![0; 2 * size] }
    }

    /// The greatest depth over tokens `[a, b]`.
    fn max(&self, a: usize, b: usize) -> u32 {
        self.query(1, 0, self.size - 1, a, b)
    }

    /// One more content over tokens `[a, b]`.
    fn add(&mut self, a: usize, b: usize) {
        self.update(1, 0, self.size - 1, a, b);
    }

    fn query(&self, node: usize, lo: usize, hi: usize, a: usize, b: usize) -> u32 {
        if b < lo || hi < a {
            return 0;
        }
        if a <= lo && hi <= b {
            return self.max[node];
        }
        let mid = (lo + hi) / 2;
        let below = self.query(2 * node, lo, mid, a, b).max(self.query(2 * node + 1, mid + 1, hi, a, b));
        below + self.pending[node]
    }

    fn update(&mut self, node: usize, lo: usize, hi: usize, a: usize, b: usize) {
        if b < lo || hi < a {
            return;
        }
        if a <= lo && hi <= b {
            self.max[node] += 1;
            self.pending[node] += 1;
            return;
        }
        let mid = (lo + hi) / 2;
        self.update(2 * node, lo, mid, a, b);
        self.update(2 * node + 1, mid + 1, hi, a, b);
        self.max[node] = self.max[2 * node].max(self.max[2 * node + 1]) + self.pending[node];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_depth_counts_overlapping_ranges() {
        let mut d = Depth::new(10);
        d.add(0, 9);
        d.add(2, 4);
        d.add(4, 6);
        assert_eq!((d.max(0, 1), d.max(2, 3), d.max(4, 4), d.max(5, 9), d.max(7, 9)), (1, 2, 3, 2, 1));
    }
}
