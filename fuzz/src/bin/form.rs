//! Form and multipart decoding as the handlers do it: the first byte picks the decoder, the rest
//! is the body (for multipart, after a fixed boundary).
use axum::extract::{Form, FromRequest, Multipart, Request};

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct SignIn {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
    #[serde(default)]
    indicators: Vec<String>,
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
    afl::fuzz!(|data: &[u8]| {
        let Some((&kind, body)) = data.split_first() else { return };
        let body = body.to_vec();
        runtime.block_on(async move {
            if kind % 2 == 0 {
                let request = Request::builder()
                    .method("POST")
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(axum::body::Body::from(body))
                    .expect("request");
                let _ = Form::<SignIn>::from_request(request, &()).await;
            } else {
                let request = Request::builder()
                    .method("POST")
                    .header("content-type", "multipart/form-data; boundary=X")
                    .body(axum::body::Body::from(body))
                    .expect("request");
                let Ok(mut multipart) = Multipart::from_request(request, &()).await else { return };
                while let Ok(Some(field)) = multipart.next_field().await {
                    let _ = field.file_name().map(cap_domain::validation::upload_file_name);
                    let _ = field.bytes().await;
                }
            }
        });
    });
}
