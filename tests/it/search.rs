//! Local search, against a real Synapse and a real Secret Service: encrypted messages found
//! (accents folded) where the server's own search finds nothing, messages sent while the app
//! was closed, edits, redactions, nothing in clear on disk, the wipe, the policy's "off", and
//! the server's search, merged, or alone when no index is allowed.

use std::time::Duration;

use futures_util::StreamExt as _;

use estafette::matrix::Sent;
use estafette::model::mention::Outgoing;

use crate::common::{Keyring, Synapse, User, files_containing, files_under, person, unique};

/// The event ids `search --json` printed.
fn found(user: &User, args: &[&str]) -> Vec<String> {
    let mut command = vec!["search", "--json"];
    command.extend_from_slice(args);
    let run = user.run(&command, "");
    let mut ids: Vec<String> = run
        .json_lines("search JSON")
        .iter()
        .map(|hit| hit["event_id"].as_str().expect("event id").to_owned())
        .collect();
    ids.sort();
    ids
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

/// What Synapse's own search finds for `term` in the rooms of the account of `token`.
fn server_search(synapse: &Synapse, token: &str, term: &str) -> usize {
    let body = format!(r#"{{"search_categories":{{"room_events":{{"search_term":"{term}"}}}}}}"#);
    let (status, answer) = synapse.call("POST", "/_matrix/client/v3/search", Some(token), &body);
    assert_eq!(status, 200, "{answer}");
    let value: serde_json::Value = serde_json::from_str(&answer).expect("search JSON");
    value["search_categories"]["room_events"]["results"].as_array().map_or(0, Vec::len)
}

/// A filler sentence that has none of the words searched for.
fn filler(n: usize) -> String {
    const WORDS: [&str; 12] = [
        "dossier",
        "budget",
        "comité",
        "jeudi",
        "préfecture",
        "rapport",
        "agents",
        "version",
        "ministère",
        "valider",
        "document",
        "équipe",
    ];
    let pick = |k: usize| WORDS[(n * 7 + k * 5) % WORDS.len()];
    format!("Message {n}: {} {} {} {}", pick(1), pick(2), pick(3), pick(4))
}

#[tokio::test(flavor = "multi_thread")]
async fn encrypted_messages_are_found_locally_and_kept_sealed() {
    let synapse = Synapse::shared();
    let (alice, _) = person(synapse, "indexed-writer");
    let (bob, bob_account) = person(synapse, "indexed-reader");
    let name = unique("Archives");
    let created =
        alice.run(&["create-room", "--name", &name, "--invite", &bob_account.user_id], "");
    let room = created.ok().stdout.trim().to_owned();
    bob.run(&["join", &room], "").ok();

    // 500 encrypted messages; three have the word, written with and without its accent.
    let special = [
        (100, "La sémaphore du port est réparée"),
        (250, "Semaphore en panne"),
        (400, "SÉMAPHORE: rapport demain"),
    ];
    let mut ids = Vec::new();
    {
        let (handle, _events) = alice.core("default").await;
        handle.synced(Duration::from_secs(60)).await.expect("synced");
        for n in 0..500 {
            let text = special
                .iter()
                .find(|(at, _)| *at == n)
                .map_or_else(|| filler(n), |(_, t)| (*t).to_owned());
            let sent = handle
                .send_text(&room, &Outgoing::plain(text), false, Duration::from_secs(30))
                .await;
            match sent.expect("sent") {
                Sent::Delivered(id) => ids.push(id),
                Sent::Queued => panic!("message {n} stayed queued"),
            }
        }
        handle.shutdown().await.expect("shut down");
    }
    let three = sorted(special.iter().map(|(n, _)| ids[*n].clone()).collect());

    // The server cannot read them; the local index can, accents and case folded.
    let token = bob.access_token(Keyring::shared());
    assert_eq!(server_search(synapse, &token, "sémaphore"), 0);
    assert_eq!(found(&bob, &["sémaphore"]), three);
    assert_eq!(found(&bob, &["semaphore", "--room", &room]), three);
    assert_eq!(found(&bob, &["Sémaphore", "port"]), [ids[100].clone()]);

    // A result opens in its place, as a click on it does in the window: the messages around
    // it, decrypted, in their order, the event-focused timeline asking the server for them.
    let around = bob.run(&["tail", &room, "--around", &ids[250], "--json"], "");
    let around = around.json_lines("tail JSON");
    let shown: Vec<&str> = around.iter().map(|m| m["event_id"].as_str().unwrap_or("")).collect();
    let at = shown.iter().position(|id| *id == ids[250]).expect("the result among them");
    assert!(at > 0 && at + 1 < shown.len(), "messages before and after it: {shown:?}");
    assert_eq!((shown[at - 1], shown[at + 1]), (ids[249].as_str(), ids[251].as_str()));
    assert_eq!(around[at]["body"], "Semaphore en panne");
    assert_eq!(around[at - 1]["body"].as_str(), Some(filler(249).as_str()), "decrypted too");
    // The window's steps, through the core: back and forward from there, as far as asked.
    {
        let (handle, _events) = bob.core("default").await;
        let first = handle.messages_around(&room, &ids[250]).await.expect("around").len();
        let start = handle.step_around(&room, &ids[250], false).await.expect("a step back");
        let back = handle.messages_around(&room, &ids[250]).await.expect("around");
        assert!(!start && back.len() > first, "{first} then {} messages", back.len());
        assert!(back.iter().any(|m| m.event_id.as_deref() == Some(ids[230].as_str())));
        handle.step_around(&room, &ids[250], true).await.expect("a step forward");
        let forward = handle.messages_around(&room, &ids[250]).await.expect("around");
        assert!(forward.iter().any(|m| m.event_id.as_deref() == Some(ids[270].as_str())));
        // Around the room's first message, stepping back reaches the room's creation, and
        // the window is told there is nothing earlier (it hides "Earlier").
        let mut first = Box::pin(handle.watch_around(&room, &ids[0]));
        let mut reached = false;
        for _ in 0..10 {
            if handle.step_around(&room, &ids[0], false).await.expect("a step back") {
                reached = true;
                break;
            }
        }
        assert!(reached, "the server never says the start is reached");
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        loop {
            let shown = tokio::time::timeout(Duration::from_secs(30), first.next()).await;
            let shown = shown.expect("the messages around it").expect("a list").expect("read");
            if shown.at_start {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "the start is never said");
        }
        handle.shutdown().await.expect("shut down");
    }
    let unknown = bob.run(&["tail", &room, "--around", "$nothing-of-the-sort"], "");
    assert_ne!(unknown.code, 0);
    assert!(unknown.stderr.contains("$nothing-of-the-sort"), "{}", unknown.stderr);
    let index = bob.profile_dir("default").join("data/search");
    assert!(!files_under(&index).is_empty(), "the index is on disk");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&index).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "only the user may enter the index's folder");
        for file in files_under(&index) {
            let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", file.display());
        }
    }

    // Sent while Bob's Estafette was not running: found at its next start.
    let later = alice.run(&["send", &room, "Le colibri est arrivé à la préfecture"], "");
    let later_id = later.ok().stdout.trim().to_owned();
    assert_eq!(found(&bob, &["colibri"]), [later_id]);

    // An edit is found by its new text only; a redacted message is not found at all.
    alice.run(&["send", &room, "--edit", &ids[100], "Le pangolin du port"], "").ok();
    alice.run(&["redact", &room, &ids[250]], "").ok();
    assert_eq!(found(&bob, &["pangolin"]), [ids[100].clone()]);
    assert_eq!(found(&bob, &["semaphore"]), [ids[400].clone()]);

    // None of it is in clear anywhere in Bob's profile, the index included.
    for word in [
        "sémaphore du port",
        "Semaphore en panne",
        "SÉMAPHORE: rapport",
        "Le colibri est",
        "Le pangolin du port",
        "semaphor",
    ] {
        let leaks = files_containing(bob.data_dir(), word.as_bytes());
        assert!(leaks.is_empty(), "{word} in clear in {leaks:?}");
    }

    // The wipe takes the index and its key.
    let keychain_id = bob.keychain_id("default");
    let key_entry = format!("{keychain_id}/search-key");
    assert!(Keyring::shared().lookup(&key_entry).is_some(), "the index's key is in the keychain");
    bob.run(&["logout", "--wipe"], "").ok();
    assert!(!index.exists(), "the index outlived the wipe");
    assert_eq!(Keyring::shared().lookup(&key_entry), None, "its key outlived the wipe");
}

