//! The review page as every review action renders it: the reviewers' accesses, the invitation
//! form with the directory's candidates (by region and organisation type, conflicts of interest
//! flagged), and the threads about indicators, the photographie and actions.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::{FormErrors, SelectOption};
use crate::page::Page;
use crate::session::Viewer;
use askama::Template;
use askama_web::WebTemplate;
use cap_app::campaigns::{Loaded, Relation, invite};
use cap_app::i18n::{Tr, paris_today};
use cap_domain::authz::Permission;
use cap_domain::review::{CommentTarget, DEFAULT_ACCESS_DAYS, ReviewerKind, access_open, conflicts};
use cap_domain::{GroupId, OrganisationId, OrganisationType};
use cap_storage::directory::{self, Delegate, Volunteer};
use cap_storage::organisations::Organisation;
use cap_storage::plans;
use cap_storage::reviews::{self, Comment, Grant};

/// The directory filters of the invitation form.
pub use crate::choices::DirectoryFilters as Filters;

/// What the invitation form holds, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct InviteForm {
    /// `pair:USER` or `tiers:USER`.
    pub reviewer: String,
    /// First day.
    pub starts_on: String,
    /// Last day.
    pub ends_on: String,
    /// Whether a non-blocking conflict is acknowledged (the box ticked sends `1`).
    #[serde(deserialize_with = "crate::forms::one_or_zero")]
    pub accept_conflict: bool,
    /// Whether inviting a pair not trained yet is a deliberate exception (audited as such).
    #[serde(deserialize_with = "crate::forms::one_or_zero")]
    pub accept_untrained: bool,
}

impl InviteForm {
    /// The person chosen, as their kind and user id (none when the choice is not one of the form's).
    pub fn reviewer(&self) -> Option<(ReviewerKind, i64)> {
        let (kind, user) = self.reviewer.split_once(':')?;
        Some((ReviewerKind::from_code(kind)?, user.parse().ok()?))
    }
}

/// An access as listed, with its state in words.
pub struct GrantRow {
    /// The access.
    pub grant: Grant,
    /// Message key of its state.
    pub state_key: &'static str,
    /// Whether it can still be ended.
    pub revocable: bool,
}

pub use cap_app::reviewing::already_invited;

/// A thread: its first comment, its replies, what it is about.
pub struct Thread {
    /// The first comment.
    pub first: Comment,
    /// The replies, oldest first.
    pub replies: Vec<Comment>,
    /// What it is about, in words.
    pub about: String,
    /// A link to what it is about.
    pub link: String,
    /// Whether the viewer may mark it resolved or open again (its author and the coordinator).
    pub resolvable: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "reviews/review.html")]
pub(crate) struct ReviewPage {
    pub(crate) page: Page,
    pub(crate) loaded: Loaded,
    pub(crate) can_invite: bool,
    pub(crate) grants: Vec<GrantRow>,
    pub(crate) candidates_pairs: Vec<SelectOption>,
    pub(crate) candidates_tiers: Vec<SelectOption>,
    pub(crate) regions: Vec<SelectOption>,
    pub(crate) org_types: Vec<SelectOption>,
    pub(crate) form: InviteForm,
    pub(crate) errors: FormErrors,
    pub(crate) conflict_keys: Vec<&'static str>,
    /// Whether the pair chosen is not trained yet (the exception box is then shown).
    pub(crate) untrained: bool,
    pub(crate) threads: Vec<Thread>,
    pub(crate) targets: Vec<SelectOption>,
    pub(crate) target: String,
    pub(crate) body: String,
    pub(crate) comment_errors: FormErrors,
}

/// The label of a volunteer in the invitation list, with what the inviter must know.
fn volunteer_label(t: Tr, v: &Volunteer, reviewed: &Organisation) -> String {
    let own = [(OrganisationId(v.organisation_id), v.group_id.map(GroupId))];
    let flags: Vec<&str> = conflicts(&own, reviewed.authz_ref()).into_iter().map(|c| t.t(c.label_key())).collect();
    let kind = OrganisationType::from_code(&v.org_type).map_or("", |k| t.t(k.label_key()));
    let mut label =
        format!("{} — {} ({}, {}) · {}", v.display_name, v.organisation, v.region, kind, t.t(v.stage().label_key()));
    if !flags.is_empty() {
        label.push_str(&format!(" ⚠ {}", flags.join(", ")));
    }
    label
}

fn delegate_label(d: &Delegate) -> String {
    format!("{} — {}", d.display_name, d.region)
}

