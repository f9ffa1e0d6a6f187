//! `login`, `whoami` and `logout`.

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde::Serialize;

use super::args::LoginArgs;
use super::output::{fail, json, password_from_stdin};
use crate::fl;
use crate::matrix::{
    self, LoginRequest, MatrixError, ServerLogout, Session, SsoCancel, SsoRequest,
};
use crate::policy::Policy;
use crate::profile::Profile;

/// How long `login` waits for its first sync.
const FIRST_SYNC_WAIT: Duration = Duration::from_secs(30);

pub async fn login(profile: &Profile, policy: &Policy, args: LoginArgs) -> ExitCode {
    if args.sso {
        return login_sso(profile, policy, args).await;
    }
    // clap asks for --user unless --sso is given.
    let Some(user) = args.user else { return fail(&fl!("error-password-stdin")) };
    if !args.password_stdin {
        return fail(&fl!("error-password-stdin"));
    }
    let password = match password_from_stdin() {
        Ok(password) => password,
        Err(code) => return code,
    };
    let request =
        LoginRequest { homeserver: args.homeserver, user, password, device_name: device_name() };
    match matrix::login(profile, policy, request).await {
        Ok(session) => logged_in(session, policy).await,
        Err(error) => fail(&error),
    }
}

/// `login --sso`: the address goes to the browser and, in words, to stderr, for a person whose
/// browser does not open by itself.
async fn login_sso(profile: &Profile, policy: &Policy, args: LoginArgs) -> ExitCode {
    let cancel = SsoCancel::default();
    let done = Arc::new(AtomicBool::new(false));
    let watcher = tokio::spawn(watch_interrupt(cancel.clone(), Arc::clone(&done)));
    let request = SsoRequest {
        homeserver: args.homeserver,
        user: args.user,
        identity_provider: None,
        device_name: device_name(),
        open: |url: String| {
            complain!("{}", fl!("sso-opening", url = url.as_str()));
            if let Err(cause) = matrix::open_browser(url) {
                complain!("estafette: {}", fl!("warning-browser", cause = cause));
            }
            // The address is printed: the person can still open it, so the wait goes on.
            Ok(())
        },
        cancel,
    };
    let result = matrix::login_sso(profile, policy, request).await;
    done.store(true, Ordering::SeqCst);
    let code = match result {
        Ok(session) => logged_in(session, policy).await,
        Err(error) => fail(&error),
    };
    watcher.abort();
    code
}

/// Ctrl-C while the browser is open cancels the login, so it removes what it had put in the
/// keychain; afterwards (or a second time) it ends the process, as it would without this
/// watcher, since tokio never gives the signal back.
async fn watch_interrupt(cancel: SsoCancel, done: Arc<AtomicBool>) {
    let mut asked = false;
    while tokio::signal::ctrl_c().await.is_ok() {
        if asked || done.load(Ordering::SeqCst) {
            std::process::exit(130);
        }
        cancel.cancel();
        asked = true;
    }
}

fn device_name() -> String {
    fl!("device-name", host = crate::profile::host_name())
}

/// After either login: a first sync, then the line scripts read.
async fn logged_in(session: Session, policy: &Policy) -> ExitCode {
    let me = session.identity();
    // A first sync puts this device's keys on the server, so others can encrypt for it.
    let first_sync = async {
        // Nobody here raises new logins: dropped, so the core leaves them to the app.
        let (handle, events) = matrix::start_session(session, policy.clone()).await?;
        drop(events);
        let synced = handle.synced(FIRST_SYNC_WAIT).await;
        handle.shutdown().await?;
        synced
    };
    if let Err(error) = first_sync.await {
        complain!("estafette: {}", fl!("warning-first-sync", cause = error.to_string()));
    }
    say!("{} {}", me.user_id, me.device_id);
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

pub async fn whoami(profile: &Profile, policy: &Policy, as_json: bool) -> ExitCode {
    // The server is asked who this is: only if the organisation still allows it.
    if let Ok(Some(record)) = profile.read_account()
        && let Err(error) = matrix::session_allowed(policy, &record)
    {
        return fail(&error);
    }
    let mut session = match Session::restore(profile, policy).await {
        Ok(session) => session,
        Err(error) => return fail(&error),
    };
    let me = match session.check_with_server().await {
        Ok(me) => me,
        Err(error @ MatrixError::Unreachable(..)) => {
            complain!("estafette: {}", fl!("warning-offline", cause = error.to_string()));
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
    say!("{} {}", me.user_id, me.device_id);
    ExitCode::SUCCESS
}

pub async fn logout(profile: &Profile, policy: &Policy, wipe: bool) -> ExitCode {
    match matrix::logout(profile, policy, wipe).await {
        Ok(outcome) => {
            let line = match (outcome, wipe) {
                (ServerLogout::Ended, false) => fl!("logout-done"),
                (ServerLogout::Ended, true) => fl!("logout-wiped"),
                (ServerLogout::AlreadyEnded, false) => fl!("logout-local"),
                (ServerLogout::AlreadyEnded, true) => fl!("logout-wiped-local"),
            };
            say!("{line}");
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}
