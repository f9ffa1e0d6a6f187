//! Reading the other device's verification QR code: from a file holding a picture of it (a
//! screenshot or a photo, in any format `model::picture` reads) or its raw payload as
//! `qr show --out` writes it, or from a picture's pixels (what a clipboard holds). Pure: bytes
//! in, the code's payload out, so the CLI and the desktop app read codes the same way.

use crate::fl;

use super::picture;

/// Every Matrix verification code's payload starts with this.
const MATRIX_PREFIX: &[u8] = b"MATRIX";

/// Why no code could be read, in words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrReadError {
    #[error("{}", fl!("qr-read-not-image"))]
    NotAnImage,
    #[error("{}", fl!("qr-read-no-code"))]
    NoCode,
    #[error("{}", fl!("qr-read-not-matrix"))]
    NotMatrix,
}

/// The verification payload in `file`: decoded from a picture, or taken as is when the file
/// holds the raw payload.
pub fn read_code(file: &[u8]) -> Result<Vec<u8>, QrReadError> {
    if file.starts_with(MATRIX_PREFIX) {
        return Ok(file.to_vec());
    }
    let picture = picture::decode(file).map_err(|_| QrReadError::NotAnImage)?.into_rgba8();
    read_pixels(picture.width(), picture.height(), picture.as_raw())
}

/// The verification payload in a picture given as `width`×`height` RGBA pixels, row by row.
pub fn read_pixels(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, QrReadError> {
    let (columns, rows) = (width as usize, height as usize);
    if columns == 0 || rows == 0 || rgba.len() != columns * rows * 4 {
        return Err(QrReadError::NotAnImage);
    }
    let grey: Vec<u8> = rgba.chunks_exact(4).map(luma).collect();
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(columns, rows, |x, y| grey[y * columns + x]);
    let mut found_other = false;
    for grid in image.detect_grids() {
        let mut payload = Vec::new();
        if grid.decode_to(&mut payload).is_ok() {
            if payload.starts_with(MATRIX_PREFIX) {
                return Ok(payload);
            }
            found_other = true;
        }
    }
    Err(if found_other { QrReadError::NotMatrix } else { QrReadError::NoCode })
}

/// Perceived brightness of an RGBA pixel; a transparent pixel reads as the white a viewer
/// would show.
fn luma(pixel: &[u8]) -> u8 {
    let (colour, alpha) = (rgb(pixel), u32::from(pixel[3]));
    let on_white = (colour * alpha + 255 * (255 - alpha)) / 255;
    u8::try_from(on_white).unwrap_or(u8::MAX)
}

fn rgb(pixel: &[u8]) -> u32 {
    (299 * u32::from(pixel[0]) + 587 * u32::from(pixel[1]) + 114 * u32::from(pixel[2])) / 1000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_raw_payload_is_taken_as_is() {
        let payload = b"MATRIX\x02\x01rest".to_vec();
        assert_eq!(read_code(&payload), Ok(payload));
    }

    #[test]
    fn a_file_that_is_neither_is_refused_in_words() {
        let error = read_code(b"hello").unwrap_err();
        assert_eq!(error, QrReadError::NotAnImage);
        assert!(!error.to_string().is_empty());
    }

    #[test]
    fn a_picture_without_a_code_says_so() {
        let blank = png_of(&vec![255u8; 64 * 64], 64, 64);
        assert_eq!(read_code(&blank), Err(QrReadError::NoCode));
        assert_eq!(read_pixels(8, 8, &[255; 8 * 8 * 4]), Err(QrReadError::NoCode));
    }

    #[test]
    fn pixels_that_do_not_add_up_are_not_a_picture() {
        assert_eq!(read_pixels(8, 8, &[255; 10]), Err(QrReadError::NotAnImage));
        assert_eq!(read_pixels(0, 0, &[]), Err(QrReadError::NotAnImage));
    }

    #[test]
    fn transparent_pixels_read_as_white() {
        assert_eq!(luma(&[0, 0, 0, 0]), 255);
        assert_eq!(luma(&[0, 0, 0, 255]), 0);
    }

    /// A greyscale PNG of `pixels`.
    fn png_of(pixels: &[u8], width: u32, height: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(pixels).unwrap();
        writer.finish().unwrap();
        out
    }
}
