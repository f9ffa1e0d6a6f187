//! Sending a file: the same guard as a message decides first, then the room's persistent send
//! queue uploads it (encrypted by the SDK in an encrypted room, so the server keeps only
//! ciphertext) and sends the event, reporting the upload's progress on the way.

use std::path::Path;
use std::time::Duration;

use matrix_sdk::Room;
use matrix_sdk::attachment::{
    AttachmentConfig, AttachmentInfo, BaseAudioInfo, BaseFileInfo, BaseImageInfo, BaseVideoInfo,
    Thumbnail,
};
use matrix_sdk::ruma::events::room::message::MessageType;
use matrix_sdk::ruma::{OwnedTransactionId, TransactionId, UInt};
use matrix_sdk::send_queue::RoomSendQueueUpdate;
use matrix_sdk_ui::timeline::EventSendState;
use tokio::sync::broadcast::{Receiver, error::RecvError};

use super::handle::Handle;
use super::{MatrixError, Sent};
use crate::model::attachment::{Attachment, AttachmentKind, Progress, image_dimensions};

/// The largest file sent when the server does not say its own limit: the SDK holds the whole
/// file in memory, and Synapse's default limit is 50 MB.
const FALLBACK_LIMIT: u64 = 100_000_000;

/// How long asking the server for its upload limit may take before the fallback is used.
const LIMIT_WAIT: Duration = Duration::from_secs(10);

/// One step of a file's way into a room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransferStep {
    /// This much of the file has been uploaded (never less than the step before).
    Progress(Progress),
    /// The last step: the event is in the room, or waits in the persistent queue.
    Finished(Sent),
}

/// A file handed to the send queue, followed until it is in the room. Dropping it stops the
/// following, not the sending: the queue delivers the file anyway, once.
#[derive(Debug)]
pub struct Transfer {
    room: Room,
    transaction: OwnedTransactionId,
    name: String,
    size: u64,
    updates: Receiver<RoomSendQueueUpdate>,
    last: Option<Progress>,
    finished: bool,
}

impl Handle {
    /// Sends the file at `path` to `room`, under the rules of a message: a room without
    /// encryption needs `consent` for that room, the policy may refuse even then, and held
    /// identities hold it too. The file must not exceed the server's upload limit. Returns once
    /// the file is in the queue; follow the upload with [`Transfer::next`].
    pub async fn send_file(
        &self,
        room: &str,
        path: &Path,
        consent: bool,
    ) -> Result<Transfer, MatrixError> {
        let size = file_to_send(path).await?;
        let room = self.guarded(room, consent).await?;
        let name = file_name(path);
        let limit = self.upload_limit().await;
        if size > limit {
            return Err(too_large(&name, size, limit));
        }
        let data = tokio::fs::read(path).await.map_err(|e| read_error(path, &e))?;
        let mime = mime_guess::from_path(path).first_or_octet_stream();
        self.send_data(room, name, mime, data, limit).await
    }

    /// Sends a picture given as PNG bytes (one pasted from the clipboard), under the same rules
    /// as a file: consent in a room without encryption, the policy, the upload limit.
    pub async fn send_picture(
        &self,
        room: &str,
        name: &str,
        png: Vec<u8>,
        consent: bool,
    ) -> Result<Transfer, MatrixError> {
        let room = self.guarded(room, consent).await?;
        let limit = self.upload_limit().await;
        self.send_data(room, name.to_owned(), mime_guess::mime::IMAGE_PNG, png, limit).await
    }

    async fn send_data(
        &self,
        room: Room,
        name: String,
        mime: mime_guess::Mime,
        data: Vec<u8>,
        limit: u64,
    ) -> Result<Transfer, MatrixError> {
        // A file may have grown since it was measured.
        let size = data.len() as u64;
        if size > limit {
            return Err(too_large(&name, size, limit));
        }
        // Our own transaction id names the event from the start: the updates to follow are its.
        let transaction = TransactionId::new();
        let thumbnail = thumbnail(&mime, &data).await;
        let config = AttachmentConfig::new()
            .txn_id(transaction.clone())
            .info(info(&mime, &data))
            .thumbnail(thumbnail);
        let client = &self.inner.client;
        // The queue reports an upload's progress only when asked to, before it starts.
        client.send_queue().enable_upload_progress(true);
        let queue = room.send_queue();
        let (_, updates) =
            queue.subscribe().await.map_err(|e| MatrixError::SendFailed(e.to_string()))?;
        queue
            .send_attachment(name.clone(), mime, data, config)
            .await
            .map_err(|e| MatrixError::SendFailed(super::error::root_cause(&e)))?;
        Ok(Transfer { room, transaction, name, size, updates, last: None, finished: false })
    }

