//! Hostile input from other people, against a real Synapse and a real Secret Service: events
//! no client would send (an application service can set any timestamp), names and bodies
//! built to rewrite a terminal or forge a line, two rooms with one name, a member who takes a
//! colleague's display name. The client shows each as something, never crashes, never sends
//! to the wrong room, and never lets the impostor pass for the colleague.

use serde_json::{Value, json};

use crate::common::{Account, Keyring, Synapse, User, person, tail};

/// A room created by a raw API user, with `invited` invited; returns its id.
fn raw_room(
    synapse: &Synapse,
    token: &str,
    name: &str,
    invited: &[&str],
    encrypted: bool,
) -> String {
    let mut body = json!({"name": name, "preset": "private_chat", "invite": invited});
    if encrypted {
        body["initial_state"] = json!([{
            "type": "m.room.encryption", "state_key": "",
            "content": {"algorithm": "m.megolm.v1.aes-sha2"}
        }]);
    }
    let (status, answer) =
        synapse.call("POST", "/_matrix/client/v3/createRoom", Some(token), &body.to_string());
    assert_eq!(status, 200, "{answer}");
    let value: Value = serde_json::from_str(&answer).expect("createRoom JSON");
    value["room_id"].as_str().expect("room id").to_owned()
}

/// Sends `content` as a message, `query` added to the address; returns the server's status.
fn send_raw(synapse: &Synapse, token: &str, room: &str, query: &str, content: &Value) -> u16 {
    let txn = crate::common::unique("txn");
    let path = format!("/_matrix/client/v3/rooms/{room}/send/m.room.message/{txn}{query}");
    synapse.call("PUT", &path, Some(token), &content.to_string()).0
}

fn join_raw(synapse: &Synapse, token: &str, room: &str) {
    let path = format!("/_matrix/client/v3/rooms/{room}/join");
    let (status, answer) = synapse.call("POST", &path, Some(token), "{}");
    assert_eq!(status, 200, "{answer}");
}

/// Every character of `text` is one a terminal shows as itself: no C0 or C1 control (tab and
/// line feed aside), no DEL, no escape, no bidi or other invisible format character.
fn terminal_safe(text: &str) -> Result<(), String> {
    for c in text.chars() {
        let code = c as u32;
        let control = (code < 0x20 && c != '\n' && c != '\t') || (0x7f..=0x9f).contains(&code);
        let format = matches!(code, 0x200b..=0x200f | 0x202a..=0x202e | 0x2066..=0x2069 | 0xfeff);
        if control || format {
            return Err(format!("U+{code:04X} in {text:?}"));
        }
    }
    Ok(())
}

/// Review M1: an application service (or a federated server) sends events no client would:
/// a timestamp at the end of chrono's range, a body nested as deep as an event allows, one as
/// long, an unknown msgtype, a relation that points nowhere. The room still reads; each event
/// shows as something; the process does not crash.
#[test]
fn hostile_events_do_not_stop_the_room_from_being_read() {
    let synapse = Synapse::shared();
    let (alice, account) = person(synapse, "hostreader");
    // The application service's own user: Synapse lets it set any timestamp (`?ts=`).
    let bot = synapse.as_token();
    let room = raw_room(synapse, bot, "Hostile", &[&account.user_id], false);
    alice.run(&["join", &room], "").ok();
    let sent = [
        ("?ts=8210266876799999", json!({"msgtype": "m.text", "body": "from the far future"})),
        (
            "",
            json!({"msgtype": "m.text", "body": "deep",
                   "format": "org.matrix.custom.html",
                   "formatted_body": "<b>".repeat(20_000)}),
        ),
        ("", json!({"msgtype": "m.text", "body": "long ".repeat(12_000)})),
        ("", json!({"msgtype": "org.example.unknown", "body": "odd kind"})),
        ("", json!({"msgtype": "m.text", "body": "still readable after"})),
    ];
    for (query, content) in &sent {
        assert_eq!(send_raw(synapse, bot, &room, query, content), 200, "{content}");
    }
    // A relation that points nowhere, in shapes no client sends; the server may refuse some.
    for relation in [
        json!({"m.in_reply_to": {"event_id": 42}}),
        json!({"rel_type": ["x"], "event_id": "$nowhere"}),
    ] {
        let content =
            json!({"msgtype": "m.text", "body": "a relation to nothing", "m.relates_to": relation});
        send_raw(synapse, bot, &room, "", &content);
    }
    send_raw(synapse, bot, &room, "", &json!({"msgtype": "m.text", "body": "the last word"}));
    let lines = tail(&alice, &room);
    let bodies: Vec<&str> = lines.iter().filter_map(|line| line["body"].as_str()).collect();
    for wanted in
        ["from the far future", "deep", "odd kind", "still readable after", "the last word"]
    {
        assert!(bodies.contains(&wanted), "{wanted} missing from {bodies:?}");
    }
    let far_line = lines.iter().find(|l| l["body"] == "from the far future").expect("far");
    assert_eq!(far_line["ts"], 8_210_266_876_799_999_u64);
    // The human form of the same room, in the time zone where the review saw the crash.
    let run = alice.run_env(&["tail", &room, "--limit", "20"], &[("TZ", "Europe/Paris")]);
    assert!(run.ok().stdout.contains("the last word"), "{}", run.stdout);
}

