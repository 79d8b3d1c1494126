//! A group's (GES) view of its organisations.
pub mod show;
