//! Title similarity by character trigrams: the Dice coefficient of two
//! titles' trigram sets, in reusable open-addressing tables (no allocation
//! per pair; the first title's set is kept across a run of pairs).

use crate::text::fold;

/// Calls `f` with the hash of each character trigram of `fold(title)`, in
/// order, repeats included; ASCII titles are folded on the fly.
pub(crate) fn for_each_trigram(title: &str, mut f: impl FnMut(u32)) {
    // FNV-1a over three characters: cheap and stable across runs.
    fn fnv(w: [u32; 3]) -> u32 {
        w.iter()
            .fold(0x811c_9dc5, |h, &c| (h ^ c).wrapping_mul(0x0100_0193))
    }
    let mut w = [0u32; 3];
    let mut seen = 0;
    let mut push = |c: u32| {
        w = [w[1], w[2], c];
        seen += 1;
        if seen >= 3 {
            f(fnv(w));
        }
    };
    if title.is_ascii() {
        for b in title.bytes().filter(u8::is_ascii_alphanumeric) {
            push(u32::from(b.to_ascii_lowercase()));
        }
    } else {
        fold(title).chars().for_each(|c| push(c as u32));
    }
}

/// The trigram hashes of a title, sorted, without repeats.
#[cfg(test)]
fn trigrams(title: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for_each_trigram(title, |t| out.push(t));
    out.sort_unstable();
    out.dedup();
    out
}

/// A set of trigram hashes in an open-addressing table that is emptied by
/// moving to the next epoch, not by clearing it.
struct TrigramSet {
    /// `epoch << 32 | hash`; a slot of another epoch is empty.
    slots: Vec<u64>,
    epoch: u64,
    len: usize,
}

impl TrigramSet {
    const SLOTS: usize = 1024;
    /// More than this many trigrams and the table would be too full.
    const MAX: usize = 600;

    fn clear(&mut self) {
        self.len = 0;
        self.epoch += 1;
        if self.epoch >= u64::from(u32::MAX) {
            self.slots.iter_mut().for_each(|s| *s = 0);
            self.epoch = 1;
        }
    }

    fn slot(&self, h: u32) -> usize {
        (h.wrapping_mul(0x9e37_79b1) >> 22) as usize
    }

    /// Adds `h`; whether it was new.
    fn insert(&mut self, h: u32) -> bool {
        let entry = self.epoch << 32 | u64::from(h);
        let mut i = self.slot(h);
        loop {
            let s = self.slots[i];
            if s == entry {
                return false;
            }
            if s >> 32 != self.epoch {
                self.slots[i] = entry;
                self.len += 1;
                return true;
            }
            i = (i + 1) % Self::SLOTS;
        }
    }

    fn contains(&self, h: u32) -> bool {
        let entry = self.epoch << 32 | u64::from(h);
        let mut i = self.slot(h);
        loop {
            let s = self.slots[i];
            if s == entry {
                return true;
            }
            if s >> 32 != self.epoch {
                return false;
            }
            i = (i + 1) % Self::SLOTS;
        }
    }
}

/// The two tables of a thread, and the title whose trigrams the first
/// holds: candidate pairs come sorted by their first item, which is
/// compared with several others in a row.
struct Tables {
    sets: [TrigramSet; 2],
    first: String,
}

thread_local! {
    static TABLES: std::cell::RefCell<Tables> = std::cell::RefCell::new(Tables {
        sets: [0, 1].map(|_| TrigramSet { slots: vec![0; TrigramSet::SLOTS], epoch: 0, len: 0 }),
        first: String::new(),
    });
}

/// Whether a title has too many trigrams for the tables (then sorting).
fn long(t: &str) -> bool {
    t.len() > TrigramSet::MAX
}

fn sorted(t: &str) -> Vec<u32> {
    let mut v = Vec::new();
    for_each_trigram(t, |h| v.push(h));
    v.sort_unstable();
    v.dedup();
    v
}

/// Calls `f` once with each distinct trigram hash of the title.
pub(crate) fn distinct_trigrams(title: &str, mut f: impl FnMut(u32)) {
    if long(title) {
        sorted(title).into_iter().for_each(f);
        return;
    }
    TABLES.with(|tables| {
        let y = &mut tables.borrow_mut().sets[1];
        y.clear();
        for_each_trigram(title, |h| {
            if y.insert(h) {
                f(h);
            }
        });
    });
}

/// Dice coefficient of the two titles' trigram sets (1 for two empty sets).
pub(crate) fn trigram_dice(a: &str, b: &str) -> f64 {
    if long(a) || long(b) {
        return dice(&sorted(a), &sorted(b));
    }
    TABLES.with(|tables| {
        let tables = &mut *tables.borrow_mut();
        let [x, y] = &mut tables.sets;
        if tables.first != a || x.epoch == 0 {
            x.clear();
            for_each_trigram(a, |h| {
                x.insert(h);
            });
            tables.first.clear();
            tables.first.push_str(a);
        }
        y.clear();
        let mut shared = 0usize;
        for_each_trigram(b, |h| {
            if y.insert(h) && x.contains(h) {
                shared += 1;
            }
        });
        if x.len + y.len == 0 {
            return 1.0;
        }
        2.0 * shared as f64 / (x.len + y.len) as f64
    })
}

/// Dice coefficient of two sorted, deduplicated sets.
pub(crate) fn dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let shared = sorted_intersection(a, b);
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

pub(crate) fn sorted_intersection<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_give_what_sorted_sets_give() {
        let a = trigrams("with SemanticLens");
        let b = trigrams("with Semantic Lens");
        assert_eq!(dice(&a, &b), 1.0);
        // The tables give what sorted sets give.
        for (x, y) in [
            ("with SemanticLens", "with Semantic Lens"),
            (
                "Explaining Deep Networks",
                "Explaining Shallow Networks Again",
            ),
            ("", ""),
            ("abc", ""),
            ("aaaa aaaa", "aaa"),
        ] {
            assert_eq!(
                trigram_dice(x, y),
                dice(&trigrams(x), &trigrams(y)),
                "{x} / {y}"
            );
        }
        let long = "word ".repeat(200);
        assert_eq!(
            trigram_dice(&long, "word"),
            dice(&trigrams(&long), &trigrams("word"))
        );
        // Non-ASCII titles are folded first: the same trigrams.
        assert_eq!(
            trigrams("Ödegård: Übersicht"),
            trigrams("Odegard Ubersicht")
        );
        assert!(trigrams("ab").is_empty());
    }
}
