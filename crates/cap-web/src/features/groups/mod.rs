//! A group (GES): its structures side by side for its lead, and the démarches it launches
//! across them.

pub mod campaign;
pub mod launch;
pub mod share;
pub mod show;
