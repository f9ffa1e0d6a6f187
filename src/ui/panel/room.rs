//! An open room: its header, the warning banner when it is not encrypted, the messages with
//! their trust shields, and the composer that asks before a first message goes out in clear.

use crate::ui::failure::Failure;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use iced::Element;
use iced::widget::text_editor;
use iced::widget::{column, scrollable, stack};

use crate::fl;
use crate::model::attachment::Progress;
use crate::model::mention::Outgoing;
use crate::model::notify::NotifyMode;
use crate::model::picture::Preview;
use crate::model::{ChatMessage, Reply, RoomDetails, RoomSummary, RoomView};
use crate::ui::desktop::window::{self, Window};
use crate::ui::panel::around::{self, Around};
use crate::ui::panel::delete::{self, DeleteDialog};
use crate::ui::panel::gallery::{self, AutoLoad, Gallery};
use crate::ui::panel::link::{self, LinkDialog};
use crate::ui::panel::members::{self, MembersPanel};
use crate::ui::panel::mention::{self, Completion};
use crate::ui::panel::room_settings::{self, SettingsDialog};
use crate::ui::panel::thread::{self, ThreadPanel};
use crate::ui::panel::timeline::{LinkClick, message_row};
use crate::ui::widget::style;

/// The open room.
#[derive(Debug)]
pub struct RoomPane {
    details: RoomDetails,
    messages: Vec<ChatMessage>,
    composer: text_editor::Content,
    /// The consent dialog is open, holding what it asks about.
    asking: Option<Pending>,
    /// The files on their way into this room, by name, and how far each is.
    uploads: Vec<(String, Option<Progress>)>,
    /// The user consented to sending in clear in this room, for this session.
    consented: bool,
    /// The organisation forbids sending in clear.
    forbid: bool,
    error: Option<String>,
    /// What the composer's text will be: a new message, a reply, or an edit.
    target: Target,
    /// The message whose reaction picker is open.
    picking: Option<String>,
    /// The other members typing now.
    typing: Vec<String>,
    /// The rows laid out: a window over `messages` that follows the reader.
    window: Window,
    /// Older messages were asked for and have not arrived yet.
    loading_older: bool,
    /// The organisation turned reactions off (they go out in clear).
    no_reactions: bool,
    /// Messages of an unauthenticated sender the reader chose to see anyway.
    revealed: HashSet<String>,
    /// "Delete this message?", open on one message.
    deleting: Option<DeleteDialog>,
    /// "Open this link?", open on one address.
    link: Option<LinkDialog>,
    /// The room's pictures: inline, and in the viewer.
    gallery: Gallery,
    /// Where the reader left off: the divider, and what is marked read.
    unread: unread::Unread,
    /// The thread open beside the conversation.
    thread: Option<ThreadPanel>,
    /// A message shown in its place (a search result), in place of the live timeline.
    around: Option<Around>,
    /// The member list open beside the conversation (one side panel at a time).
    members: Option<MembersPanel>,
    /// The room's settings, in a dialog over it.
    settings: Option<SettingsDialog>,
    /// What part of the laid-out rows the reader sees: only pictures near it are fetched.
    seen: nearby::Seen,
    /// The `@` completion of the composer, and the mentions picked.
    mention: Completion,
    /// How much the room notifies (its push rules, as the room list last read them).
    notify: NotifyMode,
    /// The menu of notification modes is open under the header.
    notify_menu: bool,
}

/// The timeline's scrollable, so the pane can move it.
pub const TIMELINE: &str = "room-timeline";

/// The composer, which takes the keyboard when a room opens (as in Element).
pub const COMPOSER: &str = "room-composer";

/// How the timeline must scroll after its window moved.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scroll {
    /// By this many pixels (positive: towards older messages).
    By(f32),
    /// Down to the newest message.
    Newest,
    /// Up to the oldest row laid out.
    Oldest,
}

