//! The headless front end: the same core as the desktop app, one small function per command,
//! one clear line on stderr and a non-zero exit when something is wrong.

mod account;
mod args;
mod core;
mod doctor;
mod messages;
mod output;
mod rooms;

use std::process::ExitCode;

pub use args::{Cli, Command, help_ids};

use crate::policy::Policy;
use crate::profile::Profile;

/// Parses the command line, runs the command and turns its outcome into an exit code.
pub fn main() -> ExitCode {
    crate::i18n::init();
    let cli = match args::parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let profile = match Profile::locate(cli.data_dir.as_deref(), &cli.profile) {
        Ok(profile) => profile,
        Err(error) => return output::fail(&error),
    };
    let log_dir = cli.command.is_some().then(|| profile.log_dir());
    let _guard = crate::logging::init(log_dir.as_deref(), cli.log_level);
    let Some(command) = cli.command else {
        println!("{}", args::usage());
        return ExitCode::SUCCESS;
    };
    // A broken policy stops everything: running with a weaker one than intended is worse.
    let policy = match Policy::load(&profile.settings_file(), &Policy::organisation_path()) {
        Ok(policy) => policy,
        Err(error) => return output::fail(&error),
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => return output::fail(&error),
    };
    runtime.block_on(run(&profile, &policy, command))
}

async fn run(profile: &Profile, policy: &Policy, command: Command) -> ExitCode {
    match command {
        Command::Login(args) => account::login(profile, policy, args).await,
        Command::Whoami { json } => account::whoami(profile, json).await,
        Command::Logout { wipe } => account::logout(profile, wipe).await,
        Command::Doctor { json } => doctor::run(profile, json).await,
        Command::Rooms { json } => rooms::list(profile, policy, json).await,
        Command::CreateRoom(args) => rooms::create(profile, policy, args).await,
        Command::Dm { user } => rooms::dm(profile, policy, &user).await,
        Command::Join { room } => rooms::join(profile, policy, &room).await,
        Command::Leave { room } => rooms::leave(profile, policy, &room).await,
        Command::Invites { json } => rooms::invites(profile, policy, json).await,
        Command::Send(args) => messages::send(profile, policy, args).await,
        Command::Tail(args) => messages::tail(profile, policy, args).await,
    }
}
