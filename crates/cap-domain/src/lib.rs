//! Cap's pure domain: validated values, organisations, roles and the authorization policy.
//!
//! Nothing here performs I/O: storage and web layers depend on this crate, never the reverse.

pub mod accompaniment;
pub mod activity;
pub mod api;
pub mod authz;
pub mod calendar;
pub mod campaign;
pub mod coded;
pub mod consolidation;
pub mod deployment;
pub mod email;
pub mod evidence;
pub mod feedback;
pub mod glossary;
pub mod harmonisation;
pub mod ids;
pub mod meeting;
pub mod network;
pub mod organisation;
pub mod password;
pub mod pillar_step;
pub mod plan;
pub mod practice;
pub mod readiness;
pub mod referential;
pub mod restitution;
pub mod review;
pub mod role;
pub mod scoring;
pub mod service_request;
pub mod siret;
pub mod suggestion;
pub mod validation;
pub mod venue;
pub mod workshop;

pub use authz::{Actor, Permission, allows};
pub use email::Email;
pub use ids::{GroupId, OrganisationId, RegionId, UserId};
pub use organisation::{OrganisationName, OrganisationType};
pub use password::NewPassword;
pub use role::{College, Membership, Role, Scope};
pub use siret::Siret;
pub use validation::ValidationError;
