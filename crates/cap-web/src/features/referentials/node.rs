//! `GET /referentials/{id}/nodes/{code}`: one node with its guidance, evidence, linked offers of
//! services, its mappings both ways and, for an indicator, how other members do it (the good
//! practices published on it); and `POST …/feedback`, where anyone signed in says
//! what is unclear or missing in it, for the federation to triage.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors, SelectOption};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::practices::{Card, cards};
use cap_domain::feedback::FeedbackKind;
use cap_domain::practice::PracticeStatus;
use cap_domain::referential::{Node, NodeKind, Relation};
use cap_domain::{Role, Scope};
use cap_storage::feedback;
use cap_storage::offers::{self, StoredOffer};
use cap_storage::practices::{self, Filter};
use cap_storage::referentials::{self, IncomingMapping, VersionSummary};

/// The most recent published practices shown on an indicator's page; the rest are a link away.
const PRACTICES_SHOWN: i64 = 6;

/// A mapping from this node, with where it leads.
pub struct OutgoingMapping {
    /// Target version, when loaded.
    pub version_id: Option<i64>,
    /// Target referential's code.
    pub referential: String,
    /// Target node's code.
    pub code: String,
    /// Target node's title or statement, when loaded.
    pub label: String,
    /// Relation, read from this node (message key).
    pub relation_key: &'static str,
    /// Why.
    pub rationale: String,
}

/// A remark on the node as typed: its kind (a code) and its text.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct FeedbackForm {
    kind: String,
    body: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "referentials/node.html")]
struct NodePage {
    page: Page,
    summary: VersionSummary,
    referential_title: String,
    node: Node,
    ancestors: Vec<Node>,
    children: Vec<Node>,
    guidance_html: String,
    target_label: Option<String>,
    services: Vec<StoredOffer>,
    /// Regions as (code, name), to name a regional offer's region.
    regions: Vec<(String, String)>,
    outgoing: Vec<OutgoingMapping>,
    incoming: Vec<(IncomingMapping, &'static str)>,
    kinds: Vec<SelectOption>,
    body: String,
    errors: FormErrors,
    practices: Vec<Card>,
    practices_total: i64,
    can_share: bool,
    /// The federation's glossary words the node's texts use.
    words: Vec<cap_app::glossary::UsedTerm>,
}

impl NodePage {
    /// A region's name from its code (the code itself when no region has it).
    fn region_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.regions.iter().find(|(c, _)| c == code).map_or(code, |(_, name)| name.as_str())
    }
}

/// Shows the node.
pub async fn handler(
    State(state): State<AppState>,
    Path((id, code)): Path<(i64, String)>,
    page: Page,
) -> AppResult<Response> {
    Ok(render(&state, id, &code, page).await?.into_response())
}

/// Records a feedback on the node; the form keeps what was typed when it is refused.
pub async fn feedback(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, code)): Path<(i64, String)>,
    page: Page,
    form: Result<Form<FeedbackForm>, AppError>,
) -> AppResult<Response> {
    let mut rendered = render(&state, id, &code, page).await?;
    let Form(form) = form?;
    match cap_domain::feedback::parse(&form.kind, &form.body) {
        Ok((kind, body)) => {
            let entry = ctx.author().entry("referentials.feedback", "feedback", "", format!("{id} {code}"));
            feedback::add(state.db.audited(entry), id, &rendered.node.code, viewer.actor.user_id, kind, &body).await?;
            Ok(redirect_with_flash(&state, &format!("/referentials/{id}/nodes/{code}#feedback"), "flash.feedback_sent"))
        }
        Err(problems) => {
            for (f, e) in problems {
                rendered.errors.add(f, e.key);
            }
            for k in &mut rendered.kinds {
                k.selected = k.value == form.kind;
            }
            rendered.body = form.body;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response())
        }
    }
}

async fn render(state: &AppState, id: i64, code: &str, page: Page) -> AppResult<NodePage> {
    let summary = referentials::summary(&state.db, id).await?;
    let cached = state.referentials.get(&state.db, id).await?;
    let referential = &cached.referential;
    let node = referential.node(code).cloned().ok_or(AppError::NotFound)?;
    let mut ancestors = Vec::new();
    let mut at = node.parent.clone();
    while let Some(parent) = at.and_then(|p| referential.node(&p).cloned()) {
        at = parent.parent.clone();
        ancestors.insert(0, parent);
    }
    let children = referential.children(&node.code).cloned().collect();
    let guidance_html = node.guidance.as_deref().map(crate::markdown::render).unwrap_or_default();
    let target = node
        .target
        .or(referential.scale.default_target)
        .filter(|_| node.answer == cap_domain::referential::AnswerType::Level);
    let target_label = target
        .and_then(|t| referential.scale.levels.iter().find(|l| l.value == t))
        .map(|l| format!("{} — {}", l.value, l.label));
    let services = offers::by_codes(&state.db, &node.services).await?;
    let regions = if services.iter().any(|s| s.offer.region.is_some()) {
        cap_storage::regions::list(&state.db).await?.into_iter().map(|r| (r.code, r.name)).collect()
    } else {
        Vec::new()
    };
    let mut outgoing = Vec::with_capacity(node.mappings.len());
    for m in &node.mappings {
        let version_id = referentials::latest_version(&state.db, &m.referential).await?;
        let label = match version_id {
            Some(v) => {
                referentials::node(&state.db, v, &m.code).await.map(|n| n.label().to_owned()).unwrap_or_default()
            }
            None => String::new(),
        };
        outgoing.push(OutgoingMapping {
            version_id,
            referential: m.referential.clone(),
            code: m.code.clone(),
            label,
            relation_key: m.relation.label_key(),
            rationale: m.rationale.clone(),
        });
    }
    // Read from this node: a node "included in" this one is one this node "includes".
    let incoming = referentials::incoming_mappings(&state.db, &referential.code, &node.code)
        .await?
        .into_iter()
        .map(|m| {
            let key = Relation::from_code(&m.relation)
                .map_or("referential.relation_label.intersect", |r| r.reverse().label_key());
            (m, key)
        })
        .collect();
    let (practices, practices_total) = if node.kind == NodeKind::Indicator {
        let filter = Filter {
            status: Some(PracticeStatus::Published),
            referential: Some(&referential.code),
            indicator: Some(&node.code),
            ..Filter::default()
        };
        let shown = practices::list_page(&state.db, &filter, PRACTICES_SHOWN, 0).await?;
        (cards(state, shown).await?, practices::count(&state.db, &filter).await?)
    } else {
        (Vec::new(), 0)
    };
    // Members of an organisation share practices; the form checks it again on the server.
    let can_share = page.ctx.viewer.as_ref().is_some_and(|v| {
        v.actor.memberships.iter().any(|m| {
            matches!(m.role, Role::Coordinator | Role::Participant) && matches!(m.scope, Scope::Organisation(_))
        })
    });
    let texts = [node.label(), node.guidance.as_deref().unwrap_or_default()].join("\n");
    let words = cap_app::glossary::used(&texts, &cap_app::glossary::for_organisation(state, None).await?);
    let referential_title = referential.title.clone();
    let kinds =
        FeedbackKind::ALL.iter().map(|k| SelectOption::new(k.code(), page.t.t(k.label_key()), "unclear")).collect();
    Ok(NodePage {
        words,
        kinds,
        practices,
        practices_total,
        can_share,
        body: String::new(),
        errors: FormErrors::new(),
        page,
        summary,
        referential_title,
        node,
        ancestors,
        children,
        guidance_html,
        target_label,
        services,
        regions,
        outgoing,
        incoming,
    })
}
