//! `devices [--json]`, `devices rename`, `devices sign-out ID…|--others` and `devices watch`:
//! the sessions of the account, and the new-login alert on a terminal.

use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Subcommand};

use super::core::with_core;
use super::output::{fail, json_lines, password_from_stdin, shown};
use crate::fl;
use crate::matrix::{self, Event, MatrixError};
use crate::model::sessions::Device;
use crate::model::time;
use crate::policy::Policy;
use crate::profile::Profile;

#[derive(Debug, Args)]
pub struct DevicesArgs {
    #[command(subcommand)]
    pub command: Option<DevicesCommand>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum DevicesCommand {
    /// Give one of your sessions a new name.
    Rename {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// Sign out one or more of your other sessions, or all of them with --others.
    SignOut {
        #[arg(value_name = "ID", required_unless_present = "others", conflicts_with = "others")]
        ids: Vec<String>,
        /// Sign out every session but this one.
        #[arg(long)]
        others: bool,
        /// Read the account's password from standard input (the server asks for it).
        #[arg(long)]
        password_stdin: bool,
    },
    /// Print each new login to the account as it happens, until --timeout.
    Watch {
        #[arg(long, default_value_t = 60, value_name = "SECS")]
        timeout: u64,
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(profile: &Profile, policy: &Policy, args: DevicesArgs) -> ExitCode {
    match args.command {
        None => list(profile, policy, args.json).await,
        Some(DevicesCommand::Rename { id, name }) => rename(profile, policy, id, name).await,
        Some(DevicesCommand::SignOut { ids, others, password_stdin }) => {
            sign_out(profile, policy, ids, others, password_stdin).await
        }
        Some(DevicesCommand::Watch { timeout, json }) => {
            watch(profile, policy, Duration::from_secs(timeout), json).await
        }
    }
}

async fn list(profile: &Profile, policy: &Policy, as_json: bool) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        let sessions = handle.sessions().await?;
        if as_json {
            return Ok(json_lines(&sessions));
        }
        print_table(&sessions);
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// Columns padded to their widest cell, for a person at a terminal (`--json` is for programs).
fn print_table(sessions: &[Device]) {
    let today = time::today();
    let mut rows = vec![vec![
        fl!("sessions-column-id"),
        fl!("sessions-column-name"),
        fl!("sessions-column-verified"),
        fl!("sessions-column-seen"),
        fl!("sessions-column-ip"),
    ]];
    for session in sessions {
        let mut id = shown(&session.device_id);
        if session.this_session {
            id = format!("{id} {}", fl!("sessions-this-session"));
        }
        if session.keys_only {
            id = format!("{id} {}", fl!("sessions-keys-only"));
        }
        let verified =
            if session.verified { fl!("sessions-verified") } else { fl!("sessions-not-verified") };
        rows.push(vec![
            id,
            shown(session.name.as_deref().unwrap_or_default()),
            verified,
            session.last_seen(today).unwrap_or_else(|| "-".into()),
            shown(session.last_seen_ip.as_deref().unwrap_or("-")),
        ]);
    }
    let columns = rows[0].len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().map(|row| row[c].chars().count()).max().unwrap_or(0))
        .collect();
    for row in &rows {
        let cells: Vec<String> =
            row.iter().zip(&widths).map(|(cell, width)| format!("{cell:<width$}")).collect();
        say!("{}", cells.join("  ").trim_end());
    }
}

async fn rename(profile: &Profile, policy: &Policy, id: String, name: String) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        handle.rename_session(&id, &name).await?;
        say!("{}", fl!("sessions-renamed", id = id.as_str(), name = name.trim()));
        Ok(ExitCode::SUCCESS)
    })
    .await
}

async fn sign_out(
    profile: &Profile,
    policy: &Policy,
    ids: Vec<String>,
    others: bool,
    password_stdin: bool,
) -> ExitCode {
    // Read before the core starts: nothing is asked of the server without it when it is given.
    let password = if password_stdin {
        match password_from_stdin() {
            Ok(password) => Some(password),
            Err(code) => return code,
        }
    } else {
        None
    };
    with_core(profile, policy, |handle| async move {
        let result = if others {
            handle.sign_out_others(password.as_ref()).await
        } else {
            handle.sign_out_sessions(&ids, password.as_ref()).await
        };
        match result {
            Ok(done) => {
                let count = done.len();
                say!("{}", fl!("sessions-signed-out", count = count, ids = done.join(", ")));
                Ok(ExitCode::SUCCESS)
            }
            // Say how to give the password here, in the one line the person reads.
            Err(error @ MatrixError::NeedPassword) => {
                Ok(fail(&format!("{error} {}", fl!("sessions-password-stdin"))))
            }
            Err(error) => Err(error),
        }
    })
    .await
}

/// Runs the core for `timeout`, printing each new login as the core raises it: those that
/// happened since this profile last ran come first.
async fn watch(profile: &Profile, policy: &Policy, timeout: Duration, as_json: bool) -> ExitCode {
    let (handle, mut events) = match matrix::start(profile, policy.clone()).await {
        Ok(started) => started,
        Err(error) => return fail(&error),
    };
    let today = time::today();
    let outcome = tokio::time::timeout(timeout, async {
        while let Some(event) = events.recv().await {
            match event {
                Event::NewSession(session) if as_json => {
                    let _ = json_lines([&session]);
                }
                Event::NewSession(session) => say!("{}", alert(&session, today)),
                Event::Failed(error) => return Err(error),
                _ => {}
            }
        }
        Ok(())
    })
    .await;
    let stopped = handle.shutdown().await;
    match (outcome, stopped) {
        (Ok(Err(error)), _) => fail(&error),
        (_, Err(error)) => fail(&error),
        _ => ExitCode::SUCCESS,
    }
}

/// "New login to your account: NAME (ID), TIME. Was this you? …"
fn alert(session: &Device, today: chrono::NaiveDate) -> String {
    let time = session.last_seen(today).unwrap_or_else(|| fl!("sessions-time-unknown"));
    let (name, id) = (shown(&session.label()), shown(&session.device_id));
    fl!("sessions-new-login", name = name, id = id, time = time)
}
