//! Keeps the local search index (`crate::search`) filled and answers searches: opens it with
//! its key from the keychain (or removes it when the policy says no), indexes what the event
//! cache receives and decrypts, and runs the crawler over each room's history (`crawl`).

mod convert;
mod crawl;
mod server;
pub(crate) mod state;

use std::collections::HashSet;
use std::sync::{Arc, Weak};
use std::time::Duration;

use matrix_sdk::ruma::{OwnedRoomId, RoomId};
use tokio::sync::mpsc;

use super::event::Event;
use super::handle::{Handle, Inner};
use super::{MatrixError, Session};
use crate::model::search::{IndexProgress, SearchHit};
use crate::policy::{Policy, Refusal, SearchReach};
use crate::search::{Change, Index};
use crate::secret::StoreKey;

/// How long the live indexer lets a burst of sync updates gather before it reads them.
const GATHER: Duration = Duration::from_millis(500);

/// Opens this session's index, or, when the policy forbids one, removes what an earlier run
/// kept (files and key). A keychain or disk failure leaves search off for this run, said in
/// the log: it never stops the messenger.
pub(crate) async fn open(session: &Session, policy: &Policy) -> Option<Arc<Index>> {
    let dir = session.profile.search_dir();
    if policy.may_index_locally().is_err() {
        if let Err(error) = session.profile.remove_search_index() {
            tracing::warn!(%error, "the search index the policy forbids could not be removed");
        }
        if let Err(error) = session.secrets.delete_search_key().await {
            tracing::warn!(%error, "the search index's key could not be removed");
        }
        return None;
    }
    let key = match session.secrets.search_key().await {
        Ok(Some(key)) => key,
        Ok(None) => {
            // Files sealed with a key the keychain no longer has can never be read: start over.
            let _ = session.profile.remove_search_index();
            let key = StoreKey::generate();
            if let Err(error) = session.secrets.save_search_key(&key).await {
                tracing::warn!(%error, "no search index: its key cannot be kept");
                return None;
            }
            key
        }
        Err(error) => {
            tracing::warn!(%error, "no search index: its key cannot be read");
            return None;
        }
    };
    let profile = session.profile.clone();
    let opened = off_thread(move || {
        let failed =
            |e: crate::profile::ProfileError| crate::search::SearchError::Index(e.to_string());
        // Only the user may enter it, like the stores' folders (the doctor checks).
        crate::profile::create_private_dir(&dir).map_err(failed)?;
        let bytes = key.as_bytes();
        Index::open(&dir, bytes).or_else(|error| {
            // Damaged (a crash mid-write on a disk that lies about syncing): the messages are
            // still on the server, so the crawler fills a new one.
            tracing::warn!(%error, "the search index is damaged: starting a new one");
            profile.remove_search_index().map_err(failed)?;
            crate::profile::create_private_dir(&dir).map_err(failed)?;
            Index::open(&dir, bytes)
        })
    })
    .await;
    match opened {
        Ok(index) => Some(Arc::new(index)),
        Err(error) => {
            tracing::warn!(%error, "no search index for this run");
            None
        }
    }
}

/// Runs blocking work on the index off the async threads; its failure, or its thread's, is a
/// search error.
async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, crate::search::SearchError> + Send + 'static,
) -> Result<T, MatrixError> {
    match tokio::task::spawn_blocking(work).await {
        Ok(done) => done.map_err(|e| MatrixError::Search(e.to_string())),
        Err(crashed) => Err(MatrixError::Search(crashed.to_string())),
    }
}

/// Starts filling the index, while someone listens on `sender` (the window, or the app serving
/// the command line): from the event cache, and from each room's history. A short command-line
/// run leaves the index alone; `search` catches up itself, and so does the next start.
pub(crate) fn spawn(handle: &Handle, sender: mpsc::UnboundedSender<Event>) {
    if handle.inner.index.is_none() {
        return;
    }
    tokio::spawn(follow(Arc::downgrade(&handle.inner), sender.clone()));
    tokio::spawn(crawl::run(Arc::downgrade(&handle.inner), sender));
}

