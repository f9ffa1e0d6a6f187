//! `login`, `whoami` and `logout`.

use std::io::Read as _;
use std::process::ExitCode;
use std::time::Duration;

use serde::Serialize;

use super::args::LoginArgs;
use super::output::{fail, json};
use crate::fl;
use crate::matrix::{self, LoginRequest, MatrixError, ServerLogout, Session};
use crate::policy::Policy;
use crate::profile::Profile;
use crate::secret::Password;

/// How long `login` waits for its first sync.
const FIRST_SYNC_WAIT: Duration = Duration::from_secs(30);

pub async fn login(profile: &Profile, policy: &Policy, args: LoginArgs) -> ExitCode {
    if !args.password_stdin {
        return fail(&fl!("error-password-stdin"));
    }
    let mut text = String::new();
    if let Err(error) = std::io::stdin().read_to_string(&mut text) {
        return fail(&error);
    }
    let password = Password::new(text);
    if password.expose().is_empty() {
        return fail(&fl!("error-password-empty"));
    }
    let request = LoginRequest {
        homeserver: args.homeserver,
        user: args.user,
        password,
        device_name: fl!("device-name", host = crate::profile::host_name()),
    };
    let session = match matrix::login(profile, policy, request).await {
        Ok(session) => session,
        Err(error) => return fail(&error),
    };
    let me = session.identity();
    // A first sync puts this device's keys on the server, so others can encrypt for it.
    let first_sync = async {
        let (handle, _events) = matrix::start_session(session, policy.clone()).await?;
        let synced = handle.synced(FIRST_SYNC_WAIT).await;
        handle.shutdown().await?;
        synced
    };
    if let Err(error) = first_sync.await {
        eprintln!("estafette: {}", fl!("warning-first-sync", cause = error.to_string()));
    }
    println!("{} {}", me.user_id, me.device_id);
    ExitCode::SUCCESS
}

/// What `whoami --json` prints.
#[derive(Serialize)]
struct WhoAmI {
    user_id: String,
    device_id: String,
    homeserver: String,
    /// The device's ed25519 signing key, to compare with what other sessions show.
    device_key: Option<String>,
}

pub async fn whoami(profile: &Profile, as_json: bool) -> ExitCode {
    let mut session = match Session::restore(profile).await {
        Ok(session) => session,
        Err(error) => return fail(&error),
    };
    let me = match session.check_with_server().await {
        Ok(me) => me,
        Err(error @ MatrixError::Unreachable(..)) => {
            eprintln!("estafette: {}", fl!("warning-offline", cause = error.to_string()));
            session.identity()
        }
        Err(error) => return fail(&error),
    };
    if let Err(error) = session.flush().await {
        return fail(&error);
    }
    if as_json {
        let device_key = session.device_key().await;
        return json(&WhoAmI {
            user_id: me.user_id,
            device_id: me.device_id,
            homeserver: me.homeserver,
            device_key,
        });
    }
    println!("{} {}", me.user_id, me.device_id);
    ExitCode::SUCCESS
}

pub async fn logout(profile: &Profile, wipe: bool) -> ExitCode {
    match matrix::logout(profile, wipe).await {
        Ok(outcome) => {
            let line = match (outcome, wipe) {
                (ServerLogout::Ended, false) => fl!("logout-done"),
                (ServerLogout::Ended, true) => fl!("logout-wiped"),
                (ServerLogout::AlreadyEnded, false) => fl!("logout-local"),
                (ServerLogout::AlreadyEnded, true) => fl!("logout-wiped-local"),
            };
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}
