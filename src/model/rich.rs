//! Formatted text as plain runs with a style, so a front end can show bold, italic, code and
//! links without ever handling HTML itself.

use serde::Serialize;

/// One run of text in one style.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    /// The target of a link, shown to the user, never followed on its own.
    pub link: Option<String>,
    /// The link names a person (a mention, as Element writes them): drawn as their name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<Pill>,
}

/// A person a message mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Pill {
    pub user_id: String,
    /// It is the reader: the mention is highlighted.
    pub me: bool,
}

impl Span {
    /// Whether `other` can be merged into this span (same style).
    pub fn same_style(&self, other: &Span) -> bool {
        self.bold == other.bold
            && self.italic == other.italic
            && self.code == other.code
            && self.link == other.link
            && self.mention == other.mention
    }
}

/// Marks the mentions of `me` among `spans`, to highlight them.
pub fn mark_mine(spans: &mut [Span], me: &str) {
    for pill in spans.iter_mut().filter_map(|span| span.mention.as_mut()) {
        pill.me = pill.user_id == me;
    }
}

/// Appends `span`, merging it with the last one when they share a style.
pub fn push(spans: &mut Vec<Span>, span: Span) {
    if span.text.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.same_style(&span) => last.text.push_str(&span.text),
        _ => spans.push(span),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_one_style_merge() {
        let mut spans = Vec::new();
        push(&mut spans, Span { text: "a".into(), ..Span::default() });
        push(&mut spans, Span { text: "b".into(), ..Span::default() });
        push(&mut spans, Span { text: "c".into(), bold: true, ..Span::default() });
        push(&mut spans, Span::default());
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[0].text, "ab");
    }
}
