//! The room pane's simulator tests: the unencrypted-room warning and consent, the forbid
//! policy, replies, edits, reactions, attachments and the trust tooltip.

use super::*;
use crate::model::{SendState, Trust};
use crate::ui::panel::room_list::tests::room;
use crate::ui::panel::timeline::{LinkClick, Look};
use iced_test::simulator;

fn typed(pane: &mut RoomPane, words: &str) {
    pane.composer = text_editor::Content::with_text(words);
}

#[test]
fn an_unencrypted_room_shows_the_banner_and_an_encrypted_one_does_not() {
    let clear = RoomPane::new(&room("!a", "Open Lobby", false, true), false);
    let mut ui = simulator(clear.view());
    assert!(ui.find(fl!("banner-public-unencrypted").as_str()).is_ok());
    let private = RoomPane::new(&room("!b", "Notes", false, false), false);
    let mut ui = simulator(private.view());
    assert!(ui.find(fl!("banner-unencrypted").as_str()).is_ok());
    let safe = RoomPane::new(&room("!c", "Team", true, false), false);
    let mut ui = simulator(safe.view());
    assert!(ui.find(fl!("banner-unencrypted").as_str()).is_err());
    assert!(ui.find(fl!("banner-public-unencrypted").as_str()).is_err());
}

#[test]
fn a_direct_chat_offers_to_verify_the_person_until_verified() {
    let mut pane = RoomPane::new(&room("!d", "Bruno", true, false), false);
    let partner = |verified| crate::model::Partner { user_id: "@bruno:x".into(), verified };
    pane.details.partner = Some(partner(false));
    let clicked: Vec<_> = {
        let mut ui = simulator(pane.view());
        let _ = ui.click(fl!("room-partner-verify").as_str());
        ui.into_messages().collect()
    };
    let events: Vec<_> = clicked.into_iter().filter_map(|m| pane.update(m)).collect();
    assert_eq!(events, [Event::VerifyPerson("@bruno:x".into())]);
    pane.details.partner = Some(partner(true));
    let mut ui = simulator(pane.view());
    assert!(ui.find(fl!("room-partner-verified").as_str()).is_ok());
    assert!(ui.find(fl!("room-partner-verify").as_str()).is_err());
}

#[test]
fn a_file_goes_out_like_a_message_consent_first_in_clear() {
    let path = PathBuf::from("/home/anne/budget.pdf");
    let mut safe = RoomPane::new(&room("!c", "Team", true, false), false);
    let sent = safe.update(Message::FileChosen(path.clone()));
    let wanted = Event::SendFile { room_id: "!c".into(), path: path.clone(), consent: false };
    assert_eq!(sent, Some(wanted));
    let mut clear = RoomPane::new(&room("!a", "Open Lobby", false, true), false);
    assert_eq!(clear.update(Message::FileChosen(path.clone())), None, "asks first");
    assert_eq!(clear.asking, Some(Pending::File(path.clone())));
    let sent = clear.update(Message::ConfirmClear);
    let wanted = Event::SendFile { room_id: "!a".into(), path: path.clone(), consent: true };
    assert_eq!(sent, Some(wanted));
    let mut forbidden = RoomPane::new(&room("!a", "Open Lobby", false, true), true);
    assert_eq!(forbidden.update(Message::Attach), None, "no file dialog where forbidden");
    assert_eq!(forbidden.update(Message::FileChosen(path)), None);
    assert!(forbidden.asking.is_none());
}

/// Review M4b: a file dropped on the window is asked about first, even in an encrypted room;
/// in a room in clear the consent follows, as for a picked file.
#[test]
fn a_dropped_file_is_sent_only_once_confirmed() {
    let path = PathBuf::from("/home/anne/budget.pdf");
    let mut safe = RoomPane::new(&room("!c", "Team", true, false), false);
    assert_eq!(safe.update(Message::FileDropped(path.clone())), None, "asks first");
    {
        let mut ui = simulator(safe.view());
        assert!(ui.find(crate::ui::testing::containing("budget.pdf")).is_ok());
        assert!(ui.find(fl!("drop-send").as_str()).is_ok());
    }
    safe.update(Message::CancelClear);
    assert!(safe.asking.is_none(), "cancelled: nothing sent");
    safe.update(Message::FileDropped(path.clone()));
    let sent = safe.update(Message::ConfirmClear);
    let wanted = Event::SendFile { room_id: "!c".into(), path: path.clone(), consent: false };
    assert_eq!(sent, Some(wanted));
    let mut clear = RoomPane::new(&room("!a", "Open Lobby", false, true), false);
    clear.update(Message::FileDropped(path.clone()));
    assert_eq!(clear.update(Message::ConfirmClear), None, "then the consent to send in clear");
    assert_eq!(clear.asking, Some(Pending::File(path.clone())));
    let mut forbidden = RoomPane::new(&room("!a", "Open Lobby", false, true), true);
    assert_eq!(forbidden.update(Message::FileDropped(path)), None);
    assert!(forbidden.asking.is_none());
}

