//! Static files, embedded in the binary.
pub mod serve;
