//! The system clipboard where iced's falls short: a picture from it (a screenshot of the
//! other device's QR code, pasted rather than saved to a file first, by the desktop app or
//! `qr scan --clipboard`), and a secret put on it (the recovery key) marked so that clipboard
//! managers keep it out of their history and cloud sync, and taken off again after a minute.
//! `arboard` talks to the clipboard's owner (X11, Wayland sessions through XWayland, Windows,
//! macOS).

use std::time::Duration;

use zeroize::Zeroizing;

use crate::fl;

/// Why the clipboard could not be used, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClipboardError {
    /// This desktop offers no clipboard (no display, or its owner does not answer).
    #[error("{}", fl!("clipboard-unavailable"))]
    Unavailable,
    #[error("{}", fl!("clipboard-no-picture"))]
    NoPicture,
    /// The picture holds no verification code to read.
    #[error(transparent)]
    Code(#[from] crate::model::qr::QrReadError),
}

/// How long a copied secret stays on the clipboard: time to paste it into a password manager.
pub const SECRET_LIFETIME: Duration = Duration::from_secs(60);

/// Puts `secret` on the clipboard, marked as a password (KDE's and GNOME's clipboard managers
/// keep it out of their history; Windows out of its history and cloud clipboard; macOS marks
/// it concealed), and takes it off after `lifetime` if it is still there. The process holds
/// it meanwhile: once the app quits, it is gone with it, never handed to a clipboard manager.
pub async fn copy_secret(
    secret: Zeroizing<String>,
    lifetime: Duration,
) -> Result<(), ClipboardError> {
    tokio::task::spawn_blocking(move || put_secret(secret, lifetime))
        .await
        .unwrap_or(Err(ClipboardError::Unavailable))
}

fn put_secret(secret: Zeroizing<String>, lifetime: Duration) -> Result<(), ClipboardError> {
    let mut clipboard = open()?;
    secret_setter(&mut clipboard).text(secret.as_str()).map_err(|error| {
        tracing::info!(%error, "the clipboard refused the text");
        ClipboardError::Unavailable
    })?;
    // This thread owns the clipboard's contents until the secret is taken off: on X11 the
    // contents live in the process that set them.
    std::thread::spawn(move || {
        std::thread::sleep(lifetime);
        let now = Zeroizing::new(clipboard.get_text().unwrap_or_default());
        if *now == *secret {
            let _ = clipboard.clear();
        }
    });
    Ok(())
}

/// A setter that marks what it sets as secret, in each system's way.
fn secret_setter(clipboard: &mut arboard::Clipboard) -> arboard::Set<'_> {
    #[cfg(target_os = "macos")]
    use arboard::SetExtApple as _;
    #[cfg(all(unix, not(target_os = "macos")))]
    use arboard::SetExtLinux as _;
    #[cfg(target_os = "windows")]
    use arboard::SetExtWindows as _;
    let set = clipboard.set().exclude_from_history();
    #[cfg(target_os = "windows")]
    let set = set.exclude_from_cloud().exclude_from_monitoring();
    set
}

/// A picture as `width`×`height` RGBA pixels, row by row.
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

/// The picture the clipboard holds now; an error in words when it holds none, or when this
/// desktop offers no clipboard to read.
pub async fn picture() -> Result<Pixels, ClipboardError> {
    // arboard waits on the clipboard's owner: off the runtime's threads.
    tokio::task::spawn_blocking(read).await.unwrap_or(Err(ClipboardError::Unavailable))
}

/// The verification code in the clipboard's picture, in words when there is none.
pub async fn qr_code() -> Result<Vec<u8>, ClipboardError> {
    let pixels = picture().await?;
    Ok(crate::model::qr::read_pixels(pixels.width, pixels.height, &pixels.rgba)?)
}

fn open() -> Result<arboard::Clipboard, ClipboardError> {
    arboard::Clipboard::new().map_err(|error| {
        tracing::info!(%error, "no clipboard");
        ClipboardError::Unavailable
    })
}

fn read() -> Result<Pixels, ClipboardError> {
    match open()?.get_image() {
        Ok(image) => Ok(Pixels {
            width: u32::try_from(image.width).map_err(|_| ClipboardError::NoPicture)?,
            height: u32::try_from(image.height).map_err(|_| ClipboardError::NoPicture)?,
            rgba: image.bytes.into_owned(),
        }),
        Err(arboard::Error::ContentNotAvailable) => Err(ClipboardError::NoPicture),
        Err(error) => {
            tracing::info!(%error, "the clipboard's picture could not be read");
            Err(ClipboardError::NoPicture)
        }
    }
}
