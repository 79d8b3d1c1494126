//! Referential versions kept in memory once read. A version never changes after its import, so a
//! cached copy is always right, on every instance; the cache only bounds how many it keeps.

use cap_domain::referential::{Referential, SearchIndex};
use cap_storage::{Db, StorageError, referentials};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// Versions kept at most; beyond, the cache starts again empty (versions in use are few).
const CAPACITY: usize = 64;

/// A version with what its pages need, computed once.
#[derive(Debug)]
pub struct CachedReferential {
    /// The version.
    pub referential: Referential,
    /// The explorer's search index.
    pub index: SearchIndex,
    /// Depth of each node, in node order.
    pub depths: Vec<usize>,
}

/// The cache shared by the requests of one instance.
#[derive(Debug, Default)]
pub struct ReferentialCache {
    entries: RwLock<HashMap<i64, Arc<CachedReferential>>>,
}

impl ReferentialCache {
    /// The version `id`, read from the database on first use.
    pub async fn get(&self, db: &Db, id: i64) -> Result<Arc<CachedReferential>, StorageError> {
        if let Some(hit) = self.entries.read().ok().and_then(|map| map.get(&id).cloned()) {
            return Ok(hit);
        }
        let referential = referentials::load(db, id).await?;
        let cached = Arc::new(CachedReferential {
            index: SearchIndex::new(&referential),
            depths: referential.depths(),
            referential,
        });
        if let Ok(mut map) = self.entries.write() {
            if map.len() >= CAPACITY {
                map.clear();
            }
            map.insert(id, cached.clone());
        }
        Ok(cached)
    }
}
