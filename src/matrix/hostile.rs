//! Property tests of what the core reads from the network through the SDK (review M1, T1):
//! a message's HTML (sanitised as the timeline does, then turned into styled runs), the
//! markdown a message is sent from, a QR code's payload, a server's `.well-known` and Matrix
//! IDs. Hostile inputs must be answered, never panic; a body nested as deep as one event can
//! carry must not overflow the core's worker stacks. The configuration is `crate::hostile`'s.

use matrix_sdk::encryption::verification::QrVerificationData;
use matrix_sdk::ruma::api::IncomingResponse as _;
use matrix_sdk::ruma::api::client::discovery::discover_homeserver;
use matrix_sdk::ruma::events::room::message::{MessageType, RoomMessageEventContent};
use matrix_sdk::ruma::html::{HtmlSanitizerMode, RemoveReplyFallback};
use proptest::prelude::*;

use crate::hostile::{config, hostile_text};

/// HTML as a hostile server sends it: tags of every kind, unbalanced, with attributes,
/// entities and text mixed.
fn html() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<b>".to_owned()),
        Just("</b>".to_owned()),
        Just("<a href=\"javascript:alert(1)\">".to_owned()),
        Just("<a href='https://evil.example'>".to_owned()),
        Just("</a>".to_owned()),
        Just("<mx-reply><blockquote>".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("<script>".to_owned()),
        Just("<table><tr><td>".to_owned()),
        Just("<ol start=-9999999999><li>".to_owned()),
        Just("<pre><code class=\"language-rust\">".to_owned()),
        Just("<br/>".to_owned()),
        Just("&amp;&#x0;&#xD800;&nbsp;&unknown;".to_owned()),
        Just("<!-- --!>".to_owned()),
        Just("<![CDATA[".to_owned()),
        Just("<font color=\"#zzz\" data-mx-bg-color=\"red\">".to_owned()),
        hostile_text(20),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

/// What the timeline does with a formatted body, then what the window does with the result.
fn read_as_timeline(body: &str, html: &str) -> Vec<crate::model::rich::Span> {
    let mut message = MessageType::text_html(body, html);
    message.sanitize(HtmlSanitizerMode::Compat, RemoveReplyFallback::Yes);
    match message {
        MessageType::Text(text) => {
            text.formatted.map(|formatted| super::html::spans(&formatted.body)).unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn hostile_html_is_read_without_panic(html in html(), body in hostile_text(40)) {
        // What is left is text to show as text: the window renders no markup of its own.
        let _ = read_as_timeline(&body, &html);
        let _ = super::html::spans(&html);
    }

    #[test]
    fn any_markdown_becomes_a_message(text in hostile_text(300)) {
        let content = RoomMessageEventContent::text_markdown(text.clone());
        prop_assert!(content.body().len() >= text.trim().len().min(1));
    }

    #[test]
    fn any_bytes_as_a_qr_payload_are_read_or_refused(
        bytes in proptest::collection::vec(any::<u8>(), 0..300),
        prefix in any::<bool>(),
    ) {
        let bytes = if prefix { [b"MATRIX\x02".as_slice(), &bytes].concat() } else { bytes };
        let _ = QrVerificationData::from_bytes(&bytes);
        let _ = super::verification::qr_text(&bytes);
    }

    #[test]
    fn any_well_known_is_parsed_or_refused(base in hostile_text(80), extra in hostile_text(40)) {
        let json = format!(
            "{{\"m.homeserver\": {{\"base_url\": {base:?}}}, \"m.identity_server\": {extra:?}}}"
        );
        for text in [json.as_str(), base.as_str(), extra.as_str()] {
            let answer = http::Response::builder().status(200).body(text.as_bytes().to_vec());
            if let Ok(answer) = answer {
                let _ = discover_homeserver::Response::try_from_http_response(answer);
            }
        }
    }

    #[test]
    fn any_matrix_id_is_parsed_or_refused(text in hostile_text(80)) {
        let _ = super::client::parse_user(&text);
        let _ = super::client::parse_user(&format!("@{text}"));
    }
}

/// Review T1: the deepest body a 64 KiB event can carry, sanitised as the timeline does, on a
/// thread with the core's stack. It would abort a default 2 MiB tokio worker.
#[test]
fn a_body_nested_as_deep_as_an_event_allows_fits_the_cores_stack() {
    let deep = "<b>".repeat(64 * 1024 / 3);
    let read = std::thread::Builder::new()
        .stack_size(super::WORKER_STACK)
        .spawn(move || read_as_timeline("x", &deep).len())
        .expect("a thread with the core's stack")
        .join();
    assert!(read.is_ok(), "the deep body was read");
}
