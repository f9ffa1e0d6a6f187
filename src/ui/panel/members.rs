//! Who is in the room, beside the conversation: every member with their Matrix ID, role,
//! standing and verification shield, and for invitations who sent them. Every message sent
//! goes to all of them, so this is the room's first security question. A member opens to the
//! actions this account's power level allows (message, verify, role, remove, ban, unban);
//! those it does not allow are not offered, and the panel says why. Each destructive action
//! asks first. Large rooms are searched, not scrolled: at most `SHOWN` rows are drawn.

use std::collections::HashMap;

use iced::widget::{
    button, column, container, image, pick_list, row, scrollable, text, text_input,
};
use iced::{Element, Length};

use crate::fl;
use crate::model::member::{Member, PersonSession, PersonTrust, Power, RoleChoice, RoomMembers};
use crate::model::{Membership, Person};
use crate::ui::failure::Failure;
use crate::ui::widget::style;

/// As wide as the thread panel: the conversation keeps most of the window.
pub const WIDTH: f32 = 380.0;

/// The most rows drawn at once: a room of 2000 stays quick to open, and the filter finds
/// whoever is not among them.
pub const SHOWN: usize = 100;

/// Pixels across of a member's picture as kept: sharp at 28 on a high-density screen.
pub const FACE_SIDE: u32 = 56;

/// The filter box (Tab reaches it from the invite field).
pub const FILTER: &str = "members-filter";

#[derive(Debug, Default)]
pub struct MembersPanel {
    /// `None` until the list arrives.
    list: Option<RoomMembers>,
    filter: String,
    /// The member whose actions are open, by Matrix ID.
    open: Option<String>,
    /// That member's sessions, once fetched (or why they could not be).
    sessions: Option<Result<Vec<PersonSession>, String>>,
    /// The action waiting for "Yes".
    asking: Option<Asking>,
    invite: String,
    /// The people the directory found for what the invite field held when asked.
    found: Vec<Person>,
    /// Members' pictures by `mxc://` address: asked for once, when their row is first drawn
    /// (`None` while on the way, or when there is none to show: the initial stands in).
    faces: HashMap<String, Option<image::Handle>>,
    error: Option<String>,
}

/// What can be done to a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Kick,
    Ban,
    Unban,
    Role(RoleChoice),
    /// Hide everything from them, everywhere (not a room action: no power needed).
    Ignore,
}

/// An action asked about, with the reason being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Asking {
    user: String,
    act: Act,
    reason: String,
}

/// The roles the picker offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleOption(RoleChoice);

impl std::fmt::Display for RoleOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let words = match self.0 {
            RoleChoice::Admin => fl!("role-admin"),
            RoleChoice::Moderator => fl!("role-moderator"),
            RoleChoice::Member => fl!("role-member"),
            RoleChoice::Level(level) => fl!("role-custom", level = level),
        };
        f.write_str(&words)
    }
}

const ROLES: [RoleOption; 3] = [
    RoleOption(RoleChoice::Admin),
    RoleOption(RoleChoice::Moderator),
    RoleOption(RoleChoice::Member),
];

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(RoomMembers),
    Failed(Failure),
    Filter(String),
    /// Open (or close) a member's actions.
    Open(String),
    Ask(String, Act),
    Reason(String),
    Confirm,
    Cancel,
    InviteText(String),
    /// The people directory's answer for this text.
    Found(String, Result<Vec<Person>, Failure>),
    /// Invite this person, picked among those found.
    Pick(String),
    /// Let in someone who asked to join (an invitation answers a knock).
    Admit(String),
    Invite,
    /// An action went through (the list is fetched again) or why not.
    Done(Result<(), Failure>),
    Verify(String),
    Chat(String),
    /// Someone's sessions, for the member whose actions are open.
    Sessions(String, Result<Vec<PersonSession>, Failure>),
    /// A member's picture (by its address), cut round; `None` when it could not be had.
    Face(String, Option<image::Handle>),
    Close,
}

