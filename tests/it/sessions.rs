//! The sessions of an account through the command line, against a real Synapse and a real
//! Secret Service: every session listed with this one marked, renaming, signing out the others
//! (the server asks for the password), and the new-login alert, live and since the last run.

use std::time::Duration;

use crate::common::{Account, Keyring, Synapse, User};
use serde_json::Value;

/// One account signed in on two profiles of one user: `first` and `second`.
fn two_sessions(prefix: &str) -> (User, Account, String, String) {
    let synapse = Synapse::shared();
    let account = synapse.register(prefix);
    let user = User::new(Some(Keyring::shared()));
    let (_, first) = user.login(synapse, &account, &["--profile", "first"]);
    let (_, second) = user.login(synapse, &account, &["--profile", "second"]);
    assert_ne!(first, second);
    (user, account, first, second)
}

/// `devices --json` of `profile`, one value per session.
fn devices(user: &User, profile: &str) -> Vec<Value> {
    let run = user.run(&["--profile", profile, "devices", "--json"], "");
    run.json_lines("devices JSON")
}

fn find<'a>(sessions: &'a [Value], id: &str) -> &'a Value {
    sessions.iter().find(|s| s["device_id"] == id).unwrap_or_else(|| panic!("{id}: {sessions:?}"))
}

#[test]
fn every_session_is_listed_with_this_one_marked_and_the_other_named() {
    let (user, _, first, second) = two_sessions("seslist");
    let sessions = devices(&user, "first");
    assert_eq!(sessions.len(), 2, "{sessions:?}");
    assert_eq!(sessions[0]["device_id"], first.as_str(), "this session comes first");
    assert_eq!(find(&sessions, &first)["this_session"], true);
    let other = find(&sessions, &second);
    assert_eq!(other["this_session"], false);
    assert!(other["name"].as_str().is_some_and(|n| n.starts_with("Estafette on ")), "{other}");
    // Neither session has been verified by the other.
    assert_eq!(other["verified"], false, "{other}");
    for key in ["last_seen_ts", "last_seen_ip", "verified"] {
        assert!(other.get(key).is_some(), "{key} missing: {other}");
    }

    let table = user.run(&["--profile", "first", "devices"], "");
    let text = &table.ok().stdout;
    let mine = text.lines().find(|l| l.starts_with(&first)).expect("a row for this session");
    assert!(mine.contains("(this session)"), "{text}");
    let theirs = text.lines().find(|l| l.starts_with(&second)).expect("a row for the other");
    assert!(theirs.contains("Estafette on ") && theirs.contains("not verified"), "{text}");
}

#[test]
fn a_renamed_session_is_seen_under_its_new_name_by_the_other() {
    let (user, _, first, second) = two_sessions("sesname");
    let run = user.run(&["--profile", "first", "devices", "rename", &second, " Poste 12 "], "");
    assert!(run.ok().stdout.contains("Poste 12"), "{}", run.stdout);
    let seen = devices(&user, "second");
    assert_eq!(find(&seen, &second)["name"], "Poste 12", "{seen:?}");
    assert_eq!(find(&seen, &second)["this_session"], true);
    assert_eq!(find(&seen, &first)["this_session"], false);

    let unknown = user.run(&["--profile", "first", "devices", "rename", "NOSUCHID", "x"], "");
    assert!(unknown.failed().stderr.contains("no session with the ID"), "{}", unknown.stderr);
}

