//! Colours and container styles with a meaning: the warnings nobody may miss.

use iced::Element;
use iced::widget::{container, text};
use iced::{Border, Color, Font, Theme};

/// The bundled UI font (DejaVu Sans), the same on every machine.
pub const UI: Font = Font::with_name("DejaVu Sans");

/// The bundled colour emoji font, named where emoji are the content (reactions): left to
/// fallback, the UI font's few monochrome symbols would win.
pub const EMOJI: Font = Font::with_name("Twemoji Mozilla");

/// A deep red with white text: contrast above 7:1 in light and dark themes alike.
pub const DANGER: Color = Color::from_rgb8(0xB0, 0x00, 0x20);
/// Amber for "encrypted, but public".
pub const CAUTION: Color = Color::from_rgb8(0x8A, 0x5A, 0x00);
pub const SAFE: Color = Color::from_rgb8(0x1E, 0x7B, 0x34);
/// Secondary text (times, receipts, quotes): a grey readable on light and dark backgrounds.
pub const MUTED: Color = Color::from_rgb8(0x76, 0x76, 0x76);

/// The banner above the timeline of a room without encryption.
pub fn danger_banner(_theme: &Theme) -> container::Style {
    banner(DANGER)
}

/// The banner above the timeline of an encrypted public room.
pub fn caution_banner(_theme: &Theme) -> container::Style {
    banner(CAUTION)
}

fn banner(background: Color) -> container::Style {
    container::Style {
        background: Some(background.into()),
        text_color: Some(Color::WHITE),
        border: Border { radius: 4.0.into(), ..Border::default() },
        ..container::Style::default()
    }
}

/// A quoted message, or the composer's "replying to" bar: a faint box with a bar on the left.
pub fn quote(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.weak.color.into()),
        border: Border { radius: 4.0.into(), ..Border::default() },
        ..container::Style::default()
    }
}

/// A tooltip's box.
pub fn tooltip_box(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.strong.color.into()),
        text_color: Some(palette.background.strong.text),
        border: Border { radius: 4.0.into(), ..Border::default() },
        ..container::Style::default()
    }
}

/// The dialog asking for consent before a first message in clear.
pub fn dialog(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.base.color.into()),
        border: Border { radius: 8.0.into(), width: 3.0, color: DANGER },
        ..container::Style::default()
    }
}

/// A dialog with no warning to give.
pub fn dialog_plain(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.base.color.into()),
        border: Border { radius: 8.0.into(), width: 1.0, color: palette.background.strong.color },
        ..container::Style::default()
    }
}

/// The dimmed, click-absorbing layer behind a dialog.
pub fn backdrop(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Color { a: 0.45, ..Color::BLACK }.into()),
        ..container::Style::default()
    }
}

/// An error in words, on red. Errors can quote long unbreakable strings (a bus address, a
/// URL), so words that do not fit are broken too.
pub fn error_box<'a, Message: 'a>(message: &str) -> Element<'a, Message> {
    let words = text(message.to_owned()).wrapping(text::Wrapping::WordOrGlyph);
    container(words).padding(10).style(danger_banner).into()
}
