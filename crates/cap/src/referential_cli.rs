//! `cap referential …`: validate, import, export, diff and format referential files.

use cap_app::i18n::{Locale, Tr};
use cap_app::referential_files::{self, Checked, ImportError};
use cap_domain::referential::{
    DiffChange, Referential, diff, emit_offers, emit_referential, parse_offers, parse_referential,
};
use cap_storage::{Db, referentials};
use std::path::Path;

/// Why a command failed; the message is ready to print.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CliError(pub String);

fn read(path: &Path) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|e| CliError(format!("{}: {e}", path.display())))
}

/// Every problem as `FILE:LINE: message`, in French.
pub fn report(path: &Path, err: &ImportError) -> String {
    let t = Tr::new(Locale::Fr);
    match err {
        ImportError::Invalid(problems) => {
            let mut out = String::new();
            for p in problems {
                let line = p.line.map_or_else(String::new, |l| format!("{l}:"));
                out.push_str(&format!("{}:{line} {}\n", path.display(), t.tn(p.key, &p.args)));
            }
            out.push_str(&format!("Problèmes : {} ; rien n'a été importé.", problems.len()));
            out
        }
        ImportError::AlreadyImported => format!("{}: {}", path.display(), t.t("referential.import_exists")),
        ImportError::Storage(e) => format!("database: {e}"),
    }
}

fn describe(checked: &Checked) -> String {
    match checked {
        Checked::Offers(list) => format!("offre de services : {} offres", list.len()),
        Checked::Referential(r) => {
            format!(
                "{} {} « {} » : {} nœuds dont {} indicateurs",
                r.code,
                r.version,
                r.title,
                r.nodes.len(),
                r.indicators().count()
            )
        }
    }
}

/// Checks a file against the database without writing.
pub async fn validate(db: &Db, path: &Path) -> Result<String, CliError> {
    let text = read(path)?;
    match referential_files::check(db, &text).await {
        Ok(checked) => Ok(format!("{}: valide — {}", path.display(), describe(&checked))),
        Err(e) => Err(CliError(report(path, &e))),
    }
}

/// Checks then imports a file.
pub async fn import(db: &Db, path: &Path) -> Result<String, CliError> {
    let text = read(path)?;
    // The command line is the instance's own hand: the log names it so.
    let by = cap_app::audit::Author::system("ligne de commande");
    match referential_files::import(db, &text, Some((&by, &path.display().to_string())), false).await {
        Ok((checked, _)) => Ok(format!("{}: importé — {}", path.display(), describe(&checked))),
        Err(e) => Err(CliError(report(path, &e))),
    }
}

/// The canonical text of a stored version.
pub async fn export(db: &Db, code: &str, version: &str) -> Result<String, CliError> {
    let id = referentials::find(db, code, version)
        .await
        .map_err(|e| CliError(e.to_string()))?
        .ok_or_else(|| CliError(format!("aucune version {code} {version} / no such version")))?;
    let r = referentials::load(db, id).await.map_err(|e| CliError(e.to_string()))?;
    Ok(emit_referential(&r))
}

/// A version named by a file path or by `CODE@VERSION` in the database.
async fn resolve(db: &Db, spec: &str) -> Result<Referential, CliError> {
    let path = Path::new(spec);
    if path.exists() {
        let text = read(path)?;
        return parse_referential(&text).map(|(r, _)| r).map_err(|e| CliError(report(path, &ImportError::Invalid(e))));
    }
    let (code, version) =
        spec.split_once('@').ok_or_else(|| CliError(format!("{spec}: ni un fichier, ni CODE@VERSION")))?;
    let id = referentials::find(db, code, version)
        .await
        .map_err(|e| CliError(e.to_string()))?
        .ok_or_else(|| CliError(format!("aucune version {code} {version}")))?;
    referentials::load(db, id).await.map_err(|e| CliError(e.to_string()))
}

/// The differences between two versions, one line each.
pub async fn diff_versions(db: &Db, old: &str, new: &str) -> Result<String, CliError> {
    let (a, b) = (resolve(db, old).await?, resolve(db, new).await?);
    let d = diff(&a, &b);
    let mut out = String::new();
    for change in &d.changes {
        out.push_str(&match change {
            DiffChange::Added { code, label } => format!("+ {code}  {label}\n"),
            DiffChange::Removed { code, label, now } if now.is_empty() => format!("- {code}  {label}\n"),
            DiffChange::Removed { code, label, now } => format!("- {code}  {label}  → {}\n", now.join(", ")),
            DiffChange::Changed { code, label, fields } => format!("~ {code}  {label}  ({})\n", fields.join(", ")),
        });
    }
    if d.scale_changed {
        out.push_str("~ échelle / scale\n");
    }
    let (added, removed, changed) = d.counts();
    out.push_str(&format!("{added} ajouté(s), {removed} retiré(s), {changed} modifié(s)"));
    Ok(out)
}

/// Rewrites a file in canonical form; with `check`, only says whether it already is.
pub fn format(path: &Path, check: bool) -> Result<String, CliError> {
    let text = read(path)?;
    let canonical = if referential_files::is_offers_file(&text) {
        parse_offers(&text)
            .map(|(o, _)| emit_offers(&o))
            .map_err(|e| CliError(report(path, &ImportError::Invalid(e))))?
    } else {
        parse_referential(&text)
            .map(|(r, _)| emit_referential(&r))
            .map_err(|e| CliError(report(path, &ImportError::Invalid(e))))?
    };
    if canonical == text {
        return Ok(format!("{}: déjà en forme canonique", path.display()));
    }
    if check {
        return Err(CliError(format!("{}: pas en forme canonique (cap referential format {0})", path.display())));
    }
    std::fs::write(path, canonical).map_err(|e| CliError(format!("{}: {e}", path.display())))?;
    Ok(format!("{}: réécrit en forme canonique", path.display()))
}

/// A generated referential of `indicators` indicators, mapped to the loaded ISO 9001 clauses.
pub async fn generate(db: &Db, code: &str, indicators: usize, seed: u64) -> Result<String, CliError> {
    let iso: Vec<String> =
        match referentials::latest_version(db, "iso-9001").await.map_err(|e| CliError(e.to_string()))? {
            Some(id) => {
                let mut codes: Vec<String> =
                    referentials::node_codes(db, id).await.map_err(|e| CliError(e.to_string()))?.into_iter().collect();
                codes.sort();
                codes
            }
            None => Vec::new(),
        };
    let r = cap_domain::referential::generate(code, indicators, seed, Some(("iso-9001", &iso[..])));
    Ok(emit_referential(&r))
}
