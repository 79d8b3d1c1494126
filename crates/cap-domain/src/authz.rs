//! The authorization policy: the one place that decides who may do what.
//!
//! Handlers describe what they are about to do as a [`Permission`] carrying the facts the
//! decision needs (an organisation's region and group, for instance), and ask [`allows`].

use crate::review::ReviewerKind;
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

/// How an actor stands towards one campaign, beyond their roles: the facts that decide who reads
/// a member's self-assessment. The member decides: nobody outside it reads its results unless
/// invited to review them, or unless the member shares the campaign with its region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CampaignRef {
    /// The campaign's organisation.
    pub org: OrganisationRef,
    /// Whether the actor takes part in it.
    pub participant: bool,
    /// The actor's open reviewer access to it, if any: as the tiers or as a pair.
    pub reviewer: Option<ReviewerKind>,
    /// Whether the member shares the campaign's results with its region's delegates.
    pub shared_with_region: bool,
}

impl CampaignRef {
    /// A campaign of `org` towards which the actor stands in no particular way.
    pub const fn of(org: OrganisationRef) -> Self {
        Self { org, participant: false, reviewer: None, shared_with_region: false }
    }
}

/// Something an actor wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Manage regions, organisations, groups, users and read the audit log.
    AdministerFederation,
    /// See an organisation's page: who it is and its contacts.
    ViewOrganisation(OrganisationRef),
    /// See where an organisation's démarche stands: its campaigns' steps and dates, never their
    /// answers or results.
    FollowCampaigns(OrganisationRef),
    /// See every person of an organisation (its own people; others see its coordinators only).
    ViewOrganisationPeople(OrganisationRef),
    /// Invite and manage an organisation's members: its coordinators.
    ManageOrganisationMembers(OrganisationRef),
    /// Invite the first coordinator of an organisation that has none: its region's delegates.
    InviteFirstCoordinator {
        /// The organisation.
        org: OrganisationRef,
        /// Whether it already has a coordinator.
        has_coordinator: bool,
    },
    /// See a region's organisations.
    ViewRegion(RegionId),
    /// See a group's organisations side by side.
    ViewGroup(GroupId),
    /// Write the definitions of a glossary: the federation's (`None`, its administrators) or a
    /// group's (its lead).
    EditGlossary(Option<GroupId>),
    /// Create campaigns for an organisation and run them (scope, participants, steps, sharing).
    RunCampaigns(OrganisationRef),
    /// Open a campaign's page (its participants, its progress).
    ViewCampaign(CampaignRef),
    /// Record a campaign's accompaniment day: the coordinator, and the campaign's tiers.
    AccompanyCampaign(CampaignRef),
    /// Read a campaign's photographie, plan and reports.
    ReadResults(CampaignRef),
    /// Open a campaign's review page and write in its threads: the coordinator, and reviewers
    /// while their access is open.
    ReviewCampaign(CampaignRef),
    /// Mark a review thread resolved or open again: its author and the coordinator.
    ResolveThread {
        /// The campaign's organisation.
        org: OrganisationRef,
        /// Whether the actor opened the thread.
        author: bool,
    },
    /// Suggest actions, amendments and merges for a campaign's plan: its tiers.
    SuggestToPlan(CampaignRef),
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

    fn coordinates(&self, org: OrganisationRef) -> bool {
        self.holds(Role::Coordinator, Scope::Organisation(org.id))
    }

    fn delegate_of(&self, org: OrganisationRef) -> bool {
        self.holds(Role::RegionalDelegate, Scope::Region(org.region))
    }

    /// A delegate of the campaign's region, once the member shares the campaign with it.
    fn reads_as_region(&self, c: CampaignRef) -> bool {
        c.shared_with_region && self.delegate_of(c.org)
    }
}

