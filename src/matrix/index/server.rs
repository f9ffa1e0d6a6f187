//! The server's own search, for the rooms that are not encrypted: the server holds their
//! messages in clear anyway, and finds what was said before this computer started indexing.
//! Encrypted rooms are never sent to it (it could only answer nothing, and would learn the
//! query). What it finds is read as the crawler reads history (`convert`), so a reply's quoted
//! fallback or a redacted message is never shown, and an edit stands for the message it edits.

use matrix_sdk::Client;
use matrix_sdk::deserialized_responses::TimelineEvent;
use matrix_sdk::ruma::api::client::filter::RoomEventFilter;
use matrix_sdk::ruma::api::client::search::search_events::v3::{
    Categories, Criteria, OrderBy, Request,
};
use matrix_sdk::ruma::{OwnedRoomId, UInt};

use super::convert;
use crate::search::{Change, Message};

/// The messages of `rooms` that the server finds for `query`, best first, at most `limit`.
/// A server that cannot answer (offline, search turned off there) finds nothing: the local
/// index still answers, and the failure is in the log.
pub(super) async fn found(
    client: &Client,
    query: &str,
    rooms: Vec<OwnedRoomId>,
    limit: usize,
) -> Vec<Message> {
    if rooms.is_empty() || query.trim().is_empty() || limit == 0 {
        return Vec::new();
    }
    let asked = rooms.len();
    let response = match client.send(request(query, rooms, limit)).await {
        Ok(response) => response,
        Err(error) => {
            tracing::warn!(%error, "the server's search did not answer");
            return Vec::new();
        }
    };
    let results = response.search_categories.room_events.results;
    // How many rooms, never the words: what a person searches for stays off the log.
    tracing::info!(rooms = asked, found = results.len(), "the server's search answered");
    results
        .into_iter()
        .filter_map(|result| result.result)
        .filter_map(|raw| {
            let room = raw.get_field::<String>("room_id").ok().flatten()?;
            let event = TimelineEvent::from_plaintext(raw.cast_unchecked());
            // An edit found by its new words stands for the message it edits, under that
            // message's id: with no index (or one that does not know it) it is found so.
            match convert::change(&room, &event)? {
                Change::Put(message) | Change::Edit(message) => Some(message),
                _ => None,
            }
        })
        .take(limit)
        .collect()
}

fn request(query: &str, rooms: Vec<OwnedRoomId>, limit: usize) -> Request {
    let mut filter = RoomEventFilter::default();
    filter.rooms = Some(rooms);
    filter.limit = UInt::try_from(limit as u64).ok();
    let mut criteria = Criteria::new(query.to_owned());
    criteria.filter = filter;
    criteria.order_by = Some(OrderBy::Rank);
    let mut categories = Categories::new();
    categories.room_events = Some(criteria);
    Request::new(categories)
}
