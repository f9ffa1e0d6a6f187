//! `policy show|set`: the rules in force and where each comes from, and the user's own choice
//! where the organisation leaves one. Needs no session: the policy is read before anything.

use std::process::ExitCode;

use clap::Subcommand;
use serde::Serialize;

use super::output::{fail, json_lines};
use crate::fl;
use crate::policy::{HomeserverRule, Policy, Setting, Source, UnencryptedSend, UserKey};
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
        key: Key,
        #[arg(value_name = "VALUE")]
        value: String,
    },
}

/// The keys a user may set from the command line.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
#[clap(rename_all = "snake_case")]
pub enum Key {
    VerifiedOnlySending,
}

pub fn run(profile: &Profile, policy: &Policy, command: PolicyCommand) -> ExitCode {
    match command {
        PolicyCommand::Show { json } => show(policy, json),
        PolicyCommand::Set { key, value } => {
            let key = match key {
                Key::VerifiedOnlySending => UserKey::VerifiedOnlySending,
            };
            match crate::policy::set_user_setting(policy, &profile.settings_file(), key, &value) {
                Ok(()) => {
                    println!("{}", fl!("policy-set", key = key.name(), value = value.as_str()));
                    ExitCode::SUCCESS
                }
                Err(error) => fail(&error),
            }
        }
    }
}

/// One rule in force, for people and programs.
#[derive(Serialize)]
struct Rule {
    key: &'static str,
    value: String,
    /// `default`, `user`, `organisation` or `organisation_default` (a recommendation).
    source: &'static str,
    path: Option<String>,
    /// The organisation decided: the user's settings cannot change it.
    locked: bool,
}

fn rule<T>(key: &'static str, setting: &Setting<T>, value: String) -> Rule {
    let (source, path) = match &setting.source {
        Source::Default => ("default", None),
        Source::User(path) => ("user", Some(path)),
        Source::Organisation(path) => ("organisation", Some(path)),
        Source::OrganisationDefault(path) => ("organisation_default", Some(path)),
    };
    let path = path.map(|p| p.display().to_string());
    Rule { key, value, source, path, locked: setting.locked() }
}

fn rules(policy: &Policy) -> Vec<Rule> {
    let homeservers = match &policy.allowed_homeservers.value {
        HomeserverRule::Any => "any".to_owned(),
        HomeserverRule::Only(hosts) => hosts.join(", "),
    };
    let unencrypted = match policy.unencrypted_send.value {
        UnencryptedSend::Ask => "ask",
        UnencryptedSend::Forbid => "forbid",
    };
    vec![
        rule("allowed_homeservers", &policy.allowed_homeservers, homeservers),
        rule(
            "default_homeserver",
            &policy.default_homeserver,
            policy.default_homeserver.value.clone().unwrap_or_default(),
        ),
        rule("unencrypted_send", &policy.unencrypted_send, unencrypted.to_owned()),
        rule(
            "allow_unencrypted_room_creation",
            &policy.allow_unencrypted_room_creation,
            policy.allow_unencrypted_room_creation.value.to_string(),
        ),
        rule(
            "verified_only_sending",
            &policy.verified_only_sending,
            policy.verified_only_sending.value.name().to_owned(),
        ),
    ]
}

fn show(policy: &Policy, as_json: bool) -> ExitCode {
    let rules = rules(policy);
    if as_json {
        return json_lines(&rules);
    }
    for rule in &rules {
        let from = match (rule.source, &rule.path) {
            ("organisation", Some(path)) => fl!("policy-from-organisation", path = path.as_str()),
            ("organisation_default", Some(path)) => {
                fl!("policy-from-organisation-default", path = path.as_str())
            }
            ("user", Some(path)) => fl!("policy-from-user", path = path.as_str()),
            _ => fl!("policy-from-default"),
        };
        println!("{} = {}\t{from}", rule.key, rule.value);
    }
    ExitCode::SUCCESS
}
