//! Colours and container styles with a meaning: the warnings nobody may miss.

use iced::widget::{container, text};
use iced::{Border, Color, Font, Theme};
use iced::{Element, Length};

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
/// A link in a message: a blue readable on light and dark backgrounds.
pub const LINK: Color = Color::from_rgb8(0x2A, 0x6F, 0xD6);

/// A mention in a message (text, tint); the reader's own name stands out more.
pub const MENTION: (Color, Color) =
    (Color::from_rgb8(0x2A, 0x6F, 0xD6), Color::from_rgba8(0x2A, 0x6F, 0xD6, 0.14));
pub const MENTION_ME: (Color, Color) =
    (Color::from_rgb8(0xFF, 0xFF, 0xFF), Color::from_rgb8(0xC0, 0x4A, 0x00));

/// The same meanings as text on the theme's background: the colours above are for white text
/// on them, too dark to read on a dark background.
const SAFE_ON_DARK: Color = Color::from_rgb8(0x6F, 0xD3, 0x8B);
const CAUTION_ON_DARK: Color = Color::from_rgb8(0xF2, 0xB7, 0x4A);
const DANGER_ON_DARK: Color = Color::from_rgb8(0xFF, 0x7A, 0x7A);

/// Text saying something is safe (encrypted, verified).
pub fn safe_text(theme: &Theme) -> text::Style {
    on_theme(theme, SAFE, SAFE_ON_DARK)
}

/// Text asking for attention (not verified).
pub fn caution_text(theme: &Theme) -> text::Style {
    on_theme(theme, CAUTION, CAUTION_ON_DARK)
}

/// Text saying something is wrong or exposed (sent in clear, undecryptable).
pub fn danger_text(theme: &Theme) -> text::Style {
    on_theme(theme, DANGER, DANGER_ON_DARK)
}

fn on_theme(theme: &Theme, light: Color, dark: Color) -> text::Style {
    let color = if theme.extended_palette().is_dark { dark } else { light };
    text::Style { color: Some(color) }
}

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

/// The picture viewer: a dark room around the picture, whatever the theme.
pub fn viewer(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Color::from_rgb8(0x14, 0x14, 0x14).into()),
        text_color: Some(Color::WHITE),
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

/// A dialog over the window: `content` in a box at most `width` wide, centred on a dimmed
/// layer that absorbs the clicks meant for what is behind.
pub fn modal<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
    width: f32,
    look: fn(&Theme) -> container::Style,
) -> Element<'a, Message> {
    let boxed = container(content).padding(24).max_width(width).style(look);
    iced::widget::opaque(container(boxed).center(Length::Fill).style(backdrop))
}

/// An error in words, on red. Errors can quote long unbreakable strings (a bus address, a
/// URL), so words that do not fit are broken too.
pub fn error_box<'a, Message: 'a>(
    message: &(impl std::fmt::Display + ?Sized),
) -> Element<'a, Message> {
    let words = text(message.to_string()).wrapping(text::Wrapping::WordOrGlyph);
    container(words).padding(10).style(danger_banner).into()
}

/// Colours for avatars: dark enough for white initials (contrast above 4.5:1).
const AVATAR_COLOURS: [Color; 8] = [
    Color::from_rgb8(0x1F, 0x5F, 0xA8),
    Color::from_rgb8(0x7A, 0x3E, 0x9D),
    Color::from_rgb8(0x0E, 0x6E, 0x6E),
    Color::from_rgb8(0xA3, 0x3B, 0x20),
    Color::from_rgb8(0x3D, 0x6B, 0x21),
    Color::from_rgb8(0x8C, 0x2F, 0x5C),
    Color::from_rgb8(0x4A, 0x4E, 0xA8),
    Color::from_rgb8(0x6B, 0x55, 0x1E),
];

/// A round avatar with the initial of `name`, its colour fixed by `id` (a Matrix ID, a room
/// ID): a person or a room keeps the same one everywhere, and two people who chose the same
/// name still look different (review H3).
pub fn avatar<'a, Message: 'a>(name: &str, id: &str, size: f32) -> Element<'a, Message> {
    let initial = name
        .trim_start_matches(['@', '#', '!'])
        .chars()
        .find(|c| c.is_alphanumeric())
        .map(|c| c.to_uppercase().to_string())
        .unwrap_or_else(|| "?".into());
    let colour = avatar_colour(id);
    let look = move |_: &Theme| container::Style {
        background: Some(colour.into()),
        text_color: Some(Color::WHITE),
        border: Border { radius: (size / 2.0).into(), ..Border::default() },
        ..container::Style::default()
    };
    container(text(initial).size(size * 0.5)).center(Length::Fixed(size)).style(look).into()
}

/// The colour an avatar takes for `id`.
pub fn avatar_colour(id: &str) -> Color {
    let hash = id.bytes().fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize));
    AVATAR_COLOURS[hash % AVATAR_COLOURS.len()]
}

/// A person's own picture, already cut round (`model::avatar::round`), `size` across; the
/// initial of their `user_id`'s name (`avatar`) when they have none.
pub fn picture<'a, Message: 'a>(
    picture: Option<&iced::widget::image::Handle>,
    user_id: &str,
    size: f32,
) -> Element<'a, Message> {
    match picture {
        Some(handle) => iced::widget::image(handle.clone()).width(size).height(size).into(),
        None => avatar(user_id, user_id, size),
    }
}

/// A picture cut round for `picture`, from its pixels.
pub fn round_picture(round: crate::model::avatar::Round) -> iced::widget::image::Handle {
    iced::widget::image::Handle::from_rgba(round.side, round.side, round.rgba)
}

/// A count in a pill: the theme's accent colour, red when it counts mentions.
pub fn pill<'a, Message: 'a>(count: String, urgent: bool) -> Element<'a, Message> {
    let look = move |theme: &Theme| {
        let palette = theme.extended_palette();
        let pair = if urgent { palette.danger.base } else { palette.primary.base };
        container::Style {
            background: Some(pair.color.into()),
            text_color: Some(pair.text),
            border: Border { radius: 9.0.into(), ..Border::default() },
            ..container::Style::default()
        }
    };
    container(text(count).size(12)).padding([1, 7]).style(look).into()
}

/// The open room's entry in the list: the theme's weak accent, with its own text colour so it
/// reads in light and dark themes alike.
pub fn selected_row(
    theme: &Theme,
    _status: iced::widget::button::Status,
) -> iced::widget::button::Style {
    let pair = theme.extended_palette().primary.weak;
    iced::widget::button::Style {
        background: Some(pair.color.into()),
        text_color: pair.text,
        border: Border { radius: 6.0.into(), ..Border::default() },
        ..iced::widget::button::Style::default()
    }
}

/// A message that calls the reader (a mention, `@room`, a keyword): a warm tint and an edge,
/// as Element marks them, readable in light and dark themes.
pub fn mentioned_row(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Color::from_rgba8(0xE0, 0x7A, 0x00, 0.12).into()),
        border: Border {
            color: Color::from_rgb8(0xC0, 0x4A, 0x00),
            width: 0.0,
            radius: 4.0.into(),
        },
        ..container::Style::default()
    }
}

/// The message a search result (or a link to it) opened on: framed in the theme's accent,
/// so the eye finds it among the messages around it.
pub fn focused_row(theme: &Theme) -> container::Style {
    let accent = theme.extended_palette().primary.base.color;
    container::Style {
        background: Some(Color { a: 0.10, ..accent }.into()),
        border: Border { color: accent, width: 2.0, radius: 6.0.into() },
        ..container::Style::default()
    }
}