/// What the panel asks of the room pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Act {
        user: String,
        act: Act,
        reason: Option<String>,
    },
    Invite(String),
    /// Look this text up in the people directory (answered with `Found`).
    SearchPeople(String),
    /// Fetch the list again (after an action).
    Reload,
    /// Fetch this person's sessions (answered with `Sessions`).
    Sessions(String),
    /// Fetch these pictures (answered with a `Face` each).
    Faces(Vec<String>),
    Verify(String),
    /// The direct chat with this person (the existing one, or a new one).
    Chat(String),
    Closed,
}

impl MembersPanel {
    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Loaded(list) => {
                self.list = Some(list);
                self.error = None;
                return self.faces_wanted();
            }
            Message::Face(url, face) => {
                self.faces.insert(url, face);
            }
            Message::Failed(failure) | Message::Done(Err(failure)) => {
                self.error = Some(failure.to_string());
            }
            Message::Done(Ok(())) => return Some(Event::Reload),
            Message::Filter(filter) => {
                self.filter = filter;
                return self.faces_wanted();
            }
            Message::Open(user) if self.open.as_deref() == Some(&user) => self.open = None,
            Message::Open(user) => {
                self.open = Some(user.clone());
                self.sessions = None;
                return Some(Event::Sessions(user));
            }
            Message::Sessions(user, found) if self.open.as_deref() == Some(&user) => {
                self.sessions = Some(found.map_err(|failure| failure.to_string()));
            }
            Message::Sessions(..) => {}
            Message::Ask(user, act) => {
                self.asking = Some(Asking { user, act, reason: String::new() })
            }
            Message::Reason(reason) => {
                if let Some(asking) = &mut self.asking {
                    asking.reason = reason;
                }
            }
            Message::Confirm => {
                let Asking { user, act, reason } = self.asking.take()?;
                let reason = Some(reason.trim().to_owned()).filter(|r| !r.is_empty());
                return Some(Event::Act { user, act, reason });
            }
            Message::Cancel => self.asking = None,
            Message::InviteText(typed) => {
                let term = typed.trim().to_owned();
                self.invite = typed;
                // A full Matrix ID needs no search; a few letters of a name do.
                let search = term.chars().count() >= 2 && !term.contains(':');
                self.found.clear();
                return search.then_some(Event::SearchPeople(term));
            }
            Message::Found(term, found) if term == self.invite.trim() => {
                self.found = found.unwrap_or_default();
            }
            Message::Found(..) => {}
            Message::Admit(user) => return Some(Event::Invite(user)),
            Message::Pick(user) => {
                self.invite.clear();
                self.found.clear();
                return Some(Event::Invite(user));
            }
            Message::Invite => {
                let user = self.invite.trim().to_owned();
                if user.is_empty() {
                    return None;
                }
                self.invite.clear();
                return Some(Event::Invite(user));
            }
            Message::Verify(user) => return Some(Event::Verify(user)),
            Message::Chat(user) => return Some(Event::Chat(user)),
            Message::Close => return Some(Event::Closed),
        }
        None
    }

    /// The pictures of the rows now drawn that were never asked for, marked as asked.
    fn faces_wanted(&mut self) -> Option<Event> {
        let urls: Vec<String> = self
            .shown()
            .0
            .iter()
            .filter_map(|member| member.avatar_url.clone())
            .filter(|url| !self.faces.contains_key(url))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        for url in &urls {
            self.faces.insert(url.clone(), None);
        }
        (!urls.is_empty()).then_some(Event::Faces(urls))
    }

    /// The members the filter keeps, at most `SHOWN`, and how many it kept in all.
    fn shown(&self) -> (Vec<&Member>, usize) {
        let Some(list) = &self.list else { return (Vec::new(), 0) };
        let filter = self.filter.trim().to_lowercase();
        let kept = list.members.iter().filter(|member| member.matches(&filter));
        let count = kept.clone().count();
        (kept.take(SHOWN).collect(), count)
    }

    pub fn view(&self) -> Element<'_, Message> {
        let close = button(text(fl!("viewer-close")).size(12))
            .style(button::secondary)
            .on_press(Message::Close);
        let title = match &self.list {
            Some(list) => fl!("members-title", count = list.joined()),
            None => fl!("members-title-loading"),
        };
        let mut panel =
            column![row![text(title).size(17).width(Length::Fill), close]].spacing(8).padding(12);
        panel = panel.push(text(fl!("members-who-reads")).size(12).color(style::MUTED));
        if let Some(error) = &self.error {
            panel = panel.push(style::error_box(error));
        }
        if let Some(asking) = &self.asking {
            panel = panel.push(self.question(asking));
        }
        if let Some(list) = &self.list {
            panel = panel.push(invite_box(list.may_invite, &self.invite));
            if list.may_invite {
                panel = self.found.iter().take(5).fold(panel, |panel, person| {
                    let pick = button(text(person.label()).size(12))
                        .style(button::text)
                        .on_press(Message::Pick(person.user_id.clone()));
                    panel.push(pick)
                });
            }
        }
        panel = panel.push(
            text_input(&fl!("members-filter"), &self.filter)
                .id(FILTER)
                .on_input(Message::Filter)
                .size(14),
        );
        panel = panel.push(scrollable(self.rows()).height(Length::Fill));
        container(panel).width(WIDTH).height(Length::Fill).style(style::tooltip_box).into()
    }

    fn rows(&self) -> Element<'_, Message> {
        let Some(list) = &self.list else {
            return text(fl!("members-loading")).size(13).color(style::MUTED).into();
        };
        let (shown, count) = self.shown();
        let mut rows = column![].spacing(2);
        for member in &shown {
            let face = member.avatar_url.as_ref().and_then(|url| self.faces.get(url)).cloned();
            rows = rows.push(member_row(member, face.flatten()));
            if self.open.as_deref() == Some(member.user_id.as_str()) {
                rows = rows.push(actions(member, list.my_power));
                rows = rows.push(sessions(self.sessions.as_ref()));
            }
        }
        if count > shown.len() {
            let hidden = count - shown.len();
            let more = fl!("members-more", count = hidden);
            rows = rows.push(text(more).size(12).color(style::MUTED));
        }
        if count == 0 {
            rows = rows.push(text(fl!("members-none")).size(13).color(style::MUTED));
        }
        rows.into()
    }

    /// "Remove Anne from the room?" with a reason, or "Make Anne an admin?" with what it means.
    fn question<'a>(&self, asking: &'a Asking) -> Element<'a, Message> {
        let member = self
            .list
            .as_ref()
            .and_then(|list| list.members.iter().find(|m| m.user_id == asking.user));
        let name = member.map_or_else(|| asking.user.clone(), Member::label);
        let knocking = member.is_some_and(|m| m.membership == Membership::Knocked);
        let (question, confirm) = match asking.act {
            Act::Kick if knocking => {
                (fl!("members-ask-refuse", user = name), fl!("members-refuse"))
            }
            Act::Kick => (fl!("members-ask-kick", user = name), fl!("members-kick")),
            Act::Ban => (fl!("members-ask-ban", user = name), fl!("members-ban")),
            Act::Unban => (fl!("members-ask-unban", user = name), fl!("members-unban")),
            Act::Ignore => (fl!("members-ask-ignore", user = name), fl!("members-ignore")),
            Act::Role(choice) => (
                fl!("members-ask-role", user = name, role = RoleOption(choice).to_string()),
                fl!("members-role-confirm"),
            ),
        };
        let mut body = column![text(question).size(14)].spacing(8);
        if matches!(asking.act, Act::Role(RoleChoice::Admin)) {
            body =
                body.push(text(fl!("members-admin-for-good")).size(12).style(style::caution_text));
        }
        if matches!(asking.act, Act::Kick | Act::Ban) {
            body = body.push(
                text_input(&fl!("members-reason"), &asking.reason)
                    .on_input(Message::Reason)
                    .on_submit(Message::Confirm)
                    .size(13),
            );
        }
        let buttons = row![
            button(text(fl!("consent-cancel")).size(13))
                .style(button::secondary)
                .on_press(Message::Cancel),
            button(text(confirm).size(13)).style(button::danger).on_press(Message::Confirm),
        ]
        .spacing(8);
        container(body.push(buttons)).padding(10).style(style::dialog).into()
    }
}