#[test]
fn with_local_search_off_no_index_is_kept() {
    let synapse = Synapse::shared();
    let (mut user, _) = person(synapse, "unindexed");
    let room =
        user.run(&["create-room", "--name", &unique("Notes")], "").ok().stdout.trim().to_owned();
    user.run(&["send", &room, "Le budget de la direction"], "").ok();
    // First allowed: an index is made.
    assert_eq!(found(&user, &["budget"]).len(), 1);
    let index = user.profile_dir("default").join("data/search");
    let key_entry = format!("{}/search-key", user.keychain_id("default"));
    assert!(index.exists() && Keyring::shared().lookup(&key_entry).is_some());

    // Then the organisation forbids it: the next start removes the index and its key. The
    // server's search is still asked for the rooms in clear, never for this encrypted one.
    user.set_policy("local_search = \"off\"\n");
    user.run(&["rooms"], "").ok();
    assert!(!index.exists(), "an index the policy forbids is still on disk");
    assert_eq!(Keyring::shared().lookup(&key_entry), None);
    let everywhere = user.run(&["search", "budget"], "");
    let everywhere = everywhere.ok();
    assert!(
        everywhere.stdout.trim().is_empty(),
        "found in an encrypted room: {}",
        everywhere.stdout
    );
    assert!(everywhere.stderr.contains("local_search"), "{}", everywhere.stderr);
    let refused = user.run(&["search", "budget", "--room", &room], "");
    assert!(refused.failed().stderr.contains("is encrypted"), "{}", refused.stderr);
    assert!(!index.exists());

    // With the server's search off too, there is no search at all.
    user.set_policy("local_search = \"off\"\nserver_search = \"off\"\n");
    let refused = user.run(&["search", "budget"], "");
    assert!(refused.failed().stderr.contains("server_search"), "{}", refused.stderr);
    assert!(!index.exists());
}