/// What sending the composer's text does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Target {
    #[default]
    New,
    /// Answer this message, quoting it.
    Reply(Reply),
    /// Replace the text of this message of one's own (its event id).
    Edit(String),
}

#[derive(Debug, Clone)]
pub enum Message {
    Edit(text_editor::Action),
    /// The mention completion above the composer.
    Mention(mention::Message),
    /// Notify for all messages, mentions only, or nothing, in this room.
    Notify(NotifyMode),
    /// Open (or close) the menu of notification modes.
    NotifyMenu,
    Send,
    ConfirmClear,
    CancelClear,
    Loaded(RoomView),
    Failed(Failure),
    LoadOlder,
    /// Send again the failed message with this transaction id.
    Retry(String),
    /// Answer the message with this event id.
    ReplyTo(String),
    /// Change the text of one's own message with this event id.
    EditOwn(String),
    /// Back to writing a new message.
    CancelTarget,
    /// Open (or close) the reaction picker of a message.
    Pick(String),
    /// Add or take back one's reaction to a message.
    React(String, String),
    /// The timeline scrolled, or its content changed size.
    Scrolled(scrollable::Viewport),
    /// Back to the newest messages.
    JumpToNewest,
    /// Up to the first message not read when the room opened.
    JumpToUnread,
    /// Verify the other person of this direct chat.
    VerifyPartner(String),
    /// Open the system's file dialog to attach a file.
    Attach,
    /// A file to send, picked in the file dialog.
    FileChosen(PathBuf),
    /// A file dropped on the window: asked about first, since a drop can be a slip.
    FileDropped(PathBuf),
    /// How far an upload is (`None`: started), then its end (`Ok`), or why it failed.
    Upload(String, Option<Progress>),
    Uploaded(String, Result<(), Failure>),
    /// Save a message's file: its event id, and the name to propose.
    SaveFile(String, String),
    /// Open a message's file with the desktop's application for it.
    OpenFile(String, String),
    /// Show this message although its sender could not be authenticated.
    Reveal(String),
    /// Copy this message's text to the clipboard.
    Copy(String),
    /// Ask whether to delete this message.
    AskDelete(String),
    Delete(delete::Message),
    /// A link in a message was clicked.
    Link(LinkClick),
    LinkDialog(link::Message),
    Gallery(gallery::Message),
    /// The whole picture for the viewer, decoded, or why not.
    FullPicture(String, Result<Preview, Failure>),
    /// What was left written in this room's composer last time.
    Draft(String),
    /// Ctrl+V in the composer: a picture on the clipboard may be what was pasted.
    PasteCheck,
    /// Open the thread this message starts (its event id) beside the conversation.
    OpenThread(String),
    Thread(thread::Message),
    /// The message shown in its place, and the messages around it.
    Around(around::Message),
    /// Open (or close) the member list beside the conversation.
    OpenMembers,
    Members(members::Message),
    OpenSettings,
    Settings(room_settings::Message),
    /// Go to the room that replaced this one (joining it first if needed).
    GoToSuccessor(String),
    /// The clipboard held this picture (PNG).
    Pasted(Arc<[u8]>),
}

/// What the dialog over the room asks about: a message, or a file, to send in clear; or a
/// file dropped on the window, to send at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    Text(Outgoing),
    File(PathBuf),
    Dropped(PathBuf),
    /// A picture pasted from the clipboard, as PNG: asked about first, like a drop.
    Pasted(Arc<[u8]>),
    /// That picture, confirmed (in clear, consent is still asked).
    Picture(Arc<[u8]>),
}

