//! The system clipboard where iced's falls short: a picture from it (a screenshot of the
//! other device's QR code, pasted rather than saved to a file first, by the desktop app or
//! `qr scan --clipboard`), and a secret put on it (the recovery key) marked so that clipboard
//! managers keep it out of their history and cloud sync, and taken off again after a minute.
//! `arboard` talks to the clipboard's owner (X11, Wayland sessions through XWayland, Windows,
//! macOS).

use std::time::Duration;

use zeroize::Zeroizing;

use crate::fl;

/// How long a copied secret stays on the clipboard: time to paste it into a password manager.
pub const SECRET_LIFETIME: Duration = Duration::from_secs(60);

/// Puts `secret` on the clipboard, marked as a password (KDE's and GNOME's clipboard managers
/// keep it out of their history; Windows out of its history and cloud clipboard; macOS marks
/// it concealed), and takes it off after `lifetime` if it is still there. The process holds
/// it meanwhile: once the app quits, it is gone with it, never handed to a clipboard manager.
pub async fn copy_secret(secret: Zeroizing<String>, lifetime: Duration) -> Result<(), String> {
    tokio::task::spawn_blocking(move || put_secret(secret, lifetime))
        .await
        .unwrap_or_else(|_| Err(fl!("clipboard-unavailable")))
}

fn put_secret(secret: Zeroizing<String>, lifetime: Duration) -> Result<(), String> {
    let mut clipboard = arboard::Clipboard::new().map_err(|error| {
        tracing::info!(%error, "no clipboard");
        fl!("clipboard-unavailable")
    })?;
    secret_setter(&mut clipboard).text(secret.as_str()).map_err(|error| {
        tracing::info!(%error, "the clipboard refused the text");
        fl!("clipboard-unavailable")
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
pub async fn picture() -> Result<Pixels, String> {
    // arboard waits on the clipboard's owner: off the runtime's threads.
    tokio::task::spawn_blocking(read).await.unwrap_or_else(|_| Err(fl!("clipboard-unavailable")))
}

/// The verification code in the clipboard's picture, in words when there is none.
pub async fn qr_code() -> Result<Vec<u8>, String> {
    let pixels = picture().await?;
    crate::model::qr::read_pixels(pixels.width, pixels.height, &pixels.rgba)
        .map_err(|e| e.to_string())
}

fn read() -> Result<Pixels, String> {
    let mut clipboard = arboard::Clipboard::new().map_err(|error| {
        tracing::info!(%error, "no clipboard");
        fl!("clipboard-unavailable")
    })?;
    match clipboard.get_image() {
        Ok(image) => Ok(Pixels {
            width: u32::try_from(image.width).map_err(|_| fl!("clipboard-no-picture"))?,
            height: u32::try_from(image.height).map_err(|_| fl!("clipboard-no-picture"))?,
            rgba: image.bytes.into_owned(),
        }),
        Err(arboard::Error::ContentNotAvailable) => Err(fl!("clipboard-no-picture")),
        Err(error) => {
            tracing::info!(%error, "the clipboard's picture could not be read");
            Err(fl!("clipboard-no-picture"))
        }
    }
}
