//! Writes gathered into one commit (group commit). Phones in a workshop vote in bursts (thirty
//! rooms of thirty phones answer the same question within seconds), and participants' pages save
//! each answer as soon as it changes. Each write committed alone costs a commit, which on SQLite
//! holds the one write lock through an `fsync`, and concurrent writers queue for that lock. A
//! [`GroupCommit`] has one task write whatever waits in one transaction: a write is acknowledged
//! only once that transaction committed, so an acknowledged write survives a crash as before, and
//! a burst costs a few commits instead of one per write.

use crate::error::{Error, Result};
use cap_storage::Db;
use cap_storage::campaigns::{AnswerSave, Written, save_answers};
use cap_storage::error::Result as StorageResult;
use cap_storage::workshops::{Ballot, record_ballots};
use std::future::Future;
use std::sync::OnceLock;
use tokio::sync::{mpsc, oneshot};

/// The most writes in one commit.
const MOST_PER_COMMIT: usize = 512;

/// A kind of write that can be committed with others of its kind.
pub trait Batch: Sized + Send + Sync + 'static {
    /// What one write gives back.
    type Written: Send + 'static;
    /// Writes `items` in one transaction: each item's own outcome, in order, or an error that
    /// failed the whole transaction (then nothing of it was written).
    fn write_all(
        db: &Db,
        items: &[Self],
    ) -> impl Future<Output = StorageResult<Vec<StorageResult<Self::Written>>>> + Send;
}

/// Workshop votes: a vote replaces the phone's earlier vote, so each is written.
impl Batch for Ballot {
    type Written = ();
    async fn write_all(db: &Db, items: &[Self]) -> StorageResult<Vec<StorageResult<()>>> {
        record_ballots(db, items).await?;
        Ok(items.iter().map(|_| Ok(())).collect())
    }
}

/// Participants' answers: each checked against the version its page saw.
impl Batch for AnswerSave {
    type Written = Written;
    async fn write_all(db: &Db, items: &[Self]) -> StorageResult<Vec<StorageResult<Written>>> {
        save_answers(db, items).await
    }
}

/// A write waiting for its commit, and who waits for its outcome.
struct Pending<T: Batch> {
    item: T,
    done: oneshot::Sender<StorageResult<T::Written>>,
}

/// The queue of writes of one kind, and the task that commits them (started with the first write,
/// on the runtime that serves it).
pub struct GroupCommit<T: Batch> {
    queue: OnceLock<mpsc::UnboundedSender<Pending<T>>>,
}

impl<T: Batch> Default for GroupCommit<T> {
    fn default() -> Self {
        Self { queue: OnceLock::new() }
    }
}

impl<T: Batch> GroupCommit<T> {
    /// Writes `item` with the writes queued meanwhile, and returns its own outcome once the
    /// transaction committed.
    pub async fn write(&self, db: &Db, item: T) -> Result<StorageResult<T::Written>> {
        let queue = self.queue.get_or_init(|| {
            let (queue, waiting) = mpsc::unbounded_channel();
            tokio::spawn(commit_as_they_come(db.clone(), waiting));
            queue
        });
        let (done, outcome) = oneshot::channel();
        let stopped = || Error::Internal("the group commit stopped".into());
        queue.send(Pending { item, done }).map_err(|_| stopped())?;
        outcome.await.map_err(|_| stopped())
    }
}

