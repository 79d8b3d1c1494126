//! Outgoing e-mail: SMTP in production, or `.eml` files in a local outbox folder in development.

pub use lettre::message::Mailbox;
use lettre::message::{Attachment, Message, MultiPart, SinglePart, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::path::PathBuf;

/// How the mailer is set up.
#[derive(Debug, Clone)]
pub enum MailerConfig {
    /// Write each message as a `.eml` file in this folder.
    Outbox(PathBuf),
    /// Send through an SMTP server.
    Smtp {
        /// Server host name.
        host: String,
        /// Port (587 for STARTTLS, 465 for TLS, 25 for a local relay).
        port: u16,
        /// `starttls`, `tls` or `none` (a relay on the same machine only).
        security: String,
        /// Login, if the server needs one.
        username: Option<String>,
        /// Password, if the server needs one.
        password: Option<String>,
    },
}

/// Why a message could not be sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// An address or header was refused.
    #[error("message: {0}")]
    Message(String),
    /// The transport failed.
    #[error("transport: {0}")]
    Transport(String),
}

#[derive(Clone)]
enum Transport {
    Outbox(AsyncFileTransport<Tokio1Executor>),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

/// Sends the product's e-mails.
#[derive(Clone)]
pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

impl Mailer {
    /// A mailer sending from `from` (for example `Cap <cap@exemple.fr>`).
    pub fn new(config: &MailerConfig, from: &str) -> Result<Self, MailError> {
        let from: Mailbox =
            from.parse().map_err(|e: lettre::address::AddressError| MailError::Message(e.to_string()))?;
        let transport = match config {
            MailerConfig::Outbox(dir) => {
                std::fs::create_dir_all(dir).map_err(|e| MailError::Transport(e.to_string()))?;
                Transport::Outbox(AsyncFileTransport::new(dir))
            }
            MailerConfig::Smtp { host, port, security, username, password } => {
                let builder = match security.as_str() {
                    "tls" => AsyncSmtpTransport::<Tokio1Executor>::relay(host),
                    "starttls" => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host),
                    _ => Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)),
                }
                .map_err(|e| MailError::Transport(e.to_string()))?;
                let builder = builder.port(*port);
                let builder = match (username, password) {
                    (Some(u), Some(p)) => builder.credentials(Credentials::new(u.clone(), p.clone())),
                    _ => builder,
                };
                Transport::Smtp(builder.build())
            }
        };
        Ok(Self { from, transport })
    }

    /// Sends a plain-text message.
    pub async fn send(&self, to: &str, subject: &str, body: String) -> Result<(), MailError> {
        self.send_with(to, subject, body, None).await
    }

    /// Sends a plain-text message with an agenda invitation attached (`invitation.ics`), which
    /// mail programs offer to add to the agenda.
    pub async fn send_with_calendar(
        &self,
        to: &str,
        subject: &str,
        body: String,
        ics: String,
    ) -> Result<(), MailError> {
        self.send_with(to, subject, body, Some(ics)).await
    }

    async fn send_with(&self, to: &str, subject: &str, body: String, ics: Option<String>) -> Result<(), MailError> {
        let to: Mailbox = to.parse().map_err(|e: lettre::address::AddressError| MailError::Message(e.to_string()))?;
        let builder = Message::builder().from(self.from.clone()).to(to).subject(subject);
        let message = match ics {
            None => builder.header(ContentType::TEXT_PLAIN).body(body),
            Some(ics) => {
                let calendar = ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
                    .map_err(|e| MailError::Message(e.to_string()))?;
                builder.multipart(
                    MultiPart::mixed()
                        .singlepart(SinglePart::plain(body))
                        .singlepart(Attachment::new("invitation.ics".to_owned()).body(ics, calendar)),
                )
            }
        }
        .map_err(|e| MailError::Message(e.to_string()))?;
        match &self.transport {
            Transport::Outbox(t) => t.send(message).await.map(|_| ()).map_err(|e| MailError::Transport(e.to_string())),
            Transport::Smtp(t) => t.send(message).await.map(|_| ()).map_err(|e| MailError::Transport(e.to_string())),
        }
    }
}