/// Decides whether `actor` may do `permission`. Nothing else in the product decides this; the
/// matrix in `docs/SECURITY.md` is checked against it cell by cell.
pub fn allows(actor: &Actor, permission: Permission) -> bool {
    if actor.is_federation_admin() {
        return true;
    }
    match permission {
        Permission::AdministerFederation => false,
        Permission::ViewOrganisation(org) => {
            actor.delegate_of(org)
                || actor.coordinates(org)
                || actor.holds(Role::Participant, Scope::Organisation(org.id))
                || org.group.is_some_and(|g| actor.holds(Role::GroupLead, Scope::Group(g)))
        }
        Permission::FollowCampaigns(org) => actor.coordinates(org) || actor.delegate_of(org),
        Permission::ViewOrganisationPeople(org) => {
            actor.coordinates(org) || actor.holds(Role::Participant, Scope::Organisation(org.id))
        }
        Permission::ManageOrganisationMembers(org) => actor.coordinates(org),
        Permission::InviteFirstCoordinator { org, has_coordinator } => {
            actor.coordinates(org) || (!has_coordinator && actor.delegate_of(org))
        }
        Permission::ViewRegion(region) => actor.holds(Role::RegionalDelegate, Scope::Region(region)),
        Permission::RunCampaigns(org) => actor.coordinates(org),
        Permission::ViewCampaign(c) => c.participant || actor.coordinates(c.org) || actor.reads_as_region(c),
        Permission::AnswerCampaign { participant } => participant,
        Permission::AccompanyCampaign(c) => actor.coordinates(c.org) || c.reviewer == Some(ReviewerKind::Tiers),
        Permission::ViewGroup(group) => actor.holds(Role::GroupLead, Scope::Group(group)),
        Permission::EditGlossary(None) => false,
        Permission::EditGlossary(Some(group)) => actor.holds(Role::GroupLead, Scope::Group(group)),
        Permission::ReadResults(c) => {
            c.participant || c.reviewer.is_some() || actor.coordinates(c.org) || actor.reads_as_region(c)
        }
        Permission::ReviewCampaign(c) => c.reviewer.is_some_and(ReviewerKind::comments) || actor.coordinates(c.org),
        Permission::ResolveThread { org, author } => author || actor.coordinates(org),
        Permission::SuggestToPlan(c) => c.reviewer == Some(ReviewerKind::Tiers),
        Permission::InviteReviewers(org) => actor.coordinates(org),
        Permission::BrowseDirectory => {
            actor.holds_anywhere(Role::Coordinator) || actor.holds_anywhere(Role::RegionalDelegate)
        }
        Permission::ManageTrainings(region) => actor.holds(Role::RegionalDelegate, Scope::Region(region)),
        Permission::ViewNetwork(None) => false,
        Permission::SharePractice(org) => {
            actor.coordinates(org) || actor.holds(Role::Participant, Scope::Organisation(org.id))
        }
        Permission::ModeratePractices(region) => actor.holds(Role::RegionalDelegate, Scope::Region(region)),
        Permission::ReadPractice { org, published, author } => {
            published || author || actor.coordinates(org) || actor.delegate_of(org)
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
    const CAMPAIGN_A: CampaignRef = CampaignRef::of(ORG_A);
    const CAMPAIGN_B: CampaignRef = CampaignRef::of(ORG_B);

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
            Permission::FollowCampaigns(ORG_A),
            Permission::FollowCampaigns(ORG_B),
            Permission::ViewOrganisationPeople(ORG_A),
            Permission::ViewOrganisationPeople(ORG_B),
            Permission::ManageOrganisationMembers(ORG_A),
            Permission::ManageOrganisationMembers(ORG_B),
            Permission::InviteFirstCoordinator { org: ORG_A, has_coordinator: true },
            Permission::InviteFirstCoordinator { org: ORG_B, has_coordinator: true },
            Permission::ViewRegion(RegionId(10)),
            Permission::ViewRegion(RegionId(20)),
            Permission::ViewGroup(GroupId(100)),
            Permission::EditGlossary(None),
            Permission::EditGlossary(Some(GroupId(100))),
            Permission::RunCampaigns(ORG_A),
            Permission::RunCampaigns(ORG_B),
            Permission::ViewCampaign(CAMPAIGN_A),
            Permission::ViewCampaign(CAMPAIGN_B),
            Permission::AnswerCampaign { participant: false },
            Permission::AccompanyCampaign(CAMPAIGN_A),
            Permission::AccompanyCampaign(CAMPAIGN_B),
            Permission::ReadResults(CAMPAIGN_A),
            Permission::ReadResults(CAMPAIGN_B),
            Permission::ReviewCampaign(CAMPAIGN_A),
            Permission::ReviewCampaign(CAMPAIGN_B),
            Permission::ResolveThread { org: ORG_A, author: false },
            Permission::ResolveThread { org: ORG_B, author: false },
            Permission::SuggestToPlan(CAMPAIGN_A),
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
    const VARIANTS: usize = 24;

    fn variant(p: &Permission) -> usize {
        match p {
            Permission::AdministerFederation => 0,
            Permission::ViewOrganisation(_) => 1,
            Permission::ManageOrganisationMembers(_) => 2,
            Permission::ViewRegion(_) => 3,
            Permission::ViewGroup(_) => 4,
            Permission::RunCampaigns(_) => 5,
            Permission::ViewCampaign(_) => 6,
            Permission::AccompanyCampaign(_) => 7,
            Permission::ReadResults(_) => 8,
            Permission::ReviewCampaign(_) => 9,
            Permission::InviteReviewers(_) => 10,
            Permission::BrowseDirectory => 11,
            Permission::ManageTrainings(_) => 12,
            Permission::ViewNetwork(_) => 13,
            Permission::SharePractice(_) => 14,
            Permission::ModeratePractices(_) => 15,
            Permission::ReadPractice { .. } => 16,
            Permission::AnswerCampaign { .. } => 17,
            Permission::FollowCampaigns(_) => 18,
            Permission::ViewOrganisationPeople(_) => 19,
            Permission::InviteFirstCoordinator { .. } => 20,
            Permission::ResolveThread { .. } => 21,
            Permission::SuggestToPlan(_) => 22,
            Permission::EditGlossary(_) => 23,
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
        assert_eq!(
            allowed,
            vec![
                Permission::ViewOrganisation(ORG_A),
                Permission::ViewOrganisationPeople(ORG_A),
                Permission::SharePractice(ORG_A)
            ]
        );
    }

    #[test]
    fn coordinator_manages_only_their_organisation() {
        let c = actor(&[(Role::Coordinator, Scope::Organisation(ORG_A.id))]);
        let allowed: Vec<_> = all_permissions().into_iter().filter(|&x| allows(&c, x)).collect();
        assert_eq!(
            allowed,
            vec![
                Permission::ViewOrganisation(ORG_A),
                Permission::FollowCampaigns(ORG_A),
                Permission::ViewOrganisationPeople(ORG_A),
                Permission::ManageOrganisationMembers(ORG_A),
                Permission::InviteFirstCoordinator { org: ORG_A, has_coordinator: true },
                Permission::RunCampaigns(ORG_A),
                Permission::ViewCampaign(CAMPAIGN_A),
                Permission::AccompanyCampaign(CAMPAIGN_A),
                Permission::ReadResults(CAMPAIGN_A),
                Permission::ReviewCampaign(CAMPAIGN_A),
                Permission::ResolveThread { org: ORG_A, author: false },
                Permission::InviteReviewers(ORG_A),
                Permission::BrowseDirectory,
                Permission::SharePractice(ORG_A),
                Permission::ReadPractice { org: ORG_A, published: false, author: false },
            ]
        );
    }

    #[test]
    fn delegate_follows_the_region_but_reads_no_member_result_by_role_alone() {
        let d = actor(&[(Role::RegionalDelegate, Scope::Region(RegionId(20)))]);
        let allowed: Vec<_> = all_permissions().into_iter().filter(|&x| allows(&d, x)).collect();
        assert_eq!(
            allowed,
            vec![
                Permission::ViewOrganisation(ORG_B),
                Permission::FollowCampaigns(ORG_B),
                Permission::ViewRegion(RegionId(20)),
                Permission::BrowseDirectory,
                Permission::ManageTrainings(RegionId(20)),
                Permission::ViewNetwork(Some(RegionId(20))),
                Permission::ModeratePractices(RegionId(20)),
                Permission::ReadPractice { org: ORG_B, published: false, author: false },
            ]
        );
        assert!(allows(&d, Permission::InviteFirstCoordinator { org: ORG_B, has_coordinator: false }));
        assert!(!allows(&d, Permission::InviteFirstCoordinator { org: ORG_A, has_coordinator: false }));
    }

    #[test]
    fn sharing_with_the_region_lets_its_delegates_read_but_write_nothing() {
        let shared = CampaignRef { shared_with_region: true, ..CAMPAIGN_B };
        let d = actor(&[(Role::RegionalDelegate, Scope::Region(ORG_B.region))]);
        assert!(allows(&d, Permission::ReadResults(shared)));
        assert!(allows(&d, Permission::ViewCampaign(shared)));
        assert!(!allows(&d, Permission::ReviewCampaign(shared)), "reading is not reviewing");
        assert!(!allows(&d, Permission::AccompanyCampaign(shared)));
        assert!(!allows(&d, Permission::RunCampaigns(ORG_B)));
        let elsewhere = actor(&[(Role::RegionalDelegate, Scope::Region(ORG_A.region))]);
        assert!(!allows(&elsewhere, Permission::ReadResults(shared)), "only the member's own region");
        let colleague = actor(&[(Role::Participant, Scope::Organisation(ORG_B.id))]);
        assert!(!allows(&colleague, Permission::ReadResults(shared)), "sharing opens to the region only");
    }

    #[test]
    fn taking_part_opens_a_campaign_and_its_answers() {
        let p = actor(&[(Role::Participant, Scope::Organisation(ORG_A.id))]);
        let mine = CampaignRef { participant: true, ..CAMPAIGN_A };
        assert!(allows(&p, Permission::ViewCampaign(mine)));
        assert!(allows(&p, Permission::AnswerCampaign { participant: true }));
        assert!(!allows(&p, Permission::ViewCampaign(CAMPAIGN_A)), "members who take no part do not see it");
        let b = actor(&[(Role::Coordinator, Scope::Organisation(ORG_B.id))]);
        assert!(!allows(&b, Permission::ViewCampaign(CAMPAIGN_A)));
        assert!(!allows(&b, Permission::RunCampaigns(ORG_A)));
    }

    #[test]
    fn an_open_review_access_reads_and_comments_but_runs_nothing() {
        // A pair: coordinator of another organisation, invited to review A.
        let pair = actor(&[(Role::Coordinator, Scope::Organisation(ORG_B.id))]);
        let reviewing = CampaignRef { reviewer: Some(ReviewerKind::Pair), ..CAMPAIGN_A };
        assert!(allows(&pair, Permission::ReadResults(reviewing)));
        assert!(allows(&pair, Permission::ReviewCampaign(reviewing)));
        assert!(!allows(&pair, Permission::ReadResults(CAMPAIGN_A)));
        assert!(!allows(&pair, Permission::ReviewCampaign(CAMPAIGN_A)), "access ended");
        assert!(!allows(&pair, Permission::AccompanyCampaign(reviewing)), "the day is the tiers'");
        assert!(!allows(&pair, Permission::RunCampaigns(ORG_A)));
        assert!(!allows(&pair, Permission::InviteReviewers(ORG_A)));
        assert!(!allows(&pair, Permission::ViewCampaign(reviewing)));
        assert!(!allows(&pair, Permission::ResolveThread { org: ORG_A, author: false }));
        assert!(allows(&pair, Permission::ResolveThread { org: ORG_A, author: true }));
        // The tiers records the accompaniment day; managing reviewers stays the member's.
        let tiers = actor(&[(Role::RegionalDelegate, Scope::Region(ORG_A.region))]);
        let accompanying = CampaignRef { reviewer: Some(ReviewerKind::Tiers), ..CAMPAIGN_A };
        assert!(allows(&tiers, Permission::AccompanyCampaign(accompanying)));
        assert!(!allows(&tiers, Permission::AccompanyCampaign(CAMPAIGN_A)), "not without the access");
        assert!(!allows(&tiers, Permission::InviteReviewers(ORG_A)));
        assert!(allows(&tiers, Permission::SuggestToPlan(accompanying)), "the tiers works the plan with the member");
        assert!(!allows(&pair, Permission::SuggestToPlan(reviewing)), "a pair is a witness");
        assert!(!allows(&tiers, Permission::SuggestToPlan(CAMPAIGN_A)), "not without the access");
        // A State officer reads the results for a few days, and nothing more.
        let officer = actor(&[]);
        let reading = CampaignRef { reviewer: Some(ReviewerKind::State), ..CAMPAIGN_A };
        assert!(allows(&officer, Permission::ReadResults(reading)));
        assert!(!allows(&officer, Permission::ReadResults(CAMPAIGN_A)), "not without the access");
        assert!(!allows(&officer, Permission::ReviewCampaign(reading)), "no comment threads");
        assert!(!allows(&officer, Permission::SuggestToPlan(reading)));
        assert!(!allows(&officer, Permission::AccompanyCampaign(reading)));
        assert!(!allows(&officer, Permission::ViewCampaign(reading)));
        assert!(!allows(&officer, Permission::RunCampaigns(ORG_A)));
        // A participant reads the results but not the review threads.
        let p = actor(&[(Role::Participant, Scope::Organisation(ORG_A.id))]);
        let mine = CampaignRef { participant: true, ..CAMPAIGN_A };
        assert!(allows(&p, Permission::ReadResults(mine)));
        assert!(!allows(&p, Permission::ReviewCampaign(mine)));
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
        assert_eq!(
            allowed,
            vec![
                Permission::ViewOrganisation(ORG_A),
                Permission::ViewGroup(GroupId(100)),
                Permission::EditGlossary(Some(GroupId(100)))
            ]
        );
    }

    /// The columns of the matrix in `docs/SECURITY.md`: who, and how they stand towards
    /// organisation A's campaign.
    const COLUMNS: [&str; 10] = [
        "admin",
        "coordinator",
        "participant",
        "member",
        "delegate",
        "delegate, shared",
        "tiers",
        "pair",
        "other delegate",
        "group lead",
    ];

    fn column_actor(column: &str) -> (Actor, CampaignRef) {
        let region_a = Scope::Region(ORG_A.region);
        let (memberships, campaign) = match column {
            "admin" => (vec![(Role::FederationAdmin, Scope::Federation)], CAMPAIGN_A),
            "coordinator" => (vec![(Role::Coordinator, Scope::Organisation(ORG_A.id))], CAMPAIGN_A),
            "participant" => (
                vec![(Role::Participant, Scope::Organisation(ORG_A.id))],
                CampaignRef { participant: true, ..CAMPAIGN_A },
            ),
            "member" => (vec![(Role::Participant, Scope::Organisation(ORG_A.id))], CAMPAIGN_A),
            "delegate" => (vec![(Role::RegionalDelegate, region_a)], CAMPAIGN_A),
            "delegate, shared" => {
                (vec![(Role::RegionalDelegate, region_a)], CampaignRef { shared_with_region: true, ..CAMPAIGN_A })
            }
            "tiers" => (
                vec![(Role::RegionalDelegate, region_a)],
                CampaignRef { reviewer: Some(ReviewerKind::Tiers), ..CAMPAIGN_A },
            ),
            "pair" => (
                vec![(Role::Coordinator, Scope::Organisation(ORG_B.id))],
                CampaignRef { reviewer: Some(ReviewerKind::Pair), ..CAMPAIGN_A },
            ),
            "other delegate" => (
                vec![(Role::RegionalDelegate, Scope::Region(ORG_B.region))],
                CampaignRef { shared_with_region: true, ..CAMPAIGN_A },
            ),
            "group lead" => (vec![(Role::GroupLead, Scope::Group(GroupId(100)))], CAMPAIGN_A),
            other => panic!("unknown column {other:?}"),
        };
        (actor(&memberships), campaign)
    }

    fn row_permission(row: &str, c: CampaignRef) -> Permission {
        match row {
            "AdministerFederation" => Permission::AdministerFederation,
            "ViewOrganisation" => Permission::ViewOrganisation(c.org),
            "FollowCampaigns" => Permission::FollowCampaigns(c.org),
            "ViewOrganisationPeople" => Permission::ViewOrganisationPeople(c.org),
            "ManageOrganisationMembers" => Permission::ManageOrganisationMembers(c.org),
            "InviteFirstCoordinator" => Permission::InviteFirstCoordinator { org: c.org, has_coordinator: false },
            "RunCampaigns" => Permission::RunCampaigns(c.org),
            "ViewCampaign" => Permission::ViewCampaign(c),
            "AnswerCampaign" => Permission::AnswerCampaign { participant: c.participant },
            "ReadResults" => Permission::ReadResults(c),
            "ReviewCampaign" => Permission::ReviewCampaign(c),
            "ResolveThread" => Permission::ResolveThread { org: c.org, author: false },
            "AccompanyCampaign" => Permission::AccompanyCampaign(c),
            "SuggestToPlan" => Permission::SuggestToPlan(c),
            "InviteReviewers" => Permission::InviteReviewers(c.org),
            "ViewRegion" => Permission::ViewRegion(c.org.region),
            "ViewNetwork" => Permission::ViewNetwork(Some(c.org.region)),
            "ViewGroup" => Permission::ViewGroup(GroupId(100)),
            "EditGlossary" => Permission::EditGlossary(Some(GroupId(100))),
            other => panic!("unknown row {other:?}"),
        }
    }

    /// The access matrix written for people in `docs/SECURITY.md` is the policy: every cell is
    /// checked against [`allows`], so the document cannot drift from the code.
    #[test]
    fn the_documented_matrix_is_the_policy() {
        let doc = include_str!("../../../docs/SECURITY.md");
        let table = doc
            .split("<!-- access-matrix:start -->")
            .nth(1)
            .and_then(|rest| rest.split("<!-- access-matrix:end -->").next())
            .expect("docs/SECURITY.md holds the access matrix between its markers");
        let mut lines = table.lines().map(str::trim).filter(|l| l.starts_with('|'));
        let header: Vec<&str> =
            lines.next().expect("header").split('|').map(str::trim).filter(|c| !c.is_empty()).collect();
        assert_eq!(header[2..], COLUMNS, "the matrix's columns");
        let mut rows = 0;
        let mut mismatches = Vec::new();
        for line in lines.skip(1) {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let cells = &cells[1..cells.len() - 1];
            let row = cells[0].trim_matches('`');
            assert_eq!(cells.len(), COLUMNS.len() + 2, "row {row} has a cell per column");
            for (column, cell) in COLUMNS.iter().zip(&cells[2..]) {
                let documented = match *cell {
                    "✓" => true,
                    "—" => false,
                    other => panic!("row {row}, column {column}: {other:?} is neither ✓ nor —"),
                };
                let (who, campaign) = column_actor(column);
                if allows(&who, row_permission(row, campaign)) != documented {
                    mismatches.push(format!("{row} / {column}: documented {cell}"));
                }
            }
            rows += 1;
        }
        assert!(rows >= 16, "the matrix lists every permission about a member ({rows} rows)");
        assert!(mismatches.is_empty(), "docs/SECURITY.md disagrees with the policy:\n{}", mismatches.join("\n"));
    }
}
