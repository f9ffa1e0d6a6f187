//! Text from other people made safe to show: names without the invisible characters that
//! reorder or hide what surrounds them, and lines for a terminal without the escapes that
//! would rewrite it. Everything a room member, a federated stranger or a server chooses
//! (names, bodies, device labels, file names) passes through here before a person reads it.

/// The longest name shown, in characters: a name is a label, and a screenful of one hides the
/// rest of the row.
pub const NAME_MAX: usize = 128;

/// Characters that change how the text around them is ordered or drawn without being seen
/// themselves: bidirectional embeddings, overrides, isolates and marks, zero-width spaces and
/// joiners, the byte-order mark, invisible operators, fillers that draw as blanks, tag
/// characters, and the rest of Unicode's format (Cf) category.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Whether `c` may change the direction of the text after it (the characters behind the
/// "Trojan Source" class of tricks).
pub fn is_bidi_control(c: char) -> bool {
    overrides_direction(c) || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}')
}

/// Whether `c` embeds, overrides or isolates a direction: the controls that make text show in
/// another order than it reads ("Trojan Source"). The marks (LRM, RLM, ALM) only nudge
/// neutral characters and stay.
fn overrides_direction(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A message's text as it may be shown: every character kept (emoji sequences, right-to-left
/// scripts and their marks) but the controls that reorder what follows them, with which
/// `tout va bien \u{202E}elif.exe` would read "tout va bien exe.file".
pub fn neutral(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(overrides_direction) {
        text.chars().filter(|c| !overrides_direction(*c)).collect::<String>().into()
    } else {
        text.into()
    }
}

/// A display name (a person's, a room's, a device's) as it may be shown: no control or
/// invisible characters, every run of whitespace one space, trimmed, at most [`NAME_MAX`]
/// characters. Empty when nothing visible is left, so the caller falls back to the ID.
pub fn clean_name(name: &str) -> String {
    let mut cleaned = String::with_capacity(name.len().min(NAME_MAX * 4));
    let mut pending_space = false;
    let mut count = 0;
    for c in name.chars() {
        if c.is_whitespace() || c.is_control() {
            pending_space = !cleaned.is_empty();
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        let needed = if pending_space { 2 } else { 1 };
        if count + needed > NAME_MAX {
            cleaned.push('…');
            break;
        }
        if pending_space {
            cleaned.push(' ');
            pending_space = false;
        }
        cleaned.push(c);
        count += needed;
    }
    cleaned
}

/// `text` for matching what a person types: lower case, accents removed ("Hélène" and
/// "helene" match), as French names need.
pub fn folded(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    use unicode_normalization::char::is_combining_mark;
    text.nfd().filter(|c| !is_combining_mark(*c)).collect::<String>().to_lowercase()
}

/// The most of one message the window lays out: a chat message is far shorter, and a hostile
/// one of a million characters would hold every frame.
pub const SHOWN_MAX: usize = 16_384;

/// `text` cut to its first `max` characters, with how many were left out; `None` when it fits.
pub fn shortened(text: &str, max: usize) -> Option<(&str, usize)> {
    // The window asks for every message on every frame: no more bytes than `max` is no more
    // characters either, and most messages end there without a walk.
    if text.len() <= max {
        return None;
    }
    let (cut, _) = text.char_indices().nth(max)?;
    Some((&text[..cut], text[cut..].chars().count()))
}

/// Text for a terminal, on one line: C0 and C1 controls, DEL, escape and the invisible
/// characters become visible escapes (`\x1b`, `\u{202e}`), a line break becomes `⏎`, a tab a
/// space. Nothing a message or a name contains can then move the cursor, recolour, rewrite the
/// clipboard (OSC 52) or forge a line of its own.
pub fn terminal_line(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => shown.push('⏎'),
            '\t' => shown.push(' '),
            c if (c as u32) < 0x20 || (0x7f..=0x9f).contains(&(c as u32)) => {
                shown.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if is_invisible(c) => shown.push_str(&format!("\\u{{{:04x}}}", c as u32)),
            c => shown.push(c),
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_what_cannot_be_seen() {
        assert_eq!(clean_name("  Anne   Dupont "), "Anne Dupont");
        // A right-to-left override would show "@anne:gouv.fr" from "rf.vuog:enna@".
        assert_eq!(clean_name("\u{202E}rf.vuog:enna@"), "rf.vuog:enna@");
        assert_eq!(clean_name("An\u{200B}ne\u{2066}\u{2069}"), "Anne");
        assert_eq!(clean_name("Anne\nDupont\t\x1b[2K"), "Anne Dupont [2K");
        assert_eq!(clean_name("\u{3164}\u{200B}"), "", "only fillers: nothing visible");
        let long = "x".repeat(500);
        assert_eq!(clean_name(&long).chars().count(), NAME_MAX + 1);
        assert_eq!(clean_name("Zoé 👩‍💻"), "Zoé 👩💻");
    }

    #[test]
    fn a_terminal_line_carries_no_control_at_all() {
        let hostile = "\x1b]52;c;aGVsbG8=\x07\x1b[2K\r[✓] boss: ok\nsecond\u{202E}txt\u{9b}";
        let line = terminal_line(hostile);
        assert!(
            line.chars().all(|c| c as u32 >= 0x20 && !(0x7f..=0x9f).contains(&(c as u32))),
            "{line:?}"
        );
        assert!(!line.chars().any(is_invisible), "{line:?}");
        assert_eq!(line, "\\x1b]52;c;aGVsbG8=\\x07\\x1b[2K⏎[✓] boss: ok⏎second\\u{202e}txt\\x9b");
        assert_eq!(terminal_line("a\r\nb\tc"), "a⏎b c");
        assert_eq!(terminal_line("Zoé 🎉"), "Zoé 🎉");
    }

    #[test]
    fn message_text_keeps_all_but_what_reorders_it() {
        assert_eq!(neutral("tout va bien \u{202E}elif.exe"), "tout va bien elif.exe");
        assert_eq!(neutral("a \u{2067}b\u{2069} c"), "a b c");
        // Emoji sequences and right-to-left text with its marks are left alone.
        assert_eq!(neutral("👩‍💻 ❤️ שלום\u{200F}!"), "👩‍💻 ❤️ שלום\u{200F}!");
        assert!(matches!(neutral("plain"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn long_text_is_cut_at_a_character() {
        assert_eq!(shortened("short", 10), None);
        assert_eq!(shortened("ééééé", 2), Some(("éé", 3)));
        let long = "x".repeat(1_000_000);
        let (kept, left) = shortened(&long, SHOWN_MAX).unwrap();
        assert_eq!((kept.len(), left), (SHOWN_MAX, 1_000_000 - SHOWN_MAX));
    }

    #[test]
    fn bidi_controls_are_known() {
        for c in ['\u{202E}', '\u{2066}', '\u{2069}', '\u{200F}', '\u{061C}'] {
            assert!(is_bidi_control(c) && is_invisible(c), "{c:?}");
        }
        assert!(!is_bidi_control('a'));
    }
}
