//! A fixed number of optional text parts held as one text: the parts one
//! after the other and where each ends. What a name is made of (family,
//! given, particle, suffix) held as separate strings took a string's 24
//! bytes per part and a heap block per part present; names are most of what
//! a reference holds (four or five per item in a field's bibliography), so
//! [`crate::Person`] and the CSL processor's names keep their parts this way:
//! one box, and four bytes per part.

/// `E + 1` optional parts (`E` ends are kept: the last part ends where the
/// text does). An absent part and an empty one differ (`present`).
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct Packed<const E: usize> {
    text: Box<str>,
    /// The end of each part in `text` but the last.
    ends: [u32; E],
    /// Bit `k` set: part `k` is present.
    present: u8,
}

impl<const E: usize> Default for Packed<E> {
    fn default() -> Self {
        Packed {
            text: Box::default(),
            ends: [0; E],
            present: 0,
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
    /// The parts in order; `parts.len()` must be `E + 1` (at most 8).
    pub fn new(parts: &[Option<&str>]) -> Self {
        debug_assert!(parts.len() == E + 1 && E < 8);
        let mut text = String::with_capacity(parts.iter().flatten().map(|p| p.len()).sum());
        let (mut ends, mut present) = ([0u32; E], 0u8);
        for (k, part) in parts.iter().enumerate().take(E + 1) {
            if let Some(p) = part {
                text.push_str(p);
                present |= 1 << k;
            }
            if k < E {
                // A part past 4 GiB into the text would read as absent; a
                // name that long is not one any reader holds (each holds the
                // item it is read from beside).
                ends[k] = u32::try_from(text.len()).unwrap_or(u32::MAX);
            }
        }
        Packed {
            text: text.into_boxed_str(),
            ends,
            present,
        }
    }

    /// Part `k` (`k <= E`), `None` when absent.
    pub fn part(&self, k: usize) -> Option<&str> {
        if self.present & (1 << k) == 0 {
            return None;
        }
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        let end = if k == E {
            self.text.len()
        } else {
            self.ends[k] as usize
        };
        self.text.get(start..end)
    }

    /// A copy with part `k` replaced.
    pub fn with(&self, k: usize, new: Option<&str>) -> Self {
        let mut parts = [None; 8];
        for (j, part) in parts.iter_mut().enumerate().take(E + 1) {
            *part = if j == k { new } else { self.part(j) };
        }
        Self::new(&parts[..=E])
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
}
