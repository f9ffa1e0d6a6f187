//! Pictures in rooms against a real Synapse and a real Secret Service: one sent by Estafette
//! carries its size and an encrypted thumbnail; the other side gets the thumbnail for the
//! timeline and the whole picture for the viewer, decrypted; a small picture needs no
//! thumbnail; and neither the server nor the receiver's disk holds any of it in clear.

use std::time::Duration;

use crate::common::media::photo;
use crate::common::{Synapse, files_containing, person, tail, unique};
use estafette::matrix::PictureSize;

/// A stretch from the middle of `bytes`: long enough that finding it elsewhere is no chance.
fn sample(bytes: &[u8]) -> &[u8] {
    let middle = bytes.len() / 2;
    &bytes[middle..middle + 64]
}

#[tokio::test(flavor = "multi_thread")]
async fn a_picture_goes_out_with_its_size_and_an_encrypted_thumbnail_and_comes_back_whole() {
    let synapse = crate::common::Synapse::shared();
    let (alice, _) = person(synapse, "photographer");
    let (bob, bob_account) = person(synapse, "viewer");
    let name = unique("Photos");
    let create = ["create-room", "--name", &name, "--invite", &bob_account.user_id];
    let room = alice.run(&create, "").ok().stdout.trim().to_owned();
    bob.run(&["join", &room], "").ok();

    let files = tempfile::tempdir().expect("temp dir");
    let large = photo(files.path(), "site.jpg", 1600, 1200, 0x5a);
    let small = photo(files.path(), "badge.jpg", 320, 240, 0x33);
    let site = files.path().join("site.jpg").display().to_string();
    let badge = files.path().join("badge.jpg").display().to_string();
    let large_id = alice.run(&["send", &room, "--file", &site], "").ok().stdout.trim().to_owned();
    let small_id = alice.run(&["send", &room, "--file", &badge], "").ok().stdout.trim().to_owned();

    // What the receiver's timeline knows of each, decrypted.
    let lines = tail(&bob, &room);
    let of = |id: &str| lines.iter().find(|l| l["event_id"] == id).cloned();
    let sent = of(&large_id).unwrap_or_else(|| panic!("the photo is listed: {lines:#?}"));
    assert_eq!(sent["attachment"]["kind"], "image", "{sent}");
    assert_eq!(sent["attachment"]["dimensions"], serde_json::json!([1600, 1200]), "{sent}");
    assert_eq!(sent["attachment"]["thumbnail_encrypted"], true, "an encrypted thumbnail: {sent}");
    let badge_line = of(&small_id).expect("the badge is listed");
    assert!(badge_line["attachment"].get("thumbnail_encrypted").is_none(), "{badge_line}");

    // The receiver gets the thumbnail for the timeline and the picture for the viewer.
    let (handle, _events) = bob.core("default").await;
    handle.synced(Duration::from_secs(60)).await.expect("synced");
    let (thumb, is_thumb) =
        handle.picture(&room, &large_id, PictureSize::Thumbnail).await.expect("the thumbnail");
    assert!(is_thumb, "the sender's thumbnail, not the whole picture");
    let shown = estafette::model::picture::preview(&thumb, 2000, 2000).expect("a picture");
    assert_eq!((shown.width, shown.height), (800, 600));
    let (whole, is_thumb) =
        handle.picture(&room, &large_id, PictureSize::Full).await.expect("the picture");
    assert!(!is_thumb);
    assert!(whole == large, "the very bytes sent, decrypted");
    let (badge_bytes, is_thumb) =
        handle.picture(&room, &small_id, PictureSize::Thumbnail).await.expect("the badge");
    assert!(!is_thumb && badge_bytes == small, "a small picture is its own thumbnail");
    handle.shutdown().await.expect("shut down");

    // Nothing of either picture, nor of the thumbnail, in clear on the server or on disk.
    for (what, bytes) in [("photo", &large), ("badge", &small), ("thumbnail", &thumb)] {
        let needle = sample(bytes);
        let on_server = files_containing(&synapse.dir, needle);
        assert!(on_server.is_empty(), "the {what} in clear on the server: {on_server:?}");
        for user in [&alice, &bob] {
            let found = files_containing(user.data.path(), needle);
            assert!(found.is_empty(), "the {what} in clear on a client's disk: {found:?}");
        }
    }
}

/// A sticker (`m.sticker`, as Element's sticker picker sends it) is a picture in the timeline
/// like any other, not a line saying "shown in other apps": listed with its size, fetched and
/// saved as a picture is.
#[test]
fn a_sticker_is_listed_and_saved_as_the_picture_it_is() {
    let synapse = Synapse::shared();
    let (me, me_account) = person(synapse, "collector");
    let (sender_account, token) = synapse.register_with_token("stickers");
    let sender = crate::common::User::new(Some(crate::common::Keyring::shared()));
    sender.login(synapse, &sender_account, &[]);
    let invite = serde_json::json!([me_account.user_id]);
    let body = format!(r#"{{"preset":"private_chat","invite":{invite}}}"#);
    let (status, created) =
        synapse.call("POST", "/_matrix/client/v3/createRoom", Some(&token), &body);
    assert_eq!(status, 200, "{created}");
    let created: serde_json::Value = serde_json::from_str(&created).expect("createRoom JSON");
    let room = created["room_id"].as_str().expect("a room id").to_owned();
    me.run(&["join", &room], "").ok();

    // The sticker's picture, uploaded by sending it once as a file; its address is reused.
    let files = tempfile::tempdir().expect("temp dir");
    let bytes = photo(files.path(), "bravo.jpg", 320, 240, 0x77);
    let path = files.path().join("bravo.jpg").display().to_string();
    let send = ["send", &room, "--file", &path, "--allow-unencrypted"];
    let image = sender.run(&send, "").ok().stdout.trim().to_owned();
    let (status, event) = synapse.call(
        "GET",
        &format!("/_matrix/client/v3/rooms/{room}/event/{image}"),
        Some(&token),
        "",
    );
    assert_eq!(status, 200, "{event}");
    let event: serde_json::Value = serde_json::from_str(&event).expect("event JSON");
    let sticker = serde_json::json!({
        "body": "Bravo !",
        "url": event["content"]["url"],
        "info": { "w": 320, "h": 240, "mimetype": "image/jpeg", "size": bytes.len() },
    });
    let put = format!("/_matrix/client/v3/rooms/{room}/send/m.sticker/{}", unique("s"));
    let (status, sent) = synapse.call("PUT", &put, Some(&token), &sticker.to_string());
    assert_eq!(status, 200, "{sent}");
    let sent: serde_json::Value = serde_json::from_str(&sent).expect("send JSON");
    let sticker_id = sent["event_id"].as_str().expect("an event id").to_owned();

    let lines = tail(&me, &room);
    let line = lines.iter().find(|l| l["event_id"] == sticker_id.as_str());
    let line = line.unwrap_or_else(|| panic!("the sticker is listed: {lines:#?}"));
    assert_eq!(line["body"], "Bravo !", "{line}");
    assert_eq!(line["attachment"]["kind"], "image", "{line}");
    assert_eq!(line["attachment"]["dimensions"], serde_json::json!([320, 240]), "{line}");
    assert!(line.get("happening").is_none(), "not a placeholder line: {line}");
    let out = files.path().join("saved.jpg");
    let saved = out.display().to_string();
    me.run(&["download", &room, &sticker_id, "--out", &saved], "").ok();
    assert!(std::fs::read(&out).expect("saved") == bytes, "the sticker's very picture");
}
