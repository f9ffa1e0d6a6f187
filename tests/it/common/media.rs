//! Pictures for the tests and the benchmark: JPEG photos whose pixels no other file has, so
//! that finding a stretch of one anywhere on disk or on the server is no chance.

use std::path::Path;

/// A JPEG of `width` × `height` (a gradient seeded by `seed`), written to `dir/name`; returns
/// its bytes.
pub fn photo(dir: &Path, name: &str, width: u32, height: u32, seed: u8) -> Vec<u8> {
    let pixels = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8 ^ seed, (y % 241) as u8, ((x * y) % 239) as u8])
    });
    let mut bytes = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 92);
    pixels.write_with_encoder(encoder).expect("encode the photo");
    std::fs::write(dir.join(name), &bytes).expect("write the photo");
    bytes
}
