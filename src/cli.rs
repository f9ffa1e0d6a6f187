//! The headless front end: the same core as the desktop app, one small function per command,
//! one clear line on stderr and a non-zero exit when something is wrong.

// First, so that its `say!` and `complain!` are in scope in every command's module.
#[macro_use]
mod output;
mod account;
mod args;
mod core;
mod devices;
mod doctor;
mod files;
mod generate;
mod guard;
mod identity;
mod me;
mod members;
mod messages;
mod notify;
mod policy;
mod recovery;
mod rooms;
mod search;
pub mod serve;
mod verify;

use std::process::ExitCode;

pub use args::{Cli, Command, help_ids};

use crate::Launch;
use crate::policy::Policy;
use crate::profile::Profile;

static PROFILE_LOCK: std::sync::OnceLock<crate::profile::ProfileLock> = std::sync::OnceLock::new();

/// What the binary does after reading its command line.
pub enum Outcome {
    /// A command ran: exit with this code.
    Exit(ExitCode),
    /// No command: open the desktop app.
    Desktop(Box<Launch>),
}

/// Parses the command line and runs the command, or says to open the desktop app.
pub fn main() -> Outcome {
    if let Some(code) = generate::intercept() {
        return Outcome::Exit(code);
    }
    match prepare() {
        Ok((profile, policy, Some(command), _)) => {
            Outcome::Exit(execute(&profile, &policy, command))
        }
        Ok((profile, policy, None, background)) => {
            Outcome::Desktop(Box::new(Launch { profile, policy, background }))
        }
        Err(code) => Outcome::Exit(code),
    }
}

/// Reads the command line, locates the profile, starts logging and loads the policy.
fn prepare() -> Result<(Profile, Policy, Option<Command>, bool), ExitCode> {
    crate::i18n::init();
    let cli = args::parse().map_err(|error| {
        let _ = error.print();
        ExitCode::from(if error.use_stderr() { 2 } else { 0 })
    })?;
    let profile =
        Profile::locate(cli.data_dir.as_deref(), &cli.profile).map_err(|e| output::fail(&e))?;
    match profile.lock() {
        // Held until the process exits, whatever the command or the window does.
        Ok(lock) => drop(PROFILE_LOCK.set(lock)),
        // The policy is files, not the session: it can be read and set beside the app.
        Err(crate::profile::ProfileError::InUse(_))
            if matches!(cli.command, Some(Command::Policy { .. })) => {}
        // The app runs this profile: it runs the command for us, if it is one it may.
        Err(error @ crate::profile::ProfileError::InUse(_)) => {
            crate::i18n::choose(crate::preferences::Preferences::load(&profile).language.tag());
            // Held by another command, not by the app: nothing can run this one now.
            let Some(app) = serve::reach(&profile) else { return Err(output::fail(&error)) };
            // No command: the app's window comes forward instead of a second app.
            if !cli.command.as_ref().is_none_or(serve::servable) {
                let name = profile.name.as_str();
                return Err(output::fail(&crate::fl!("serve-not-here", profile = name)));
            }
            return Err(serve::forward(app).unwrap_or_else(|| output::fail(&error)));
        }
        Err(error) => return Err(output::fail(&error)),
    }
    // Read before logging starts: the policy caps how much is logged.
    let policy = Policy::load(&profile.settings_file(), &Policy::organisation_path());
    let max = policy.as_ref().map_or(crate::logging::Level::Trace, |p| p.log_level_max.value);
    crate::logging::init(Some(&profile.log_dir()), cli.log_level, max);
    crate::i18n::choose(crate::preferences::Preferences::load(&profile).language.tag());
    // A broken policy stops everything: running with a weaker one than intended is worse.
    let policy = policy.map_err(|error| output::fail(&error))?;
    Ok((profile, policy, cli.command, cli.background))
}

fn execute(profile: &Profile, policy: &Policy, command: Command) -> ExitCode {
    match crate::matrix::runtime() {
        Ok(runtime) => {
            #[cfg(debug_assertions)]
            panic_at_teardown_for_tests(&runtime);
            let code = runtime.block_on(run(profile, policy, command));
            crate::process::teardown_panics_to_the_log();
            code
        }
        Err(error) => output::fail(&error),
    }
}

