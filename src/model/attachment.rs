//! Files carried by messages: what an attachment is (name, size, type), how far an upload has
//! gone, file sizes in the user's words, and the few facts read from an image's header.

use serde::Serialize;

use crate::fl;

/// What kind of file a message carries, as the room's clients show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentKind {
    File,
    Image,
    Video,
    Audio,
}

/// The file a message carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    /// The name the sender gave it; it may hold anything, so save it under `safe_name()`.
    pub name: String,
    /// In bytes, when the sender said.
    pub size: Option<u64>,
    /// The MIME type, when the sender said.
    pub mime: Option<String>,
    pub kind: AttachmentKind,
    /// Width and height in pixels of an image or a video, when the sender said.
    pub dimensions: Option<(u32, u32)>,
    /// How far the upload of one of this account's files has gone, while it goes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upload: Option<Progress>,
}

/// How much of a transfer is done, in bytes of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub sent: u64,
    pub total: u64,
}

impl Progress {
    /// The part done, from 0.0 to 1.0 (an empty file is done at once).
    pub fn fraction(self) -> f32 {
        if self.total == 0 {
            1.0
        } else {
            (self.sent.min(self.total) as f64 / self.total as f64) as f32
        }
    }

    /// The whole percent done, rounded down: 100 only once all is sent.
    pub fn percent(self) -> u8 {
        if self.total == 0 || self.sent >= self.total {
            return 100;
        }
        (self.sent * 100 / self.total).min(99) as u8
    }

    pub fn is_complete(self) -> bool {
        self.sent >= self.total
    }
}

impl Attachment {
    /// A file name that is safe to create in a folder of the user's choosing: no folders, no
    /// leading dot, no control characters; never empty.
    pub fn safe_name(&self) -> String {
        let last = self.name.rsplit(['/', '\\']).next().unwrap_or_default();
        let cleaned: String =
            last.chars().map(|c| if c.is_control() || c == ':' { '_' } else { c }).collect();
        let cleaned = cleaned.trim().trim_start_matches('.').trim();
        if cleaned.is_empty() { "file".to_owned() } else { cleaned.to_owned() }
    }

    /// The size in words ("1.2 MB"), when known.
    pub fn size_text(&self) -> Option<String> {
        self.size.map(size_text)
    }
}

/// A file size in the user's words, in decimal units: "532 B", "48 kB", "1.2 MB".
pub fn size_text(bytes: u64) -> String {
    let units = ["B", "kB", "MB", "GB", "TB"];
    let mut unit = 0;
    let mut value = bytes as f64;
    // Move up a unit while the rounded figure would reach 1000 ("1000 kB" reads as "1.0 MB").
    while unit + 1 < units.len() && rounded(value, unit) >= 1000.0 {
        value /= 1000.0;
        unit += 1;
    }
    let number = if unit == 0 {
        bytes.to_string()
    } else if value < 10.0 {
        format!("{value:.1}").replace('.', &fl!("file-size-decimal-separator"))
    } else {
        format!("{value:.0}")
    };
    match units[unit] {
        "B" => fl!("file-size-bytes", value = number),
        "kB" => fl!("file-size-kilobytes", value = number),
        "MB" => fl!("file-size-megabytes", value = number),
        "GB" => fl!("file-size-gigabytes", value = number),
        _ => fl!("file-size-terabytes", value = number),
    }
}

/// The figure `size_text` would show for `value` in unit number `unit`.
fn rounded(value: f64, unit: usize) -> f64 {
    if unit == 0 {
        value
    } else if value < 10.0 {
        (value * 10.0).round() / 10.0
    } else {
        value.round()
    }
}