/// Invite by Matrix ID, or why this account may not.
fn invite_box(allowed: bool, typed: &str) -> Element<'_, Message> {
    if !allowed {
        return text(fl!("members-invite-not-allowed")).size(12).color(style::MUTED).into();
    }
    let input = text_input(&fl!("members-invite-placeholder"), typed)
        .on_input(Message::InviteText)
        .on_submit(Message::Invite)
        .size(13);
    let send = button(text(fl!("members-invite")).size(13)).on_press(Message::Invite);
    row![input, send].spacing(6).into()
}

/// One member: avatar, name and Matrix ID, role, shield; a click opens their actions.
fn member_row(member: &Member, face: Option<image::Handle>) -> Element<'_, Message> {
    let display = member.name.clone().unwrap_or_else(|| member.user_id.clone());
    let shown =
        if member.me { fl!("members-you", name = display.as_str()) } else { display.clone() };
    let mut who =
        column![text(shown).size(14), text(member.user_id.clone()).size(11).color(style::MUTED)];
    if let Some(line) = standing(member) {
        who = who.push(text(line).size(11).style(style::caution_text));
    }
    let role = text(member.role.label()).size(12).color(style::MUTED);
    let line = row![
        match face {
            Some(face) => iced::widget::image(face).width(28).height(28).into(),
            None => style::avatar(&display, &member.user_id, 28.0),
        },
        who.width(Length::Fill),
        column![role, shield(member.trust)].align_x(iced::Alignment::End),
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center);
    button(line)
        .style(button::text)
        .width(Length::Fill)
        .padding(4)
        .on_press(Message::Open(member.user_id.clone()))
        .into()
}

