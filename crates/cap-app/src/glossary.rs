//! Shared vocabularies as use cases: the federation's glossary, read by everyone signed in and
//! written by its administrators, and each group's, read by the lead and the people of the
//! group's structures and written by the lead; a definition's versions; the terms an indicator's
//! words use, shown beside it.

use crate::app::App;
use crate::audit::Author;
use crate::error::{Error, Result};
use crate::viewer::Viewer;
use cap_domain::GroupId;
use cap_domain::authz::Permission;
use cap_domain::glossary::{TermInput, anchor, used_in};
use cap_storage::glossary::{self, Revision, Term};
use cap_storage::{StorageError, groups};

/// A glossary as its reader sees it.
pub struct Glossary {
    /// The group whose glossary it is; none for the federation's.
    pub group: Option<i64>,
    /// The group's name (empty for the federation's).
    pub group_name: String,
    /// Its terms in alphabetical order.
    pub terms: Vec<Term>,
    /// Whether the reader may write in it.
    pub may_edit: bool,
}

impl Glossary {
    /// Its page.
    pub fn href(&self) -> String {
        page_of(self.group)
    }
}

/// The page of the glossary of `group` (the federation's for `None`).
pub fn page_of(group: Option<i64>) -> String {
    match group {
        Some(g) => format!("/groups/{g}/glossary"),
        None => "/glossary".to_owned(),
    }
}

/// Checks the viewer may read the glossary of `group`: the federation's, everyone signed in; a
/// group's, its lead and its structures' people (anyone else: not found).
async fn may_read(app: &App, viewer: &Viewer, group: Option<i64>) -> Result<()> {
    let Some(g) = group else { return Ok(()) };
    if viewer.can(Permission::ViewGroup(GroupId(g))) || crate::groups::belongs_to(app, viewer, g).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// The glossary of `group` (the federation's for `None`), for a reader allowed to read it.
pub async fn load(app: &App, viewer: &Viewer, group: Option<i64>) -> Result<Glossary> {
    may_read(app, viewer, group).await?;
    let group_name = match group {
        Some(g) => groups::get(&app.db, GroupId(g)).await?.name,
        None => String::new(),
    };
    Ok(Glossary {
        group,
        group_name,
        terms: glossary::terms(&app.db, group).await?,
        may_edit: viewer.can(Permission::EditGlossary(group.map(GroupId))),
    })
}

/// A term with its versions, for a reader allowed to read its glossary; and whether they may
/// write it.
pub async fn term(app: &App, viewer: &Viewer, id: i64) -> Result<(Term, Vec<Revision>, bool)> {
    let found = glossary::get(&app.db, id).await?;
    may_read(app, viewer, found.group_id).await?;
    let may_edit = viewer.can(Permission::EditGlossary(found.group_id.map(GroupId)));
    Ok((found, glossary::history(&app.db, id).await?, may_edit))
}

/// What a write in a glossary may meet besides an error.
pub enum Written {
    /// Written: the term's id and its version now.
    Done(i64, i64),
    /// Another term of the glossary already has this name.
    Taken,
}

/// Adds a term to the glossary of `group`; audited.
pub async fn add(app: &App, by: &Author, viewer: &Viewer, group: Option<i64>, input: &TermInput) -> Result<Written> {
    may_read(app, viewer, group).await?;
    viewer.require(Permission::EditGlossary(group.map(GroupId)))?;
    let owner = group.map_or_else(|| "fédération".to_owned(), |g| g.to_string());
    let entry = by.entry("glossary.add", "glossary", owner, input.term.clone());
    match glossary::add(app.db.audited(entry), group, input, by.user).await {
        Ok(id) => Ok(Written::Done(id, 1)),
        Err(StorageError::Conflict) => Ok(Written::Taken),
        Err(e) => Err(e.into()),
    }
}

/// Writes a new version of term `id`, read at `version`; audited. A version written meanwhile is
/// refused as stale (with both versions), never overwritten.
pub async fn update(
    app: &App,
    by: &Author,
    viewer: &Viewer,
    id: i64,
    input: &TermInput,
    version: i64,
) -> Result<Written> {
    let found = glossary::get(&app.db, id).await?;
    may_read(app, viewer, found.group_id).await?;
    viewer.require(Permission::EditGlossary(found.group_id.map(GroupId)))?;
    let entry = by.entry("glossary.update", "glossary_term", id, format!("{} v{}", input.term, version + 1));
    match glossary::update(app.db.audited(entry), id, input, version, by.user).await {
        Ok(now) => Ok(Written::Done(id, now)),
        Err(StorageError::Conflict) => Ok(Written::Taken),
        Err(e) => Err(e.into()),
    }
}

/// Removes term `id`; audited. Returns the glossary's group, to go back to its page.
pub async fn remove(app: &App, by: &Author, viewer: &Viewer, id: i64) -> Result<Option<i64>> {
    let found = glossary::get(&app.db, id).await?;
    may_read(app, viewer, found.group_id).await?;
    viewer.require(Permission::EditGlossary(found.group_id.map(GroupId)))?;
    let entry = by.entry("glossary.remove", "glossary_term", id, found.term.clone());
    glossary::remove(app.db.audited(entry), id).await?;
    Ok(found.group_id)
}

/// A term an indicator's words use, as shown beside it.
pub struct UsedTerm {
    /// The term.
    pub term: String,
    /// Its definition.
    pub definition: String,
    /// Where it is defined: its glossary's page, at the term.
    pub href: String,
}

/// The glossaries that speak to the people of an organisation: the federation's and, when the
/// organisation is in a group, the group's (whose terms come first and win over the
/// federation's of the same name).
pub async fn for_organisation(app: &App, group: Option<i64>) -> Result<Vec<Term>> {
    let mut all = glossary::terms_with_federation(&app.db, group).await?;
    // The group's come first: a federation's term of the same name gives way to it.
    let mut kept: Vec<Term> = Vec::with_capacity(all.len());
    for t in all.drain(..) {
        if !kept.iter().any(|mine| cap_domain::glossary::same_term(&mine.term, &t.term)) {
            kept.push(t);
        }
    }
    Ok(kept)
}

/// The terms of `terms` that `text` uses, each with its definition and its link.
pub fn used(text: &str, terms: &[Term]) -> Vec<UsedTerm> {
    let names: Vec<&str> = terms.iter().map(|t| t.term.as_str()).collect();
    used_in(text, &names)
        .into_iter()
        .map(|i| {
            let t = &terms[i];
            UsedTerm {
                term: t.term.clone(),
                definition: t.definition.clone(),
                href: format!("{}#{}", page_of(t.group_id), anchor(&t.term)),
            }
        })
        .collect()
}
