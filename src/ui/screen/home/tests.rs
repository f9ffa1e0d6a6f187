//! The home screen's simulator tests, with no core: what it shows, and what it asks for
//! (`Effects::core`) when clicked, typed at, or told by the core. Overlays one at a time, the
//! verification dialog's replacement rule, the identity-change banner, the idle lock's
//! silent notifications, the new-login alert and where failures are shown.

use iced_test::simulator;

use super::*;
use crate::matrix::MatrixError;
use crate::model::verification::Stage;
use crate::ui::panel::room_list::tests::room;

fn home() -> Home {
    let me = Me { user_id: "@anne:gouv.fr".into(), device_id: "ANNEDEV".into() };
    Home::new(me, Policy::default(), Preferences::default(), Vec::new())
}

/// Clicks the button labelled `label` and feeds what it sends back to `update`.
fn click(home: &mut Home, label: &str) -> Vec<Request> {
    let messages: Vec<_> = {
        let mut ui = simulator(home.view());
        assert!(ui.click(label).is_ok(), "no button {label:?} on screen");
        ui.into_messages().collect()
    };
    messages.into_iter().flat_map(|message| home.update(message).core).collect()
}

fn shows(home: &Home, words: &str) -> bool {
    simulator(home.view()).find(words).is_ok()
}

fn flow(id: &str, stage: Stage) -> Box<Verification> {
    let mut flow = Verification::new(id.into(), "@bruno:gouv.fr".into(), false);
    flow.stage = stage;
    Box::new(flow)
}

fn new_session() -> Device {
    Device {
        device_id: "EVILDEV".into(),
        name: Some("Firefox on Linux".into()),
        verified: false,
        this_session: false,
        last_seen_ts: None,
        last_seen_ip: None,
        keys_only: false,
    }
}

/// With the rooms `!team` (encrypted) and `!lobby` in the list, `!team` open.
fn in_team_room() -> Home {
    let mut home = home();
    let _ = home
        .set_rooms(vec![room("!team", "Team", true, false), room("!lobby", "Lobby", false, true)]);
    let opened = home.update(Message::Clicked(Some("!team".into())));
    assert!(
        matches!(&opened.core[..], [Request::Watch(w), Request::LoadDraft(d), Request::CheckIdentity(c)]
            if w == "!team" && d == "!team" && c == "!team")
    );
    home
}

#[test]
fn a_draft_is_kept_as_it_is_typed_restored_on_opening_and_forgotten_once_sent() {
    let mut home = in_team_room();
    let _ = home.update(Message::Room(room::Message::Draft("Le budget est".into())));
    let typed = room::Message::Edit(iced::widget::text_editor::Action::Edit(
        iced::widget::text_editor::Edit::Insert('!'),
    ));
    let asked = home.update(Message::Room(typed)).core;
    let kept = asked.iter().find_map(|request| match request {
        Request::SaveDraft { room_id, text } => Some((room_id.as_str(), text.trim_end())),
        _ => None,
    });
    assert_eq!(kept, Some(("!team", "Le budget est!")), "{asked:?}");
    let asked = home.update(Message::Room(room::Message::Send)).core;
    let cleared = asked.iter().any(|request| {
        matches!(request, Request::SaveDraft { room_id, text } if room_id == "!team" && text.trim().is_empty())
    });
    assert!(cleared, "sent: no draft left {asked:?}");
}

#[test]
fn one_overlay_at_a_time_and_escape_closes_it() {
    let mut home = home();
    assert!(click(&mut home, &fl!("home-new-room")).is_empty());
    assert!(shows(&home, &fl!("dialog-new-room")));
    let asked = home.update(Message::OpenSettings).core;
    assert!(matches!(&asked[..], [Request::LoadSettings]), "{asked:?}");
    assert!(!shows(&home, &fl!("dialog-new-room")), "the settings replaced the dialog");
    let _ = home.update(Message::OpenDialog(Dialog::new_chat()));
    assert!(shows(&home, &fl!("dialog-new-chat")));
    let _ = home.update(Message::Escape);
    assert!(home.overlay.is_none() && !shows(&home, &fl!("dialog-new-chat")));
}

