//! Converts the pipeline's byte offsets into the unit the client asked for.
//!
//! One pass over the text builds a table from every byte offset to its character or UTF-16
//! offset, so each of the answer's spans is converted in constant time (index-conversion
//! crates such as `str_indices` scan the text for every offset instead).

use crate::pipeline::model::{Extraction, OffsetUnit};

/// Maps byte offsets of one text to `chars` or `utf16` offsets.
struct OffsetTable {
    /// For each byte boundary, the offset in the target unit (`u32::MAX` inside a character).
    at: Vec<u32>,
}

impl OffsetTable {
    fn new(text: &str, unit: OffsetUnit) -> OffsetTable {
        let mut at = vec![u32::MAX; text.len() + 1];
        let mut n = 0u32;
        for (b, c) in text.char_indices() {
            at[b] = n;
            n += match unit {
                OffsetUnit::Utf16 => c.len_utf16() as u32,
                _ => 1,
            };
        }
        at[text.len()] = n;
        OffsetTable { at }
    }

    fn map(&self, byte: usize) -> usize {
        // spans always fall on character boundaries; be safe anyway
        let mut b = byte.min(self.at.len() - 1);
        while self.at[b] == u32::MAX {
            b -= 1;
        }
        self.at[b] as usize
    }
}

/// Rewrites every `start`/`end` of `out` (bytes into `text`) in `unit`.
pub fn convert(out: &mut Extraction, text: &str, unit: OffsetUnit) {
    out.offsets = unit;
    if unit == OffsetUnit::Bytes {
        return;
    }
    let t = OffsetTable::new(text, unit);
    let fix = |s: &mut usize, e: &mut usize| {
        *s = t.map(*s);
        *e = t.map(*e);
    };
    for ev in &mut out.events {
        fix(&mut ev.trigger.start, &mut ev.trigger.end);
        for m in &mut ev.mentions {
            fix(&mut m.start, &mut m.end);
        }
        for a in &mut ev.actors {
            fix(&mut a.start, &mut a.end);
        }
        if let Some(l) = &mut ev.location {
            fix(&mut l.start, &mut l.end);
        }
        if let Some(tm) = &mut ev.time {
            fix(&mut tm.start, &mut tm.end);
        }
        if let Some(c) = &mut ev.casualties {
            for count in [&mut c.killed, &mut c.injured].into_iter().flatten() {
                fix(&mut count.start, &mut count.end);
            }
        }
    }
    for q in &mut out.quotes {
        fix(&mut q.content.start, &mut q.content.end);
        for s in [&mut q.cue, &mut q.via].into_iter().flatten() {
            fix(&mut s.start, &mut s.end);
        }
        if let Some(s) = &mut q.speaker {
            fix(&mut s.start, &mut s.end);
        }
    }
    for e in &mut out.entities {
        for m in &mut e.mentions {
            fix(&mut m.start, &mut m.end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_differ_on_astral_characters() {
        let text = "😀 قصف";
        let byte = text.find('ق').unwrap();
        assert_eq!(OffsetTable::new(text, OffsetUnit::Chars).map(byte), 2);
        assert_eq!(OffsetTable::new(text, OffsetUnit::Utf16).map(byte), 3);
        assert_eq!(byte, 5);
    }
}