#[test]
fn an_upload_shows_its_progress_until_it_is_in_the_room() {
    let mut pane = RoomPane::new(&room("!c", "Team", true, false), false);
    let half = Progress { sent: 50, total: 100 };
    pane.update(Message::Upload("budget.pdf".into(), None));
    pane.update(Message::Upload("budget.pdf".into(), Some(half)));
    {
        let mut ui = simulator(pane.view());
        let sending = fl!("upload-sending", name = "budget.pdf");
        assert!(ui.find(sending.as_str()).is_ok());
        assert!(ui.find(fl!("upload-percent", percent = 50).as_str()).is_ok());
    }
    pane.update(Message::Uploaded("budget.pdf".into(), Ok(())));
    assert!(pane.uploads.is_empty());
    pane.update(Message::Upload("huge.iso".into(), None));
    let refused = crate::matrix::MatrixError::SendFailed("too large".into());
    pane.update(Message::Uploaded("huge.iso".into(), Err(refused.clone().into())));
    assert_eq!(pane.error, Some(refused.to_string()));
}

#[test]
fn the_first_send_in_clear_asks_for_confirmation() {
    let mut pane = RoomPane::new(&room("!a", "Open Lobby", false, true), false);
    typed(&mut pane, "hello");
    assert_eq!(pane.update(Message::Send), None, "nothing goes out before consent");
    let question = fl!("consent-public", room = "Open Lobby");
    let clicked: Vec<_> = {
        let mut ui = simulator(pane.view());
        assert!(ui.find(question.as_str()).is_ok(), "the dialog asks");
        let _ = ui.click(fl!("consent-send").as_str());
        ui.into_messages().collect()
    };
    assert!(clicked.iter().any(|m| matches!(m, Message::ConfirmClear)));
    let sent = pane.update(Message::ConfirmClear);
    assert_eq!(
        sent,
        Some(Event::Send {
            room_id: "!a".into(),
            text: "hello".into(),
            consent: true,
            target: Target::New
        })
    );
    // Consent holds for this room from then on.
    typed(&mut pane, "again");
    assert!(matches!(pane.update(Message::Send), Some(Event::Send { consent: true, .. })));
}

#[test]
fn an_encrypted_room_sends_at_once() {
    let mut pane = RoomPane::new(&room("!c", "Team", true, false), false);
    typed(&mut pane, "hi");
    let sent = pane.update(Message::Send);
    assert_eq!(
        sent,
        Some(Event::Send {
            room_id: "!c".into(),
            text: "hi".into(),
            consent: false,
            target: Target::New
        })
    );
}

#[test]
fn the_forbid_policy_disables_the_composer() {
    let mut pane = RoomPane::new(&room("!a", "Open Lobby", false, true), true);
    {
        let mut ui = simulator(pane.view());
        assert!(ui.find(fl!("composer-forbidden").as_str()).is_ok());
        assert!(ui.find(fl!("composer-send").as_str()).is_err(), "no send button");
    }
    typed(&mut pane, "hello");
    assert_eq!(pane.update(Message::Send), None);
    assert!(pane.asking.is_none(), "not even asked: it is forbidden");
}

#[test]
fn a_failed_message_offers_a_retry() {
    let message = ChatMessage {
        event_id: None,
        local_id: Some("txn1".into()),
        send_state: Some(SendState::Failed { reason: "refused".into(), retry: false }),
        ..said("", "@me:example.org", "hello", true)
    };
    let mut ui = simulator(message_row(&message, Look::default()));
    let _ = ui.click(fl!("send-retry").as_str());
    let clicked: Vec<_> = ui.into_messages().collect();
    assert!(clicked.iter().any(|m| matches!(m, Message::Retry(id) if id == "txn1")));
}

