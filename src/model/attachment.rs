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
    /// The sender gave a thumbnail of the picture: `Some(true)` when it is encrypted too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thumbnail_encrypted: Option<bool>,
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
    /// leading dot, no control or invisible characters (a right-to-left override would show
    /// `invoice\u{202E}fdp.exe` as `invoiceexe.pdf`), nothing Windows reserves (`CON`,
    /// `nul.txt`, a trailing dot or space); never empty.
    /// Whether the desktop may open it with its default application: not a program, a script
    /// or a launcher, which a stranger could send to be run with a double click.
    pub fn may_open(&self) -> bool {
        const RUNNABLE: [&str; 24] = [
            "desktop",
            "sh",
            "bash",
            "zsh",
            "run",
            "bin",
            "appimage",
            "exe",
            "msi",
            "bat",
            "cmd",
            "com",
            "scr",
            "ps1",
            "vbs",
            "js",
            "jar",
            "py",
            "pl",
            "rb",
            "lnk",
            "deb",
            "rpm",
            "flatpakref",
        ];
        let name = self.safe_name().to_lowercase();
        let extension = name.rsplit_once('.').map(|(_, ext)| ext).unwrap_or_default();
        !extension.is_empty() && !RUNNABLE.contains(&extension)
    }

    pub fn safe_name(&self) -> String {
        let last = self.name.rsplit(['/', '\\']).next().unwrap_or_default();
        let cleaned: String = last
            .chars()
            .filter(|c| !super::text::is_invisible(*c))
            .map(|c| if c.is_control() || RESERVED.contains(&c) { '_' } else { c })
            .collect();
        let cleaned = cleaned.trim().trim_start_matches('.').trim_end_matches(['.', ' ']).trim();
        if cleaned.is_empty() {
            return "file".to_owned();
        }
        if is_windows_device(cleaned) { format!("_{cleaned}") } else { cleaned.to_owned() }
    }

    /// The name to show: what the sender gave, without what cannot be seen.
    pub fn shown_name(&self) -> String {
        let shown = super::text::clean_name(&self.name);
        if shown.is_empty() { self.safe_name() } else { shown }
    }

    /// The size in words ("1.2 MB"), when known.
    pub fn size_text(&self) -> Option<String> {
        self.size.map(size_text)
    }
}

/// Characters no file name may hold on one of the systems a saved file may end up on.
const RESERVED: [char; 7] = [':', '<', '>', '"', '|', '?', '*'];

/// Whether Windows takes `name` for a device (`CON`, `nul.txt`, `COM1.log`), whatever follows
/// its first dot.
fn is_windows_device(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default().trim_end().to_ascii_uppercase();
    matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (stem.len() == 4
            && (stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.as_bytes()[3].is_ascii_digit())
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

/// The width and height of a PNG, JPEG, WebP or GIF image, read from its header only (nothing
/// is decoded); `None` for any other format or a damaged header.
pub fn image_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    let reader = image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format().ok()?;
    reader.format()?;
    let (width, height) = reader.into_dimensions().ok()?;
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
            thumbnail_encrypted: None,
            upload: None,
        };
        assert_eq!(named("../../.bashrc").safe_name(), "bashrc");
        assert!(named("minutes.pdf").may_open() && named("Photo.JPG").may_open());
        for runnable in ["install.sh", "setup.EXE", "app.desktop", "tool", "x.AppImage"] {
            assert!(!named(runnable).may_open(), "{runnable}");
        }
        assert_eq!(named("C:\\Users\\x\\report.pdf").safe_name(), "report.pdf");
        assert_eq!(named("a\nb.txt").safe_name(), "a_b.txt");
        assert_eq!(named("..").safe_name(), "file");
        assert_eq!(named("rapport 2027.pdf").safe_name(), "rapport 2027.pdf");
        // Review L6: what reorders the name, and the names Windows keeps for devices.
        let reversed = named("invoice\u{202E}fdp.exe");
        assert_eq!(reversed.safe_name(), "invoicefdp.exe");
        assert_eq!(reversed.shown_name(), "invoicefdp.exe");
        assert!(
            !named("a\u{2066}b\u{200F}.txt")
                .safe_name()
                .chars()
                .any(crate::model::text::is_invisible)
        );
        for device in ["CON", "nul.txt", "Com1.log", "lpt9", "AUX "] {
            let safe = named(device).safe_name();
            assert!(!is_windows_device(&safe), "{device} -> {safe}");
            assert_ne!(safe, device.trim());
        }
        assert_eq!(named("console.txt").safe_name(), "console.txt");
        assert_eq!(named("notes. . ").safe_name(), "notes");
        assert_eq!(named("why?.txt").safe_name(), "why_.txt");
    }

    #[test]
    fn image_headers_give_their_size() {
        for (format, size) in [
            (image::ImageFormat::Png, (640, 480)),
            (image::ImageFormat::Gif, (800, 600)),
            (image::ImageFormat::Jpeg, (400, 300)),
        ] {
            let picture = image::RgbImage::new(size.0, size.1);
            let mut bytes = Vec::new();
            picture.write_to(&mut std::io::Cursor::new(&mut bytes), format).expect("encodes");
            assert_eq!(image_dimensions(&bytes), Some(size), "{format:?}");
            // The header is enough: the rest of the file is not read.
            assert_eq!(image_dimensions(&bytes[..bytes.len().min(1024)]), Some(size));
        }
        assert_eq!(image_dimensions(b"%PDF-1.7"), None);
        assert_eq!(image_dimensions(&[0xFF, 0xD8, 0xFF]), None);
    }
}
