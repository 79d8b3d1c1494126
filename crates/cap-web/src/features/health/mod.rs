//! Liveness and readiness.
pub mod check;
