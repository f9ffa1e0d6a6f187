//! `me show|name|avatar`: this account's public profile, its display name and its picture.
//! Both are public and never encrypted: `show` says so, so no one mistakes them for private.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

use super::core::with_core;
use super::output::json;
use crate::fl;
use crate::matrix::MatrixError;
use crate::policy::Policy;
use crate::profile::Profile;

#[derive(Debug, Subcommand)]
pub enum MeCommand {
    /// Show your display name and profile picture, as everyone on the server sees them.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Change your display name; an empty name removes it.
    Name { name: String },
    /// Publish a picture as your profile picture, remove it, or save it to a file.
    Avatar(AvatarArgs),
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["file", "remove", "out"])))]
pub struct AvatarArgs {
    /// The picture to publish (PNG, JPEG, WebP or GIF); it is cropped to a square and sent as
    /// a plain PNG, without the file's metadata.
    pub file: Option<PathBuf>,
    /// Remove your profile picture.
    #[arg(long)]
    pub remove: bool,
    /// Save your profile picture (as the server has it) to this file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub async fn run(profile: &Profile, policy: &Policy, command: MeCommand) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        match command {
            MeCommand::Show { json: as_json } => {
                let shown = Shown {
                    user_id: handle.user_id().to_owned(),
                    display_name: handle.display_name().await?,
                    avatar_url: handle.avatar_url().await?,
                };
                Ok(if as_json { json(&shown) } else { shown.print() })
            }
            MeCommand::Name { name } => {
                handle.set_display_name(&name).await?;
                Ok(ExitCode::SUCCESS)
            }
            MeCommand::Avatar(args) => avatar(&handle, args).await,
        }
    })
    .await
}

async fn avatar(handle: &crate::matrix::Handle, args: AvatarArgs) -> Result<ExitCode, MatrixError> {
    if let Some(file) = args.file {
        handle.set_avatar(&file).await?;
    } else if args.remove {
        handle.remove_avatar().await?;
    } else if let Some(out) = args.out {
        let Some(picture) = handle.full_avatar().await? else {
            return Ok(super::output::fail(&fl!("me-no-avatar")));
        };
        tokio::fs::write(&out, picture)
            .await
            .map_err(|e| MatrixError::FileWrite(out.display().to_string(), e.to_string()))?;
        say!("{}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// `me show`: what anyone on the server sees of this account.
#[derive(serde::Serialize)]
struct Shown {
    user_id: String,
    display_name: Option<String>,
    avatar_url: Option<String>,
}

impl Shown {
    fn print(&self) -> ExitCode {
        match &self.display_name {
            Some(name) => say!("{}", fl!("me-name", name = super::output::shown(name))),
            None => say!("{}", fl!("me-no-name", user = self.user_id.as_str())),
        }
        match &self.avatar_url {
            Some(url) => say!("{}", fl!("me-avatar", url = super::output::shown(url))),
            None => say!("{}", fl!("me-no-avatar")),
        }
        say!("{}", fl!("me-public"));
        ExitCode::SUCCESS
    }
}
