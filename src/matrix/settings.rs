//! A room's settings: read them, rename, change the topic, who can join, who can read the
//! history, turn encryption on (never off), leave and forget. Each change is checked against
//! the power levels first, so a refusal says what it takes.

use matrix_sdk::Room;
use matrix_sdk::RoomState;
use matrix_sdk::ruma::events::StateEventType;
use std::path::Path;

use matrix_sdk::ruma::OwnedRoomOrAliasId;
use matrix_sdk::ruma::api::client::state::get_state_event_for_key::v3::Request as StateRequest;
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::ruma::events::room::avatar::ImageInfo;
use matrix_sdk::ruma::events::room::guest_access::{GuestAccess, RoomGuestAccessEventContent};
use matrix_sdk::ruma::events::room::history_visibility::HistoryVisibility;
use matrix_sdk::ruma::events::room::join_rules::JoinRule as SdkJoinRule;
use matrix_sdk::ruma::events::room::power_levels::RoomPowerLevels;

use super::handle::Handle;
use super::members::power;
use super::{MatrixError, sdk_error};
use crate::model::member::{MemberAction, NotAllowed};
use crate::model::room_settings::{History, JoinRule, Replacement, RoomSettings, SettingsActions};

impl Handle {
    /// What the settings dialog shows, with what this account may change.
    pub async fn room_settings(&self, room: &str) -> Result<RoomSettings, MatrixError> {
        let room = self.room(room).await?;
        let levels = room.power_levels_or_default().await;
        let me = room.own_user_id();
        let can = |state: StateEventType| levels.user_can_send_state(me, state);
        let encrypted = room.encryption_state().is_encrypted();
        let may = SettingsActions {
            rename: can(StateEventType::RoomName),
            topic: can(StateEventType::RoomTopic),
            avatar: can(StateEventType::RoomAvatar),
            join_rule: can(StateEventType::RoomJoinRules),
            history: can(StateEventType::RoomHistoryVisibility),
            guests: can(StateEventType::RoomGuestAccess),
            encryption: !encrypted && can(StateEventType::RoomEncryption),
        };
        let replaced_by = room.successor_room().map(|successor| Replacement {
            joined: self
                .inner
                .client
                .get_room(&successor.room_id)
                .is_some_and(|new| new.state() == RoomState::Joined),
            room_id: successor.room_id.to_string(),
            reason: successor
                .reason
                .map(|reason| crate::model::text::neutral(&reason).into_owned()),
        });
        Ok(RoomSettings {
            room_id: room.room_id().to_string(),
            name: room.name().map(|name| crate::model::text::clean_name(&name)),
            topic: room.topic().map(|topic| crate::model::text::neutral(&topic).into_owned()),
            has_avatar: room.avatar_url().is_some(),
            join_rule: join_rule(room.join_rule().as_ref()),
            history: history(&room.history_visibility_or_default()),
            guests: self.guests_of(&room).await,
            encrypted,
            replaced_by,
            may,
        })
    }

