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

    /// Sets the value of `k` unless it has one (`entry(k).or_insert(v)`).
    pub fn insert_new(&mut self, k: K, v: V) {
        if !self.contains_key(&k) {
            self.0.push((k, v));
        }
    }

    pub fn remove(&mut self, k: &K) -> Option<V> {
        let i = self.0.iter().position(|(key, _)| key == k)?;
        Some(self.0.remove(i).1)
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
    use super::VecMap;

    #[test]
    fn insert_replaces_insert_new_keeps_and_equality_ignores_order() {
        let mut a = VecMap::default();
        a.insert(1, "one");
        a.insert(2, "two");
        a.insert(1, "uno");
        a.insert_new(2, "deux");
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
        assert_eq!(b.remove(&3), Some("three"));
        assert_eq!((b.remove(&3), a == b), (None, true));
    }
}
