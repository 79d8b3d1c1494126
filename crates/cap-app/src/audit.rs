//! The audit log of writes: who did what, to what, when and from where. Every use case that
//! writes appends its entry with a stable action code (`campaigns.create`, `plans.import`…).

use crate::app::App;
use crate::error::Result;
use cap_domain::UserId;
use cap_storage::audit;

/// Who made a write and from where, as the audit log records it.
#[derive(Debug, Clone, Default)]
pub struct Author {
    /// The account, when someone is signed in.
    pub user: Option<UserId>,
    /// Their name, as others see it (an inviter's name in an invitation).
    pub name: String,
    /// How the log names them: their e-mail, or « anonyme ».
    pub label: String,
    /// The client's address.
    pub ip: String,
}

impl Author {
    /// The instance acting on its own or through its command line, named so in the log.
    pub fn system(how: &str) -> Self {
        Self { label: format!("système ({how})"), ..Self::default() }
    }

    /// The audit entry of a write by this author, to hand to the storage write with
    /// `Db::audited` so that both land in one transaction. A write that creates a row may leave
    /// `entity_id` empty: the new row's identifier fills it.
    pub fn entry(
        &self,
        action: &str,
        entity: &str,
        entity_id: impl std::fmt::Display,
        details: impl Into<String>,
    ) -> audit::Pending {
        audit::Pending {
            actor: self.user,
            actor_label: self.label.clone(),
            action: action.to_owned(),
            entity: entity.to_owned(),
            entity_id: entity_id.to_string(),
            details: details.into(),
            ip: self.ip.clone(),
        }
    }
}

/// Appends an audit entry on its own, for what is not a database write (an export, a refused
/// sign-in, a reminder sent).
pub async fn record(
    app: &App,
    by: &Author,
    action: &str,
    entity: &str,
    entity_id: &(dyn std::fmt::Display + Sync),
    details: &str,
) -> Result<()> {
    audit::append(
        &app.db,
        audit::NewEntry {
            actor: by.user,
            actor_label: &by.label,
            action,
            entity,
            entity_id: &entity_id.to_string(),
            details,
            ip: &by.ip,
        },
    )
    .await?;
    Ok(())
}

/// What the administrator asks of the log, as typed: parts of names, a kind, Paris days.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// Part of an organisation's name.
    pub organisation: String,
    /// Part of the actor's e-mail or label.
    pub person: String,
    /// A kind of action (`campaigns`, `answers`…), or empty for every kind.
    pub kind: String,
    /// The first day (YYYY-MM-DD), or empty.
    pub from: String,
    /// The last day, included (YYYY-MM-DD), or empty.
    pub until: String,
}

impl Search {
    /// The storage filter; a day that is not a date is ignored, and the last day is included.
    pub fn filter(&self) -> audit::Filter {
        let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let day = |s: &str| s.trim().parse::<jiff::civil::Date>().ok();
        audit::Filter {
            organisation: text(&self.organisation),
            person: text(&self.person),
            kind: text(&self.kind),
            from: day(&self.from).and_then(crate::i18n::paris_day_start),
            until: day(&self.until).and_then(|d| d.tomorrow().ok()).and_then(crate::i18n::paris_day_start),
        }
    }
}

/// One page of the log, newest first, matching `search`: the entries, and where the next page
/// starts when there are more.
pub async fn page(
    app: &App,
    search: &Search,
    before: Option<i64>,
    size: i64,
) -> Result<(Vec<audit::Entry>, Option<i64>)> {
    let entries = audit::search(&app.db, &search.filter(), before, size).await?;
    let next = if entries.len() as i64 == size { entries.last().map(|e| e.id) } else { None };
    Ok((entries, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_keeps_what_was_typed_and_counts_whole_paris_days() {
        let search = Search {
            organisation: " Lac ".into(),
            person: String::new(),
            kind: "answers".into(),
            from: "2026-12-01".into(),
            until: "2026-12-01".into(),
        };
        let f = search.filter();
        assert_eq!((f.organisation.as_deref(), f.person, f.kind.as_deref()), (Some("Lac"), None, Some("answers")));
        // Paris is one hour ahead of UTC in December: the day runs from 23:00 UTC the day before.
        assert_eq!(f.from, Some(1_796_079_600));
        assert_eq!(f.until, Some(1_796_079_600 + 86_400), "the last day is included");
        let loose = Search { from: "hier".into(), ..Search::default() }.filter();
        assert_eq!(loose, audit::Filter::default(), "what is not a date is ignored");
    }
}