    /// Renames a room. The name is not end-to-end encrypted: the server sees it.
    pub async fn rename(&self, room: &str, name: &str) -> Result<(), MatrixError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(MatrixError::RoomNameEmpty);
        }
        let (room, levels) = self.with_levels(room).await?;
        may_send(&room, &levels, StateEventType::RoomName, MemberAction::Rename)?;
        room.set_name(name.to_owned()).await.map_err(sdk_error)?;
        seen(&room, |room| room.name().as_deref() == Some(name)).await;
        Ok(())
    }

    /// Sets (or, empty, clears) the topic. Like the name, the server sees it.
    pub async fn set_topic(&self, room: &str, topic: &str) -> Result<(), MatrixError> {
        let (room, levels) = self.with_levels(room).await?;
        may_send(&room, &levels, StateEventType::RoomTopic, MemberAction::Topic)?;
        let topic = topic.trim();
        room.set_room_topic(topic).await.map_err(sdk_error)?;
        seen(&room, |room| room.topic().unwrap_or_default() == topic).await;
        Ok(())
    }

    /// Who can join: invited people only, anyone who asks (a moderator lets them in), anyone.
    pub async fn set_join_rule(&self, room: &str, rule: JoinRule) -> Result<(), MatrixError> {
        let (room, levels) = self.with_levels(room).await?;
        may_send(&room, &levels, StateEventType::RoomJoinRules, MemberAction::JoinRule)?;
        let rule = match rule {
            JoinRule::Knock => SdkJoinRule::Knock,
            JoinRule::Public => SdkJoinRule::Public,
            _ => SdkJoinRule::Invite,
        };
        let expected = rule.clone();
        room.privacy_settings().update_join_rule(rule).await.map_err(sdk_error)?;
        seen(&room, |room| room.join_rule().as_ref() == Some(&expected)).await;
        Ok(())
    }

    /// Who can read what is sent from now on.
    pub async fn set_history(&self, room: &str, to: History) -> Result<(), MatrixError> {
        let (room, levels) = self.with_levels(room).await?;
        may_send(&room, &levels, StateEventType::RoomHistoryVisibility, MemberAction::History)?;
        let visibility = match to {
            History::Joined => HistoryVisibility::Joined,
            History::Invited => HistoryVisibility::Invited,
            History::Shared => HistoryVisibility::Shared,
            History::WorldReadable => HistoryVisibility::WorldReadable,
        };
        let expected = visibility.clone();
        let privacy = room.privacy_settings();
        privacy.update_room_history_visibility(visibility).await.map_err(sdk_error)?;
        seen(&room, |room| room.history_visibility_or_default() == expected).await;
        Ok(())
    }

    /// Whether guests (accounts without a password, where the server allows them) may join.
    pub async fn set_guests(&self, room: &str, allowed: bool) -> Result<(), MatrixError> {
        let (room, levels) = self.with_levels(room).await?;
        may_send(&room, &levels, StateEventType::RoomGuestAccess, MemberAction::Guests)?;
        let access = if allowed { GuestAccess::CanJoin } else { GuestAccess::Forbidden };
        let content = RoomGuestAccessEventContent::new(access);
        room.send_state_event(content).await.map_err(sdk_error)?;
        Ok(())
    }

    /// Whether guests may join, asked of the server: the room list's sync does not carry the
    /// guest-access state, so the client's copy may be stale or missing. Without an answer,
    /// the client's copy.
    async fn guests_of(&self, room: &Room) -> bool {
        let request = StateRequest::new(
            room.room_id().to_owned(),
            StateEventType::RoomGuestAccess,
            String::new(),
        );
        match self.inner.client.send(request).await {
            Ok(response) => {
                serde_json::from_str::<RoomGuestAccessEventContent>(response.event_or_content.get())
                    .is_ok_and(|content| content.guest_access == GuestAccess::CanJoin)
            }
            Err(error) if error.client_api_error_kind() == Some(&ErrorKind::NotFound) => false,
            Err(error) => {
                tracing::debug!(%error, "guest access not read from the server");
                room.guest_access() == GuestAccess::CanJoin
            }
        }
    }

    /// Publishes the picture at `path` as the room's (drawn again as a plain PNG, as for the
    /// account's own), or with `None` removes it. Like the name, the server sees it.
    pub async fn set_room_avatar(
        &self,
        room: &str,
        path: Option<&Path>,
    ) -> Result<(), MatrixError> {
        let (room, levels) = self.with_levels(room).await?;
        may_send(&room, &levels, StateEventType::RoomAvatar, MemberAction::Avatar)?;
        match path {
            Some(path) => {
                let picture = super::me::picture_to_publish(path).await?;
                let info = assign_size(&picture);
                room.upload_avatar(&super::me::png(), picture, info).await.map_err(sdk_error)?;
                seen(&room, |room| room.avatar_url().is_some()).await;
            }
            None => {
                room.remove_avatar().await.map_err(sdk_error)?;
                seen(&room, |room| room.avatar_url().is_none()).await;
            }
        }
        Ok(())
    }

    /// Asks to join a room whose rule is "ask to join": its moderators see the request in
    /// their member panel and let the account in (an invitation) or not.
    pub async fn knock(&self, room: &str, reason: Option<&str>) -> Result<String, MatrixError> {
        let target = OwnedRoomOrAliasId::try_from(room.trim())
            .map_err(|_| MatrixError::UnknownRoom(room.to_owned()))?;
        let reason = reason.map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned);
        let via = target.server_name().map(ToOwned::to_owned).into_iter().collect();
        let knocked = self.inner.client.knock(target, reason, via).await.map_err(sdk_error)?;
        Ok(knocked.room_id().to_string())
    }

    /// Turns end-to-end encryption on for good: it cannot be turned off again.
    pub async fn enable_encryption(&self, room: &str) -> Result<(), MatrixError> {
        let (room, levels) = self.with_levels(room).await?;
        if room.encryption_state().is_encrypted() {
            return Err(MatrixError::AlreadyEncrypted);
        }
        may_send(&room, &levels, StateEventType::RoomEncryption, MemberAction::Encryption)?;
        room.enable_encryption().await.map_err(sdk_error)
    }

    /// Leaves a room (or declines an invitation) and, when asked, forgets it: the server
    /// drops it from the account's list and its history from what this account can fetch.
    pub async fn leave_room(&self, room: &str, forget: bool) -> Result<(), MatrixError> {
        let room = self.room(room).await?;
        if matches!(room.state(), RoomState::Joined | RoomState::Invited | RoomState::Knocked) {
            room.leave().await.map_err(sdk_error)?;
        }
        if forget {
            room.forget().await.map_err(sdk_error)?;
            self.unindex_room(room.room_id().as_str()).await;
        }
        Ok(())
    }

    /// Declines an invitation and ignores whoever sent it: nothing more from them reaches
    /// this account (their invitations, messages and calls), on every session.
    pub async fn decline_and_block(&self, room: &str) -> Result<String, MatrixError> {
        let room = self.room(room).await?;
        let details = room.invite_details().await.map_err(sdk_error)?;
        room.leave().await.map_err(sdk_error)?;
        let inviter = details.inviter_id;
        self.inner.client.account().ignore_user(&inviter).await.map_err(sdk_error)?;
        Ok(inviter.to_string())
    }
}

