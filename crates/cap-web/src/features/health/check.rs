//! `GET /healthz`: 200 when the database answers, 503 otherwise.

use crate::app::AppState;
use axum::extract::State;
use axum::http::StatusCode;

/// Answers whether this instance can serve: load balancers take it out when the database is gone.
pub async fn handler(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(err) => {
            tracing::warn!(error = %err, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
