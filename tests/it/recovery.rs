//! Recovery through the command line, against a real Synapse and a real Secret Service: the
//! recovery key set up on one session brings a new session the identity and the history sent
//! before it existed; a wrong or replaced key is refused in words; an identity reset needs
//! consent and the password. The key never lands in a file or a log.

use crate::common::{Account, Keyring, Run, Synapse, User, files_containing, person};
use serde_json::Value;

/// Runs a command on one profile of `user`.
fn on(user: &User, profile: &str, args: &[&str], stdin: &str) -> Run {
    let mut all = vec!["--profile", profile];
    all.extend_from_slice(args);
    user.run(&all, stdin)
}

fn tail(user: &User, profile: &str, room: &str) -> Vec<Value> {
    let run = on(user, profile, &["tail", room, "--json", "--limit", "200"], "");
    run.json_lines("tail JSON")
}

/// Puts `count` messages of a third person into `room` (of which `inviter` is a member).
fn deepen(synapse: &Synapse, inviter: &User, room: &str, count: usize) {
    let (filler, token) = synapse.register_with_token("rfiller");
    inviter.run(&["invite", room, &filler.user_id], "").ok();
    let (status, answer) =
        synapse.call("POST", &format!("/_matrix/client/v3/join/{room}"), Some(&token), "{}");
    assert_eq!(status, 200, "{answer}");
    for n in 0..count {
        let path = format!("/_matrix/client/v3/rooms/{room}/send/m.room.message/f{n}");
        let body = format!(r#"{{"msgtype":"m.text","body":"filler {n}"}}"#);
        let (status, answer) = synapse.call("PUT", &path, Some(&token), &body);
        assert_eq!(status, 200, "{answer}");
    }
}

fn status(user: &User, profile: &str) -> Value {
    let run = on(user, profile, &["recovery", "status", "--json"], "");
    serde_json::from_str(run.ok().stdout.trim()).expect("status JSON")
}

/// The lines of `tail` whose event is one of `ids`.
fn lines_of<'a>(lines: &'a [Value], ids: &[String]) -> Vec<&'a Value> {
    lines
        .iter()
        .filter(|l| l["event_id"].as_str().is_some_and(|id| ids.iter().any(|i| i == id)))
        .collect()
}

/// The key a command printed: alone on stdout, in groups of four.
fn printed_key(run: &Run) -> String {
    let key = run.ok().stdout.trim().to_owned();
    let groups: Vec<&str> = key.split(' ').collect();
    assert!(groups.len() >= 10, "a recovery key: {key:?}");
    assert!(groups[..groups.len() - 1].iter().all(|g| g.len() == 4), "groups of four: {key:?}");
    key
}

/// Asserts the key, spaced or not, is in no file of the user's profiles (logs included) and
/// nowhere on the server's disk.
fn assert_key_nowhere(user: &User, synapse: &Synapse, key: &str) {
    let bare: String = key.split_whitespace().collect();
    for needle in [key, bare.as_str()] {
        let found = files_containing(user.data.path(), needle.as_bytes());
        assert!(found.is_empty(), "the recovery key is in {found:?}");
        let found = files_containing(&synapse.dir, needle.as_bytes());
        assert!(found.is_empty(), "the recovery key is on the server's disk: {found:?}");
    }
}