/// Waits until the room, as the sync keeps it, shows a change just sent (or a few seconds
/// have passed): the server has accepted it already, but what the caller reads next (the
/// settings dialog, `room-settings`) must show it too.
async fn seen(room: &Room, shows: impl Fn(&Room) -> bool) {
    super::members::until(|| std::future::ready(shows(room))).await;
}

/// The picture's size, for clients that lay out the room's avatar before it arrives.
fn assign_size(picture: &[u8]) -> Option<ImageInfo> {
    let mut info = ImageInfo::new();
    info.size = Some(picture.len().try_into().ok()?);
    Some(info)
}

/// Refuses, in words, a state change this account's level does not reach.
fn may_send(
    room: &Room,
    levels: &RoomPowerLevels,
    state: StateEventType,
    action: MemberAction,
) -> Result<(), MatrixError> {
    let me = room.own_user_id();
    if levels.user_can_send_state(me, state.clone()) {
        return Ok(());
    }
    Err(MatrixError::NotAllowed(NotAllowed::TooLow {
        action,
        needed: levels.for_state(state).into(),
        mine: power(levels.for_user(me)),
    }))
}

fn join_rule(rule: Option<&SdkJoinRule>) -> JoinRule {
    match rule {
        Some(SdkJoinRule::Invite) | None => JoinRule::Invite,
        Some(SdkJoinRule::Knock) => JoinRule::Knock,
        Some(SdkJoinRule::Public) => JoinRule::Public,
        Some(SdkJoinRule::Restricted(_) | SdkJoinRule::KnockRestricted(_)) => JoinRule::Restricted,
        Some(_) => JoinRule::Other,
    }
}

fn history(visibility: &HistoryVisibility) -> History {
    match visibility {
        HistoryVisibility::Joined => History::Joined,
        HistoryVisibility::Invited => History::Invited,
        HistoryVisibility::WorldReadable => History::WorldReadable,
        // Shared is the spec's default, and an unknown value is read as the wider one.
        _ => History::Shared,
    }
}
