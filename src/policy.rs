//! The rules in force. Pure: every security decision asks here and the front ends show the
//! answer. Built-in secure defaults, the user's settings, and the organisation's system-wide
//! policy file are merged so that the organisation wins.

mod decision;
mod edit;
mod file;
mod merge;
mod show;
mod strict;
pub mod transport;
mod trust;

pub use decision::{Found, Refusal, RoomSecurity, SearchReach, same_server};
pub use edit::{UserKey, set_user_setting};
pub use file::{PolicyError, Settings, parse};
pub use merge::{HomeserverRule, Policy, Setting, Source, UnencryptedSend, VerifiedOnly};
pub use show::Rule;
pub use strict::{LogLevel, MediaPreviews, NotificationContent, PublicRoomDirectory, Switch};
