//! Whole-window screens the app switches between: signing in, the signed-in home, and the idle
//! lock drawn over it. Each owns its state and returns what it wants done.

pub(super) mod home;
pub(super) mod lock;
pub(super) mod login;
