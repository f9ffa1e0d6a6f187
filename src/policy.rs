//! The rules in force. Pure: every security decision asks here and the front ends show the answer.

pub mod transport;
