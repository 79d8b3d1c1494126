//! A group (GES): its structures side by side for its lead, the démarches it launches across
//! them, and each démarche's harmonisation plan.

pub mod add_action;
pub mod campaign;
pub mod harmonisation;
pub mod harmonisation_page;
pub mod launch;
pub mod line;
pub mod remove_action;
pub mod share;
pub mod show;