#[test]
fn signing_out_the_others_with_the_password_ends_them_and_keeps_this_one() {
    let (user, account, first, second) = two_sessions("sesout");
    let run = user.run(
        &["--profile", "first", "devices", "sign-out", "--others", "--password-stdin"],
        &format!("{}\n", account.password),
    );
    let stdout = &run.ok().stdout;
    assert!(stdout.contains("Signed out 1 session") && stdout.contains(&second), "{stdout}");

    // The other session finds out at its next request, as any session the server ended.
    let ended = user.run(&["--profile", "second", "whoami"], "");
    assert_eq!(ended.code, 1, "{}", ended.stderr);
    assert!(ended.stderr.contains("The server has ended the session"), "{}", ended.stderr);
    let again = user.run(&["--profile", "second", "rooms"], "");
    assert!(again.failed().stderr.contains("estafette login"), "{}", again.stderr);

    user.run(&["--profile", "first", "whoami"], "").ok();
    let left = devices(&user, "first");
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0]["device_id"], first.as_str());
    let none = user.run(
        &["--profile", "first", "devices", "sign-out", "--others", "--password-stdin"],
        &account.password,
    );
    assert!(none.ok().stdout.contains("no other session"), "{}", none.stdout);
}

#[test]
fn without_the_password_nothing_is_signed_out_and_the_person_is_told_why() {
    let (user, _, first, second) = two_sessions("sesnopw");
    let run = user.run(&["--profile", "first", "devices", "sign-out", &second], "");
    run.failed();
    assert!(run.stderr.contains("needs your password"), "{}", run.stderr);
    assert!(run.stderr.contains("--password-stdin"), "{}", run.stderr);
    assert_eq!(run.stderr.trim().lines().count(), 1, "one line: {}", run.stderr);

    let wrong = user.run(
        &["--profile", "first", "devices", "sign-out", &second, "--password-stdin"],
        "not the password",
    );
    assert!(wrong.failed().stderr.contains("Wrong user name or password"), "{}", wrong.stderr);

    // Ending this session is logging out, not this command.
    let own = user.run(&["--profile", "first", "devices", "sign-out", &first], "");
    assert!(own.failed().stderr.contains("the session you are using"), "{}", own.stderr);

    user.run(&["--profile", "second", "whoami"], "").ok();
    assert_eq!(devices(&user, "first").len(), 2);
}

#[test]
fn a_new_login_is_raised_while_running_and_since_the_last_run() {
    let synapse = Synapse::shared();
    let account = synapse.register("seswatch");
    let user = User::new(Some(Keyring::shared()));
    let (_, first) = user.login(synapse, &account, &["--profile", "first"]);
    let watch = |secs: &str, json: bool| {
        let mut args = vec!["--profile", "first", "devices", "watch", "--timeout", secs];
        if json {
            args.push("--json");
        }
        user.run(&args, "")
    };

    // A first run records the sessions there are; this one is never news.
    let baseline = watch("4", true);
    assert_eq!(baseline.ok().stdout.trim(), "", "{}", baseline.stderr);

    // While the first session runs, a login elsewhere is raised within moments.
    let (live, third) = std::thread::scope(|scope| {
        let watcher = scope.spawn(|| watch("45", true));
        std::thread::sleep(Duration::from_secs(8));
        let (_, third) = user.login(synapse, &account, &["--profile", "third"]);
        (watcher.join().expect("watcher"), third)
    });
    let alerts = live.json_lines("alert JSON");
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert_eq!(alerts[0]["device_id"], third.as_str());
    assert_eq!(alerts[0]["this_session"], false);
    assert!(alerts[0]["name"].as_str().is_some_and(|n| n.starts_with("Estafette on ")));
    assert_ne!(third, first);

    // A login while the app was closed is raised at the next start, even when a short
    // command (which raises nothing) ran in between; the one already raised is not raised
    // again.
    let (_, fourth) = user.login(synapse, &account, &["--profile", "fourth"]);
    user.run(&["--profile", "first", "rooms"], "").ok();
    let next = watch("8", false);
    let text = &next.ok().stdout;
    assert!(text.contains("New login to your account") && text.contains(&fourth), "{text}");
    assert!(text.contains("Was this you?"), "{text}");
    assert!(!text.contains(&third), "{text}");
}

