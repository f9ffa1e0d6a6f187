//! The composer's mentions in the room pane: `@` fetches the members once and offers them,
//! a pick writes the name, the message sent carries the mention; incoming mentions read as
//! names, and a message that calls the reader is marked.

use iced::widget::text_editor::{Action, Edit};
use iced_test::simulator;

use super::tests::{pane_details, said};
use super::*;
use crate::model::member::{Member, Power, RoomMembers};
use crate::model::mention::Mention;
use crate::model::rich::{Pill, Span};
use crate::ui::panel::room_list::tests::room;
use crate::ui::panel::timeline::Look;

/// Types `words` key by key, as a person would: each goes through the pane's update.
fn type_keys(pane: &mut RoomPane, words: &str) -> Vec<Event> {
    let mut asked = Vec::new();
    for c in words.chars() {
        asked.extend(pane.update(Message::Edit(Action::Edit(Edit::Insert(c)))));
    }
    asked
}

fn members() -> RoomMembers {
    RoomMembers {
        room_id: "!c".into(),
        members: vec![
            Member::joined("@alice:gouv.example", "Alice"),
            Member::joined("@bob:gouv.example", "Bob"),
        ],
        my_power: Power::Level(0),
        default_level: 0,
        may_invite: false,
        may_call_room: false,
    }
}

fn pane() -> RoomPane {
    let mut pane = RoomPane::new(&room("!c", "Team", true, false), false);
    pane.details = pane_details();
    pane
}

#[test]
fn typing_an_at_sign_offers_the_members_and_a_pick_is_sent_as_a_mention() {
    let mut pane = pane();
    let asked = type_keys(&mut pane, "Merci @al");
    assert!(asked.contains(&Event::LoadMembers("!c".into())), "{asked:?}");
    pane.update(Message::Members(members::Message::Loaded(members())));
    let clicked: Vec<Message> = {
        let mut ui = simulator(pane.view());
        assert!(ui.find("Bob (@bob:gouv.example)").is_err(), "only who matches");
        let _ = ui.click("Alice (@alice:gouv.example)");
        ui.into_messages().collect()
    };
    assert!(matches!(clicked.as_slice(), [Message::Mention(_)]), "{clicked:?}");
    for message in clicked {
        pane.update(message);
    }
    assert_eq!(pane.composer.text(), "Merci Alice ");
    type_keys(&mut pane, "pour le budget");
    let Some(Event::Send { text, .. }) = pane.update(Message::Send) else { panic!("sent") };
    assert_eq!(text.text, "Merci Alice pour le budget");
    let alice = Mention::Person { user_id: "@alice:gouv.example".into(), name: "Alice".into() };
    assert_eq!(text.mentions, [alice]);
}

#[test]
fn the_keyboard_moves_in_the_list_and_escape_closes_it() {
    let mut pane = pane();
    pane.update(Message::Members(members::Message::Loaded(members())));
    assert!(type_keys(&mut pane, "@").iter().all(|e| !matches!(e, Event::LoadMembers(_))));
    assert!(pane.mention.is_open());
    pane.update(Message::Mention(mention::Message::Next));
    pane.update(Message::Mention(mention::Message::Accept));
    assert_eq!(pane.composer.text(), "Bob ");
    type_keys(&mut pane, "@a");
    pane.update(Message::Mention(mention::Message::Close));
    assert!(!pane.mention.is_open());
    assert!(simulator(pane.view()).find(fl!("mention-hint").as_str()).is_err());
}

#[test]
fn a_mention_reads_as_the_name_and_a_message_calling_me_is_marked() {
    let pill = |me| Span {
        text: "Alice".into(),
        link: Some("https://matrix.to/#/@alice:gouv.example".into()),
        mention: Some(Pill { user_id: "@alice:gouv.example".into(), me }),
        ..Span::default()
    };
    let mut message = said("$1", "@bob:gouv.example", "Alice: le budget", false);
    message.formatted =
        Some(vec![pill(true), Span { text: ": le budget".into(), ..Span::default() }]);
    message.highlighted = true;
    let continued = Look { continued: true, ..Look::default() };
    let mut ui = simulator(crate::ui::panel::timeline::message_row(&message, continued));
    // The name starts the text, after the time column and the shield; a click opens her.
    ui.point_at(iced::Point::new(70.0, 10.0));
    let _ = ui.simulate(iced_test::simulator::click());
    let clicked: Vec<Message> = ui.into_messages().collect();
    assert!(
        matches!(clicked.as_slice(), [Message::Link(click)] if click.href.ends_with("@alice:gouv.example")),
        "{clicked:?}"
    );
}

#[test]
fn the_threads_composer_completes_mentions_too_and_its_answer_carries_them() {
    let mut pane = pane();
    pane.update(Message::OpenThread("$root".into()));
    let mut asked = Vec::new();
    for c in "Vu @b".chars() {
        let typed = thread::Message::Edit(Action::Edit(Edit::Insert(c)));
        asked.extend(pane.update(Message::Thread(typed)));
    }
    assert!(asked.contains(&Event::LoadMembers("!c".into())), "{asked:?}");
    pane.update(Message::Members(members::Message::Loaded(members())));
    let clicked: Vec<Message> = {
        let mut ui = simulator(pane.view());
        assert!(ui.find("Alice (@alice:gouv.example)").is_err(), "only who matches");
        let _ = ui.click("Bob (@bob:gouv.example)");
        ui.into_messages().collect()
    };
    assert!(matches!(clicked.as_slice(), [Message::Thread(_)]), "{clicked:?}");
    for message in clicked {
        pane.update(message);
    }
    let Some(Event::SendInThread { out, root, .. }) =
        pane.update(Message::Thread(thread::Message::Send))
    else {
        panic!("answered in the thread")
    };
    assert_eq!((root.as_str(), out.text.as_str()), ("$root", "Vu Bob"));
    let bob = Mention::Person { user_id: "@bob:gouv.example".into(), name: "Bob".into() };
    assert_eq!(out.mentions, [bob]);
}
