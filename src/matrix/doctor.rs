//! The doctor: keychain, account, homeserver, store and session checked in turn, each with a
//! sentence that names what is wrong. Nothing secret is ever part of a finding.

use matrix_sdk::Client;
use matrix_sdk::config::RequestConfig;
use url::Url;

use super::{MatrixError, Session};
use crate::fl;
use crate::model::{AccountRecord, AccountState, DoctorReport};
use crate::policy::transport;
use crate::profile::Profile;

/// Runs every check it can; a check whose prerequisite failed is reported as skipped.
pub async fn doctor(profile: &Profile) -> DoctorReport {
    let mut report = DoctorReport::default();
    let keychain = crate::secret::probe().await.map(|()| ((), fl!("doctor-keychain-ok")));
    let keychain_ok = report.record("keychain", keychain).is_some();
    let record = match profile.read_account() {
        Ok(Some(record)) => record,
        Ok(None) => return not_signed_in(report, MatrixError::NotLoggedIn(profile.name.clone())),
        Err(error) => return not_signed_in(report, error.into()),
    };
    let signed_in = account_check(&record);
    let active = report.record("account", signed_in).is_some();
    let server = reach_homeserver(&record.homeserver).await;
    report.record("homeserver", server);
    if !active {
        report.skip("store", fl!("doctor-skipped-account"));
        report.skip("session", fl!("doctor-skipped-account"));
        return report;
    }
    if !keychain_ok {
        report.skip("store", fl!("doctor-skipped-keychain"));
        report.skip("session", fl!("doctor-skipped-keychain"));
        return report;
    }
    let session = Session::restore(profile).await.map(|s| (s, fl!("doctor-store-ok")));
    let Some(mut session) = report.record("store", session) else {
        report.skip("session", fl!("doctor-skipped-store"));
        return report;
    };
    let checked = session.check_with_server().await.map(|_| ((), fl!("doctor-session-ok")));
    report.record("session", checked);
    if let Err(error) = session.flush().await {
        report.record::<(), _>("keychain", Err(error));
    }
    report
}

fn not_signed_in(mut report: DoctorReport, error: MatrixError) -> DoctorReport {
    report.record::<(), _>("account", Err(error));
    for name in ["homeserver", "store", "session"] {
        report.skip(name, fl!("doctor-skipped-account"));
    }
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

/// The recorded homeserver answers `/versions` over a transport the policy accepts.
async fn reach_homeserver(homeserver: &str) -> Result<((), String), MatrixError> {
    let url = Url::parse(homeserver)
        .map_err(|e| MatrixError::Discovery(homeserver.to_owned(), e.to_string()))?;
    transport::check_url(&url)?;
    let client = Client::builder()
        .homeserver_url(url.as_str())
        .request_config(RequestConfig::short_retry())
        .build()
        .await
        .map_err(|e| MatrixError::Discovery(homeserver.to_owned(), e.to_string()))?;
    let versions = client
        .fetch_server_versions(None)
        .await
        .map_err(|error| MatrixError::from_http(&url, &error))?;
    let newest = versions.versions.last().cloned().unwrap_or_default();
    Ok(((), fl!("doctor-homeserver-ok", url = url.as_str(), version = newest)))
}