/// "invited by …", "banned: reason", "asks to join": where someone not joined stands.
fn standing(member: &Member) -> Option<String> {
    match member.membership {
        Membership::Joined | Membership::Left => None,
        Membership::Invited => Some(match &member.invited_by {
            Some(by) => fl!("member-invited-by", user = by.as_str()),
            None => fl!("member-invited"),
        }),
        Membership::Knocked => Some(fl!("member-knocking")),
        Membership::Banned => Some(match &member.reason {
            Some(reason) => fl!("members-banned-because", reason = reason.as_str()),
            None => fl!("member-banned"),
        }),
    }
}

fn shield(trust: PersonTrust) -> Element<'static, Message> {
    match trust {
        PersonTrust::Verified => {
            text(fl!("members-shield-verified")).size(11).style(style::safe_text)
        }
        PersonTrust::Changed => {
            text(fl!("members-shield-changed")).size(11).style(style::danger_text)
        }
        PersonTrust::Unverified => {
            text(fl!("members-shield-unverified")).size(11).color(style::MUTED)
        }
        PersonTrust::Unknown => text(fl!("members-shield-none")).size(11).color(style::MUTED),
    }
    .into()
}

/// What this account may do to the member, offered under their row.
fn actions(member: &Member, mine: Power) -> Element<'_, Message> {
    let user = &member.user_id;
    let mut buttons = row![].spacing(6);
    if !member.me {
        buttons = buttons.push(small(fl!("members-message"), Message::Chat(user.clone())));
        if member.trust != PersonTrust::Verified {
            buttons = buttons.push(small(fl!("members-verify"), Message::Verify(user.clone())));
        }
        buttons =
            buttons.push(small(fl!("members-ignore"), Message::Ask(user.clone(), Act::Ignore)));
    }
    if member.may.admit {
        buttons = buttons.push(small(fl!("members-admit"), Message::Admit(user.clone())));
    }
    if member.may.kick {
        let label = if member.membership == Membership::Knocked {
            fl!("members-refuse")
        } else {
            fl!("members-kick")
        };
        buttons = buttons.push(danger(label, Message::Ask(user.clone(), Act::Kick)));
    }
    if member.may.ban {
        buttons = buttons.push(danger(fl!("members-ban"), Message::Ask(user.clone(), Act::Ban)));
    }
    if member.may.unban {
        buttons = buttons.push(small(fl!("members-unban"), Message::Ask(user.clone(), Act::Unban)));
    }
    let mut box_ = column![buttons].spacing(6);
    if member.may.change_role {
        let current = ROLES.iter().copied().find(|option| matches_role(*option, member));
        let user = user.clone();
        let picker = pick_list(ROLES, current, move |RoleOption(choice)| {
            Message::Ask(user.clone(), Act::Role(choice))
        })
        .placeholder(member.role.label())
        .text_size(13);
        box_ = box_.push(
            row![text(fl!("members-role")).size(13), picker]
                .spacing(6)
                .align_y(iced::Alignment::Center),
        );
    }
    let may = member.may;
    if !(member.me || may.admit || may.kick || may.ban || may.unban || may.change_role) {
        let why = fl!("members-cannot", theirs = member.power.words(), mine = mine.words());
        box_ = box_.push(text(why).size(12).color(style::MUTED));
    }
    container(box_).padding([4, 40]).into()
}

