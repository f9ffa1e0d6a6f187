//! The account's picture on the home screen: fetched once the account is open (the toolbar
//! shows it), replaced or removed from the settings. The settings panel shows the same picture:
//! the home screen holds the one copy.

use iced::widget::{image, row, text};
use iced::{Alignment, Element, Task};

use super::{Home, Message};
use crate::fl;
use crate::matrix::Handle;
use crate::model::avatar;
use crate::ui::settings::{self, AvatarChange};
use crate::ui::{files, style};

/// Pixels across of the round picture kept: sharp at the settings' size on a high-density
/// screen, scaled down for the toolbar.
const SIDE: u32 = 144;

impl Home {
    /// Fetches the account's picture, for the toolbar and the settings.
    pub fn load_avatar(&self) -> Task<Message> {
        let handle = self.handle.clone();
        Task::perform(fetch(handle), Message::Avatar)
    }

    /// Keeps the picture the settings just published or removed, before the panel hears of it.
    pub(super) fn note_avatar_change(&mut self, message: &settings::Message) {
        match message {
            settings::Message::AvatarChanged(Ok(AvatarChange::Published(picture))) => {
                self.avatar = Some(picture.clone());
            }
            settings::Message::AvatarChanged(Ok(AvatarChange::Removed)) => self.avatar = None,
            _ => {}
        }
    }

    /// What the settings button shows: the account's picture (or initial) and the gear, so
    /// the account this window is for is plain at a glance.
    pub(super) fn settings_button(&self) -> Element<'_, Message> {
        let picture = style::picture(self.avatar.as_ref(), self.handle.user_id(), 22.0);
        row![picture, text("⚙")].spacing(6).align_y(Alignment::Center).into()
    }

    /// Asks for a picture in the system's file dialog, then publishes it.
    pub(super) fn choose_avatar(&self) -> Task<Message> {
        let handle = self.handle.clone();
        Task::perform(publish(handle), |outcome| {
            Message::Settings(settings::Message::AvatarChanged(outcome))
        })
    }

    pub(super) fn remove_avatar(&self) -> Task<Message> {
        let handle = self.handle.clone();
        let remove = async move {
            handle.remove_avatar().await.map_err(|e| e.to_string())?;
            Ok(AvatarChange::Removed)
        };
        Task::perform(remove, |outcome| {
            Message::Settings(settings::Message::AvatarChanged(outcome))
        })
    }
}

/// The account's picture, cut round; `None` without one, or when it cannot be had (the initial
/// stands in: a missing picture is no reason to bother anyone).
async fn fetch(handle: Handle) -> Option<image::Handle> {
    match handle.avatar().await {
        Ok(Some(bytes)) => round(bytes).await,
        Ok(None) => None,
        Err(error) => {
            tracing::warn!(%error, "the account's picture could not be fetched");
            None
        }
    }
}

async fn publish(handle: Handle) -> Result<AvatarChange, String> {
    let Some(path) = files::pick(fl!("settings-avatar-dialog")).await? else {
        return Ok(AvatarChange::Kept);
    };
    let published = handle.set_avatar(&path).await.map_err(|e| e.to_string())?;
    // What was published is a PNG drawn here: it always reads back.
    Ok(round(published).await.map_or(AvatarChange::Kept, AvatarChange::Published))
}

/// Decodes and cuts a picture round, off the runtime's threads.
async fn round(bytes: Vec<u8>) -> Option<image::Handle> {
    let round = tokio::task::spawn_blocking(move || avatar::round(&bytes, SIDE)).await;
    round.ok().flatten().map(style::round_picture)
}