    /// The server's upload limit, or a sane one when it cannot say.
    async fn upload_limit(&self) -> u64 {
        let asked = self.inner.client.load_or_fetch_max_upload_size();
        match tokio::time::timeout(LIMIT_WAIT, asked).await {
            Ok(Ok(limit)) => limit.into(),
            Ok(Err(error)) => {
                tracing::debug!(cause = %super::error::root_cause(&error), "no upload limit");
                FALLBACK_LIMIT
            }
            Err(_) => FALLBACK_LIMIT,
        }
    }
}

impl Transfer {
    /// The transaction id of the message: the `local_id` of its local echo in the timeline.
    pub fn local_id(&self) -> &str {
        self.transaction.as_str()
    }

    /// The file's name as the room sees it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The file's size in bytes.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The next step, waiting for it; `None` after the last. An upload that fails for good is
    /// an error (e.g. held for a changed identity); one the network interrupted is
    /// `Finished(Queued)`: the queue sends it when the server is back.
    pub async fn next(&mut self) -> Option<Result<TransferStep, MatrixError>> {
        if self.finished {
            return None;
        }
        loop {
            match self.updates.recv().await {
                Ok(RoomSendQueueUpdate::MediaUpload { related_to, progress, .. })
                    if related_to == self.transaction =>
                {
                    let step =
                        Progress { sent: progress.current as u64, total: progress.total as u64 };
                    if let Some(step) = self.advance(step) {
                        return Some(Ok(TransferStep::Progress(step)));
                    }
                }
                Ok(RoomSendQueueUpdate::SentEvent { transaction_id, event_id })
                    if transaction_id == self.transaction =>
                {
                    // The event names the uploaded file, so the upload is complete whatever
                    // progress was last reported: say so before the end.
                    let whole = Progress { sent: self.size, total: self.size };
                    if let Some(whole) = self.advance(whole) {
                        return Some(Ok(TransferStep::Progress(whole)));
                    }
                    return self.finish(Ok(Sent::Delivered(event_id.to_string())));
                }
                Ok(RoomSendQueueUpdate::SendError { transaction_id, error, is_recoverable })
                    if transaction_id == self.transaction =>
                {
                    if is_recoverable {
                        return self.finish(Ok(Sent::Queued));
                    }
                    let refused = super::identity::refusal(&self.room, &error).await;
                    return self.finish(Err(refused));
                }
                Ok(_) | Err(RecvError::Lagged(_)) => {}
                Err(RecvError::Closed) => return self.finish(Ok(Sent::Queued)),
            }
        }
    }

    /// The steps as a stream, for a front end that folds them into its state.
    pub fn into_stream(
        self,
    ) -> impl futures_util::Stream<Item = Result<TransferStep, std::sync::Arc<MatrixError>>>
    + Send
    + 'static {
        futures_util::stream::unfold(self, |mut transfer| async move {
            let step = transfer.next().await?;
            Some((step.map_err(std::sync::Arc::new), transfer))
        })
    }

    /// Keeps a progress step that moves forward; drops repeats and late, older ones.
    fn advance(&mut self, step: Progress) -> Option<Progress> {
        if step.total == 0 || self.last.is_some_and(|last| step.sent <= last.sent) {
            return None;
        }
        self.last = Some(step);
        Some(step)
    }

    fn finish(
        &mut self,
        end: Result<Sent, MatrixError>,
    ) -> Option<Result<TransferStep, MatrixError>> {
        self.finished = true;
        Some(end.map(TransferStep::Finished))
    }
}

/// The size of the file at `path`, or the one clear error about why it cannot be sent: a front
/// end may ask before anything else, without the server.
pub async fn file_to_send(path: &Path) -> Result<u64, MatrixError> {
    let shown = path.display().to_string();
    match tokio::fs::metadata(path).await {
        Ok(meta) if meta.is_dir() => Err(MatrixError::NotAFile(shown)),
        Ok(meta) => Ok(meta.len()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            Err(MatrixError::FileMissing(shown))
        }
        Err(error) => Err(read_error(path, &error)),
    }
}

pub(super) fn read_error(path: &Path, error: &std::io::Error) -> MatrixError {
    MatrixError::FileUnreadable(path.display().to_string(), error.to_string())
}

fn too_large(name: &str, size: u64, limit: u64) -> MatrixError {
    MatrixError::FileTooLarge { name: name.to_owned(), size, limit }
}

/// The name the room sees: the file's own, without its folders.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "file".to_owned())
}