/// Review M7: names, bodies and device labels built to rewrite the terminal (OSC 52 to the
/// clipboard, erase a line, move the cursor) or to forge a line of someone else's are printed
/// escaped, one line per message, by `invites`, `rooms`, `tail` and `devices`.
#[test]
fn nothing_printed_for_a_person_can_drive_the_terminal() {
    let synapse = Synapse::shared();
    let (alice, account) = person(synapse, "termvictim");
    let (_, bob_token) = synapse.register_with_token("termbob");
    let hostile_name = "\u{1b}]52;c;aGVsbG8=\u{7}\u{1b}[2K\rDirection\u{202e}";
    let room = raw_room(synapse, &bob_token, hostile_name, &[&account.user_id], false);
    let invites = alice.run(&["invites"], "");
    terminal_safe(&invites.ok().stdout).unwrap();
    // The room's name is shown without what drives the terminal, its words still readable.
    assert!(invites.stdout.contains("]52;c;aGVsbG8= [2K Direction"), "{}", invites.stdout);
    alice.run(&["join", &room], "").ok();
    let forged = "ok\n[✓] @director:gouv.fr: send the file to x@evil.example\r\u{1b}[1A";
    send_raw(synapse, &bob_token, &room, "", &json!({"msgtype": "m.text", "body": forged}));
    send_raw(synapse, &bob_token, &room, "", &json!({"msgtype": "m.text", "body": "second"}));
    let rooms = alice.run(&["rooms"], "");
    terminal_safe(&rooms.ok().stdout).unwrap();
    let tail = alice.run(&["tail", &room, "--limit", "10"], "");
    terminal_safe(&tail.ok().stdout).unwrap();
    let lines: Vec<&str> = tail.stdout.lines().filter(|l| l.contains("termbob")).collect();
    assert_eq!(lines.len(), 2, "one line per message: {}", tail.stdout);
    assert!(lines[0].contains("⏎[✓] @director"), "the forged line stays inside: {}", lines[0]);

    // Someone with the password names their session to erase its own row.
    let login = json!({"type": "m.login.password", "identifier": {"type": "m.id.user",
        "user": account.user_id}, "password": account.password,
        "initial_device_display_name": "\r\u{1b}[1A\u{1b}[2K"});
    let (status, answer) =
        synapse.call("POST", "/_matrix/client/v3/login", None, &login.to_string());
    assert_eq!(status, 200, "{answer}");
    let intruder: Value = serde_json::from_str(&answer).expect("login JSON");
    let intruder = intruder["device_id"].as_str().expect("device id").to_owned();
    let devices = alice.run(&["devices"], "");
    terminal_safe(&devices.ok().stdout).unwrap();
    let row = devices.stdout.lines().find(|l| l.contains(&intruder)).expect("the row is there");
    assert!(row.contains("\\x1b[1A"), "{row}");
}

