//! What happened in a room, against a real Synapse: a newcomer's arrival shown in words, and a
//! message deleted (redacted) from the command line, gone from the server and shown deleted to
//! the others; only a moderator may delete someone else's.

use crate::common::{Keyring, Synapse, User, person, unique};

fn tail_events(user: &User, room: &str) -> Vec<serde_json::Value> {
    let run = user.run(&["tail", room, "--json", "--limit", "50", "--events"], "");
    run.json_lines("tail --events JSON")
}

#[test]
fn a_newcomer_to_an_encrypted_room_is_shown_as_a_reader_from_then_on() {
    let synapse = Synapse::shared();
    let (alice, _) = person(synapse, "host");
    let (carol, carol_account) = person(synapse, "carol");
    let name = unique("Budget");
    let create = ["create-room", "--name", &name, "--invite", &carol_account.user_id];
    let room = alice.run(&create, "").ok().stdout.trim().to_owned();
    carol.run(&["join", &room], "").ok();

    let lines = tail_events(&alice, &room);
    let joined = lines
        .iter()
        .find(|l| {
            l["happening"]["kind"] == "member"
                && l["happening"]["change"] == "joined"
                && l["sender"] == carol_account.user_id.as_str()
        })
        .unwrap_or_else(|| panic!("carol's arrival is listed: {lines:#?}"));
    assert_eq!(joined["happening"]["encrypted_room"], true, "{joined}");
    let said = joined["happening_text"].as_str().unwrap_or_default();
    assert!(said.contains("joined") && said.contains("from here on"), "{said}");
    assert!(
        lines.iter().any(|l| l["happening"]["kind"] == "encryption_on"),
        "the start of encryption is a line too: {lines:#?}"
    );
    let invited = lines.iter().any(|l| l["happening"]["change"] == "invited");
    assert!(invited, "the invitation is a line: {lines:#?}");
    // Without --events, a script reading messages gets only messages, as before.
    let plain = crate::common::tail(&alice, &room);
    assert!(plain.iter().all(|l| l.get("happening").is_none()), "{plain:#?}");
}

#[test]
fn a_deleted_message_leaves_the_server_and_shows_deleted_to_the_others() {
    let synapse = Synapse::shared();
    let (alice, _) = person(synapse, "writer");
    let (bob, bob_account) = person(synapse, "reader");
    let name = unique("Team");
    let create = ["create-room", "--name", &name, "--invite", &bob_account.user_id];
    let room = alice.run(&create, "").ok().stdout.trim().to_owned();
    bob.run(&["join", &room], "").ok();
    let sent = alice.run(&["send", &room, "wrong-room-secret-5521"], "");
    let oops = sent.ok().stdout.trim().to_owned();
    let kept = alice.run(&["send", &room, "still here"], "").ok().stdout.trim().to_owned();
    let seen = crate::common::tail(&bob, &room);
    assert!(seen.iter().any(|l| l["event_id"] == oops.as_str()), "bob got it first: {seen:#?}");

    // Bob is an invited member, no moderator: another's message is not his to delete.
    let refused = bob.run(&["redact", &room, &kept], "");
    let words = crate::common::answer(&refused.failed().stderr).join("\n");
    assert!(words.contains("power level"), "{words}");

    alice.run(&["redact", &room, &oops, "--reason", "wrong room"], "").ok();
    let path = format!("/_matrix/client/v3/rooms/{room}/event/{oops}");
    let token = alice.access_token(Keyring::shared());
    let (status, body) = synapse.call("GET", &path, Some(&token), "");
    assert_eq!(status, 200, "{body}");
    let event: serde_json::Value = serde_json::from_str(&body).expect("event JSON");
    let content = event["content"].as_object().map(|c| c.len());
    assert_eq!(content, Some(0), "the server no longer serves its content: {event}");
    assert_eq!(event["unsigned"]["redacted_because"]["content"]["reason"], "wrong room");

    let seen = crate::common::tail(&bob, &room);
    let gone = seen.iter().find(|l| l["event_id"] == oops.as_str());
    let gone = gone.unwrap_or_else(|| panic!("its place stays: {seen:#?}"));
    assert_eq!(gone["happening"]["kind"], "deleted", "{gone}");
    assert_eq!(gone["body"], serde_json::Value::Null, "{gone}");
    assert_eq!(gone["happening"]["reason"], "wrong room", "{gone}");
    assert!(!gone.to_string().contains("5521"), "{gone}");
    let still = seen.iter().find(|l| l["event_id"] == kept.as_str()).expect("the other stays");
    assert_eq!(still["body"], "still here");
}