/// Test hook (debug builds): with `ESTAFETTE_TEST_TEARDOWN_PANIC` set, a task that panics
/// when the runtime drops it, as the SDK's can, so a test can see the answer stay one line.
#[cfg(debug_assertions)]
fn panic_at_teardown_for_tests(runtime: &tokio::runtime::Runtime) {
    struct PanicsWhenDropped;
    impl Drop for PanicsWhenDropped {
        #[expect(clippy::panic, reason = "the panic is what this debug-only hook is for")]
        fn drop(&mut self) {
            panic!("dropped at teardown, as the test asked");
        }
    }
    if std::env::var_os("ESTAFETTE_TEST_TEARDOWN_PANIC").is_some() {
        runtime.spawn(async {
            let _armed = PanicsWhenDropped;
            std::future::pending::<()>().await;
        });
    }
}

async fn run(profile: &Profile, policy: &Policy, command: Command) -> ExitCode {
    if let Some(refused) = guard::locked_out(profile, policy, &command) {
        return refused;
    }
    match command {
        Command::Login(args) => account::login(profile, policy, args).await,
        Command::Whoami { json } => account::whoami(profile, policy, json).await,
        Command::Logout { wipe } => account::logout(profile, policy, wipe).await,
        Command::Unlock { password_stdin } => guard::unlock(profile, policy, password_stdin).await,
        Command::Password { keep_other_sessions } => {
            guard::password(profile, policy, keep_other_sessions).await
        }
        Command::Doctor { json } => doctor::run(profile, policy, json).await,
        Command::Rooms { json } => rooms::list(profile, policy, json).await,
        Command::CreateRoom(args) => rooms::create(profile, policy, args).await,
        Command::Dm { user } => rooms::dm(profile, policy, &user).await,
        Command::Join { room } => rooms::join(profile, policy, &room).await,
        Command::Leave { room, forget, block } => {
            rooms::leave(profile, policy, &room, forget, block).await
        }
        Command::Knock { room, reason } => {
            rooms::knock(profile, policy, &room, reason.as_deref()).await
        }
        Command::Members { room, json } => members::list(profile, policy, &room, json).await,
        Command::Invite { room, user } => members::invite(profile, policy, &room, &user).await,
        Command::Kick(args) => members::kick(profile, policy, args).await,
        Command::Ban(args) => members::ban(profile, policy, args).await,
        Command::Unban(args) => members::unban(profile, policy, args).await,
        Command::Role { room, user, role } => {
            members::role(profile, policy, &room, &user, &role).await
        }
        Command::RoomSettings(args) => members::settings(profile, policy, args).await,
        Command::Rename { room, name } => members::rename(profile, policy, &room, &name).await,
        Command::Topic { room, text } => members::topic(profile, policy, &room, &text).await,
        Command::Invites { json } => rooms::invites(profile, policy, json).await,
        Command::Space { space, json } => rooms::space(profile, policy, &space, json).await,
        Command::Notifications { room, mode, json } => {
            notify::mode(profile, policy, &room, mode.as_deref(), json).await
        }
        Command::Keywords { action, word } => {
            notify::keywords(profile, policy, action.as_deref(), word.as_deref()).await
        }
        Command::Directory { search, server, json } => {
            rooms::directory(profile, policy, &search, server.as_deref(), json).await
        }
        Command::People { term, json } => rooms::people(profile, policy, &term, json).await,
        Command::Send(args) => messages::send(profile, policy, args).await,
        Command::React(args) => messages::react(profile, policy, args).await,
        Command::Redact(args) => messages::redact(profile, policy, args).await,
        Command::Tail(args) => messages::tail(profile, policy, args).await,
        Command::Search(args) => search::search(profile, policy, args).await,
        Command::Download(args) => files::download(profile, policy, args).await,
        Command::Recovery { command } => recovery::run(profile, policy, command).await,
        Command::Devices(args) => devices::run(profile, policy, args).await,
        Command::Identity { command } => identity::run(profile, policy, command).await,
        Command::Verify(args) => verify::verify(profile, policy, args).await,
        Command::Qr { command } => verify::qr(profile, policy, command).await,
        Command::Me { command } => me::run(profile, policy, command).await,
        Command::Policy { command } => self::policy::run(profile, policy, command),
    }
}
