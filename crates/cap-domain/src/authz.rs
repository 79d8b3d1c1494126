//! The authorization policy: the one place that decides who may do what.
//!
//! Handlers describe what they are about to do as a [`Permission`] carrying the facts the
//! decision needs (an organisation's region and group, for instance), and ask [`allows`].

use crate::{GroupId, Membership, OrganisationId, RegionId, Role, Scope, UserId};

/// Who is acting: a signed-in user and all their memberships.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The user.
    pub user_id: UserId,
    /// Every role the user holds.
    pub memberships: Vec<Membership>,
}

/// The facts about an organisation that decide who may see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrganisationRef {
    /// The organisation.
    pub id: OrganisationId,
    /// Its region.
    pub region: RegionId,
    /// Its group, if any.
    pub group: Option<GroupId>,
}

/// Something an actor wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Manage regions, organisations, groups, users and read the audit log.
    AdministerFederation,
    /// See an organisation's home page and members.
    ViewOrganisation(OrganisationRef),
    /// Invite and manage an organisation's members.
    ManageOrganisationMembers(OrganisationRef),
    /// See a region's organisations.
    ViewRegion(RegionId),
    /// See a group's organisations side by side.
    ViewGroup(GroupId),
    /// Create campaigns for an organisation and run them (scope, participants, steps).
    RunCampaigns(OrganisationRef),
    /// See a campaign: its participants, its progress. `participant` says whether the actor
    /// takes part in it.
    ViewCampaign {
        /// The campaign's organisation.
        org: OrganisationRef,
        /// Whether the actor is one of its participants.
        participant: bool,
    },
    /// Record a campaign's accompaniment day (the coordinator, or the region's delegate as tiers).
    AccompanyCampaign(OrganisationRef),
    /// Read a campaign's photographie and progress plan: its participants, its coordinator, its
    /// region's delegate, and a reviewer while their access is open.
    ReadResults {
        /// The campaign's organisation.
        org: OrganisationRef,
        /// Whether the actor is one of its participants.
        participant: bool,
        /// Whether the actor holds an open reviewer access to it.
        reviewer: bool,
    },
    /// Open a campaign's review page and take part in its comment threads: the coordinator, the
    /// region's delegate, and a reviewer while their access is open.
    ReviewCampaign {
        /// The campaign's organisation.
        org: OrganisationRef,
        /// Whether the actor holds an open reviewer access to it.
        reviewer: bool,
    },
    /// Invite a tiers or a pair to review a campaign, and end their access.
    InviteReviewers(OrganisationRef),
    /// Browse the directory of pair volunteers and the trainings (those who may invite reviewers).
    BrowseDirectory,
    /// Record trainings held in a region and who attended.
    ManageTrainings(RegionId),
    /// See the network's anonymised figures: of the whole federation (`None`), or of one region.
    ViewNetwork(Option<RegionId>),
    /// Share a good practice in an organisation's name: its coordinators and participants.
    SharePractice(OrganisationRef),
    /// Publish or refuse the good practices shared by a region's organisations.
    ModeratePractices(RegionId),
    /// Read a good practice: once published, every signed-in member; before, its author, its
    /// organisation's coordinators and its region's delegates.
    ReadPractice {
        /// The organisation that shared it.
        org: OrganisationRef,
        /// Whether it is published.
        published: bool,
        /// Whether the actor wrote it.
        author: bool,
    },
    /// Give one's own answers in a campaign.
    AnswerCampaign {
        /// Whether the actor is one of its participants.
        participant: bool,
    },
}

impl Actor {
    fn holds(&self, role: Role, scope: Scope) -> bool {
        self.memberships.iter().any(|m| m.role == role && m.scope == scope)
    }

    fn holds_anywhere(&self, role: Role) -> bool {
        self.memberships.iter().any(|m| m.role == role)
    }

    /// Whether the actor is a federation administrator.
    pub fn is_federation_admin(&self) -> bool {
        self.holds(Role::FederationAdmin, Scope::Federation)
    }
}