/// The open member's sessions: each receives the keys to what is sent to them.
fn sessions(found: Option<&Result<Vec<PersonSession>, String>>) -> Element<'_, Message> {
    let lines = match found {
        None => column![text(fl!("members-sessions-loading")).size(12).color(style::MUTED)],
        Some(Err(error)) => column![text(error.clone()).size(12).style(style::danger_text)],
        Some(Ok(sessions)) if sessions.is_empty() => {
            column![text(fl!("members-sessions-none")).size(12).color(style::MUTED)]
        }
        Some(Ok(sessions)) => sessions.iter().fold(
            column![text(fl!("members-sessions", count = sessions.len())).size(12)],
            |lines, session| {
                let name = session.name.clone().unwrap_or_default();
                let state = if session.verified {
                    text(fl!("members-session-verified")).size(11).style(style::safe_text)
                } else {
                    text(fl!("members-session-unverified")).size(11).style(style::caution_text)
                };
                let line = row![text(format!("{name} ({})", session.device_id)).size(11), state];
                lines.push(line.spacing(6))
            },
        ),
    };
    container(lines.spacing(2)).padding([2, 40]).into()
}

fn matches_role(option: RoleOption, member: &Member) -> bool {
    use crate::model::member::Role;
    matches!(
        (option.0, member.role),
        (RoleChoice::Admin, Role::Admin)
            | (RoleChoice::Moderator, Role::Moderator)
            | (RoleChoice::Member, Role::Member)
    )
}

fn small(label: String, message: Message) -> Element<'static, Message> {
    button(text(label).size(12)).style(button::secondary).on_press(message).into()
}

fn danger(label: String, message: Message) -> Element<'static, Message> {
    button(text(label).size(12)).style(button::danger).on_press(message).into()
}

#[cfg(test)]
mod tests {
    use iced_test::simulator;

    use super::*;
    use crate::model::member::{MemberActions, Role};

    fn member(id: &str, name: &str, level: i64, may: MemberActions) -> Member {
        Member {
            user_id: id.into(),
            name: Some(name.into()),
            membership: Membership::Joined,
            avatar_url: None,
            power: Power::Level(level),
            role: Role::of(Power::Level(level), 0),
            trust: PersonTrust::Unverified,
            invited_by: None,
            reason: None,
            me: false,
            may,
        }
    }

    fn shows(panel: &MembersPanel, words: &str) -> bool {
        simulator(panel.view()).find(words).is_ok()
    }

    fn list(mine: i64, members: Vec<Member>) -> RoomMembers {
        RoomMembers {
            room_id: "!r:x".into(),
            members,
            my_power: Power::Level(mine),
            default_level: 0,
            may_invite: mine >= 50,
            may_call_room: mine >= 50,
        }
    }

