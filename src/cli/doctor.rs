//! `doctor`: one line per check, the policy in force with its sources, and a non-zero exit
//! naming the checks that failed.

use std::process::ExitCode;

use serde::Serialize;

use super::output::json;
use crate::fl;
use crate::model::{CheckStatus, DoctorReport};
use crate::policy::Policy;
use crate::profile::Profile;

/// The report as programs read it: the verdict first, then every check and rule.
#[derive(Serialize)]
struct Output<'a> {
    healthy: bool,
    failures: Vec<&'static str>,
    #[serde(flatten)]
    report: &'a DoctorReport,
}

pub async fn run(profile: &Profile, policy: &Policy, as_json: bool) -> ExitCode {
    let report = crate::matrix::doctor(profile, policy).await;
    let failures = report.failures();
    if as_json {
        json(&Output { healthy: report.healthy(), failures: failures.clone(), report: &report });
    } else {
        print_text(&report);
    }
    if failures.is_empty() {
        return ExitCode::SUCCESS;
    }
    complain!("estafette: {}", fl!("doctor-failed", checks = failures.join(", ")));
    ExitCode::FAILURE
}

fn print_text(report: &DoctorReport) {
    for check in &report.checks {
        let status = match check.status {
            CheckStatus::Ok => fl!("doctor-status-ok"),
            CheckStatus::Warning => fl!("doctor-status-warning"),
            CheckStatus::Failed => fl!("doctor-status-failed"),
            CheckStatus::Skipped => fl!("doctor-status-skipped"),
        };
        // A detail can quote the server (an error, a version string): one safe line.
        say!("{status:<9} {:<13} {}", check.name, super::output::shown(&check.detail));
    }
    say!();
    say!("{}", fl!("doctor-policy-heading"));
    for rule in &report.policy {
        say!("  {}", super::policy::describe(rule));
    }
}
