//! What the core reports to a front end, on the stream `start::run` returns. A leaf: it names
//! the handle it hands over first, and nothing here reaches back into the core.

use tokio::sync::mpsc;

use super::MatrixError;
use super::handle::Handle;
use crate::model::{RoomSummary, SyncStatus};

/// What the core reports to a front end.
#[derive(Debug, Clone)]
pub enum Event {
    /// The core is up: act on it through this handle. Always the first event.
    Ready(Handle),
    /// The sync's state changed.
    Sync(SyncStatus),
    /// The room list changed: the whole list, sorted.
    Rooms(Vec<RoomSummary>),
    /// The server's room list has arrived in full (once per run): until then the list grows.
    RoomsLoaded,
    /// A new session of this account appeared, while the app ran or since it last ran: the
    /// new-login alert ("was this you?").
    NewSession(crate::model::sessions::Device),
    /// A verification (emoji or QR), incoming or outgoing, changed stage.
    Verification(Box<crate::model::verification::Verification>),
    /// The search index's crawler got further through the rooms' history.
    Indexing(crate::model::search::IndexProgress),
    /// The core could not start, or stopped for good.
    Failed(MatrixError),
}

/// The stream of events a running core produces.
pub type Events = mpsc::UnboundedReceiver<Event>;
