//! [`TokenSpan`]: the one type for a range of tokens inside the pipeline. It is half-open,
//! `[start, end)`, like Rust's ranges; byte, character and UTF-16 offsets appear only when
//! the response is assembled.

use std::ops::Range;

/// A half-open range of token indices `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TokenSpan {
    /// The first token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

impl TokenSpan {
    /// The tokens `[start, end)`.
    pub fn new(start: usize, end: usize) -> TokenSpan {
        debug_assert!(start <= end, "a token span cannot end before it starts");
        TokenSpan { start, end }
    }

    /// The tokens from `first` to `last`, both included.
    pub fn inclusive(first: usize, last: usize) -> TokenSpan {
        TokenSpan::new(first, last + 1)
    }

    /// The one token `i`.
    pub fn single(i: usize) -> TokenSpan {
        TokenSpan::new(i, i + 1)
    }

    /// The first token (the span's start).
    pub fn first(&self) -> usize {
        self.start
    }

    /// The last token of a non-empty span.
    pub fn last(&self) -> usize {
        debug_assert!(self.end > self.start, "an empty token span has no last token");
        self.end.saturating_sub(1)
    }

    /// How many tokens the span holds.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span holds no token.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when token `i` lies in the span.
    pub fn contains(&self, i: usize) -> bool {
        self.start <= i && i < self.end
    }

    /// True when the two spans share a token (an empty span shares none).
    pub fn overlaps(&self, other: TokenSpan) -> bool {
        !self.is_empty() && !other.is_empty() && self.start < other.end && other.start < self.end
    }

    /// The smallest span holding both.
    pub fn cover(&self, other: TokenSpan) -> TokenSpan {
        TokenSpan::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The token indices, for iteration and slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for TokenSpan {
    fn from(r: Range<usize>) -> TokenSpan {
        TokenSpan::new(r.start, r.end)
    }
}

impl IntoIterator for TokenSpan {
    type Item = usize;
    type IntoIter = Range<usize>;

    fn into_iter(self) -> Range<usize> {
        self.range()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_half_open() {
        let cases: &[(TokenSpan, usize, usize, usize)] = &[
            // span, first, last, len
            (TokenSpan::inclusive(3, 5), 3, 5, 3),
            (TokenSpan::single(7), 7, 7, 1),
            (TokenSpan::new(0, 2), 0, 1, 2),
        ];
        for &(span, first, last, len) in cases {
            assert_eq!((span.first(), span.last(), span.len()), (first, last, len), "{span:?}");
            assert!(span.contains(first) && span.contains(last) && !span.contains(span.end));
            assert_eq!(span.range().count(), len);
        }
    }

    #[test]
    fn overlap_and_cover() {
        let cases = [
            // a, b, overlap, cover
            ((0, 2), (2, 4), false, (0, 4)),
            ((0, 3), (2, 4), true, (0, 4)),
            ((5, 6), (1, 9), true, (1, 9)),
            ((4, 4), (0, 9), false, (0, 9)),
        ];
        for ((a0, a1), (b0, b1), overlap, (c0, c1)) in cases {
            let (a, b) = (TokenSpan::new(a0, a1), TokenSpan::new(b0, b1));
            assert_eq!(a.overlaps(b), overlap, "{a:?} {b:?}");
            assert_eq!(b.overlaps(a), overlap, "{b:?} {a:?}");
            assert_eq!(a.cover(b), TokenSpan::new(c0, c1));
        }
        assert!(TokenSpan::new(4, 4).is_empty());
    }
}
