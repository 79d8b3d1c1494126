//! Shared vocabularies: the federation's glossary (`/glossary`) and each group's
//! (`/groups/{id}/glossary`), their terms' pages with every version, written by the federation's
//! administrators or the group's lead (`cap_app::glossary`).

pub mod add;
pub mod edit;
pub mod page;
pub mod remove;
pub mod show;
pub mod term;
