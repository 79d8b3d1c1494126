//! Scheduled jobs run inside the server: reminders to the person responsible for an action a week
//! before its due date, a monthly digest of each followed plan to the organisation's
//! coordinators, a reminder of tomorrow's meetings to the people invited, and the rebuilding of the scores the network's figures read. Several instances may run: a lease in the database lets one of them work at a
//! time (one lease per job), and each reminder is recorded before it leaves, so none is sent twice.

use crate::app::App;
use crate::error::Result;
use crate::i18n::{Locale, Tr, paris_today};
use crate::plans::followed;
use cap_domain::plan::completion;
use cap_domain::{OrganisationId, Role};
use cap_storage::{jobs, memberships, now, plans};
use jiff::ToSpan;
use jiff::civil::Date;
use std::time::Duration;

/// How many days before its due date an action's reminder leaves.
pub const DUE_SOON_DAYS: i64 = 7;
/// How long one run may hold the lease.
const LEASE_SECONDS: i64 = 300;

/// What one run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunReport {
    /// Whether this instance held the lease (false: another instance is working).
    pub ran: bool,
    /// Due-date reminders sent.
    pub reminders: usize,
    /// Digests sent.
    pub digests: usize,
    /// Reminders of tomorrow's meetings sent.
    pub meetings: usize,
}

/// Runs the reminders once, as `holder` (this instance), for `today`.
pub async fn run_reminders(state: &App, holder: &str, today: Date) -> Result<RunReport> {
    let at = now();
    if !jobs::try_lease(&state.db, "reminders", holder, at, at + LEASE_SECONDS).await? {
        return Ok(RunReport::default());
    }
    let mut report = RunReport { ran: true, ..RunReport::default() };
    let base = state.config.public_url.trim_end_matches('/').to_owned();
    let until = today.saturating_add(DUE_SOON_DAYS.days());
    for due in plans::due_between(&state.db, &today.to_string(), &until.to_string()).await? {
        // The period is the due date: moving the date later earns a new reminder.
        if !jobs::mark_sent(&state.db, "due", due.action_id, &due.due_on, at).await? {
            continue;
        }
        let (date, date_en) = (Tr::new(Locale::Fr).date(&due.due_on), Tr::new(Locale::En).date(&due.due_on));
        let link = format!("{base}/campaigns/{}/plan/actions/{}", due.campaign_id, due.action_id);
        let body = format!(
            "Bonjour {name},\n\nL'action « {title} » du plan de progrès de {org} arrive à échéance le {date}.\n\
             Mettez à jour son avancement ici :\n{link}\n\n---\n\n\
             Hello {name},\n\nThe action “{title}” of {org}'s progress plan is due on {date_en}.\n\
             Update its progress here:\n{link}\n",
            name = due.display_name,
            title = due.title,
            org = due.organisation,
        );
        match state.mailer.send(&due.email, "Rappel : une action arrive à échéance / Action due soon", body).await {
            Ok(()) => report.reminders += 1,
            Err(err) => {
                tracing::warn!(error = %err, action = due.action_id, "reminder not sent; will retry");
                jobs::unmark_sent(&state.db, "due", due.action_id, &due.due_on).await?;
            }
        }
    }
    let month = format!("{:04}-{:02}", today.year(), today.month());
    for plan in plans::followed_plans(&state.db).await? {
        let link = format!("{base}/campaigns/{}/plan", plan.campaign_id);
        let members = memberships::members_of(&state.db, OrganisationId(plan.organisation_id)).await?;
        let mut summary: Option<(i64, Vec<String>, Vec<String>)> = None;
        for m in members.iter().filter(|m| m.stored.membership.role == Role::Coordinator) {
            let period = format!("{month}:{}", m.stored.user_id.0);
            if !jobs::mark_sent(&state.db, "digest", plan.plan_id, &period, at).await? {
                continue;
            }
            // The plan's state is read only once a digest is due (most runs send none).
            if summary.is_none() {
                summary = Some(digest_summary(state, plan.plan_id, today).await?);
            }
            let Some((done, late, soon)) = &summary else { continue };
            let none = "- aucune / none".to_owned();
            let body = format!(
                "Bonjour {name},\n\nOù en est le plan de progrès « {title} » de {org} : {done} % réalisé.\n\n\
                 Actions en retard / Late actions :\n{late}\n\nÀ échéance sous 30 jours / Due within 30 days :\n{soon}\n\n\
                 Le plan / The plan : {link}\n\n---\n\nHello {name},\n\n{org}'s progress plan “{title}” is {done} % complete.\n",
                name = m.display_name,
                title = plan.title,
                org = plan.organisation,
                late = if late.is_empty() { none.clone() } else { late.join("\n") },
                soon = if soon.is_empty() { none.clone() } else { soon.join("\n") },
            );
            match state
                .mailer
                .send(&m.email, "Votre plan de progrès ce mois-ci / Your progress plan this month", body)
                .await
            {
                Ok(()) => report.digests += 1,
                Err(err) => {
                    tracing::warn!(error = %err, plan = plan.plan_id, "digest not sent; will retry");
                    jobs::unmark_sent(&state.db, "digest", plan.plan_id, &period).await?;
                }
            }
        }
    }
    report.meetings = crate::meetings::remind_tomorrow(state, today).await?;
    jobs::release(&state.db, "reminders", holder).await?;
    Ok(report)
}

