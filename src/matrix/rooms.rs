//! Rooms: the list, invitations, creating (always encrypted unless the policy allows
//! otherwise), direct chats, joining and leaving.

use matrix_sdk::latest_events::LatestEventValue;
use matrix_sdk::ruma::api::client::room::create_room::v3::{Request as CreateRoom, RoomPreset};
use matrix_sdk::ruma::events::InitialStateEvent;
use matrix_sdk::ruma::events::room::encryption::RoomEncryptionEventContent;
use matrix_sdk::ruma::events::room::message::{MessageType, Relation};
use matrix_sdk::ruma::events::{AnySyncMessageLikeEvent, AnySyncTimelineEvent};
use matrix_sdk::ruma::{OwnedRoomOrAliasId, OwnedUserId, RoomId, RoomOrAliasId, UserId};
use matrix_sdk::{Room, RoomState};

use super::handle::Handle;
use super::{MatrixError, sdk_error};
use crate::model::{Invite, Membership, NewRoom, RoomSummary};
use crate::policy::RoomSecurity;

impl Handle {
    /// Every room the account is in or invited to, as the room list shows them.
    pub async fn rooms(&self) -> Vec<RoomSummary> {
        let mut rooms = Vec::new();
        let latest = self.inner.client.latest_events().await;
        let all = self.inner.client.rooms();
        let mut parents = super::spaces::parents(&all).await;
        let settings = self.notification_settings().await;
        for room in all {
            // From now on the SDK keeps this room's latest event (the preview) up to date.
            let _ = latest.listen_to_room(room.room_id()).await;
            if matches!(room.state(), RoomState::Joined | RoomState::Invited) {
                let mut summary = summary(&room).await;
                summary.in_spaces = parents.remove(room.room_id()).unwrap_or_default();
                summary.notify = super::notifications::mode_of(settings, &room).await.mode;
                rooms.push(summary);
            }
        }
        rooms.sort_by_key(|room| room.name.to_lowercase());
        rooms
    }

    /// Pending invitations, with who sent them.
    pub async fn invites(&self) -> Vec<Invite> {
        let mut invites = Vec::new();
        for room in self.inner.client.invited_rooms() {
            let inviter = room.invite_details().await.ok().map(|i| i.inviter_id.to_string());
            invites.push(Invite {
                room_id: room.room_id().to_string(),
                name: name(&room).await,
                inviter,
                dm: room.is_direct().await.unwrap_or(false),
            });
        }
        invites
    }

    /// Creates a room, encrypted from its first event. A room without encryption is refused
    /// unless the policy allows it.
    pub async fn create_room(&self, new: NewRoom) -> Result<String, MatrixError> {
        self.inner.policy.may_create_room(new.encrypted)?;
        let mut request = CreateRoom::new();
        request.name = Some(new.name);
        request.topic = new.topic;
        request.invite = parse_users(&new.invites)?;
        request.preset = Some(RoomPreset::PrivateChat);
        // The private-chat preset lets guests join (Synapse writes `can_join`): a room of
        // ours keeps them out unless its admin lets them in.
        request.initial_state = vec![no_guests()];
        if new.encrypted {
            request.initial_state.push(encryption_event());
        }
        let room = self.inner.client.create_room(request).await.map_err(sdk_error)?;
        Ok(room.room_id().to_string())
    }

    /// The direct chat with `user`: the existing one if there is one, else a new, encrypted one.
    pub async fn dm(&self, user: &str) -> Result<String, MatrixError> {
        let user = parse_user(user)?;
        if let Some(room) = self.inner.client.get_dm_room(&user) {
            return Ok(room.room_id().to_string());
        }
        // `create_dm` puts the encryption event in the room's initial state.
        let room = self.inner.client.create_dm(&user).await.map_err(sdk_error)?;
        Ok(room.room_id().to_string())
    }

    /// Joins a room by id or alias, or accepts the pending invitation to it.
    pub async fn join(&self, room: &str) -> Result<String, MatrixError> {
        let target: OwnedRoomOrAliasId =
            room.trim().try_into().map_err(|_| MatrixError::UnknownRoom(room.to_owned()))?;
        if let Ok(id) = <&RoomId>::try_from(target.as_str())
            && let Some(invited) = self.inner.client.get_room(id)
            && invited.state() == RoomState::Invited
        {
            invited.join().await.map_err(sdk_error)?;
            return Ok(id.to_string());
        }
        let joined = self.inner.client.join_room_by_id_or_alias(&target, &[]).await;
        Ok(joined.map_err(sdk_error)?.room_id().to_string())
    }

