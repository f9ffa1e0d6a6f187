//! The message in its place, without a server: it is framed and brought into view once, the
//! steps ask for more and hide at the room's ends, and the way back leaves it.

use iced::widget::text;
use iced_test::simulator;

use super::*;
use crate::ui::panel::room::tests::said;

#[derive(Debug, Clone)]
enum Outer {
    Around(Message),
}

fn context() -> Context {
    Context { messages: messages(), at_start: false }
}

fn messages() -> Vec<ChatMessage> {
    vec![
        said("$a", "@b:x", "Avant la réunion", false),
        said("$hit", "@b:x", "La réunion est à 15 h", false),
        said("$c", "@c:x", "Merci", false),
    ]
}

fn clicks(panel: &Around, label: &str) -> Vec<Outer> {
    let row_of =
        |m: &ChatMessage| -> Element<'_, Outer> { text(m.body.clone().unwrap_or_default()).into() };
    let mut ui = simulator(panel.view(row_of, Outer::Around));
    assert!(ui.find("La réunion est à 15 h").is_ok(), "the message is shown");
    let _ = ui.click(label);
    ui.into_messages().collect()
}

#[test]
fn the_message_is_brought_into_view_once_it_arrives_and_only_once() {
    let mut panel = Around::new("$hit".into());
    let nothing = Context { messages: Vec::new(), at_start: false };
    assert_eq!(panel.update(Message::Loaded(nothing)), None, "not there yet");
    assert_eq!(panel.update(Message::Loaded(context())), Some(Event::Reveal(0.5)));
    let mut more = context();
    more.messages.insert(0, said("$z", "@b:x", "Bonjour", false));
    assert_eq!(panel.update(Message::Loaded(more)), None, "the reader's place is left alone");
}

#[test]
fn earlier_and_later_ask_the_core_and_stop_at_the_rooms_ends() {
    let mut panel = Around::new("$hit".into());
    panel.update(Message::Loaded(context()));
    let earlier = clicks(&panel, fl!("around-earlier").as_str());
    let [Outer::Around(step)] = earlier.as_slice() else { panic!("{earlier:?}") };
    let asked = panel.update(step.clone());
    assert_eq!(asked, Some(Event::Step { event_id: "$hit".into(), later: false }));
    assert_eq!(panel.update(Message::Step(false)), None, "one step at a time");
    panel.update(Message::Stepped(false, Ok(true)));
    assert!(clicks(&panel, fl!("around-earlier").as_str()).is_empty(), "the start is reached");

    let later = clicks(&panel, fl!("around-later").as_str());
    let [Outer::Around(step)] = later.as_slice() else { panic!("{later:?}") };
    let asked = panel.update(step.clone());
    assert_eq!(asked, Some(Event::Step { event_id: "$hit".into(), later: true }));
    panel.update(Message::Stepped(true, Ok(true)));
    assert!(clicks(&panel, fl!("around-later").as_str()).is_empty(), "the end is reached");
}

#[test]
fn a_room_that_starts_there_offers_nothing_earlier() {
    let mut panel = Around::new("$hit".into());
    panel.update(Message::Loaded(Context { messages: messages(), at_start: true }));
    assert!(clicks(&panel, fl!("around-earlier").as_str()).is_empty());
    assert_eq!(clicks(&panel, fl!("around-later").as_str()).len(), 1, "later still offered");
}

#[test]
fn back_to_the_latest_leaves_the_message() {
    let mut panel = Around::new("$hit".into());
    panel.update(Message::Loaded(context()));
    let back = clicks(&panel, fl!("around-latest").as_str());
    let [Outer::Around(message)] = back.as_slice() else { panic!("{back:?}") };
    assert_eq!(panel.update(message.clone()), Some(Event::Latest));
}

#[test]
fn a_failure_is_said_and_the_steps_stay() {
    let mut panel = Around::new("$hit".into());
    panel.update(Message::Loaded(context()));
    panel.update(Message::Step(true));
    let failure = Failure::from(crate::matrix::MatrixError::MessageNotFound("$hit".into()));
    panel.update(Message::Stepped(true, Err(failure)));
    assert!(panel.error.as_deref().is_some_and(|e| e.contains("$hit")), "{:?}", panel.error);
    assert_eq!(
        panel.update(Message::Step(true)),
        Some(Event::Step { event_id: "$hit".into(), later: true })
    );
}