/// The width and height of a PNG, JPEG or GIF image, read from its header; `None` for any
/// other format or a damaged header.
pub fn image_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.get(12..16) == Some(b"IHDR") {
        let width = u32::from_be_bytes(bytes.get(16..20)?.try_into().ok()?);
        let height = u32::from_be_bytes(bytes.get(20..24)?.try_into().ok()?);
        return nonzero(width, height);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        let width = u16::from_le_bytes(bytes.get(6..8)?.try_into().ok()?);
        let height = u16::from_le_bytes(bytes.get(8..10)?.try_into().ok()?);
        return nonzero(width.into(), height.into());
    }
    if bytes.starts_with(&[0xFF, 0xD8]) {
        return jpeg_dimensions(bytes);
    }
    None
}

/// Walks a JPEG's segments to its frame header (SOF), which holds the size.
fn jpeg_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        // Markers may be padded with any number of 0xFF bytes.
        while *bytes.get(at)? == 0xFF && *bytes.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        let length = usize::from(u16::from_be_bytes(bytes.get(at + 2..at + 4)?.try_into().ok()?));
        // Every SOFn except DHT (C4), JPG (C8) and DAC (CC) carries the frame size.
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let height = u16::from_be_bytes(bytes.get(at + 5..at + 7)?.try_into().ok()?);
            let width = u16::from_be_bytes(bytes.get(at + 7..at + 9)?.try_into().ok()?);
            return nonzero(width.into(), height.into());
        }
        if length < 2 || marker == 0xDA {
            return None;
        }
        at += 2 + length;
    }
}

fn nonzero(width: u32, height: u32) -> Option<(u32, u32)> {
    (width > 0 && height > 0).then_some((width, height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_a_person_says_them() {
        assert_eq!(size_text(0), "0 B");
        assert_eq!(size_text(532), "532 B");
        assert_eq!(size_text(48_300), "48 kB");
        assert_eq!(size_text(1_234_567), "1.2 MB");
        assert_eq!(size_text(999_999), "1.0 MB");
        assert_eq!(size_text(3_000_000_000), "3.0 GB");
    }

    #[test]
    fn progress_reaches_100_only_when_done() {
        let half = Progress { sent: 50, total: 100 };
        assert_eq!((half.percent(), half.is_complete()), (50, false));
        assert_eq!(Progress { sent: 999, total: 1000 }.percent(), 99);
        let done = Progress { sent: 1000, total: 1000 };
        assert_eq!((done.percent(), done.is_complete(), done.fraction()), (100, true, 1.0));
        assert_eq!(Progress { sent: 0, total: 0 }.percent(), 100);
    }

    #[test]
    fn a_hostile_name_is_saved_as_a_plain_file_name() {
        let named = |name: &str| Attachment {
            name: name.into(),
            size: None,
            mime: None,
            kind: AttachmentKind::File,
            dimensions: None,
            upload: None,
        };
        assert_eq!(named("../../.bashrc").safe_name(), "bashrc");
        assert_eq!(named("C:\\Users\\x\\report.pdf").safe_name(), "report.pdf");
        assert_eq!(named("a\nb.txt").safe_name(), "a_b.txt");
        assert_eq!(named("..").safe_name(), "file");
        assert_eq!(named("rapport 2027.pdf").safe_name(), "rapport 2027.pdf");
    }

    #[test]
    fn image_headers_give_their_size() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&640u32.to_be_bytes());
        png.extend_from_slice(&480u32.to_be_bytes());
        assert_eq!(image_dimensions(&png), Some((640, 480)));

        let gif = b"GIF89a\x20\x03\x58\x02rest";
        assert_eq!(image_dimensions(gif), Some((800, 600)));

        // SOI, an APP0 segment of 16 bytes, then SOF0 with height 300 and width 400.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
        jpeg.extend_from_slice(&[0; 14]);
        jpeg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x01, 0x90, 0x03]);
        assert_eq!(image_dimensions(&jpeg), Some((400, 300)));

        assert_eq!(image_dimensions(b"%PDF-1.7"), None);
        assert_eq!(image_dimensions(&[0xFF, 0xD8, 0xFF]), None);
    }
}
