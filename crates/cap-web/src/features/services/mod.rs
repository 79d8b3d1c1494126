//! Services of the federation's offer, asked for and followed through: the campaign's offers and
//! their requests (`/campaigns/{id}/services`), and the requests a region's delegates (or the
//! federation) follow, taken, scheduled, delivered or declined (`/services`).

pub mod advance;
pub mod ask;
pub mod campaign;
pub mod list;
pub mod page;
