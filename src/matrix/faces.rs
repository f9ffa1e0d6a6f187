//! Other people's profile pictures, small, for the member list. Public by nature (anyone on
//! the server can fetch them), so fetching one tells the server nothing it does not know; the
//! SDK keeps each in the encrypted media store, so a list opened again asks nothing more.

use matrix_sdk::media::{MediaFormat, MediaRequestParameters, MediaThumbnailSettings};
use matrix_sdk::ruma::events::room::MediaSource;
use matrix_sdk::ruma::{OwnedMxcUri, UInt};

use super::MatrixError;
use super::handle::Handle;

/// Pixels across asked of the server: the member list shows 28, twice that for a sharp
/// high-density screen.
const SIDE: u32 = 64;

impl Handle {
    /// The picture at `url` (an `mxc://` address a member's profile names), as the server's
    /// small thumbnail. What comes back is still a stranger's file: the caller decodes it
    /// with the picture decoder's limits.
    pub async fn face(&self, url: &str) -> Result<Vec<u8>, MatrixError> {
        let uri = OwnedMxcUri::from(url);
        if !uri.is_valid() {
            return Err(MatrixError::DownloadFailed(url.to_owned()));
        }
        let side = UInt::from(SIDE);
        let request = MediaRequestParameters {
            source: MediaSource::Plain(uri),
            format: MediaFormat::Thumbnail(MediaThumbnailSettings::new(side, side)),
        };
        let media = self.inner.client.media();
        let bytes = media.get_media_content(&request, true).await;
        bytes.map_err(|e| MatrixError::DownloadFailed(super::error::root_cause(&e)))
    }
}
