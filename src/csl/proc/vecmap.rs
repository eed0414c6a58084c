//! A map of a few entries kept as a vector: an item's variables, names and
//! dates. An item has about ten of them; a hash table of that size takes
//! two to four times the memory of the entries (buckets for a load factor,
//! control bytes, growth by doubling), and the processor holds every item
//! of a bibliography at once (100k items: ~80 MB of tables). Looking a key
//! up among ten small keys is as fast as hashing it. Written here rather
//! than taken from a crate: what the processor needs is these few methods
//! over `Vec`, with equality that ignores the order of insertion.

/// Entries in the order of insertion, each key once.
#[derive(Debug, Clone)]
pub(crate) struct VecMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap(Vec::new())
    }
}

impl<K: PartialEq, V> VecMap<K, V> {
    pub fn get(&self, k: &K) -> Option<&V> {
        self.0.iter().find(|(key, _)| key == k).map(|(_, v)| v)
    }

    pub fn contains_key(&self, k: &K) -> bool {
        self.0.iter().any(|(key, _)| key == k)
    }

    /// Sets the value of `k` (replacing the one it had).
    pub fn insert(&mut self, k: K, v: V) {
        match self.0.iter_mut().find(|(key, _)| *key == k) {
            Some(entry) => entry.1 = v,
            None => self.0.push((k, v)),
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Gives back the room left by growth (the map is read from now on).
    pub fn shrink_to_fit(&mut self) {
        self.0.shrink_to_fit();
    }
}

impl<K: PartialEq, V: PartialEq> PartialEq for VecMap<K, V> {
    /// The same keys with the same values, in any order.
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.0.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

/// A map of keys to texts with the texts one after another in one string:
/// an item's text variables (five to ten per item, held for every item of
/// a bibliography while it is formatted) as one heap block and 12 bytes a
/// variable, where a [`VecMap`] of `String`s took 32 bytes and a heap block
/// per variable. A replaced value's text stays until [`Self::shrink_to_fit`].
#[derive(Debug, Clone)]
pub(crate) struct TextMap<K> {
    text: String,
    /// Each key and its text's start and end in `text`.
    entries: Vec<(K, u32, u32)>,
}

impl<K> Default for TextMap<K> {
    fn default() -> Self {
        TextMap {
            text: String::new(),
            entries: Vec::new(),
        }
    }
}

impl<K: PartialEq + Copy> TextMap<K> {
    pub fn get(&self, k: &K) -> Option<&str> {
        let &(_, start, end) = self.entries.iter().find(|(key, _, _)| key == k)?;
        self.text.get(start as usize..end as usize)
    }

    pub fn contains_key(&self, k: &K) -> bool {
        self.entries.iter().any(|(key, _, _)| key == k)
    }

    /// The range of `v` appended to the text. Texts end before 4 GiB (an
    /// item's variables are read from one item of its input).
    fn push(&mut self, v: &str) -> (u32, u32) {
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let start = at(self.text.len());
        self.text.push_str(v);
        (start, at(self.text.len()))
    }

    /// Sets the text of `k` (replacing the one it had).
    pub fn insert(&mut self, k: K, v: &str) {
        let (start, end) = self.push(v);
        match self.entries.iter_mut().find(|(key, _, _)| *key == k) {
            Some(entry) => *entry = (k, start, end),
            None => self.entries.push((k, start, end)),
        }
    }

    /// Sets the text of `k` unless it has one (`entry(k).or_insert(v)`).
    pub fn insert_new(&mut self, k: K, v: &str) {
        if !self.contains_key(&k) {
            let (start, end) = self.push(v);
            self.entries.push((k, start, end));
        }
    }

    /// Removes `k` (its text stays until [`Self::shrink_to_fit`]).
    pub fn remove(&mut self, k: &K) -> bool {
        let before = self.entries.len();
        self.entries.retain(|(key, _, _)| key != k);
        self.entries.len() < before
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The keys and their texts, in the order they were first set.
    pub fn iter(&self) -> impl Iterator<Item = (K, &str)> + '_ {
        self.entries.iter().map(|&(k, start, end)| {
            (
                k,
                self.text
                    .get(start as usize..end as usize)
                    .unwrap_or_default(),
            )
        })
    }

    /// Drops the texts no key holds and gives back the room left by growth
    /// (the map is read from now on).
    pub fn shrink_to_fit(&mut self) {
        let live: usize = self.entries.iter().map(|&(_, s, e)| (e - s) as usize).sum();
        if live < self.text.len() {
            let old = std::mem::take(&mut self.text);
            self.text = String::with_capacity(live);
            for k in 0..self.entries.len() {
                let (key, start, end) = self.entries[k];
                let (s, e) = self.push(old.get(start as usize..end as usize).unwrap_or_default());
                self.entries[k] = (key, s, e);
            }
        }
        self.text.shrink_to_fit();
        self.entries.shrink_to_fit();
    }
}

impl<K: PartialEq + Copy> PartialEq for TextMap<K> {
    /// The same keys with the same texts, in any order.
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(&k) == Some(v))
    }
}

#[cfg(test)]
impl<K: PartialEq + Copy> std::ops::Index<&K> for TextMap<K> {
    type Output = str;

    /// The text of `k`; panics when there is none (as a `HashMap`).
    fn index(&self, k: &K) -> &str {
        self.get(k).expect("no entry for the key")
    }
}

#[cfg(test)]
impl<K: PartialEq, V> std::ops::Index<&K> for VecMap<K, V> {
    type Output = V;

    /// The value of `k`; panics when there is none (as a `HashMap`).
    fn index(&self, k: &K) -> &V {
        self.get(k).expect("no entry for the key")
    }
}

#[cfg(test)]
mod tests {
    use super::{TextMap, VecMap};

    #[test]
    fn text_map_keeps_each_text_replaced_and_removed_ones_out() {
        let mut a = TextMap::default();
        a.insert(1, "one");
        a.insert(2, "two");
        a.insert(1, "uno");
        a.insert_new(2, "deux");
        a.insert(3, "");
        assert_eq!(
            (a.get(&1), a.get(&2), a.get(&3), a.get(&4), a.len()),
            (Some("uno"), Some("two"), Some(""), None, 3)
        );
        assert!(a.remove(&3) && !a.remove(&3));
        a.shrink_to_fit();
        assert_eq!(a.text, "unotwo");
        assert_eq!(a.iter().collect::<Vec<_>>(), [(1, "uno"), (2, "two")]);
        let mut b = TextMap::default();
        b.insert(2, "two");
        b.insert(1, "uno");
        assert_eq!(a, b);
        b.insert(1, "one");
        assert_ne!(a, b);
    }

    #[test]
    fn insert_replaces_and_equality_ignores_order() {
        let mut a = VecMap::default();
        a.insert(1, "one");
        a.insert(2, "two");
        a.insert(1, "uno");
        assert_eq!(
            (a.get(&1), a.get(&2), a.len()),
            (Some(&"uno"), Some(&"two"), 2)
        );
        let mut b = VecMap::default();
        b.insert(2, "two");
        b.insert(1, "uno");
        assert_eq!(a, b);
        b.insert(3, "three");
        assert_ne!(a, b);
    }
}
