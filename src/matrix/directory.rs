//! The public room directory: a server's list of rooms anyone may find, searched by words.
//! The organisation may turn it off (`public_room_directory`); another server's directory is
//! asked only of servers the policy allows.

use matrix_sdk::RoomState;
use matrix_sdk::ruma::api::client::directory::get_public_rooms_filtered::v3::Request;
use matrix_sdk::ruma::directory::{Filter, PublicRoomsChunk};
use matrix_sdk::ruma::room::JoinRuleKind;
use matrix_sdk::ruma::{OwnedRoomAliasId, OwnedServerName, RoomId, UInt};

use super::MatrixError;
use super::handle::Handle;
use crate::model::directory::PublicRoom;
use crate::model::text::{clean_name, neutral};

/// How many rooms one search lists.
const LIMIT: u32 = 50;

impl Handle {
    /// The public rooms whose name, address or topic hold `search` (all of them, if empty),
    /// on this account's server or on `server`.
    pub async fn directory(
        &self,
        search: &str,
        server: Option<&str>,
    ) -> Result<Vec<PublicRoom>, MatrixError> {
        self.inner.policy.may_browse_public_rooms()?;
        let mut request = Request::new();
        if let Some(server) = server.map(str::trim).filter(|s| !s.is_empty()) {
            self.inner.policy.allows_server_name(server)?;
            let name = OwnedServerName::try_from(server)
                .map_err(|_| MatrixError::UnknownServer(server.to_owned()))?;
            request.server = Some(name);
        }
        let mut filter = Filter::new();
        filter.generic_search_term = Some(search.trim().to_owned()).filter(|s| !s.is_empty());
        request.filter = filter;
        request.limit = Some(UInt::from(LIMIT));
        let client = &self.inner.client;
        let response = client
            .public_rooms_filtered(request)
            .await
            .map_err(|e| MatrixError::Server(super::error::root_cause(&e)))?;
        Ok(response.chunk.into_iter().map(|chunk| self.public_room(chunk)).collect())
    }

    fn public_room(&self, chunk: PublicRoomsChunk) -> PublicRoom {
        let open = chunk.join_rule == JoinRuleKind::Public;
        let knock = matches!(chunk.join_rule, JoinRuleKind::Knock | JoinRuleKind::KnockRestricted);
        let listed = self.listed(
            &chunk.room_id,
            chunk.canonical_alias,
            (chunk.name, chunk.topic),
            chunk.num_joined_members,
            chunk.world_readable,
        );
        PublicRoom { open, knock, ..listed }
    }

    /// A room a listing names (the directory, a space's hierarchy), its name and topic
    /// cleaned, and whether this account is in it; `open` and `encrypted` are the caller's.
    pub(super) fn listed(
        &self,
        room_id: &RoomId,
        alias: Option<OwnedRoomAliasId>,
        (name, topic): (Option<String>, Option<String>),
        members: UInt,
        world_readable: bool,
    ) -> PublicRoom {
        let room = self.inner.client.get_room(room_id);
        PublicRoom {
            room_id: room_id.to_string(),
            alias: alias.map(|alias| alias.to_string()),
            name: name.map(|name| clean_name(&name)).filter(|name| !name.is_empty()),
            topic: topic.map(|topic| neutral(&topic).into_owned()),
            members: members.into(),
            world_readable,
            open: false,
            knock: false,
            space: false,
            joined: room.is_some_and(|room| room.state() == RoomState::Joined),
            encrypted: None,
        }
    }
}
