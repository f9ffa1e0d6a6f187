//! Downloading the file a message carries: fetched from the server and, in an encrypted room,
//! decrypted (and checked against its hash) by the SDK, then written whole or not at all.

use std::path::{Path, PathBuf};
use std::time::Duration;

use matrix_sdk::media::{MediaFormat, MediaRequestParameters};
use matrix_sdk::ruma::OwnedEventId;
use matrix_sdk::ruma::events::room::MediaSource;
use matrix_sdk::ruma::events::room::message::MessageType;
use matrix_sdk::ruma::events::{
    AnySyncMessageLikeEvent, AnySyncTimelineEvent, SyncMessageLikeEvent,
};

use super::MatrixError;
use super::handle::Handle;
use crate::model::attachment::Attachment;

/// How long a download waits for the key of a message that cannot be decrypted yet.
const KEY_WAIT: Duration = Duration::from_secs(10);

impl Handle {
    /// Saves the file of message `event_id` in `room` to `dest` (replacing what is there), and
    /// says what it was. Nothing is written unless the whole file arrived and decrypted.
    pub async fn download(
        &self,
        room: &str,
        event_id: &str,
        dest: &Path,
    ) -> Result<Attachment, MatrixError> {
        let msgtype = self.message_of(room, event_id).await?;
        let attachment = super::attach::attachment(&msgtype, None)
            .ok_or_else(|| MatrixError::NotAnAttachment(event_id.to_owned()))?;
        let source =
            source(&msgtype).ok_or_else(|| MatrixError::NotAnAttachment(event_id.to_owned()))?;
        let bytes = self.media(source).await?;
        write_whole(dest, &bytes)
            .await
            .map_err(|e| MatrixError::FileWrite(dest.display().to_string(), e.to_string()))?;
        Ok(attachment)
    }
}

/// Which copy of a picture to fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureSize {
    /// The sender's thumbnail when there is one (the timeline), else the picture itself.
    Thumbnail,
    /// The picture itself (the viewer).
    Full,
}

impl Handle {
    /// The bytes of the picture message `event_id` carries, decrypted (an encrypted picture is
    /// checked against its hash by the SDK) and kept in the encrypted media store, so that it
    /// is fetched from the server once. Says whether they are the sender's thumbnail.
    pub async fn picture(
        &self,
        room: &str,
        event_id: &str,
        size: PictureSize,
    ) -> Result<(Vec<u8>, bool), MatrixError> {
        let MessageType::Image(image) = self.message_of(room, event_id).await? else {
            return Err(MatrixError::NotAnAttachment(event_id.to_owned()));
        };
        let thumbnail = image.info.as_ref().and_then(|info| info.thumbnail_source.clone());
        let (source, thumbnail) = match (size, thumbnail) {
            (PictureSize::Thumbnail, Some(thumbnail)) => (thumbnail, true),
            _ => (image.source, false),
        };
        Ok((self.media(source).await?, thumbnail))
    }

    /// The content of message `event_id` in `room`, decrypted.
    async fn message_of(&self, room: &str, event_id: &str) -> Result<MessageType, MatrixError> {
        let room = self.room(room).await?;
        let id = OwnedEventId::try_from(event_id.trim())
            .map_err(|_| MatrixError::NotAnAttachment(event_id.to_owned()))?;
        message(&room, &id).await
    }

    /// A file's bytes, decrypted (an encrypted one checked against its hash by the SDK). Kept
    /// in the encrypted media store: opening it again needs no new download.
    async fn media(&self, source: MediaSource) -> Result<Vec<u8>, MatrixError> {
        let request = MediaRequestParameters { source, format: MediaFormat::File };
        let media = self.inner.client.media();
        let bytes = media.get_media_content(&request, true).await;
        bytes.map_err(|e| MatrixError::DownloadFailed(super::error::root_cause(&e)))
    }
}

/// The message's content, decrypted; waits a little for a key that may still arrive.
async fn message(room: &matrix_sdk::Room, id: &OwnedEventId) -> Result<MessageType, MatrixError> {
    let deadline = tokio::time::Instant::now() + KEY_WAIT;
    let mut event = room.load_or_fetch_event(id, None).await;
    loop {
        let raw = event.map_err(|e| MatrixError::DownloadFailed(super::error::root_cause(&e)))?;
        match raw.raw().deserialize() {
            Ok(AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(
                SyncMessageLikeEvent::Original(original),
            ))) => return Ok(original.content.msgtype),
            Ok(AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::Sticker(
                SyncMessageLikeEvent::Original(original),
            ))) => return Ok(super::attach::sticker_picture(&original.content)),
            Ok(AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomEncrypted(_))) => {
                if tokio::time::Instant::now() >= deadline {
                    return Err(MatrixError::DownloadUndecryptable(id.to_string()));
                }
            }
            _ => return Err(MatrixError::NotAnAttachment(id.to_string())),
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
        // Fetched anew: the SDK tries to decrypt it again with the keys it has now.
        event = room.event(id, None).await;
    }
}

fn source(msgtype: &MessageType) -> Option<MediaSource> {
    match msgtype {
        MessageType::File(file) => Some(file.source.clone()),
        MessageType::Image(image) => Some(image.source.clone()),
        MessageType::Video(video) => Some(video.source.clone()),
        MessageType::Audio(audio) => Some(audio.source.clone()),
        _ => None,
    }
}

/// Writes beside `dest` first, then renames: a failure never leaves half a file under its name.
async fn write_whole(dest: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let partial = partial_path(dest);
    let written = async {
        tokio::fs::write(&partial, bytes).await?;
        tokio::fs::rename(&partial, dest).await
    };
    let outcome = written.await;
    if outcome.is_err() {
        let _ = tokio::fs::remove_file(&partial).await;
    }
    outcome
}

fn partial_path(dest: &Path) -> PathBuf {
    let mut name = dest.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".part");
    dest.with_file_name(name)
}
