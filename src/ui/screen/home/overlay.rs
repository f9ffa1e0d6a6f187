//! The one panel the user opened over the home screen: a new conversation, the settings, the
//! sessions, the recovery dialog, the directory or the search. One at a time: opening one closes the other, and Escape
//! closes it. The trust layer's dialogs (a verification, a new login) stack above it.

use crate::ui::panel::directory::Directory;
use crate::ui::panel::recovery::Recovery;
use crate::ui::panel::search::Search;
use crate::ui::panel::sessions::SessionsPanel;
use crate::ui::panel::settings::Settings;
use crate::ui::widget::dialog::Dialog;

pub enum Overlay {
    NewConversation(Dialog),
    Settings(Box<Settings>),
    Sessions(SessionsPanel),
    Recovery(Recovery),
    Directory(Directory),
    Search(Search),
}

impl Overlay {
    pub fn dialog(&mut self) -> Option<&mut Dialog> {
        match self {
            Self::NewConversation(dialog) => Some(dialog),
            _ => None,
        }
    }

    pub fn settings(&mut self) -> Option<&mut Settings> {
        match self {
            Self::Settings(settings) => Some(settings),
            _ => None,
        }
    }

    pub fn sessions(&mut self) -> Option<&mut SessionsPanel> {
        match self {
            Self::Sessions(panel) => Some(panel),
            _ => None,
        }
    }

    pub fn directory(&mut self) -> Option<&mut Directory> {
        match self {
            Self::Directory(directory) => Some(directory),
            _ => None,
        }
    }

    pub fn search(&mut self) -> Option<&mut Search> {
        match self {
            Self::Search(search) => Some(search),
            _ => None,
        }
    }

    pub fn recovery(&mut self) -> Option<&mut Recovery> {
        match self {
            Self::Recovery(recovery) => Some(recovery),
            _ => None,
        }
    }
}