#[test]
fn the_new_conversation_dialog_stays_for_a_search_and_goes_once_it_asks() {
    let mut home = home();
    let _ = home.update(Message::OpenDialog(Dialog::new_chat()));
    let typed = home.update(Message::Dialog(dialog::Message::User("marie".into()))).core;
    assert!(
        matches!(&typed[..], [Request::Conversation(dialog::Event::Search(t))] if t == "marie")
    );
    assert!(home.overlay.is_some(), "a search leaves it open for its answer");
    let picked = home.update(Message::Dialog(dialog::Message::Pick("@marie:gouv.fr".into()))).core;
    assert!(
        matches!(&picked[..], [Request::Conversation(dialog::Event::OpenChat(u))] if u == "@marie:gouv.fr")
    );
    assert!(home.overlay.is_none());
}

#[test]
fn a_verification_request_does_not_replace_one_in_progress() {
    let mut home = home();
    let who = "@bruno:gouv.fr";
    let _ = home.verification(flow("A", Stage::Requested));
    assert!(shows(&home, &fl!("verify-incoming-person", who = who)));
    // A second request while the first is still running is not shown over it.
    let _ = home.verification(flow("B", Stage::Ready { methods: Vec::new() }));
    let _ = home.verification(flow("A", Stage::Confirmed));
    assert!(shows(&home, &fl!("verify-waiting-other")));
    // Done: trust is asked again, and once over, the next request takes the dialog.
    let done = home.verification(flow("A", Stage::Done));
    assert!(matches!(&done.core[..], [Request::CheckTrust]), "{:?}", done.core);
    let _ = home.verification(flow("B", Stage::Requested));
    assert!(shows(&home, &fl!("verify-incoming-person", who = who)));
    // A flow that is already over never opens a dialog of its own.
    let mut fresh = self::home();
    let _ = fresh.verification(flow("C", Stage::Done));
    assert!(fresh.trust.overlays().next().is_none());
}

#[test]
fn escape_cancels_a_running_verification_on_both_sides() {
    let mut home = home();
    let _ = home.verification(flow("A", Stage::Requested));
    let closed = home.update(Message::Escape).core;
    assert!(matches!(&closed[..], [Request::CancelVerification(id)] if id == "A"), "{closed:?}");
    let _ = home.verification(flow("B", Stage::Done));
    assert!(home.update(Message::Escape).core.is_empty(), "nothing to cancel once over");
}

#[test]
fn the_identity_banner_shows_for_the_open_room_and_accepts_for_it() {
    let mut home = in_team_room();
    let marc = vec!["Marc (@marc:gouv.fr)".to_owned()];
    let banner = fl!("identity-banner", users = marc.join(", "), count = 1);
    // An answer about another room (opened before) changes nothing.
    let _ =
        home.update(Message::Trust(trust::Message::Identity("!lobby".into(), Ok(marc.clone()))));
    assert!(!shows(&home, &banner));
    let _ = home.update(Message::Trust(trust::Message::Identity("!team".into(), Ok(marc.clone()))));
    assert!(shows(&home, &banner));
    let asked = click(&mut home, &fl!("identity-acknowledge"));
    assert!(
        matches!(&asked[..], [Request::AcceptIdentities { room_id, users }] if room_id == "!team" && *users == marc)
    );
    // Opening another room asks afresh and hides this room's banner meanwhile.
    let _ = home.update(Message::Clicked(Some("!lobby".into())));
    assert!(!shows(&home, &banner));
}

