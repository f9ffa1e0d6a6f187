//! A picture from the system clipboard: a screenshot of the other device's QR code, pasted
//! rather than saved to a file first, by the desktop app or `qr scan --clipboard`. iced's
//! clipboard carries text only; `arboard` asks the clipboard's owner for a picture (X11,
//! Wayland sessions through XWayland, Windows, macOS).

use crate::fl;

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
