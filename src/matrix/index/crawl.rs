//! The crawler: reads each room's history backwards, a page at a time, into the index, gently
//! (a pause between pages, longer while the person is using the app, a growing one after an
//! error), and resumably: where it stopped in each room is kept in the index's own note,
//! sealed with it. At each start it first reads what came while the app was closed, newest
//! first, down to the newest message it had already read. Messages it could not decrypt are
//! noted too, and fetched again once a run (their keys may have come since, or be in the
//! key backup), however deep in the history they are.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Weak;
use std::time::Duration;

use matrix_sdk::Room;
use matrix_sdk::room::MessagesOptions;
use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;

use super::super::event::Event;
use super::super::handle::Inner;
use super::super::{MatrixError, sdk_error};
use super::state::ThisRun;
use crate::model::search::IndexProgress;
use crate::search::Change;

/// Events asked for per page: the server's usual most.
const PAGE: u32 = 100;
/// The first page of a catch-up: what came while the app was closed is mostly a few messages.
const CATCH_UP_FIRST: u32 = 20;
/// How many rooms the command line's catch-up reads at once.
const CATCH_UP_AT_ONCE: usize = 4;
/// Before the first page: the first sync and the window come first.
const FIRST_WAIT: Duration = Duration::from_secs(3);
/// Between pages.
const PAUSE: Duration = Duration::from_millis(300);
/// Between pages while the person is typing or reading: the server and the disk are theirs.
const ACTIVE_PAUSE: Duration = Duration::from_secs(3);
/// With nothing left to read, how often to look for new rooms.
const IDLE: Duration = Duration::from_secs(30);
/// The longest wait after errors.
const MOST_BACKOFF: Duration = Duration::from_secs(300);
/// Messages that could not be decrypted, kept per room to try again; past this, the oldest
/// are given up (the note is rewritten whole after every page).
const LOCKED_MOST: usize = 2000;
/// Of those, how many are fetched again in one step.
const RETRY_BATCH: usize = 50;

/// Where the crawler is, kept in the index's note.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Note {
    rooms: BTreeMap<String, RoomCrawl>,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct RoomCrawl {
    /// Where the history read so far ends (a pagination token), to go on from.
    back: Option<String>,
    /// The whole history is read.
    done: bool,
    /// The newest message time the crawler has read: catching up stops there.
    newest: i64,
    /// Messages read that this session could not decrypt, to fetch again in a later run.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    locked: BTreeSet<String>,
}

impl RoomCrawl {
    fn note_locked(&mut self, ids: Vec<String>) {
        self.locked.extend(ids);
        while self.locked.len() > LOCKED_MOST {
            self.locked.pop_first();
        }
    }
}

/// What to read next.
enum Work {
    /// From now back to the newest message read in an earlier run.
    CatchUp,
    /// One more page of history, from this token (or from now).
    History(Option<String>),
    /// Messages it could not decrypt before, fetched again.
    Retry,
}

/// Crawls while someone listens on `sender`, reporting its progress there.
pub(super) async fn run(weak: Weak<Inner>, sender: mpsc::UnboundedSender<Event>) {
    tokio::time::sleep(FIRST_WAIT).await;
    let (mut backoff, mut last) = (PAUSE, None);
    loop {
        if sender.is_closed() {
            return;
        }
        let Some(inner) = weak.upgrade() else { return };
        let outcome = step(&inner).await;
        let now = progress(&inner).await;
        let pause = if inner.crawl.active() { ACTIVE_PAUSE } else { PAUSE };
        drop(inner);
        if last != Some(now) {
            let _ = sender.send(Event::Indexing(now));
            last = Some(now);
        }
        let wait = match outcome {
            Ok(true) => {
                backoff = PAUSE;
                pause
            }
            Ok(false) => IDLE,
            Err(error) => {
                tracing::warn!(%error, "the crawler will try again later");
                backoff = (backoff * 2).min(MOST_BACKOFF);
                backoff
            }
        };
        tokio::time::sleep(wait).await;
    }
}

/// Reads everything there is to read now, without pauses: first what came in every room
/// since the last run, several rooms at once, then the history not read yet.
pub(super) async fn everything(inner: &Inner) -> Result<IndexProgress, MatrixError> {
    catch_up_all(inner).await?;
    while step(inner).await? {}
    Ok(progress(inner).await)
}

