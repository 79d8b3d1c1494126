//! After the self-assessment, the organisation is accompanied by a tiers (its regional
//! delegation) or a pair: the accompaniment day and its decision.

pub mod accompaniment;
