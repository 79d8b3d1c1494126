//! Checking and importing referential and offer files, for the upload page, the `cap referential`
//! commands and the built-in content loaded on first start. Everything is checked before anything
//! is written.

use crate::audit::Author;
use cap_domain::referential::{
    Context, Problem, Referential, ServiceOffer, SourceLines, parse_offers, parse_referential, validate_offers,
    validate_referential,
};
use cap_storage::{Db, StorageError, offers, referentials};

/// The built-in offer of services.
pub const BUILTIN_OFFERS: &str = include_str!("../../../referentials/offres-de-services.toml");
/// The built-in referentials, in the order they load (mapping targets first).
pub const BUILTIN_REFERENTIALS: [(&str, &str); 3] = [
    ("iso-9001.toml", include_str!("../../../referentials/iso-9001.toml")),
    ("guide-ess.toml", include_str!("../../../referentials/guide-ess.toml")),
    ("cap-exemple.toml", include_str!("../../../referentials/cap-exemple.toml")),
];

/// What a file holds, once checked.
#[derive(Debug, Clone)]
pub enum Checked {
    /// A referential version.
    Referential(Box<Referential>),
    /// An offer of services.
    Offers(Vec<ServiceOffer>),
}

/// Why a file was not imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file has problems; nothing was written.
    #[error("problems found in the file: {}", .0.len())]
    Invalid(Vec<Problem>),
    /// This version was imported already; versions never change.
    #[error("version already imported")]
    AlreadyImported,
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Whether the text is an offers file (its first table is `[[offer]]`).
pub fn is_offers_file(text: &str) -> bool {
    text.lines().map(str::trim).find(|l| l.starts_with('[')).is_some_and(|l| l == "[[offer]]")
}

/// What the checks need from the database: offers, other referentials, the previous version.
pub async fn context_for(
    db: &Db,
    r: Option<&Referential>,
    extra_offers: &[ServiceOffer],
) -> Result<Context, StorageError> {
    let mut ctx = Context {
        offers: offers::codes(db).await?,
        referentials: referentials::latest_node_codes(db).await?,
        previous_codes: None,
    };
    ctx.offers.extend(extra_offers.iter().map(|o| o.code.clone()));
    if let Some(r) = r {
        ctx.referentials.remove(&r.code);
        if let Some(previous) = &r.previous
            && let Some(id) = referentials::find(db, &r.code, previous).await?
        {
            ctx.previous_codes = Some(referentials::node_codes(db, id).await?);
        }
    }
    Ok(ctx)
}

/// Checks a file against the database, writing nothing.
pub async fn check(db: &Db, text: &str) -> Result<Checked, ImportError> {
    if is_offers_file(text) {
        let (list, lines) = parse_offers(text).map_err(ImportError::Invalid)?;
        let problems = validate_offers(&list, &lines);
        return if problems.is_empty() { Ok(Checked::Offers(list)) } else { Err(ImportError::Invalid(problems)) };
    }
    let (r, lines): (Referential, SourceLines) = parse_referential(text).map_err(ImportError::Invalid)?;
    let ctx = context_for(db, Some(&r), &[]).await?;
    let mut problems = validate_referential(&r, &lines, &ctx);
    if referentials::find(db, &r.code, &r.version).await?.is_some() {
        problems.insert(
            0,
            Problem {
                line: lines.header,
                key: "refcheck.version_exists",
                args: vec![r.code.clone(), r.version.clone()],
            },
        );
    }
    if problems.is_empty() { Ok(Checked::Referential(Box::new(r))) } else { Err(ImportError::Invalid(problems)) }
}

/// Checks then imports a file; returns what was imported and, for a referential, its version id.
/// `by` names who imports it and from which file, for the audit log (the built-in files, loaded
/// on first start, have none).
pub async fn import(
    db: &Db,
    text: &str,
    by: Option<(&Author, &str)>,
    builtin: bool,
) -> Result<(Checked, Option<i64>), ImportError> {
    let checked = check(db, text).await?;
    let entry = by.map(|(author, file_name)| match &checked {
        Checked::Offers(list) => author.entry("offers.import", "offers", list.len(), file_name),
        Checked::Referential(r) => author.entry(
            "referentials.import",
            "referential",
            "",
            format!("{} {} ({} indicateurs) {file_name}", r.code, r.version, r.indicators().count()),
        ),
    });
    let writer = match entry {
        Some(entry) => db.audited(entry),
        None => db.into(),
    };
    let user = by.and_then(|(author, _)| author.user);
    let id = match &checked {
        Checked::Offers(list) => {
            offers::upsert_all(writer, list).await?;
            None
        }
        Checked::Referential(r) => match referentials::import(writer, r, builtin, user).await {
            Ok(id) => Some(id),
            Err(StorageError::Conflict) => return Err(ImportError::AlreadyImported),
            Err(e) => return Err(e.into()),
        },
    };
    Ok((checked, id))
}

/// Loads the built-in offers and referentials into a database that has no referential yet.
/// Returns whether it loaded them. A database that has them already gains the easy-to-read
/// statements its built-in versions lacked (texts added after they were first loaded).
pub async fn ensure_builtin(db: &Db) -> Result<bool, ImportError> {
    if !referentials::is_empty(db).await? {
        for (_, text) in BUILTIN_REFERENTIALS {
            let Ok((r, _)) = parse_referential(text) else { continue };
            if let Some(id) = referentials::find(db, &r.code, &r.version).await? {
                referentials::add_easy_read(db, id, &r).await?;
            }
        }
        return Ok(false);
    }
    import(db, BUILTIN_OFFERS, None, true).await?;
    for (_, text) in BUILTIN_REFERENTIALS {
        import(db, text, None, true).await?;
    }
    Ok(true)
}
