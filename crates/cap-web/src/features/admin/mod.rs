//! Federation administration: regions, organisations, groups, users and the audit log.
pub mod audit;
pub mod erase_user;
pub mod feedback;
pub mod groups;
pub mod index;
pub mod invite;
pub mod organisation_form;
pub mod organisations;
pub mod referential_diff;
pub mod referential_import;
pub mod region_edit;
pub mod region_form;
pub mod regions;
pub mod revoke_membership;
pub mod services;
pub mod users;
