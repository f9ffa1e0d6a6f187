//! `send --file` and `download`: a file into a room with its upload's progress on stderr (a bar
//! on a terminal, a line per tenth otherwise), and a message's file saved to disk.

use std::io::{IsTerminal as _, Write as _};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use super::args::DownloadArgs;
use super::core::with_core;
use crate::fl;
use crate::matrix::{Sent, TransferStep};
use crate::model::attachment::{Progress, size_text};
use crate::policy::Policy;
use crate::profile::Profile;

/// How long a send waits without any news of the upload before leaving it to the queue: a
/// large file takes as long as it takes, as long as it moves.
const IDLE_WAIT: Duration = Duration::from_secs(30);

/// Sends the file at `path`; prints the event id once it is in the room.
pub async fn send_file(
    profile: &Profile,
    policy: &Policy,
    room: &str,
    path: &Path,
    consent: bool,
) -> ExitCode {
    // A file that is not there needs no server to say so.
    if let Err(error) = crate::matrix::file_to_send(path).await {
        return super::output::fail(&error);
    }
    with_core(profile, policy, |handle| async move {
        let mut transfer = handle.send_file(room, path, consent).await?;
        let mut meter = Meter::new(transfer.name(), transfer.size());
        let sent = loop {
            match tokio::time::timeout(IDLE_WAIT, transfer.next()).await {
                Ok(Some(Ok(TransferStep::Progress(progress)))) => meter.show(progress),
                Ok(Some(Ok(TransferStep::Finished(sent)))) => break sent,
                Ok(Some(Err(error))) => {
                    meter.end();
                    return Err(error);
                }
                Ok(None) | Err(_) => break Sent::Queued,
            }
        };
        meter.end();
        super::identity::warn_left_out(&handle, room).await;
        Ok(super::messages::report(sent))
    })
    .await
}

/// Saves the file of a message; prints where.
pub async fn download(profile: &Profile, policy: &Policy, args: DownloadArgs) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        handle.download(&args.room, &args.event, &args.out).await?;
        say!("{}", args.out.display());
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// The upload's progress on stderr: a bar redrawn in place on a terminal; elsewhere (a log, a
/// script) one line each time another tenth is done.
struct Meter {
    name: String,
    total: u64,
    terminal: bool,
    /// The last percent (terminal) or tenth (otherwise) shown.
    shown: Option<u8>,
}

/// The bar's width in characters.
const BAR: usize = 24;

impl Meter {
    fn new(name: &str, total: u64) -> Self {
        Self {
            name: name.to_owned(),
            total,
            terminal: std::io::stderr().is_terminal(),
            shown: None,
        }
    }

    fn show(&mut self, progress: Progress) {
        let percent = progress.percent();
        let mark = if self.terminal { percent } else { percent / 10 };
        if self.shown.is_some_and(|shown| shown >= mark) {
            return;
        }
        self.shown = Some(mark);
        let words = fl!(
            "upload-progress",
            name = self.name.as_str(),
            percent = percent,
            sent = size_text(progress.sent.min(self.total)),
            total = size_text(self.total)
        );
        if self.terminal {
            let filled = (progress.fraction() * BAR as f32).round() as usize;
            let bar = format!("{}{}", "#".repeat(filled), "-".repeat(BAR - filled.min(BAR)));
            complain_part!("\r[{bar}] {words}\x1b[K");
            let _ = std::io::stderr().flush();
        } else {
            complain!("estafette: {words}");
        }
    }

    /// Ends the bar's line, so what follows starts on its own.
    fn end(&mut self) {
        if self.terminal && self.shown.take().is_some() {
            complain!();
        }
    }
}