/// What the pane asks the home screen to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Send `text` (with its mentions) as `target` says; `consent` is true only after the
    /// user confirmed sending in clear.
    Send {
        room_id: String,
        text: Outgoing,
        consent: bool,
        target: Target,
    },
    React {
        room_id: String,
        event_id: String,
        key: String,
        consent: bool,
    },
    /// The user started or stopped typing.
    Typing {
        room_id: String,
        typing: bool,
    },
    LoadOlder(String),
    Scroll(Scroll),
    Retry {
        room_id: String,
        local_id: String,
    },
    VerifyPerson(String),
    /// Ask the person which file to attach (answered with `FileChosen`).
    PickFile,
    SendFile {
        room_id: String,
        path: PathBuf,
        consent: bool,
    },
    SendPicture {
        room_id: String,
        png: Arc<[u8]>,
        consent: bool,
    },
    /// See whether the clipboard holds a picture (answered with `Pasted`).
    CheckPaste,
    /// Follow this thread (the previous one is let go), or stop following it.
    WatchThread {
        room_id: String,
        root: String,
    },
    StopThread,
    /// Follow the messages around this one (the previous such watch is let go).
    WatchAround {
        room_id: String,
        event_id: String,
    },
    /// Read further back (or forward, `later`) from the messages around `event_id`.
    StepAround {
        room_id: String,
        event_id: String,
        later: bool,
    },
    /// Scroll the messages around the one shown to this relative height.
    RevealAround(f32),
    /// Back to the live timeline: the messages around one are let go.
    StopAround,
    SendInThread {
        room_id: String,
        root: String,
        out: crate::model::mention::Outgoing,
        consent: bool,
    },
    Download {
        room_id: String,
        event_id: String,
        name: String,
    },
    /// Open a file with the desktop's application, from a private copy removed after.
    OpenFile {
        room_id: String,
        event_id: String,
        name: String,
    },
    /// Put this text on the clipboard.
    Copy(String),
    /// Open a web address in the browser (already confirmed where it had to be).
    OpenLink(String),
    /// A permalink: open this room (id or alias), or a chat with this person.
    OpenRoom(String),
    OpenPerson(String),
    /// A permalink to a message: open its room (id or alias) on it.
    OpenMessage {
        room: String,
        event: String,
    },
    /// Fetch pictures (for the timeline, or one whole for the viewer).
    LoadPictures {
        room_id: String,
        event_ids: Vec<String>,
        full: bool,
    },
    /// Delete (redact) a message, with the reason given.
    Redact {
        room_id: String,
        event_id: String,
        reason: Option<String>,
    },
    /// Fetch the room's members (answered with `Members(Loaded)`).
    LoadMembers(String),
    /// Do this to a member (answered with `Members(Done)`), already confirmed.
    Moderate {
        room_id: String,
        user: String,
        act: members::Act,
        reason: Option<String>,
    },
    Invite {
        room_id: String,
        user: String,
    },
    /// Look people up to invite (answered with `Members(Found)`).
    SearchPeople(String),
    /// Fetch someone's sessions (answered with `Members(Sessions)`).
    PersonSessions(String),
    /// Fetch members' pictures (answered with a `Members(Face)` each).
    MemberFaces(Vec<String>),
    /// Fetch the room's settings (answered with `Settings(Loaded)`).
    LoadSettings(String),
    /// Change a setting, already confirmed where it had to be (answered with `Settings(Done)`).
    ChangeSettings {
        room_id: String,
        change: room_settings::Change,
    },
    /// Join (if needed) and open this room: the one that replaced this one.
    JoinAndOpen(String),
    /// Write the room's notification mode into the push rules.
    SetNotify {
        room_id: String,
        mode: NotifyMode,
    },
}

impl RoomPane {
    /// Opens a room from its list entry, before its messages arrive.
    pub fn new(summary: &RoomSummary, forbid: bool) -> Self {
        let details = RoomDetails {
            room_id: summary.room_id.clone(),
            name: summary.name.clone(),
            topic: None,
            members: 0,
            encrypted: summary.encrypted,
            public: summary.public,
            partner: None,
            can_delete_others: false,
            replaced_by: None,
        };
        Self {
            details,
            messages: Vec::new(),
            composer: text_editor::Content::new(),
            asking: None,
            uploads: Vec::new(),
            consented: false,
            forbid,
            error: None,
            target: Target::New,
            picking: None,
            typing: Vec::new(),
            window: Window::default(),
            loading_older: false,
            no_reactions: false,
            revealed: HashSet::new(),
            deleting: None,
            link: None,
            gallery: Gallery::default(),
            unread: unread::Unread::default(),
            thread: None,
            around: None,
            members: None,
            settings: None,
            seen: nearby::Seen::default(),
            mention: Completion::default(),
            notify: summary.notify,
            notify_menu: false,
        }
    }