#[test]
fn a_held_message_asks_the_identities_again_and_other_failures_do_not() {
    let mut home = in_team_room();
    let held = MatrixError::IdentityChanged { users: vec!["Marc".into()], held: true };
    let asked = home.update(Message::Done(Err(held.clone().into()))).core;
    assert!(matches!(&asked[..], [Request::CheckIdentity(room)] if room == "!team"));
    assert!(shows(&home, &held.to_string()), "said in the open room");
    let asked = home.update(Message::Done(Err(MatrixError::Network("down".into()).into()))).core;
    assert!(asked.is_empty());
    // With no room open, a failure is said above everything, until dismissed.
    let mut empty = self::home();
    let refused = MatrixError::UnknownRoom("#nowhere".into());
    let _ = empty.update(Message::Opened(Err(refused.clone().into())));
    assert!(shows(&empty, &refused.to_string()));
    let _ = click(&mut empty, &fl!("verify-close"));
    assert!(!shows(&empty, &refused.to_string()));
}

#[test]
fn notifications_name_no_room_while_the_idle_lock_is_up() {
    // A direct chat's new message is news (see model::notice).
    let mut quiet = RoomSummary { dm: true, ..room("!team", "Team", true, false) };
    let mut home = home();
    let _ = home.set_rooms(vec![quiet.clone()]);
    quiet.unread = 1;
    let told = home.set_rooms(vec![quiet.clone()]).core;
    assert!(matches!(&told[..], [Request::Notify { hidden: false, .. }]), "{told:?}");
    home.set_locked(true);
    quiet.unread = 2;
    let told = home.set_rooms(vec![quiet.clone()]).core;
    assert!(matches!(&told[..], [Request::Notify { hidden: true, .. }]), "{told:?}");
    home.set_locked(false);
    quiet.unread = 3;
    let told = home.set_rooms(vec![quiet]).core;
    assert!(matches!(&told[..], [Request::Notify { hidden: false, .. }]), "{told:?}");
}

#[test]
fn a_new_login_is_alerted_and_can_be_verified_or_dismissed() {
    let mut home = home();
    let _ = home.new_session(new_session());
    assert!(shows(&home, &fl!("alert-title")));
    let asked = click(&mut home, &fl!("alert-verify"));
    assert!(
        matches!(&asked[..], [Request::StartVerification(Whom::OwnSession(d))] if d == "EVILDEV")
    );
    assert!(!shows(&home, &fl!("alert-title")), "the verification takes over");
    let _ = home.new_session(new_session());
    let asked = click(&mut home, &fl!("alert-sign-out"));
    assert!(
        matches!(&asked[..], [Request::SignOut { asker: request::Asker::NewLogin, .. }]),
        "{asked:?}"
    );
    let _ = home.update(Message::Escape);
    assert!(!shows(&home, &fl!("alert-title")));
}

#[test]
fn the_policy_puts_verification_in_front_of_an_unverified_session() {
    use crate::model::recovery::{BackupStatus, CrossSigningKeys, RecoveryState, TrustStatus};
    let mut policy = Policy::default();
    policy.require_session_verification.value = true;
    let me = Me { user_id: "@anne:gouv.fr".into(), device_id: "ANNEDEV".into() };
    let mut home = Home::new(me, policy, Preferences::default(), Vec::new());
    let status = TrustStatus {
        recovery: RecoveryState::Enabled,
        backup: BackupStatus { enabled: true, exists_on_server: Some(true), all_keys_saved: None },
        cross_signing: CrossSigningKeys { master: false, self_signing: false, user_signing: false },
        session_verified: false,
    };
    let _ = home.update(Message::Trust(trust::Message::Status(Ok(status))));
    assert!(shows(&home, &fl!("required-verification-title")));
    let asked = click(&mut home, &fl!("settings-logout"));
    assert!(matches!(&asked[..], [Request::LogOut { wipe: false }]));
    // Its "with the key" button (the banner behind it has one too) opens the recovery dialog.
    let asked = home.update(Message::Trust(trust::Message::OpenRecovery(None))).core;
    assert!(asked.is_empty(), "{asked:?}");
    assert!(matches!(home.overlay, Some(Overlay::Recovery(_))), "the key is asked for");
    let verified = TrustStatus { session_verified: true, ..status };
    let _ = home.update(Message::Trust(trust::Message::Status(Ok(verified))));
    assert!(!shows(&home, &fl!("required-verification-title")));
}
