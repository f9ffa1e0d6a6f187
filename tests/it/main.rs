//! The integration tests, one binary (as matrix-sdk-ui's are): each module is one area of the
//! app, run against a real Synapse and a real Secret Service that `common` starts once for
//! all of them. One link step instead of one per area, and one Synapse instead of fifteen.

// A test's helpers panic on purpose: that is how a failure is reported (Cargo.toml [lints]
// deny these outside tests; clippy.toml exempts #[test] functions, not their helpers).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

mod account;
mod attachments;
mod background;
mod conversation;
mod desktop;
mod doctor;
mod hostile;
mod i18n;
mod identity;
mod members;
mod mentions;
mod messaging;
mod people;
mod pictures;
mod policy;
mod profile;
mod recovery;
mod room_access;
mod room_events;
mod search;
mod session;
mod sessions;
mod verification;