    /// What the composer holds now, to keep as the room's draft.
    pub fn draft(&self) -> String {
        let text = self.composer.text();
        // An edit in progress is not a draft of a new message.
        if matches!(self.target, Target::Edit(_)) { String::new() } else { text }
    }

    /// Where pictures load without a click, as the policy says, and from whom (`known`: the
    /// people one has direct chats with).
    pub fn with_pictures(mut self, auto: AutoLoad, known: HashSet<String>) -> Self {
        self.gallery = Gallery::new(auto, known);
        self
    }

    /// The pane without reactions, where the organisation turned them off.
    pub fn without_reactions(mut self, off: bool) -> Self {
        self.no_reactions = off;
        self
    }

    pub fn room_id(&self) -> &str {
        &self.details.room_id
    }

    /// The room list read the room's notification mode again.
    pub fn set_notify(&mut self, mode: NotifyMode) {
        self.notify = mode;
    }

    /// Puts messages in the pane directly (tests and benchmarks).
    #[cfg(test)]
    pub fn set_messages(&mut self, messages: Vec<ChatMessage>) {
        self.messages = messages;
    }

    /// The indices of the messages laid out now.
    #[cfg(test)]
    pub fn laid_out(&self) -> std::ops::Range<usize> {
        self.window.range(self.messages.len())
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Edit(action) => return self.edit(action),
            Message::Mention(message) => self.mention_message(message),
            Message::NotifyMenu => self.notify_menu = !self.notify_menu,
            Message::Notify(mode) => {
                self.notify = mode;
                self.notify_menu = false;
                return Some(Event::SetNotify { room_id: self.details.room_id.clone(), mode });
            }
            Message::Send => return self.send(),
            Message::ConfirmClear => return self.confirm(),
            Message::CancelClear => self.asking = None,
            Message::Loaded(view) => {
                self.loaded(view);
                return self.pictures_in_view();
            }
            Message::Gallery(message) => return self.gallery(message),
            Message::FullPicture(event_id, picture) => self.gallery.full_loaded(&event_id, picture),
            // Only into an empty composer: what was typed since the room opened wins.
            Message::Draft(text) if self.composer.text().trim().is_empty() => {
                self.composer = text_editor::Content::with_text(&text);
                self.composer.perform(text_editor::Action::Move(text_editor::Motion::DocumentEnd));
            }
            Message::Draft(_) => {}
            Message::PasteCheck if !self.forbidden() => return Some(Event::CheckPaste),
            Message::PasteCheck => {}
            Message::Pasted(png) => self.asking = Some(Pending::Pasted(png)),
            Message::OpenMembers if self.members.is_some() => self.members = None,
            Message::OpenMembers => {
                // One side panel at a time: the core lets the thread go as it loads members.
                self.thread = None;
                self.members = Some(MembersPanel::default());
                return Some(self.load_members());
            }
            Message::Members(message) => return self.members_message(message),
            Message::OpenSettings => {
                self.settings = Some(SettingsDialog::default());
                return Some(Event::LoadSettings(self.details.room_id.clone()));
            }
            Message::Settings(message) => return self.settings_message(message),
            Message::GoToSuccessor(room_id) => return Some(Event::JoinAndOpen(room_id)),
            Message::OpenThread(root) => {
                self.members = None;
                self.thread = Some(ThreadPanel::new(root.clone()));
                return Some(Event::WatchThread { room_id: self.details.room_id.clone(), root });
            }
            Message::Thread(message) => return self.thread_message(message),
            Message::Around(message) => return self.around_message(message),
            Message::Failed(error) => self.error = Some(error.to_string()),
            Message::LoadOlder => return Some(Event::LoadOlder(self.details.room_id.clone())),
            Message::Retry(local_id) => {
                return Some(Event::Retry { room_id: self.details.room_id.clone(), local_id });
            }
            Message::ReplyTo(event_id) => self.reply_to(&event_id),
            Message::EditOwn(event_id) => self.edit_own(&event_id),
            Message::CancelTarget => self.cancel(),
            Message::Pick(event_id) => self.pick(event_id),
            Message::Reveal(event_id) => {
                self.revealed.insert(event_id);
            }
            Message::React(event_id, key) => return self.react(event_id, key),
            Message::Scrolled(viewport) => {
                return self.scrolled(&viewport).or_else(|| self.pictures_in_view());
            }
            Message::JumpToNewest => {
                self.window.reset();
                return Some(Event::Scroll(Scroll::Newest));
            }
            Message::JumpToUnread => {
                let index = self.unread.first_unread(&self.messages)?;
                self.window.reveal(index, self.messages.len());
                return Some(Event::Scroll(Scroll::Oldest));
            }
            Message::VerifyPartner(user) => return Some(Event::VerifyPerson(user)),
            Message::Attach if !self.forbidden() => return Some(Event::PickFile),
            Message::Attach => {}
            Message::FileChosen(path) => return self.attach(path),
            Message::FileDropped(path) if !self.forbidden() => {
                self.asking = Some(Pending::Dropped(path));
            }
            Message::FileDropped(_) => self.error = Some(fl!("composer-forbidden")),
            Message::Upload(name, progress) => self.uploading(name, progress),
            Message::Uploaded(name, outcome) => {
                self.uploads.retain(|(shown, _)| *shown != name);
                if let Err(error) = outcome {
                    self.error = Some(error.to_string());
                }
            }
            Message::SaveFile(event_id, name) => {
                let room_id = self.details.room_id.clone();
                return Some(Event::Download { room_id, event_id, name });
            }
            Message::OpenFile(event_id, name) => {
                let room_id = self.details.room_id.clone();
                return Some(Event::OpenFile { room_id, event_id, name });
            }
            Message::Copy(event_id) => {
                let body = self.find(&event_id).filter(|m| m.happening.is_none());
                return body.and_then(|m| m.body.clone()).map(Event::Copy);
            }
            Message::AskDelete(event_id) => self.ask_delete(event_id),
            Message::Delete(message) => return self.deleting(message),
            Message::Link(click) => return self.follow(click),
            Message::LinkDialog(message) => {
                let mut dialog = self.link.take()?;
                if let link::Event::Open(url) = dialog.update(message) {
                    return Some(Event::OpenLink(url));
                }
            }
        }
        None
    }

    /// The pictures near what the reader sees that should be fetched.
    fn pictures_in_view(&mut self) -> Option<Event> {
        let laid_out = &self.messages[self.window.range(self.messages.len())];
        let shown = laid_out[nearby::near(laid_out, self.seen)].iter();
        let (encrypted, public) = (self.details.encrypted, self.details.public);
        let event = self.gallery.wanted(shown, encrypted, public)?;
        self.gallery_event(event)
    }

    fn gallery(&mut self, message: gallery::Message) -> Option<Event> {
        let event = self.gallery.update(message)?;
        self.gallery_event(event)
    }

    fn gallery_event(&self, event: gallery::Event) -> Option<Event> {
        let room_id = self.details.room_id.clone();
        Some(match event {
            gallery::Event::Load(event_ids) => {
                Event::LoadPictures { room_id, event_ids, full: false }
            }
            gallery::Event::LoadFull(event_id) => {
                Event::LoadPictures { room_id, event_ids: vec![event_id], full: true }
            }
            gallery::Event::Save { event_id, name } => Event::Download { room_id, event_id, name },
        })
    }

    /// A clicked link: a permalink opens inside the app, a web address in the browser, after
    /// asking where its text or address could mislead; anything else is not opened.
    fn follow(&mut self, click: LinkClick) -> Option<Event> {
        use crate::model::link::{Link, assess};
        match assess(&click.text, &click.href) {
            Some(Link::Room(room)) => Some(Event::OpenRoom(room)),
            Some(Link::Message { room, event }) => Some(Event::OpenMessage { room, event }),
            Some(Link::Person(user)) => Some(Event::OpenPerson(user)),
            Some(Link::Web { url, ask: None }) => Some(Event::OpenLink(url)),
            Some(Link::Web { url, ask: Some(doubt) }) => {
                self.link = Some(LinkDialog::new(url, click.text, doubt));
                None
            }
            None => {
                self.error = Some(fl!("link-not-opened"));
                None
            }
        }
    }

    /// Opens the dialog on a message this account may delete: its own, or any where its power
    /// level allows.
    fn ask_delete(&mut self, event_id: String) {
        let Some(message) = self.find(&event_id) else { return };
        let others = !message.own;
        if others && !self.details.can_delete_others {
            return;
        }
        self.picking = None;
        self.deleting = Some(DeleteDialog::new(event_id, others));
    }

    fn deleting(&mut self, message: delete::Message) -> Option<Event> {
        match self.deleting.as_mut()?.update(message)? {
            delete::Event::Delete { event_id, reason } => {
                self.deleting = None;
                Some(Event::Redact { room_id: self.details.room_id.clone(), event_id, reason })
            }
            delete::Event::Closed => {
                self.deleting = None;
                None
            }
        }
    }

    /// Escape: back to a new message, the picker closed.
    pub fn cancel(&mut self) {
        if matches!(self.target, Target::Edit(_)) {
            self.composer = text_editor::Content::new();
            self.mention.clear();
        }
        self.target = Target::New;
        self.picking = None;
        self.deleting = None;
        self.link = None;
        self.gallery.close();
    }

    fn pick(&mut self, event_id: String) {
        self.picking = if self.picking.as_ref() == Some(&event_id) { None } else { Some(event_id) };
    }

    /// A reaction in a room in clear needs the same consent as a message there.
    fn react(&mut self, event_id: String, key: String) -> Option<Event> {
        self.picking = None;
        if self.no_reactions {
            self.error = Some(crate::policy::Refusal::Reactions.to_string());
            return None;
        }
        if self.forbidden() || !(self.details.encrypted || self.consented) {
            self.error = Some(fl!("react-needs-consent"));
            return None;
        }
        let room_id = self.details.room_id.clone();
        Some(Event::React { room_id, event_id, key, consent: self.consented })
    }

    fn find(&self, event_id: &str) -> Option<&ChatMessage> {
        self.messages.iter().find(|m| m.event_id.as_deref() == Some(event_id))
    }

    fn loaded(&mut self, view: RoomView) {
        let added = appended(&self.messages, &view.messages);
        if key(self.messages.first()) != key(view.messages.first()) {
            self.loading_older = false;
        }
        self.window.appended(added);
        self.unread.pin(&view.messages, view.read_up_to.as_deref(), view.at_start);
        self.details = view.details;
        self.messages = view.messages;
        self.typing = view.typing;
    }

    /// The room to mark read, once its newest message has come into the reader's view.
    pub fn newly_read(&mut self) -> Option<String> {
        let seen = self.unread.newly_seen(&self.messages, self.window.at_newest());
        seen.then(|| self.details.room_id.clone())
    }

    /// Moves the window of laid-out rows with the reader; asks for older messages (once at a
    /// time) when the oldest loaded one comes into view.
    fn scrolled(&mut self, viewport: &scrollable::Viewport) -> Option<Event> {
        // Anchored at the bottom, the offset counts from the bottom.
        let view = window::View {
            from_top: viewport.absolute_offset_reversed().y,
            from_bottom: viewport.absolute_offset().y,
            content_height: viewport.content_bounds().height,
        };
        self.seen = nearby::Seen {
            from_bottom: view.from_bottom,
            height: viewport.bounds().height,
            content_height: view.content_height,
        };
        // A few pixels from the bottom still shows the newest message whole.
        self.unread.scrolled(view.from_bottom < 24.0);
        match self.window.scrolled(view, self.messages.len()) {
            window::Action::Stay => None,
            window::Action::ScrollBy(pixels) => Some(Event::Scroll(Scroll::By(pixels))),
            window::Action::LoadOlder if !self.loading_older => {
                self.loading_older = true;
                Some(Event::LoadOlder(self.details.room_id.clone()))
            }
            window::Action::LoadOlder => None,
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        // Banners and errors come and go in one column that is always there: the timeline and
        // the composer keep their places in the widget tree, and the composer its focus.
        let mut notes = column![].spacing(8);
        if let Some(banner) = frame::successor(&self.details) {
            notes = notes.push(banner);
        }
        if let Some(banner) = frame::banner(&self.details) {
            notes = notes.push(banner);
        }
        if let Some(error) = &self.error {
            notes = notes.push(style::error_box(error));
        }
        let header = frame::header(&self.details, self.notify, self.notify_menu);
        let messages = match &self.around {
            Some(around) => {
                let row_of = |message| message_row(message, rows::look(self, message, None));
                around.view(row_of, Message::Around)
            }
            None => rows::timeline(self),
        };
        let page =
            column![header, notes, messages, composer::composer(self)].spacing(8).padding(12);
        let page: Element<'_, Message> = match &self.thread {
            Some(thread) => {
                let row_of = |message| message_row(message, rows::look(self, message, None));
                iced::widget::row![page, thread.view(row_of, Message::Thread)].into()
            }
            None => match &self.members {
                Some(members) => {
                    iced::widget::row![page, members.view().map(Message::Members)].into()
                }
                None => page.into(),
            },
        };
        if let Some(viewer) = self.gallery.viewer() {
            return stack![page, iced::widget::opaque(viewer.map(Message::Gallery))].into();
        }
        if let Some(dialog) = &self.settings {
            return stack![page, dialog.view().map(Message::Settings)].into();
        }
        if let Some(dialog) = &self.deleting {
            return stack![page, dialog.view().map(Message::Delete)].into();
        }
        if let Some(dialog) = &self.link {
            return stack![page, dialog.view().map(Message::LinkDialog)].into();
        }
        match &self.asking {
            Some(Pending::Dropped(path)) => {
                stack![page, frame::drop_dialog(&self.details, path)].into()
            }
            Some(Pending::Pasted(_)) => stack![page, frame::paste_dialog(&self.details)].into(),
            Some(_) => stack![page, frame::consent_dialog(&self.details)].into(),
            None => page,
        }
    }
}

/// A message's identity across updates: its event id, or its transaction id before that.
fn key(message: Option<&ChatMessage>) -> Option<&str> {
    message.and_then(|m| m.event_id.as_deref().or(m.local_id.as_deref()))
}

/// How many messages `new` has after the newest of `old` (all of them count when it is gone,
/// e.g. a local echo that became a server event).
fn appended(old: &[ChatMessage], new: &[ChatMessage]) -> usize {
    let Some(last) = key(old.last()) else { return 0 };
    match new.iter().rposition(|m| key(Some(m)) == Some(last)) {
        Some(at) => new.len() - at - 1,
        None => new.len().saturating_sub(old.len()),
    }
}

mod composer;
mod frame;
#[cfg(test)]
mod mention_tests;
mod nearby;
mod rows;
mod side;
#[cfg(test)]
pub(crate) mod tests;
mod unread;