#[test]
fn an_unreadable_message_says_why() {
    let trust = Trust::Undecryptable(crate::model::UndecryptableCause::SentBeforeYouJoined);
    let message = ChatMessage {
        sender_name: Some("Bob".into()),
        body: None,
        trust: trust.clone(),
        ..said("$e", "@bob:example.org", "", false)
    };
    // The row says why in place of the unreadable text, and so does the shield's tooltip.
    let mut ui = simulator(message_row(&message, Look::default()));
    assert!(ui.find(trust.describe().as_str()).is_ok());
    assert!(trust.describe().contains("before you joined"));
}

/// Review M1: a timestamp at the end of chrono's range (in any time zone) renders as an
/// unknown date instead of aborting the window.
#[test]
fn a_message_from_the_end_of_time_renders() {
    let mut pane = RoomPane::new(&room("!c", "Team", true, false), false);
    let far = ChatMessage {
        ts: 8_210_266_876_799_999,
        ..said("$far", "@b:x", "from the far future", false)
    };
    pane.set_messages(vec![far, said("$next", "@b:x", "next", false)]);
    let mut ui = simulator(pane.view());
    assert!(ui.find(fl!("day-unknown").as_str()).is_ok());
    assert!(ui.find("from the far future").is_ok());
}

/// Review M1: a body of a million characters (no honest server relays one; a hostile one
/// may) is laid out cut, with what was left out said.
#[test]
fn a_body_of_a_million_characters_is_shown_cut() {
    let long = ChatMessage { body: Some("x".repeat(1_000_000)), ..said("$l", "@b:x", "", false) };
    let mut ui = simulator(message_row(&long, Look::default()));
    let left = 1_000_000 - crate::model::text::SHOWN_MAX;
    assert!(ui.find(fl!("timeline-cut", count = left).as_str()).is_ok());
}

/// Review H3: two members under one name each show their Matrix ID, the shared name is said
/// in words, and their avatars differ.
#[test]
fn lookalike_senders_show_their_matrix_ids() {
    let named = |id: &str, sender: &str| ChatMessage {
        sender_name: Some("Anne Dupont".into()),
        sender_ambiguous: true,
        ..said(id, sender, "hello", false)
    };
    let mallory = named("$m", "@mallory:evil.example");
    let mut ui = simulator(message_row(&mallory, Look::default()));
    assert!(ui.find("@mallory:evil.example").is_ok(), "the Matrix ID beside the name");
    assert!(ui.find("Anne Dupont").is_ok());
    assert!(ui.find(fl!("timeline-name-shared").as_str()).is_ok());
    assert_ne!(
        crate::ui::widget::style::avatar_colour("@anne:gouv.example"),
        crate::ui::widget::style::avatar_colour("@mallory:evil.example"),
        "the same name, not the same face"
    );
    // A name of one's own still shows the Matrix ID, quietly.
    let anne = ChatMessage { sender_ambiguous: false, ..named("$a", "@anne:gouv.example") };
    let mut ui = simulator(message_row(&anne, Look::default()));
    assert!(ui.find("@anne:gouv.example").is_ok());
    assert!(ui.find(fl!("timeline-name-shared").as_str()).is_err());
}

/// Review M9: a message whose sender could not be authenticated is a danger said in words,
/// and its text waits for a click.
#[test]
fn a_forged_message_is_hidden_until_asked_for() {
    let forged = ChatMessage {
        trust: Trust::ForgedSender,
        ..said("$f", "@boss:gouv.example", "wire the funds", false)
    };
    let clicked: Vec<Message> = {
        let mut ui = simulator(message_row(&forged, Look::default()));
        assert!(ui.find("wire the funds").is_err(), "hidden");
        assert!(ui.find(Trust::ForgedSender.describe().as_str()).is_ok());
        let _ = ui.click(fl!("timeline-forged-show").as_str());
        ui.into_messages().collect()
    };
    assert!(matches!(clicked.as_slice(), [Message::Reveal(id)] if id == "$f"), "{clicked:?}");
    let mut pane = RoomPane::new(&room("!c", "Team", true, false), false);
    pane.set_messages(vec![forged.clone()]);
    pane.update(Message::Reveal("$f".into()));
    let mut ui = simulator(pane.view());
    assert!(ui.find("wire the funds").is_ok(), "shown once asked");
}

pub(crate) fn said(id: &str, sender: &str, body: &str, own: bool) -> ChatMessage {
    ChatMessage {
        event_id: Some(id.into()),
        local_id: None,
        sender: sender.into(),
        sender_name: None,
        sender_ambiguous: false,
        ts: 0,
        body: Some(body.into()),
        formatted: None,
        attachment: None,
        happening: None,
        encrypted: true,
        highlighted: false,
        trust: Trust::Encrypted,
        edited: false,
        reply_to: None,
        thread_root: None,
        thread_replies: 0,
        reactions: Vec::new(),
        reacted: Vec::new(),
        read_by: Vec::new(),
        own,
        send_state: None,
    }
}

