//! The account's public profile against a real Synapse and a real Secret Service: the display
//! name and the picture others see, the picture published as a plain square PNG without the
//! original file's metadata, saved back, removed, and one clear error for a file that is not a
//! picture.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use crate::common::{Synapse, answer, files_under, person};

/// What another account sees of `user_id`'s profile, asked of the server with no Matrix
/// library in between.
fn profile_seen_by(synapse: &Synapse, token: &str, user_id: &str) -> serde_json::Value {
    let (status, body) =
        synapse.call("GET", &format!("/_matrix/client/v3/profile/{user_id}"), Some(token), "");
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).expect("profile JSON")
}

/// The file the server stores for one of its own `mxc://` addresses.
fn stored_media(synapse: &Synapse, mxc: &str) -> Vec<u8> {
    let id = mxc.rsplit('/').next().expect("a media id");
    let path = synapse.dir.join("media_store/local_content").join(&id[..2]).join(&id[2..4]);
    let path = path.join(&id[4..]);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A wide JPEG photo with a comment, as a phone's photo carries its location: the left and
/// right thirds red, the centre third green.
fn photo(dir: &Path) -> PathBuf {
    let picture = image::RgbImage::from_fn(1500, 500, |x, _| match x {
        500..1000 => image::Rgb([0, 200, 0]),
        _ => image::Rgb([200, 0, 0]),
    });
    let mut jpeg = Vec::new();
    picture.write_to(&mut Cursor::new(&mut jpeg), image::ImageFormat::Jpeg).expect("encode");
    // A COM segment right after SOI, as EXIF's APP1 would be.
    let comment = b"GPS 48.8566N 2.3522E";
    let mut segment = vec![0xFF, 0xFE];
    segment.extend_from_slice(&u16::try_from(comment.len() + 2).unwrap().to_be_bytes());
    segment.extend_from_slice(comment);
    jpeg.splice(2..2, segment);
    let path = dir.join("holiday.jpg");
    std::fs::write(&path, jpeg).expect("write the photo");
    path
}

#[test]
fn the_picture_others_see_is_a_plain_square_png_without_the_photo_s_metadata() {
    let synapse = Synapse::shared();
    let (anne, anne_account) = person(synapse, "portrait");
    let viewer_token = synapse.register_with_token("onlooker").1;
    let files = tempfile::tempdir().expect("temp dir");

    anne.run(&["me", "name", "Anne Dupont"], "").ok();
    let path = photo(files.path());
    assert!(std::fs::read(&path).unwrap().windows(8).any(|w| w == b"48.8566N"));
    anne.run(&["me", "avatar", &path.display().to_string()], "").ok();

    let seen = profile_seen_by(synapse, &viewer_token, &anne_account.user_id);
    assert_eq!(seen["displayname"], "Anne Dupont");
    let mxc = seen["avatar_url"].as_str().expect("an avatar for everyone to see").to_owned();
    let published = stored_media(synapse, &mxc);
    assert!(!published.windows(8).any(|w| w == b"48.8566N"), "the location went out");
    let picture = image::load_from_memory(&published).expect("a picture");
    assert_eq!(image::guess_format(&published).unwrap(), image::ImageFormat::Png);
    assert_eq!((picture.width(), picture.height()), (500, 500), "the centre square");
    let centre = picture.to_rgb8().get_pixel(250, 250).0;
    assert!(centre[1] > 150 && centre[0] < 60, "the green centre third: {centre:?}");

    // `me show` says the same as the server, and that it is public.
    let shown = anne.run(&["me", "show", "--json"], "");
    let shown: serde_json::Value = serde_json::from_str(shown.ok().stdout.trim()).expect("JSON");
    assert_eq!(shown["avatar_url"], mxc.as_str());
    assert_eq!(shown["display_name"], "Anne Dupont");
    let human = anne.run(&["me", "show"], "");
    assert!(human.ok().stdout.contains("public"), "{}", human.stdout);

    // Saved back, byte for byte what the server holds.
    let out = files.path().join("saved.png");
    anne.run(&["me", "avatar", "--out", &out.display().to_string()], "").ok();
    assert_eq!(std::fs::read(&out).expect("saved"), published);
}

#[test]
fn a_file_that_is_not_a_picture_is_one_clear_error_and_changes_nothing() {
    let synapse = Synapse::shared();
    let (anne, anne_account) = person(synapse, "careful");
    let viewer_token = synapse.register_with_token("glance").1;
    let files = tempfile::tempdir().expect("temp dir");
    let good = files.path().join("me.png");
    image::RgbImage::from_pixel(64, 64, image::Rgb([0, 0, 200])).save(&good).expect("png");
    anne.run(&["me", "avatar", &good.display().to_string()], "").ok();
    let before = profile_seen_by(synapse, &viewer_token, &anne_account.user_id)["avatar_url"]
        .as_str()
        .expect("an avatar")
        .to_owned();

    let report = files.path().join("report.png");
    std::fs::write(&report, b"%PDF-1.7 a report renamed as a picture").expect("write");
    let run = anne.run(&["me", "avatar", &report.display().to_string()], "");
    run.failed();
    let lines = answer(&run.stderr);
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(lines[0].contains("is not a picture") && lines[0].contains("report.png"), "{lines:?}");
    assert!(lines[0].contains("unchanged"), "{lines:?}");

    let after = profile_seen_by(synapse, &viewer_token, &anne_account.user_id);
    assert_eq!(after["avatar_url"], before.as_str());
    // Nothing of it was uploaded.
    let stored = files_under(&synapse.dir.join("media_store/local_content"));
    assert!(!stored.iter().any(|f| std::fs::read(f).is_ok_and(|b| b.starts_with(b"%PDF"))));

    // Removing it: others see no picture any more.
    anne.run(&["me", "avatar", "--remove"], "").ok();
    let after = profile_seen_by(synapse, &viewer_token, &anne_account.user_id);
    assert!(after.get("avatar_url").is_none_or(|url| url.is_null()), "{after}");
    let saved = files.path().join("none.png");
    let run = anne.run(&["me", "avatar", "--out", &saved.display().to_string()], "");
    run.failed();
    assert!(run.stderr.contains("No profile picture"), "{}", run.stderr);
    assert!(!saved.exists());
}
