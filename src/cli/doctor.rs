//! `doctor`: one line per check, non-zero exit when one fails.

use std::process::ExitCode;

use super::output::json;
use crate::fl;
use crate::model::CheckStatus;
use crate::profile::Profile;

pub async fn run(profile: &Profile, as_json: bool) -> ExitCode {
    let report = crate::matrix::doctor(profile).await;
    if as_json {
        json(&report);
    } else {
        for check in &report.checks {
            let status = match check.status {
                CheckStatus::Ok => fl!("doctor-status-ok"),
                CheckStatus::Failed => fl!("doctor-status-failed"),
                CheckStatus::Skipped => fl!("doctor-status-skipped"),
            };
            println!("{status:<8} {:<11} {}", check.name, check.detail);
        }
    }
    if report.healthy() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
