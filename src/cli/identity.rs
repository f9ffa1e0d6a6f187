//! `identity changes|accept|sessions`: who changed identity since you verified them, accepting
//! the change, and the sessions verified-only sending leaves out.

use std::process::ExitCode;

use clap::Subcommand;
use serde::Serialize;

use super::core::with_core;
use super::output::{json, json_lines};
use crate::fl;
use crate::matrix::Handle;
use crate::policy::Policy;
use crate::profile::Profile;

#[derive(Debug, Subcommand)]
pub enum IdentityCommand {
    /// List the people of a room whose identity changed since you verified them.
    Changes {
        #[arg(value_name = "ROOM")]
        room: String,
        #[arg(long)]
        json: bool,
    },
    /// Accept a person's new identity, after checking with them another way; messages held
    /// because of it are sent.
    Accept {
        #[arg(value_name = "MXID")]
        user: String,
    },
    /// List the sessions of a room that you have not verified.
    Sessions {
        #[arg(value_name = "ROOM")]
        room: String,
        #[arg(long)]
        json: bool,
    },
    /// Tests only: mark a person as verified without comparing anything.
    #[cfg(debug_assertions)]
    #[command(hide = true)]
    SignUnchecked {
        #[arg(value_name = "MXID")]
        user: String,
    },
}

pub async fn run(profile: &Profile, policy: &Policy, command: IdentityCommand) -> ExitCode {
    match command {
        IdentityCommand::Changes { room, json } => changes(profile, policy, room, json).await,
        IdentityCommand::Accept { user } => accept(profile, policy, user).await,
        IdentityCommand::Sessions { room, json } => sessions(profile, policy, room, json).await,
        #[cfg(debug_assertions)]
        IdentityCommand::SignUnchecked { user } => {
            with_core(profile, policy, |handle| async move {
                handle.sign_identity_unchecked(&user).await?;
                Ok(ExitCode::SUCCESS)
            })
            .await
        }
    }
}

#[derive(Serialize)]
struct Changes<'a> {
    room: &'a str,
    users: &'a [String],
}

async fn changes(profile: &Profile, policy: &Policy, room: String, as_json: bool) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        let users = handle.identity_changes(&room).await?;
        if as_json {
            return Ok(json(&Changes { room: &room, users: &users }));
        }
        if users.is_empty() {
            say!("{}", fl!("identity-no-changes"));
        }
        for user in &users {
            say!("{user}");
        }
        Ok(ExitCode::SUCCESS)
    })
    .await
}

async fn accept(profile: &Profile, policy: &Policy, user: String) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        let released = handle.accept_identity(&user).await?;
        say!("{}", fl!("identity-accepted", user = user.as_str(), count = released));
        Ok(ExitCode::SUCCESS)
    })
    .await
}

async fn sessions(profile: &Profile, policy: &Policy, room: String, as_json: bool) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        let sessions = handle.unverified_sessions_in(&room).await?;
        if as_json {
            return Ok(json_lines(&sessions));
        }
        for session in &sessions {
            let name = super::output::shown(session.name.as_deref().unwrap_or(""));
            say!("{}\t{}\t{name}", session.user, super::output::shown(&session.device));
        }
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// After a send with verified-only sending on: names the sessions that did not get the key
/// (the SDK withholds it without saying, per message, from whom) and what to do about them.
pub async fn warn_left_out(handle: &Handle, room: &str) {
    if !handle.policy().verified_only_sending.value.is_on() {
        return;
    }
    let Ok(sessions) = handle.unverified_sessions_in(room).await else { return };
    if sessions.is_empty() {
        return;
    }
    let list: Vec<String> = sessions
        .iter()
        .map(|s| format!("{} – {}", s.user, super::output::shown(&s.device)))
        .collect();
    complain!(
        "estafette: {}",
        fl!("send-left-out", sessions = list.join(", "), count = sessions.len())
    );
}
