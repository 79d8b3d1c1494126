//! Live updates for workshops: every change to a workshop bumps its version and is announced to
//! the projector and phones listening on server-sent events. On one instance this is an
//! in-process broadcast per workshop.

use std::collections::HashMap;
use std::sync::Mutex;
use tokio::sync::broadcast;

/// Announces workshop changes to the pages following them.
#[derive(Debug, Default)]
pub struct WorkshopHub {
    channels: Mutex<HashMap<i64, broadcast::Sender<i64>>>,
}

impl WorkshopHub {
    /// Listens to a workshop's changes (each message is its new version).
    pub fn subscribe(&self, workshop: i64) -> broadcast::Receiver<i64> {
        let mut channels = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        channels.entry(workshop).or_insert_with(|| broadcast::channel(64).0).subscribe()
    }

    /// Announces that a workshop changed.
    pub fn announce(&self, workshop: i64, version: i64) {
        let mut channels = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(sender) = channels.get(&workshop)
            && sender.send(version).is_err()
        {
            // Nobody listens any more.
            channels.remove(&workshop);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn listeners_hear_changes_of_their_workshop_only() {
        let hub = WorkshopHub::default();
        let mut a = hub.subscribe(1);
        let mut b = hub.subscribe(2);
        hub.announce(1, 7);
        assert_eq!(a.recv().await.unwrap(), 7);
        assert!(b.try_recv().is_err());
        hub.announce(3, 1);
    }
}
