//! A regional delegation's view of its members.
pub mod show;
