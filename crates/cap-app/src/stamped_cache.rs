//! Views computed from data that changes rarely, kept in memory while a cheap stamp read from the
//! database says the data is unchanged. Every instance checks the stamp on each request, so a
//! change made through any instance is seen at once; the cache only saves the computing.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, RwLock};

/// Entries kept at most; beyond, an arbitrary one makes room.
const CAPACITY: usize = 256;

/// A cache of `V` by `K`, valid while its stamp `S` is equal.
#[derive(Debug)]
pub struct StampedCache<K, S, V> {
    entries: RwLock<HashMap<K, (S, Arc<V>)>>,
}

impl<K, S, V> Default for StampedCache<K, S, V> {
    fn default() -> Self {
        Self { entries: RwLock::new(HashMap::new()) }
    }
}

impl<K: Eq + Hash + Clone, S: Eq, V> StampedCache<K, S, V> {
    /// The value kept for `key`, if its stamp is `stamp`.
    pub fn get(&self, key: &K, stamp: &S) -> Option<Arc<V>> {
        let entries = self.entries.read().ok()?;
        entries.get(key).filter(|(s, _)| s == stamp).map(|(_, v)| v.clone())
    }

    /// Keeps `value` for `key` under `stamp`.
    pub fn insert(&self, key: K, stamp: S, value: Arc<V>) {
        if let Ok(mut entries) = self.entries.write() {
            if entries.len() >= CAPACITY && !entries.contains_key(&key) {
                let victim = entries.keys().next().cloned();
                if let Some(victim) = victim {
                    entries.remove(&victim);
                }
            }
            entries.insert(key, (stamp, value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_used_only_under_its_stamp() {
        let cache: StampedCache<i64, u32, String> = StampedCache::default();
        assert!(cache.get(&1, &7).is_none());
        cache.insert(1, 7, Arc::new("photo".into()));
        assert_eq!(cache.get(&1, &7).as_deref().map(String::as_str), Some("photo"));
        assert!(cache.get(&1, &8).is_none(), "the data changed");
        for k in 0..(CAPACITY as i64 + 10) {
            cache.insert(k, 0, Arc::new(String::new()));
        }
        assert!(cache.entries.read().unwrap().len() <= CAPACITY, "bounded");
    }
}
