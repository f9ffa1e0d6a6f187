//! The doctor, for IT support: this computer (build, system, policy, folder permissions),
//! then the keychain, the account, the homeserver, the store and the session, then a short
//! sync and the account's encryption posture, each with a sentence that names what is wrong.
//! Nothing secret is ever part of a finding.

mod host;
mod live;
mod server;

use super::{MatrixError, Session};
use crate::fl;
use crate::model::{AccountRecord, AccountState, CheckStatus, DoctorReport};
use crate::policy::Policy;
use crate::profile::Profile;

/// The checks that need the account, in the order they run: skipped together when it is
/// missing.
const ACCOUNT_CHECKS: &[&str] = &[
    "homeserver",
    "store",
    "session",
    "sync",
    "cross_signing",
    "recovery",
    "backup",
    "verified",
    "sessions",
];

/// Runs every check it can; a check whose prerequisite failed is reported as skipped.
pub async fn doctor(profile: &Profile, policy: &Policy) -> DoctorReport {
    let mut report = DoctorReport::default();
    host::version(&mut report);
    host::system(&mut report);
    host::policy(&mut report, policy);
    host::folders(&mut report, profile);
    host::hardening(&mut report);
    let keychain = crate::secret::probe()
        .await
        .map(|()| ((), fl!("doctor-keychain-ready", backend = crate::secret::backend())));
    let keychain_ok = report.record("keychain", keychain).is_some();
    let record = match profile.read_account() {
        Ok(Some(record)) => record,
        Ok(None) => return not_signed_in(report, MatrixError::NotLoggedIn(profile.name.clone())),
        Err(error) => return not_signed_in(report, error.into()),
    };
    let active = report.record("account", account_check(&record)).is_some();
    let reached = report.record("homeserver", server::reach(&record.homeserver).await).is_some();
    let why = if !active {
        fl!("doctor-skipped-account")
    } else if !keychain_ok {
        fl!("doctor-skipped-keychain")
    } else {
        return account(report, profile, policy, reached).await;
    };
    skip_from(&mut report, "store", &why);
    report
}

/// The store, the session and what needs them.
async fn account(
    mut report: DoctorReport,
    profile: &Profile,
    policy: &Policy,
    reached: bool,
) -> DoctorReport {
    let session = Session::restore(profile, policy).await.map(|s| (s, fl!("doctor-store-ok")));
    let Some(mut session) = report.record("store", session) else {
        skip_from(&mut report, "session", &fl!("doctor-skipped-store"));
        return report;
    };
    if !reached {
        // Asking an unreachable server would only add its timeouts to the same finding.
        skip_from(&mut report, "session", &fl!("doctor-skipped-homeserver"));
        return report;
    }
    let checked = session.check_with_server().await.map(|_| ((), fl!("doctor-session-ok")));
    if report.record("session", checked).is_some() {
        encryption(&mut report, &session, policy).await;
    } else {
        skip_from(&mut report, "sync", &fl!("doctor-skipped-session"));
    }
    if let Err(error) = session.flush().await {
        report.record::<(), _>("keychain", Err(error));
    }
    report
}

/// A short sync, and while it runs, the account's encryption posture and sessions.
async fn encryption(report: &mut DoctorReport, session: &Session, policy: &Policy) {
    let client = &session.client;
    let Some(sync) = report.record("sync", live::sync(client).await) else {
        skip_from(report, "cross_signing", &fl!("doctor-skipped-sync"));
        return;
    };
    let (status, detail) = live::cross_signing(client).await;
    report.push("cross_signing", status, detail);
    let (status, detail) = live::recovery(client, policy).await;
    report.push("recovery", status, detail);
    let (status, detail) = live::backup(client).await;
    report.push("backup", status, detail);
    let (status, detail) = live::verified(client, policy).await;
    report.push("verified", status, detail);
    match live::sessions(client).await {
        Ok((status, detail)) => report.push("sessions", status, detail),
        Err(cause) => report.push("sessions", CheckStatus::Failed, cause),
    }
    sync.stop().await;
}

/// Marks `first` and every account check after it as skipped, for `why`.
fn skip_from(report: &mut DoctorReport, first: &str, why: &str) {
    let start = ACCOUNT_CHECKS.iter().position(|name| *name == first).unwrap_or(0);
    for &name in &ACCOUNT_CHECKS[start..] {
        report.skip(name, why);
    }
}

fn not_signed_in(mut report: DoctorReport, error: MatrixError) -> DoctorReport {
    report.record::<(), _>("account", Err(error));
    skip_from(&mut report, "homeserver", &fl!("doctor-skipped-account"));
    report
}

fn account_check(record: &AccountRecord) -> Result<((), String), MatrixError> {
    match record.state {
        AccountState::Active => Ok((
            (),
            fl!(
                "doctor-account-ok",
                user = record.user_id.as_str(),
                device = record.device_id.as_str()
            ),
        )),
        AccountState::SoftLoggedOut => Err(MatrixError::SoftLoggedOut(record.user_id.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipping_covers_the_check_and_all_after_it() {
        let mut report = DoctorReport::default();
        skip_from(&mut report, "sync", "because");
        let names: Vec<_> = report.checks.iter().map(|check| check.name).collect();
        assert_eq!(names, ["sync", "cross_signing", "recovery", "backup", "verified", "sessions"]);
        assert!(report.checks.iter().all(|check| check.status == CheckStatus::Skipped));
    }
}