    /// The id of one of the user's rooms named by a permalink: its id or its alias, never a
    /// name (a link must not open whichever room happens to be called that).
    pub async fn room_id_of(&self, id_or_alias: &str) -> Result<String, MatrixError> {
        if !id_or_alias.starts_with(['!', '#']) {
            return Err(MatrixError::UnknownRoom(id_or_alias.to_owned()));
        }
        let room = self.room(id_or_alias).await?;
        if !id_or_alias.starts_with('!') || room.room_id().as_str() == id_or_alias {
            return Ok(room.room_id().to_string());
        }
        Err(MatrixError::UnknownRoom(id_or_alias.to_owned()))
    }

    /// The room named by an id, an alias, or the exact name of one of the rooms the user is in
    /// or invited to. A name two rooms share is an error that lists them: anyone can name a
    /// room "Cellule de crise" and invite you, and a message must never go to the first match.
    pub(crate) async fn room(&self, input: &str) -> Result<Room, MatrixError> {
        let client = &self.inner.client;
        let input = input.trim();
        if let Ok(id) = <&RoomId>::try_from(input)
            && let Some(room) = client.get_room(id)
        {
            return Ok(room);
        }
        if let Ok(alias) = <&RoomOrAliasId>::try_from(input)
            && alias.is_room_alias_id()
            && let Ok(alias) = alias.as_str().try_into()
            && let Ok(response) = client.resolve_room_alias(alias).await
            && let Some(room) = client.get_room(&response.room_id)
        {
            return Ok(room);
        }
        by_name(client, input).await
    }

    /// What the policy needs to know of a room before a message goes out. The encryption state
    /// is asked of the server when the local copy does not know it; unknown is never "clear".
    pub(crate) async fn security(&self, room: &Room) -> Result<RoomSecurity, MatrixError> {
        // Encryption cannot be turned off once on, so a known "encrypted" is final; anything
        // else is asked of the server.
        let mut state = room.encryption_state();
        if !state.is_encrypted() {
            state = room.latest_encryption_state().await.map_err(sdk_error)?;
        }
        if state.is_unknown() {
            return Err(MatrixError::EncryptionUnknown(name(room).await));
        }
        Ok(RoomSecurity {
            name: name(room).await,
            encrypted: state.is_encrypted(),
            public: room.is_public().unwrap_or(false),
        })
    }
}

/// The one room, joined or invited, whose display name is `input`.
async fn by_name(client: &matrix_sdk::Client, input: &str) -> Result<Room, MatrixError> {
    let mut found = Vec::new();
    for room in client.rooms() {
        if matches!(room.state(), RoomState::Joined | RoomState::Invited)
            && name(&room).await == input
        {
            found.push(room);
        }
    }
    match found.len() {
        0 => Err(MatrixError::UnknownRoom(input.to_owned())),
        1 => Ok(found.remove(0)),
        _ => {
            let mut ids: Vec<String> = found.iter().map(|r| r.room_id().to_string()).collect();
            ids.sort();
            Err(MatrixError::AmbiguousRoom(input.to_owned(), ids))
        }
    }
}

async fn summary(room: &Room) -> RoomSummary {
    // Simplified sliding sync leaves the server's counts at zero; the SDK counts from the
    // read receipts and the event cache instead. Take whichever knows more.
    let counts = room.unread_notification_counts();
    let unread = counts.notification_count.max(room.num_unread_notifications());
    let highlights = counts.highlight_count.max(room.num_unread_mentions());
    RoomSummary {
        room_id: room.room_id().to_string(),
        name: name(room).await,
        dm: room.is_direct().await.unwrap_or(false),
        encrypted: room.encryption_state().is_encrypted(),
        public: room.is_public().unwrap_or(false),
        unread,
        highlights,
        membership: membership(room.state()),
        last_message: preview(room),
        last_activity: last_activity(room),
        inviter: inviter(room).await,
        partners: partners(room),
        space: room.is_space(),
        in_spaces: Vec::new(),
        notify: crate::model::notify::NotifyMode::default(),
    }
}

