//! Live updates for workshops: every change to a workshop bumps its version and is announced to
//! the projector and phones listening on server-sent events. On one instance this is an
//! in-process broadcast per workshop; on PostgreSQL the change is also sent to the other
//! instances, each tagging what it sends so that it does not hear its own changes twice.

use cap_domain::workshop::RoomCount;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::{OwnedMutexGuard, broadcast};

/// A change of a workshop, as announced to the pages following it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The workshop's version after the change.
    pub version: i64,
    /// The room's new count when the change is a vote (the room itself did not move): the wall
    /// redraws it from the event, without reading anything again.
    pub count: Option<Arc<RoomCount>>,
}

impl Change {
    /// The room moved (another indicator, revealed, a timer…): pages read it again.
    pub fn moved(version: i64) -> Self {
        Self { version, count: None }
    }

    /// Written as a PostgreSQL notification's payload: `workshop:version`, then `:count` in JSON
    /// for a vote.
    pub fn payload(&self, workshop: i64) -> String {
        match self.count.as_deref().and_then(|c| serde_json::to_string(c).ok()) {
            Some(json) => format!("{workshop}:{}:{json}", self.version),
            None => format!("{workshop}:{}", self.version),
        }
    }

    /// Reads a notification's payload back; `None` for anything else.
    pub fn from_payload(payload: &str) -> Option<(i64, Self)> {
        let mut parts = payload.splitn(3, ':');
        let workshop = parts.next()?.parse().ok()?;
        let version = parts.next()?.parse().ok()?;
        let count = match parts.next() {
            Some(json) => Some(Arc::new(serde_json::from_str(json).ok()?)),
            None => None,
        };
        Some((workshop, Self { version, count }))
    }
}

/// Announces workshop changes to the pages following them.
#[derive(Debug)]
pub struct WorkshopHub {
    channels: Mutex<HashMap<i64, broadcast::Sender<Change>>>,
    /// This instance among those sharing a PostgreSQL database: its notifications come back to it,
    /// and are skipped since its own pages heard the change at once.
    origin: u64,
}

impl Default for WorkshopHub {
    fn default() -> Self {
        Self { channels: Mutex::default(), origin: rand::random() }
    }
}

impl WorkshopHub {
    /// The notification telling the other instances of a change: the change's payload, tagged
    /// with this instance.
    pub fn outgoing(&self, workshop: i64, change: &Change) -> String {
        format!("{:x}/{}", self.origin, change.payload(workshop))
    }

    /// A notification heard from PostgreSQL: the change it tells, unless this instance sent it
    /// (its pages already heard it) or it is not one.
    pub fn incoming(&self, notification: &str) -> Option<(i64, Change)> {
        let (origin, payload) = notification.split_once('/')?;
        if u64::from_str_radix(origin, 16).ok()? == self.origin {
            return None;
        }
        Change::from_payload(payload)
    }

    /// Listens to a workshop's changes.
    pub fn subscribe(&self, workshop: i64) -> broadcast::Receiver<Change> {
        let mut channels = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        channels.entry(workshop).or_insert_with(|| broadcast::channel(64).0).subscribe()
    }

    /// Announces that a workshop changed.
    pub fn announce(&self, workshop: i64, change: Change) {
        let mut channels = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(sender) = channels.get(&workshop)
            && sender.send(change).is_err()
        {
            // Nobody listens any more.
            channels.remove(&workshop);
        }
    }
}

/// The recounts of rooms after votes. Thirty phones voting within a second each asked for the
/// room to be counted again and announced: thirty reads, thirty events, in no particular order
/// (an older count could reach the wall after a newer one). Here a room is counted by one vote's
/// request at a time, and one count covers every vote committed before it started: the votes
/// that come in meanwhile wait for the count in progress, then the first of them counts once for
/// all of them.
#[derive(Debug, Default)]
pub struct Recounts {
    rooms: Mutex<HashMap<i64, Arc<Recount>>>,
}

/// One room's recounts.
#[derive(Debug, Default)]
struct Recount {
    /// A vote was committed that no count started since has seen.
    owed: AtomicBool,
    /// Held while counting, so counts of a room follow each other.
    turn: Arc<tokio::sync::Mutex<()>>,
}

