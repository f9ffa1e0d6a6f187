//! End-to-end encrypted messaging through the command line, against a real Synapse and a real
//! Secret Service: DMs, rooms, the unencrypted-room guard, the policy, restarts and outages.

use crate::common::{Keyring, Synapse, User, files_containing, person, server_events, tail};

fn with_body<'a>(lines: &'a [serde_json::Value], body: &str) -> Vec<&'a serde_json::Value> {
    lines.iter().filter(|line| line["body"].as_str().is_some_and(|b| b.contains(body))).collect()
}

fn rooms(user: &User) -> Vec<serde_json::Value> {
    let run = user.run(&["rooms", "--json"], "");
    run.ok().stdout.lines().map(|l| serde_json::from_str(l).expect("rooms JSON")).collect()
}

#[test]
fn a_dm_is_encrypted_and_messages_flow_both_ways_decrypted() {
    let synapse = Synapse::shared();
    let (alice, _) = person(synapse, "alice");
    let (bob, bob_account) = person(synapse, "bob");

    let room = alice.run(&["dm", &bob_account.user_id], "").ok().stdout.trim().to_owned();
    assert!(room.starts_with('!'), "{room}");
    let listed = rooms(&alice);
    let entry = listed.iter().find(|r| r["room_id"] == room.as_str()).expect("the DM is listed");
    assert_eq!((entry["encrypted"].as_bool(), entry["dm"].as_bool()), (Some(true), Some(true)));
    // Asking again reuses the same DM.
    assert_eq!(alice.run(&["dm", &bob_account.user_id], "").ok().stdout.trim(), room);

    let invites = bob.run(&["invites", "--json"], "");
    assert!(invites.ok().stdout.contains(&room), "{}", invites.stdout);
    assert_eq!(bob.run(&["join", &room], "").ok().stdout.trim(), room);

    let secret_a = "Meet at **noon**, the password is zebra-lantern-731";
    let sent = alice.run(&["--log-level", "trace", "send", &room, secret_a], "");
    sent.ok();
    let traced = bob.run(&["--log-level", "trace", "tail", &room, "--json"], "");
    assert!(traced.ok().stdout.contains("zebra-lantern-731"));
    for run in [&sent, &traced] {
        assert!(!run.stderr.contains("zebra-lantern-731"), "a message body reached the log");
    }
    let seen = tail(&bob, &room);
    let got = with_body(&seen, "zebra-lantern-731");
    assert_eq!(got.len(), 1, "bob sees it once: {seen:?}");
    assert_eq!(got[0]["encrypted"], true);
    // Alice's device is cross-signed by her identity, which Bob has not verified (yet).
    assert_eq!(got[0]["trust"], "unverified_identity", "{seen:?}");

    let secret_b = "Noted, bringing the file quartz-meadow-482";
    bob.run(&["send", &room, secret_b], "").ok();
    let seen = tail(&alice, &room);
    assert_eq!(with_body(&seen, "quartz-meadow-482").len(), 1, "{seen:?}");
    // The room list previews the newest message, decrypted.
    let listed = rooms(&alice);
    let entry = listed.iter().find(|r| r["room_id"] == room.as_str()).expect("listed");
    assert_eq!(entry["last_message"], secret_b, "{entry}");
    // A new process of Alice's still reads her own earlier message (history after restart).
    assert_eq!(with_body(&seen, "zebra-lantern-731").len(), 1, "{seen:?}");

    // The server stores only ciphertext.
    let events = server_events(synapse, &alice.access_token(Keyring::shared()), &room);
    let messages: Vec<_> = events
        .iter()
        .filter(|e| e["type"] == "m.room.encrypted" || e["type"] == "m.room.message")
        .collect();
    assert!(messages.len() >= 2, "{events:?}");
    assert!(messages.iter().all(|e| e["type"] == "m.room.encrypted"), "{messages:?}");
    for secret in ["zebra-lantern-731", "quartz-meadow-482"] {
        assert!(
            files_containing(&synapse.dir, secret.as_bytes()).is_empty(),
            "{secret} in Synapse's files"
        );
        // And nowhere on the clients' disks outside the encrypted stores, logs included.
        for user in [&alice, &bob] {
            let found = files_containing(user.data.path(), secret.as_bytes());
            assert!(found.is_empty(), "{secret} in {found:?}");
        }
    }
}

