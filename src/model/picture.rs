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

/// A picture ready to draw: its size in pixels and its RGBA bytes, four per pixel.
#[derive(Clone, PartialEq, Eq)]
pub struct Preview {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

impl std::fmt::Debug for Preview {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The pixels are someone's picture, and megabytes long: never in a log.
        write!(f, "Preview({}x{})", self.width, self.height)
    }
}

impl Preview {
    /// The memory its pixels take, in bytes.
    pub fn bytes(&self) -> usize {
        self.rgba.len()
    }
}

/// The picture in `bytes`, scaled down (never up) to fit `max_width` × `max_height`: what the
/// timeline or the viewer draws. An animation gives its first frame.
pub fn preview(bytes: &[u8], max_width: u32, max_height: u32) -> Result<Preview, PictureError> {
    let picture = decode(bytes)?;
    let fits = picture.width() <= max_width && picture.height() <= max_height;
    let picture = if fits { picture } else { picture.thumbnail(max_width, max_height) };
    let rgba = picture.into_rgba8();
    Ok(Preview { width: rgba.width(), height: rgba.height(), rgba: rgba.into_raw() })
}

/// RGBA pixels (a picture from the clipboard) as a PNG file's bytes.
pub fn png(width: u32, height: u32, rgba: &[u8]) -> Option<Vec<u8>> {
    let picture = image::RgbaImage::from_raw(width, height, rgba.to_vec())?;
    let mut data = Vec::new();
    picture.write_to(&mut Cursor::new(&mut data), image::ImageFormat::Png).ok()?;
    Some(data)
}

/// A small copy of a picture to send beside it, so that the others' apps show something at
/// once without fetching megabytes.
#[derive(Clone, PartialEq, Eq)]
pub struct Thumbnail {
    pub data: Vec<u8>,
    pub mime: &'static str,
    pub width: u32,
    pub height: u32,
}

impl std::fmt::Debug for Thumbnail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Thumbnail({}x{}, {} bytes)", self.width, self.height, self.data.len())
    }
}

/// The longest side of a thumbnail sent with a picture, as Element sends them.
pub const THUMBNAIL_SIDE: u32 = 800;

/// A thumbnail of the picture in `bytes` (JPEG, or PNG when it has transparency), or `None`
/// when it is no larger than a thumbnail already, or cannot be read.
pub fn thumbnail(bytes: &[u8]) -> Option<Thumbnail> {
    let picture = decode(bytes).ok()?;
    if picture.width() <= THUMBNAIL_SIDE && picture.height() <= THUMBNAIL_SIDE {
        return None;
    }
    let small = picture.thumbnail(THUMBNAIL_SIDE, THUMBNAIL_SIDE);
    let (width, height) = (small.width(), small.height());
    let mut data = Vec::new();
    let mime = if small.color().has_alpha() {
        small.write_to(&mut Cursor::new(&mut data), image::ImageFormat::Png).ok()?;
        "image/png"
    } else {
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut data, 80);
        small.into_rgb8().write_with_encoder(encoder).ok()?;
        "image/jpeg"
    };
    Some(Thumbnail { data, mime, width, height })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let picture = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
        });
        let mut data = Vec::new();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut data, 90);
        picture.write_with_encoder(encoder).unwrap();
        data
    }

    #[test]
    fn a_preview_fits_the_box_and_keeps_the_shape() {
        let shown = preview(&jpeg(2000, 1000), 400, 300).unwrap();
        assert_eq!((shown.width, shown.height), (400, 200));
        assert_eq!(shown.bytes(), 400 * 200 * 4);
        let small = preview(&jpeg(100, 50), 400, 300).unwrap();
        assert_eq!((small.width, small.height), (100, 50), "never scaled up");
        assert_eq!(format!("{small:?}"), "Preview(100x50)", "no pixels in a log");
    }

    #[test]
    fn pixels_become_a_png_of_the_same_picture() {
        let data = png(2, 1, &[255, 0, 0, 255, 0, 0, 255, 255]).unwrap();
        let back = decode(&data).unwrap().into_rgba8();
        assert_eq!((back.width(), back.height()), (2, 1));
        assert_eq!(back.get_pixel(1, 0).0, [0, 0, 255, 255]);
        assert_eq!(png(2, 2, &[0; 4]), None, "too few pixels");
    }

    #[test]
    fn a_large_picture_gets_a_jpeg_thumbnail_and_a_small_one_none() {
        let sent = thumbnail(&jpeg(1600, 1200)).unwrap();
        assert_eq!((sent.width, sent.height, sent.mime), (800, 600, "image/jpeg"));
        assert!(decode(&sent.data).is_ok());
        assert_eq!(thumbnail(&jpeg(640, 480)), None);
        assert_eq!(thumbnail(b"not a picture"), None);
    }
}
