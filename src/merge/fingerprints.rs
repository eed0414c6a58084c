//! The fingerprints of all listings, in blocks of [`BLOCK`]: each block is
//! made on a core of its own and kept as it is made. One list of all
//! (flattened from the blocks) held both at once for a moment and grew by
//! doubling: at a million references 240 MB more at the peak of the merge
//! and a second of copying.

use std::ops::Index;

use super::normalize::Fingerprint;
use crate::model::Reference;

/// References per block: a power of two, so that finding one is a shift.
const SHIFT: u32 = 12;
const BLOCK: usize = 1 << SHIFT;

pub(crate) struct Fingerprints<'a> {
    blocks: Vec<Vec<Fingerprint<'a>>>,
    len: usize,
}

impl<'a> Fingerprints<'a> {
    /// The fingerprints of `refs`, in their order, on all cores.
    pub(crate) fn of(refs: &[&'a Reference]) -> Self {
        let parts: Vec<&[&Reference]> = refs.chunks(BLOCK).collect();
        let blocks: Vec<Vec<Fingerprint<'a>>> = crate::parallel::map(&parts, 2, |part| {
            part.iter().map(|r| Fingerprint::of(r)).collect()
        });
        Fingerprints {
            blocks,
            len: refs.len(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &Fingerprint<'a>> {
        self.blocks.iter().flatten()
    }
}

impl<'a> Index<usize> for Fingerprints<'a> {
    type Output = Fingerprint<'a>;

    fn index(&self, i: usize) -> &Fingerprint<'a> {
        &self.blocks[i >> SHIFT][i & (BLOCK - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    #[test]
    fn fingerprints_stand_in_the_order_of_their_references() {
        // Three blocks and a part of a fourth.
        let refs: Vec<Reference> = (0..3 * BLOCK + 5)
            .map(|i| Reference::new(Kind::JournalArticle, &format!("Title {i}")))
            .collect();
        let listed: Vec<&Reference> = refs.iter().collect();
        let fps = Fingerprints::of(&listed);
        assert_eq!(fps.len(), refs.len());
        for i in [0, 1, BLOCK - 1, BLOCK, 2 * BLOCK + 7, 3 * BLOCK + 4] {
            assert!(std::ptr::eq(fps[i].r, &refs[i]), "{i}");
        }
        assert!(fps.iter().zip(&refs).all(|(f, r)| std::ptr::eq(f.r, r)));
    }
}
