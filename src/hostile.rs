//! Property tests of the parsers that read what others send or write (review M1): policy
//! files, pictures and QR codes, homeserver addresses and Matrix IDs, timestamps, names and
//! terminal text. Each is fed thousands of hostile inputs and must answer, never panic. The
//! parsers behind the SDK (HTML, markdown, `.well-known`, QR payloads) are in
//! `matrix/hostile.rs`.
//!
//! `ESTAFETTE_PROPTEST_CASES` sets how many inputs each property gets: 2000 by default (the
//! test suite), more for a longer run (`benches/hostile.sh`).

use proptest::prelude::*;
use proptest::test_runner::Config;

/// The run's configuration: `ESTAFETTE_PROPTEST_CASES` cases (2000 unless set), and no file
/// of failures written into the source tree.
pub(crate) fn config() -> Config {
    let cases = std::env::var("ESTAFETTE_PROPTEST_CASES")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(2000);
    Config { cases, failure_persistence: None, ..Config::default() }
}

/// Text a hostile sender would try: any characters, weighted towards the controls, format
/// characters and separators that break displays and terminals.
pub(crate) fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    let nasty = prop_oneof![
        Just('\u{1b}'),
        Just('\u{7}'),
        Just('\r'),
        Just('\n'),
        Just('\u{0}'),
        Just('\u{9b}'),
        Just('\u{202e}'),
        Just('\u{2066}'),
        Just('\u{200b}'),
        Just('\u{feff}'),
        Just('\u{3164}'),
        Just('\u{e0041}'),
        Just('\u{fe0f}'),
        Just('['),
        Just(']'),
        Just(':'),
        Just('@'),
        Just('<'),
        Just('"'),
        Just('='),
    ];
    proptest::collection::vec(prop_oneof![3 => any::<char>(), 2 => nasty], 0..max)
        .prop_map(|chars| chars.into_iter().collect())
}

/// A TOML-shaped text: known keys with values of every type, garbage lines mixed in.
fn policy_text() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("allowed_homeservers"),
        Just("default_homeserver"),
        Just("lock_default_homeserver"),
        Just("unencrypted_send"),
        Just("verified_only_sending"),
        Just("notification_content"),
        Just("public_room_directory"),
        Just("reactions"),
        Just("local_search"),
        Just("server_search"),
        Just("media_previews"),
        Just("log_level_max"),
        Just("idle_lock_minutes"),
        Just("start_at_login"),
        Just("[table]"),
    ];
    let value = prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        hostile_text(40).prop_map(|text| format!("{text:?}")),
        Just("[\"a\", 1, true]".to_owned()),
        Just("\"any\"".to_owned()),
        Just("{ x = 1 }".to_owned()),
        hostile_text(40),
    ];
    proptest::collection::vec((key, value), 0..12).prop_map(|lines| {
        lines.into_iter().map(|(key, value)| format!("{key} = {value}\n")).collect()
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn policy_files_are_read_or_refused_in_words(text in policy_text()) {
        let path = std::path::Path::new("/etc/estafette/policy.toml");
        if let Err(error) = crate::policy::parse(path, &text) {
            prop_assert!(error.to_string().contains("policy.toml"));
        }
    }

    #[test]
    fn any_text_as_a_policy_file_is_an_answer(text in hostile_text(300)) {
        let _ = crate::policy::parse(std::path::Path::new("p.toml"), &text);
    }

    #[test]
    fn homeserver_addresses_are_checked_without_panic(text in hostile_text(120)) {
        if let Ok(url) = crate::policy::transport::check_homeserver(&text) {
            prop_assert!(matches!(url.scheme(), "https" | "http"));
        }
        let _ = crate::policy::transport::server_name_is_loopback(&text);
        let _ = crate::policy::same_server(&text, "https://matrix.gouv.fr");
    }

    #[test]
    fn any_timestamp_is_shown_as_a_time_or_unknown(ts in any::<u64>()) {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        let _ = crate::model::time::moment(ts, today);
        let _ = crate::model::time::clock(ts);
        let _ = crate::model::time::day_heading(crate::model::time::local_day(ts), today);
    }

    #[test]
    fn names_come_out_visible_and_bounded(text in hostile_text(400)) {
        let name = crate::model::text::clean_name(&text);
        prop_assert!(!name.chars().any(|c| c.is_control() || crate::model::text::is_invisible(c)));
        prop_assert!(name.chars().count() <= crate::model::text::NAME_MAX + 1);
        prop_assert_eq!(name.trim(), name.as_str());
    }

    #[test]
    fn terminal_lines_carry_no_control(text in hostile_text(400)) {
        let line = crate::model::text::terminal_line(&text);
        let visible = |c: char| {
            let code = c as u32;
            code >= 0x20 && !(0x7f..=0x9f).contains(&code) && !crate::model::text::is_invisible(c)
        };
        let clean = line.chars().all(visible);
        prop_assert!(clean, "{:?}", line);
    }

    #[test]
    fn attachment_names_are_safe_to_save(text in hostile_text(200)) {
        let file = crate::model::attachment::Attachment {
            name: text,
            size: None,
            mime: None,
            kind: crate::model::attachment::AttachmentKind::File,
            dimensions: None,
            thumbnail_encrypted: None,
            upload: None,
        };
        let safe = file.safe_name();
        prop_assert!(!safe.is_empty() && !safe.contains(['/', '\\', ':']));
        prop_assert!(!safe.starts_with('.') && !safe.ends_with(['.', ' ']));
        prop_assert!(!safe.chars().any(|c| c.is_control() || crate::model::text::is_invisible(c)));
        let _ = file.shown_name();
    }

    #[test]
    fn any_bytes_as_a_picture_are_decoded_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = crate::model::picture::decode(&bytes);
        let _ = crate::model::qr::read_code(&bytes);
        let _ = crate::model::avatar::round(&bytes, 64);
    }

    #[test]
    fn damaged_pictures_are_refused(cut in 0usize..2000, flip in any::<(usize, u8)>()) {
        let mut bytes = sample_png();
        let at = flip.0 % bytes.len();
        bytes[at] ^= flip.1;
        bytes.truncate(cut.min(bytes.len()));
        let _ = crate::model::picture::decode(&bytes);
        let _ = crate::model::qr::read_code(&bytes);
        let _ = crate::model::avatar::prepare(&bytes);
    }

    #[test]
    fn any_pixels_are_searched_for_a_code(width in 0u32..64, height in 0u32..64, seed in any::<u8>()) {
        let rgba: Vec<u8> = (0..width * height * 4).map(|i| (i as u8).wrapping_mul(seed)).collect();
        let _ = crate::model::qr::read_pixels(width, height, &rgba);
        let _ = crate::model::qr::read_pixels(width, height, &rgba[..rgba.len() / 2]);
    }
}

/// A small valid PNG, for the damaged-picture property.
fn sample_png() -> Vec<u8> {
    let picture =
        image::RgbImage::from_fn(32, 32, |x, y| image::Rgb([x as u8 * 8, y as u8 * 8, 7]));
    let mut bytes = Vec::new();
    let _ = picture.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png);
    bytes
}
