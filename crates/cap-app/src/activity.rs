//! A campaign's activity figures for the State's « dialogue de gestion »: read with the previous
//! campaign's for the year-on-year change, saved (audited, a change made meanwhile refused), put
//! in words for the pages and the reports, and summed over the network.

use crate::app::App;
use crate::audit::Author;
use crate::campaigns::Loaded;
use crate::error::Result;
use crate::i18n::Tr;
use crate::results::comparable;
use cap_domain::activity::{ActivityFigures, FIELDS, Rates};
use cap_reports::charts::percent;
use cap_storage::activity::{self, StoredFigures};

/// The figures of a campaign and of the one before it.
pub struct Activity {
    /// This campaign's, with their version; none until typed.
    pub current: Option<StoredFigures>,
    /// The previous campaign's title and figures, when it has some.
    pub previous: Option<(String, ActivityFigures)>,
}

/// One line of the figures in words: label, value, the previous campaign's value, the unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The figure's name.
    pub label: String,
    /// This campaign's value (« 1 250 », « 35 % »), or « — ».
    pub value: String,
    /// The previous campaign's, or « — ».
    pub previous: String,
    /// The unit (« personnes », « heures »), empty for a rate.
    pub unit: String,
}

/// The campaign's figures and its previous campaign's (the latest consolidated before it
/// started, as the photographie compares).
pub async fn of(app: &App, loaded: &Loaded) -> Result<Activity> {
    let current = activity::of_campaign(&app.db, loaded.campaign.id).await?;
    let mut previous = None;
    for earlier in comparable(app, loaded).await? {
        if let Some(found) = activity::of_campaign(&app.db, earlier.id).await? {
            previous = Some((earlier.title, found.figures));
            break;
        }
    }
    Ok(Activity { current, previous })
}

/// Saves the figures if nobody changed them since `version`; the new version. Refused as
/// [`StorageError::Stale`](cap_storage::StorageError::Stale) when someone saved in between.
pub async fn save(app: &App, by: &Author, loaded: &Loaded, figures: &ActivityFigures, version: i64) -> Result<i64> {
    let id = loaded.campaign.id;
    let details = format!("{} people, {} exits", figures.people, figures.exits);
    let saved = activity::save(
        app.db.audited(by.entry("campaigns.activity", "campaign", id, details)),
        id,
        figures,
        by.user,
        version,
    )
    .await?;
    Ok(saved)
}

fn counts(f: &ActivityFigures) -> [u32; 9] {
    [f.people, f.women, f.hours_worked, f.training_hours, f.exits, f.durable, f.transition, f.positive, f.other]
}

fn rates(r: &Rates) -> [Option<f64>; 5] {
    [r.women, r.durable, r.transition, r.positive, r.dynamic]
}

/// The message keys of the rates, in the order of [`rates`].
const RATE_KEYS: [&str; 5] = [
    "activity.rate_women",
    "activity.rate_durable",
    "activity.rate_transition",
    "activity.rate_positive",
    "activity.rate_dynamic",
];

/// The units of the counts, by message key, in the order of [`FIELDS`].
const UNIT_KEYS: [&str; 9] = [
    "activity.unit_people",
    "activity.unit_people",
    "activity.unit_hours",
    "activity.unit_hours",
    "activity.unit_exits",
    "activity.unit_exits",
    "activity.unit_exits",
    "activity.unit_exits",
    "activity.unit_exits",
];

/// A count as French readers group it: `31250` → « 31 250 » (a narrow no-break space).
fn grouped(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

/// The counts, then the rates computed from them, in words, with the previous campaign's.
pub fn lines(t: Tr, current: &ActivityFigures, previous: Option<&ActivityFigures>) -> Vec<Line> {
    let dash = || "—".to_owned();
    let mut out: Vec<Line> = FIELDS
        .iter()
        .zip(counts(current))
        .zip(UNIT_KEYS)
        .enumerate()
        .map(|(i, (((_, key), value), unit))| Line {
            label: t.t(key).to_owned(),
            value: grouped(value),
            previous: previous.map_or_else(dash, |p| grouped(counts(p)[i])),
            unit: t.t(unit).to_owned(),
        })
        .collect();
    let before = previous.map(ActivityFigures::rates);
    out.extend(RATE_KEYS.iter().zip(rates(&current.rates())).enumerate().map(|(i, (key, rate))| Line {
        label: t.t(key).to_owned(),
        value: rate.map_or_else(dash, percent),
        previous: before.as_ref().and_then(|b| rates(b)[i]).map_or_else(dash, percent),
        unit: String::new(),
    }));
    out
}

/// The network's totals in the view `f` over each organisation's latest figures, rates
/// recomputed from the sums, with how many organisations they sum; none below the network's
/// anonymity threshold.
pub async fn network_totals(app: &App, f: &cap_storage::network::Filter) -> Result<Option<(ActivityFigures, usize)>> {
    let all = activity::in_network(&app.db, f).await?;
    Ok(cap_domain::activity::network_totals(&all, cap_domain::network::MIN_ORGANISATIONS).map(|t| (t, all.len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1\u{202f}000");
        assert_eq!(grouped(31_250), "31\u{202f}250");
        assert_eq!(grouped(4_294_967_295), "4\u{202f}294\u{202f}967\u{202f}295");
    }
}
