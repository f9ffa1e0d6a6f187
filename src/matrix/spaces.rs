//! Spaces: the groups of rooms an organisation makes (a ministry, a project). The room list
//! can be narrowed to one space's rooms, and a space's rooms, joined or not, can be listed
//! from the server's hierarchy and joined.

use std::collections::HashMap;

use matrix_sdk::deserialized_responses::SyncOrStrippedState;
use matrix_sdk::ruma::api::client::space::get_hierarchy::v1::Request;
use matrix_sdk::ruma::events::space::child::SpaceChildEventContent;
use matrix_sdk::ruma::room::{JoinRuleSummary, RoomType};
use matrix_sdk::ruma::{OwnedRoomId, UInt};
use matrix_sdk::{Room, RoomState};

use super::handle::Handle;
use super::{MatrixError, sdk_error};
use crate::model::directory::PublicRoom;
use crate::model::text::clean_name;

/// How many of a space's rooms one listing shows.
const LIMIT: u32 = 100;

impl Handle {
    /// A space's rooms as the server knows them (its hierarchy, one level down), joined or
    /// not, with whether each is encrypted.
    pub async fn space_rooms(&self, space: &str) -> Result<Vec<PublicRoom>, MatrixError> {
        let space = self.room(space).await?;
        if !space.is_space() {
            let name = space.name().map(|name| clean_name(&name));
            return Err(MatrixError::NotASpace(
                name.unwrap_or_else(|| space.room_id().to_string()),
            ));
        }
        let mut request = Request::new(space.room_id().to_owned());
        request.max_depth = Some(UInt::from(1_u32));
        request.limit = Some(UInt::from(LIMIT));
        let response = self.inner.client.send(request).await.map_err(|e| sdk_error(e.into()))?;
        let rooms = response.rooms.into_iter().map(|chunk| chunk.summary);
        let rooms = rooms.filter(|summary| summary.room_id != space.room_id());
        Ok(rooms
            .map(|summary| {
                let open = matches!(summary.join_rule, JoinRuleSummary::Public);
                let knock = matches!(
                    summary.join_rule,
                    JoinRuleSummary::Knock | JoinRuleSummary::KnockRestricted(_)
                );
                let space = summary.room_type == Some(RoomType::Space);
                let encrypted = Some(summary.encryption.is_some());
                let listed = self.listed(
                    &summary.room_id,
                    summary.canonical_alias,
                    (summary.name, summary.topic),
                    summary.num_joined_members,
                    summary.world_readable,
                );
                PublicRoom { open, knock, space, encrypted, ..listed }
            })
            .collect())
    }
}

/// For each room, the joined spaces that list it among their rooms (`m.space.child` with a
/// server to join it through), by space id; a room of a sub-space is in its parents too, as
/// in Element, so that a ministry's space shows its departments' rooms.
pub(super) async fn parents(rooms: &[Room]) -> HashMap<OwnedRoomId, Vec<String>> {
    let mut parents = direct_parents(rooms).await;
    inherit(&mut parents);
    parents
}

/// Adds to each room the spaces above its spaces, however deep (a loop of spaces, which the
/// spec does not forbid, ends when nothing is added).
fn inherit(parents: &mut HashMap<OwnedRoomId, Vec<String>>) {
    loop {
        let mut added = false;
        let snapshot = parents.clone();
        for spaces in parents.values_mut() {
            let above: Vec<String> = spaces
                .iter()
                .filter_map(|space| OwnedRoomId::try_from(space.as_str()).ok())
                .filter_map(|space| snapshot.get(&space))
                .flatten()
                .cloned()
                .collect();
            for space in above {
                if !spaces.contains(&space) {
                    spaces.push(space);
                    added = true;
                }
            }
        }
        if !added {
            return;
        }
    }
}

async fn direct_parents(rooms: &[Room]) -> HashMap<OwnedRoomId, Vec<String>> {
    let mut parents: HashMap<OwnedRoomId, Vec<String>> = HashMap::new();
    let spaces = rooms.iter().filter(|room| room.is_space() && room.state() == RoomState::Joined);
    for space in spaces {
        let Ok(children) = space.get_state_events_static::<SpaceChildEventContent>().await else {
            continue;
        };
        for child in children.iter().filter_map(|raw| raw.deserialize().ok()) {
            // A child event without `via` is one the space took back.
            let listed = match &child {
                SyncOrStrippedState::Sync(event) => {
                    event.as_original().is_some_and(|event| !event.content.via.is_empty())
                }
                // Only joined spaces are read: their state is never stripped.
                SyncOrStrippedState::Stripped(_) => false,
            };
            if listed {
                let id = child.state_key().clone();
                parents.entry(id).or_default().push(space.room_id().to_string());
            }
        }
    }
    parents
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(room: &str) -> OwnedRoomId {
        OwnedRoomId::try_from(room).unwrap()
    }

    #[test]
    fn a_room_of_a_sub_space_is_in_the_spaces_above_and_a_loop_ends() {
        let mut parents = HashMap::from([
            (id("!room:x"), vec!["!dept:x".to_owned()]),
            (id("!dept:x"), vec!["!ministry:x".to_owned()]),
            (id("!ministry:x"), vec!["!dept:x".to_owned()]),
        ]);
        inherit(&mut parents);
        let mut room = parents[&id("!room:x")].clone();
        room.sort();
        assert_eq!(room, ["!dept:x", "!ministry:x"]);
        assert!(parents[&id("!dept:x")].contains(&"!dept:x".to_owned()), "a loop is finite");
    }
}