    const ALL: MemberActions =
        MemberActions { admit: false, kick: true, ban: true, unban: false, change_role: true };

    #[test]
    fn someone_who_asks_to_join_is_let_in_or_refused_with_a_question() {
        let mut panel = MembersPanel::default();
        let knocking = Member {
            membership: Membership::Knocked,
            may: MemberActions { admit: true, kick: true, ..MemberActions::default() },
            ..member("@new:x", "Nouvelle", 0, MemberActions::default())
        };
        panel.update(Message::Loaded(list(50, vec![knocking])));
        assert!(shows(&panel, &fl!("member-knocking")));
        panel.update(Message::Open("@new:x".into()));
        let mut ui = simulator(panel.view());
        ui.click(fl!("members-admit").as_str()).unwrap();
        ui.click(fl!("members-refuse").as_str()).unwrap();
        let clicked: Vec<Message> = ui.into_messages().collect();
        let [Message::Admit(user), Message::Ask(_, Act::Kick)] = clicked.as_slice() else {
            panic!("{clicked:?}")
        };
        assert!(!shows(&panel, &fl!("members-kick")), "a knock is refused, not removed");
        assert_eq!(
            panel.update(Message::Admit(user.clone())),
            Some(Event::Invite("@new:x".into()))
        );
        panel.update(Message::Ask("@new:x".into(), Act::Kick));
        assert!(shows(&panel, &fl!("members-ask-refuse", user = "Nouvelle (@new:x)")));
    }

    #[test]
    fn pictures_are_asked_for_once_for_the_rows_drawn_and_drawn_when_they_come() {
        let mut panel = MembersPanel::default();
        let with_face = |n: usize| Member {
            avatar_url: Some(format!("mxc://x/face{n}")),
            ..member(&format!("@agent{n}:x"), &format!("Agent {n}"), 0, MemberActions::default())
        };
        let asked = panel.update(Message::Loaded(list(0, (0..300).map(with_face).collect())));
        let Some(Event::Faces(urls)) = asked else { panic!("{asked:?}") };
        assert_eq!(urls.len(), SHOWN, "only the rows drawn");
        assert_eq!(panel.update(Message::Filter("agent".into())), None, "never twice");
        let Some(Event::Faces(more)) = panel.update(Message::Filter("agent 299".into())) else {
            panic!("a row newly drawn asks for its picture")
        };
        assert_eq!(more, ["mxc://x/face299"]);
        let face = image::Handle::from_rgba(1, 1, vec![255, 0, 0, 255]);
        panel.update(Message::Face("mxc://x/face299".into(), Some(face)));
        assert!(panel.faces["mxc://x/face299"].is_some());
    }

    #[test]
    fn a_moderator_is_offered_to_remove_a_member_and_asked_first() {
        let mut panel = MembersPanel::default();
        panel.update(Message::Loaded(list(50, vec![member("@bob:x", "Bob", 0, ALL)])));
        panel.update(Message::Open("@bob:x".into()));
        let mut ui = simulator(panel.view());
        assert!(ui.find("@bob:x").is_ok(), "the Matrix ID is always shown");
        let _ = ui.click(fl!("members-kick").as_str());
        let clicked: Vec<Message> = ui.into_messages().collect();
        let [Message::Ask(user, Act::Kick)] = clicked.as_slice() else { panic!("{clicked:?}") };
        assert_eq!(panel.update(Message::Ask(user.clone(), Act::Kick)), None, "asks, does not act");
        panel.update(Message::Reason(" spam ".into()));
        assert!(shows(&panel, &fl!("members-ask-kick", user = "Bob (@bob:x)")));
        assert_eq!(
            panel.update(Message::Confirm),
            Some(Event::Act { user: "@bob:x".into(), act: Act::Kick, reason: Some("spam".into()) })
        );
    }

