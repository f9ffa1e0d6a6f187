//! The doctor's findings: one check per line, each passed, worth a look, failed or not run,
//! with a reason; and the policy in force, rule by rule.

use serde::Serialize;

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Ok,
    /// Not broken, but worth a look (no recovery, unverified sessions): the exit stays zero.
    Warning,
    Failed,
    /// Not run because an earlier check it depends on failed.
    Skipped,
}

/// One check: a stable machine name, its status and a sentence for a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub name: &'static str,
    pub status: CheckStatus,
    pub detail: String,
}

/// All checks, in the order they ran.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DoctorReport {
    pub checks: Vec<Check>,
    /// Every policy key in force, with its value and where it comes from.
    pub policy: Vec<crate::policy::Rule>,
}

impl DoctorReport {
    pub fn push(&mut self, name: &'static str, status: CheckStatus, detail: impl Into<String>) {
        self.checks.push(Check { name, status, detail: detail.into() });
    }

    /// Records `result` as passed or failed and hands back its value for dependent checks.
    pub fn record<T, E: std::fmt::Display>(
        &mut self,
        name: &'static str,
        result: Result<(T, String), E>,
    ) -> Option<T> {
        match result {
            Ok((value, detail)) => {
                self.push(name, CheckStatus::Ok, detail);
                Some(value)
            }
            Err(error) => {
                self.push(name, CheckStatus::Failed, error.to_string());
                None
            }
        }
    }

    pub fn skip(&mut self, name: &'static str, why: impl Into<String>) {
        self.push(name, CheckStatus::Skipped, why);
    }

    /// The checks that failed, by name: what the exit code is about.
    pub fn failures(&self) -> Vec<&'static str> {
        let failed = self.checks.iter().filter(|check| check.status == CheckStatus::Failed);
        failed.map(|check| check.name).collect()
    }

    /// Healthy when no check failed; a skipped check always follows a failed one, and a
    /// warning is not a failure.
    pub fn healthy(&self) -> bool {
        self.checks.iter().all(|check| check.status != CheckStatus::Failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_keep_the_report_healthy() {
        let mut report = DoctorReport::default();
        report.push("a", CheckStatus::Warning, "no recovery");
        assert!(report.healthy());
        assert!(report.failures().is_empty());
    }

    #[test]
    fn one_failure_makes_the_report_unhealthy() {
        let mut report = DoctorReport::default();
        assert_eq!(report.record::<_, String>("a", Ok((1, "fine".into()))), Some(1));
        assert!(report.healthy());
        assert_eq!(report.record::<u8, _>("b", Err("broken")), None);
        report.skip("c", "needs b");
        report.push("d", CheckStatus::Warning, "worth a look");
        assert!(!report.healthy());
        assert_eq!(report.failures(), ["b"]);
        assert_eq!(report.checks[1].detail, "broken");
        assert_eq!(report.checks[2].status, CheckStatus::Skipped);
    }
}