/// A picture's thumbnail, made here (decoding takes a moment: off the async threads); the
/// SDK encrypts it like the picture in an encrypted room.
async fn thumbnail(mime: &mime_guess::Mime, data: &[u8]) -> Option<Thumbnail> {
    if mime.type_() != mime_guess::mime::IMAGE {
        return None;
    }
    let bytes = data.to_vec();
    let made = tokio::task::spawn_blocking(move || crate::model::picture::thumbnail(&bytes));
    let made = made.await.ok().flatten()?;
    Some(Thumbnail {
        content_type: made.mime.parse().ok()?,
        width: made.width.into(),
        height: made.height.into(),
        size: UInt::new(made.data.len() as u64)?,
        data: made.data,
    })
}

/// What the event says of the file besides its name and type; the SDK drops info whose kind
/// does not match the MIME type, so the kind follows it. Images get their size in pixels when
/// the header says it.
fn info(mime: &mime_guess::Mime, data: &[u8]) -> AttachmentInfo {
    let size = UInt::new(data.len() as u64);
    match mime.type_() {
        mime_guess::mime::IMAGE => {
            let dimensions = image_dimensions(data);
            AttachmentInfo::Image(BaseImageInfo {
                width: dimensions.map(|(width, _)| width.into()),
                height: dimensions.map(|(_, height)| height.into()),
                size,
                ..Default::default()
            })
        }
        mime_guess::mime::VIDEO => {
            AttachmentInfo::Video(BaseVideoInfo { size, ..Default::default() })
        }
        mime_guess::mime::AUDIO => {
            AttachmentInfo::Audio(BaseAudioInfo { size, ..Default::default() })
        }
        _ => AttachmentInfo::File(BaseFileInfo { size }),
    }
}

/// A sticker as the picture it is: drawn, fetched and saved as any picture is.
pub(super) fn sticker_picture(
    sticker: &matrix_sdk::ruma::events::sticker::StickerEventContent,
) -> MessageType {
    use matrix_sdk::ruma::events::room::message::ImageMessageEventContent;
    let source = sticker.source.clone().into();
    let image = ImageMessageEventContent::new(sticker.body.clone(), source);
    MessageType::Image(image.info(Some(Box::new(sticker.info.clone()))))
}

/// The file a message carries, if it carries one, with the upload's progress while one of
/// this account's files goes out.
pub(super) fn attachment(
    msgtype: &MessageType,
    send_state: Option<&EventSendState>,
) -> Option<Attachment> {
    let number = |n: Option<UInt>| n.map(u64::from);
    let pixels = |w: Option<UInt>, h: Option<UInt>| {
        Some((u32::try_from(u64::from(w?)).ok()?, u32::try_from(u64::from(h?)).ok()?))
    };
    let thumbnail_encrypted = match msgtype {
        MessageType::Image(image) => image.info.as_ref().and_then(|info| {
            let source = info.thumbnail_source.as_ref()?;
            Some(matches!(source, matrix_sdk::ruma::events::room::MediaSource::Encrypted(_)))
        }),
        _ => None,
    };
    let (name, kind, size, mime, dimensions) = match msgtype {
        MessageType::File(file) => {
            let info = file.info.as_deref();
            let (size, mime) = (info.and_then(|i| i.size), info.and_then(|i| i.mimetype.clone()));
            (file.filename(), AttachmentKind::File, number(size), mime, None)
        }
        MessageType::Image(image) => {
            let info = image.info.as_deref();
            let dimensions = info.and_then(|i| pixels(i.width, i.height));
            let (size, mime) = (info.and_then(|i| i.size), info.and_then(|i| i.mimetype.clone()));
            (image.filename(), AttachmentKind::Image, number(size), mime, dimensions)
        }
        MessageType::Video(video) => {
            let info = video.info.as_deref();
            let dimensions = info.and_then(|i| pixels(i.width, i.height));
            let (size, mime) = (info.and_then(|i| i.size), info.and_then(|i| i.mimetype.clone()));
            (video.filename(), AttachmentKind::Video, number(size), mime, dimensions)
        }
        MessageType::Audio(audio) => {
            let info = audio.info.as_deref();
            let (size, mime) = (info.and_then(|i| i.size), info.and_then(|i| i.mimetype.clone()));
            (audio.filename(), AttachmentKind::Audio, number(size), mime, None)
        }
        _ => return None,
    };
    let upload = match send_state {
        Some(EventSendState::NotSentYet { progress: Some(upload) }) => Some(Progress {
            sent: upload.progress.current as u64,
            total: upload.progress.total as u64,
        }),
        _ => None,
    };
    Some(Attachment {
        name: name.to_owned(),
        size,
        mime,
        kind,
        dimensions,
        thumbnail_encrypted,
        upload,
    })
}