#[test]
fn encryption_is_set_up_from_the_first_login() {
    let synapse = Synapse::shared();
    let (alice, account) = person(synapse, "crypto");
    let token = alice.access_token(Keyring::shared());
    // Cross-signing keys are on the server.
    let query = format!(r#"{{"device_keys":{{"{}":[]}}}}"#, account.user_id);
    let (status, keys) =
        synapse.call("POST", "/_matrix/client/v3/keys/query", Some(&token), &query);
    assert_eq!(status, 200, "{keys}");
    let keys: serde_json::Value = serde_json::from_str(&keys).expect("JSON");
    assert!(keys["master_keys"][&account.user_id].is_object(), "no cross-signing: {keys}");
    assert!(keys["self_signing_keys"][&account.user_id].is_object(), "{keys}");
    // This device's keys were uploaded and it is signed by the account's identity.
    let devices = keys["device_keys"][&account.user_id].as_object().expect("devices");
    assert_eq!(devices.len(), 1, "{keys}");
    // Room keys are backed up.
    let (status, backup) =
        synapse.call("GET", "/_matrix/client/v3/room_keys/version", Some(&token), "");
    assert_eq!(status, 200, "no key backup: {backup}");
}

#[test]
fn only_allowed_homeservers_can_be_used() {
    let synapse = Synapse::shared();
    let account = synapse.register("fenced");
    let mut user = User::new(Some(Keyring::shared()));
    user.set_policy("allowed_homeservers = [\"matrix.gouv.example\"]\n");
    let run = user.run(
        &["login", "--homeserver", &synapse.url, "--user", &account.user_id, "--password-stdin"],
        &account.password,
    );
    assert!(run.failed().stderr.contains("not allowed by your organisation"), "{}", run.stderr);
    assert!(!user.profile_dir("default").join("data/account.toml").exists());
    user.set_policy(&format!("allowed_homeservers = [\"{}\"]\n", synapse.url));
    user.login(synapse, &account, &[]);
}

#[test]
fn rooms_are_created_encrypted_and_unencrypted_only_where_the_policy_allows() {
    let synapse = Synapse::shared();
    let (mut alice, _) = person(synapse, "creator");
    let room = alice.run(&["create-room", "--name", "Budget 2027", "--topic", "drafts"], "");
    let room = room.ok().stdout.trim().to_owned();
    let entry = rooms(&alice).into_iter().find(|r| r["room_id"] == room.as_str()).expect("listed");
    assert_eq!(entry["encrypted"], true);
    assert_eq!(entry["name"], "Budget 2027");

    let refused = alice.run(&["create-room", "--name", "Clear", "--unencrypted"], "");
    assert!(refused.failed().stderr.contains("cannot be created"), "{}", refused.stderr);

    alice.set_policy("allow_unencrypted_room_creation = true\n");
    let clear = alice
        .run(&["create-room", "--name", "Clear", "--unencrypted"], "")
        .ok()
        .stdout
        .trim()
        .to_owned();
    let entry = rooms(&alice).into_iter().find(|r| r["room_id"] == clear.as_str()).expect("listed");
    assert_eq!(entry["encrypted"], false);
}

#[test]
fn a_public_unencrypted_room_is_never_written_to_by_accident() {
    let synapse = Synapse::shared();
    let (mut alice, _) = person(synapse, "guarded");
    let (_, owner_token) = synapse.register_with_token("owner");
    let alias_name = crate::common::unique("lobby");
    let body = format!(
        r#"{{"preset":"public_chat","name":"Open Lobby","visibility":"public","room_alias_name":"{alias_name}"}}"#
    );
    let (status, created) =
        synapse.call("POST", "/_matrix/client/v3/createRoom", Some(&owner_token), &body);
    assert_eq!(status, 200, "{created}");
    let created: serde_json::Value = serde_json::from_str(&created).expect("JSON");
    let room = created["room_id"].as_str().expect("room id").to_owned();
    alice.run(&["join", &room], "").ok();
    let entry = rooms(&alice).into_iter().find(|r| r["room_id"] == room.as_str()).expect("listed");
    assert_eq!(
        (entry["encrypted"].as_bool(), entry["public"].as_bool()),
        (Some(false), Some(true))
    );

    let refused = alice.run(&["send", &room, "first words amber-falcon"], "");
    refused.failed();
    assert!(refused.stderr.contains("public room without encryption"), "{}", refused.stderr);
    assert!(refused.stderr.contains("Open Lobby"), "names the room: {}", refused.stderr);
    assert_eq!(refused.stderr.trim().lines().count(), 1, "{}", refused.stderr);

    alice.run(&["send", &room, "consented words amber-falcon", "--allow-unencrypted"], "").ok();
    let events = server_events(synapse, &owner_token, &room);
    let bodies: Vec<_> = events.iter().filter_map(|e| e["content"]["body"].as_str()).collect();
    assert_eq!(bodies, vec!["consented words amber-falcon"], "only the consented message went out");

    alice.set_policy("unencrypted_send = \"forbid\"\n");
    let forbidden = alice.run(&["send", &room, "forbidden words", "--allow-unencrypted"], "");
    assert!(forbidden.failed().stderr.contains("policy forbids"), "{}", forbidden.stderr);
    let events = server_events(synapse, &owner_token, &room);
    assert!(!events.iter().any(|e| e["content"]["body"] == "forbidden words"));
}

#[test]
fn a_late_joiner_is_told_why_earlier_messages_cannot_be_read() {
    let synapse = Synapse::shared();
    let (alice, _) = person(synapse, "early");
    let (late, late_account) = person(synapse, "late");
    let room = alice.run(&["create-room", "--name", "History"], "").ok().stdout.trim().to_owned();
    alice.run(&["send", &room, "before you came: walnut-harbor"], "").ok();
    let token = alice.access_token(Keyring::shared());
    let invite = format!(r#"{{"user_id":"{}"}}"#, late_account.user_id);
    let path = format!("/_matrix/client/v3/rooms/{room}/invite");
    assert_eq!(synapse.call("POST", &path, Some(&token), &invite).0, 200);
    late.run(&["join", &room], "").ok();
    alice.run(&["send", &room, "after you came: cedar-window"], "").ok();

    let seen = tail(&late, &room);
    assert_eq!(with_body(&seen, "cedar-window").len(), 1, "{seen:?}");
    // Another run reads the same history: the reason shows in place of the text.
    let plain = late.run(&["tail", &room], "");
    assert!(plain.ok().stdout.contains("sent before you joined"), "{}", plain.stdout);
    let hidden: Vec<_> = seen.iter().filter(|l| l["trust"] == "undecryptable").collect();
    assert_eq!(hidden.len(), 1, "{seen:?}");
    assert_eq!(hidden[0]["cause"], "sent_before_you_joined", "{seen:?}");
    assert!(hidden[0]["cause_text"].as_str().unwrap_or_default().contains("before you joined"));
}

#[test]
fn a_malformed_policy_stops_the_app_with_file_line_and_key() {
    let mut user = User::new(Some(Keyring::shared()));
    user.set_policy("unencrypted_send = \"ask\"\nallow_unencrypted_room_creation = \"yes\"\n");
    let run = user.run(&["rooms"], "");
    run.failed();
    assert!(run.stderr.contains("organisation-policy.toml, line 2"), "{}", run.stderr);
    assert!(run.stderr.contains("allow_unencrypted_room_creation"), "{}", run.stderr);
}

#[test]
fn a_message_sent_during_an_outage_arrives_once_after_a_restart() {
    let synapse = Synapse::start(Default::default());
    let (alice, _) = person(&synapse, "outage");
    let (bob, bob_account) = person(&synapse, "receiver");
    let room = alice.run(&["dm", &bob_account.user_id], "").ok().stdout.trim().to_owned();
    bob.run(&["join", &room], "").ok();
    alice.run(&["send", &room, "warm-up before the outage"], "").ok();

    synapse.stop();
    let queued = alice.run(&["send", &room, "sent in the dark: ember-lattice"], "");
    assert_eq!(queued.code, 3, "queued, not lost: {} {}", queued.stdout, queued.stderr);
    synapse.resume();

    // The next run of the app (any command) delivers it.
    alice.run(&["rooms"], "").ok();
    let seen = tail(&bob, &room);
    assert_eq!(with_body(&seen, "ember-lattice").len(), 1, "delivered exactly once: {seen:?}");
    let again = tail(&alice, &room);
    assert_eq!(with_body(&again, "ember-lattice").len(), 1, "{again:?}");
}

#[test]
fn invitations_can_be_declined_and_rooms_left() {
    let synapse = Synapse::shared();
    let (alice, _) = person(synapse, "host");
    let (bob, bob_account) = person(synapse, "guest");
    let room = alice
        .run(&["create-room", "--name", "Offsite", "--invite", &bob_account.user_id], "")
        .ok()
        .stdout
        .trim()
        .to_owned();
    let invites = bob.run(&["invites"], "");
    assert!(invites.ok().stdout.contains(&room), "{}", invites.stdout);
    bob.run(&["leave", &room], "").ok();
    assert!(!bob.run(&["invites"], "").ok().stdout.contains(&room), "declined");
    alice.run(&["leave", &room], "").ok();
    assert!(!rooms(&alice).iter().any(|r| r["room_id"] == room.as_str()), "left");
}

#[test]
fn tail_follow_prints_new_messages_as_they_come() {
    let synapse = Synapse::shared();
    let (alice, _) = person(synapse, "talker");
    let (bob, bob_account) = person(synapse, "listener");
    let room = alice.run(&["dm", &bob_account.user_id], "").ok().stdout.trim().to_owned();
    bob.run(&["join", &room], "").ok();
    let follower = std::thread::scope(|scope| {
        let follow =
            scope.spawn(|| bob.run(&["tail", &room, "--follow", "--timeout", "25", "--json"], ""));
        // Give the follower time to start, then talk; it prints what arrives while it waits.
        std::thread::sleep(std::time::Duration::from_secs(8));
        alice.run(&["send", &room, "live words: saffron-kite"], "").ok();
        follow.join().expect("follower")
    });
    let lines: Vec<serde_json::Value> =
        follower.ok().stdout.lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    assert_eq!(with_body(&lines, "saffron-kite").len(), 1, "{lines:?}");
}

#[test]
fn replies_edits_and_reactions_travel_encrypted_and_show_in_the_timeline() {
    let synapse = Synapse::shared();
    let (alice, _) = person(synapse, "alice");
    let (bob, bob_account) = person(synapse, "bob");
    let room = alice.run(&["dm", &bob_account.user_id], "").ok().stdout.trim().to_owned();
    bob.run(&["join", &room], "").ok();

    let question = alice.run(&["send", &room, "Le budget est prêt ?"], "");
    let question = question.ok().stdout.trim().to_owned();
    bob.run(&["send", &room, "Oui, ce soir", "--reply-to", &question], "").ok();
    alice.run(&["send", &room, "Le budget 2027 est prêt ?", "--edit", &question], "").ok();
    bob.run(&["react", &room, &question, "👍"], "").ok();

    // Under a loaded machine the edit and the reaction may reach a new process's timeline a
    // moment after the message itself (seen once in a full run beside the 500-message search
    // test): read again until they are there, for a while.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let lines = loop {
        let lines = tail(&alice, &room);
        let asked =
            lines.iter().find(|l| l["event_id"] == question.as_str()).expect("the question");
        let complete = asked["body"] == "Le budget 2027 est prêt ?"
            && asked["reactions"].as_array().is_some_and(|r| !r.is_empty());
        if complete || std::time::Instant::now() > deadline {
            break lines;
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    };
    let asked = lines.iter().find(|l| l["event_id"] == question.as_str()).expect("the question");
    // Seen twice in a local full run, never alone: say what the timeline and the log held.
    if asked["body"] != "Le budget 2027 est prêt ?" {
        let seen: Vec<String> = lines.iter().map(ToString::to_string).collect();
        let log = alice.log("default");
        let recent: Vec<&str> = log.lines().rev().take(60).collect();
        // The end of a failing run's output is what CI shows: the question last.
        panic!(
            "Alice's log, newest first:\n{recent:#?}\ntimeline:\n{seen:#?}\n\
             the edit did not replace the text of {asked}"
        );
    }
    assert_eq!(asked["edited"], true);
    let reactions = asked["reactions"].as_array().expect("reactions");
    assert_eq!(reactions.len(), 1, "{asked}");
    assert_eq!(reactions[0][0], "👍");
    let answer = with_body(&lines, "Oui, ce soir");
    let answer = answer.first().expect("the reply is listed");
    assert_eq!(answer["reply_to"]["event_id"], question.as_str());
    let excerpt = answer["reply_to"]["excerpt"].as_str().unwrap_or_default();
    assert!(excerpt.contains("budget"), "the quote is known: {answer}");
    assert_eq!(answer["trust"], "unverified_identity", "encrypted like any message: {answer}");
    // No text reached the server in clear: the reply and the edit are encrypted. Reactions
    // are not (no Matrix client encrypts them: the server aggregates them), which the app
    // says where one picks a reaction; this checks that it is only the emoji.
    let token = alice.access_token(Keyring::shared());
    for event in server_events(synapse, &token, &room) {
        let kind = event["type"].as_str().unwrap_or_default();
        assert_ne!(kind, "m.room.message", "sent in clear: {event}");
        assert!(!event.to_string().contains("budget"), "text in clear: {event}");
        if kind == "m.reaction" {
            assert_eq!(event["content"]["m.relates_to"]["key"], "👍");
        }
    }
}

/// Reactions go out in clear, so an organisation may turn them off (`reactions = "off"`):
/// `react` is then refused with the reason, and nothing reaches the server.
#[test]
fn reactions_turned_off_by_the_organisation_send_nothing() {
    let synapse = Synapse::shared();
    let (mut alice, _) = person(synapse, "noreact");
    let (bob, bob_account) = person(synapse, "noreactbob");
    let room = alice.run(&["dm", &bob_account.user_id], "").ok().stdout.trim().to_owned();
    bob.run(&["join", &room], "").ok();
    let said = bob.run(&["send", &room, "Réunion à 15 h"], "").ok().stdout.trim().to_owned();
    alice.set_policy("reactions = \"off\"\n");
    let run = alice.run(&["react", &room, &said, "👍"], "");
    assert!(run.failed().stderr.contains("turns reactions off"), "{}", run.stderr);
    let token = alice.access_token(Keyring::shared());
    let kinds: Vec<String> = server_events(synapse, &token, &room)
        .iter()
        .filter_map(|event| event["type"].as_str().map(str::to_owned))
        .collect();
    assert!(!kinds.iter().any(|kind| kind == "m.reaction"), "{kinds:?}");
}
