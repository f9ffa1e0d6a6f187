//! Build-time outputs for packagers: the man pages and the shell completions, generated from the
//! very clap definition the binary parses, so that they cannot drift from it.
//!
//! `estafette generate man DIR` and `estafette generate completions DIR` are read before the
//! real command line and are not part of it: they appear in no `--help`, no man page and no
//! completion, and need no profile, keychain or policy (a build machine has none of them). A
//! hidden clap subcommand would still need help texts in every Fluent bundle (`tests/i18n.rs`
//! checks them all). The texts this module prints are for packagers running a build, not for
//! users, so they stay in English and out of the Fluent bundles; the pages and completions it
//! writes are in English too, the language of the packages' documentation.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use clap_complete::Shell;

/// The name the pages and the completions are written for, as installed in `/usr/bin`.
const BIN: &str = "estafette";

#[derive(Debug, Parser)]
#[command(
    name = "estafette-generate",
    bin_name = "estafette generate",
    about = "Write the man pages or the shell completions (for packagers)",
    disable_help_subcommand = true
)]
struct Generate {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, Subcommand)]
enum What {
    /// Man pages, section 1: estafette.1 and one page per command (estafette-login.1 …).
    Man {
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Completions: estafette.bash, _estafette (zsh) and estafette.fish.
    Completions {
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

/// Runs `estafette generate …` when that is what the process was started as; `None` otherwise,
/// and the real command line takes over.
pub(super) fn intercept() -> Option<ExitCode> {
    let mut args = std::env::args_os().skip(1);
    if args.next()? != "generate" {
        return None;
    }
    Some(run(args.collect()))
}

fn run(args: Vec<OsString>) -> ExitCode {
    let parsed = match Generate::try_parse_from(std::iter::once(OsString::from(BIN)).chain(args)) {
        Ok(parsed) => parsed,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    // The help texts come from the Fluent bundles: pin English whatever the build machine's
    // locale, so that two builds of one version give the same files.
    crate::i18n::choose(Some("en"));
    let command = super::args::localized().bin_name(BIN);
    let (dir, written) = match parsed.what {
        What::Man { dir } => {
            let written = std::fs::create_dir_all(&dir).and_then(|()| man(command, &dir));
            (dir, written)
        }
        What::Completions { dir } => {
            let written = std::fs::create_dir_all(&dir).and_then(|()| completions(command, &dir));
            (dir, written)
        }
    };
    match written {
        Ok(files) => {
            for file in files {
                println!("wrote {}", file.display());
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("estafette generate: {}: {error}", dir.display());
            ExitCode::FAILURE
        }
    }
}

/// One page for the program and one for each visible command, nested ones included.
fn man(command: clap::Command, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut command = command.disable_help_subcommand(true);
    // Fills in every subcommand's full name (`estafette recovery status`) for the synopses.
    command.build();
    let mut written = Vec::new();
    page(command, dir, &mut written)?;
    Ok(written)
}

fn page(command: clap::Command, dir: &Path, written: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        page(sub.clone(), dir, written)?;
    }
    let page = clap_mangen::Man::new(command).manual("Estafette Manual");
    written.push(page.generate_to(dir)?);
    Ok(())
}

fn completions(mut command: clap::Command, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    [Shell::Bash, Shell::Zsh, Shell::Fish]
        .into_iter()
        .map(|shell| clap_complete::generate_to(shell, &mut command, BIN, dir))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(files: &[PathBuf]) -> Vec<String> {
        files
            .iter()
            .filter_map(|file| file.file_name())
            .map(|n| n.to_string_lossy().into())
            .collect()
    }

    #[test]
    fn writes_a_page_for_the_program_and_each_command() {
        let dir = tempfile::tempdir().unwrap();
        let pages = names(&man(super::super::args::localized().bin_name(BIN), dir.path()).unwrap());
        for page in ["estafette.1", "estafette-login.1", "estafette-recovery-status.1"] {
            assert!(pages.iter().any(|name| name == page), "{page} missing from {pages:?}");
        }
        let top = std::fs::read_to_string(dir.path().join("estafette.1")).unwrap();
        assert!(top.contains("estafette\\-login(1)"), "the commands' pages are not listed");
    }

    #[test]
    fn writes_bash_zsh_and_fish_completions() {
        let dir = tempfile::tempdir().unwrap();
        let mut files =
            names(&completions(super::super::args::localized().bin_name(BIN), dir.path()).unwrap());
        files.sort();
        assert_eq!(files, ["_estafette", "estafette.bash", "estafette.fish"]);
    }
}