fn team_with(messages: Vec<ChatMessage>) -> RoomPane {
    let mut pane = RoomPane::new(&room("!c", "Team", true, false), false);
    pane.messages = messages;
    pane
}

#[test]
fn a_reply_quotes_the_message_and_is_sent_as_a_reply() {
    let mut pane = team_with(vec![said("$1", "@marc:x", "Le budget est prêt ?", false)]);
    pane.update(Message::ReplyTo("$1".into()));
    {
        let mut ui = simulator(pane.view());
        let bar = fl!("composer-replying", sender = "@marc:x", excerpt = "Le budget est prêt ?");
        assert!(ui.find(bar.as_str()).is_ok(), "the composer says what it answers");
    }
    typed(&mut pane, "Oui");
    let Some(Event::Send { target: Target::Reply(reply), text, .. }) = pane.update(Message::Send)
    else {
        panic!("a reply is sent")
    };
    assert_eq!((reply.event_id.as_str(), text.text.as_str()), ("$1", "Oui"));
    assert_eq!(pane.target, Target::New, "the next message is a new one");
}

#[test]
fn editing_fills_the_composer_with_ones_own_text_only() {
    let mut pane =
        team_with(vec![said("$1", "@marc:x", "theirs", false), said("$2", "@me:x", "mine", true)]);
    pane.update(Message::EditOwn("$1".into()));
    assert_eq!(pane.target, Target::New, "not someone else's message");
    pane.update(Message::EditOwn("$2".into()));
    assert_eq!(pane.composer.text().trim_end(), "mine");
    typed(&mut pane, "mine, fixed");
    let sent = pane.update(Message::Send);
    assert!(matches!(sent, Some(Event::Send { target: Target::Edit(ref id), .. }) if id == "$2"));
}

#[test]
fn escape_leaves_an_edit_and_empties_the_composer() {
    let mut pane = team_with(vec![said("$2", "@me:x", "mine", true)]);
    pane.update(Message::EditOwn("$2".into()));
    pane.cancel();
    assert_eq!((pane.target.clone(), pane.composer.text().trim()), (Target::New, ""));
}

#[test]
fn reactions_show_as_chips_and_clicking_one_toggles_it() {
    let mut message = said("$1", "@marc:x", "Réunion à 10h", false);
    message.reactions = vec![("👍".into(), vec!["Marc".into(), "Anne".into()])];
    message.edited = true;
    message.read_by = vec!["Anne".into()];
    message.reply_to = Some(Reply {
        event_id: "$0".into(),
        sender: Some("Anne".into()),
        excerpt: Some("On se voit quand ?".into()),
    });
    let mut ui = simulator(message_row(&message, Look::default()));
    assert!(ui.find("👍").is_ok() && ui.find("2").is_ok());
    assert!(ui.find(fl!("timeline-edited").as_str()).is_ok());
    assert!(ui.find(fl!("timeline-read-by", names = "Anne").as_str()).is_ok());
    assert!(ui.find("↪ Anne : On se voit quand ?").is_ok());
    let _ = ui.click("👍");
    let clicked: Vec<_> = ui.into_messages().collect();
    assert!(
        clicked.iter().any(|m| matches!(m, Message::React(id, key) if id == "$1" && key == "👍"))
    );
}

#[test]
fn reacting_in_a_room_in_clear_needs_consent_first() {
    let mut pane = RoomPane::new(&room("!a", "Open Lobby", false, true), false);
    pane.messages = vec![said("$1", "@marc:x", "hello", false)];
    assert_eq!(pane.update(Message::React("$1".into(), "👍".into())), None);
    assert_eq!(pane.error, Some(fl!("react-needs-consent")));
    pane.consented = true;
    let reacted = pane.update(Message::React("$1".into(), "👍".into()));
    assert!(matches!(reacted, Some(Event::React { consent: true, .. })));
}

#[test]
fn who_is_typing_is_shown_above_the_composer() {
    let mut pane = team_with(Vec::new());
    pane.typing = vec!["Marc".into()];
    let mut ui = simulator(pane.view());
    let line = fl!("composer-typing", names = "Marc", count = 1);
    assert!(ui.find(line.as_str()).is_ok());
}

