//! The panels beside or over the open room: its thread, its members, its settings. One side
//! panel at a time; what each asks of the core goes out with the room's id.

use super::{Event, RoomPane};
use crate::fl;
use crate::ui::panel::{around, members, room_settings, thread};

impl RoomPane {
    /// What the thread panel asked: an answer in it goes through the room's consent, as any
    /// message does.
    pub(super) fn thread_message(&mut self, message: thread::Message) -> Option<Event> {
        let room_id = self.details.room_id.clone();
        match self.thread.as_mut()?.update(message)? {
            thread::Event::Send { .. } if self.forbidden() => {
                self.error = Some(fl!("composer-forbidden"));
                None
            }
            thread::Event::Send { .. } if !(self.details.encrypted || self.consented) => {
                self.error = Some(fl!("thread-needs-consent"));
                None
            }
            thread::Event::Send { root, out } => {
                Some(Event::SendInThread { room_id, root, out, consent: self.consented })
            }
            thread::Event::LoadMembers => Some(self.load_members()),
            thread::Event::Closed => {
                self.thread = None;
                Some(Event::StopThread)
            }
        }
    }

    /// What the member list asked: actions on members go to the core with the room's id.
    pub(super) fn members_message(&mut self, message: members::Message) -> Option<Event> {
        let room_id = self.details.room_id.clone();
        // The composers' completion offers the same members, panel open or not.
        if let members::Message::Loaded(list) = &message {
            self.mention.set_members(list);
            if let Some(thread) = self.thread.as_mut() {
                thread.set_members(list);
            }
        }
        match self.members.as_mut()?.update(message)? {
            members::Event::Act { user, act, reason } => {
                Some(Event::Moderate { room_id, user, act, reason })
            }
            members::Event::Invite(user) => Some(Event::Invite { room_id, user }),
            members::Event::Reload => Some(self.load_members()),
            members::Event::Sessions(user) => Some(Event::PersonSessions(user)),
            members::Event::Faces(urls) => Some(Event::MemberFaces(urls)),
            members::Event::SearchPeople(term) => Some(Event::SearchPeople(term)),
            members::Event::Verify(user) => Some(Event::VerifyPerson(user)),
            members::Event::Chat(user) => Some(Event::OpenPerson(user)),
            members::Event::Closed => {
                self.members = None;
                None
            }
        }
    }

    pub(super) fn settings_message(&mut self, message: room_settings::Message) -> Option<Event> {
        let room_id = self.details.room_id.clone();
        match self.settings.as_mut()?.update(message)? {
            room_settings::Event::Change(change) => Some(Event::ChangeSettings { room_id, change }),
            room_settings::Event::Reload => Some(Event::LoadSettings(room_id)),
            room_settings::Event::Closed => {
                self.settings = None;
                None
            }
        }
    }

    /// Shows `event_id` in its place, in place of the live timeline, until "Back to the latest".
    pub fn show_message(&mut self, event_id: &str) -> Event {
        self.around = Some(around::Around::new(event_id.to_owned()));
        let (room_id, event_id) = (self.details.room_id.clone(), event_id.to_owned());
        Event::WatchAround { room_id, event_id }
    }

    /// What the messages around one asked: steps go to the core with the room's id.
    pub(super) fn around_message(&mut self, message: around::Message) -> Option<Event> {
        let room_id = self.details.room_id.clone();
        let loaded = matches!(message, around::Message::Loaded(_));
        let Some(event) = self.around.as_mut()?.update(message) else {
            // Messages came (a step, a late key): their pictures load as the room's do.
            return if loaded { self.around_pictures() } else { None };
        };
        match event {
            around::Event::Step { event_id, later } => {
                Some(Event::StepAround { room_id, event_id, later })
            }
            around::Event::Reveal(at) => Some(Event::RevealAround(at)),
            around::Event::Latest => {
                self.around = None;
                Some(Event::StopAround)
            }
        }
    }

    /// The pictures among the messages shown around one that load without a click and are
    /// not fetched yet (asked again with the first reveal, which the same answer brought).
    pub fn around_pictures(&mut self) -> Option<Event> {
        let shown = self.around.as_ref()?.messages().iter();
        let (encrypted, public) = (self.details.encrypted, self.details.public);
        let event = self.gallery.wanted(shown, encrypted, public)?;
        self.gallery_event(event)
    }

    pub(super) fn load_members(&self) -> Event {
        Event::LoadMembers(self.details.room_id.clone())
    }

    /// Closes the side panel (Esc): true when a thread was open, so that it is let go.
    pub fn close_thread(&mut self) -> bool {
        self.members = None;
        self.settings = None;
        self.thread.take().is_some()
    }
}
