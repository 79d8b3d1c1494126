//! The directory of pair volunteers, by region and organisation type, and the trainings pairs
//! and tiers attended.

pub mod list;
pub mod page;
pub mod trainings;
pub mod volunteer;
