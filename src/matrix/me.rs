//! This account's public profile: the display name others see beside its messages.

use super::handle::Handle;
use super::{MatrixError, sdk_error};

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