/// Catches up every room an earlier run read, `CATCH_UP_AT_ONCE` at a time, then keeps where
/// each got to in one note: the command line's `search` answers only once this is done.
async fn catch_up_all(inner: &Inner) -> Result<(), MatrixError> {
    use futures_util::StreamExt as _;
    let Some(index) = inner.index.clone() else { return Ok(()) };
    let mut this_run = inner.crawl.this_run().await;
    let mut note = read(&index.note());
    let pending: Vec<(Room, RoomCrawl)> = inner
        .client
        .joined_rooms()
        .into_iter()
        .filter(|room| {
            let id = room.room_id().as_str();
            !this_run.caught_up.contains(id) && !this_run.skipped.contains(id)
        })
        .filter_map(|room| {
            let crawl = note.rooms.get(room.room_id().as_str()).cloned()?;
            Some((room, crawl))
        })
        .collect();
    if pending.is_empty() {
        return Ok(());
    }
    let outcomes: Vec<_> = futures_util::stream::iter(pending)
        .map(|(room, mut crawl)| async move {
            let done = catch_up(inner, &room, &mut crawl).await;
            (room.room_id().to_string(), crawl, done)
        })
        .buffer_unordered(CATCH_UP_AT_ONCE)
        .collect()
        .await;
    for (id, crawl, done) in outcomes {
        match done {
            Ok(()) => {
                this_run.caught_up.insert(id.clone());
                note.rooms.insert(id, crawl);
            }
            Err(error) => this_run.skip(id, &error),
        }
    }
    keep(inner, &note).await
}

/// How far the crawl has got.
pub(super) async fn progress(inner: &Inner) -> IndexProgress {
    let Some(index) = inner.index.clone() else { return IndexProgress::default() };
    let note = read(&index.note());
    let rooms = inner.client.joined_rooms();
    let rooms_done = rooms
        .iter()
        .filter(|room| note.rooms.get(room.room_id().as_str()).is_some_and(|crawl| crawl.done))
        .count();
    IndexProgress { rooms_done, rooms: rooms.len(), messages: index.len() }
}

/// Does the next piece of work; false when there is none.
async fn step(inner: &Inner) -> Result<bool, MatrixError> {
    let Some(index) = inner.index.clone() else { return Ok(false) };
    let mut this_run = inner.crawl.this_run().await;
    let mut note = read(&index.note());
    let rooms = inner.client.joined_rooms();
    let Some((room, work)) = next(&note, &this_run, &rooms) else { return Ok(false) };
    let id = room.room_id().to_string();
    let mut crawl = note.rooms.get(&id).cloned().unwrap_or_default();
    // Reading from now is catching up, whether or not an earlier run read this room.
    let from_now = matches!(work, Work::CatchUp | Work::History(None));
    let done = match work {
        Work::CatchUp => catch_up(inner, &room, &mut crawl).await,
        Work::History(from) => history(inner, &room, from, &mut crawl).await,
        Work::Retry => retry(inner, &room, &mut crawl, &mut this_run).await,
    };
    if let Err(error) = done {
        this_run.skip(id, &error);
        return Ok(true);
    }
    if from_now {
        this_run.caught_up.insert(id.clone());
    }
    note.rooms.insert(id, crawl);
    keep(inner, &note).await?;
    Ok(true)
}

/// Seals `note` into the index.
async fn keep(inner: &Inner, note: &Note) -> Result<(), MatrixError> {
    let text = serde_json::to_string(note).map_err(|e| MatrixError::Search(e.to_string()))?;
    super::apply(inner, Vec::new(), Some(text)).await.map(drop)
}

/// The room to read next, and what of it: first what is new since the last run, then history.
fn next(note: &Note, this_run: &ThisRun, rooms: &[Room]) -> Option<(Room, Work)> {
    let pending =
        || rooms.iter().filter(|room| !this_run.skipped.contains(room.room_id().as_str()));
    let known = |room: &Room| note.rooms.get(room.room_id().as_str());
    if let Some(room) = pending()
        .find(|room| known(room).is_some() && !this_run.caught_up.contains(room.room_id().as_str()))
    {
        return Some((room.clone(), Work::CatchUp));
    }
    if let Some(room) = pending().find(|room| {
        known(room)
            .is_some_and(|crawl| crawl.locked.iter().any(|id| !this_run.retried.contains(id)))
    }) {
        return Some((room.clone(), Work::Retry));
    }
    pending().find_map(|room| match known(room) {
        None => Some((room.clone(), Work::History(None))),
        Some(crawl) if !crawl.done => Some((room.clone(), Work::History(crawl.back.clone()))),
        Some(_) => None,
    })
}

