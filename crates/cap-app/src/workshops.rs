//! Workshops: who is in the room, how the votes on the indicator shown are counted, and telling
//! the projector and the phones that the room changed.

use crate::app::App;
use crate::campaigns::Loaded;
use crate::error::Result;
use crate::i18n::Tr;
use crate::live::Change;
use cap_domain::College;
use cap_domain::campaign::AnswerValue;
use cap_domain::consolidation::{Group, Individual, Tally, by_college};
use cap_domain::workshop::{Headcount, Presence, RoomCount, headcount};
use cap_storage::workshops::{self, Voter, Workshop};

/// Announces a change of workshop `id` to its projector and phones: directly to the pages
/// connected to this instance and, on PostgreSQL, through NOTIFY to those of the other instances.
pub async fn announce(app: &App, id: i64) -> Result<()> {
    let w = workshops::get(&app.db, id).await?;
    tell(app, id, Change::moved(w.version)).await
}

async fn tell(app: &App, id: i64, change: Change) -> Result<()> {
    // This instance's pages hear it at once, without waiting for PostgreSQL to bring it back
    // (a round trip through a busy server: 33–40 ms at p99 in the workshops' benchmark).
    let outgoing = (app.db.backend() == cap_storage::Backend::Postgres).then(|| app.workshops.outgoing(id, &change));
    app.workshops.announce(id, change);
    if let Some(notification) = outgoing {
        workshops::notify(&app.db, &notification).await?;
    }
    Ok(())
}

/// Where a participant stands in the room.
pub fn presence(v: &Voter) -> Presence {
    Presence::of(v.admitted, v.absent, v.removed)
}

/// What the room sees of the current indicator's votes: every count comes from one set of
/// participants, so the heading, « N sur M » and the distribution always agree.
pub struct Votes {
    /// Who is in the room and who voted.
    pub count: Headcount,
    /// Everyone's votes.
    pub all: Tally,
    /// By collège (small ones merged or hidden), when asked.
    pub groups: Vec<(String, Tally)>,
    /// Each vote counted: (participant, collège, vote).
    pub cast: Vec<(i64, College, AnswerValue)>,
    /// Every phone that joined, in order of arrival (the console lists them).
    pub voters: Vec<Voter>,
    /// What the wall shows of it.
    pub room: RoomCount,
}

/// How a collège group is named on the console and the wall.
pub fn group_name(t: Tr, group: &Group) -> String {
    match group {
        Group::College(c) => t.t(College::label_key(*c)).to_owned(),
        Group::Others => t.t("consolidation.other_colleges").to_owned(),
    }
}

/// Reads the room and the votes on the indicator `w` shows: (phones, votes, the count).
async fn read_room(
    app: &App,
    w: &Workshop,
    scale: &[i64],
) -> Result<(Vec<Voter>, Vec<(i64, College, AnswerValue)>, Headcount, RoomCount)> {
    let (voters, cast) = workshops::room(&app.db, w.id, w.current()).await?;
    let count = headcount(voters.iter().map(|v| (presence(v), cast.iter().any(|(id, _, _)| *id == v.id))));
    let values: Vec<Option<AnswerValue>> = cast.iter().map(|(_, _, v)| Some(v.clone())).collect();
    let all = Tally::of(scale, values.iter());
    let groups = if w.by_college {
        let individuals: Vec<Individual> =
            cast.iter().map(|(_, c, v)| Individual { college: *c, value: Some(v.clone()) }).collect();
        by_college(scale, &individuals, true)
    } else {
        Vec::new()
    };
    let room = RoomCount { expected: count.expected, voted: count.voted, revealed: w.revealed, all, groups };
    Ok((voters, cast, count, room))
}

/// Counts the room and the votes on the indicator `w` shows.
pub async fn votes(app: &App, w: &Workshop, loaded: &Loaded, t: Tr) -> Result<Votes> {
    let scale: Vec<i64> = loaded.referential.referential.scale.levels.iter().map(|l| l.value).collect();
    let (voters, cast, count, room) = read_room(app, w, &scale).await?;
    let groups = room.groups.iter().map(|(g, tally)| (group_name(t, g), tally.clone())).collect();
    Ok(Votes { count, all: room.all.clone(), groups, cast, voters, room })
}

