//! Reading a picture from a file's bytes, whatever its format (PNG, JPEG, WebP, GIF), with
//! limits: a small file claiming a huge picture is refused before it can exhaust memory. Used
//! for profile pictures and for pictures of verification QR codes.

use std::io::Cursor;

use image::{DynamicImage, ImageReader, Limits};

/// The largest side decoded, in pixels: a phone's photo is far below it.
const MAX_SIDE: u32 = 16_384;
/// The most memory one decoding may take.
const MAX_DECODED: u64 = 512 * 1024 * 1024;

/// Why bytes are not a picture that can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureError {
    /// Not a picture in a format read here, or a damaged one.
    NotAPicture,
    /// A picture too large to decode safely.
    TooLarge,
}

/// The picture in `bytes`, decoded within the limits.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, PictureError> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| PictureError::NotAPicture)?;
    if reader.format().is_none() {
        return Err(PictureError::NotAPicture);
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODED);
    reader.limits(limits);
    reader.decode().map_err(|error| match error {
        image::ImageError::Limits(_) => PictureError::TooLarge,
        _ => PictureError::NotAPicture,
    })
}