/// Indexes what reaches each room's event cache: new messages, edits and redactions from the
/// sync, and messages decrypted late, when their key arrives (the cache says so too).
async fn follow(weak: Weak<Inner>, sender: mpsc::UnboundedSender<Event>) {
    let Some(mut updates) =
        weak.upgrade().map(|inner| inner.client.event_cache().subscribe_to_room_generic_updates())
    else {
        return;
    };
    loop {
        let mut rooms = HashSet::new();
        match updates.recv().await {
            Ok(update) => rooms.insert(update.room_id),
            Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
            Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
        };
        tokio::time::sleep(GATHER).await;
        while let Ok(update) = updates.try_recv() {
            rooms.insert(update.room_id);
        }
        let Some(inner) = weak.upgrade().filter(|_| !sender.is_closed()) else { return };
        for room in rooms {
            if let Err(error) = index_cached(&inner, &room).await {
                tracing::warn!(%error, "new messages could not be indexed");
            }
        }
    }
}

/// Indexes the events of `room` its event cache holds in memory (the latest ones).
async fn index_cached(inner: &Inner, room: &RoomId) -> Result<(), MatrixError> {
    let Some(room) = inner.client.get_room(room) else { return Ok(()) };
    let Ok((cache, _handles)) = room.event_cache().await else { return Ok(()) };
    let room = room.room_id();
    let events = cache.events().await.map_err(|e| MatrixError::Server(e.to_string()))?;
    let changes: Vec<_> = events.iter().filter_map(|e| convert::change(room.as_str(), e)).collect();
    apply(inner, changes, None).await.map(drop)
}

/// The index's hits, then the server's that the index does not `known`, up to `limit`: a
/// message the index holds (or removed) is described by it alone, with its latest text.
fn merged(
    known: impl Fn(&str) -> bool,
    query: &str,
    mut hits: Vec<crate::search::Hit>,
    extra: Vec<crate::search::Message>,
    limit: usize,
) -> Vec<crate::search::Hit> {
    let mut seen: HashSet<String> = hits.iter().map(|hit| hit.message.id.clone()).collect();
    for message in extra {
        if hits.len() >= limit {
            break;
        }
        if known(&message.id) || !seen.insert(message.id.clone()) {
            continue;
        }
        let marks = crate::search::marks(query, &message.body);
        hits.push(crate::search::Hit { message, marks, score: 0.0 });
    }
    hits
}

/// Applies `changes` (and the crawler's `note`) off the async threads.
pub(super) async fn apply(
    inner: &Inner,
    changes: Vec<Change>,
    note: Option<String>,
) -> Result<usize, MatrixError> {
    let Some(index) = inner.index.clone() else { return Ok(0) };
    if changes.is_empty() && note.is_none() {
        return Ok(0);
    }
    off_thread(move || index.apply(&changes, note.as_deref())).await
}

impl Handle {
    /// The messages that have every word of `query`, in `room` (an id, alias or name) or in
    /// every room, best first. With no index allowed, the server's search of the rooms that
    /// are not encrypted answers alone, and an encrypted `room` is refused.
    pub async fn search(
        &self,
        query: &str,
        room: Option<&str>,
        limit: usize,
    ) -> Result<Vec<SearchHit>, MatrixError> {
        let reach = self.inner.policy.search_reach()?;
        let index = match reach {
            SearchReach::Index => {
                Some(self.inner.index.clone().ok_or(MatrixError::SearchUnavailable)?)
            }
            SearchReach::ServerOnly => None,
        };
        let room = match room {
            Some(room) => Some(self.room(room).await?),
            None => None,
        };
        let asked = self.server_searched(room.as_ref());
        if let (None, Some(room)) = (&index, &room)
            && asked.is_empty()
        {
            let name = super::rooms::name(room).await;
            return Err(Refusal::EncryptedSearch(name).into());
        }
        let extra = server::found(&self.inner.client, query, asked, limit).await;
        let (query, within) = (query.to_owned(), room.map(|room| room.room_id().to_string()));
        let hits = match index {
            // Merged off the async threads too: asking the index what it knows waits for a
            // commit under way.
            Some(index) => {
                off_thread(move || {
                    let hits = index.search(&query, within.as_deref(), limit)?;
                    Ok(merged(|id| index.knows(id), &query, hits, extra, limit))
                })
                .await?
            }
            None => merged(|_| false, &query, Vec::new(), extra, limit),
        };
        let mut found = Vec::with_capacity(hits.len());
        for hit in hits {
            found.push(self.described(hit).await);
        }
        Ok(found)
    }

