//! Invitations by e-mail: a single-use link that grants a role, shared by administrators
//! and coordinators.

use crate::app::App;
use crate::audit::Author;
use crate::error::{Error, Result};
use crate::i18n::{Locale, Tr};
use crate::links::LinkRequest;
use cap_domain::{College, Email, GroupId, Membership, OrganisationId, RegionId, Role, Scope};
use cap_storage::tokens::Purpose;
use cap_storage::{groups, organisations, regions};
use serde::{Deserialize, Serialize};

/// What accepting an invitation grants, stored with its token.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct InvitationPayload {
    /// Role code.
    pub role: String,
    /// Region, for a regional delegate.
    pub region: Option<i64>,
    /// Organisation, for a coordinator or participant.
    pub organisation: Option<i64>,
    /// Group, for a group lead.
    pub group: Option<i64>,
    /// Collège code, for participants.
    pub college: Option<String>,
    /// The name the inviter gave.
    pub display_name: String,
    /// Who invited (their name).
    pub invited_by: String,
}

impl InvitationPayload {
    /// Describes a membership to grant.
    pub fn new(membership: Membership, display_name: &str, invited_by: &str) -> Self {
        let (region, organisation, group) = match membership.scope {
            Scope::Federation => (None, None, None),
            Scope::Region(r) => (Some(r.0), None, None),
            Scope::Organisation(o) => (None, Some(o.0), None),
            Scope::Group(g) => (None, None, Some(g.0)),
        };
        Self {
            role: membership.role.code().to_owned(),
            region,
            organisation,
            group,
            college: membership.college.map(|c| c.code().to_owned()),
            display_name: display_name.trim().to_owned(),
            invited_by: invited_by.to_owned(),
        }
    }

    /// The membership it grants, validated again.
    pub fn membership(&self) -> Result<Membership> {
        let bad = |_| Error::Internal("invalid invitation payload".into());
        let role = Role::from_code(&self.role).map_err(bad)?;
        let scope = match (self.region, self.organisation, self.group) {
            (Some(r), None, None) => Scope::Region(RegionId(r)),
            (None, Some(o), None) => Scope::Organisation(OrganisationId(o)),
            (None, None, Some(g)) => Scope::Group(GroupId(g)),
            _ => Scope::Federation,
        };
        let college = self.college.as_deref().map(College::from_code).transpose().map_err(bad)?;
        Membership::new(role, scope, college).map_err(bad)
    }
}

/// "Coordinateur·rice — Atelier du Lac": a role and where it applies, in words.
pub async fn describe(app: &App, t: Tr, membership: &Membership) -> Result<String> {
    let place = match membership.scope {
        Scope::Federation => app.config.federation_name.clone(),
        Scope::Region(r) => regions::get(&app.db, r).await?.name,
        Scope::Organisation(o) => organisations::get(&app.db, o).await?.name,
        Scope::Group(g) => groups::get(&app.db, g).await?.name,
    };
    Ok(label(t, membership, &place))
}

/// The role in words with the name of the place it applies to, already known.
pub fn label(t: Tr, membership: &Membership, place: &str) -> String {
    let mut text = format!("{} — {place}", t.t(membership.role.label_key()));
    if let Some(college) = membership.college {
        text.push_str(&format!(" ({})", t.t(college.label_key())));
    }
    text
}

/// The result of sending an invitation.
#[derive(Debug, Clone)]
pub struct Sent {
    /// The link (shown to the inviter when the e-mail could not leave).
    pub link: String,
    /// Whether the e-mail was handed to the mail system.
    pub mailed: bool,
}

/// Creates the invitation link, e-mails it, and records both in the audit log.
pub async fn send(app: &App, by: &Author, email: &Email, display_name: &str, membership: Membership) -> Result<Sent> {
    let inviter = by.name.clone();
    let payload = InvitationPayload::new(membership, display_name, &inviter);
    let payload_json = serde_json::to_string(&payload).map_err(|e| Error::Internal(e.to_string()))?;
    let request = LinkRequest {
        purpose: Purpose::Invitation,
        email: email.as_str(),
        user: None,
        payload: &payload_json,
        created_by: by.user,
    };
    let fr = describe(app, Tr::new(Locale::Fr), &membership).await?;
    let entry = by.entry("invitations.create", "invitation", email, &fr);
    let link = crate::links::issue(app, request, Some(entry)).await?;
    let en = describe(app, Tr::new(Locale::En), &membership).await?;
    let body = format!(
        "Bonjour {display_name},\n\n{inviter} vous invite à rejoindre Cap ({federation}) en tant que : {fr}.\n\n\
         Pour accepter, ouvrez ce lien (valable 14 jours, une seule fois) :\n{link}\n\n\
         Si vous ne vous attendiez pas à cette invitation, ignorez ce message.\n\n---\n\n\
         Hello {display_name},\n\n{inviter} invites you to join Cap ({federation}) as: {en}.\n\
         To accept, open this link (valid for 14 days, once):\n{link}\n",
        federation = app.config.federation_name,
    );
    let mailed = match app.mailer.send(email.as_str(), "Invitation à rejoindre Cap / Invitation to Cap", body).await {
        Ok(()) => true,
        Err(err) => {
            tracing::error!(error = %err, "invitation e-mail not sent");
            false
        }
    };
    Ok(Sent { link, mailed })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_round_trips_to_the_membership() {
        let m = Membership::new(Role::Participant, Scope::Organisation(OrganisationId(4)), Some(College::Volunteer))
            .unwrap();
        let payload = InvitationPayload::new(m, " Lou ", "Claire");
        assert_eq!(payload.display_name, "Lou");
        let json = serde_json::to_string(&payload).unwrap();
        let back: InvitationPayload = serde_json::from_str(&json).unwrap();
        assert_eq!(back.membership().unwrap(), m);
    }
}