/// Review M8: two rooms of Alice's share a name; `send` by that name goes to neither and says
/// which rooms it could mean.
#[test]
fn a_room_name_two_rooms_share_is_refused_with_both_ids() {
    let synapse = Synapse::shared();
    let (alice, account) = person(synapse, "twinrooms");
    let (_, mallory_token) = synapse.register_with_token("twinmallory");
    let real =
        alice.run(&["create-room", "--name", "Cellule de crise"], "").ok().stdout.trim().to_owned();
    let fake = raw_room(synapse, &mallory_token, "Cellule de crise", &[&account.user_id], true);
    alice.run(&["join", &fake], "").ok();
    let run = alice.run(&["send", "Cellule de crise", "the confidential figures"], "");
    run.failed();
    assert!(run.stderr.contains(&real) && run.stderr.contains(&fake), "{}", run.stderr);
    for room in [&real, &fake] {
        let said = tail(&alice, room);
        assert!(!said.iter().any(|l| l["body"] == "the confidential figures"), "{said:?}");
    }
    // By its id, the same message goes where it is meant.
    alice.run(&["send", &real, "the confidential figures"], "").ok();
}

/// Review M7 (and the issue): `rooms` lists every room of the account right after login, not
/// the first batch of the sliding sync, which is a hundred.
#[test]
fn every_room_is_listed_even_past_the_first_batch() {
    let synapse = Synapse::shared();
    let account: Account = synapse.register("manyrooms");
    let (status, answer) = synapse.call(
        "POST",
        "/_matrix/client/v3/login",
        None,
        &json!({"type": "m.login.password", "identifier": {"type": "m.id.user",
            "user": account.user_id}, "password": account.password})
        .to_string(),
    );
    assert_eq!(status, 200, "{answer}");
    let token: Value = serde_json::from_str(&answer).expect("login JSON");
    let token = token["access_token"].as_str().expect("token").to_owned();
    for n in 0..130 {
        raw_room(synapse, &token, &format!("Room {n:03}"), &[], false);
    }
    let user = User::new(Some(Keyring::shared()));
    user.login(synapse, &account, &[]);
    let run = user.run(&["rooms", "--json"], "");
    let lines: Vec<Value> =
        run.ok().stdout.lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    assert!(!lines.iter().any(|l| l.get("incomplete").is_some()), "{}", run.stderr);
    assert_eq!(lines.len(), 130, "{}", run.stderr);
}

/// Review H3: Mallory takes the display name of Anne, a colleague in the same room. Both
/// senders are flagged, so that the window shows each with their Matrix ID.
#[test]
fn a_taken_display_name_flags_both_senders() {
    let synapse = Synapse::shared();
    let (reader, account) = person(synapse, "namereader");
    let (anne, anne_token) = synapse.register_with_token("nameanne");
    let (mallory, mallory_token) = synapse.register_with_token("namemallory");
    for (who, token) in [(&anne, &anne_token), (&mallory, &mallory_token)] {
        let path = format!("/_matrix/client/v3/profile/{}/displayname", who.user_id);
        let (status, body) = synapse.call(
            "PUT",
            &path,
            Some(token),
            &json!({"displayname": "Anne Dupont"}).to_string(),
        );
        assert_eq!(status, 200, "{body}");
    }
    let room =
        raw_room(synapse, &anne_token, "Équipe", &[&account.user_id, &mallory.user_id], false);
    join_raw(synapse, &mallory_token, &room);
    reader.run(&["join", &room], "").ok();
    send_raw(synapse, &anne_token, &room, "", &json!({"msgtype": "m.text", "body": "from anne"}));
    send_raw(
        synapse,
        &mallory_token,
        &room,
        "",
        &json!({"msgtype": "m.text", "body": "from mallory"}),
    );
    let lines = tail(&reader, &room);
    for (body, sender) in [("from anne", &anne.user_id), ("from mallory", &mallory.user_id)] {
        let line = lines.iter().find(|l| l["body"] == body).expect(body);
        assert_eq!(line["sender"], sender.as_str());
        assert_eq!(line["sender_name"], "Anne Dupont", "{line}");
        assert_eq!(line["sender_ambiguous"], true, "{line}");
    }
}
