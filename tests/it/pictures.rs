//! Pictures in rooms against a real Synapse and a real Secret Service: one sent by Estafette
//! carries its size and an encrypted thumbnail; the other side gets the thumbnail for the
//! timeline and the whole picture for the viewer, decrypted; a small picture needs no
//! thumbnail; and neither the server nor the receiver's disk holds any of it in clear.

use std::path::Path;
use std::time::Duration;

use crate::common::{files_containing, person, tail, unique};
use estafette::matrix::PictureSize;

/// A JPEG of `width` × `height` whose pixels no other file has (a gradient seeded by `seed`).
fn photo(dir: &Path, name: &str, width: u32, height: u32, seed: u8) -> Vec<u8> {
    let pixels = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8 ^ seed, (y % 241) as u8, ((x * y) % 239) as u8])
    });
    let mut bytes = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 92);
    pixels.write_with_encoder(encoder).expect("encode the photo");
    std::fs::write(dir.join(name), &bytes).expect("write the photo");
    bytes
}

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