/// The right to count a room again; the next count waits until it is dropped.
#[derive(Debug)]
pub struct Turn<'a> {
    recounts: &'a Recounts,
    workshop: i64,
    room: Arc<Recount>,
    guard: Option<OwnedMutexGuard<()>>,
}

impl Recounts {
    /// Called once a vote on `workshop` is committed: the turn to count its room again, or `None`
    /// when a count that started after this vote's commit covers it already.
    pub async fn after_vote(&self, workshop: i64) -> Option<Turn<'_>> {
        let room = self.rooms.lock().unwrap_or_else(|e| e.into_inner()).entry(workshop).or_default().clone();
        room.owed.store(true, Ordering::Release);
        let guard = room.turn.clone().lock_owned().await;
        // Whoever clears the mark counts after it, so after every vote that set it.
        room.owed.swap(false, Ordering::AcqRel).then(|| Turn { recounts: self, workshop, room, guard: Some(guard) })
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        drop(self.guard.take());
        // Forget a room nobody else is waiting on, so rooms closed long ago are not kept.
        let mut rooms = self.recounts.rooms.lock().unwrap_or_else(|e| e.into_inner());
        if Arc::strong_count(&self.room) == 2 && !self.room.owed.load(Ordering::Acquire) {
            rooms.remove(&self.workshop);
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
        hub.announce(1, Change::moved(7));
        assert_eq!(a.recv().await.unwrap(), Change::moved(7));
        assert!(b.try_recv().is_err());
        hub.announce(3, Change::moved(1));
    }

    /// Five votes come in while a count is in progress: one count follows for all five.
    #[tokio::test(flavor = "current_thread")]
    async fn votes_during_a_count_are_counted_once_after_it() {
        let recounts = Arc::new(Recounts::default());
        let first = recounts.after_vote(1).await.expect("the first vote counts");
        let mut waiting = tokio::task::JoinSet::new();
        for _ in 0..5 {
            let recounts = recounts.clone();
            waiting.spawn(async move { recounts.after_vote(1).await.is_some() });
        }
        // On this one thread, each waiting vote runs up to the count in progress.
        for _ in 0..5 {
            tokio::task::yield_now().await;
        }
        assert!(recounts.after_vote(2).await.is_some(), "another room counts at once");
        drop(first);
        let counted: Vec<bool> = waiting.join_all().await;
        assert_eq!(counted.iter().filter(|c| **c).count(), 1, "{counted:?}");
        assert!(recounts.after_vote(1).await.is_some(), "a later vote counts again");
        assert!(recounts.rooms.lock().unwrap().is_empty(), "rooms nobody waits on are forgotten");
    }

    #[test]
    fn an_instance_skips_its_own_notifications_only() {
        let (here, there) = (WorkshopHub::default(), WorkshopHub::default());
        let change = Change::moved(9);
        let sent = here.outgoing(3, &change);
        assert_eq!(here.incoming(&sent), None, "heard at once here, not twice");
        assert_eq!(there.incoming(&sent), Some((3, change)));
        assert_eq!(there.incoming("3:9"), None, "untagged");
        assert_eq!(there.incoming("zz/3:9"), None);
    }

    #[test]
    fn changes_travel_between_instances_as_they_were() {
        use cap_domain::consolidation::Tally;
        let moved = Change::moved(12);
        assert_eq!(Change::from_payload(&moved.payload(4)), Some((4, moved)));
        let count = RoomCount {
            expected: 5,
            voted: 2,
            revealed: false,
            all: Tally { levels: vec![(1, 1), (2, 1)], not_applicable: 0, unknown: 0, missing: 3 },
            groups: Vec::new(),
        };
        let vote = Change { version: 12, count: Some(Arc::new(count)) };
        assert_eq!(Change::from_payload(&vote.payload(4)), Some((4, vote)));
        assert_eq!(Change::from_payload("4:x"), None);
        assert_eq!(Change::from_payload("4:12:{broken"), None);
    }
}
