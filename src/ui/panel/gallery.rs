//! The pictures of the open room as one component: which ones to fetch as they come into view
//! (where the policy lets them load without a click), the decoded cache under its budget, and
//! the viewer a click opens.

use std::collections::HashSet;

use iced::Element;

use crate::model::ChatMessage;
use crate::model::attachment::AttachmentKind;
use crate::model::picture::Preview;
use crate::ui::failure::Failure;
use crate::ui::panel::pictures::{Pictures, Slot};
use crate::ui::panel::viewer::{self, Viewer};

/// Where pictures load without a click, as the policy's `media_previews` says: in encrypted
/// rooms that are not public, and in the others (public or unencrypted, where fetching a
/// stranger's picture tells their server you looked). Where private rooms load, so do the
/// pictures of people one has talked to, wherever they post them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AutoLoad {
    pub private_rooms: bool,
    pub open_rooms: bool,
}

impl Default for AutoLoad {
    /// The policy's default, `private`.
    fn default() -> Self {
        Self { private_rooms: true, open_rooms: false }
    }
}

impl AutoLoad {
    fn applies(self, encrypted: bool, public: bool) -> bool {
        if encrypted && !public { self.private_rooms } else { self.open_rooms }
    }
}

#[derive(Debug, Default)]
pub struct Gallery {
    pictures: Pictures,
    auto: AutoLoad,
    /// The people one has direct chats with: not strangers.
    known: HashSet<String>,
    viewer: Option<Viewer>,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// A picture for the timeline arrived, decoded, or why not.
    Loaded(String, Result<Preview, Failure>),
    /// Load this picture, held back in a room where pictures wait for a click.
    Show(String),
    /// Open the viewer on this picture message, with its file name.
    Open(String, String),
    Viewer(viewer::Message),
}

/// What the gallery asks the room pane to get done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Fetch these pictures for the timeline (the sender's thumbnail where there is one).
    Load(Vec<String>),
    /// Fetch this picture whole, for the viewer.
    LoadFull(String),
    Save {
        event_id: String,
        name: String,
    },
}

impl Gallery {
    pub fn new(auto: AutoLoad, known: HashSet<String>) -> Self {
        Self { auto, known, ..Self::default() }
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Loaded(event_id, Ok(preview)) => self.pictures.loaded(event_id, preview),
            Message::Loaded(event_id, Err(failure)) => {
                self.pictures.failed(event_id, failure.to_string());
            }
            Message::Show(event_id) => {
                return self.pictures.want(&event_id).then(|| Event::Load(vec![event_id]));
            }
            Message::Open(event_id, name) => {
                self.viewer = Some(Viewer::new(event_id.clone(), name));
                return Some(Event::LoadFull(event_id));
            }
            Message::Viewer(message) => match self.viewer.as_mut()?.update(message)? {
                viewer::Event::Save { event_id, name } => {
                    return Some(Event::Save { event_id, name });
                }
                viewer::Event::Closed => self.viewer = None,
            },
        }
        None
    }

    /// The full picture for the viewer, when it is still open on it.
    pub fn full_loaded(&mut self, event_id: &str, picture: Result<Preview, Failure>) {
        if let Some(viewer) = self.viewer.as_mut().filter(|v| v.event_id() == event_id) {
            viewer.update(viewer::Message::Loaded(picture));
        }
    }

    /// The pictures among `shown` to fetch now: those not asked for yet, where they load
    /// without a click.
    pub fn wanted<'a>(
        &mut self,
        shown: impl Iterator<Item = &'a ChatMessage>,
        encrypted: bool,
        public: bool,
    ) -> Option<Event> {
        let wanted: Vec<String> = shown
            .filter(|m| is_picture(m) && loads(self.auto, &self.known, m, encrypted, public))
            .filter_map(|message| message.event_id.clone())
            .filter(|event_id| self.pictures.want(event_id))
            .collect();
        (!wanted.is_empty()).then_some(Event::Load(wanted))
    }

    /// Whether the picture of `message` loads without a click in `room`.
    pub fn automatic(&self, message: &ChatMessage, room: &crate::model::RoomDetails) -> bool {
        loads(self.auto, &self.known, message, room.encrypted, room.public)
    }

    /// What the timeline draws for a picture message: `None` when it waits for a click.
    pub fn slot(&self, event_id: &str) -> Option<&Slot> {
        self.pictures.slot(event_id)
    }

    /// Closes the viewer (Esc); true when it was open.
    pub fn close(&mut self) -> bool {
        self.viewer.take().is_some()
    }

    pub fn viewer(&self) -> Option<Element<'_, Message>> {
        Some(self.viewer.as_ref()?.view().map(Message::Viewer))
    }
}

