//! Reading the other device's verification QR code from a file: a picture of it (a PNG
//! screenshot or photo) or its raw payload as `qr show --out` writes it. Pure: bytes in, the
//! code's payload out, so the CLI and the desktop app read codes the same way.

use std::io::Cursor;

use crate::fl;

/// The 8 bytes every PNG file starts with.
const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
/// Every Matrix verification code's payload starts with this.
const MATRIX_PREFIX: &[u8] = b"MATRIX";
/// Larger pictures are refused rather than decoded: a phone photo is far below this.
const MAX_PIXELS: u64 = 40_000_000;

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

/// The verification payload in `file`: decoded from a PNG picture, or taken as is when the
/// file holds the raw payload.
pub fn read_code(file: &[u8]) -> Result<Vec<u8>, QrReadError> {
    if file.starts_with(MATRIX_PREFIX) {
        return Ok(file.to_vec());
    }
    if !file.starts_with(PNG_SIGNATURE) {
        return Err(QrReadError::NotAnImage);
    }
    let (width, height, grey) = greyscale(file).ok_or(QrReadError::NotAnImage)?;
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| grey[y * width + x]);
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

/// The picture as one brightness byte per pixel, whatever its colour type.
fn greyscale(file: &[u8]) -> Option<(usize, usize, Vec<u8>)> {
    let mut decoder = png::Decoder::new(Cursor::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().ok()?;
    let info = reader.info();
    if u64::from(info.width) * u64::from(info.height) > MAX_PIXELS {
        return None;
    }
    let mut buffer = vec![0; reader.output_buffer_size()?];
    let frame = reader.next_frame(&mut buffer).ok()?;
    let (width, height) = (frame.width as usize, frame.height as usize);
    let channels = match frame.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => return None,
    };
    let mut grey = Vec::with_capacity(width * height);
    for line in buffer[..frame.line_size * height].chunks(frame.line_size) {
        for pixel in line[..width * channels].chunks(channels) {
            grey.push(luma(pixel));
        }
    }
    Some((width, height, grey))
}

/// Perceived brightness; a transparent pixel reads as the white a viewer would show.
fn luma(pixel: &[u8]) -> u8 {
    let (colour, alpha) = match pixel.len() {
        1 => (u32::from(pixel[0]), 255),
        2 => (u32::from(pixel[0]), u32::from(pixel[1])),
        3 => (rgb(pixel), 255),
        _ => (rgb(pixel), u32::from(pixel[3])),
    };
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