/// Records a phone's vote on the indicator shown (on the campaign's `scale`) and tells the room
/// with its new count, so the wall redraws it from the event alone. A participant marked absent
/// who votes is back in the room.
pub async fn vote(
    app: &App,
    w: &Workshop,
    voter: &Voter,
    code: &str,
    value: &AnswerValue,
    scale: &[i64],
) -> Result<()> {
    let ballot = workshops::Ballot { workshop: w.id, voter: voter.id, code: code.to_owned(), value: value.clone() };
    app.ballots.write(&app.db, ballot).await??;
    if voter.absent {
        workshops::set_absent(&app.db, w.id, voter.id, false).await?;
    }
    // Counted once for the votes committed meanwhile; counts of a room follow each other, so the
    // wall never gets an older count after a newer one.
    let Some(_turn) = app.recounts.after_vote(w.id).await else { return Ok(()) };
    let (_, _, _, room) = read_room(app, w, scale).await?;
    tell(app, w.id, Change { version: w.version, count: Some(std::sync::Arc::new(room)) }).await
}

/// What the facilitator does to a participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Lets a waiting phone vote.
    Admit,
    /// Gone for a while: no longer awaited, their votes kept.
    Absent,
    /// Back in the room.
    Present,
    /// Taken out: their votes stop counting.
    Remove,
}

impl Mark {
    /// The audit log's name for it.
    pub fn action(self) -> &'static str {
        match self {
            Self::Admit => "workshops.admit_voter",
            Self::Absent => "workshops.mark_absent",
            Self::Present => "workshops.mark_present",
            Self::Remove => "workshops.remove_voter",
        }
    }
}

/// Applies the facilitator's mark to participant `voter` of workshop `id` and tells the room, so
/// every count follows at once.
pub async fn mark(app: &App, by: &crate::audit::Author, id: i64, voter: i64, mark: Mark) -> Result<()> {
    let db = app.db.audited(by.entry(mark.action(), "workshop", id, voter.to_string()));
    match mark {
        Mark::Admit => workshops::admit_voter(db, id, voter).await?,
        Mark::Absent => workshops::set_absent(db, id, voter, true).await?,
        Mark::Present => workshops::set_absent(db, id, voter, false).await?,
        Mark::Remove => workshops::remove_voter(db, id, voter).await?,
    }
    announce(app, id).await
}

/// Wrong seat codes a participant's name may be given in [`SEAT_WINDOW_SECS`] before coming back
/// needs the facilitator (who reads the seat on the console): a guesser cannot walk the
/// alphabet's ten thousand seats to take someone's place.
pub const SEAT_TRIES: i64 = 5;
/// The window over which wrong seat codes are counted.
pub const SEAT_WINDOW_SECS: i64 = 600;

/// How coming back to a seat went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejoin {
    /// The phone holds the participant again, with their votes.
    Back,
    /// No participant of that name and collège has this seat.
    WrongSeat,
    /// Too many wrong seats for that name lately: ask the facilitator.
    TooManyTries,
}

/// Gives the participant of `first_name` and `college` sitting at `seat` back to the phone whose
/// new token hashes to `token_hash`, counting wrong seats per name so they cannot be guessed.
pub async fn rejoin(
    app: &App,
    w: &Workshop,
    namesakes: &[&Voter],
    first_name: &str,
    college: College,
    seat: &str,
    token_hash: &str,
) -> Result<Rejoin> {
    let bucket = format!("seat:{}:{}:{}", w.id, college.code(), first_name.trim().to_lowercase());
    let tries = cap_storage::throttle::attempt(&app.db, &bucket, cap_storage::now(), SEAT_WINDOW_SECS).await?;
    if tries > SEAT_TRIES {
        return Ok(Rejoin::TooManyTries);
    }
    let Some(voter) = namesakes.iter().find(|v| v.seat == seat) else { return Ok(Rejoin::WrongSeat) };
    workshops::reclaim(&app.db, w.id, voter.id, token_hash).await?;
    cap_storage::throttle::clear(&app.db, &bucket).await?;
    announce(app, w.id).await?;
    Ok(Rejoin::Back)
}
