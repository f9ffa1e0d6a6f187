//! Plain types the front ends display and the core persists: no SDK, no iced, no I/O.

mod account;
mod doctor;

pub use account::{AccountRecord, AccountState, Identity};
pub use doctor::{Check, CheckStatus, DoctorReport};
