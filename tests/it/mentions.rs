//! Mentions, against a real Synapse and a real Secret Service with three accounts: a mention
//! goes out as Element sends it (`m.mentions` and a `matrix.to` link, seen on the server in a
//! room in clear), the person mentioned sees the message highlighted and their name as a
//! mention (evaluated on their client, since the server cannot read an encrypted message),
//! the others do not; `@room` takes the power to notify the room.

use crate::common::{Keyring, Synapse, answer, person, server_events, tail, unique};

fn with_body<'a>(lines: &'a [serde_json::Value], words: &str) -> &'a serde_json::Value {
    let found = lines.iter().find(|line| line["body"].as_str().is_some_and(|b| b.contains(words)));
    found.unwrap_or_else(|| panic!("{words} in {lines:#?}"))
}

#[test]
fn a_mention_notifies_only_the_person_named_and_at_room_takes_power() {
    let synapse = Synapse::shared();
    let (mut alice, _) = person(synapse, "cheffe");
    let (bob, bob_account) = person(synapse, "bob");
    let (carol, carol_account) = person(synapse, "carol");
    let invite = [bob_account.user_id.as_str(), carol_account.user_id.as_str()];
    let mut create = vec!["create-room", "--name"];
    let name = unique("Budget");
    create.push(&name);
    for user in invite {
        create.extend(["--invite", user]);
    }
    let room = alice.run(&create, "").ok().stdout.trim().to_owned();
    bob.run(&["join", &room], "").ok();
    carol.run(&["join", &room], "").ok();

    // In clear, the server holds what Element sends: m.mentions and the link.
    alice.set_policy("allow_unencrypted_room_creation = true\n");
    let open = unique("Lobby");
    let created = alice.run(&["create-room", "--name", &open, "--unencrypted"], "");
    let lobby = created.ok().stdout.trim().to_owned();
    let send = ["send", &lobby, "merci tin-violet-77", "--mention", &bob_account.user_id];
    alice.run(&[&send[..], &["--allow-unencrypted"]].concat(), "").ok();
    let events = server_events(synapse, &alice.access_token(Keyring::shared()), &lobby);
    let sent = events
        .iter()
        .find(|e| e["content"]["body"].as_str().is_some_and(|b| b.contains("tin-violet-77")))
        .unwrap_or_else(|| panic!("the message in {events:#?}"));
    let content = &sent["content"];
    assert_eq!(content["m.mentions"]["user_ids"][0], bob_account.user_id.as_str(), "{content}");
    let link = format!("https://matrix.to/#/{}", bob_account.user_id);
    assert!(content["formatted_body"].as_str().is_some_and(|h| h.contains(&link)), "{content}");

    // Encrypted: Bob's client finds itself in the decrypted message and highlights it.
    let words = "la note amber-quill-208 pour demain";
    alice.run(&["send", &room, words, "--mention", &bob_account.user_id], "").ok();
    let seen = tail(&bob, &room);
    let message = with_body(&seen, "amber-quill-208");
    assert_eq!(message["highlighted"], true, "{message:#}");
    let pill = &message["mentions"][0];
    assert_eq!(pill["user_id"], bob_account.user_id.as_str(), "{message}");
    assert_eq!(pill["me"], true, "{message}");
    assert!(message["body"].as_str().is_some_and(|b| b.ends_with(words)), "{message}");
    let theirs = tail(&carol, &room);
    assert!(with_body(&theirs, "amber-quill-208")["highlighted"].is_null(), "not Carol's");

    // @room: Carol (level 0) may not call everyone, and is told what it takes.
    let refused = carol.run(&["send", &room, "tous", "--mention", "@room"], "");
    let said = answer(&refused.failed().stderr).join("\n");
    assert!(said.contains("@room") && said.contains("50"), "{said}");
    alice.run(&["send", &room, "réunion cobalt-fern-33", "--mention", "@room"], "").ok();
    let seen = tail(&carol, &room);
    assert_eq!(with_body(&seen, "cobalt-fern-33")["highlighted"], true, "@room calls Carol");
}

/// The account's push rules as the server holds them.
fn push_rules(synapse: &Synapse, user: &crate::common::User) -> serde_json::Value {
    let token = user.access_token(Keyring::shared());
    let (status, body) = synapse.call("GET", "/_matrix/client/v3/pushrules/", Some(&token), "");
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).expect("push rules JSON")
}

#[test]
fn a_rooms_mode_and_keywords_are_push_rules_and_a_keyword_highlights() {
    let synapse = Synapse::shared();
    let (alice, _) = person(synapse, "prefete");
    let (bob, bob_account) = person(synapse, "agent");
    let name = unique("Cellule");
    let created =
        alice.run(&["create-room", "--name", &name, "--invite", &bob_account.user_id], "");
    let room = created.ok().stdout.trim().to_owned();
    bob.run(&["join", &room], "").ok();

    // The server's default for an encrypted group room: every message.
    let shown = bob.run(&["notifications", &room, "--json"], "").ok().stdout.clone();
    let mode: serde_json::Value = serde_json::from_str(shown.trim()).expect("mode JSON");
    assert_eq!((mode["mode"].as_str(), mode["default"].as_bool()), (Some("all"), Some(true)));

    // Mute: an override rule for the room that does not notify, read back from the server.
    bob.run(&["notifications", &room, "mute"], "").ok();
    let rules = push_rules(synapse, &bob);
    let overrides = rules["global"]["override"].as_array().cloned().unwrap_or_default();
    let rule = overrides.iter().find(|r| r["rule_id"] == room.as_str()).expect("a rule");
    let actions = rule["actions"].as_array().cloned().unwrap_or_default();
    assert!(actions.iter().all(|a| a != "notify"), "{rule}");
    assert!(bob.run(&["notifications", &room], "").ok().stdout.starts_with("mute"));
    bob.run(&["notifications", &room, "mentions"], "").ok();
    let rules = push_rules(synapse, &bob);
    let overrides = rules["global"]["override"].as_array().cloned().unwrap_or_default();
    assert!(overrides.iter().all(|r| r["rule_id"] != room.as_str()), "no longer muted");
    let refused = bob.run(&["notifications", &room, "loud"], "");
    assert!(refused.failed().stderr.contains("loud"), "{}", refused.stderr);
    bob.run(&["notifications", &room, "default"], "").ok();
    let shown = bob.run(&["notifications", &room, "--json"], "").ok().stdout.clone();
    assert!(shown.contains("\"default\":true"), "{shown}");

    // A keyword is a content rule on the server, and highlights a message that says it.
    bob.run(&["keywords", "add", "Préfecture"], "").ok();
    let rules = push_rules(synapse, &bob);
    let content = rules["global"]["content"].as_array().cloned().unwrap_or_default();
    assert!(content.iter().any(|r| r["pattern"] == "Préfecture"), "{content:?}");
    assert_eq!(bob.run(&["keywords"], "").ok().stdout.trim(), "Préfecture");
    alice.run(&["send", &room, "rendez-vous à la prefecture, dossier lime-oak-5"], "").ok();
    alice.run(&["send", &room, "rien à voir, dossier ash-elm-6"], "").ok();
    let seen = tail(&bob, &room);
    assert_eq!(with_body(&seen, "lime-oak-5")["highlighted"], true, "{seen:#?}");
    assert!(with_body(&seen, "ash-elm-6")["highlighted"].is_null());
    bob.run(&["keywords", "remove", "Préfecture"], "").ok();
    assert_eq!(bob.run(&["keywords"], "").ok().stdout.trim(), "");
}
