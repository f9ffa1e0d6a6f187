//! The command line: global options, the subcommands and their arguments, help in the user's
//! language.

use std::path::PathBuf;

use clap::{CommandFactory as _, FromArgMatches as _, Parser, Subcommand};

use crate::logging::Level;
use crate::profile::DEFAULT_PROFILE;

/// What `--version` says. A debug build says so, with the test hooks it honours
/// (`ESTAFETTE_SYSTEM_POLICY`, `ESTAFETTE_BROWSER`,
/// `ESTAFETTE_TEST_TEARDOWN_PANIC`): `packaging/sign` reads this marker and
/// refuses to sign such a binary with the organisation's key.
#[cfg(debug_assertions)]
pub const VERSION: &str =
    concat!(env!("CARGO_PKG_VERSION"), " (debug build with test hooks: not for release)");
#[cfg(not(debug_assertions))]
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// `estafette [--data-dir DIR] [--profile NAME] [COMMAND]`
#[derive(Debug, Parser)]
#[command(name = "estafette", version = VERSION)]
pub struct Cli {
    /// Put the profile's data and cache under this folder instead of the platform's.
    #[arg(long, global = true, env = "ESTAFETTE_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Which account (profile) to use; each has its own data, cache and keychain entries.
    #[arg(long, global = true, default_value = DEFAULT_PROFILE, value_name = "NAME")]
    pub profile: String,
    /// How much to log on stderr (the log file keeps at least `info`).
    #[arg(long, global = true, value_enum, value_name = "LEVEL")]
    pub log_level: Option<Level>,
    /// Start without a window, behind the tray icon (as at login); without a tray, the window
    /// opens.
    #[arg(long)]
    pub background: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log in with a password, or the organisation's account (--sso), and keep the session in
    /// the system keychain.
    Login(LoginArgs),
    /// Show who this profile is logged in as.
    Whoami {
        #[arg(long)]
        json: bool,
    },
    /// End the session on the server and remove its secrets from this machine.
    Logout {
        /// Also delete the profile's data and cache folders.
        #[arg(long)]
        wipe: bool,
    },
    /// Unlock a profile the idle lock hid (its window was locked when it closed), with the
    /// account's password checked by the server.
    Unlock {
        /// Read the password from standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Change the account's password: the current one, then the new one twice, read from
    /// standard input, one per line. Every other session is signed out unless told otherwise.
    Password {
        /// Leave the account's other sessions signed in.
        #[arg(long)]
        keep_other_sessions: bool,
    },
    /// Check the keychain, the store, the homeserver and the session.
    Doctor {
        #[arg(long)]
        json: bool,
    },
    /// List the rooms.
    Rooms {
        #[arg(long)]
        json: bool,
    },
    /// Create a room, encrypted.
    CreateRoom(CreateRoomArgs),
    /// Open the direct chat with someone (encrypted), creating it if needed.
    Dm {
        #[arg(value_name = "MXID")]
        user: String,
    },
    /// Join a room by id or alias, or accept an invitation.
    Join {
        #[arg(value_name = "ROOM")]
        room: String,
    },
    /// Leave a room, or decline an invitation.
    Leave {
        #[arg(value_name = "ROOM")]
        room: String,
        /// Also forget it: the server drops it from your list.
        #[arg(long)]
        forget: bool,
        /// Declining an invitation: also ignore whoever sent it (nothing more from them).
        #[arg(long, conflicts_with = "forget")]
        block: bool,
    },
    /// Ask to join a room whose rule is "ask to join": a moderator lets you in.
    Knock {
        #[arg(value_name = "ROOM")]
        room: String,
        /// Why, shown to the room's moderators.
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
    /// List the people of a room: role, standing, whether you verified them.
    Members {
        #[arg(value_name = "ROOM")]
        room: String,
        #[arg(long)]
        json: bool,
    },
    /// Invite someone to a room.
    Invite {
        #[arg(value_name = "ROOM")]
        room: String,
        #[arg(value_name = "MXID")]
        user: String,
    },
    /// Remove someone from a room.
    Kick(ModerateArgs),
    /// Ban someone from a room: removed, and kept out.
    Ban(ModerateArgs),
    /// Lift someone's ban.
    Unban(ModerateArgs),
    /// Give someone a role: admin, moderator, member, or a power level.
    Role {
        #[arg(value_name = "ROOM")]
        room: String,
        #[arg(value_name = "MXID")]
        user: String,
        #[arg(value_name = "ROLE")]
        role: String,
    },
    /// Show a room's settings, or change who can join and who can read the history.
    RoomSettings(RoomSettingsArgs),
    /// Rename a room (the server sees the name: it is not end-to-end encrypted).
    Rename {
        #[arg(value_name = "ROOM")]
        room: String,
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// Set a room's topic, or clear it with "" (the server sees it).
    Topic {
        #[arg(value_name = "ROOM")]
        room: String,
        #[arg(value_name = "TEXT")]
        text: String,
    },
    /// Show or set how much a room notifies: all, mentions, mute, or default.
    Notifications {
        #[arg(value_name = "ROOM")]
        room: String,
        #[arg(value_name = "MODE")]
        mode: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List the keywords that notify wherever they are written, or add or remove one.
    Keywords {
        #[arg(value_name = "ACTION", value_parser = ["add", "remove"], requires = "word")]
        action: Option<String>,
        #[arg(value_name = "WORD")]
        word: Option<String>,
    },
    /// Search the server's public room directory (or another server's).
    Directory {
        #[arg(value_name = "SEARCH", default_value = "")]
        search: String,
        #[arg(long, value_name = "NAME")]
        server: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List a space's rooms, joined or not (join them with `join`).
    Space {
        #[arg(value_name = "SPACE")]
        space: String,
        #[arg(long)]
        json: bool,
    },
    /// List pending invitations.
    Invites {
        #[arg(long)]
        json: bool,
    },
    /// Find people in the server's directory by name or Matrix ID.
    People {
        #[arg(value_name = "NAME")]
        term: String,
        #[arg(long)]
        json: bool,
    },
    /// Send a message (markdown).
    Send(SendArgs),
    /// Add your reaction to a message, or take it back.
    React(ReactArgs),
    /// Delete a message; the server may keep the encrypted original for a while.
    Redact(RedactArgs),
    /// Show the last messages of a room, decrypted, oldest first.
    Tail(TailArgs),
    /// Search the messages of your rooms, encrypted ones included, in the local index
    /// (brought up to date first). Every word must be there; accents and case do not matter.
    Search(SearchArgs),
    /// Save the file a message carries, decrypted.
    Download(DownloadArgs),
    /// Set up, check or use the recovery key that protects the encrypted history.
    Recovery {
        #[command(subcommand)]
        command: super::recovery::RecoveryCommand,
    },
    /// List the sessions signed in to your account; rename them, sign them out, watch for new
    /// logins.
    Devices(super::devices::DevicesArgs),
    /// See and accept changes of identity of people you verified, and the sessions you have not
    /// verified.
    Identity {
        #[command(subcommand)]
        command: super::identity::IdentityCommand,
    },
    /// Verify another of your sessions, a person, or one of their sessions, by comparing emoji.
    Verify(super::verify::VerifyArgs),
    /// Verify with a QR code: show one, or read one.
    Qr {
        #[command(subcommand)]
        command: super::verify::QrCommand,
    },
    /// Your public profile: display name and picture.
    Me {
        #[command(subcommand)]
        command: super::me::MeCommand,
    },
    /// Show the rules in force and where each comes from; change your own settings.
    Policy {
        #[command(subcommand)]
        command: super::policy::PolicyCommand,
    },
}

#[derive(Debug, clap::Args)]
pub struct CreateRoomArgs {
    #[arg(long, value_name = "NAME")]
    pub name: String,
    #[arg(long, value_name = "TOPIC")]
    pub topic: Option<String>,
    #[arg(long = "invite", value_name = "MXID")]
    pub invites: Vec<String>,
    /// Create it without encryption (only where the policy allows).
    #[arg(long)]
    pub unencrypted: bool,
}

#[derive(Debug, clap::Args)]
pub struct ModerateArgs {
    #[arg(value_name = "ROOM")]
    pub room: String,
    #[arg(value_name = "MXID")]
    pub user: String,
    /// Why, shown to the room and to them.
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct RoomSettingsArgs {
    #[arg(value_name = "ROOM")]
    pub room: String,
    /// Who can join: invite, knock (ask, a moderator lets in) or public.
    #[arg(long, value_name = "RULE")]
    pub join_rule: Option<String>,
    /// Who can read what is sent: joined, invited, shared or anyone.
    #[arg(long, value_name = "WHO")]
    pub history: Option<String>,
    /// Whether guests (accounts without a password) may join: on or off.
    #[arg(long, value_name = "ON|OFF")]
    pub guests: Option<String>,
    /// Publish this picture as the room's (the server sees it).
    #[arg(long, value_name = "PATH", conflicts_with = "remove_avatar")]
    pub avatar: Option<PathBuf>,
    /// Remove the room's picture.
    #[arg(long)]
    pub remove_avatar: bool,
    /// Turn end-to-end encryption on, for good: it cannot be turned off again.
    #[arg(long)]
    pub encrypt: bool,
    /// Consent to a change that lets more people in or lets more people read.
    #[arg(long)]
    pub yes: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct SendArgs {
    #[arg(value_name = "ROOM")]
    pub room: String,
    #[arg(value_name = "TEXT", required_unless_present = "file")]
    pub text: Option<String>,
    /// Send this file instead of a text; the upload's progress shows on stderr.
    #[arg(long, value_name = "PATH", conflicts_with_all = ["text", "reply_to", "edit"])]
    pub file: Option<PathBuf>,
    /// Consent to send into this room although it is not encrypted.
    #[arg(long)]
    pub allow_unencrypted: bool,
    /// Answer this message (its event id), quoting it.
    #[arg(long, value_name = "EVENT", conflicts_with = "edit")]
    pub reply_to: Option<String>,
    /// Replace the text of this message of yours (its event id).
    #[arg(long, value_name = "EVENT")]
    pub edit: Option<String>,
    /// Answer in the thread this message starts (its event id).
    #[arg(long, value_name = "EVENT", conflicts_with_all = ["reply_to", "edit", "file"])]
    pub thread: Option<String>,
    /// Mention this person (a Matrix ID), or everyone with @room; may be given again.
    #[arg(long, value_name = "WHO", conflicts_with_all = ["edit", "file"])]
    pub mention: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct ReactArgs {
    #[arg(value_name = "ROOM")]
    pub room: String,
    #[arg(value_name = "EVENT")]
    pub event: String,
    #[arg(value_name = "KEY")]
    pub key: String,
    /// Consent to react in this room although it is not encrypted.
    #[arg(long)]
    pub allow_unencrypted: bool,
}

#[derive(Debug, clap::Args)]
pub struct RedactArgs {
    #[arg(value_name = "ROOM")]
    pub room: String,
    #[arg(value_name = "EVENT")]
    pub event: String,
    /// Why, shown to the room beside "Message deleted".
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct DownloadArgs {
    #[arg(value_name = "ROOM")]
    pub room: String,
    #[arg(value_name = "EVENT")]
    pub event: String,
    /// Where to save the file (replaced if it exists).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The words to find (one argument or several).
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Only this room (its ID, address or name).
    #[arg(long, value_name = "ROOM")]
    pub room: Option<String>,
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct TailArgs {
    #[arg(value_name = "ROOM")]
    pub room: String,
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Keep printing new messages until --timeout.
    #[arg(long)]
    pub follow: bool,
    #[arg(long, default_value_t = 30, value_name = "SECS")]
    pub timeout: u64,
    /// Also show what happened in the room: who joined or left, changes of name, topic,
    /// power, encryption and history.
    #[arg(long)]
    pub events: bool,
    /// Show the thread this message starts (its event id) instead of the room.
    #[arg(long, value_name = "EVENT", conflicts_with_all = ["follow", "events"])]
    pub thread: Option<String>,
    /// Show the messages around this one (its event id, as `search --json` gives it), as the
    /// window shows a search result.
    #[arg(long, value_name = "EVENT", conflicts_with_all = ["follow", "thread"])]
    pub around: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct LoginArgs {
    /// The homeserver's address; without it, the Matrix ID's server is asked.
    #[arg(long, value_name = "URL")]
    pub homeserver: Option<String>,
    /// A full Matrix ID (@name:server) or, with --homeserver, a user name; optional with --sso.
    #[arg(long, value_name = "USER", required_unless_present = "sso")]
    pub user: Option<String>,
    /// Read the password from standard input.
    #[arg(long, conflicts_with = "sso")]
    pub password_stdin: bool,
    /// Sign in with the organisation's account in the web browser (single sign-on).
    #[arg(long)]
    pub sso: bool,
}

/// The clap command with every help text replaced by the user's language.
pub(super) fn localized() -> clap::Command {
    let mut command =
        Cli::command().about(crate::fl!("cli-about")).after_help(crate::fl!("cli-exit-codes"));
    command = localize_args(command, "");
    let names: Vec<String> =
        command.get_subcommands().map(|sub| sub.get_name().to_owned()).collect();
    for name in names {
        command = command.mut_subcommand(&name, |sub| localize_sub(sub, &name));
    }
    command
}

/// One subcommand's help, and its own subcommands' (`recovery status`: `cli-recovery-status`).
fn localize_sub(sub: clap::Command, scope: &str) -> clap::Command {
    let about = text(&format!("cli-{scope}"));
    let mut sub = localize_args(sub.about(about).after_help(text("cli-exit-codes")), scope);
    let names: Vec<String> = sub.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in names {
        sub = sub.mut_subcommand(&name, |nested| localize_sub(nested, &format!("{scope}-{name}")));
    }
    sub
}

fn localize_args(mut command: clap::Command, scope: &str) -> clap::Command {
    let ids: Vec<String> = command
        .get_arguments()
        .filter(|arg| !arg.is_global_set() || scope.is_empty())
        .map(|arg| arg.get_id().to_string())
        .filter(|id| !matches!(id.as_str(), "help" | "version"))
        .collect();
    for id in ids {
        let key = if scope.is_empty() || id == "json" {
            format!("cli-arg-{id}")
        } else {
            format!("cli-{scope}-{id}")
        };
        command = command.mut_arg(&id, |arg| arg.help(text(&key)));
    }
    command
}

/// Looks a help text up by id; `tests/i18n.rs` checks every id exists in every language.
fn text(id: &str) -> String {
    crate::i18n::LOADER.get(id)
}

/// Every Fluent id the command line looks up at run time.
pub fn help_ids() -> Vec<String> {
    let mut ids = Vec::new();
    let command = Cli::command();
    ids.extend(command.get_arguments().map(|arg| format!("cli-arg-{}", arg.get_id())));
    for sub in command.get_subcommands() {
        sub_ids(sub, sub.get_name(), &mut ids);
    }
    ids.retain(|id| !id.ends_with("-help") && !id.ends_with("-version"));
    ids.sort();
    ids.dedup();
    ids
}

/// The ids of one subcommand and of its own subcommands, as `localize_sub` asks for them.
fn sub_ids(sub: &clap::Command, scope: &str, ids: &mut Vec<String>) {
    ids.push(format!("cli-{scope}"));
    for arg in sub.get_arguments().filter(|arg| !arg.is_global_set()) {
        let id = arg.get_id().as_str();
        ids.push(if id == "json" { "cli-arg-json".into() } else { format!("cli-{scope}-{id}") });
    }
    for nested in sub.get_subcommands() {
        sub_ids(nested, &format!("{scope}-{}", nested.get_name()), ids);
    }
}

/// Parses the process arguments against the localized command.
pub fn parse() -> Result<Cli, clap::Error> {
    let matches = localized().try_get_matches()?;
    Cli::from_arg_matches(&matches)
}

/// Parses another process's arguments (the command line the running app serves), its
/// program name first.
pub fn parse_from(args: Vec<String>) -> Result<Cli, clap::Error> {
    let matches = localized().try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

impl Command {
    /// The command with its relative paths made absolute against `cwd`: the running app that
    /// serves a command line works from a folder of its own.
    pub fn rooted(mut self, cwd: &std::path::Path) -> Self {
        let root = |path: &mut PathBuf| {
            if path.is_relative() {
                *path = cwd.join(&*path);
            }
        };
        match &mut self {
            Command::RoomSettings(args) => args.avatar.iter_mut().for_each(root),
            Command::Send(args) => args.file.iter_mut().for_each(root),
            Command::Download(args) => root(&mut args.out),
            Command::Me { command: super::me::MeCommand::Avatar(args) } => {
                args.file.iter_mut().chain(args.out.iter_mut()).for_each(root);
            }
            _ => {}
        }
        self
    }
}
