//! Where the window meets the desktop: window state and size, notifications, file dialogs and
//! the async runtime iced runs on.

pub(super) mod executor;
pub(super) mod files;
pub(super) mod notify;
pub(super) mod window;
