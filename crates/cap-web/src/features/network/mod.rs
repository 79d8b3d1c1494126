//! The network's view: anonymised figures of the whole federation or of one region (the
//! dashboard and its CSV export), and an organisation's scores beside its peers' (the benchmark).
//! Every figure goes through `cap_domain::network` before it is shown: a cell built from fewer
//! than five organisations is hidden, with whatever else would let it be worked out.

pub mod benchmark;
pub mod dashboard;
pub mod export;
