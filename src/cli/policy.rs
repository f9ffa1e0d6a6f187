//! `policy show|set`: the rules in force and where each comes from, and the user's own choice
//! where the organisation leaves one. Needs no session: the policy is read before anything.

use std::process::ExitCode;

use clap::Subcommand;

use super::output::{fail, json_lines};
use crate::fl;
use crate::policy::{Policy, Rule, UserKey};
use crate::profile::Profile;

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Show the rules in force, and whether each comes from the organisation, your settings
    /// or the defaults.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Change one of your own settings (not one the organisation has locked); it applies from
    /// the next start.
    Set {
        #[arg(value_enum, value_name = "KEY")]
        key: UserKey,
        // A negative number reaches the policy's own check, which names the key.
        #[arg(value_name = "VALUE", allow_negative_numbers = true)]
        value: String,
    },
}

pub fn run(profile: &Profile, policy: &Policy, command: PolicyCommand) -> ExitCode {
    match command {
        PolicyCommand::Show { json } => show(policy, json),
        PolicyCommand::Set { key, value } => {
            match crate::policy::set_user_setting(policy, &profile.settings_file(), key, &value) {
                Ok(()) => {
                    say!("{}", fl!("policy-set", key = key.name(), value = value.as_str()));
                    if key == UserKey::StartAtLogin {
                        return start_at_login(profile, value.trim() == "on");
                    }
                    ExitCode::SUCCESS
                }
                Err(error) => fail(&error),
            }
        }
    }
}

/// The login entry follows the new choice at once, rather than at the app's next start.
fn start_at_login(profile: &Profile, on: bool) -> ExitCode {
    match crate::autostart::apply(profile, on) {
        Ok(Some(path)) => {
            let path = path.display().to_string();
            let path = path.as_str();
            let said = if on {
                fl!("autostart-written", path = path)
            } else {
                fl!("autostart-removed", path = path)
            };
            say!("{said}");
            ExitCode::SUCCESS
        }
        Ok(None) => ExitCode::SUCCESS,
        Err(error) => fail(&error),
    }
}

fn show(policy: &Policy, as_json: bool) -> ExitCode {
    let rules = policy.rules();
    if as_json {
        return json_lines(&rules);
    }
    for rule in &rules {
        say!("{}", describe(rule));
    }
    ExitCode::SUCCESS
}

/// One rule for people: `key = value`, then where it comes from.
pub(super) fn describe(rule: &Rule) -> String {
    let from = match (rule.source, &rule.path) {
        ("organisation", Some(path)) => fl!("policy-from-organisation", path = path.as_str()),
        ("organisation_default", Some(path)) => {
            fl!("policy-from-organisation-default", path = path.as_str())
        }
        ("organisation_minimum", Some(path)) => {
            fl!("policy-from-organisation-minimum", path = path.as_str())
        }
        ("user", Some(path)) => fl!("policy-from-user", path = path.as_str()),
        _ => fl!("policy-from-default"),
    };
    format!("{} = {}\t{from}", rule.key, rule.value)
}
