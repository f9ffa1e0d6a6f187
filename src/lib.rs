//! Estafette: a desktop Matrix client where end-to-end encryption is the rule.
//!
//! Layers (see DESIGN.md): `model` (plain types), `policy` (the rules), `secret` (the keychain),
//! `matrix` (the only code naming the SDK), and the front ends `cli` and `ui` (iced).

// The SDK's futures nest deeply; the compiler's default limit is too low for their layout.
#![recursion_limit = "256"]

pub mod allocator;
pub mod autostart;
pub mod browser;
pub mod cli;
pub mod clipboard;
#[cfg(test)]
mod hostile;
pub mod i18n;
pub mod logging;
pub mod matrix;
pub mod model;
pub mod policy;
pub mod preferences;
pub mod process;
pub mod profile;
pub mod search;
pub mod secret;
pub mod startup;
pub mod ui;

/// What the desktop app needs to start: whose profile, under which policy. Kept here, not in
/// `ui`, so that the command line hands it over without naming the window's code.
#[derive(Debug, Clone)]
pub struct Launch {
    pub profile: profile::Profile,
    pub policy: policy::Policy,
    /// Start behind the tray icon, without a window (`--background`, as the login autostart
    /// entry does).
    pub background: bool,
}
