//! Plain types the front ends display and the core persists: no SDK, no iced, no I/O.

mod account;
pub mod attachment;
pub mod avatar;
pub mod directory;
mod doctor;
pub mod happening;
pub mod link;
pub mod member;
pub mod mention;
mod message;
pub mod notice;
pub mod notify;
pub mod person;
pub mod picture;
pub mod qr;
pub mod recovery;
pub mod rich;
mod room;
pub mod room_settings;
pub mod search;
pub mod sessions;
mod sync;
pub mod text;
pub mod time;
pub mod verification;

pub use account::{AccountRecord, AccountState, Identity, IdentityProvider, LoginMethods};
pub use doctor::{Check, CheckStatus, DoctorReport};
pub use message::{ChatMessage, Reply, SendState, Trust, UndecryptableCause};
pub use person::Person;
pub use recovery::{BackupStatus, CrossSigningKeys, RecoveryState, TrustStatus};
pub use room::{Around, Invite, Membership, NewRoom, Partner, RoomDetails, RoomSummary, RoomView};
pub use sync::SyncStatus;
