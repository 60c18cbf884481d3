//! Lookups by token position: the items of a layer whose key token lies in a window, found
//! by binary search, so that pairing triggers with places, actors, counts and times costs
//! time linear in the text (times the window), never the product of two layers.

/// The indices of a layer sorted by a key token (stable: equal keys keep layer order).
#[derive(Debug, Clone, Default)]
pub(super) struct ByToken {
    order: Vec<usize>,
    keys: Vec<usize>,
}

impl ByToken {
    /// Indexes `n` items by `key(i)`.
    pub(super) fn new(n: usize, key: impl Fn(usize) -> usize) -> ByToken {
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| key(i));
        let keys = order.iter().map(|&i| key(i)).collect();
        ByToken { order, keys }
    }

    /// Indexes only the items `keep` accepts.
    pub(super) fn filtered(n: usize, key: impl Fn(usize) -> usize, keep: impl Fn(usize) -> bool) -> ByToken {
        let mut order: Vec<usize> = (0..n).filter(|&i| keep(i)).collect();
        order.sort_by_key(|&i| key(i));
        let keys = order.iter().map(|&i| key(i)).collect();
        ByToken { order, keys }
    }

    /// The items whose key lies in `[lo, hi]`, in key order.
    pub(super) fn within(&self, lo: usize, hi: usize) -> impl Iterator<Item = usize> + '_ {
        let from = self.keys.partition_point(|&k| k < lo);
        let to = self.keys.partition_point(|&k| k <= hi);
        self.order[from..to.max(from)].iter().copied()
    }

    /// The items whose key lies in `[lo, hi]`, in layer order (for first-wins choices that
    /// must not depend on the index).
    pub(super) fn within_in_order(&self, lo: usize, hi: usize) -> Vec<usize> {
        let mut found: Vec<usize> = self.within(lo, hi).collect();
        found.sort_unstable();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_found_by_key() {
        let keys = [7, 2, 9, 2, 5];
        let by = ByToken::new(keys.len(), |i| keys[i]);
        let cases: &[(usize, usize, &[usize])] = &[(0, 10, &[1, 3, 4, 0, 2]), (2, 2, &[1, 3]), (3, 6, &[4]), (10, 20, &[]), (6, 3, &[])];
        for &(lo, hi, expected) in cases {
            assert_eq!(by.within(lo, hi).collect::<Vec<_>>(), expected, "[{lo}, {hi}]");
        }
        assert_eq!(by.within_in_order(0, 7), [0, 1, 3, 4]);
        let even = ByToken::filtered(keys.len(), |i| keys[i], |i| i % 2 == 0);
        assert_eq!(even.within(0, 10).collect::<Vec<_>>(), [4, 0, 2]);
    }
}