    #[test]
    fn nothing_is_offered_against_someone_above_and_the_reason_is_said() {
        let mut panel = MembersPanel::default();
        let admin = member("@boss:x", "Boss", 100, MemberActions::default());
        panel.update(Message::Loaded(list(50, vec![admin])));
        panel.update(Message::Open("@boss:x".into()));
        let mut ui = simulator(panel.view());
        assert!(ui.find(fl!("members-ban").as_str()).is_err(), "a moderator cannot ban an admin");
        assert!(ui.find(fl!("members-kick").as_str()).is_err());
        assert!(ui.find(fl!("members-cannot", theirs = "100", mine = "50").as_str()).is_ok());
    }

    #[test]
    fn a_member_without_power_cannot_invite_and_is_told() {
        let mut panel = MembersPanel::default();
        panel.update(Message::Loaded(list(
            0,
            vec![member("@ann:x", "Anne", 0, MemberActions::default())],
        )));
        let mut ui = simulator(panel.view());
        assert!(ui.find(fl!("members-invite-not-allowed").as_str()).is_ok());
        assert!(ui.find(fl!("members-invite").as_str()).is_err());
    }

    #[test]
    fn the_filter_finds_one_among_many_and_only_a_page_is_drawn() {
        let mut panel = MembersPanel::default();
        let many = (0..2000).map(|n| member(&format!("@u{n}:x"), &format!("Agent {n}"), 0, ALL));
        panel.update(Message::Loaded(list(100, many.collect())));
        let (shown, count) = panel.shown();
        assert_eq!((shown.len(), count), (SHOWN, 2000));
        panel.update(Message::Filter("agent 1999".into()));
        let (shown, count) = panel.shown();
        assert_eq!(count, 1);
        assert_eq!(shown[0].user_id, "@u1999:x");
    }

    #[test]
    fn making_someone_admin_says_it_cannot_be_undone() {
        let mut panel = MembersPanel::default();
        panel.update(Message::Loaded(list(100, vec![member("@bob:x", "Bob", 0, ALL)])));
        panel.update(Message::Ask("@bob:x".into(), Act::Role(RoleChoice::Admin)));
        assert!(shows(&panel, &fl!("members-admin-for-good")));
        assert_eq!(
            panel.update(Message::Confirm),
            Some(Event::Act {
                user: "@bob:x".into(),
                act: Act::Role(RoleChoice::Admin),
                reason: None
            })
        );
    }

    #[test]
    fn a_name_typed_to_invite_searches_the_directory_and_a_result_is_invited() {
        let mut panel = MembersPanel::default();
        panel.update(Message::Loaded(list(100, Vec::new())));
        let asked = panel.update(Message::InviteText("Anne".into()));
        assert_eq!(asked, Some(Event::SearchPeople("Anne".into())));
        let anne = Person { user_id: "@anne:x".into(), display_name: Some("Anne D".into()) };
        panel.update(Message::Found("Anne".into(), Ok(vec![anne])));
        let mut ui = simulator(panel.view());
        let _ = ui.click("Anne D (@anne:x)");
        let clicked: Vec<Message> = ui.into_messages().collect();
        let [Message::Pick(user)] = clicked.as_slice() else { panic!("{clicked:?}") };
        assert_eq!(
            panel.update(Message::Pick(user.clone())),
            Some(Event::Invite("@anne:x".into()))
        );
        let typed = panel.update(Message::InviteText("@bob:x".into()));
        assert_eq!(typed, None, "a full Matrix ID is not searched");
    }

    #[test]
    fn an_invitation_goes_out_once_typed_and_a_done_action_reloads() {
        let mut panel = MembersPanel::default();
        panel.update(Message::Loaded(list(100, Vec::new())));
        assert_eq!(panel.update(Message::Invite), None, "nothing typed");
        panel.update(Message::InviteText(" @new:x ".into()));
        assert_eq!(panel.update(Message::Invite), Some(Event::Invite("@new:x".into())));
        assert_eq!(panel.update(Message::Done(Ok(()))), Some(Event::Reload));
    }
}
