//! `GET /practices/{id}/files/{file}`: an attachment, to whoever may read the practice. It is
//! always sent as a download with its checked type, never shown inside Cap's pages.

use crate::app::AppState;
use crate::error::AppResult;
use crate::session::SignedIn;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use cap_app::practices::load_readable;
use cap_domain::practice::FileType;
use cap_storage::practices;

/// Sends the attachment.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, file)): Path<(i64, i64)>,
) -> AppResult<Response> {
    load_readable(&state, &viewer, id).await?;
    let stored = practices::file(&state.db, id, file).await?;
    let media_type =
        FileType::from_media_type(&stored.media_type).map_or("application/octet-stream", FileType::media_type);
    Ok((
        [
            (header::CONTENT_TYPE, media_type.to_owned()),
            (header::CONTENT_DISPOSITION, content_disposition(&stored.name)),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        stored.content,
    )
        .into_response())
}

/// `attachment` with an ASCII name for old programs and the exact UTF-8 name (RFC 6266).
fn content_disposition(name: &str) -> String {
    let ascii: String =
        name.chars().map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' { c } else { '_' }).collect();
    let mut encoded = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn names_survive_in_both_forms() {
        assert_eq!(
            content_disposition("Procédure d'accueil.pdf"),
            "attachment; filename=\"Proc_dure d'accueil.pdf\"; filename*=UTF-8''Proc%C3%A9dure%20d%27accueil.pdf"
        );
    }
}
