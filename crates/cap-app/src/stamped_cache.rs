//! Views computed from data that changes rarely, kept in memory while a cheap stamp read from the
//! database says the data is unchanged. Every instance checks the stamp on each request, so a
//! change made through any instance is seen at once; the cache only saves the computing.

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::{Arc, Mutex, RwLock};

/// Entries kept at most; beyond, an arbitrary one makes room.
const CAPACITY: usize = 256;

/// A cache of `V` by `K`, valid while its stamp `S` is equal.
#[derive(Debug)]
pub struct StampedCache<K, S, V> {
    entries: RwLock<HashMap<K, (S, Arc<V>)>>,
    /// One gate per key being computed: the requests that miss together wait for the first one's
    /// value instead of all computing it at once (after each change, a burst of requests would
    /// otherwise each run the whole computation, and none would answer in time).
    computing: Mutex<HashMap<K, Arc<tokio::sync::Mutex<()>>>>,
}

impl<K, S, V> Default for StampedCache<K, S, V> {
    fn default() -> Self {
        Self { entries: RwLock::new(HashMap::new()), computing: Mutex::new(HashMap::new()) }
    }
}

impl<K: Eq + Hash + Clone, S: Eq, V> StampedCache<K, S, V> {
    /// The value kept for `key`, if its stamp is `stamp`.
    pub fn get(&self, key: &K, stamp: &S) -> Option<Arc<V>> {
        let entries = self.entries.read().ok()?;
        entries.get(key).filter(|(s, _)| s == stamp).map(|(_, v)| v.clone())
    }

    /// The value kept for `key` under `stamp`, or the one `compute` makes, kept. Requests that
    /// miss at the same time compute it once: the others wait for it, then read it.
    pub async fn get_or_compute<E, F, Fut>(&self, key: K, stamp: S, compute: F) -> Result<Arc<V>, E>
    where
        S: Clone,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<V, E>>,
    {
        if let Some(hit) = self.get(&key, &stamp) {
            return Ok(hit);
        }
        let gate = match self.computing.lock() {
            Ok(mut gates) => {
                if gates.len() >= CAPACITY {
                    // Gates nobody holds any more; a few still held stay.
                    gates.retain(|_, g| Arc::strong_count(g) > 1);
                }
                gates.entry(key.clone()).or_default().clone()
            }
            Err(_) => Arc::default(),
        };
        let _turn = gate.lock().await;
        if let Some(hit) = self.get(&key, &stamp) {
            return Ok(hit);
        }
        let value = Arc::new(compute().await?);
        self.insert(key, stamp, value.clone());
        Ok(value)
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

    #[tokio::test]
    async fn requests_missing_together_compute_once() {
        let cache: Arc<StampedCache<i64, u32, usize>> = Arc::default();
        let runs = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let tasks: Vec<_> = (0..16)
            .map(|_| {
                let (cache, runs) = (cache.clone(), runs.clone());
                tokio::spawn(async move {
                    cache
                        .get_or_compute(1, 7, || async {
                            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                            Ok::<_, ()>(runs.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1)
                        })
                        .await
                })
            })
            .collect();
        for task in tasks {
            assert_eq!(*task.await.unwrap().unwrap(), 1, "every request reads the first computation");
        }
        assert_eq!(runs.load(std::sync::atomic::Ordering::SeqCst), 1);
        let again = cache.get_or_compute(1, 8, || async { Ok::<_, ()>(42) }).await.unwrap();
        assert_eq!(*again, 42, "a new stamp computes again");
        let failed = cache.get_or_compute(2, 8, || async { Err::<usize, _>("no") }).await;
        assert_eq!(failed.err(), Some("no"));
        assert!(cache.get(&2, &8).is_none(), "a failure is not kept");
    }
}
