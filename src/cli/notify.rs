//! `notifications` and `keywords`: how much a room notifies, and the words that notify
//! anywhere, kept in the server's push rules as the desktop app keeps them.

use std::process::ExitCode;

use super::core::with_core;
use super::output::{json, shown};
use crate::fl;
use crate::matrix::MatrixError;
use crate::model::notify::{NotifyMode, RoomNotify};
use crate::policy::Policy;
use crate::profile::Profile;

/// Prints the room's mode, after setting it when `mode` is given (`default`: the server's).
pub async fn mode(
    profile: &Profile,
    policy: &Policy,
    room: &str,
    mode: Option<&str>,
    as_json: bool,
) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        let now = match mode.map(str::trim) {
            None => handle.notify_mode(room).await?,
            Some("default") => handle.set_notify_mode(room, None).await?,
            Some(input) => {
                let mode = NotifyMode::parse(input)
                    .ok_or_else(|| MatrixError::BadNotifyMode(input.to_owned()))?;
                handle.set_notify_mode(room, Some(mode)).await?
            }
        };
        if as_json {
            return Ok(json(&now));
        }
        say!("{}\t{}", now.mode.name(), words(now));
        Ok(ExitCode::SUCCESS)
    })
    .await
}

fn words(now: RoomNotify) -> String {
    if now.default {
        fl!("notify-mode-default", mode = now.mode.to_string())
    } else {
        now.mode.to_string()
    }
}

/// Lists the keywords, after adding or removing `word`.
pub async fn keywords(
    profile: &Profile,
    policy: &Policy,
    action: Option<&str>,
    word: Option<&str>,
) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        match (action, word) {
            (Some("add"), Some(word)) => handle.add_keyword(word).await?,
            (Some("remove"), Some(word)) => handle.remove_keyword(word).await?,
            _ => {}
        }
        for keyword in handle.keywords().await {
            say!("{}", shown(&keyword));
        }
        Ok(ExitCode::SUCCESS)
    })
    .await
}
