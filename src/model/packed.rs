//! A fixed number of optional text parts held as one text: the parts one
//! after the other and where each ends. What a name is made of (family,
//! given, particle, suffix) held as separate strings took a string's 24
//! bytes per part and a heap block per part present; names are most of what
//! a reference holds (four or five per item in a field's bibliography), so
//! [`crate::Person`] and the CSL processor's names keep their parts this way:
//! one box, and two bytes per part.

/// `E + 1` optional parts (`E` ends are kept: the last part ends where the
/// text does). An absent part and an empty one differ (`present`).
///
/// The ends are two bytes each (four made a `Person` 32 bytes instead of 24
/// and a CSL name 40 instead of 32: a tenth of a field's references and of
/// the processor's items). A text longer than that reaches (64 KiB: no
/// name, but nothing read is cut) keeps its ends in front of its parts, as
/// fixed-width decimal numbers ([`LONG`]), read again at each access.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct Packed<const E: usize> {
    text: Box<str>,
    /// The end of each part in `text` but the last (when not [`LONG`]).
    ends: [u16; E],
    /// Bit `k` set: part `k` is present; bit 7: [`LONG`].
    present: u8,
    /// A byte for the holder's own use (the flags of a CSL name), in room
    /// the struct's alignment leaves; 0 unless set.
    pub tag: u8,
}

/// The bit of `present` that says the ends are written at the start of the
/// text ([`HEAD_DIGITS`] digits each, counted from the end of that head).
const LONG: u8 = 1 << 7;

/// Digits of an end written in a long text's head (any `usize` of 64 bits).
const HEAD_DIGITS: usize = 20;

impl<const E: usize> Default for Packed<E> {
    fn default() -> Self {
        Packed {
            text: Box::default(),
            ends: [0; E],
            present: 0,
            tag: 0,
        }
    }
}

/// The parts in order (`None` for those absent).
impl<const E: usize> std::fmt::Debug for Packed<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries((0..=E).map(|k| self.part(k)))
            .finish()
    }
}

impl<const E: usize> Packed<E> {
    /// The parts in order; `parts.len()` must be `E + 1` (at most 7).
    pub fn new(parts: &[Option<&str>]) -> Self {
        debug_assert!(parts.len() == E + 1 && E < 7);
        let len: usize = parts.iter().flatten().map(|p| p.len()).sum();
        let (mut ends, mut present) = ([0usize; E], 0u8);
        let mut end = 0;
        for (k, part) in parts.iter().enumerate().take(E + 1) {
            if let Some(p) = part {
                end += p.len();
                present |= 1 << k;
            }
            if k < E {
                ends[k] = end;
            }
        }
        let short = u16::try_from(len).is_ok();
        let head = if short { 0 } else { HEAD_DIGITS * E };
        let mut text = String::with_capacity(head + len);
        if !short {
            present |= LONG;
            for e in ends {
                text.push_str(&format!("{e:0HEAD_DIGITS$}"));
            }
        }
        for p in parts.iter().take(E + 1).flatten() {
            text.push_str(p);
        }
        Packed {
            text: text.into_boxed_str(),
            // Each end is at most `len`, which fits when `short`.
            ends: ends.map(|e| if short { e as u16 } else { 0 }),
            present,
            tag: 0,
        }
    }

    /// The end of part `k < E`, counted from the first part's start.
    fn end(&self, k: usize) -> usize {
        if self.present & LONG == 0 {
            return self.ends[k] as usize;
        }
        let digits = self.text.get(k * HEAD_DIGITS..(k + 1) * HEAD_DIGITS);
        digits.and_then(|d| d.parse().ok()).unwrap_or(0)
    }

    /// Part `k` (`k <= E`), `None` when absent.
    pub fn part(&self, k: usize) -> Option<&str> {
        if self.present & (1 << k) == 0 {
            return None;
        }
        let parts = match self.present & LONG {
            0 => &self.text[..],
            _ => self.text.get(HEAD_DIGITS * E..)?,
        };
        let start = if k == 0 { 0 } else { self.end(k - 1) };
        let end = if k == E { parts.len() } else { self.end(k) };
        parts.get(start..end)
    }

    /// A copy with part `k` replaced (and the same tag).
    pub fn with(&self, k: usize, new: Option<&str>) -> Self {
        let mut parts = [None; 8];
        for (j, part) in parts.iter_mut().enumerate().take(E + 1) {
            *part = if j == k { new } else { self.part(j) };
        }
        let mut packed = Self::new(&parts[..=E]);
        packed.tag = self.tag;
        packed
    }
}

#[cfg(test)]
mod tests {
    use super::Packed;

    #[test]
    fn parts_come_back_as_given_absent_and_empty_apart() {
        let p = Packed::<3>::new(&[Some("Lange"), Some(""), None, Some("Jr.")]);
        assert_eq!(
            [p.part(0), p.part(1), p.part(2), p.part(3)],
            [Some("Lange"), Some(""), None, Some("Jr.")]
        );
        let q = p.with(2, Some("de")).with(1, None);
        assert_eq!(
            [q.part(0), q.part(1), q.part(2), q.part(3)],
            [Some("Lange"), None, Some("de"), Some("Jr.")]
        );
        // Equal parts, equal values (what `Person`'s `Eq` and `Hash` rely on).
        assert!(q == Packed::<3>::new(&[Some("Lange"), None, Some("de"), Some("Jr.")]));
        assert!(Packed::<1>::new(&[Some("ab"), None]) != Packed::<1>::new(&[Some("a"), Some("b")]));
    }

    #[test]
    fn parts_longer_than_two_byte_ends_reach_come_back_whole() {
        let family = "Ab".repeat(40_000);
        let given = "é".repeat(10);
        let p = Packed::<3>::new(&[Some(&family), Some(&given), None, Some("")]);
        assert_eq!(
            [p.part(0), p.part(1), p.part(2), p.part(3)],
            [Some(family.as_str()), Some(given.as_str()), None, Some("")]
        );
        let q = p.with(0, Some("Lange"));
        assert_eq!(q.part(0), Some("Lange"));
        assert_eq!(q.part(1), Some(given.as_str()));
        // The short form again, equal to one made short.
        assert!(q == Packed::<3>::new(&[Some("Lange"), Some(&given), None, Some("")]));
        let r = Packed::<1>::new(&[None, Some(&family)]);
        assert_eq!([r.part(0), r.part(1)], [None, Some(family.as_str())]);
    }
}
