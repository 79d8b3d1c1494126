//! Votes written together: a workshop's phones vote in bursts (thirty rooms of thirty phones
//! answer the same question within seconds), and each vote written alone costs a commit, which on
//! SQLite holds the one write lock through an `fsync`. The ballot box writes whatever votes wait
//! in one statement (group commit): a phone's vote is acknowledged only once that statement
//! committed, so an acknowledged vote survives a crash as before, and a burst costs a few commits
//! instead of one per phone.

use crate::error::{Error, Result};
use cap_storage::Db;
use cap_storage::workshops::{Ballot, record_ballots};
use std::sync::OnceLock;
use tokio::sync::{mpsc, oneshot};

/// The most votes written in one statement.
const MOST_PER_COMMIT: usize = 512;

/// A vote waiting to be written, and who waits for its outcome.
struct Cast {
    ballot: Ballot,
    done: oneshot::Sender<cap_storage::error::Result<()>>,
}

/// The queue of votes to write, and the task that writes them (started with the first vote, on
/// the runtime that serves it).
#[derive(Default)]
pub struct BallotBox {
    queue: OnceLock<mpsc::UnboundedSender<Cast>>,
}

impl BallotBox {
    /// Records `ballot` with the votes cast meanwhile, and returns once it is committed.
    pub async fn record(&self, db: &Db, ballot: Ballot) -> Result<()> {
        let queue = self.queue.get_or_init(|| {
            let (queue, waiting) = mpsc::unbounded_channel();
            tokio::spawn(write_ballots(db.clone(), waiting));
            queue
        });
        let (done, outcome) = oneshot::channel();
        let stopped = || Error::Internal("the ballot box stopped".into());
        queue.send(Cast { ballot, done }).map_err(|_| stopped())?;
        Ok(outcome.await.map_err(|_| stopped())??)
    }
}

/// Writes the votes as they come: the first one waiting and every other already queued behind it
/// go in one statement; while it commits, the next ones queue up for the next.
async fn write_ballots(db: Db, mut waiting: mpsc::UnboundedReceiver<Cast>) {
    let mut batch = Vec::new();
    while waiting.recv_many(&mut batch, MOST_PER_COMMIT).await > 0 {
        let ballots: Vec<Ballot> = batch.iter().map(|c| c.ballot.clone()).collect();
        match record_ballots(&db, &ballots).await {
            Ok(()) => {
                for cast in batch.drain(..) {
                    let _ = cast.done.send(Ok(()));
                }
            }
            // One vote that cannot be written must not take the others down with it: each is
            // written alone and gets its own outcome.
            Err(_) => {
                for cast in batch.drain(..) {
                    let outcome = record_ballots(&db, std::slice::from_ref(&cast.ballot)).await;
                    let _ = cast.done.send(outcome);
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
    use cap_storage::{Backend, workshops};

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
        let ballots = std::sync::Arc::new(BallotBox::default());
        let mut burst = tokio::task::JoinSet::new();
        for (n, voter) in voters.iter().enumerate() {
            let (ballots, db, ballot) = (ballots.clone(), db.clone(), ballot(id, *voter, 1 + (n as i64) % 4));
            burst.spawn(async move { ballots.record(&db, ballot).await.is_ok() });
        }
        let (nobody_box, nobody_db) = (ballots.clone(), db.clone());
        burst.spawn(async move { nobody_box.record(&nobody_db, ballot(id, i64::MAX, 2)).await.is_err() });
        assert!(burst.join_all().await.into_iter().all(|ok| ok), "every good vote written, the bad one refused");
        let votes = workshops::votes(&db, id, "P1.1.1.1").await.unwrap();
        assert_eq!(votes.len(), 40);
        for (n, voter) in voters.iter().enumerate() {
            let level = 1 + (n as i64) % 4;
            assert!(votes.contains(&(*voter, College::Volunteer, AnswerValue::Level(level))));
        }
        // Voting again replaces the vote.
        ballots.record(&db, ballot(id, voters[0], 4)).await.unwrap();
        let again = workshops::votes(&db, id, "P1.1.1.1").await.unwrap();
        assert_eq!((again.len(), &again.iter().find(|v| v.0 == voters[0]).unwrap().2), (40, &AnswerValue::Level(4)));
        test.cleanup().await;
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
