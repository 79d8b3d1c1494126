//! Secrets: random tokens, their keyed hashes, and password hashing with argon2id.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// A fresh 256-bit random token, URL-safe.
pub fn random_token() -> String {
    let bytes: [u8; 32] = rand::random();
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The instance's secret key, used to hash session and link tokens before storing them, so
/// that a copy of the database alone lets nobody sign in.
#[derive(Clone)]
pub struct Keys {
    session_key: Vec<u8>,
}

impl Keys {
    /// Keys from the configured secret.
    pub fn new(session_key: &[u8]) -> Self {
        Self { session_key: session_key.to_vec() }
    }

    /// HMAC-SHA256 of a token, hex-encoded.
    pub fn hash_token(&self, token: &str) -> String {
        // HMAC accepts keys of any length, so this cannot fail.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.session_key).expect("HMAC takes any key length");
        mac.update(token.as_bytes());
        mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Hashes a password with argon2id and a random salt (PHC string). Slow by design: call it
/// from a blocking thread.
pub fn hash_password(password: &str) -> Result<String, String> {
    Argon2::default().hash_password(password.as_bytes()).map(|h| h.to_string()).map_err(|e| e.to_string())
}

/// Checks a password against a PHC string; any malformed hash is a mismatch.
pub fn verify_password(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

type Job = Box<dyn FnOnce() + Send>;

/// A few dedicated threads compute password hashes: argon2id takes 19 MiB and a core per hash,
/// so a burst of sign-ins waits its turn instead of taking all memory and CPU, and the memory
/// stays with these threads instead of spreading over every blocking thread's allocator arena.
fn hashing_pool() -> &'static std::sync::Mutex<std::sync::mpsc::Sender<Job>> {
    static POOL: std::sync::OnceLock<std::sync::Mutex<std::sync::mpsc::Sender<Job>>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        let (sender, receiver) = std::sync::mpsc::channel::<Job>();
        let receiver = std::sync::Arc::new(std::sync::Mutex::new(receiver));
        let threads = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get).clamp(1, 4);
        for n in 0..threads {
            let receiver = receiver.clone();
            let _ = std::thread::Builder::new().name(format!("cap-hash-{n}")).spawn(move || {
                loop {
                    let job = match receiver.lock() {
                        Ok(r) => r.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                }
            });
        }
        std::sync::Mutex::new(sender)
    })
}

/// Runs `work` (hashing or verifying) on the hashing threads and waits for it without blocking.
async fn limited<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, String> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = tx.send(work());
    });
    hashing_pool().lock().map_err(|e| e.to_string())?.send(job).map_err(|e| e.to_string())?;
    rx.await.map_err(|e| e.to_string())
}

/// Checks a password against a PHC string without blocking the server, a few at a time.
pub async fn verify_password_async(password: String, phc: String) -> Result<bool, String> {
    limited(move || verify_password(&password, &phc)).await
}

/// Hashes a new password without blocking the server, a few at a time.
pub async fn hash_password_async(password: String) -> Result<String, String> {
    limited(move || hash_password(&password)).await?
}

/// A hash of a random password, verified against when an account does not exist so that
/// answering "wrong e-mail" takes as long as answering "wrong password".
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password(&random_token()).unwrap_or_default())
}

/// Hashes a new, validated password without blocking the server, a few at a time.
pub async fn hash_new_password(password: cap_domain::NewPassword) -> crate::Result<String> {
    hash_password_async(password.expose().to_owned()).await.map_err(crate::Error::Internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_url_safe() {
        let a = random_token();
        assert_ne!(a, random_token());
        assert_eq!(a.len(), 43);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }

    #[test]
    fn token_hashes_depend_on_the_key() {
        let k1 = Keys::new(b"one");
        let k2 = Keys::new(b"two");
        assert_eq!(k1.hash_token("t"), k1.hash_token("t"));
        assert_ne!(k1.hash_token("t"), k2.hash_token("t"));
        assert_eq!(k1.hash_token("t").len(), 64);
    }

    #[test]
    fn passwords_round_trip_with_argon2id() {
        let hash = hash_password("une phrase de passe").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("une phrase de passe", &hash));
        assert!(!verify_password("une autre phrase", &hash));
        assert!(!verify_password("x", "not a hash"));
    }
}