/// Commits the writes as they come: the first one waiting and every other already queued behind
/// it go in one transaction; while it commits, the next ones queue up for the next.
async fn commit_as_they_come<T: Batch>(db: Db, mut waiting: mpsc::UnboundedReceiver<Pending<T>>) {
    let mut batch = Vec::new();
    while waiting.recv_many(&mut batch, MOST_PER_COMMIT).await > 0 {
        let (items, dones): (Vec<T>, Vec<_>) = batch.drain(..).map(|p| (p.item, p.done)).unzip();
        match T::write_all(&db, &items).await {
            Ok(outcomes) => {
                for (done, outcome) in dones.into_iter().zip(outcomes) {
                    let _ = done.send(outcome);
                }
            }
            // One write the database refuses must not take the others down with it: each is
            // written alone and gets its own outcome.
            Err(_) => {
                for (item, done) in items.iter().zip(dones) {
                    let outcome = match T::write_all(&db, std::slice::from_ref(item)).await {
                        Ok(mut one) => match one.pop() {
                            Some(outcome) => outcome,
                            // No outcome for it: dropping `done` tells its writer.
                            None => continue,
                        },
                        Err(e) => Err(e),
                    };
                    let _ = done.send(outcome);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cap_domain::College;
    use cap_domain::campaign::AnswerValue;
    use cap_storage::testing::TestDb;
    use cap_storage::{Backend, StorageError, audit, campaigns, users, workshops};

    fn ballot(workshop: i64, voter: i64, level: i64) -> Ballot {
        Ballot { workshop, voter, code: "P1.1.1.1".to_owned(), value: AnswerValue::Level(level) }
    }

    /// Forty phones vote at once, and a vote of nobody in the middle of the burst.
    async fn a_burst_is_written_whole_and_one_bad_vote_fails_alone(backend: Backend) {
        let test = TestDb::new(backend).await;
        let db = test.db.clone();
        let campaign = cap_storage::testing::campaign(&db).await;
        let codes = vec!["P1.1.1.1".to_owned()];
        let id = workshops::create(&db, campaign, "ACDEFH", &codes, workshops::Options::default()).await.unwrap();
        let mut voters = Vec::new();
        for n in 0..40 {
            let (token, seat) = (format!("t{n}"), format!("S{n}"));
            voters.push(workshops::join(&db, id, &token, "Voix", College::Volunteer, &seat).await.unwrap());
        }
        let ballots = std::sync::Arc::new(GroupCommit::<Ballot>::default());
        let mut burst = tokio::task::JoinSet::new();
        for (n, voter) in voters.iter().enumerate() {
            let (ballots, db, ballot) = (ballots.clone(), db.clone(), ballot(id, *voter, 1 + (n as i64) % 4));
            burst.spawn(async move { matches!(ballots.write(&db, ballot).await, Ok(Ok(()))) });
        }
        let (nobody_box, nobody_db) = (ballots.clone(), db.clone());
        burst.spawn(async move { matches!(nobody_box.write(&nobody_db, ballot(id, i64::MAX, 2)).await, Ok(Err(_))) });
        assert!(burst.join_all().await.into_iter().all(|ok| ok), "every good vote written, the bad one refused");
        let votes = workshops::votes(&db, id, "P1.1.1.1").await.unwrap();
        assert_eq!(votes.len(), 40);
        for (n, voter) in voters.iter().enumerate() {
            let level = 1 + (n as i64) % 4;
            assert!(votes.contains(&(*voter, College::Volunteer, AnswerValue::Level(level))));
        }
        // Voting again replaces the vote.
        ballots.write(&db, ballot(id, voters[0], 4)).await.unwrap().unwrap();
        let again = workshops::votes(&db, id, "P1.1.1.1").await.unwrap();
        assert_eq!((again.len(), &again.iter().find(|v| v.0 == voters[0]).unwrap().2), (40, &AnswerValue::Level(4)));
        test.cleanup().await;
    }

    /// Thirty participants' pages save at once, and one of them twice from the version both tabs
    /// saw: every save is committed with its audit entry, the second tab's is refused alone.
    async fn saves_are_committed_together_each_checked_alone(backend: Backend) {
        let test = TestDb::new(backend).await;
        let db = test.db.clone();
        let campaign = cap_storage::testing::campaign(&db).await;
        let mut participants = Vec::new();
        for n in 0..30 {
            let email = cap_domain::Email::parse(&format!("p{n}@exemple.fr")).unwrap();
            let user = users::create(&db, &email, "Voix", None).await.unwrap();
            participants.push(campaigns::add_participant(&db, campaign, user, College::Volunteer).await.unwrap());
        }
        let save = move |participant: i64, level: i64| AnswerSave {
            campaign,
            participant,
            code: "P1.1.1.1".to_owned(),
            value: Some(AnswerValue::Level(level)),
            comment: String::new(),
            expected_version: 0,
        };
        let saves = std::sync::Arc::new(GroupCommit::<AnswerSave>::default());
        let mut burst = tokio::task::JoinSet::new();
        let twice = participants[0];
        for (n, participant) in participants.iter().chain([&twice]).enumerate() {
            let (saves, db, save) = (saves.clone(), db.clone(), save(*participant, 1 + (n as i64) % 4));
            burst.spawn(async move { saves.write(&db, save).await.unwrap() });
        }
        let outcomes = burst.join_all().await;
        let written = outcomes.iter().filter(|o| matches!(o, Ok(w) if w.version == 1)).count();
        let refused: Vec<_> = outcomes.iter().filter_map(|o| o.as_ref().err()).collect();
        assert_eq!(written, 30, "{outcomes:?}");
        assert!(matches!(refused[..], [StorageError::Stale(s)] if (s.read, s.current) == (0, 1)), "{refused:?}");
        for participant in &participants {
            let stored = campaigns::answers_of(&db, *participant).await.unwrap();
            assert_eq!(stored["P1.1.1.1"].version, 1);
        }
        // A later save carries on from the version written.
        let again = AnswerSave { expected_version: 1, ..save(participants[1], 4) };
        assert_eq!(saves.write(&db, again).await.unwrap().unwrap().version, 2);
        let logged = audit::search(&db, &audit::Filter::default(), None, 100).await.unwrap();
        assert_eq!(logged.iter().filter(|e| e.action == "answers.save").count(), 31, "each write audited, no refusal");
        test.cleanup().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn saves_together_on_sqlite() {
        saves_are_committed_together_each_checked_alone(Backend::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn saves_together_on_postgres() {
        saves_are_committed_together_each_checked_alone(Backend::Postgres).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_burst_on_sqlite() {
        a_burst_is_written_whole_and_one_bad_vote_fails_alone(Backend::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_burst_on_postgres() {
        a_burst_is_written_whole_and_one_bad_vote_fails_alone(Backend::Postgres).await;
    }
}