/// The people of a direct chat this account is in (none for an invitation: not talked to yet).
fn partners(room: &Room) -> Vec<String> {
    if room.state() != RoomState::Joined {
        return Vec::new();
    }
    let targets = room.direct_targets();
    targets.iter().filter_map(|target| target.as_user_id()).map(ToString::to_string).collect()
}

/// When the newest event the room list knows of was sent.
fn last_activity(room: &Room) -> u64 {
    let LatestEventValue::Remote(event) = room.latest_event() else { return 0 };
    let Ok(event) = event.raw().deserialize() else { return 0 };
    event.origin_server_ts().0.into()
}

/// Who invited this account, by name (with the ID beside it: anyone can take a name).
async fn inviter(room: &Room) -> Option<String> {
    if room.state() != RoomState::Invited {
        return None;
    }
    let details = room.invite_details().await.ok()?;
    let name =
        details.inviter.as_ref().and_then(|member| member.display_name().map(ToOwned::to_owned));
    // A stranger's invitation: the ID always, since anyone can take a colleague's name.
    Some(crate::model::person::named(name.as_deref(), details.inviter_id.as_str(), true))
}

/// The latest message's text, on one line and at most 80 characters.
fn preview(room: &Room) -> Option<String> {
    let LatestEventValue::Remote(event) = room.latest_event() else { return None };
    let AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(message)) =
        event.raw().deserialize().ok()?
    else {
        return None;
    };
    let content = &message.as_original()?.content;
    // An edit's own body is the "* new text" fallback: show the new text itself.
    let msgtype = match &content.relates_to {
        Some(Relation::Replacement(replacement)) => &replacement.new_content.msgtype,
        _ => &content.msgtype,
    };
    // The words of a formatted message, not its markdown source with its asterisks.
    let formatted = match msgtype {
        MessageType::Text(text) => text.formatted.as_ref().map(|formatted| {
            super::html::spans(&formatted.body)
                .into_iter()
                .map(|span| span.text)
                .collect::<String>()
        }),
        _ => None,
    };
    let body = formatted.as_deref().unwrap_or_else(|| msgtype.body());
    let text = crate::model::text::neutral(body).split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match crate::model::text::shortened(&text, 80) {
        Some((kept, _)) => format!("{kept}…"),
        None => text,
    })
}

/// The room's display name as the SDK computes it (name, alias, or members), without what
/// hides or reorders text: anyone who invites you chooses a room's name.
pub(crate) async fn name(room: &Room) -> String {
    let name = match room.display_name().await {
        Ok(name) => crate::model::text::clean_name(&name.to_string()),
        Err(_) => String::new(),
    };
    if name.is_empty() { room.room_id().to_string() } else { name }
}

fn membership(state: RoomState) -> Membership {
    match state {
        RoomState::Joined => Membership::Joined,
        RoomState::Invited => Membership::Invited,
        RoomState::Left => Membership::Left,
        RoomState::Knocked => Membership::Knocked,
        RoomState::Banned => Membership::Banned,
    }
}

fn encryption_event() -> matrix_sdk::ruma::serde::Raw<matrix_sdk::ruma::events::AnyInitialStateEvent>
{
    InitialStateEvent::with_empty_state_key(RoomEncryptionEventContent::with_recommended_defaults())
        .to_raw_any()
}

fn no_guests() -> matrix_sdk::ruma::serde::Raw<matrix_sdk::ruma::events::AnyInitialStateEvent> {
    use matrix_sdk::ruma::events::room::guest_access::{GuestAccess, RoomGuestAccessEventContent};
    InitialStateEvent::with_empty_state_key(RoomGuestAccessEventContent::new(
        GuestAccess::Forbidden,
    ))
    .to_raw_any()
}

pub(crate) fn parse_user(user: &str) -> Result<OwnedUserId, MatrixError> {
    UserId::parse(user.trim()).map_err(|e| MatrixError::BadUserId(user.to_owned(), e.to_string()))
}

fn parse_users(users: &[String]) -> Result<Vec<OwnedUserId>, MatrixError> {
    users.iter().map(|user| parse_user(user)).collect()
}
