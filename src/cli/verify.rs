//! `verify [USER [DEVICE]] [--incoming]`, `qr show` and `qr scan FILE`: verification by emoji
//! or QR code at a terminal. The person answers on standard input; the core's verification
//! flow says what happens next. There is no camera or image reader: `qr scan` reads the code's
//! raw payload from a file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Subcommand};
use tokio::sync::oneshot;

use super::output::fail;
use crate::fl;
use crate::matrix::{self, Event, Events, Handle, MatrixError};
use crate::model::verification::{Stage, Verification};
use crate::policy::Policy;
use crate::profile::Profile;

/// How long the command stays after the flow ended, so that the last messages (our "done",
/// our cancellation, the keys the other session asks for) go out before the sync stops.
const GRACE: Duration = Duration::from_secs(3);

/// How long the first sync may take before the command works from what it has.
const SYNC_WAIT: Duration = Duration::from_secs(30);

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[arg(value_name = "USER")]
    pub user: Option<String>,
    #[arg(value_name = "DEVICE", requires = "user")]
    pub device: Option<String>,
    #[arg(long, conflicts_with = "user")]
    pub incoming: bool,
    #[arg(long, default_value_t = 300, value_name = "SECS")]
    pub timeout: u64,
}

#[derive(Debug, Subcommand)]
pub enum QrCommand {
    /// Show a QR code for the other device to scan.
    Show {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[command(flatten)]
        with: VerifyArgs,
    },
    /// Read the QR code the other device shows, from a picture, its raw data, or the picture
    /// in the clipboard.
    #[command(group(clap::ArgGroup::new("from").required(true).args(["file", "clipboard"])))]
    Scan {
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        #[arg(long)]
        clipboard: bool,
        #[command(flatten)]
        with: VerifyArgs,
    },
}

/// What this side does once both sides are ready.
enum Role {
    Emoji,
    ShowQr(PathBuf),
    /// Read the other side's code from this file, or (`None`) from the clipboard.
    ScanQr(Option<PathBuf>),
}

pub async fn verify(profile: &Profile, policy: &Policy, args: VerifyArgs) -> ExitCode {
    run(profile, policy, args, Role::Emoji).await
}

pub async fn qr(profile: &Profile, policy: &Policy, command: QrCommand) -> ExitCode {
    match command {
        QrCommand::Show { out, with } => run(profile, policy, with, Role::ShowQr(out)).await,
        // clap asks for exactly one of the two: no file means the clipboard.
        QrCommand::Scan { file, clipboard: _, with } => {
            run(profile, policy, with, Role::ScanQr(file)).await
        }
    }
}

async fn run(profile: &Profile, policy: &Policy, args: VerifyArgs, role: Role) -> ExitCode {
    let (handle, mut events) = match matrix::start(profile, policy.clone()).await {
        Ok(started) => started,
        Err(error) => return fail(&error),
    };
    if let Err(error) = handle.synced(SYNC_WAIT).await {
        complain!("estafette: {}", fl!("warning-offline", cause = error.to_string()));
    }
    let outcome = Flow { handle: &handle, events: &mut events, args: &args, role }.drive().await;
    tokio::time::sleep(GRACE).await;
    let stopped = handle.shutdown().await;
    match (outcome, stopped) {
        (Ok(code), Ok(())) => code,
        (Err(error), _) | (Ok(_), Err(error)) => fail(&error),
    }
}

/// One verification driven from the terminal.
struct Flow<'a> {
    handle: &'a Handle,
    events: &'a mut Events,
    args: &'a VerifyArgs,
    role: Role,
}

/// What the person was asked, waiting for their answer.
enum Question {
    Match(String),
    Scanned(String),
}