/// One's own pictures always load; someone else's where the room's kind lets them, or, where
/// private rooms load, when one has talked with them (`known`).
fn loads(
    auto: AutoLoad,
    known: &HashSet<String>,
    message: &ChatMessage,
    encrypted: bool,
    public: bool,
) -> bool {
    message.own
        || auto.applies(encrypted, public)
        || (auto.private_rooms && known.contains(&message.sender))
}

/// A message whose file is a picture that can be drawn inline.
pub fn is_picture(message: &ChatMessage) -> bool {
    message.attachment.as_ref().is_some_and(|file| {
        file.kind == AttachmentKind::Image && file.upload.is_none() && message.event_id.is_some()
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::attachment::Attachment;
    use crate::model::{Trust, UndecryptableCause};
    use crate::ui::panel::room::tests::said;

    /// A 4000×3000 photo message from Marc, its key not here yet.
    pub(crate) fn picture(id: &str, own: bool) -> ChatMessage {
        let file = Attachment {
            name: "photo.jpg".into(),
            size: Some(2_000_000),
            mime: Some("image/jpeg".into()),
            kind: AttachmentKind::Image,
            dimensions: Some((4000, 3000)),
            thumbnail_encrypted: Some(true),
            upload: None,
        };
        ChatMessage {
            trust: Trust::Undecryptable(UndecryptableCause::MissingKey),
            attachment: Some(file),
            ..said(id, "@marc:x", "photo.jpg", own)
        }
    }

    #[test]
    fn pictures_load_by_themselves_only_where_the_policy_says() {
        let shown = [picture("$a", false), picture("$mine", true)];
        let mut gallery = Gallery::new(AutoLoad::default(), HashSet::new());
        let asked = gallery.wanted(shown.iter(), true, false);
        assert_eq!(asked, Some(Event::Load(vec!["$a".into(), "$mine".into()])));
        assert_eq!(gallery.wanted(shown.iter(), true, false), None, "asked once");

        let mut public = Gallery::new(AutoLoad::default(), HashSet::new());
        let asked = public.wanted(shown.iter(), true, true);
        assert_eq!(asked, Some(Event::Load(vec!["$mine".into()])), "only one's own");
        assert!(public.slot("$a").is_none(), "held for a click");
        assert_eq!(public.update(Message::Show("$a".into())), Some(Event::Load(vec!["$a".into()])));

        let nothing = AutoLoad { private_rooms: false, open_rooms: false };
        let known = HashSet::from(["@marc:x".to_owned()]);
        let mut off = Gallery::new(nothing, known.clone());
        assert_eq!(off.wanted(shown[..1].iter(), true, false), None, "not even from Marc");
    }

    #[test]
    fn in_a_public_room_the_pictures_of_someone_one_has_talked_to_load() {
        let marc = picture("$marc", false);
        let stranger = ChatMessage { sender: "@inconnu:y".into(), ..picture("$inconnu", false) };
        let known = HashSet::from(["@marc:x".to_owned()]);
        let mut public = Gallery::new(AutoLoad::default(), known);
        let asked = public.wanted([marc, stranger].iter(), false, true);
        assert_eq!(asked, Some(Event::Load(vec!["$marc".into()])), "not the stranger's");
        assert!(public.slot("$inconnu").is_none(), "held for a click");
    }

    #[test]
    fn the_viewer_opens_fetches_whole_and_closes() {
        let mut gallery = Gallery::default();
        let opened = gallery.update(Message::Open("$a".into(), "photo.jpg".into()));
        assert_eq!(opened, Some(Event::LoadFull("$a".into())));
        assert!(gallery.viewer().is_some());
        gallery.full_loaded("$other", Err(Failure::Picture));
        assert!(gallery.close());
        assert!(gallery.viewer().is_none() && !gallery.close());
    }
}