#[tokio::test(flavor = "multi_thread")]
async fn while_the_app_runs_a_new_message_becomes_findable_by_itself() {
    let synapse = Synapse::shared();
    let (alice, _) = person(synapse, "live-writer");
    let (bob, bob_account) = person(synapse, "live-reader");
    let created = alice
        .run(&["create-room", "--name", &unique("Veille"), "--invite", &bob_account.user_id], "");
    let room = created.ok().stdout.trim().to_owned();
    bob.run(&["join", &room], "").ok();

    // Bob's core runs with someone listening, as the window does; nobody asks it to index.
    let (handle, events) = bob.core("default").await;
    handle.synced(Duration::from_secs(60)).await.expect("synced");
    let sent = alice.run(&["send", &room, "Le hérisson traverse la cour"], "");
    let id = sent.ok().stdout.trim().to_owned();
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        let hits = handle.search("herisson", None, 10).await.expect("search");
        if hits.iter().any(|hit| hit.event_id == id) {
            assert_eq!(hits[0].body, "Le hérisson traverse la cour");
            assert_eq!(hits[0].marks.len(), 1, "the word is marked");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the new message was never indexed");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    drop(events);
    handle.shutdown().await.expect("shut down");
}

/// Sends `content` to `room` as the account of `token`, by the server's API; returns its id.
pub(crate) fn raw_send(
    synapse: &Synapse,
    token: &str,
    room: &str,
    content: &serde_json::Value,
) -> String {
    let path = format!("/_matrix/client/v3/rooms/{room}/send/m.room.message/{}", unique("t"));
    let (status, answer) = synapse.call("PUT", &path, Some(token), &content.to_string());
    assert_eq!(status, 200, "{answer}");
    let value: serde_json::Value = serde_json::from_str(&answer).expect("send JSON");
    value["event_id"].as_str().expect("event id").to_owned()
}

/// In a room that is not encrypted the server's search is asked too, and what both find is
/// listed once; the server's older text of an edited message is not (the index knows the
/// message, with its new text). `server_search = "off"` stops asking it.
#[test]
fn the_servers_search_is_merged_once_for_a_room_that_is_not_encrypted() {
    let synapse = Synapse::shared();
    let (mut me, my_account) = person(synapse, "merged");
    let (_, token) = synapse.register_with_token("veilleur");
    let body = serde_json::json!({
        "name": unique("Veille publique"), "preset": "private_chat",
        "invite": [my_account.user_id],
    });
    let room = synapse.create_room(&token, &body);
    me.run(&["join", &room], "").ok();

    let text = |body: &str| serde_json::json!({"msgtype": "m.text", "body": body});
    let mut lit: Vec<String> = ["La lanterne du port", "Lanterne éteinte", "une lanterne neuve"]
        .iter()
        .map(|body| raw_send(synapse, &token, &room, &text(body)))
        .collect();
    raw_send(synapse, &token, &room, &text("Rien à signaler"));
    let edited = raw_send(synapse, &token, &room, &text("La lanterne rouge"));
    let edit = serde_json::json!({
        "msgtype": "m.text", "body": "* Le phare vert",
        "m.new_content": {"msgtype": "m.text", "body": "Le phare vert"},
        "m.relates_to": {"rel_type": "m.replace", "event_id": edited},
    });
    raw_send(synapse, &token, &room, &edit);
    // The server itself still finds the edited message by its first text.
    assert_eq!(server_search(synapse, &token, "lanterne"), 4);

    lit.sort();
    assert_eq!(found(&me, &["lanterne", "--room", &room]), lit);
    assert_eq!(
        found(&me, &["phare"]),
        std::slice::from_ref(&edited),
        "the edit, once, by its new text"
    );
    let asked = |me: &User| me.log("default").matches("the server's search answered").count();
    assert_eq!(asked(&me), 2, "the server was asked for the room that is not encrypted");
    assert!(!me.log("default").contains("lanterne"), "the words searched are not logged");

    me.set_policy("server_search = \"off\"\n");
    assert_eq!(found(&me, &["lanterne"]), lit, "the index alone still finds them");
    assert_eq!(asked(&me), 2, "the server is not asked when the policy says no");

    // With no index allowed, the server alone answers: the edited message by its new text
    // too (its edit stands for it), but also by its first one, which only the index forgets.
    me.set_policy("local_search = \"off\"\n");
    assert_eq!(
        found(&me, &["phare"]),
        std::slice::from_ref(&edited),
        "the edit, as the message it edits"
    );
    let mut all = [lit.clone(), vec![edited]].concat();
    all.sort();
    assert_eq!(found(&me, &["lanterne", "--room", &room]), all);
    assert_eq!(asked(&me), 4, "the server answered both");
    assert!(!me.profile_dir("default").join("data/search").exists(), "no index was made");
}