/// The row's actions appear under the pointer, as in Element.
fn hovered_click(message: &ChatMessage, look: Look, label: &str) -> Vec<Message> {
    let mut ui = simulator(message_row(message, look));
    ui.point_at(iced::Point::new(200.0, 20.0));
    let _ = ui.click(label);
    ui.into_messages().collect()
}

#[test]
fn copy_puts_the_message_text_on_the_clipboard() {
    let message = said("$1", "@marc:x", "Le code est 4512", false);
    let clicked = hovered_click(&message, Look::default(), fl!("timeline-copy").as_str());
    assert!(matches!(clicked.as_slice(), [Message::Copy(id)] if id == "$1"), "{clicked:?}");
    let mut pane = team_with(vec![message]);
    let copied = pane.update(Message::Copy("$1".into()));
    assert_eq!(copied, Some(Event::Copy("Le code est 4512".into())));
}

#[test]
fn deleting_asks_first_and_only_a_moderator_may_delete_anothers_message() {
    let theirs = said("$1", "@marc:x", "oops", false);
    let mine = said("$2", "@me:x", "mine", true);
    let delete = fl!("timeline-delete");
    assert!(hovered_click(&theirs, Look::default(), &delete).is_empty(), "not offered");
    let moderator = Look { may_delete_others: true, ..Look::default() };
    let clicked = hovered_click(&theirs, moderator, &delete);
    assert!(matches!(clicked.as_slice(), [Message::AskDelete(id)] if id == "$1"), "{clicked:?}");
    let mut pane = team_with(vec![theirs, mine]);
    pane.update(Message::AskDelete("$1".into()));
    assert!(pane.deleting.is_none(), "a member without the power level is not even asked");
    assert_eq!(pane.update(Message::AskDelete("$2".into())), None, "asks first");
    {
        let mut ui = simulator(pane.view());
        assert!(ui.find(fl!("delete-question").as_str()).is_ok());
    }
    pane.update(Message::Delete(delete::Message::Reason("typo".into())));
    let asked = pane.update(Message::Delete(delete::Message::Confirm));
    let wanted =
        Event::Redact { room_id: "!c".into(), event_id: "$2".into(), reason: Some("typo".into()) };
    assert_eq!(asked, Some(wanted));
    assert!(pane.deleting.is_none());
    pane.details.can_delete_others = true;
    pane.update(Message::AskDelete("$1".into()));
    pane.cancel();
    assert!(pane.deleting.is_none(), "Esc closes the dialog");
}

#[test]
fn room_events_show_as_lines_and_a_deleted_message_in_its_place() {
    use crate::model::happening::{Happening, MemberChange};
    let joined = ChatMessage {
        sender_name: Some("Zoé".into()),
        happening: Some(Happening::Member {
            who: "Zoé".into(),
            change: MemberChange::Joined,
            reason: None,
            encrypted_room: true,
        }),
        body: None,
        ..said("$j", "@zoe:x", "", false)
    };
    let deleted = ChatMessage {
        happening: Some(Happening::Deleted { by: Some("Modo".into()), reason: None }),
        body: None,
        ..said("$d", "@marc:x", "", false)
    };
    let line = joined.happening.as_ref().map(|h| h.describe("Zoé")).unwrap_or_default();
    let gone = deleted.happening.as_ref().map(|h| h.describe("Marc")).unwrap_or_default();
    let mut pane = team_with(vec![joined, deleted.clone()]);
    pane.details.can_delete_others = true;
    let mut ui = simulator(pane.view());
    assert!(ui.find(line.as_str()).is_ok(), "{line}");
    assert!(ui.find(gone.as_str()).is_ok(), "{gone}");
    let look = Look { may_delete_others: true, ..Look::default() };
    let clicked = hovered_click(&deleted, look, fl!("timeline-delete").as_str());
    assert!(clicked.is_empty(), "nothing to do on a deleted message: {clicked:?}");
}