    /// The rooms whose messages the server's search may be asked for: `room`, or every joined
    /// room, when it is known not to be encrypted and the policy lets the server be asked.
    fn server_searched(&self, room: Option<&matrix_sdk::Room>) -> Vec<OwnedRoomId> {
        if !self.inner.policy.asks_server_search() {
            return Vec::new();
        }
        let rooms = match room {
            Some(room) => vec![room.clone()],
            None => self.inner.client.joined_rooms(),
        };
        rooms
            .into_iter()
            .filter(|room| {
                let state = room.encryption_state();
                !state.is_encrypted() && !state.is_unknown()
            })
            .map(|room| room.room_id().to_owned())
            .collect()
    }

    /// A hit with its room's and sender's names.
    async fn described(&self, hit: crate::search::Hit) -> SearchHit {
        let message = hit.message;
        let room = <&RoomId>::try_from(message.room.as_str())
            .ok()
            .and_then(|id| self.inner.client.get_room(id));
        let (room_name, sender_name) = match &room {
            Some(room) => {
                let sender = matrix_sdk::ruma::UserId::parse(&message.sender).ok();
                let member = match sender {
                    Some(sender) => room.get_member_no_sync(&sender).await.ok().flatten(),
                    None => None,
                };
                let name = member
                    .and_then(|m| m.display_name().map(crate::model::text::clean_name))
                    .filter(|name| !name.is_empty());
                (super::rooms::name(room).await, name)
            }
            None => (message.room.clone(), None),
        };
        SearchHit {
            room_id: message.room,
            room_name,
            event_id: message.id,
            sender_id: message.sender,
            sender_name,
            sent: u64::try_from(message.sent).unwrap_or_default(),
            body: message.body,
            marks: hit.marks.into_iter().map(|range| (range.start, range.end)).collect(),
        }
    }

    /// Brings the index up to date now: every room's messages since the last run, then the
    /// history not read yet, without the crawler's pauses. For the command line's `search`.
    pub async fn index_everything(&self) -> Result<IndexProgress, MatrixError> {
        self.inner.policy.may_index_locally()?;
        if self.inner.index.is_none() {
            return Err(MatrixError::SearchUnavailable);
        }
        crawl::everything(&self.inner).await
    }

    /// The person is using the app: the crawler slows down for a while.
    pub fn user_active(&self) {
        self.inner.crawl.touch();
    }

    /// How far the index has got.
    pub async fn index_progress(&self) -> IndexProgress {
        crawl::progress(&self.inner).await
    }

    /// Removes a forgotten room's messages from the index.
    pub(crate) async fn unindex_room(&self, room: &str) {
        let changes = vec![Change::RemoveRoom(room.to_owned())];
        if let Err(error) = apply(&self.inner, changes, None).await {
            tracing::warn!(%error, "a forgotten room's messages could not leave the index");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Message;

    fn message(id: &str, body: &str) -> Message {
        let (room, sender) = ("!r:example.org".into(), "@a:example.org".into());
        Message { id: id.into(), room, sender, sent: 1, version: 1, body: body.into() }
    }

    /// The server adds what the index does not know, marked, after the index's own hits and
    /// within the limit; a message the index holds is never listed from the server.
    #[test]
    fn the_servers_messages_come_after_the_index_and_never_twice() {
        let dir = tempfile::tempdir().unwrap();
        let index = Index::open(dir.path(), &[7; 32]).unwrap();
        let held = [Change::Put(message("$held", "la lanterne bleue"))];
        index.apply(&held, None).unwrap();
        let hits = index.search("lanterne", None, 10).unwrap();
        let extra = vec![
            message("$held", "la lanterne d'avant"),
            message("$new", "Lanterne neuve"),
            message("$new", "Lanterne neuve"),
            message("$more", "une lanterne"),
        ];
        let known = |id: &str| index.knows(id);
        let merged = merged(known, "lanterne", hits.clone(), extra.clone(), 10);
        let ids: Vec<_> = merged.iter().map(|hit| hit.message.id.as_str()).collect();
        assert_eq!(ids, ["$held", "$new", "$more"]);
        assert_eq!(merged[0].message.body, "la lanterne bleue");
        assert_eq!(merged[1].marks, vec![std::ops::Range { start: 0, end: 8 }]);
        assert_eq!(super::merged(known, "lanterne", hits, extra, 2).len(), 2);
    }
}
