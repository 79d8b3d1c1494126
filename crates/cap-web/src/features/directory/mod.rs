//! The directory of pair volunteers, by region and organisation type, and the trainings pairs
//! and tiers attended.

pub mod enrol;
pub mod list;
pub mod page;
pub mod proposal;
pub mod propose;
pub mod trainings;
pub mod volunteer;
