//! The route table: every route with the access it requires.
//!
//! The router is built from this table, so no route can exist without a declared access level,
//! and tests enumerate the same table to prove each route's authorization.

use crate::app::AppState;
use crate::error::AppError;
use crate::features::{
    account, admin, api, assets, auth, campaigns, deployment, directory, evidence, exports, glossary, groups, health,
    home, meetings, network, organisations, plans, practices, referentials, regions, results, reviews, services, venue,
    workshops,
};
use crate::limits;
use crate::session::RequestContext;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::Request;
use axum::http::Method;
use axum::middleware::{Next, from_fn};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use cap_domain::authz::{Permission, allows};
use std::sync::Arc;

/// Who may reach a route before its handler runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in user.
    SignedIn,
    /// Federation administrators only.
    FederationAdmin,
    /// Signed-in users; the handler then asks the policy about the resource in the path.
    Scoped,
}

/// One route of the table.
#[derive(Debug, Clone)]
pub struct RouteSpec {
    /// HTTP method.
    pub method: Method,
    /// Path pattern, as axum reads it (`/organisations/{id}`).
    pub path: &'static str,
    /// Required access.
    pub access: Access,
}

/// The routes and the router they make.
pub struct RouteTable {
    specs: Vec<RouteSpec>,
    router: Router<AppState>,
}

impl RouteTable {
    fn new() -> Self {
        Self { specs: Vec::new(), router: Router::new() }
    }

    fn add(self, method: Method, path: &'static str, access: Access, handler: MethodRouter<AppState>) -> Self {
        self.add_with(method, path, access, handler, crate::app::BODY_LIMIT_BYTES, false)
    }

    /// Adds a route: the guard checks its access; around it, the deadline (with the time its
    /// largest body may take); inside it, for expensive work, the bound on such requests.
    fn add_with(
        mut self,
        method: Method,
        path: &'static str,
        access: Access,
        handler: MethodRouter<AppState>,
        body_limit: usize,
        expensive: bool,
    ) -> Self {
        self.specs.push(RouteSpec { method, path, access });
        let handler = if expensive { handler.route_layer(from_fn(limits::heavy)) } else { handler };
        let guarded = handler
            .route_layer(from_fn(move |request: Request, next: Next| guard(access, request, next)))
            .route_layer(from_fn(move |request: Request, next: Next| limits::deadline(body_limit, request, next)));
        self.router = self.router.route(path, guarded);
        self
    }

    fn get(self, path: &'static str, access: Access, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::GET, path, access, handler)
    }

    fn post(self, path: &'static str, access: Access, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::POST, path, access, handler)
    }

    /// An expensive download (PDF, workbook, CSV), run under the bound on expensive work.
    fn get_expensive(self, path: &'static str, access: Access, handler: MethodRouter<AppState>) -> Self {
        self.add_with(Method::GET, path, access, handler, crate::app::BODY_LIMIT_BYTES, true)
    }

    /// A form with files of up to `limit` bytes in all; `expensive` for imports, which then run
    /// under the bound on expensive work.
    fn upload(
        self,
        path: &'static str,
        access: Access,
        handler: MethodRouter<AppState>,
        limit: usize,
        expensive: bool,
    ) -> Self {
        self.add_with(Method::POST, path, access, handler.layer(DefaultBodyLimit::max(limit)), limit, expensive)
    }

    /// Every declared route.
    pub fn specs(&self) -> &[RouteSpec] {
        &self.specs
    }

    /// The router serving the table.
    pub fn into_router(self) -> Router<AppState> {
        self.router
    }
}

async fn guard(access: Access, request: Request, next: Next) -> Response {
    if access == Access::Public {
        return next.run(request).await;
    }
    let Some(ctx) = request.extensions().get::<Arc<RequestContext>>().cloned() else {
        return AppError::Internal("request context missing".into()).into_response();
    };
    let Some(viewer) = &ctx.viewer else {
        return AppError::SignInRequired { next: ctx.path.clone() }.into_response();
    };
    // A session opened by a personal campaign link reaches that campaign (and signing out) only.
    if let Some(campaign) = viewer.campaign_only {
        let path = request.uri().path();
        let own = format!("/campaigns/{campaign}");
        let inside = path == own || path.starts_with(&format!("{own}/")) || path == "/sign-out";
        if !inside {
            return axum::response::Redirect::to(&format!("{own}/answer")).into_response();
        }
    }
    if access == Access::FederationAdmin && !allows(&viewer.actor, Permission::AdministerFederation) {
        return AppError::Forbidden.into_response();
    }
    next.run(request).await
}

