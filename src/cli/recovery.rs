//! `recovery status|enable|recover|reset|reset-identity`. A recovery key is printed on stdout
//! only, once, and read from stdin only: argv is visible to every user of the machine (`ps`).

use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::process::ExitCode;

use clap::Subcommand;
use zeroize::Zeroizing;

use super::core::with_core;
use super::output::{fail, json, password_from_stdin};
use crate::fl;
use crate::model::recovery::format_key;
use crate::policy::Policy;
use crate::profile::Profile;
use crate::secret::RecoveryKey;

#[derive(Debug, Subcommand)]
pub enum RecoveryCommand {
    /// Show whether recovery and key backup are set up, and whether this session is verified.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Set up recovery and print the recovery key, once.
    Enable,
    /// Restore identity and history on this session with the recovery key, read from stdin.
    Recover,
    /// Replace the recovery key with a new one, printed once; the old one stops working.
    Reset,
    /// Start the encryption identity afresh, when the recovery key and every other session
    /// are lost.
    ResetIdentity {
        /// Read the account's password from standard input (the server asks for it).
        #[arg(long)]
        password_stdin: bool,
        /// Confirm that what is lost is understood: without it, nothing is done.
        #[arg(long)]
        yes_i_understand: bool,
    },
}

pub async fn run(profile: &Profile, policy: &Policy, command: RecoveryCommand) -> ExitCode {
    match command {
        RecoveryCommand::Status { json } => status(profile, policy, json).await,
        RecoveryCommand::Enable => enable(profile, policy).await,
        RecoveryCommand::Recover => recover(profile, policy).await,
        RecoveryCommand::Reset => reset(profile, policy).await,
        RecoveryCommand::ResetIdentity { password_stdin, yes_i_understand } => {
            reset_identity(profile, policy, password_stdin, yes_i_understand).await
        }
    }
}

async fn status(profile: &Profile, policy: &Policy, as_json: bool) -> ExitCode {
    let required = &policy.require_recovery;
    with_core(profile, policy, |handle| async move {
        let status = handle.recovery_status().await?;
        if as_json {
            return Ok(json(&StatusOutput { status: &status, recovery_required: required.value }));
        }
        for line in status.describe() {
            say!("{line}");
        }
        if required.value && status.recovery != crate::model::RecoveryState::Enabled {
            say!("{}", required_by(required));
        }
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// `recovery status --json`: the posture, and whether the policy requires recovery.
#[derive(serde::Serialize)]
struct StatusOutput<'a> {
    #[serde(flatten)]
    status: &'a crate::model::TrustStatus,
    recovery_required: bool,
}

/// Who requires recovery: the organisation, or the user's own settings.
fn required_by(setting: &crate::policy::Setting<bool>) -> String {
    match setting.organisation() {
        Some(path) => {
            fl!("recovery-required-by-organisation", path = path.display().to_string())
        }
        None => fl!("recovery-required-by-settings"),
    }
}

async fn enable(profile: &Profile, policy: &Policy) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        let key = handle.enable_recovery().await?;
        show_key(&key, &fl!("recovery-key-shown-once"));
        Ok(ExitCode::SUCCESS)
    })
    .await
}

async fn recover(profile: &Profile, policy: &Policy) -> ExitCode {
    // Read before starting the core, so a person at a terminal is not kept waiting by the sync
    // for a prompt, and nothing runs without a key.
    let key = match read_key() {
        Ok(key) if key.is_empty() => return fail(&fl!("error-recovery-key-empty")),
        Ok(key) => key,
        Err(error) => return fail(&error),
    };
    with_core(profile, policy, |handle| async move {
        handle.recover(&key).await?;
        say!("{}", fl!("recovery-recovered"));
        Ok(ExitCode::SUCCESS)
    })
    .await
}

async fn reset(profile: &Profile, policy: &Policy) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        let key = handle.reset_recovery_key().await?;
        show_key(&key, &fl!("recovery-key-replaced"));
        Ok(ExitCode::SUCCESS)
    })
    .await
}

async fn reset_identity(
    profile: &Profile,
    policy: &Policy,
    password_stdin: bool,
    confirmed: bool,
) -> ExitCode {
    // Nothing is read and nothing is sent until the person has said they understand.
    if !confirmed {
        return fail(&fl!("recovery-reset-identity-warning"));
    }
    if !password_stdin {
        return fail(&fl!("error-reset-identity-password"));
    }
    let password = match password_from_stdin() {
        Ok(password) => password,
        Err(code) => return code,
    };
    with_core(profile, policy, |handle| async move {
        let key = handle.reset_identity(&password).await?;
        show_key(&key, &fl!("recovery-identity-reset"));
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// The key alone on stdout (so it can be piped into a safe place), the advice on stderr.
fn show_key(key: &RecoveryKey, advice: &str) {
    complain!("estafette: {advice}");
    let shown = format_key(key.expose());
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{}", shown.as_str()).and_then(|()| stdout.flush());
}

/// The recovery key from stdin: one line typed at a terminal (after a prompt), or everything
/// piped in, which may spread the groups over several lines.
fn read_key() -> std::io::Result<RecoveryKey> {
    let stdin = std::io::stdin();
    let text = if stdin.is_terminal() {
        complain_part!("{} ", fl!("recovery-prompt"));
        // A line typed at the terminal, into a buffer that does not grow past what a key takes.
        let mut line = Zeroizing::new(String::with_capacity(1024));
        stdin.lock().read_line(&mut line)?;
        line
    } else {
        super::output::secret_from_stdin()?
    };
    // Line breaks inside a pasted key are spacing, like the spaces between its groups.
    let joined: Zeroizing<String> =
        Zeroizing::new(text.split_whitespace().collect::<Vec<_>>().join(" "));
    Ok(RecoveryKey::new(joined.as_str().to_owned()))
}
