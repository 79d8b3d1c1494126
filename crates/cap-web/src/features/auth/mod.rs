//! Signing in and out, password resets, invitations and first-start setup.

pub mod accept_invitation;
pub mod forgot_password;
pub mod reset_password;
pub mod setup;
pub mod sign_in;
pub mod sign_out;