/// A followed plan's completion (percent), late actions and actions due within 30 days, as
/// lines of the digest.
async fn digest_summary(state: &App, plan: i64, today: Date) -> Result<(i64, Vec<String>, Vec<String>)> {
    let actions: Vec<_> = plans::actions(&state.db, plan).await?.into_iter().filter(|a| !a.proposed).collect();
    let states: Vec<_> = actions.iter().map(followed).collect();
    let done = completion(&states).map_or(0, |c| (c * 100.0).round() as i64);
    let fr = Tr::new(Locale::Fr);
    let line = |a: &plans::Action| format!("- {} ({})", a.title, fr.date(a.due_on.as_deref().unwrap_or_default()));
    let late = actions.iter().zip(&states).filter(|(_, f)| f.late(today)).map(|(a, _)| line(a)).collect();
    let soon = actions.iter().zip(&states).filter(|(_, f)| f.upcoming(today, 30)).map(|(a, _)| line(a)).collect();
    Ok((done, late, soon))
}

/// Runs the reminders every `every` until the server shuts down.
pub async fn schedule_reminders(state: App, every: Duration) {
    let holder = format!("{}-{}", std::process::id(), rand::random::<u32>());
    // The first run waits one interval, so a starting instance does not race the others.
    let first = tokio::time::Instant::now() + every;
    repeat(&state, tokio::time::interval_at(first, every), || async {
        match run_reminders(&state, &holder, paris_today()).await {
            Ok(r) if r.reminders + r.digests > 0 => {
                tracing::info!(reminders = r.reminders, digests = r.digests, "reminders sent")
            }
            Ok(_) => {}
            Err(err) => tracing::warn!(error = %err, "reminder run failed"),
        }
    })
    .await;
}

/// Runs `work` at each tick until the instance shuts down.
async fn repeat<F: Future<Output = ()>>(state: &App, mut tick: tokio::time::Interval, mut work: impl FnMut() -> F) {
    let closing = state.closing();
    tokio::pin!(closing);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            () = &mut closing => return,
        }
        work().await;
    }
}

/// Rebuilds the stored scores of every campaign whose shared answers, targets or organisation
/// changed since they were last built, so the network's figures follow. Running it twice, or on
/// two instances at once, gives the same rows. Returns how many campaigns were rebuilt.
pub async fn refresh_network(state: &App) -> Result<usize> {
    use cap_domain::OrganisationType;
    use cap_domain::campaign::{AnswerValue, campaign_indicators};
    use cap_domain::scoring::{IndicatorScore, Targets, compute};
    use cap_storage::network::{self, NodeRow};
    let mut rebuilt = 0;
    for c in network::candidates(&state.db).await? {
        if c.stored_stamp.as_deref() == Some(c.stamp.as_str()) {
            continue;
        }
        let campaign = cap_storage::campaigns::get(&state.db, c.campaign_id).await?;
        let cached = state.referentials.get(&state.db, campaign.referential_version_id).await?;
        let r = &cached.referential;
        let org_type = OrganisationType::from_code(&c.org_type).unwrap_or(OrganisationType::Other);
        let indicators = campaign_indicators(r, &campaign.scope, org_type);
        let answers = crate::results::shared_answers(&state.db, c.campaign_id).await?;
        let targets = Targets(plans::targets(&state.db, c.campaign_id).await?);
        let scores = compute(r, &indicators, &answers, &targets);
        let mut nodes: Vec<NodeRow> = indicators
            .iter()
            .map(|node| NodeRow {
                code: node.code.clone(),
                is_indicator: true,
                score: match scores.indicators.get(&node.code) {
                    Some(IndicatorScore::Share(s)) => Some(*s),
                    _ => None,
                },
                target: None,
                level: match answers.get(&node.code) {
                    Some(AnswerValue::Level(level)) => Some(*level),
                    _ => None,
                },
                target_level: targets.level_of(r, node),
            })
            .collect();
        nodes.extend(scores.nodes.iter().map(|(code, s)| NodeRow {
            code: code.clone(),
            is_indicator: false,
            score: Some(s.score),
            target: s.target,
            level: None,
            target_level: None,
        }));
        network::replace_scores(&state.db, &c, scores.overall.map(|s| s.score), &nodes).await?;
        rebuilt += 1;
    }
    if rebuilt > 0 {
        network::rebuild_cube(&state.db).await?;
    }
    Ok(rebuilt)
}

/// Keeps the network's figures current: at start, then every `every`, until the server closes.
/// Instances take turns through a lease: two rebuilding the same campaign at once would both
/// insert its row, and the second would fail on PostgreSQL.
pub async fn schedule_network_refresh(state: App, every: Duration) {
    let holder = format!("{}-{}", std::process::id(), rand::random::<u32>());
    repeat(&state, tokio::time::interval(every), || async {
        let at = now();
        match jobs::try_lease(&state.db, "network", &holder, at, at + LEASE_SECONDS).await {
            Ok(true) => {}
            Ok(false) => return,
            Err(err) => return tracing::warn!(error = %err, "network refresh failed"),
        }
        match refresh_network(&state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(campaigns = n, "network scores rebuilt"),
            Err(err) => tracing::warn!(error = %err, "network refresh failed"),
        }
        if let Err(err) = jobs::release(&state.db, "network", &holder).await {
            tracing::warn!(error = %err, "network refresh lease not released");
        }
    })
    .await;
}