/// Reads from now back to the newest message an earlier crawl read.
async fn catch_up(inner: &Inner, room: &Room, crawl: &mut RoomCrawl) -> Result<(), MatrixError> {
    let (mut from, mut newest, mut limit) = (None, crawl.newest, CATCH_UP_FIRST);
    loop {
        let page = page(room, from.as_deref(), limit).await?;
        limit = PAGE;
        newest = newest.max(page.newest);
        crawl.note_locked(page.locked);
        super::apply(inner, page.changes, None).await?;
        if page.oldest <= crawl.newest || page.end.is_none() || page.events == 0 {
            break;
        }
        from = page.end;
    }
    crawl.newest = newest;
    Ok(())
}

/// Reads one page of history.
async fn history(
    inner: &Inner,
    room: &Room,
    from: Option<String>,
    crawl: &mut RoomCrawl,
) -> Result<(), MatrixError> {
    let page = page(room, from.as_deref(), PAGE).await?;
    crawl.newest = crawl.newest.max(page.newest);
    crawl.done = page.end.is_none() || page.events == 0;
    crawl.back = page.end;
    crawl.note_locked(page.locked);
    super::apply(inner, page.changes, None).await.map(drop)
}

/// Fetches again messages this session could not decrypt, a batch at a time, once a run:
/// first the room's keys from the backup (one request, the keys may be there since a
/// recovery), then each message, indexed if it now decrypts. A message the server no longer
/// gives is given up.
async fn retry(
    inner: &Inner,
    room: &Room,
    crawl: &mut RoomCrawl,
    this_run: &mut ThisRun,
) -> Result<(), MatrixError> {
    let id = room.room_id().as_str();
    if this_run.keys_fetched.insert(id.to_owned()) {
        let backups = inner.client.encryption().backups();
        if backups.are_enabled().await
            && let Err(error) = backups.download_room_keys_for_room(room.room_id()).await
        {
            tracing::info!(%error, "a room's keys could not be fetched from the backup");
        }
    }
    let batch: Vec<String> = crawl
        .locked
        .iter()
        .filter(|e| !this_run.retried.contains(*e))
        .take(RETRY_BATCH)
        .cloned()
        .collect();
    let mut changes = Vec::new();
    for event_id in batch {
        this_run.retried.insert(event_id.clone());
        let Ok(parsed) = matrix_sdk::ruma::EventId::parse(&event_id) else {
            crawl.locked.remove(&event_id);
            continue;
        };
        match room.event(&parsed, None).await {
            Ok(event) if event.kind.is_utd() => {}
            Ok(event) => {
                crawl.locked.remove(&event_id);
                changes.extend(super::convert::change(id, &event));
            }
            Err(error) if error.as_client_api_error().is_some() => {
                crawl.locked.remove(&event_id);
            }
            Err(error) => return Err(sdk_error(error)),
        }
    }
    super::apply(inner, changes, None).await.map(drop)
}

/// One page of a room's history, newest first, decrypted where this session can.
struct Page {
    changes: Vec<Change>,
    events: usize,
    /// The oldest and newest times of its events.
    oldest: i64,
    newest: i64,
    /// Where the next (older) page starts; none at the room's beginning.
    end: Option<String>,
    /// The ids of its events this session could not decrypt.
    locked: Vec<String>,
}

async fn page(room: &Room, from: Option<&str>, limit: u32) -> Result<Page, MatrixError> {
    let mut options = MessagesOptions::backward().from(from);
    options.limit = limit.into();
    let messages = room.messages(options).await.map_err(sdk_error)?;
    let id = room.room_id().as_str();
    let times: Vec<i64> = messages
        .chunk
        .iter()
        .filter_map(|event| event.timestamp_raw().map(|ts| i64::from(ts.get())))
        .collect();
    Ok(Page {
        changes: messages
            .chunk
            .iter()
            .filter_map(|event| super::convert::change(id, event))
            .collect(),
        events: messages.chunk.len(),
        locked: messages
            .chunk
            .iter()
            .filter(|event| event.kind.is_utd())
            .filter_map(|event| event.event_id().map(|id| id.to_string()))
            .collect(),
        oldest: times.iter().copied().min().unwrap_or(i64::MIN),
        newest: times.iter().copied().max().unwrap_or(i64::MIN),
        end: messages.end,
    })
}

fn read(note: &str) -> Note {
    serde_json::from_str(note).unwrap_or_default()
}