#[test]
fn a_link_opens_at_once_asks_first_or_opens_inside_the_app() {
    let mut pane = team_with(vec![said("$1", "@marc:x", "https://www.service-public.fr", false)]);
    let click =
        |text: &str, href: &str| Message::Link(LinkClick { text: text.into(), href: href.into() });
    let plain = "https://www.service-public.fr/";
    assert_eq!(pane.update(click(plain, plain)), Some(Event::OpenLink(plain.into())));

    let asked = pane.update(click("https://impots.gouv.fr", "https://evil.example/login"));
    assert_eq!(asked, None, "asked first");
    {
        let mut ui = simulator(pane.view());
        assert!(ui.find("https://evil.example/login").is_ok(), "the real target is shown");
        let _ = ui.click(fl!("link-open").as_str());
        let clicked: Vec<Message> = ui.into_messages().collect();
        let opened: Vec<Event> = clicked.into_iter().filter_map(|m| pane.update(m)).collect();
        assert_eq!(opened, [Event::OpenLink("https://evil.example/login".into())]);
    }
    assert!(pane.link.is_none(), "closed once answered");

    let room = "https://matrix.to/#/%23budget%3Agouv.example";
    assert_eq!(
        pane.update(click("Budget", room)),
        Some(Event::OpenRoom("#budget:gouv.example".into()))
    );
    let message = "https://matrix.to/#/%23budget%3Agouv.example/$ordre-du-jour?via=gouv.example";
    let wanted =
        Event::OpenMessage { room: "#budget:gouv.example".into(), event: "$ordre-du-jour".into() };
    assert_eq!(pane.update(click("ce message", message)), Some(wanted));
    let person = "https://matrix.to/#/@anne:gouv.example";
    assert_eq!(
        pane.update(click("Anne", person)),
        Some(Event::OpenPerson("@anne:gouv.example".into()))
    );
    assert_eq!(pane.update(click("x", "file:///etc/passwd")), None);
    assert_eq!(pane.error.as_deref(), Some(fl!("link-not-opened").as_str()));
}

#[test]
fn a_web_address_in_a_plain_message_is_a_link() {
    let message = said("$1", "@marc:x", "https://demarches.example/formulaire-42 merci", false);
    let continued = Look { continued: true, ..Look::default() };
    let mut ui = simulator(message_row(&message, continued));
    // The address starts the text, after the time column and the shield.
    ui.point_at(iced::Point::new(160.0, 10.0));
    let _ = ui.simulate(iced_test::simulator::click());
    let clicked: Vec<Message> = ui.into_messages().collect();
    let href = "https://demarches.example/formulaire-42";
    let wanted = LinkClick { text: href.into(), href: href.into() };
    assert!(
        matches!(clicked.as_slice(), [Message::Link(click)] if *click == wanted),
        "{clicked:?}"
    );
}

#[test]
fn the_unread_divider_shows_and_the_room_is_read_once_its_newest_message_is_seen() {
    let mut pane = RoomPane::new(&room("!c", "Team", true, false), false);
    let view = |messages| RoomView {
        details: pane_details(),
        messages,
        at_start: true,
        typing: Vec::new(),
        read_up_to: Some("$1".into()),
    };
    let first = vec![said("$1", "@b:x", "read", false), said("$2", "@b:x", "unread", false)];
    pane.update(Message::Loaded(view(first.clone())));
    assert!(simulator(pane.view()).find(fl!("room-new-messages").as_str()).is_ok());
    assert_eq!(pane.newly_read().as_deref(), Some("!c"), "opened at the newest message");
    assert_eq!(pane.newly_read(), None, "once");
    // Scrolled back in the history, a new message does not count as read.
    pane.unread.scrolled(false);
    let mut more = first;
    more.push(said("$3", "@b:x", "while away", false));
    pane.update(Message::Loaded(view(more)));
    assert_eq!(pane.newly_read(), None);
    assert!(simulator(pane.view()).find(fl!("room-new-messages").as_str()).is_ok(), "stays put");
}

pub(crate) fn pane_details() -> RoomDetails {
    RoomDetails {
        room_id: "!c".into(),
        name: "Team".into(),
        topic: None,
        members: 2,
        encrypted: true,
        public: false,
        partner: None,
        can_delete_others: false,
        replaced_by: None,
    }
}

#[test]
fn a_pasted_picture_is_asked_about_then_sent_with_consent_in_clear() {
    let png: Arc<[u8]> = Arc::from(vec![1_u8, 2, 3]);
    let mut safe = team_with(Vec::new());
    assert_eq!(safe.update(Message::PasteCheck), Some(Event::CheckPaste));
    assert_eq!(safe.update(Message::Pasted(png.clone())), None, "asked first");
    assert!(simulator(safe.view()).find(fl!("paste-question", room = "Team").as_str()).is_ok());
    let sent = safe.update(Message::ConfirmClear);
    let wanted = Event::SendPicture { room_id: "!c".into(), png: png.clone(), consent: false };
    assert_eq!(sent, Some(wanted));

    let mut clear = RoomPane::new(&room("!a", "Open Lobby", false, true), false);
    clear.update(Message::Pasted(png.clone()));
    assert_eq!(clear.update(Message::ConfirmClear), None, "then consent, in clear");
    let sent = clear.update(Message::ConfirmClear);
    assert_eq!(sent, Some(Event::SendPicture { room_id: "!a".into(), png, consent: true }));
    let mut forbidden = RoomPane::new(&room("!a", "Open Lobby", false, true), true);
    assert_eq!(forbidden.update(Message::PasteCheck), None, "not even looked for");
}

