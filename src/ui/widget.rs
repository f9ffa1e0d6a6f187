//! Small building blocks every screen and panel shares: the palette and text styles, the modal
//! dialog frame, the password field that hides what it holds.

pub(super) mod dialog;
#[cfg(test)]
pub(super) mod frames;
pub(super) mod password;
pub(super) mod secret_field;
pub(super) mod style;