/// The idle lock's unlock: the server checks the account's password, signing nothing out.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_password_is_checked_by_the_server_and_nothing_is_signed_out() {
    let (user, account, first, second) = two_sessions("seslock");
    let (handle, _events) = user.core("first").await;
    let right = estafette::secret::Password::new(account.password.clone());
    handle.check_password(&right).await.expect("the right password unlocks");
    let wrong = estafette::secret::Password::new("not the password".into());
    let refused = handle.check_password(&wrong).await.expect_err("a wrong password is refused");
    assert!(matches!(refused, estafette::matrix::MatrixError::WrongPassword), "{refused:?}");
    drop(handle);
    let sessions = devices(&user, "second");
    find(&sessions, &first);
    find(&sessions, &second);
    assert_eq!(sessions.len(), 2, "{sessions:?}");
}

/// Review L3: a script with a stolen password logs in (no keys), reads the account's room
/// list and logs out again within seconds; the running watch raises it from the server's own
/// word that the account's sessions changed, not from a poll minutes later.
#[test]
fn a_short_login_by_a_script_is_raised_while_it_lasts() {
    let synapse = Synapse::shared();
    let account = synapse.register("sesscript");
    let user = User::new(Some(Keyring::shared()));
    user.login(synapse, &account, &["--profile", "first"]);
    let args = ["--profile", "first", "devices", "watch", "--timeout", "40", "--json"];
    user.run(&["--profile", "first", "devices", "watch", "--timeout", "3"], "").ok();
    let (watched, script_device) = std::thread::scope(|scope| {
        let watcher = scope.spawn(|| user.run(&args, ""));
        std::thread::sleep(Duration::from_secs(10));
        let login = serde_json::json!({"type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": account.user_id},
            "password": account.password, "initial_device_display_name": "curl"});
        let (status, answer) =
            synapse.call("POST", "/_matrix/client/v3/login", None, &login.to_string());
        assert_eq!(status, 200, "{answer}");
        let session: Value = serde_json::from_str(&answer).expect("login JSON");
        let token = session["access_token"].as_str().expect("token").to_owned();
        let device = session["device_id"].as_str().expect("device").to_owned();
        synapse.call("GET", "/_matrix/client/v3/joined_rooms", Some(&token), "");
        std::thread::sleep(Duration::from_secs(3));
        synapse.call("POST", "/_matrix/client/v3/logout", Some(&token), "{}");
        (watcher.join().expect("watcher"), device)
    });
    let alerts = watched.json_lines("alert JSON");
    assert!(alerts.iter().any(|a| a["device_id"] == script_device.as_str()), "{alerts:?}");
}

/// Review M4a: the idle lock's password check holds where the server waves its usual guard
/// through (Synapse's `ui_auth.session_timeout`, right after the login): a wrong password is
/// still refused, the right one still accepted, and nothing is signed out.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_password_is_checked_even_when_the_server_skips_its_usual_guard() {
    let lenient = Synapse::start_with(
        crate::common::synapse::Lifetimes::default(),
        "\nui_auth:\n  session_timeout: 15m\n",
    );
    let account = lenient.register("leniency");
    let user = User::new(Some(Keyring::shared()));
    let (_, device) = user.login(&lenient, &account, &[]);
    let (handle, _events) = user.core("default").await;
    let wrong = estafette::secret::Password::new("any password at all".into());
    let refused = handle.check_password(&wrong).await.expect_err("a wrong password is refused");
    assert!(matches!(refused, estafette::matrix::MatrixError::WrongPassword), "{refused:?}");
    let right = estafette::secret::Password::new(account.password.clone());
    handle.check_password(&right).await.expect("the right password unlocks");
    let ways = handle.proof_ways().await.expect("ways");
    assert!(ways.password && !ways.sso, "{ways:?}");
    drop(handle);
    let listed = user.run(&["devices", "--json"], "");
    assert!(listed.ok().stdout.contains(&device), "{}", listed.stdout);
}

