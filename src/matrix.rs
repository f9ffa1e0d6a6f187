//! The only code that names the Matrix SDK: builds the client over the encrypted stores, logs in,
//! restores, logs out, and turns what the SDK says into `model` types and clear errors.

mod attach;
mod auth;
mod client;
mod compose;
mod devices;
mod doctor;
mod download;
mod error;
mod handle;
mod html;
mod identity;
mod me;
mod people;
mod recovery;
mod rooms;
mod send;
mod session;
mod sso;
mod timeline;
mod verification;

/// The SDK's log targets whose `debug` lines carry message content (the send queue names an
/// attachment's file): logging keeps them at `info` at most.
pub const CONTENT_AT_DEBUG: &[&str] = &["matrix_sdk::send_queue::upload"];

pub use attach::{Transfer, TransferStep, file_to_send};
pub use auth::{LoginRequest, ServerLogout, login, login_methods, logout};
pub use doctor::doctor;
pub use error::MatrixError;
pub(crate) use error::sdk_error;
pub use handle::{Event, Events, Handle, run, start, start_session};
pub use identity::UnverifiedSession;
pub use send::Sent;
pub use session::Session;
pub use sso::{SsoCancel, SsoRequest, login_sso, open_browser};
pub use verification::{qr_png, qr_text};