/// The product's routes.
pub fn table() -> RouteTable {
    use Access::*;
    RouteTable::new()
        .get("/healthz", Public, get(health::check::handler))
        .get("/static/{file}", Public, get(assets::serve::handler))
        .get("/", SignedIn, get(home::dashboard::handler))
        .get("/sign-in", Public, get(auth::sign_in::form))
        .post("/sign-in", Public, post(auth::sign_in::submit))
        .post("/sign-out", SignedIn, post(auth::sign_out::handler))
        .get("/password/forgot", Public, get(auth::forgot_password::form))
        .post("/password/forgot", Public, post(auth::forgot_password::submit))
        .get("/password/reset/{token}", Public, get(auth::reset_password::form))
        .post("/password/reset/{token}", Public, post(auth::reset_password::submit))
        .get("/invitation/{token}", Public, get(auth::accept_invitation::form))
        .post("/invitation/{token}", Public, post(auth::accept_invitation::submit))
        .get("/setup/{token}", Public, get(auth::setup::form))
        .post("/setup/{token}", Public, post(auth::setup::submit))
        .post("/language", Public, post(account::language::handler))
        .get("/account", SignedIn, get(account::show::handler))
        .post("/account/password", SignedIn, post(account::change_password::handler))
        .get("/account/export", SignedIn, get(account::export::handler))
        .get("/account/tokens", SignedIn, get(account::tokens::list))
        .post("/account/tokens", SignedIn, post(account::tokens::create))
        .post("/account/tokens/{id}/revoke", SignedIn, post(account::tokens::revoke))
        .get("/api/openapi.json", Public, get(api::openapi::handler))
        .get("/api/campaigns", SignedIn, get(api::campaigns::list))
        .get("/api/campaigns/{id}", Scoped, get(api::campaigns::show))
        .get("/api/campaigns/{id}/answers", Scoped, get(api::campaigns::answers))
        .get("/api/campaigns/{id}/results", Scoped, get(api::results::handler))
        .get("/api/campaigns/{id}/actions", Scoped, get(api::actions::list))
        .post("/api/campaigns/{id}/actions/{action}", Scoped, post(api::actions::update))
        .get("/organisations/{id}", Scoped, get(organisations::show::handler))
        .get("/organisations/{id}/invite", Scoped, get(organisations::invite::form))
        .post("/organisations/{id}/invite", Scoped, post(organisations::invite::submit))
        .post("/organisations/{id}/memberships/{membership}/revoke", Scoped, post(organisations::revoke::handler))
        .get("/regions/{id}", Scoped, get(regions::show::handler))
        .get("/glossary", SignedIn, get(glossary::show::federation))
        .post("/glossary", FederationAdmin, post(glossary::add::federation))
        .get("/glossary/terms/{id}", Scoped, get(glossary::term::handler))
        .post("/glossary/terms/{id}", Scoped, post(glossary::edit::handler))
        .post("/glossary/terms/{id}/remove", Scoped, post(glossary::remove::handler))
        .get("/groups/{id}/glossary", Scoped, get(glossary::show::group))
        .post("/groups/{id}/glossary", Scoped, post(glossary::add::group))
        .get("/groups/{id}", Scoped, get(groups::show::handler))
        .get("/groups/{id}/campaigns/new", Scoped, get(groups::launch::form))
        .post("/groups/{id}/campaigns/new", Scoped, post(groups::launch::submit))
        .get("/group-campaigns/{id}", Scoped, get(groups::campaign::handler))
        .post("/group-campaigns/{id}/sharing", Scoped, post(groups::share::handler))
        .get("/group-campaigns/{id}/plan", Scoped, get(groups::harmonisation::handler))
        .post("/group-campaigns/{id}/plan", Scoped, post(groups::add_action::handler))
        .get("/harmonisation/lines/{id}", Scoped, get(groups::line::form))
        .post("/harmonisation/lines/{id}", Scoped, post(groups::line::submit))
        .post("/harmonisation/actions/{id}/remove", Scoped, post(groups::remove_action::handler))
        .get("/admin", FederationAdmin, get(admin::index::handler))
        .get("/admin/regions", FederationAdmin, get(admin::regions::list))
        .post("/admin/regions", FederationAdmin, post(admin::regions::create))
        .get("/admin/regions/{id}", FederationAdmin, get(admin::region_edit::form))
        .post("/admin/regions/{id}", FederationAdmin, post(admin::region_edit::submit))
        .get("/admin/organisations", FederationAdmin, get(admin::organisations::list))
        .get("/admin/organisations/new", FederationAdmin, get(admin::organisation_form::new_form))
        .post("/admin/organisations/new", FederationAdmin, post(admin::organisation_form::create))
        .get("/admin/organisations/{id}/edit", FederationAdmin, get(admin::organisation_form::edit_form))
        .post("/admin/organisations/{id}/edit", FederationAdmin, post(admin::organisation_form::update))
        .get("/admin/groups", FederationAdmin, get(admin::groups::list))
        .post("/admin/groups", FederationAdmin, post(admin::groups::create))
        .get("/admin/users", FederationAdmin, get(admin::users::list))
        .get("/admin/invitations/new", FederationAdmin, get(admin::invite::form))
        .post("/admin/invitations/new", FederationAdmin, post(admin::invite::submit))
        .post("/admin/memberships/{id}/revoke", FederationAdmin, post(admin::revoke_membership::handler))
        .post("/admin/users/{id}/erase", FederationAdmin, post(admin::erase_user::handler))
        .get("/admin/audit", FederationAdmin, get(admin::audit::handler))
        .get("/organisations/{id}/campaigns/new", Scoped, get(campaigns::create::form))
        .post("/organisations/{id}/campaigns/new", Scoped, post(campaigns::create::submit))
        .get("/campaigns/{id}", Scoped, get(campaigns::show::handler))
        .post("/campaigns/{id}/advance", Scoped, post(campaigns::advance::handler))
        .post("/campaigns/{id}/participants", Scoped, post(campaigns::participants::handler))
        .post("/campaigns/{id}/invite", Scoped, post(campaigns::invite::handler))
        .get("/campaigns/{id}/participants/{participant}/assignment", Scoped, get(campaigns::assignment::form))
        .post("/campaigns/{id}/participants/{participant}/assignment", Scoped, post(campaigns::assignment::submit))
        .get("/c/{token}", Public, get(campaigns::personal_link::handler))
        .post("/campaigns/{id}/scope", Scoped, post(campaigns::scope::handler))
        .post("/campaigns/{id}/pillars/{pillar}", Scoped, post(campaigns::pillar::handler))
        .post("/campaigns/{id}/protect", Scoped, post(campaigns::options::protect))
        .post("/campaigns/{id}/share", Scoped, post(campaigns::options::share))
        .post("/campaigns/{id}/remind/{participant}", Scoped, post(campaigns::remind::handler))
        .get("/campaigns/{id}/consolidation", Scoped, get(campaigns::consolidation::handler))
        .get("/campaigns/{id}/consolidation/{code}", Scoped, get(campaigns::decide::form))
        .post("/campaigns/{id}/consolidation/{code}", Scoped, post(campaigns::decide::submit))
        .get("/campaigns/{id}/consolidation/{code}/evidence", Scoped, get(evidence::add::form))
        .upload(
            "/campaigns/{id}/consolidation/{code}/evidence",
            Scoped,
            post(evidence::add::submit),
            evidence::add::READ_UP_TO_BYTES,
            false,
        )
        .get("/campaigns/{id}/evidence/{evidence}/file", Scoped, get(evidence::file::handler))
        .post("/campaigns/{id}/evidence/{evidence}/confirm", Scoped, post(evidence::confirm::handler))
        .post("/campaigns/{id}/evidence/{evidence}/remove", Scoped, post(evidence::remove::handler))
        .get("/campaigns/{id}/answer", Scoped, get(campaigns::answer::start))
        .get("/campaigns/{id}/answer/{page}", Scoped, get(campaigns::answer::show))
        .post("/campaigns/{id}/answer/{page}", Scoped, post(campaigns::answer::submit))
        .post("/campaigns/{id}/answers/{code}", Scoped, post(campaigns::autosave::handler))
        .get("/campaigns/{id}/meetings", Scoped, get(meetings::new::form))
        .post("/campaigns/{id}/meetings", Scoped, post(meetings::new::submit))
        .post("/campaigns/{id}/meetings/propose", Scoped, post(meetings::propose::handler))
        .get("/campaigns/{id}/meetings/{meeting}", Scoped, get(meetings::edit::form))
        .post("/campaigns/{id}/meetings/{meeting}", Scoped, post(meetings::edit::submit))
        .post("/campaigns/{id}/meetings/{meeting}/cancel", Scoped, post(meetings::cancel::handler))
        .get("/campaigns/{id}/meetings/{meeting}/ics", Scoped, get(meetings::ics::one))
        .get("/campaigns/{id}/calendar.ics", Scoped, get(meetings::ics::campaign))
        .get("/campaigns/{id}/readiness", Scoped, get(results::readiness::show))
        .post("/campaigns/{id}/readiness/plan", Scoped, post(results::readiness::add))
        .get("/campaigns/{id}/restitution", Scoped, get(results::restitution::handler))
        .get("/campaigns/{id}/activity", Scoped, get(results::activity::show))
        .post("/campaigns/{id}/activity", Scoped, post(results::activity::submit))
        .get("/campaigns/{id}/voice", Scoped, get(results::voice::form))
        .post("/campaigns/{id}/voice", Scoped, post(results::voice::submit))
        .get("/campaigns/{id}/accompaniment", Scoped, get(reviews::accompaniment::form))
        .post("/campaigns/{id}/accompaniment", Scoped, post(reviews::accompaniment::submit))
        .get("/campaigns/{id}/review", Scoped, get(reviews::show::handler))
        .post("/campaigns/{id}/review/reviewers", Scoped, post(reviews::invite::submit))
        .post("/campaigns/{id}/review/reviewers/{grant}/revoke", Scoped, post(reviews::revoke::handler))
        .get("/campaigns/{id}/state-access", Scoped, get(reviews::state_access::form))
        .post("/campaigns/{id}/state-access", Scoped, post(reviews::state_access::submit))
        .post("/campaigns/{id}/review/threads", Scoped, post(reviews::comment::open))
        .post("/campaigns/{id}/review/threads/{thread}/reply", Scoped, post(reviews::comment::reply))
        .post("/campaigns/{id}/review/threads/{thread}/resolve", Scoped, post(reviews::comment::resolve))
        .get("/directory", SignedIn, get(directory::list::handler))
        .post("/directory/volunteer", SignedIn, post(directory::volunteer::submit))
        .post("/directory/withdraw", SignedIn, post(directory::volunteer::withdraw))
        .post("/directory/propose", SignedIn, post(directory::propose::submit))
        .post("/directory/proposal", SignedIn, post(directory::proposal::submit))
        .post("/directory/trainings/{id}/enrol", Scoped, post(directory::enrol::submit))
        .get("/trainings", Scoped, get(directory::trainings::list))
        .post("/trainings", Scoped, post(directory::trainings::create))
        .post("/trainings/{id}/attendees", Scoped, post(directory::trainings::attendees))
        .get("/network", Scoped, get(network::dashboard::handler))
        .get("/services", Scoped, get(services::list::handler))
        .post("/services/{id}", Scoped, post(services::advance::handler))
        .get("/campaigns/{id}/services", Scoped, get(services::campaign::handler))
        .post("/campaigns/{id}/services", Scoped, post(services::ask::handler))
        .get("/campaigns/{id}/venue", Scoped, get(venue::show::handler))
        .post("/campaigns/{id}/venue/bundle", Scoped, post(venue::take_out::handler))
        .get("/campaigns/{id}/venue/results", Scoped, get(venue::results::handler))
        .upload("/campaigns/{id}/venue/import", Scoped, post(venue::import::handler), venue::READ_UP_TO_BYTES, true)
        .get("/campaigns/{id}/venue/imports/{import}", Scoped, get(venue::review::form))
        .post("/campaigns/{id}/venue/imports/{import}", Scoped, post(venue::review::submit))
        .get("/deployment", Scoped, get(deployment::show::handler))
        .get("/deployment/roll-out.csv", FederationAdmin, get(deployment::roll_out::handler))
        .post("/deployment/presentations", Scoped, post(deployment::presentation::submit))
        .post("/deployment/organisations/{id}/informed", Scoped, post(deployment::informed::handler))
        .post("/deployment/organisations/{id}/volunteer", Scoped, post(deployment::volunteer::handler))
        .get_expensive("/network/export.csv", Scoped, get(network::export::handler))
        .get("/campaigns/{id}/benchmark", Scoped, get(network::benchmark::handler))
        .get("/campaigns/{id}/results", Scoped, get(results::photographie::handler))
        .get("/campaigns/{id}/targets", Scoped, get(results::targets::form))
        .post("/campaigns/{id}/targets", Scoped, post(results::targets::submit))
        .get("/campaigns/{id}/checkpoint", Scoped, get(results::checkpoint::form))
        .post("/campaigns/{id}/checkpoint", Scoped, post(results::checkpoint::submit))
        .get_expensive("/campaigns/{id}/export/{file}", Scoped, get(exports::handler))
        .get("/campaigns/{id}/plan", Scoped, get(plans::show::handler))
        .post("/campaigns/{id}/plan", Scoped, post(plans::generate::handler))
        .post("/campaigns/{id}/plan/proposals", Scoped, post(plans::proposals::handler))
        .post("/campaigns/{id}/plan/settings", Scoped, post(plans::settings::handler))
        .post("/campaigns/{id}/plan/validate", Scoped, post(plans::validate::handler))
        .post("/campaigns/{id}/plan/selection", Scoped, post(plans::selection::handler))
        .get("/campaigns/{id}/plan/suggestions", Scoped, get(plans::suggestions::show))
        .post("/campaigns/{id}/plan/suggestions", Scoped, post(plans::suggestions::submit))
        .post("/campaigns/{id}/plan/suggestions/{suggestion}/decide", Scoped, post(plans::suggestions::decide))
        .get("/campaigns/{id}/plan/import", Scoped, get(plans::import::form))
        .upload(
            "/campaigns/{id}/plan/import",
            Scoped,
            post(plans::import::submit),
            plans::import::MAX_UPLOAD_BYTES,
            true,
        )
        .get("/campaigns/{id}/plan/actions/new", Scoped, get(plans::action::new_form))
        .post("/campaigns/{id}/plan/actions/new", Scoped, post(plans::action::create))
        .get("/campaigns/{id}/plan/actions/{action}", Scoped, get(plans::action::edit_form))
        .post("/campaigns/{id}/plan/actions/{action}", Scoped, post(plans::action::update))
        .post("/campaigns/{id}/plan/actions/{action}/status", Scoped, post(plans::status::handler))
        .post("/campaigns/{id}/workshops", Scoped, post(workshops::open::handler))
        .get("/workshops/{id}", Scoped, get(workshops::console::handler))
        .post("/workshops/{id}/control", Scoped, post(workshops::control::handler))
        .post("/workshops/{id}/record", Scoped, post(workshops::record::handler))
        .post("/workshops/{id}/voters/{voter}/remove", Scoped, post(workshops::voters::remove))
        .post("/workshops/{id}/voters/{voter}/admit", Scoped, post(workshops::voters::admit))
        .post("/workshops/{id}/voters/{voter}/absent", Scoped, post(workshops::voters::absent))
        .post("/workshops/{id}/voters/{voter}/present", Scoped, post(workshops::voters::present))
        .get("/workshops/{id}/projector", Scoped, get(workshops::projector::handler))
        .get("/workshops/{id}/events", Scoped, get(workshops::events::facilitator))
        .get("/w", Public, get(workshops::join::form))
        .post("/w", Public, post(workshops::join::submit))
        .get("/w/{code}", Public, get(workshops::phone::handler))
        .post("/w/{code}/vote", Public, post(workshops::vote::handler))
        .get("/w/{code}/events", Public, get(workshops::events::phone))
        .get("/referentials", SignedIn, get(referentials::list::handler))
        .get("/referentials/{id}", SignedIn, get(referentials::explore::handler))
        .get("/referentials/{id}/nodes/{code}", SignedIn, get(referentials::node::handler))
        .post("/referentials/{id}/nodes/{code}/feedback", SignedIn, post(referentials::node::feedback))
        .get("/practices", SignedIn, get(practices::list::handler))
        .get("/practices/new", Scoped, get(practices::new::form))
        .upload("/practices/new", Scoped, post(practices::new::submit), practices::form::READ_UP_TO_BYTES, false)
        .get("/practices/moderation", Scoped, get(practices::moderation::list))
        .get("/practices/{id}", Scoped, get(practices::show::handler))
        .get("/practices/{id}/files/{file}", Scoped, get(practices::file::handler))
        .post("/practices/{id}/moderate", Scoped, post(practices::moderation::moderate))
        .post("/practices/{id}/delete", Scoped, post(practices::delete::handler))
        .get("/practices/{id}/edit", Scoped, get(practices::edit::form))
        .upload("/practices/{id}/edit", Scoped, post(practices::edit::submit), practices::form::READ_UP_TO_BYTES, false)
        .get("/admin/feedback", FederationAdmin, get(admin::feedback::list))
        .post("/admin/feedback/{id}", FederationAdmin, post(admin::feedback::triage))
        .get("/admin/referentials/import", FederationAdmin, get(admin::referential_import::form))
        .upload(
            "/admin/referentials/import",
            FederationAdmin,
            post(admin::referential_import::submit),
            admin::referential_import::MAX_UPLOAD_BYTES,
            true,
        )
        .get("/admin/referentials/diff", FederationAdmin, get(admin::referential_diff::handler))
        .get("/admin/services", FederationAdmin, get(admin::services::list))
        .post("/admin/services", FederationAdmin, post(admin::services::create))
        .get("/admin/services/{id}", FederationAdmin, get(admin::services::edit_form))
        .post("/admin/services/{id}", FederationAdmin, post(admin::services::update))
}
