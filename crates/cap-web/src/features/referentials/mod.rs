//! Reading referentials: the list of versions, the explorer and the page of each node.
pub mod explore;
pub mod list;
pub mod node;
