//! Evidence behind a campaign's shared answers (an address or an uploaded document): added from
//! an indicator's consolidation page, confirmed (« toujours valable ») or removed when carried
//! from the previous campaign. Whoever runs the campaign manages it; the readiness page lists it
//! beside each requirement.

pub mod add;
pub mod confirm;
pub mod file;
pub mod remove;

/// The consolidation page of indicator `code`, at its evidence.
pub fn back_to(campaign: i64, code: &str) -> String {
    format!("/campaigns/{campaign}/consolidation/{code}#evidence")
}