impl Flow<'_> {
    async fn drive(self) -> Result<ExitCode, MatrixError> {
        let mut id = self.start().await?;
        let mut asked: Option<(Question, oneshot::Receiver<bool>)> = None;
        let step = Duration::from_secs(self.args.timeout);
        loop {
            let event = tokio::select! {
                event = tokio::time::timeout(step, self.events.recv()) => event,
                yes = answered(&mut asked), if asked.is_some() => {
                    if let Some((question, _)) = asked.take() {
                        self.answer(question, yes.unwrap_or(false)).await?;
                    }
                    continue;
                }
            };
            let verification = match event {
                Err(_) => return Ok(self.give_up(id.as_deref()).await),
                Ok(None) => return Ok(ExitCode::FAILURE),
                Ok(Some(Event::Failed(error))) => return Err(error),
                Ok(Some(Event::Verification(verification))) => *verification,
                Ok(Some(_)) => continue,
            };
            if id.is_none() && !verification.we_started && verification.stage == Stage::Requested {
                say!("{}", fl!("verify-incoming", who = who(&verification)));
                self.handle.accept_verification(&verification.id).await?;
                id = Some(verification.id.clone());
            }
            if id.as_deref() != Some(verification.id.as_str()) {
                continue;
            }
            if let Some(code) = self.on_stage(&verification, &mut asked).await? {
                return Ok(code);
            }
        }
    }

    /// Sends the request, or says we wait for one; returns the flow id when known.
    async fn start(&self) -> Result<Option<String>, MatrixError> {
        if self.args.incoming {
            say!("{}", fl!("verify-waiting-incoming"));
            return Ok(None);
        }
        let own = self.handle.user_id().to_owned();
        let verification = match (&self.args.user, &self.args.device) {
            (Some(user), Some(device)) => self.handle.verify_device(user, device).await?,
            (Some(user), None) => self.handle.verify_user(user).await?,
            (None, _) => self.handle.verify_user(&own).await?,
        };
        say!("{}", fl!("verify-sent", who = who(&verification)));
        Ok(Some(verification.id))
    }

    /// Acts on one stage of our flow; `Some` is the exit code when it ended.
    async fn on_stage(
        &self,
        verification: &Verification,
        asked: &mut Option<(Question, oneshot::Receiver<bool>)>,
    ) -> Result<Option<ExitCode>, MatrixError> {
        let id = verification.id.as_str();
        match &verification.stage {
            Stage::Ready { .. } => self.on_ready(verification).await?,
            Stage::Emoji(emoji) => {
                say!("{}", fl!("verify-compare"));
                for one in emoji.iter() {
                    say!("  {}  {}", one.symbol, one.name());
                }
                say!("{}", fl!("verify-ask-match"));
                *asked = Some((Question::Match(id.to_owned()), ask()));
            }
            Stage::ScannedConfirm => {
                say!("{}", fl!("qr-ask-scanned"));
                *asked = Some((Question::Scanned(id.to_owned()), ask()));
            }
            Stage::Confirmed => say!("{}", fl!("verify-waiting-other")),
            Stage::Done => {
                say!("{}", fl!("verify-done", who = who(verification)));
                return Ok(Some(ExitCode::SUCCESS));
            }
            Stage::Cancelled(reason) => {
                return Ok(Some(fail(&fl!("verify-stopped", reason = reason.text()))));
            }
            Stage::Requested | Stage::ShowingQr(_) => {}
        }
        Ok(None)
    }

    async fn on_ready(&self, verification: &Verification) -> Result<(), MatrixError> {
        let id = verification.id.as_str();
        match &self.role {
            // One side starts, or both would: the requester.
            Role::Emoji if verification.we_started => self.handle.start_sas(id).await,
            Role::Emoji => Ok(()),
            Role::ShowQr(path) => {
                let bytes = self.handle.show_qr(id).await?;
                // A picture for a `.png` name (to show on a screen or print), else the payload.
                let is_png = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("png"));
                let file = match is_png {
                    true => matrix::qr_png(&bytes)
                        .ok_or_else(|| MatrixError::QrInvalid(String::new()))?,
                    false => bytes.clone(),
                };
                write_atomically(path, &file).map_err(|e| MatrixError::Server(e.to_string()))?;
                say!("{}", fl!("qr-written", path = path.display().to_string()));
                if let Some(text) = matrix::qr_text(&bytes) {
                    say!("{text}");
                }
                Ok(())
            }
            Role::ScanQr(source) => {
                let bytes = match source {
                    Some(path) => {
                        say!("{}", fl!("qr-waiting-file", path = path.display().to_string()));
                        let file = self.wait_for_file(path).await?;
                        crate::model::qr::read_code(&file)
                            .map_err(|e| MatrixError::QrInvalid(e.to_string()))?
                    }
                    None => {
                        say!("{}", fl!("qr-waiting-clipboard"));
                        self.wait_for_clipboard().await?
                    }
                };
                self.handle.scan_qr(id, &bytes).await?;
                say!("{}", fl!("qr-read"));
                Ok(())
            }
        }
    }

    async fn answer(&self, question: Question, yes: bool) -> Result<(), MatrixError> {
        match question {
            Question::Match(id) if yes => self.handle.confirm_sas(&id).await,
            Question::Match(id) => self.handle.mismatch_sas(&id).await,
            Question::Scanned(id) if yes => self.handle.confirm_qr_scanned(&id).await,
            Question::Scanned(id) => self.handle.cancel_verification(&id).await,
        }
    }

    /// The code's payload, once the clipboard holds a picture of it (the person copies the
    /// screenshot when both sides are ready); the clipboard's last answer if it never does.
    async fn wait_for_clipboard(&self) -> Result<Vec<u8>, MatrixError> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(self.args.timeout);
        loop {
            let read = crate::clipboard::qr_code().await;
            match read {
                Ok(payload) => return Ok(payload),
                Err(error) if tokio::time::Instant::now() >= deadline => {
                    return Err(MatrixError::QrInvalid(error.to_string()));
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(500)).await,
            }
        }
    }

    /// The code's payload, once the file holding it appears (the other side writes it when
    /// both are ready).
    async fn wait_for_file(&self, path: &Path) -> Result<Vec<u8>, MatrixError> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(self.args.timeout);
        loop {
            if let Ok(bytes) = std::fs::read(path)
                && !bytes.is_empty()
            {
                return Ok(bytes);
            }
            if tokio::time::Instant::now() > deadline {
                return Err(MatrixError::QrInvalid(path.display().to_string()));
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    async fn give_up(&self, id: Option<&str>) -> ExitCode {
        if let Some(id) = id {
            let _ = self.handle.cancel_verification(id).await;
        }
        fail(&fl!("verify-gave-up", secs = self.args.timeout))
    }
}

/// The person's answer to the pending question; never resolves when none is pending.
async fn answered(
    asked: &mut Option<(Question, oneshot::Receiver<bool>)>,
) -> Result<bool, oneshot::error::RecvError> {
    match asked {
        Some((_, answer)) => answer.await,
        None => std::future::pending().await,
    }
}

/// Asks on standard input, off the async threads; a plain thread, since a read that never
/// returns must not hold the runtime open at exit.
fn ask() -> oneshot::Receiver<bool> {
    let (sender, receiver) = oneshot::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = std::io::stdin().read_line(&mut line);
        let _ = sender.send(is_yes(&line));
    });
    receiver
}

/// "y", "yes", and the French "o", "oui"; anything else, or nothing, is no.
fn is_yes(line: &str) -> bool {
    matches!(line.trim().to_lowercase().as_str(), "y" | "yes" | "o" | "oui")
}

/// The other side as the person knows it: the person, or their session.
fn who(verification: &Verification) -> String {
    match &verification.other_device {
        Some(device) => format!("{} ({})", verification.other_user, super::output::shown(device)),
        None => verification.other_user.clone(),
    }
}

/// Writes whole or not at all: the scanning side may be watching for the file.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let partial = path.with_extension("partial");
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, path)
}

#[cfg(test)]
mod tests {
    use super::is_yes;

    #[test]
    fn only_a_clear_yes_confirms() {
        for yes in ["y\n", "Y", "yes", " oui ", "o"] {
            assert!(is_yes(yes), "{yes:?}");
        }
        for no in ["", "\n", "n", "no", "non", "maybe", "yy"] {
            assert!(!is_yes(no), "{no:?}");
        }
    }
}
