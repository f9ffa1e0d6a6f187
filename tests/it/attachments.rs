//! Files in rooms against a real Synapse and a real Secret Service: sent encrypted (the server's
//! media store holds only ciphertext), received as an attachment, downloaded byte for byte,
//! the upload's progress reported through the core's API, the unencrypted-room guard, and
//! clear errors for a file that is missing, a folder or too large.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::common::{
    Keyring, Synapse, answer, files_containing, files_under, person, server_events, tail,
};
use estafette::matrix::{Sent, TransferStep};
use estafette::model::attachment::size_text;

fn media_store(synapse: &Synapse) -> PathBuf {
    synapse.dir.join("media_store")
}

/// A file of about `size` bytes whose every line carries `marker`, so any stretch of it found
/// elsewhere is recognised.
fn distinctive(dir: &Path, name: &str, marker: &str, size: usize) -> (PathBuf, Vec<u8>) {
    let mut bytes = Vec::with_capacity(size + 100);
    let mut line = 0;
    while bytes.len() < size {
        bytes.extend_from_slice(format!("{marker} line {line}: budget figures\n").as_bytes());
        line += 1;
    }
    let path = dir.join(name);
    std::fs::write(&path, &bytes).expect("write the file to send");
    (path, bytes)
}

#[test]
fn an_encrypted_file_arrives_whole_and_the_server_keeps_only_ciphertext() {
    let synapse = Synapse::shared();
    let (alice, _) = person(synapse, "sender");
    let (bob, bob_account) = person(synapse, "reader");
    let room = alice.run(&["dm", &bob_account.user_id], "").ok().stdout.trim().to_owned();
    bob.run(&["join", &room], "").ok();

    let files = tempfile::tempdir().expect("temp dir");
    let marker = "obsidian-harbor-5521";
    let name = format!("{}.pdf", crate::common::unique("report"));
    let (path, sent_bytes) = distinctive(files.path(), &name, marker, 300_000);
    let path_text = path.display().to_string();
    let sent = alice.run(&["--log-level", "trace", "send", &room, "--file", &path_text], "");
    let event_id = sent.ok().stdout.trim().to_owned();
    assert!(event_id.starts_with('$'), "{}", sent.stdout);
    // Not a terminal: a line per tenth, ending at 100%.
    let size = size_text(sent_bytes.len() as u64);
    assert_eq!(size, "300 kB");
    let done = format!("Sending {name}: 100% ({size} of {size})");
    assert!(sent.stderr.contains(&done), "{}", sent.stderr);
    // The file's name is part of the message: the logs never hold it, even at trace.
    assert!(!alice.log("default").contains(&name), "the file name reached the log");

    let lines = tail(&bob, &room);
    let got: Vec<_> = lines.iter().filter(|l| l["event_id"] == event_id.as_str()).collect();
    assert_eq!(got.len(), 1, "{lines:?}");
    let file = &got[0]["attachment"];
    assert_eq!(file["name"], name.as_str(), "{file}");
    assert_eq!(file["size"].as_u64(), Some(sent_bytes.len() as u64), "{file}");
    assert_eq!(
        (file["kind"].as_str(), file["mime"].as_str()),
        (Some("file"), Some("application/pdf"))
    );
    assert_eq!(got[0]["encrypted"], true);
    let plain = bob.run(&["tail", &room], "");
    assert!(plain.ok().stdout.contains(&format!("📎 {name} ({size})")), "{}", plain.stdout);

    let saved = files.path().join("downloaded.pdf");
    let saved_text = saved.display().to_string();
    let download = bob.run(&["download", &room, &event_id, "--out", &saved_text], "");
    assert_eq!(download.ok().stdout.trim(), saved_text);
    assert!(std::fs::read(&saved).expect("the saved file") == sent_bytes, "not the same bytes");

    // The server holds the file, and only as ciphertext: same size (AES-CTR), no plaintext.
    let stored: Vec<_> = files_under(&media_store(synapse))
        .into_iter()
        .filter(|f| f.metadata().is_ok_and(|m| m.len() == sent_bytes.len() as u64))
        .collect();
    assert!(!stored.is_empty(), "the upload is not in {}", media_store(synapse).display());
    assert!(
        files_containing(&synapse.dir, marker.as_bytes()).is_empty(),
        "plaintext on the server"
    );
    let token = alice.access_token(Keyring::shared());
    for event in server_events(synapse, &token, &room) {
        assert_ne!(event["type"], "m.room.message", "sent in clear: {event}");
        assert!(!event.to_string().contains(&name), "the file name in clear: {event}");
    }
    // Nor on the clients' disks outside the encrypted stores (media cache included).
    for user in [&alice, &bob] {
        let found = files_containing(user.data.path(), marker.as_bytes());
        assert!(found.is_empty(), "plaintext in {found:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_core_reports_upload_progress_up_to_the_total() {
    let synapse = Synapse::shared();
    let (alice, _) = person(synapse, "uploader");
    let room = alice.run(&["create-room", "--name", "Drafts"], "").ok().stdout.trim().to_owned();
    let (handle, _events) = alice.core("default").await;
    handle.synced(Duration::from_secs(60)).await.expect("synced");

    let files = tempfile::tempdir().expect("temp dir");
    // Large enough that even over loopback the upload is seen midway, not only at its ends.
    let (path, bytes) = distinctive(files.path(), "minutes.txt", "cobalt-meadow-8830", 16_000_000);
    let mut transfer = handle.send_file(&room, &path, false).await.expect("queued");
    assert_eq!((transfer.name(), transfer.size()), ("minutes.txt", bytes.len() as u64));
    let mut steps = Vec::new();
    let end = loop {
        let step = tokio::time::timeout(Duration::from_secs(60), transfer.next()).await;
        match step.expect("news of the upload").expect("a last step").expect("no error") {
            TransferStep::Progress(progress) => steps.push(progress),
            TransferStep::Finished(end) => break end,
        }
    };
    assert!(transfer.next().await.is_none(), "nothing after the end");
    let Sent::Delivered(event_id) = end else { panic!("not delivered: {end:?}") };
    let total = bytes.len() as u64;
    assert!(steps.iter().all(|p| p.total == total), "{steps:?}");
    assert!(steps.windows(2).all(|w| w[0].sent < w[1].sent), "moves forward: {steps:?}");
    assert!(steps.iter().any(|p| p.sent > 0 && p.sent < total), "a step midway: {steps:?}");
    assert_eq!(steps.last().map(|p| p.sent), Some(total), "{steps:?}");

    // The timeline shows it as an attachment, and the core gives the bytes back.
    let messages = handle
        .messages(&room, 5, Duration::from_secs(5), estafette::matrix::Rows::Messages)
        .await
        .expect("messages");
    let message = messages.iter().find(|m| m.event_id.as_deref() == Some(event_id.as_str()));
    let file = message.and_then(|m| m.attachment.clone()).expect("an attachment");
    assert_eq!((file.name.as_str(), file.size), ("minutes.txt", Some(total)));
    assert_eq!(file.upload, None, "sent: no upload in progress");
    let saved = files.path().join("back.txt");
    let described = handle.download(&room, &event_id, &saved).await.expect("downloaded");
    assert_eq!(described.name, "minutes.txt");
    assert!(std::fs::read(&saved).expect("saved") == bytes, "not the same bytes");
    handle.shutdown().await.expect("shut down");
}

#[test]
fn a_file_into_an_unencrypted_room_needs_the_same_consent_as_a_message() {
    let synapse = Synapse::shared();
    let (alice, _) = person(synapse, "clear");
    let (_, owner_token) = synapse.register_with_token("owner");
    let body = r#"{"preset":"public_chat","name":"Open Desk","visibility":"public"}"#;
    let (status, created) =
        synapse.call("POST", "/_matrix/client/v3/createRoom", Some(&owner_token), body);
    assert_eq!(status, 200, "{created}");
    let created: serde_json::Value = serde_json::from_str(&created).expect("JSON");
    let room = created["room_id"].as_str().expect("room id").to_owned();
    alice.run(&["join", &room], "").ok();

    let files = tempfile::tempdir().expect("temp dir");
    let marker = "amber-lantern-4417";
    let (path, bytes) = distinctive(files.path(), "agenda.txt", marker, 20_000);
    let path_text = path.display().to_string();
    let text = alice.run(&["send", &room, "some words"], "");
    let file = alice.run(&["send", &room, "--file", &path_text], "");
    let refusal = answer(&file.failed().stderr);
    assert_eq!(refusal, answer(&text.failed().stderr), "the same refusal as a message");
    assert_eq!(refusal.len(), 1, "{}", file.stderr);
    assert!(refusal[0].contains("public room without encryption"), "{}", file.stderr);
    assert!(files_containing(&media_store(synapse), marker.as_bytes()).is_empty(), "uploaded");
    let events = server_events(synapse, &owner_token, &room);
    assert!(!events.iter().any(|e| e["type"] == "m.room.message"), "{events:?}");

    let sent = alice.run(&["send", &room, "--file", &path_text, "--allow-unencrypted"], "");
    let event_id = sent.ok().stdout.trim().to_owned();
    let events = server_events(synapse, &owner_token, &room);
    let event = events.iter().find(|e| e["event_id"] == event_id.as_str()).expect("the event");
    assert_eq!(event["content"]["msgtype"], "m.file", "{event}");
    assert_eq!(event["content"]["body"], "agenda.txt", "{event}");
    assert_eq!(event["content"]["info"]["size"].as_u64(), Some(bytes.len() as u64), "{event}");
    assert!(event["content"]["url"].as_str().is_some_and(|u| u.starts_with("mxc://")), "{event}");
    // In a room without encryption the server does hold the plaintext: what the consent is for.
    assert!(!files_containing(&media_store(synapse), marker.as_bytes()).is_empty());
}

#[test]
fn a_file_that_cannot_be_sent_gets_one_clear_error() {
    let synapse = Synapse::shared();
    let (alice, _) = person(synapse, "careless");
    let room = alice.run(&["create-room", "--name", "Files"], "").ok().stdout.trim().to_owned();
    let files = tempfile::tempdir().expect("temp dir");

    let missing = files.path().join("nowhere.pdf").display().to_string();
    let run = alice.run(&["send", &room, "--file", &missing], "");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr.trim(),
        format!("estafette: There is no file at {missing}: nothing was sent.")
    );

    let folder = files.path().display().to_string();
    let run = alice.run(&["send", &room, "--file", &folder], "");
    assert!(run.failed().stderr.contains("is a folder, not a file"), "{}", run.stderr);
    assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);

    // Above Synapse's 50 MB limit: refused before anything is read or uploaded.
    let big = files.path().join("huge.iso");
    std::fs::File::create(&big).and_then(|f| f.set_len(60_000_000)).expect("a sparse file");
    let run = alice.run(&["send", &room, "--file", &big.display().to_string()], "");
    let error = answer(&run.failed().stderr);
    assert_eq!(error.len(), 1, "{}", run.stderr);
    assert!(error[0].contains("huge.iso is too large to send (60 MB)"), "{}", run.stderr);
    assert!(error[0].contains("accepts files up to"), "{}", run.stderr);

    // A message without a file cannot be downloaded as one.
    let text = alice.run(&["send", &room, "just words"], "").ok().stdout.trim().to_owned();
    let out = files.path().join("out.bin").display().to_string();
    let run = alice.run(&["download", &room, &text, "--out", &out], "");
    assert!(run.failed().stderr.contains("carries no file"), "{}", run.stderr);
    assert!(!Path::new(&out).exists());
    let lines = tail(&alice, &room);
    assert!(lines.iter().all(|l| l["attachment"].is_null()), "nothing was sent: {lines:?}");
}
