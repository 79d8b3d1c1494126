//! Signing in and out, password resets, invitations and first-start setup.

pub mod accept_invitation;
pub mod forgot_password;
pub mod reset_password;
pub mod setup;
pub mod sign_in;
pub mod sign_out;

/// What the forms behind a password link carry: the person's name and e-mail where the link asks
/// for them (the first administrator, an invitation to a new address), and the new password twice.
#[derive(Debug, Default, serde::Deserialize)]
pub struct AccountForm {
    /// The name others will see.
    #[serde(default)]
    pub display_name: String,
    /// The e-mail address (the first administrator's only).
    #[serde(default)]
    pub email: String,
    /// The new password.
    #[serde(default)]
    pub password: String,
    /// The same password again.
    #[serde(default)]
    pub confirmation: String,
}