#[test]
fn a_reply_in_a_thread_and_a_thread_root_say_so() {
    let root = ChatMessage { thread_replies: 2, ..said("$root", "@b:x", "Ordre du jour ?", false) };
    let reply = ChatMessage {
        thread_root: Some("$root".into()),
        ..said("$r", "@c:x", "Point 3 à ajouter", false)
    };
    let mut ui = simulator(message_row(&root, Look { thread_replies: 2, ..Look::default() }));
    assert!(ui.find(fl!("timeline-thread-replies", count = 2).as_str()).is_ok());
    let mut ui = simulator(message_row(&reply, Look::default()));
    assert!(ui.find(fl!("timeline-in-thread").as_str()).is_ok());
}

#[test]
fn a_thread_opens_beside_the_room_answers_under_the_rooms_consent_and_closes() {
    let root = ChatMessage { thread_replies: 1, ..said("$root", "@b:x", "Ordre du jour ?", false) };
    let mut pane = team_with(vec![root]);
    let opened = pane.update(Message::OpenThread("$root".into()));
    assert_eq!(opened, Some(Event::WatchThread { room_id: "!c".into(), root: "$root".into() }));
    assert!(simulator(pane.view()).find(fl!("thread-title").as_str()).is_ok());
    let typed =
        iced::widget::text_editor::Action::Edit(iced::widget::text_editor::Edit::Insert('D'));
    pane.update(Message::Thread(thread::Message::Edit(typed)));
    let sent = pane.update(Message::Thread(thread::Message::Send));
    let wanted = Event::SendInThread {
        room_id: "!c".into(),
        root: "$root".into(),
        out: crate::model::mention::Outgoing::plain("D"),
        consent: false,
    };
    assert_eq!(sent, Some(wanted));
    assert_eq!(pane.update(Message::Thread(thread::Message::Close)), Some(Event::StopThread));
    assert!(!pane.close_thread(), "closed already");

    let mut clear = RoomPane::new(&room("!a", "Open Lobby", false, true), false);
    clear.update(Message::OpenThread("$root".into()));
    let typed =
        iced::widget::text_editor::Action::Edit(iced::widget::text_editor::Edit::Insert('x'));
    clear.update(Message::Thread(thread::Message::Edit(typed)));
    assert_eq!(clear.update(Message::Thread(thread::Message::Send)), None, "no consent yet");
    assert_eq!(clear.error.as_deref(), Some(fl!("thread-needs-consent").as_str()));
    assert!(clear.close_thread(), "Esc closes it");
}

#[test]
fn a_thread_roots_count_follows_the_open_thread_not_the_count_it_came_with() {
    let root = ChatMessage { thread_replies: 1, ..said("$root", "@b:x", "Ordre du jour ?", false) };
    let mut pane = team_with(vec![root.clone()]);
    pane.update(Message::OpenThread("$root".into()));
    let answer = |id: &str| ChatMessage {
        thread_root: Some("$root".into()),
        ..said(id, "@c:x", "Point à ajouter", false)
    };
    let thread = vec![root, answer("$a1"), answer("$a2"), answer("$a3")];
    pane.update(Message::Thread(thread::Message::Loaded(thread)));
    let mut ui = simulator(pane.view());
    assert!(ui.find(fl!("timeline-thread-replies", count = 3).as_str()).is_ok());
    assert!(ui.find(fl!("timeline-thread-replies", count = 1).as_str()).is_err(), "stale");
}

#[test]
fn the_room_header_sets_how_much_the_room_notifies() {
    let mut pane = RoomPane::new(&room("!c", "Team", true, false), false);
    pane.details = pane_details();
    let all = crate::model::notify::NotifyMode::All.to_string();
    let mute = crate::model::notify::NotifyMode::Mute;
    let click = |pane: &RoomPane, label: &str| -> Vec<Message> {
        let mut ui = simulator(pane.view());
        assert!(ui.click(label).is_ok(), "{label} on screen");
        ui.into_messages().collect()
    };
    assert!(simulator(pane.view()).find(mute.to_string().as_str()).is_err(), "menu closed");
    for message in click(&pane, &all) {
        assert_eq!(pane.update(message), None, "opening the menu asks nothing");
    }
    let chosen: Vec<_> =
        click(&pane, &mute.to_string()).into_iter().filter_map(|m| pane.update(m)).collect();
    assert_eq!(chosen, [Event::SetNotify { room_id: "!c".into(), mode: mute }]);
    // The menu closed; the header shows the room's mode.
    assert!(simulator(pane.view()).find(mute.to_string().as_str()).is_ok());
    assert!(simulator(pane.view()).find(all.as_str()).is_err());
}

