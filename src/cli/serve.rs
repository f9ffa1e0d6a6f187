//! The command line through the running app. A profile belongs to one process: two clients
//! on the same stores would refresh the same tokens and race on the same crypto state. So
//! while the desktop app runs (all day, behind its tray icon), a command typed in a terminal
//! is handed to it over a local socket; the app runs it on its own core, under its own
//! policy and idle lock, and sends the output back line by line.
//!
//! Only the same user gets in: the socket lies in the profile's folder (0700), is 0600
//! itself, and every peer's uid is checked against the app's. Commands that read a secret
//! on standard input, or need the session to themselves (login, logout, unlock, password,
//! recovery, verification), are not served: they say to close the app first, as before.

use std::io::Write as _;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _};
use tokio::sync::mpsc;

use super::args::{self, Command};
use super::devices::DevicesCommand;
use super::output::{Frame, SINK};
use crate::fl;
use crate::matrix::Handle;
use crate::policy::Policy;
use crate::profile::Profile;

/// What the command line sends: its arguments (the program's name first) and its folder.
#[derive(Debug, Serialize, Deserialize)]
struct Request {
    args: Vec<String>,
    cwd: PathBuf,
}

/// The longest request read, in bytes: arguments, not files.
const REQUEST_MAX: u64 = 256 * 1024;

/// How long the command line waits for an app that is still starting to listen.
const CONNECT_WAIT: Duration = Duration::from_secs(5);

/// The socket of the app that runs `profile`.
pub fn socket_path(profile: &Profile) -> PathBuf {
    profile.data_dir.join("control.sock")
}

/// Whether the running app may run `command` for the command line: those that work on the
/// core and read nothing from standard input.
pub fn servable(command: &Command) -> bool {
    match command {
        Command::Rooms { .. }
        | Command::CreateRoom(_)
        | Command::Dm { .. }
        | Command::Join { .. }
        | Command::Leave { .. }
        | Command::Knock { .. }
        | Command::Members { .. }
        | Command::Invite { .. }
        | Command::Kick(_)
        | Command::Ban(_)
        | Command::Unban(_)
        | Command::Role { .. }
        | Command::RoomSettings(_)
        | Command::Rename { .. }
        | Command::Topic { .. }
        | Command::Invites { .. }
        | Command::Space { .. }
        | Command::Notifications { .. }
        | Command::Keywords { .. }
        | Command::Directory { .. }
        | Command::People { .. }
        | Command::Send(_)
        | Command::React(_)
        | Command::Redact(_)
        | Command::Tail(_)
        | Command::Search(_)
        | Command::Download(_)
        | Command::Me { .. }
        | Command::Identity { .. } => true,
        Command::Devices(devices) => {
            matches!(devices.command, None | Some(DevicesCommand::Rename { .. }))
        }
        _ => false,
    }
}

/// The command line's side: hands this process's command to the app at the other end of
/// `stream`, prints what comes back and returns its exit code. `None` when the request
/// cannot be written: the caller then says the profile is in use.
pub fn forward(stream: UnixStream) -> Option<ExitCode> {
    let request = Request {
        args: std::env::args().collect(),
        cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/")),
    };
    let mut writer = stream.try_clone().ok()?;
    let line = serde_json::to_string(&request).ok()?;
    writer.write_all(format!("{line}\n").as_bytes()).ok()?;
    writer.flush().ok()?;
    Some(print_frames(std::io::BufReader::new(stream)))
}

/// The app that holds `profile`, if it is an app (and not another command) that holds it.
pub fn reach(profile: &Profile) -> Option<UnixStream> {
    connect(&socket_path(profile))
}

/// Connects to the app's socket, waiting a little for an app that is starting.
fn connect(path: &Path) -> Option<UnixStream> {
    let deadline = Instant::now() + CONNECT_WAIT;
    loop {
        match UnixStream::connect(path) {
            Ok(stream) => return Some(stream),
            Err(_) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(200)),
            Err(_) => return None,
        }
    }
}

/// Prints each frame as it comes, until the exit code.
fn print_frames(reader: impl std::io::BufRead) -> ExitCode {
    for line in reader.lines() {
        let Ok(frame) = line.and_then(|line| Ok(serde_json::from_str(&line)?)) else { break };
        match frame {
            Frame::Out(line) => println!("{line}"),
            Frame::Err(text) => {
                let mut stderr = std::io::stderr().lock();
                let _ = stderr.write_all(text.as_bytes());
                let _ = stderr.flush();
            }
            Frame::Exit(code) => return ExitCode::from(code),
        }
    }
    eprintln!("estafette: {}", fl!("serve-app-stopped"));
    ExitCode::FAILURE
}

/// Removes the socket when the app stops serving.
struct Bound(PathBuf);

