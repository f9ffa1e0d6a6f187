//! What proves who one is on the command line: `unlock`, for a profile whose window the idle
//! lock hid, and `password`, to change the account's password (after a breach, every other
//! session signed out with it). While the idle lock is up, commands that would show or send
//! the account's messages are refused.

use std::process::ExitCode;
use std::time::SystemTime;

use super::args::Command;
use super::core::with_core;
use super::output::{fail, password_from_stdin, secret_from_stdin};
use crate::fl;
use crate::matrix::MatrixError;
use crate::policy::Policy;
use crate::profile::Profile;
use crate::secret::Password;

/// The refusal to print when `command` would get past the idle lock: the window was locked
/// when it closed, so its account is hidden from the terminal too. Signing in and out, the
/// doctor, the policy and `unlock` itself stay open.
pub fn locked_out(profile: &Profile, policy: &Policy, command: &Command) -> Option<ExitCode> {
    let open = matches!(
        command,
        Command::Login(_)
            | Command::Logout { .. }
            | Command::Whoami { .. }
            | Command::Doctor { .. }
            | Command::Policy { .. }
            | Command::Unlock { .. }
    );
    if open || policy.idle_lock().is_none() || !profile.idle_locked() {
        return None;
    }
    Some(fail(&fl!("lock-cli-refused")))
}

/// `unlock --password-stdin`: the password checked by the server, then the lock lifted.
pub async fn unlock(profile: &Profile, policy: &Policy, password_stdin: bool) -> ExitCode {
    if !password_stdin {
        return fail(&fl!("error-password-stdin"));
    }
    let password = match password_from_stdin() {
        Ok(password) => password,
        Err(code) => return code,
    };
    with_core(profile, policy, |handle| async move {
        handle.check_password(&password).await?;
        profile.set_idle_locked(false)?;
        profile.record_activity(SystemTime::now())?;
        say!("{}", fl!("lock-cli-unlocked"));
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// `password`: the current password, then the new one twice, one per line on stdin.
pub async fn password(profile: &Profile, policy: &Policy, keep_others: bool) -> ExitCode {
    let (current, new) = match read_change() {
        Ok(passwords) => passwords,
        Err(error) => return fail(&error),
    };
    with_core(profile, policy, |handle| async move {
        handle.change_password(&current, &new, !keep_others).await?;
        let done =
            if keep_others { fl!("password-changed") } else { fl!("password-changed-others") };
        say!("{done}");
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// The three lines of `password`, checked before anything is asked of the server.
fn read_change() -> Result<(Password, Password), String> {
    let text = secret_from_stdin().map_err(|error| error.to_string())?;
    let mut lines = text.lines().map(|line| Password::new(line.to_owned()));
    let (Some(current), Some(new), Some(again)) = (lines.next(), lines.next(), lines.next()) else {
        return Err(fl!("password-three-lines"));
    };
    if current.expose().is_empty() || new.expose().is_empty() {
        return Err(fl!("password-three-lines"));
    }
    if new != again {
        return Err(MatrixError::PasswordMismatch.to_string());
    }
    if new == current {
        return Err(MatrixError::PasswordUnchanged.to_string());
    }
    Ok((current, new))
}