#[test]
fn a_room_replaced_by_its_upgrade_says_so_and_leads_to_the_new_room() {
    let mut pane = RoomPane::new(&room("!c", "Team", true, false), false);
    let details = RoomDetails { replaced_by: Some("!new:x".into()), ..pane_details() };
    let view = RoomView {
        details,
        messages: Vec::new(),
        at_start: true,
        typing: Vec::new(),
        read_up_to: None,
    };
    pane.update(Message::Loaded(view));
    let mut ui = simulator(pane.view());
    assert!(ui.find(fl!("room-replaced").as_str()).is_ok());
    ui.click(fl!("room-replaced-go").as_str()).unwrap();
    let clicked: Vec<Message> = ui.into_messages().collect();
    let [Message::GoToSuccessor(new)] = clicked.as_slice() else { panic!("{clicked:?}") };
    assert_eq!(
        pane.update(Message::GoToSuccessor(new.clone())),
        Some(Event::JoinAndOpen("!new:x".into()))
    );
}

#[test]
fn a_search_result_shows_in_place_of_the_live_timeline_until_back_to_the_latest() {
    let mut pane = team_with(vec![said("$live", "@b:x", "Le plus récent", false)]);
    let asked = pane.show_message("$hit");
    assert_eq!(asked, Event::WatchAround { room_id: "!c".into(), event_id: "$hit".into() });
    let context = vec![
        said("$before", "@b:x", "Juste avant", false),
        said("$hit", "@b:x", "La réunion est déplacée", false),
    ];
    let loaded = crate::model::Around { messages: context, at_start: false };
    let revealed = pane.update(Message::Around(around::Message::Loaded(loaded)));
    assert_eq!(revealed, Some(Event::RevealAround(1.0)), "the message is brought into view");
    {
        let mut ui = simulator(pane.view());
        assert!(ui.find("La réunion est déplacée").is_ok() && ui.find("Juste avant").is_ok());
        assert!(ui.find("Le plus récent").is_err(), "the live timeline gives way");
        let _ = ui.click(fl!("around-earlier").as_str());
        let clicked: Vec<Message> = ui.into_messages().collect();
        let [step @ Message::Around(_)] = clicked.as_slice() else { panic!("{clicked:?}") };
        let wanted =
            Event::StepAround { room_id: "!c".into(), event_id: "$hit".into(), later: false };
        assert_eq!(pane.update(step.clone()), Some(wanted));
    }
    let back = pane.update(Message::Around(around::Message::Latest));
    assert_eq!(back, Some(Event::StopAround));
    let mut ui = simulator(pane.view());
    assert!(ui.find("Le plus récent").is_ok(), "the live timeline is back");
}

/// A picture among the messages around a search result loads as it would in the timeline:
/// asked once with the first answer, and the new ones a step brings after it.
#[test]
fn the_pictures_around_a_search_result_load_by_themselves() {
    use crate::ui::panel::gallery::tests::picture;
    let mut pane = team_with(Vec::new());
    pane.show_message("$hit");
    let first = vec![picture("$p1", false), said("$hit", "@b:x", "Voici le plan", false)];
    let loaded = crate::model::Around { messages: first.clone(), at_start: false };
    let revealed = pane.update(Message::Around(around::Message::Loaded(loaded)));
    assert_eq!(revealed, Some(Event::RevealAround(1.0)));
    let asked = pane.around_pictures();
    let wanted =
        Event::LoadPictures { room_id: "!c".into(), event_ids: vec!["$p1".into()], full: false };
    assert_eq!(asked, Some(wanted));
    assert_eq!(pane.around_pictures(), None, "asked once");

    let mut stepped = vec![picture("$p0", false)];
    stepped.extend(first);
    let loaded = crate::model::Around { messages: stepped, at_start: true };
    let more = pane.update(Message::Around(around::Message::Loaded(loaded)));
    let wanted =
        Event::LoadPictures { room_id: "!c".into(), event_ids: vec!["$p0".into()], full: false };
    assert_eq!(more, Some(wanted), "only the new one");
}