/// Review M4c: a window left locked stays locked for the command line too, until the server
/// has checked the password (`unlock`); commands that do not show the account stay open.
#[test]
fn a_locked_profile_refuses_commands_until_unlocked() {
    let synapse = Synapse::shared();
    let account = synapse.register("seslocked");
    let mut user = User::new(Some(Keyring::shared()));
    user.login(synapse, &account, &[]);
    user.set_policy("idle_lock_minutes = 5\n");
    let flag = user.profile_dir("default").join("data/idle-locked");
    std::fs::write(&flag, "").expect("the lock's mark, as the window leaves it");
    let refused = user.run(&["rooms"], "");
    assert!(refused.failed().stderr.contains("Estafette is locked"), "{}", refused.stderr);
    assert!(refused.stderr.contains("estafette unlock"), "{}", refused.stderr);
    user.run(&["whoami"], "").ok();
    let wrong = user.run(&["unlock", "--password-stdin"], "not the password\n");
    assert!(wrong.failed().stderr.contains("Wrong user name or password"), "{}", wrong.stderr);
    assert!(flag.exists(), "still locked");
    let right = user.run(&["unlock", "--password-stdin"], &format!("{}\n", account.password));
    right.ok();
    assert!(!flag.exists());
    user.run(&["rooms"], "").ok();
}

/// After a breach: the password is changed with the current one, and every other session is
/// signed out by default; that session is refused from then on and keeps nothing here, the
/// old password no longer logs in, the new one does. The server's refusals come in words.
#[test]
fn changing_the_password_signs_out_every_other_session() {
    let (user, account, first, second) = two_sessions("sespw");
    let second_id = user.keychain_id("second");
    let new = "a brand new passphrase, 2027";
    let current = &account.password;
    let wrong = user.run(&["--profile", "first", "password"], &format!("nope\n{new}\n{new}\n"));
    assert!(wrong.failed().stderr.contains("current password is wrong"), "{}", wrong.stderr);
    let typo =
        user.run(&["--profile", "first", "password"], &format!("{current}\n{new}\n{new}!\n"));
    assert!(typo.failed().stderr.contains("differ"), "{}", typo.stderr);
    let run = user.run(&["--profile", "first", "password"], &format!("{current}\n{new}\n{new}\n"));
    assert!(run.ok().stdout.contains("every other session"), "{}", run.stdout);

    let ended = user.run(&["--profile", "second", "whoami"], "");
    assert!(ended.failed().stderr.contains("The server has ended the session"), "{}", ended.stderr);
    let keyring = Keyring::shared();
    assert!(keyring.lookup(&format!("{second_id}/session")).is_none(), "no token kept");
    user.run(&["--profile", "first", "whoami"], "").ok();
    let left = devices(&user, "first");
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0]["device_id"], first.as_str());
    assert_ne!(first, second);

    let synapse = Synapse::shared();
    let old = User::new(Some(keyring));
    let refused = old.run(
        &["login", "--homeserver", &synapse.url, "--user", &account.user_id, "--password-stdin"],
        current,
    );
    assert!(refused.failed().stderr.contains("Wrong user name or password"), "{}", refused.stderr);
    let renewed = Account { user_id: account.user_id.clone(), password: new.to_owned() };
    old.login(synapse, &renewed, &[]);
}

/// The server's password rules, in its own words: a new password they refuse changes nothing.
#[test]
fn a_new_password_the_servers_rules_refuse_is_said_in_words() {
    let strict = Synapse::start_with(
        crate::common::synapse::Lifetimes::default(),
        "\npassword_config:\n  policy:\n    enabled: true\n    minimum_length: 15\n",
    );
    let account = strict.register("sesrules");
    let user = User::new(Some(Keyring::shared()));
    user.login(&strict, &account, &[]);
    let current = &account.password;
    let run = user.run(&["password"], &format!("{current}\nshort-one\nshort-one\n"));
    run.failed();
    assert!(run.stderr.contains("refuses this new password"), "{}", run.stderr);
    assert!(run.stderr.contains("15 characters"), "the server's reason: {}", run.stderr);
    user.run(&["whoami"], "").ok();
}