/// Builds the page; the invitation and comment forms start empty.
pub(crate) async fn render(
    state: &AppState,
    page: Page,
    viewer: &Viewer,
    loaded: Loaded,
    filters: &Filters,
) -> AppResult<ReviewPage> {
    let t = page.t;
    let id = loaded.campaign.id;
    let today = paris_today();
    let can_invite = viewer.can(invite(&loaded.org, Relation::default()));
    let grants = if can_invite { reviews::grants(&state.db, id).await? } else { Vec::new() };
    let grants = grants
        .into_iter()
        .map(|g| {
            let open = access_open(&g.starts_on, &g.ends_on, g.revoked_at.is_some(), today);
            let state_key = match () {
                _ if g.revoked_at.is_some() => "review.state.revoked",
                _ if open => "review.state.open",
                _ if g.starts_on.as_str() > today.to_string().as_str() => "review.state.upcoming",
                _ => "review.state.ended",
            };
            GrantRow { revocable: g.revoked_at.is_none() && state_key != "review.state.ended", state_key, grant: g }
        })
        .collect();
    let (mut candidates_pairs, mut candidates_tiers, mut regions_options, mut org_types) =
        (vec![], vec![], vec![], vec![]);
    if can_invite {
        let mut volunteers = directory::volunteers(&state.db).await?;
        volunteers.retain(|v| filters.keeps(v) && v.organisation_id != loaded.org.id);
        // The organisation's own region and type first: the closest peers.
        volunteers.sort_by_key(|v| (v.region_id != loaded.org.region_id, v.org_type != loaded.org.org_type));
        candidates_pairs = volunteers
            .iter()
            .map(|v| SelectOption::new(format!("pair:{}", v.user_id), volunteer_label(t, v, &loaded.org), ""))
            .collect();
        let mut delegates = directory::delegates(&state.db).await?;
        delegates.sort_by_key(|d| d.region_id != loaded.org.region_id);
        candidates_tiers = delegates
            .iter()
            .map(|d| SelectOption::new(format!("tiers:{}", d.user_id), delegate_label(d), ""))
            .collect();
        (regions_options, org_types) = filters.options(state, t).await?;
    }
    let (threads, targets) = threads_and_targets(state, t, viewer, &loaded).await?;
    let until = today.checked_add(jiff::Span::new().days(i64::from(DEFAULT_ACCESS_DAYS))).unwrap_or(today);
    Ok(ReviewPage {
        page,
        can_invite,
        grants,
        candidates_pairs,
        candidates_tiers,
        regions: regions_options,
        org_types,
        form: InviteForm {
            reviewer: String::new(),
            starts_on: today.to_string(),
            ends_on: until.to_string(),
            accept_conflict: false,
            accept_untrained: false,
        },
        errors: FormErrors::new(),
        conflict_keys: Vec::new(),
        untrained: false,
        threads,
        targets,
        target: String::new(),
        body: String::new(),
        comment_errors: FormErrors::new(),
        loaded,
    })
}

/// The campaign's threads, open ones first, and what a new thread may be about.
async fn threads_and_targets(
    state: &AppState,
    t: Tr,
    viewer: &Viewer,
    loaded: &Loaded,
) -> AppResult<(Vec<Thread>, Vec<SelectOption>)> {
    let id = loaded.campaign.id;
    let r = &loaded.referential.referential;
    let actions = match plans::plan_of(&state.db, id).await? {
        Some(plan) => plans::actions(&state.db, plan.id).await?,
        None => Vec::new(),
    };
    let describe = |code: &str| -> (String, String) {
        match CommentTarget::from_code(code) {
            Some(CommentTarget::Photographie) => {
                (t.t("review.target.photographie").to_owned(), format!("/campaigns/{id}/results"))
            }
            Some(CommentTarget::Indicator(c)) => {
                let label = r.node(&c).map_or_else(|| c.clone(), |n| format!("{c} — {}", n.label()));
                (label, format!("/campaigns/{id}/results#indicator-{c}"))
            }
            Some(CommentTarget::Action(a)) => {
                let title = actions.iter().find(|x| x.id == a).map_or_else(|| format!("#{a}"), |x| x.title.clone());
                (format!("{} : {title}", t.t("review.target.action")), format!("/campaigns/{id}/plan"))
            }
            None => (code.to_owned(), format!("/campaigns/{id}")),
        }
    };
    let all = reviews::comments(&state.db, id).await?;
    let mut threads: Vec<Thread> = all
        .iter()
        .filter(|c| c.thread_id.is_none())
        .map(|first| {
            let (about, link) = describe(&first.target);
            let author = first.author_user_id == Some(viewer.actor.user_id.0);
            Thread {
                resolvable: viewer.can(Permission::ResolveThread { org: loaded.org.authz_ref(), author }),
                replies: all.iter().filter(|c| c.thread_id == Some(first.id)).cloned().collect(),
                first: first.clone(),
                about,
                link,
            }
        })
        .collect();
    threads.sort_by_key(|th| (th.first.resolved_at.is_some(), std::cmp::Reverse(th.first.id)));
    let mut targets = vec![SelectOption::new("photographie", t.t("review.target.photographie"), "")];
    for node in loaded.indicators() {
        targets.push(SelectOption::new(
            CommentTarget::Indicator(node.code.clone()).code(),
            format!("{} — {}", node.code, node.label()),
            "",
        ));
    }
    for a in &actions {
        targets.push(SelectOption::new(
            CommentTarget::Action(a.id).code(),
            format!("{} : {}", t.t("review.target.action"), a.title),
            "",
        ));
    }
    Ok((threads, targets))
}

impl ReviewPage {
    fn selected_target(&self, value: &str) -> bool {
        self.target == value
    }

    fn selected_reviewer(&self, value: &str) -> bool {
        self.form.reviewer == value
    }
}
