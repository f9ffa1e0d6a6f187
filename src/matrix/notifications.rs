//! Per-room notification modes and keywords, through the server's push rules (the SDK's
//! notification settings), so that Estafette and the account's other clients agree. The
//! server cannot read encrypted messages: mentions and keywords in them are found here, on
//! the decrypted text (`mention::calls`).

use matrix_sdk::notification_settings::{IsEncrypted, IsOneToOne, RoomNotificationMode};

use super::MatrixError;
use super::handle::Handle;
use crate::model::notify::{NotifyMode, RoomNotify};

impl Handle {
    /// How much `room` notifies, and whether that is the server's default.
    pub async fn notify_mode(&self, room: &str) -> Result<RoomNotify, MatrixError> {
        let room = self.room(room).await?;
        let settings = self.notification_settings().await;
        Ok(mode_of(settings, &room).await)
    }

    /// Sets how much `room` notifies; `None` goes back to the server's default.
    pub async fn set_notify_mode(
        &self,
        room: &str,
        mode: Option<NotifyMode>,
    ) -> Result<RoomNotify, MatrixError> {
        let room = self.room(room).await?;
        let settings = self.notification_settings().await;
        let done = match mode {
            Some(mode) => settings.set_room_notification_mode(room.room_id(), sdk_mode(mode)).await,
            None => settings.delete_user_defined_room_rules(room.room_id()).await,
        };
        done.map_err(|e| MatrixError::Server(e.to_string()))?;
        Ok(mode_of(settings, &room).await)
    }

    /// The words that notify wherever they are written (the account's keyword rules).
    pub async fn keywords(&self) -> Vec<String> {
        let settings = self.notification_settings().await;
        settings.enabled_keywords().await.into_iter().collect()
    }

    pub async fn add_keyword(&self, word: &str) -> Result<(), MatrixError> {
        let word = word.trim();
        if word.is_empty() {
            return Err(MatrixError::KeywordEmpty);
        }
        let settings = self.notification_settings().await;
        settings.add_keyword(word.to_owned()).await.map_err(|e| MatrixError::Server(e.to_string()))
    }

    pub async fn remove_keyword(&self, word: &str) -> Result<(), MatrixError> {
        let settings = self.notification_settings().await;
        settings.remove_keyword(word.trim()).await.map_err(|e| MatrixError::Server(e.to_string()))
    }
}

/// The room's mode: the one the user chose, or the server's default for its kind.
pub(super) async fn mode_of(
    settings: &matrix_sdk::notification_settings::NotificationSettings,
    room: &matrix_sdk::Room,
) -> RoomNotify {
    if let Some(mode) = settings.get_user_defined_room_notification_mode(room.room_id()).await {
        return RoomNotify { mode: our_mode(mode), default: false };
    }
    let encrypted = IsEncrypted::from(room.encryption_state().is_encrypted());
    let one_to_one = IsOneToOne::from(room.active_members_count() == 2);
    let mode = settings.get_default_room_notification_mode(encrypted, one_to_one).await;
    RoomNotify { mode: our_mode(mode), default: true }
}

fn our_mode(mode: RoomNotificationMode) -> NotifyMode {
    match mode {
        RoomNotificationMode::AllMessages => NotifyMode::All,
        RoomNotificationMode::MentionsAndKeywordsOnly => NotifyMode::Mentions,
        RoomNotificationMode::Mute => NotifyMode::Mute,
    }
}

fn sdk_mode(mode: NotifyMode) -> RoomNotificationMode {
    match mode {
        NotifyMode::All => RoomNotificationMode::AllMessages,
        NotifyMode::Mentions => RoomNotificationMode::MentionsAndKeywordsOnly,
        NotifyMode::Mute => RoomNotificationMode::Mute,
    }
}
