//! Roles, the scope each role applies to, and the collège a participant speaks from.

use crate::{GroupId, OrganisationId, RegionId, ValidationError};
use serde::{Deserialize, Serialize};

/// What a membership lets its holder do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Runs the federation: referentials, offer of services, regions, members, users.
    FederationAdmin,
    /// Follows the members of one region.
    RegionalDelegate,
    /// Runs campaigns for one organisation (référent·e Cap).
    Coordinator,
    /// Takes part in an organisation's self-assessments.
    Participant,
    /// Sees the consolidated view of one group (GES).
    GroupLead,
}

impl Role {
    /// Every role, from the widest to the narrowest.
    pub const ALL: [Role; 5] =
        [Self::FederationAdmin, Self::RegionalDelegate, Self::GroupLead, Self::Coordinator, Self::Participant];

    /// Stable code stored in the database.
    pub const fn code(self) -> &'static str {
        match self {
            Self::FederationAdmin => "federation_admin",
            Self::RegionalDelegate => "regional_delegate",
            Self::Coordinator => "coordinator",
            Self::Participant => "participant",
            Self::GroupLead => "group_lead",
        }
    }

    /// Message key of the role's name.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::FederationAdmin => "role.federation_admin",
            Self::RegionalDelegate => "role.regional_delegate",
            Self::Coordinator => "role.coordinator",
            Self::Participant => "role.participant",
            Self::GroupLead => "role.group_lead",
        }
    }

    /// Parses a stored or submitted code.
    pub fn from_code(code: &str) -> Result<Self, ValidationError> {
        Self::ALL.into_iter().find(|r| r.code() == code).ok_or(ValidationError::new("error.role.invalid"))
    }
}

/// The viewpoint a participant speaks from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum College {
    /// Direction.
    Direction,
    /// Salarié·e permanent·e.
    PermanentStaff,
    /// Administrateur·rice (board member).
    BoardMember,
    /// Bénévole (volunteer).
    Volunteer,
    /// Salarié·e en parcours d'insertion.
    InsertionEmployee,
}

impl College {
    /// Every collège, in the order forms list them.
    pub const ALL: [College; 5] =
        [Self::Direction, Self::PermanentStaff, Self::BoardMember, Self::Volunteer, Self::InsertionEmployee];

    /// Stable code stored in the database.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Direction => "direction",
            Self::PermanentStaff => "permanent_staff",
            Self::BoardMember => "board_member",
            Self::Volunteer => "volunteer",
            Self::InsertionEmployee => "insertion_employee",
        }
    }

    /// Message key of the collège's name.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Direction => "college.direction",
            Self::PermanentStaff => "college.permanent_staff",
            Self::BoardMember => "college.board_member",
            Self::Volunteer => "college.volunteer",
            Self::InsertionEmployee => "college.insertion_employee",
        }
    }

    /// Parses a stored or submitted code.
    pub fn from_code(code: &str) -> Result<Self, ValidationError> {
        Self::ALL.into_iter().find(|c| c.code() == code).ok_or(ValidationError::new("error.college.invalid"))
    }
}

/// Where a role applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scope {
    /// The whole federation.
    Federation,
    /// One regional delegation.
    Region(RegionId),
    /// One member organisation.
    Organisation(OrganisationId),
    /// One group (GES).
    Group(GroupId),
}

/// A role held by a user over a scope; participants also carry their collège.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    /// The role.
    pub role: Role,
    /// Where it applies.
    pub scope: Scope,
    /// The participant's collège, when the role is `Participant` or `Coordinator`.
    pub college: Option<College>,
}

impl Membership {
    /// Builds a membership, refusing a role over a scope it cannot apply to.
    pub fn new(role: Role, scope: Scope, college: Option<College>) -> Result<Self, ValidationError> {
        let fits = matches!(
            (role, scope),
            (Role::FederationAdmin, Scope::Federation)
                | (Role::RegionalDelegate, Scope::Region(_))
                | (Role::Coordinator, Scope::Organisation(_))
                | (Role::Participant, Scope::Organisation(_))
                | (Role::GroupLead, Scope::Group(_))
        );
        if !fits {
            return Err(ValidationError::new("error.membership.scope"));
        }
        if role == Role::Participant && college.is_none() {
            return Err(ValidationError::new("error.college.required"));
        }
        let college = if matches!(role, Role::Participant | Role::Coordinator) { college } else { None };
        Ok(Self { role, scope, college })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::from_code(r.code()).unwrap(), r);
        }
        for c in College::ALL {
            assert_eq!(College::from_code(c.code()).unwrap(), c);
        }
    }

    #[test]
    fn role_must_fit_scope() {
        let org = Scope::Organisation(OrganisationId(1));
        assert!(Membership::new(Role::Coordinator, org, None).is_ok());
        assert!(Membership::new(Role::FederationAdmin, org, None).is_err());
        assert!(Membership::new(Role::RegionalDelegate, Scope::Federation, None).is_err());
        assert!(Membership::new(Role::GroupLead, Scope::Group(GroupId(2)), None).is_ok());
    }

    #[test]
    fn participants_need_a_college() {
        let org = Scope::Organisation(OrganisationId(1));
        assert_eq!(Membership::new(Role::Participant, org, None).unwrap_err().key, "error.college.required");
        let m = Membership::new(Role::Participant, org, Some(College::Volunteer)).unwrap();
        assert_eq!(m.college, Some(College::Volunteer));
        let lead = Membership::new(Role::GroupLead, Scope::Group(GroupId(1)), Some(College::Volunteer)).unwrap();
        assert_eq!(lead.college, None, "only organisation roles carry a collège");
    }
}
