//! Someone found in the server's user directory: whom to start a chat with.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub user_id: String,
    pub display_name: Option<String>,
}

impl Person {
    /// "Name (@id)" when there is a name, else the Matrix ID: the ID is always shown, since a
    /// display name proves nothing and two people may share one.
    pub fn label(&self) -> String {
        named(self.display_name.as_deref(), &self.user_id, true)
    }
}

/// A member as a sentence names them: the display name when it is theirs alone in the room,
/// `Name (@id:server)` when another member's looks the same, the Matrix ID without a name.
/// The name is cleaned of what could hide or reorder it (`text::clean_name`).
pub fn named(name: Option<&str>, user_id: &str, ambiguous: bool) -> String {
    let name = name.map(super::text::clean_name).filter(|name| !name.is_empty());
    match name {
        Some(name) if ambiguous => format!("{name} ({user_id})"),
        Some(name) => name,
        None => user_id.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ambiguous_name_carries_its_matrix_id() {
        assert_eq!(named(Some("Anne Dupont"), "@anne:x", false), "Anne Dupont");
        assert_eq!(named(Some("Anne Dupont"), "@mallory:y", true), "Anne Dupont (@mallory:y)");
        assert_eq!(named(Some("\u{202E} "), "@b:x", false), "@b:x", "nothing visible");
        assert_eq!(named(None, "@b:x", true), "@b:x");
        assert_eq!(named(Some("An\u{200B}ne"), "@a:x", false), "Anne");
    }

    #[test]
    fn the_matrix_id_is_always_part_of_the_label() {
        let named = Person { user_id: "@anne:x".into(), display_name: Some("Anne".into()) };
        assert_eq!(named.label(), "Anne (@anne:x)");
        let blank = Person { user_id: "@b:x".into(), display_name: Some(" ".into()) };
        assert_eq!(blank.label(), "@b:x");
    }
}
