//! The public room directory: a server's list of rooms anyone may find, searched by words.
//! The organisation may turn it off (`public_room_directory`); another server's directory is
//! asked only of servers the policy allows.

use matrix_sdk::RoomState;
use matrix_sdk::ruma::api::client::directory::get_public_rooms_filtered::v3::Request;
use matrix_sdk::ruma::directory::{Filter, PublicRoomsChunk};
use matrix_sdk::ruma::room::JoinRuleKind;
use matrix_sdk::ruma::{OwnedServerName, UInt};

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
        let joined = self
            .inner
            .client
            .get_room(&chunk.room_id)
            .is_some_and(|room| room.state() == RoomState::Joined);
        PublicRoom {
            room_id: chunk.room_id.to_string(),
            alias: chunk.canonical_alias.map(|alias| alias.to_string()),
            name: chunk.name.map(|name| clean_name(&name)).filter(|name| !name.is_empty()),
            topic: chunk.topic.map(|topic| neutral(&topic).into_owned()),
            members: chunk.num_joined_members.into(),
            world_readable: chunk.world_readable,
            open: chunk.join_rule == JoinRuleKind::Public,
            joined,
            encrypted: None,
        }
    }
}
