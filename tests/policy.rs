//! The managed policy from the command line: `policy show` lists every key with its value and
//! origin, a user may be stricter than the organisation but never weaker, a malformed file is
//! refused with its file, line and key, the log level is clamped, and a locked login server
//! cannot be swapped.

mod common;

use std::path::PathBuf;

use serde_json::Value;

use common::{Keyring, Synapse, User};

/// Writes the user's own `settings.toml` for the default profile.
fn user_settings(user: &User, text: &str) -> PathBuf {
    let dir = user.profile_dir("default").join("data");
    std::fs::create_dir_all(&dir).expect("data folder");
    let path = dir.join("settings.toml");
    std::fs::write(&path, text).expect("settings");
    path
}

fn rules(user: &User) -> Vec<Value> {
    let run = user.run(&["policy", "show", "--json"], "");
    run.ok().stdout.lines().map(|l| serde_json::from_str(l).expect("rule JSON")).collect()
}

fn rule<'a>(rules: &'a [Value], key: &str) -> &'a Value {
    rules.iter().find(|r| r["key"] == key).unwrap_or_else(|| panic!("{key} in {rules:?}"))
}

#[test]
fn policy_show_lists_every_key_with_its_value_and_origin() {
    let mut user = User::new(None);
    let settings = user_settings(&user, "notification_content = \"hide\"\nidle_lock_minutes = 5\n");
    user.set_policy(
        "default_homeserver = \"https://matrix.gouv.example\"\nlock_default_homeserver = true\n\
         public_room_directory = \"off\"\nidle_lock_minutes = 15\nlog_level_max = \"info\"\n",
    );
    let rules = rules(&user);
    let keys: Vec<&str> = rules.iter().filter_map(|r| r["key"].as_str()).collect();
    assert_eq!(
        keys,
        [
            "allowed_homeservers",
            "default_homeserver",
            "lock_default_homeserver",
            "unencrypted_send",
            "allow_unencrypted_room_creation",
            "verified_only_sending",
            "require_recovery",
            "require_session_verification",
            "notification_content",
            "public_room_directory",
            "log_level_max",
            "idle_lock_minutes",
        ]
    );
    let shown = |key| {
        let r = rule(&rules, key);
        (
            r["value"].as_str().map(str::to_owned),
            r["source"].as_str().map(str::to_owned),
            r["locked"].as_bool(),
        )
    };
    let owned = |value: &str, source: &str, locked| {
        (Some(value.to_owned()), Some(source.to_owned()), Some(locked))
    };
    assert_eq!(shown("lock_default_homeserver"), owned("true", "organisation", true));
    assert_eq!(shown("public_room_directory"), owned("off", "organisation", true));
    assert_eq!(shown("idle_lock_minutes"), owned("5", "user", false));
    assert_eq!(shown("notification_content"), owned("hide", "user", false));
    assert_eq!(shown("log_level_max"), owned("info", "organisation_minimum", false));
    assert_eq!(shown("require_recovery"), owned("false", "default", false));
    assert_eq!(rule(&rules, "idle_lock_minutes")["path"], settings.display().to_string());
    let org = rule(&rules, "public_room_directory")["path"].as_str().unwrap_or_default().to_owned();
    assert!(org.ends_with("organisation-policy.toml"), "{org}");

    let text = user.run(&["policy", "show"], "");
    let line = |key: &str| {
        text.stdout
            .lines()
            .find(|l| l.starts_with(&format!("{key} =")))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(text.ok().stdout.lines().count() >= 12);
    assert!(line("public_room_directory").contains(&format!("set by your organisation ({org})")));
    assert!(line("log_level_max").contains("minimum set by your organisation"), "{}", text.stdout);
    assert!(line("idle_lock_minutes").contains("your settings"), "{}", text.stdout);
    assert!(line("require_recovery").contains("built-in default"), "{}", text.stdout);
}

#[test]
fn a_user_may_be_stricter_than_the_organisation_but_never_weaker() {
    let mut user = User::new(None);
    user.set_policy("idle_lock_minutes = 15\nnotification_content = \"hide\"\n");
    let weaker = user.run(&["policy", "set", "idle_lock_minutes", "30"], "");
    assert!(weaker.failed().stderr.contains("at least \"15\""), "{}", weaker.stderr);
    let never = user.run(&["policy", "set", "idle_lock_minutes", "0"], "");
    never.failed();
    let locked = user.run(&["policy", "set", "notification_content", "show"], "");
    assert!(locked.failed().stderr.contains("cannot be changed"), "{}", locked.stderr);
    user.run(&["policy", "set", "idle_lock_minutes", "5"], "").ok();
    user.run(&["policy", "set", "require_recovery", "true"], "").ok();
    let rules = rules(&user);
    assert_eq!(rule(&rules, "idle_lock_minutes")["value"], "5");
    assert_eq!(rule(&rules, "idle_lock_minutes")["source"], "user");
    assert_eq!(rule(&rules, "require_recovery")["value"], "true");
    let negative = user.run(&["policy", "set", "idle_lock_minutes", "-3"], "");
    assert!(negative.failed().stderr.contains("idle_lock_minutes"), "{}", negative.stderr);
}

#[test]
fn a_malformed_policy_is_refused_with_file_line_and_key() {
    let cases = [
        ("require_recovery = true\nidle_lock_minutes = -5\n", 2, "idle_lock_minutes"),
        ("\nnotification_content = \"sometimes\"\n", 2, "notification_content"),
        (
            "log_level_max = \"info\"\nrequire_session_verification = \"yes\"\n",
            2,
            "require_session_verification",
        ),
        ("idle_lock_minutes = 5\n\nidle_lock = 5\n", 3, "idle_lock"),
        ("lock_default_homeserver = true\n", 1, "lock_default_homeserver"),
    ];
    for (text, line, key) in cases {
        let mut user = User::new(None);
        user.set_policy(text);
        let run = user.run(&["policy", "show"], "");
        run.failed();
        let expected = format!("organisation-policy.toml, line {line}, key \"{key}\"");
        assert!(run.stderr.contains(&expected), "{text:?}: {}", run.stderr);
    }
    // Only the organisation may lock the login server: in the user's settings it is an error.
    let user = User::new(None);
    user_settings(&user, "\nlock_default_homeserver = true\n");
    let run = user.run(&["policy", "show"], "");
    run.failed();
    assert!(
        run.stderr.contains("settings.toml, line 2, key \"lock_default_homeserver\""),
        "{}",
        run.stderr
    );
}

#[test]
fn the_policy_clamps_the_log_level() {
    // No account: `whoami` fails and says so in the log at info level. (The file is only
    // checked for what must be absent: its writer may not flush the last line before exit.)
    let free = User::new(None);
    let run = free.run(&["--log-level", "debug", "whoami"], "");
    assert!(run.failed().stderr.contains("INFO"), "{}", run.stderr);

    let mut clamped = User::new(None);
    clamped.set_policy("log_level_max = \"warn\"\n");
    let run = clamped.run(&["--log-level", "debug", "whoami"], "");
    assert!(!run.failed().stderr.contains("INFO"), "{}", run.stderr);
    assert!(run.stderr.contains("No account"), "the error itself is still said: {}", run.stderr);
    assert!(!clamped.log("default").contains("command failed"), "the file is clamped too");
}

#[test]
fn a_locked_login_server_cannot_be_swapped() {
    let synapse = Synapse::shared();
    let account = synapse.register("lockedserver");
    let mut user = User::new(Some(Keyring::shared()));
    user.set_policy(&format!(
        "default_homeserver = \"{}\"\nlock_default_homeserver = true\n",
        synapse.url
    ));
    let other = user.run(
        &[
            "login",
            "--homeserver",
            "https://matrix.example.org",
            "--user",
            "someone",
            "--password-stdin",
        ],
        "secret\n",
    );
    other.failed();
    assert!(other.stderr.contains("fixes the homeserver"), "{}", other.stderr);
    assert!(other.stderr.contains(synapse.url.as_str()), "{}", other.stderr);
    // Without a server named, the locked one is used, for a bare name as for a full ID.
    let run = user.run(
        &["login", "--user", &account.user_id, "--password-stdin"],
        &format!("{}\n", account.password),
    );
    assert!(run.ok().stdout.starts_with(&account.user_id), "{}", run.stdout);
}