/// The account's master cross-signing key as the server publishes it.
fn master_key(synapse: &Synapse, user: &User, account: &Account) -> Value {
    let token = user.access_token(Keyring::shared());
    let query = format!(r#"{{"device_keys":{{"{}":[]}}}}"#, account.user_id);
    let (code, keys) = synapse.call("POST", "/_matrix/client/v3/keys/query", Some(&token), &query);
    assert_eq!(code, 200, "{keys}");
    let keys: Value = serde_json::from_str(&keys).expect("keys JSON");
    keys["master_keys"][&account.user_id]["keys"].clone()
}

#[test]
fn a_new_session_reads_earlier_history_once_recovered_with_the_key() {
    let synapse = Synapse::shared();
    let (alice, alice_account) = person(synapse, "ralice");
    let (bob, _) = person(synapse, "rbob");

    // (a) Recovery is set up on Alice's first session; the key is printed once, with advice.
    assert_eq!(status(&alice, "default")["recovery"], "disabled");
    let enabled = alice.run(&["recovery", "enable"], "");
    let key = printed_key(&enabled);
    assert!(enabled.stderr.contains("shown only this once"), "{}", enabled.stderr);
    let again = alice.run(&["recovery", "enable"], "");
    assert!(again.failed().stderr.contains("already set up"), "{}", again.stderr);

    let room = bob.run(&["dm", &alice_account.user_id], "").ok().stdout.trim().to_owned();
    alice.run(&["join", &room], "").ok();
    let mut sent = Vec::new();
    for text in ["before the new session: juniper-anchor-314", "and another: copper-lantern-902"] {
        sent.push(bob.run(&["send", &room, text], "").ok().stdout.trim().to_owned());
    }
    // More than a page of history after them: a search that only looks at the newest
    // messages after the keys come would not find them.
    deepen(synapse, &bob, &room, 110);
    // Alice's session receives the keys, and the status pushes them into the backup.
    let seen = tail(&alice, "default", &room);
    assert!(lines_of(&seen, &sent).iter().all(|l| l["body"].is_string()), "{seen:?}");
    let first = status(&alice, "default");
    assert_eq!(first["recovery"], "enabled", "{first}");
    assert_eq!(first["backup"]["all_keys_saved"], true, "{first}");

    // (b) A session made after the messages were sent cannot read them, and says why.
    alice.login(synapse, &alice_account, &["--profile", "second"]);
    let hidden = tail(&alice, "second", &room);
    let hidden = lines_of(&hidden, &sent);
    assert_eq!(hidden.len(), 2, "{hidden:?}");
    for line in &hidden {
        assert!(line["body"].is_null(), "readable without the key: {line}");
        assert_eq!(line["trust"], "undecryptable", "{line}");
        assert_eq!(line["cause"], "history_on_unverified_device", "{line}");
        assert!(line["cause_text"].as_str().is_some_and(|t| t.contains("predates")), "{line}");
    }
    // Its search index reads that history too, and cannot find words it cannot read.
    let unread = on(&alice, "second", &["search", "juniper"], "");
    assert!(!unread.ok().stdout.contains("juniper"), "{}", unread.stdout);
    // The cache folder is the cache: cleaned, the events read unreadable are no longer there
    // to be decrypted again when the keys come; the index still knows they are missing.
    std::fs::remove_dir_all(alice.profile_dir("second").join("cache/store")).expect("cache");
    let before = status(&alice, "second");
    assert_eq!(
        (before["recovery"].as_str(), before["session_verified"].as_bool()),
        (Some("incomplete"), Some(false)),
        "{before}"
    );

    // A wrong key, well formed (another account's) or mistyped, is refused in words.
    let bob_key = printed_key(&bob.run(&["recovery", "enable"], ""));
    let mistyped = key.replacen(&key[5..6], if &key[5..6] == "a" { "b" } else { "a" }, 1);
    for wrong in [bob_key.as_str(), mistyped.as_str(), "not a key at all"] {
        let refused = on(&alice, "second", &["recovery", "recover"], &format!("{wrong}\n"));
        assert!(refused.failed().stderr.contains("not the right one"), "{}", refused.stderr);
        assert_eq!(refused.stderr.trim().lines().count(), 1, "{}", refused.stderr);
    }
    let empty = on(&alice, "second", &["recovery", "recover"], "\n");
    assert!(empty.failed().stderr.contains("No recovery key"), "{}", empty.stderr);

    // The right key: the session gets the identity and the backup, and the history reads.
    let recovered =
        on(&alice, "second", &["--log-level", "debug", "recovery", "recover"], &format!("{key}\n"));
    assert!(recovered.ok().stdout.contains("Recovery done"), "{}", recovered.stdout);
    assert!(!recovered.stderr.contains(&key), "the key reached the log");
    // The keys came late for the search index too: what it read unreadable, deep in the
    // history, is now found (before anything else reads that history again).
    let found = on(&alice, "second", &["search", "juniper", "--json"], "");
    let found: Vec<Value> = found.json_lines("search JSON");
    let ids: Vec<&str> = found.iter().filter_map(|hit| hit["event_id"].as_str()).collect();
    assert_eq!(ids, [sent[0].as_str()], "found after the keys came");
    let read = tail(&alice, "second", &room);
    let read = lines_of(&read, &sent);
    let bodies: Vec<_> = read.iter().filter_map(|l| l["body"].as_str()).collect();
    assert_eq!(bodies.len(), 2, "history still unreadable: {read:?}");
    assert!(bodies[0].contains("juniper-anchor-314") && bodies[1].contains("copper-lantern-902"));

    // (c) Both sessions: recovery and backup on; the new one verified, with every identity key.
    for profile in ["default", "second"] {
        let now = status(&alice, profile);
        assert_eq!(now["recovery"], "enabled", "{profile}: {now}");
        assert_eq!(now["backup"]["enabled"], true, "{profile}: {now}");
        assert_eq!(now["backup"]["exists_on_server"], true, "{profile}: {now}");
    }
    let second = status(&alice, "second");
    assert_eq!(second["session_verified"], true, "{second}");
    for part in ["master", "self_signing", "user_signing"] {
        assert_eq!(second["cross_signing"][part], true, "{second}");
    }
    let plain = on(&alice, "second", &["recovery", "status"], "");
    assert!(plain.ok().stdout.contains("Recovery: set up"), "{}", plain.stdout);

    // (d) A new key replaces the old one, which a third session then finds refused.
    let reset = on(&alice, "second", &["recovery", "reset"], "");
    let new_key = printed_key(&reset);
    assert_ne!(new_key, key);
    assert!(reset.stderr.contains("no longer works"), "{}", reset.stderr);
    alice.login(synapse, &alice_account, &["--profile", "third"]);
    let stale = on(&alice, "third", &["recovery", "recover"], &format!("{key}\n"));
    assert!(stale.failed().stderr.contains("not the right one"), "{}", stale.stderr);
    // Spread over lines, as pasted from a note: still the key.
    let pasted = new_key.replacen(' ', "\n", 3);
    on(&alice, "third", &["recovery", "recover"], &format!("{pasted}\n")).ok();
    let third = tail(&alice, "third", &room);
    assert_eq!(
        lines_of(&third, &sent).iter().filter(|l| l["body"].is_string()).count(),
        2,
        "{third:?}"
    );

    for shown in [&key, &new_key] {
        assert_key_nowhere(&alice, synapse, shown);
    }
}

#[test]
fn an_identity_reset_needs_consent_and_the_password_and_gives_a_new_key() {
    let synapse = Synapse::shared();
    let (carol, account) = person(synapse, "rcarol");
    let old_key = printed_key(&carol.run(&["recovery", "enable"], ""));
    let identity = master_key(synapse, &carol, &account);
    assert!(identity.is_object(), "{identity}");

    // Without the confirmation nothing happens, and the person is told what would be lost.
    let warned = carol.run(&["recovery", "reset-identity", "--password-stdin"], &account.password);
    warned.failed();
    for words in ["cannot be undone", "verify you again", "--yes-i-understand"] {
        assert!(warned.stderr.contains(words), "{words}: {}", warned.stderr);
    }
    let no_password = carol.run(&["recovery", "reset-identity", "--yes-i-understand"], "");
    assert!(no_password.failed().stderr.contains("--password-stdin"), "{}", no_password.stderr);
    assert_eq!(master_key(synapse, &carol, &account), identity, "nothing changed");

    // A wrong password is refused by the server; running the reset again with the right one
    // completes it (the SDK's reset is meant to be rerun after a failure).
    let confirmed = ["recovery", "reset-identity", "--yes-i-understand", "--password-stdin"];
    let refused = carol.run(&confirmed, "not my password\n");
    assert!(refused.failed().stderr.contains("Wrong user name or password"), "{}", refused.stderr);
    assert_eq!(master_key(synapse, &carol, &account), identity, "refused: nothing replaced");
    let reset = carol.run(&confirmed, &format!("{}\n", account.password));
    let new_key = printed_key(&reset);
    assert!(reset.stderr.contains("identity has been reset"), "{}", reset.stderr);
    assert_ne!(master_key(synapse, &carol, &account), identity, "a new identity");
    let now = status(&carol, "default");
    assert_eq!(
        (now["recovery"].as_str(), now["backup"]["enabled"].as_bool()),
        (Some("enabled"), Some(true)),
        "{now}"
    );
    assert_eq!(now["session_verified"], true, "{now}");

    // The old key opens nothing any more; the new one does, on a new session.
    carol.login(synapse, &account, &["--profile", "second"]);
    let stale = on(&carol, "second", &["recovery", "recover"], &format!("{old_key}\n"));
    assert!(stale.failed().stderr.contains("not the right one"), "{}", stale.stderr);
    on(&carol, "second", &["recovery", "recover"], &format!("{new_key}\n")).ok();
    assert_eq!(status(&carol, "second")["session_verified"], true);
    for shown in [&old_key, &new_key] {
        assert_key_nowhere(&carol, synapse, shown);
    }
}

#[test]
fn recovery_help_is_localized() {
    let user = User::new(None);
    let mut french = user.env.clone();
    french.push(("ESTAFETTE_LANG".into(), "fr".into()));
    let run = crate::common::run_with(
        &french,
        user.data.path(),
        &["recovery", "reset-identity", "--help"],
        "",
    );
    assert!(run.ok().stdout.contains("Repartir d'une nouvelle identité"), "{}", run.stdout);
    assert!(run.stdout.contains("sans cette option, rien n'est fait"), "{}", run.stdout);
}
