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
        match &self.display_name {
            Some(name) if !name.trim().is_empty() => format!("{name} ({})", self.user_id),
            _ => self.user_id.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matrix_id_is_always_part_of_the_label() {
        let named = Person { user_id: "@anne:x".into(), display_name: Some("Anne".into()) };
        assert_eq!(named.label(), "Anne (@anne:x)");
        let blank = Person { user_id: "@b:x".into(), display_name: Some(" ".into()) };
        assert_eq!(blank.label(), "@b:x");
    }
}
