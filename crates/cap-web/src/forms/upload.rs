//! Forms with files (`multipart/form-data`): reading them without ever holding more than the
//! route allows, and sending a stored file back as a download.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use cap_domain::practice::FileType;

/// An uploaded file as received.
pub struct Upload {
    /// Its name as the browser sent it (cleaned when checked).
    pub name: String,
    /// The content as received, not copied.
    pub bytes: axum::body::Bytes,
}

/// A multipart form read: its text fields in order, its files, and whether the files were too
/// large together.
pub struct Uploaded {
    /// Each text field, by name, in the order sent (repeated fields repeat).
    pub fields: Vec<(String, String)>,
    /// The files sent under the file field, left-empty inputs skipped.
    pub files: Vec<Upload>,
    /// The files went past the limit together: none was kept.
    pub too_large: bool,
}

impl Uploaded {
    /// The last value of text field `name`, or an empty string.
    pub fn text(&self, name: &str) -> &str {
        self.fields.iter().rev().find(|(n, _)| n == name).map_or("", |(_, v)| v.as_str())
    }
}

/// Reads a multipart form whose files come under `file_field`. Past `max_file_bytes` in all, the
/// files are no longer kept but the rest is still read (up to the route's body limit), so that
/// the person gets the form back with its message and what was typed instead of a broken
/// connection (a client still sending when the server answers and closes sees a reset). A plain
/// form (`application/x-www-form-urlencoded`, from a client that sends no file) is read too.
pub async fn receive(
    state: &AppState,
    request: Request,
    file_field: &str,
    max_file_bytes: usize,
) -> AppResult<Uploaded> {
    let plain = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if plain {
        let super::Form(fields) = super::Form::<Vec<(String, String)>>::from_request(request, state).await?;
        return Ok(Uploaded { fields, files: Vec::new(), too_large: false });
    }
    let mut multipart = Multipart::from_request(request, state).await.map_err(|_| AppError::BadRequest)?;
    let mut fields = Vec::new();
    let mut files = Vec::new();
    let mut too_large = false;
    let mut files_bytes = 0usize;
    let limit_or_bad = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE { Ok(()) } else { Err(AppError::BadRequest) }
    };
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => {
                limit_or_bad(e)?;
                too_large = true;
                break;
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == file_field {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let mut content = Vec::new();
            let cut = loop {
                match field.chunk().await {
                    Ok(Some(chunk)) => {
                        files_bytes += chunk.len();
                        too_large |= files_bytes > max_file_bytes;
                        if !too_large {
                            content.extend_from_slice(&chunk);
                        }
                    }
                    Ok(None) => break false,
                    Err(e) => {
                        limit_or_bad(e)?;
                        break true;
                    }
                }
            };
            if cut {
                too_large = true;
                break;
            }
            // A file input left empty still sends a part, without name or content.
            let empty = file_name.is_empty() && content.is_empty();
            if !too_large && !empty {
                files.push(Upload { name: file_name, bytes: content.into() });
            }
            continue;
        }
        let value = field.text().await.map_err(|_| AppError::BadRequest)?;
        fields.push((name, value));
    }
    if too_large {
        files.clear();
    }
    Ok(Uploaded { fields, files, too_large })
}

/// A stored file sent as a download with its checked type, never shown inside Cap's pages.
pub fn download(name: &str, media_type: &str, content: Vec<u8>) -> Response {
    let media_type = FileType::from_media_type(media_type).map_or("application/octet-stream", FileType::media_type);
    attachment(name, media_type, content)
}

/// A file Cap made itself, sent as a download under `name` with its `media_type`.
pub fn attachment(name: &str, media_type: &'static str, content: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, media_type.to_owned()),
            (header::CONTENT_DISPOSITION, content_disposition(name)),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        content,
    )
        .into_response()
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
