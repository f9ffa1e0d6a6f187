//! This account's public profile: the display name others see beside its messages, and its
//! picture. Both are public and unencrypted, whatever the rooms are.

use std::path::Path;

use matrix_sdk::media::{MediaFormat, MediaThumbnailSettings};
use matrix_sdk::ruma::UInt;

use super::handle::Handle;
use super::{MatrixError, sdk_error};
use crate::model::avatar;
use crate::model::picture::PictureError;

impl Handle {
    /// The display name the server holds for this account, if one is set.
    pub async fn display_name(&self) -> Result<Option<String>, MatrixError> {
        let account = self.inner.client.account();
        account.get_display_name().await.map_err(sdk_error)
    }

    /// Sets the display name; an empty name removes it (others then see the Matrix ID).
    pub async fn set_display_name(&self, name: &str) -> Result<(), MatrixError> {
        let name = Some(name.trim()).filter(|name| !name.is_empty());
        self.inner.client.account().set_display_name(name).await.map_err(sdk_error)
    }
}

/// The size asked of the server for this account's own picture: what settings and the toolbar
/// show, sharp on a high-density screen.
const THUMBNAIL_SIDE: u32 = 128;

impl Handle {
    /// Where this account's picture is on the server (an `mxc://` address), if it has one.
    pub async fn avatar_url(&self) -> Result<Option<String>, MatrixError> {
        let url = self.inner.client.account().get_avatar_url().await.map_err(sdk_error)?;
        Ok(url.map(|url| url.to_string()))
    }

    /// This account's profile picture, small (the server's thumbnail, or the file itself when
    /// the server makes none); `None` when there is no picture.
    pub async fn avatar(&self) -> Result<Option<Vec<u8>>, MatrixError> {
        let side = UInt::from(THUMBNAIL_SIDE);
        let small = MediaFormat::Thumbnail(MediaThumbnailSettings::new(side, side));
        match self.inner.client.account().get_avatar(small).await {
            Ok(picture) => Ok(picture),
            Err(error) => {
                tracing::debug!(%error, "no thumbnail of the avatar; fetching the file");
                self.full_avatar().await
            }
        }
    }

    /// This account's profile picture as it was published; `None` when there is none.
    pub async fn full_avatar(&self) -> Result<Option<Vec<u8>>, MatrixError> {
        self.inner.client.account().get_avatar(MediaFormat::File).await.map_err(sdk_error)
    }

    /// Publishes the picture at `path` as this account's avatar, drawn again as a plain PNG so
    /// that nothing but its pixels is published (see `model::avatar`). Returns what was
    /// published, to show it at once.
    pub async fn set_avatar(&self, path: &Path) -> Result<Vec<u8>, MatrixError> {
        let prepared = picture_to_publish(path).await?;
        let account = self.inner.client.account();
        account.upload_avatar(&png(), prepared.clone()).await.map_err(sdk_error)?;
        Ok(prepared)
    }

    /// Removes this account's avatar: others see its initial again.
    pub async fn remove_avatar(&self) -> Result<(), MatrixError> {
        self.inner.client.account().set_avatar_url(None).await.map_err(sdk_error)
    }
}

/// The picture at `path`, drawn again as a plain PNG so that nothing but its pixels is
/// published (see `model::avatar`): an account's or a room's picture alike.
pub(super) async fn picture_to_publish(path: &Path) -> Result<Vec<u8>, MatrixError> {
    let shown = path.display().to_string();
    // Measured before it is read: a video chosen by mistake is not loaded to be refused.
    if super::attach::file_to_send(path).await? > avatar::MAX_FILE {
        return Err(MatrixError::PictureTooLarge(shown));
    }
    let bytes = tokio::fs::read(path).await.map_err(|e| super::attach::read_error(path, &e))?;
    // Decoding a large photo takes a moment of CPU: off the runtime's threads. A decoder
    // that panics on a hostile file has not read a picture.
    tokio::task::spawn_blocking(move || avatar::prepare(&bytes))
        .await
        .unwrap_or(Err(PictureError::NotAPicture))
        .map_err(|error| match error {
            PictureError::NotAPicture => MatrixError::NotAPicture(shown),
            PictureError::TooLarge => MatrixError::PictureTooLarge(shown),
        })
}

/// What `picture_to_publish` makes.
pub(super) fn png() -> mime_guess::mime::Mime {
    mime_guess::mime::IMAGE_PNG
}