/// Decides whether `actor` may do `permission`. Nothing else in the product decides this.
pub fn allows(actor: &Actor, permission: Permission) -> bool {
    if actor.is_federation_admin() {
        return true;
    }
    match permission {
        Permission::AdministerFederation => false,
        Permission::ViewOrganisation(org) => {
            actor.holds(Role::RegionalDelegate, Scope::Region(org.region))
                || actor.holds(Role::Coordinator, Scope::Organisation(org.id))
                || actor.holds(Role::Participant, Scope::Organisation(org.id))
                || org.group.is_some_and(|g| actor.holds(Role::GroupLead, Scope::Group(g)))
        }
        Permission::ManageOrganisationMembers(org) => {
            actor.holds(Role::RegionalDelegate, Scope::Region(org.region))
                || actor.holds(Role::Coordinator, Scope::Organisation(org.id))
        }
        Permission::ViewRegion(region) => actor.holds(Role::RegionalDelegate, Scope::Region(region)),
        Permission::RunCampaigns(org) => actor.holds(Role::Coordinator, Scope::Organisation(org.id)),
        Permission::ViewCampaign { org, participant } => {
            participant
                || actor.holds(Role::Coordinator, Scope::Organisation(org.id))
                || actor.holds(Role::RegionalDelegate, Scope::Region(org.region))
        }
        Permission::AnswerCampaign { participant } => participant,
        Permission::AccompanyCampaign(org) => {
            actor.holds(Role::Coordinator, Scope::Organisation(org.id))
                || actor.holds(Role::RegionalDelegate, Scope::Region(org.region))
        }
        Permission::ViewGroup(group) => actor.holds(Role::GroupLead, Scope::Group(group)),
        Permission::ReadResults { org, participant, reviewer } => {
            participant
                || reviewer
                || actor.holds(Role::Coordinator, Scope::Organisation(org.id))
                || actor.holds(Role::RegionalDelegate, Scope::Region(org.region))
        }
        Permission::ReviewCampaign { org, reviewer } => {
            reviewer
                || actor.holds(Role::Coordinator, Scope::Organisation(org.id))
                || actor.holds(Role::RegionalDelegate, Scope::Region(org.region))
        }
        Permission::InviteReviewers(org) => {
            actor.holds(Role::Coordinator, Scope::Organisation(org.id))
                || actor.holds(Role::RegionalDelegate, Scope::Region(org.region))
        }
        Permission::BrowseDirectory => {
            actor.holds_anywhere(Role::Coordinator) || actor.holds_anywhere(Role::RegionalDelegate)
        }
        Permission::ManageTrainings(region) => actor.holds(Role::RegionalDelegate, Scope::Region(region)),
        Permission::ViewNetwork(None) => false,
        Permission::SharePractice(org) => {
            actor.holds(Role::Coordinator, Scope::Organisation(org.id))
                || actor.holds(Role::Participant, Scope::Organisation(org.id))
        }
        Permission::ModeratePractices(region) => actor.holds(Role::RegionalDelegate, Scope::Region(region)),
        Permission::ReadPractice { org, published, author } => {
            published
                || author
                || actor.holds(Role::Coordinator, Scope::Organisation(org.id))
                || actor.holds(Role::RegionalDelegate, Scope::Region(org.region))
        }
        Permission::ViewNetwork(Some(region)) => actor.holds(Role::RegionalDelegate, Scope::Region(region)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::College;

    const ORG_A: OrganisationRef =
        OrganisationRef { id: OrganisationId(1), region: RegionId(10), group: Some(GroupId(100)) };
    const ORG_B: OrganisationRef = OrganisationRef { id: OrganisationId(2), region: RegionId(20), group: None };

    fn actor(memberships: &[(Role, Scope)]) -> Actor {
        Actor {
            user_id: UserId(1),
            memberships: memberships
                .iter()
                .map(|&(role, scope)| Membership { role, scope, college: Some(College::Direction) })
                .collect(),
        }
    }

    fn all_permissions() -> Vec<Permission> {
        vec![
            Permission::AdministerFederation,
            Permission::ViewOrganisation(ORG_A),
            Permission::ViewOrganisation(ORG_B),
            Permission::ManageOrganisationMembers(ORG_A),
            Permission::ManageOrganisationMembers(ORG_B),
            Permission::ViewRegion(RegionId(10)),
            Permission::ViewRegion(RegionId(20)),
            Permission::ViewGroup(GroupId(100)),
            Permission::RunCampaigns(ORG_A),
            Permission::RunCampaigns(ORG_B),
            Permission::ViewCampaign { org: ORG_A, participant: false },
            Permission::ViewCampaign { org: ORG_B, participant: false },
            Permission::AnswerCampaign { participant: false },
            Permission::AccompanyCampaign(ORG_A),
            Permission::AccompanyCampaign(ORG_B),
            Permission::ReadResults { org: ORG_A, participant: false, reviewer: false },
            Permission::ReadResults { org: ORG_B, participant: false, reviewer: false },
            Permission::ReviewCampaign { org: ORG_A, reviewer: false },
            Permission::ReviewCampaign { org: ORG_B, reviewer: false },
            Permission::InviteReviewers(ORG_A),
            Permission::InviteReviewers(ORG_B),
            Permission::BrowseDirectory,
            Permission::ManageTrainings(RegionId(10)),
            Permission::ManageTrainings(RegionId(20)),
            Permission::ViewNetwork(None),
            Permission::ViewNetwork(Some(RegionId(10))),
            Permission::ViewNetwork(Some(RegionId(20))),
            Permission::SharePractice(ORG_A),
            Permission::SharePractice(ORG_B),
            Permission::ModeratePractices(RegionId(10)),
            Permission::ModeratePractices(RegionId(20)),
            Permission::ReadPractice { org: ORG_A, published: false, author: false },
            Permission::ReadPractice { org: ORG_B, published: false, author: false },
        ]
    }

    /// The variant of a permission, by an exhaustive `match`: adding a variant to [`Permission`]
    /// fails to compile here until it gets the next number (and `VARIANTS` grows), and then
    /// fails `every_variant_is_tried` until `all_permissions` lists it.
    const VARIANTS: usize = 18;

    fn variant(p: &Permission) -> usize {
        match p {
            Permission::AdministerFederation => 0,
            Permission::ViewOrganisation(_) => 1,
            Permission::ManageOrganisationMembers(_) => 2,
            Permission::ViewRegion(_) => 3,
            Permission::ViewGroup(_) => 4,
            Permission::RunCampaigns(_) => 5,
            Permission::ViewCampaign { .. } => 6,
            Permission::AccompanyCampaign(_) => 7,
            Permission::ReadResults { .. } => 8,
            Permission::ReviewCampaign { .. } => 9,
            Permission::InviteReviewers(_) => 10,
            Permission::BrowseDirectory => 11,
            Permission::ManageTrainings(_) => 12,
            Permission::ViewNetwork(_) => 13,
            Permission::SharePractice(_) => 14,
            Permission::ModeratePractices(_) => 15,
            Permission::ReadPractice { .. } => 16,
            Permission::AnswerCampaign { .. } => 17,
        }
    }

    #[test]
    fn every_variant_is_tried() {
        let tried: std::collections::BTreeSet<usize> = all_permissions().iter().map(variant).collect();
        let highest = tried.iter().max().copied().unwrap_or_default();
        assert_eq!(tried.len(), highest + 1, "a variant of Permission is missing from all_permissions: {tried:?}");
        assert_eq!(tried.len(), VARIANTS, "a variant of Permission is missing from all_permissions: {tried:?}");
    }

    #[test]
    fn administrator_may_do_everything() {
        let admin = actor(&[(Role::FederationAdmin, Scope::Federation)]);
        assert!(all_permissions().into_iter().all(|p| allows(&admin, p)));
    }

    #[test]
    fn nobody_without_membership_may_do_anything() {
        let nobody = actor(&[]);
        assert!(all_permissions().into_iter().all(|p| !allows(&nobody, p)));
    }

    #[test]
    fn participant_sees_only_their_organisation() {
        let p = actor(&[(Role::Participant, Scope::Organisation(ORG_A.id))]);
        let allowed: Vec<_> = all_permissions().into_iter().filter(|&x| allows(&p, x)).collect();
        assert_eq!(allowed, vec![Permission::ViewOrganisation(ORG_A), Permission::SharePractice(ORG_A)]);
    }

    #[test]
    fn coordinator_manages_only_their_organisation() {
        let c = actor(&[(Role::Coordinator, Scope::Organisation(ORG_A.id))]);
        let allowed: Vec<_> = all_permissions().into_iter().filter(|&x| allows(&c, x)).collect();
        assert_eq!(
            allowed,
            vec![
                Permission::ViewOrganisation(ORG_A),
                Permission::ManageOrganisationMembers(ORG_A),
                Permission::RunCampaigns(ORG_A),
                Permission::ViewCampaign { org: ORG_A, participant: false },
                Permission::AccompanyCampaign(ORG_A),
                Permission::ReadResults { org: ORG_A, participant: false, reviewer: false },
                Permission::ReviewCampaign { org: ORG_A, reviewer: false },
                Permission::InviteReviewers(ORG_A),
                Permission::BrowseDirectory,
                Permission::SharePractice(ORG_A),
                Permission::ReadPractice { org: ORG_A, published: false, author: false },
            ]
        );
    }

    #[test]
    fn delegate_is_scoped_to_their_region() {
        let d = actor(&[(Role::RegionalDelegate, Scope::Region(RegionId(20)))]);
        let allowed: Vec<_> = all_permissions().into_iter().filter(|&x| allows(&d, x)).collect();
        assert_eq!(
            allowed,
            vec![
                Permission::ViewOrganisation(ORG_B),
                Permission::ManageOrganisationMembers(ORG_B),
                Permission::ViewRegion(RegionId(20)),
                Permission::ViewCampaign { org: ORG_B, participant: false },
                Permission::AccompanyCampaign(ORG_B),
                Permission::ReadResults { org: ORG_B, participant: false, reviewer: false },
                Permission::ReviewCampaign { org: ORG_B, reviewer: false },
                Permission::InviteReviewers(ORG_B),
                Permission::BrowseDirectory,
                Permission::ManageTrainings(RegionId(20)),
                Permission::ViewNetwork(Some(RegionId(20))),
                Permission::ModeratePractices(RegionId(20)),
                Permission::ReadPractice { org: ORG_B, published: false, author: false },
            ]
        );
    }

    #[test]
    fn taking_part_opens_a_campaign_and_its_answers() {
        let p = actor(&[(Role::Participant, Scope::Organisation(ORG_A.id))]);
        assert!(allows(&p, Permission::ViewCampaign { org: ORG_A, participant: true }));
        assert!(allows(&p, Permission::AnswerCampaign { participant: true }));
        assert!(
            !allows(&p, Permission::ViewCampaign { org: ORG_A, participant: false }),
            "members who take no part do not see it"
        );
        let b = actor(&[(Role::Coordinator, Scope::Organisation(ORG_B.id))]);
        assert!(!allows(&b, Permission::ViewCampaign { org: ORG_A, participant: false }));
        assert!(!allows(&b, Permission::RunCampaigns(ORG_A)));
    }

    #[test]
    fn an_open_review_access_reads_and_comments_but_runs_nothing() {
        // A pair: coordinator of another organisation, invited to review A.
        let pair = actor(&[(Role::Coordinator, Scope::Organisation(ORG_B.id))]);
        assert!(allows(&pair, Permission::ReadResults { org: ORG_A, participant: false, reviewer: true }));
        assert!(allows(&pair, Permission::ReviewCampaign { org: ORG_A, reviewer: true }));
        assert!(!allows(&pair, Permission::ReadResults { org: ORG_A, participant: false, reviewer: false }));
        assert!(!allows(&pair, Permission::ReviewCampaign { org: ORG_A, reviewer: false }), "access ended");
        assert!(!allows(&pair, Permission::RunCampaigns(ORG_A)));
        assert!(!allows(&pair, Permission::InviteReviewers(ORG_A)));
        assert!(!allows(&pair, Permission::ViewCampaign { org: ORG_A, participant: false }));
        // A participant reads the results but not the review threads.
        let p = actor(&[(Role::Participant, Scope::Organisation(ORG_A.id))]);
        assert!(allows(&p, Permission::ReadResults { org: ORG_A, participant: true, reviewer: false }));
        assert!(!allows(&p, Permission::ReviewCampaign { org: ORG_A, reviewer: false }));
    }

    #[test]
    fn a_practice_is_read_by_all_once_published_and_before_by_its_own_people() {
        let stranger = actor(&[(Role::Coordinator, Scope::Organisation(ORG_B.id))]);
        assert!(allows(&stranger, Permission::ReadPractice { org: ORG_A, published: true, author: false }));
        assert!(!allows(&stranger, Permission::ReadPractice { org: ORG_A, published: false, author: false }));
        let writer = actor(&[(Role::Participant, Scope::Organisation(ORG_A.id))]);
        assert!(allows(&writer, Permission::ReadPractice { org: ORG_A, published: false, author: true }));
        assert!(!allows(&writer, Permission::ReadPractice { org: ORG_A, published: false, author: false }));
        let other_delegate = actor(&[(Role::RegionalDelegate, Scope::Region(ORG_B.region))]);
        assert!(!allows(&other_delegate, Permission::ModeratePractices(ORG_A.region)));
        assert!(!allows(&other_delegate, Permission::SharePractice(ORG_B)), "delegates moderate, members share");
    }

    #[test]
    fn group_lead_sees_the_group_organisations_but_manages_none() {
        let g = actor(&[(Role::GroupLead, Scope::Group(GroupId(100)))]);
        let allowed: Vec<_> = all_permissions().into_iter().filter(|&x| allows(&g, x)).collect();
        assert_eq!(allowed, vec![Permission::ViewOrganisation(ORG_A), Permission::ViewGroup(GroupId(100))]);
    }
}
