//! What the window shows when something fails, with its kind kept: the core's error, or the
//! desktop's (no file dialog, the clipboard, a file read or written here). Screens decide by
//! the kind (a held message asks the room's identities again, a sign-out asks for the
//! password) and show the Display, which is the sentence in the user's language.

use crate::clipboard::ClipboardError;
use crate::fl;
use crate::matrix::MatrixError;
use crate::model::qr::QrReadError;
use crate::policy::PolicyError;
use crate::profile::ProfileError;
use crate::ui::desktop::files::NoFileDialog;

/// A failure as the window carries it in its messages.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Failure {
    #[error(transparent)]
    Core(#[from] MatrixError),
    #[error(transparent)]
    NoFileDialog(#[from] NoFileDialog),
    #[error(transparent)]
    Clipboard(#[from] ClipboardError),
    /// A picture chosen to scan holds no verification code.
    #[error(transparent)]
    Code(#[from] QrReadError),
    /// A file of the person's could not be read or written (a picture, the recovery key), or
    /// another profile's window could not be opened.
    #[error(transparent)]
    File(#[from] ProfileError),
    /// A setting could not be kept, or the policy read back after it.
    #[error(transparent)]
    Policy(#[from] PolicyError),
    /// A picture in a message is not one this app can read (or too large to decode).
    #[error("{}", fl!("picture-not-readable"))]
    Picture,
    /// The system's launcher could not open the browser on a link.
    #[error("{}", fl!("link-open-failed", cause = .0.as_str()))]
    Browser(String),
    /// The core is still starting: nothing can be asked of it yet.
    #[error("{}", fl!("status-loading"))]
    NotReady,
}

impl Failure {
    /// A message was held, or refused, because of someone's identity or unverified sessions:
    /// the open room's identity banner must be brought up to date.
    pub fn is_about_trust(&self) -> bool {
        matches!(
            self,
            Self::Core(
                MatrixError::IdentityChanged { .. }
                    | MatrixError::UnverifiedSessions { .. }
                    | MatrixError::OwnSessionsUnverified { .. }
            )
        )
    }

    /// The server wants the account's password before it does this.
    pub fn needs_password(&self) -> bool {
        matches!(self, Self::Core(MatrixError::NeedPassword))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_is_kept_and_the_words_are_the_cores() {
        let held = Failure::from(MatrixError::IdentityChanged {
            users: vec!["Marc (@marc:gouv.fr)".into()],
            held: true,
        });
        assert!(held.is_about_trust() && !held.needs_password());
        assert_eq!(
            held.to_string(),
            MatrixError::IdentityChanged { users: vec!["Marc (@marc:gouv.fr)".into()], held: true }
                .to_string()
        );
        let refused = Failure::from(MatrixError::WrongPassword);
        assert!(!refused.is_about_trust());
        assert!(Failure::from(MatrixError::NeedPassword).needs_password());
        assert!(!Failure::from(NoFileDialog).is_about_trust());
        assert_eq!(Failure::from(NoFileDialog).to_string(), NoFileDialog.to_string());
    }
}
