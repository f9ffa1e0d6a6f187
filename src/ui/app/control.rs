//! The command line through the window's app: while signed in, the app listens on the
//! profile's private socket (`cli::serve`) and runs the commands typed in a terminal on its
//! own core. Starting Estafette again brings this window forward instead of failing.

use std::hash::{Hash, Hasher};

use iced::Subscription;
use iced::futures::StreamExt as _;

use super::Message;
use crate::Launch;
use crate::matrix::Handle;
use crate::ui::desktop::tray::TrayEvent;

/// The core being served, one subscription per core (a restart serves the new one).
struct Served(Launch, Handle, u32);

impl Hash for Served {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.profile.data_dir.hash(state);
        self.2.hash(state);
    }
}

/// Serves the command line on `handle`'s behalf until the core or the app stops.
pub(super) fn subscription(
    launch: &Launch,
    handle: &Handle,
    generation: u32,
) -> Subscription<Message> {
    Subscription::run_with(Served(launch.clone(), handle.clone(), generation), serve)
}

fn serve(served: &Served) -> impl iced::futures::Stream<Item = Message> + use<> {
    let Served(Launch { profile, policy, .. }, handle, _) = served;
    let (raise, mut raised) = tokio::sync::mpsc::unbounded_channel();
    let server = crate::cli::serve::serve(profile.clone(), policy.clone(), handle.clone(), raise);
    // The server never ends by itself; it runs as long as the stream is polled.
    let server = iced::futures::stream::once(server).filter_map(|()| async { None });
    let raised = iced::futures::stream::poll_fn(move |cx| raised.poll_recv(cx));
    iced::futures::stream::select(server, raised.map(|()| Message::Tray(TrayEvent::Open)))
}