impl Drop for Bound {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The app's side: listens on the profile's socket and runs each command on `handle`, until
/// dropped (the core stops, or the app quits). Starting the app again (no command) sends on
/// `raise`: its window comes forward.
pub async fn serve(
    profile: Profile,
    policy: Policy,
    handle: Handle,
    raise: mpsc::UnboundedSender<()>,
) {
    let path = socket_path(&profile);
    // A socket left by an app that crashed: this process holds the profile's lock, so no
    // other app is listening on it.
    let _ = std::fs::remove_file(&path);
    let listener = match bind(&path) {
        Ok(listener) => listener,
        Err(error) => {
            tracing::warn!(%error, "the command line cannot reach this app");
            return;
        }
    };
    let _bound = Bound(path);
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    loop {
        let Ok((stream, _)) = listener.accept().await else { continue };
        match stream.peer_cred() {
            Ok(peer) if peer.uid() == me => {}
            _ => {
                tracing::warn!("a connection from another user was refused");
                continue;
            }
        }
        let served = Served {
            profile: profile.clone(),
            policy: policy.clone(),
            handle: handle.clone(),
            raise: raise.clone(),
        };
        tokio::spawn(connection(stream, served));
    }
}

/// The listening socket, readable and writable by its owner only.
fn bind(path: &Path) -> std::io::Result<tokio::net::UnixListener> {
    use std::os::unix::fs::PermissionsExt as _;
    let listener = tokio::net::UnixListener::bind(path)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    Ok(listener)
}

/// What a connection needs of the app.
struct Served {
    profile: Profile,
    policy: Policy,
    handle: Handle,
    raise: mpsc::UnboundedSender<()>,
}

/// One command line: its request, the command's frames as they come, then its exit code. A
/// command line that goes away (Ctrl+C) ends its command.
async fn connection(stream: tokio::net::UnixStream, served: Served) {
    let (read, mut write) = stream.into_split();
    let mut lines = tokio::io::BufReader::new(read.take(REQUEST_MAX)).lines();
    let request = match lines.next_line().await {
        Ok(Some(line)) => serde_json::from_str::<Request>(&line),
        _ => return,
    };
    let (sink, mut frames) = mpsc::unbounded_channel();
    let work = async move {
        match request {
            Ok(request) => run(request, served, sink).await,
            Err(error) => refuse(&sink, &error.to_string()),
        }
    };
    tokio::pin!(work);
    loop {
        tokio::select! {
            Some(frame) = frames.recv() => {
                if send(&mut write, &frame).await.is_err() {
                    return;
                }
            }
            code = &mut work => {
                while let Ok(frame) = frames.try_recv() {
                    let _ = send(&mut write, &frame).await;
                }
                let _ = send(&mut write, &Frame::Exit(code)).await;
                return;
            }
            ended = lines.next_line() => {
                if !matches!(ended, Ok(Some(_))) {
                    tracing::info!("the command line went away; its command ends");
                    return;
                }
            }
        }
    }
}

async fn send(write: &mut tokio::net::unix::OwnedWriteHalf, frame: &Frame) -> std::io::Result<()> {
    let line = serde_json::to_string(frame).map_err(std::io::Error::other)?;
    write.write_all(format!("{line}\n").as_bytes()).await
}

/// Runs the request's command as the command line would have, its output to `sink`.
async fn run(request: Request, served: Served, sink: mpsc::UnboundedSender<Frame>) -> u8 {
    let Served { profile, policy, handle, raise } = served;
    let command = match args::parse_from(request.args) {
        Ok(cli) => cli.command,
        Err(error) => return refuse(&sink, &error.to_string()),
    };
    let Some(command) = command else {
        let _ = raise.send(());
        return 0;
    };
    if !servable(&command) {
        return refuse(&sink, &fl!("serve-not-here", profile = profile.name.as_str()));
    }
    let command = command.rooted(&request.cwd);
    tracing::info!("a command from the command line, run by the app");
    let work = super::core::SERVED.scope(handle, super::run(&profile, &policy, command));
    exit_number(SINK.scope(sink, work).await)
}

/// Says why the command was not run, and gives the failure's exit code.
fn refuse(sink: &mpsc::UnboundedSender<Frame>, why: &str) -> u8 {
    let _ = sink.send(Frame::Err(format!("estafette: {}\n", why.trim_end())));
    1
}

/// The number behind an exit code (the standard library keeps it to itself).
fn exit_number(code: ExitCode) -> u8 {
    (0..=u8::MAX).find(|n| ExitCode::from(*n) == code).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_keep_their_number() {
        assert_eq!(exit_number(ExitCode::SUCCESS), 0);
        assert_eq!(exit_number(ExitCode::FAILURE), 1);
        assert_eq!(exit_number(ExitCode::from(75)), 75);
    }

    #[test]
    fn frames_are_printed_until_the_exit_code() {
        let text =
            "{\"out\":\"!a:b Budget\"}\n{\"err\":\"warning\\n\"}\n{\"exit\":3}\n{\"out\":\"x\"}\n";
        assert_eq!(print_frames(text.as_bytes()), ExitCode::from(3));
        assert_eq!(print_frames("{\"out\":\"cut\"}\n".as_bytes()), ExitCode::FAILURE);
    }

    #[test]
    fn what_reads_a_secret_or_needs_the_session_alone_is_not_served() {
        let command = |line: &str| {
            let words = std::iter::once("estafette").chain(line.split(' ')).map(str::to_owned);
            args::parse_from(words.collect()).unwrap().command.unwrap()
        };
        for line in ["rooms", "send !r:x hello", "tail !r:x --follow", "devices", "me show"] {
            assert!(servable(&command(line)), "{line}");
        }
        for line in [
            "logout",
            "unlock --password-stdin",
            "password",
            "recovery status",
            "verify",
            "devices sign-out --others",
            "devices watch",
            "whoami",
            "doctor",
            "policy show",
        ] {
            assert!(!servable(&command(line)), "{line}");
        }
    }

    #[test]
    fn relative_paths_are_the_command_lines() {
        let words = ["estafette", "download", "!r:x", "$e", "--out", "pic.png"];
        let command = args::parse_from(words.map(str::to_owned).to_vec()).unwrap().command;
        let Some(Command::Download(download)) =
            command.map(|command| command.rooted(Path::new("/home/anne/docs")))
        else {
            unreachable!("a download")
        };
        assert_eq!(download.out, Path::new("/home/anne/docs/pic.png"));
    }
}
