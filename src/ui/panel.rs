//! Components a screen places: each has its own `Message`, `Event`, `update` and `view`, and a
//! simulator test can build it without a server.

pub(super) mod accounts;
pub(super) mod alert;
pub(super) mod around;
pub(super) mod delete;
pub(super) mod directory;
pub(super) mod gallery;
pub(super) mod keywords;
pub(super) mod link;
pub(super) mod members;
pub(super) mod mention;
pub(super) mod pictures;
pub(super) mod recovery;
pub(super) mod room;
pub(super) mod room_list;
pub(super) mod room_settings;
pub(super) mod search;
pub(super) mod sessions;
pub(super) mod settings;
pub(super) mod thread;
pub(super) mod timeline;
pub(super) mod verify;
pub(super) mod viewer;
