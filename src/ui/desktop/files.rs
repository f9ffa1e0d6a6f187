//! The system's file dialogs, for attaching a file, saving a download or a recovery key, and
//! reading a QR code from a picture: the desktop portal's file chooser (what GNOME, KDE and
//! sandboxed apps use), else `zenity`. `Ok(None)` when the person cancels; an error in words
//! when this desktop offers no file dialog at all.
//!
//! Not a GUI toolkit's dialog: those bring GTK, or a second D-Bus runtime whose blocking calls
//! panic inside ours.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::fl;

/// This desktop offers no file dialog: neither the portal's nor zenity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", fl!("files-no-dialog"))]
pub struct NoFileDialog;

/// How long a file opened with the desktop's application stays on disk: the application has
/// read it (or holds it open, which keeps it readable) long before.
const OPENED_LIFETIME: std::time::Duration = std::time::Duration::from_secs(600);

/// Fetches a file into a private folder of its own (readable by this user only, in the
/// session's runtime folder when there is one: memory, not disk), opens it with the desktop's
/// application for its type, and removes it after a while, or when the app quits.
pub async fn open_copy<F, Fut>(name: &str, fetch: F) -> Result<(), crate::ui::failure::Failure>
where
    F: FnOnce(PathBuf) -> Fut,
    Fut: std::future::Future<Output = Result<(), crate::matrix::MatrixError>>,
{
    use crate::ui::failure::Failure;
    let base =
        std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from).unwrap_or_else(std::env::temp_dir);
    let folder = tempfile::Builder::new()
        .prefix("estafette-open-")
        .tempdir_in(&base)
        .map_err(|e| Failure::File(crate::profile::ProfileError::io(base.clone(), e)))?;
    let path = folder.path().join(name);
    fetch(path.clone()).await?;
    let shown = path.display().to_string();
    let opened = crate::browser::open_later(shown).await;
    // The folder goes when this task ends: after the lifetime, or with the app.
    tokio::spawn(async move {
        tokio::time::sleep(OPENED_LIFETIME).await;
        drop(folder);
    });
    opened.map_err(Failure::Browser)
}

/// Asks for one existing file.
pub async fn pick(title: String) -> Result<Option<PathBuf>, NoFileDialog> {
    match portal::choose(&title, None).await {
        Ok(chosen) => Ok(chosen),
        Err(error) => {
            tracing::info!(%error, "no portal file chooser; trying zenity");
            zenity(&title, None).await
        }
    }
}

/// Asks where to save, proposing `name`.
pub async fn save_as(title: String, name: String) -> Result<Option<PathBuf>, NoFileDialog> {
    match portal::choose(&title, Some(&name)).await {
        Ok(chosen) => Ok(chosen),
        Err(error) => {
            tracing::info!(%error, "no portal file chooser; trying zenity");
            zenity(&title, Some(&name)).await
        }
    }
}

/// `zenity --file-selection`: exit 0 with the path, 1 when cancelled.
async fn zenity(title: &str, save_as: Option<&str>) -> Result<Option<PathBuf>, NoFileDialog> {
    let mut command = tokio::process::Command::new("zenity");
    command.args(["--file-selection", "--title", title]);
    if let Some(name) = save_as {
        command.args(["--save", "--confirm-overwrite", "--filename", name]);
    }
    let output = command.output().await.map_err(|_| NoFileDialog)?;
    if !output.status.success() {
        return Ok(None);
    }
    let path = String::from_utf8_lossy(&output.stdout).trim_end_matches('\n').to_owned();
    Ok((!path.is_empty()).then(|| PathBuf::from(path)))
}

#[cfg(target_os = "linux")]
mod portal {
    //! `org.freedesktop.portal.FileChooser`: the call returns a request object whose
    //! `Response` signal carries the answer, so the signal is subscribed to first, at the path
    //! the portal will use (derived from our bus name and a token we choose).

    use super::*;
    use futures_util::StreamExt as _;
    use zbus::zvariant::{OwnedValue, Value};

    const DESTINATION: &str = "org.freedesktop.portal.Desktop";
    const PATH: &str = "/org/freedesktop/portal/desktop";

    pub async fn choose(title: &str, save_as: Option<&str>) -> zbus::Result<Option<PathBuf>> {
        let connection = zbus::Connection::session().await?;
        let token = format!("estafette{}", rand::random::<u32>());
        let sender = connection.unique_name().map(|n| n.as_str().to_owned()).unwrap_or_default();
        let sender = sender.trim_start_matches(':').replace('.', "_");
        let request_path = format!("{PATH}/request/{sender}/{token}");
        let request = zbus::Proxy::new(
            &connection,
            DESTINATION,
            request_path.as_str(),
            "org.freedesktop.portal.Request",
        )
        .await?;
        let mut responses = request.receive_signal("Response").await?;
        let chooser =
            zbus::Proxy::new(&connection, DESTINATION, PATH, "org.freedesktop.portal.FileChooser")
                .await?;
        let mut options: HashMap<&str, Value<'_>> = HashMap::new();
        options.insert("handle_token", Value::from(token.as_str()));
        options.insert("modal", Value::from(true));
        let method = match save_as {
            Some(name) => {
                options.insert("current_name", Value::from(name));
                "SaveFile"
            }
            None => "OpenFile",
        };
        chooser.call_method(method, &("", title, options)).await?;
        let Some(response) = responses.next().await else { return Ok(None) };
        let (code, results): (u32, HashMap<String, OwnedValue>) = response.body().deserialize()?;
        // 0: chosen; 1: cancelled; 2: ended another way.
        if code != 0 {
            return Ok(None);
        }
        let uris: Vec<String> = match results.get("uris") {
            Some(uris) => uris.try_clone()?.try_into()?,
            None => Vec::new(),
        };
        Ok(uris.first().and_then(|uri| url::Url::parse(uri).ok()?.to_file_path().ok()))
    }
}

#[cfg(not(target_os = "linux"))]
mod portal {
    //! Elsewhere the desktop portal does not exist; the zenity fallback answers.

    use super::*;

    pub async fn choose(
        _title: &str,
        _save_as: Option<&str>,
    ) -> Result<Option<PathBuf>, NoFileDialog> {
        Err(NoFileDialog)
    }
}
