//! A profile picture made fit to publish. Profile pictures are public and never encrypted:
//! anyone on the server, and on every server the account talks to, can fetch them. So the
//! picture is decoded and drawn again as a plain PNG of at most `SIDE` pixels: what the person
//! sees is what is sent, and nothing else of the original file is — no EXIF location, camera
//! serial number or editing history, which a photo taken on a phone usually carries.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat};

use super::picture::{PictureError, decode};

/// The side of the square picture published, in pixels: sharp on a high-density screen at the
/// sizes clients show avatars, small enough to upload in a moment.
pub const SIDE: u32 = 512;

/// The largest file taken: a photo straight from a phone fits, a mistake (a video) does not.
/// Larger files are `PictureError::TooLarge` without being read further.
pub const MAX_FILE: u64 = 25 * 1024 * 1024;

/// The picture to publish: `bytes` is a PNG, `SIDE`×`SIDE` or smaller, cropped to a square.
pub fn prepare(bytes: &[u8]) -> Result<Vec<u8>, PictureError> {
    if bytes.len() as u64 > MAX_FILE {
        return Err(PictureError::TooLarge);
    }
    let picture = decode(bytes)?;
    let square = crop_to_square(picture);
    let side = square.width().min(SIDE);
    let small = square.resize_exact(side, side, image::imageops::FilterType::Lanczos3);
    let mut png = Vec::new();
    small
        .to_rgba8()
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|_| PictureError::NotAPicture)?;
    Ok(png)
}

/// A picture ready to show in a circle: `side`×`side` RGBA pixels, transparent outside the
/// circle. Cut here rather than by the renderer, which cannot round an image's corners.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub side: u32,
    pub rgba: Vec<u8>,
}

/// `bytes` (any picture read here) as a circle `side` pixels across, its edge smoothed;
/// `None` when it is not a picture.
pub fn round(bytes: &[u8], side: u32) -> Option<Round> {
    let square = crop_to_square(decode(bytes).ok()?);
    let small = square.resize_exact(side, side, image::imageops::FilterType::Triangle);
    let mut pixels = small.into_rgba8();
    let centre = side as f32 / 2.0;
    for (x, y, pixel) in pixels.enumerate_pixels_mut() {
        let dx = x as f32 + 0.5 - centre;
        let dy = y as f32 + 0.5 - centre;
        // One pixel of soft edge: coverage falls from 1 inside to 0 outside.
        let coverage = (centre - (dx * dx + dy * dy).sqrt() + 0.5).clamp(0.0, 1.0);
        pixel[3] = (f32::from(pixel[3]) * coverage).round() as u8;
    }
    Some(Round { side, rgba: pixels.into_raw() })
}

/// The centre square: avatars are shown in circles and squares, never stretched.
fn crop_to_square(picture: DynamicImage) -> DynamicImage {
    let (width, height) = (picture.width(), picture.height());
    let side = width.min(height);
    if width == height {
        return picture;
    }
    picture.crop_imm((width - side) / 2, (height - side) / 2, side, side)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgba, RgbaImage};

    fn encoded(picture: RgbaImage, format: ImageFormat) -> Vec<u8> {
        let mut bytes = Vec::new();
        let picture = DynamicImage::ImageRgba8(picture);
        let picture = if format == ImageFormat::Jpeg {
            DynamicImage::ImageRgb8(picture.to_rgb8())
        } else {
            picture
        };
        picture.write_to(&mut Cursor::new(&mut bytes), format).expect("encodes");
        bytes
    }

    fn decoded(png: &[u8]) -> RgbaImage {
        image::load_from_memory_with_format(png, ImageFormat::Png).expect("a PNG").to_rgba8()
    }

    #[test]
    fn a_wide_photo_becomes_its_centre_square_at_most_512_pixels() {
        // Red left third, green middle, blue right: the centre square is all green.
        let photo = RgbaImage::from_fn(1800, 600, |x, _| match x {
            0..600 => Rgba([255, 0, 0, 255]),
            600..1200 => Rgba([0, 255, 0, 255]),
            _ => Rgba([0, 0, 255, 255]),
        });
        let png = prepare(&encoded(photo, ImageFormat::Jpeg)).expect("prepared");
        let picture = decoded(&png);
        assert_eq!(picture.dimensions(), (SIDE, SIDE));
        let centre = picture.get_pixel(SIDE / 2, SIDE / 2);
        assert!(centre[1] > 200 && centre[0] < 60 && centre[2] < 60, "green: {centre:?}");
    }

    #[test]
    fn a_small_picture_is_not_enlarged() {
        let icon = RgbaImage::from_pixel(40, 64, Rgba([10, 20, 30, 255]));
        let picture = decoded(&prepare(&encoded(icon, ImageFormat::Png)).expect("prepared"));
        assert_eq!(picture.dimensions(), (40, 40));
    }

    #[test]
    fn nothing_of_the_original_file_survives_but_its_pixels() {
        // A PNG carrying a text chunk, as a photo carries EXIF: the published file has none.
        let mut bytes = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut bytes, 8, 8);
            encoder.set_color(png::ColorType::Rgba);
            encoder.add_text_chunk("Location".into(), "48.8566 N 2.3522 E".into()).unwrap();
            let mut writer = encoder.write_header().unwrap();
            writer.write_image_data(&[200; 8 * 8 * 4]).unwrap();
        }
        assert!(bytes.windows(8).any(|w| w == b"Location"));
        let published = prepare(&bytes).expect("prepared");
        assert!(!published.windows(8).any(|w| w == b"Location"));
        assert!(!published.windows(7).any(|w| w == b"48.8566"));
    }

    #[test]
    fn a_round_picture_is_clear_in_the_corners_and_solid_in_the_middle() {
        let photo = RgbaImage::from_pixel(300, 200, Rgba([0, 0, 255, 255]));
        let round = round(&encoded(photo, ImageFormat::Png), 48).expect("a picture");
        assert_eq!((round.side, round.rgba.len()), (48, 48 * 48 * 4));
        let alpha = |x: usize, y: usize| round.rgba[(y * 48 + x) * 4 + 3];
        assert_eq!((alpha(0, 0), alpha(47, 0), alpha(0, 47), alpha(47, 47)), (0, 0, 0, 0));
        assert_eq!((alpha(24, 24), alpha(24, 1), alpha(1, 24)), (255, 255, 255));
        assert_eq!(round.rgba[(24 * 48 + 24) * 4..][..3], [0, 0, 255]);
        assert_eq!(super::round(b"not a picture", 48), None);
    }

    #[test]
    fn what_is_not_a_picture_is_refused() {
        assert_eq!(prepare(b"%PDF-1.7 not a picture"), Err(PictureError::NotAPicture));
        assert_eq!(prepare(b""), Err(PictureError::NotAPicture));
        // A PNG signature with nothing sound after it.
        assert_eq!(prepare(b"\x89PNG\r\n\x1a\n garbage"), Err(PictureError::NotAPicture));
    }

    #[test]
    fn a_picture_claiming_enormous_dimensions_is_refused_before_decoding() {
        let mut bytes = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut bytes, 20_000, 20_000);
            encoder.set_color(png::ColorType::Grayscale);
            let mut writer = encoder.write_header().unwrap();
            // Only the header matters: the decoder must stop at the dimensions.
            let _ = writer.write_image_data(&[]);
        }
        assert_eq!(prepare(&bytes), Err(PictureError::TooLarge));
    }
}
