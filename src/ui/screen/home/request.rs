//! What the home screen asks to have done outside itself: a request to the core, or to the
//! desktop (a file dialog, the clipboard, a notification). `Home::update` returns them in its
//! `Effects`; `effects::Core` performs them. Plain data, so that the home screen's tests read
//! what it asked for instead of running it.

use std::sync::Arc;

use crate::model::notice::Notice;
use crate::secret::{Password, RecoveryKey};
use crate::ui::panel::sessions::Target;
use crate::ui::panel::{directory, room, verify};
use crate::ui::widget::dialog;

/// Whom to verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Whom {
    /// This session, with any other session of the account.
    ThisSession,
    /// One session of our own account.
    OwnSession(String),
    /// Another person.
    Person(String),
}

/// Which panel asked to sign sessions out, and hears the outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asker {
    NewLogin,
    Sessions,
}

/// One thing to do outside the home screen; its answer comes back as a home `Message`.
#[derive(Debug, Clone)]
pub enum Request {
    /// Where recovery and this session's trust stand, for the banners.
    CheckTrust,
    /// What the settings show: the display name, and where recovery stands.
    LoadSettings,
    LoadAvatar,
    /// Ask for a picture in the file dialog, then publish it.
    ChooseAvatar,
    RemoveAvatar,
    SetDisplayName(String),
    /// Add or remove a keyword (or none), then read the list again for the settings.
    Keywords(Option<crate::ui::panel::keywords::Event>),
    ChangePassword {
        current: Password,
        new: Password,
        sign_out_others: bool,
    },
    LogOut {
        wipe: bool,
    },
    /// Make a recovery key: a first one, or one replacing the current.
    NewRecoveryKey {
        replace: bool,
    },
    ResetIdentity(Password),
    Recover(Arc<RecoveryKey>),
    CopyRecoveryKey(Arc<RecoveryKey>),
    SaveRecoveryKey(Arc<RecoveryKey>),
    /// Follow this room (the previously followed one is let go).
    Watch(String),
    /// The open room's newest message has been seen.
    MarkRead(String),
    /// Bring back what was left written in this room's composer.
    LoadDraft(String),
    /// Keep what the composer holds for this room (empty: forget it).
    SaveDraft {
        room_id: String,
        text: String,
    },
    Join(String),
    Decline(String),
    /// What the directory dialog asked: search it, or join a room and open it.
    Directory(directory::Event),
    /// What the search panel asked: find these words.
    Search(crate::ui::panel::search::Event),
    /// Decline the invitation and ignore its sender.
    Block(String),
    /// What the open room's pane asked for (send, react, attach, download, page back…).
    Room(room::Event),
    /// What the new-conversation dialog asked for (create, open a chat, search people).
    Conversation(dialog::Event),
    Notify {
        notice: Notice,
        hidden: bool,
    },
    /// Take this room's notification off the screen: it was read.
    Withdraw(String),
    /// Which people of the room changed identity since verified.
    CheckIdentity(String),
    AcceptIdentities {
        room_id: String,
        users: Vec<String>,
    },
    StartVerification(Whom),
    /// The verification dialog's choice (accept, emoji, QR, match…).
    Verification(verify::Event),
    CancelVerification(String),
    LoadSessions,
    RenameSession {
        device_id: String,
        name: String,
    },
    SignOut {
        target: Target,
        password: Option<Password>,
        asker: Asker,
    },
}
