//! A room of a server's public directory, as the directory dialog and `estafette directory`
//! list it: what it says it is (anyone chose those words), how many are in it, and whether it
//! is already one of the account's rooms.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicRoom {
    pub room_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    pub members: u64,
    /// Anyone, member or not, may read its history.
    pub world_readable: bool,
    /// Anyone may join without an invitation (the directory also lists rooms one must ask
    /// to join).
    pub open: bool,
    /// One asks to join it (knocks), and a moderator lets one in.
    pub knock: bool,
    /// It is a space (a group of rooms), listed in a space: its own rooms can be listed.
    pub space: bool,
    /// The account is in it already.
    pub joined: bool,
    /// Whether it is end-to-end encrypted, when the server says (a space's listing does, the
    /// public directory does not).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
}

impl PublicRoom {
    /// Its name, or its address, or its ID: what a person recognises it by.
    pub fn title(&self) -> &str {
        self.name.as_deref().or(self.alias.as_deref()).unwrap_or(&self.room_id)
    }

    /// How to join it: its address when it has one (servers route by it), else its ID.
    pub fn address(&self) -> &str {
        self.alias.as_deref().unwrap_or(&self.room_id)
    }
}
