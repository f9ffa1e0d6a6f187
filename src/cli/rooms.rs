//! `rooms`, `create-room`, `dm`, `join`, `leave` and `invites`.

use std::process::ExitCode;

use serde::Serialize;

use super::args::CreateRoomArgs;
use super::core::with_core;
use super::output::{json_lines, shown};
use crate::fl;
use crate::model::NewRoom;
use crate::policy::Policy;
use crate::profile::Profile;

/// One line of `rooms --json`.
#[derive(Serialize)]
struct RoomLine<'a> {
    room_id: &'a str,
    name: &'a str,
    dm: bool,
    encrypted: bool,
    public: bool,
    unread: u64,
    invited: bool,
    last_message: Option<&'a str>,
}

/// The last line of `rooms --json` when the server's list has not all arrived in time.
#[derive(Serialize)]
struct Incomplete {
    incomplete: bool,
    loaded: usize,
    total: Option<u32>,
}

/// How long `rooms` waits for the server's whole list: a thousand rooms take a few seconds.
const LIST_WAIT: std::time::Duration = std::time::Duration::from_secs(90);

pub async fn list(profile: &Profile, policy: &Policy, json: bool) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        let progress = handle.all_rooms_loaded(LIST_WAIT).await;
        let rooms = handle.rooms().await;
        let incomplete = (!progress.complete()).then_some(Incomplete {
            incomplete: true,
            loaded: rooms.len(),
            total: progress.total,
        });
        if let Some(Incomplete { loaded, total, .. }) = &incomplete {
            let total = total.map_or_else(|| "?".to_owned(), |total| total.to_string());
            eprintln!("estafette: {}", fl!("rooms-incomplete", loaded = loaded, total = total));
        }
        if json {
            let lines = rooms.iter().map(|r| RoomLine {
                room_id: &r.room_id,
                name: &r.name,
                dm: r.dm,
                encrypted: r.encrypted,
                public: r.public,
                unread: r.unread,
                invited: r.membership == crate::model::Membership::Invited,
                last_message: r.last_message.as_deref(),
            });
            let listed = json_lines(lines);
            return Ok(match incomplete {
                Some(status) => super::output::json(&status),
                None => listed,
            });
        }
        for room in &rooms {
            let mut flags = Vec::new();
            flags.push(if room.encrypted {
                fl!("room-encrypted")
            } else {
                fl!("room-unencrypted")
            });
            if room.public {
                flags.push(fl!("room-public"));
            }
            if room.dm {
                flags.push(fl!("room-dm"));
            }
            if room.membership == crate::model::Membership::Invited {
                flags.push(fl!("room-invited"));
            }
            let name = shown(&room.name);
            println!("{}\t{name}\t[{}]\t{}", room.room_id, flags.join(", "), room.unread);
        }
        Ok(ExitCode::SUCCESS)
    })
    .await
}

pub async fn create(profile: &Profile, policy: &Policy, args: CreateRoomArgs) -> ExitCode {
    let new = NewRoom {
        name: args.name,
        topic: args.topic,
        invites: args.invites,
        encrypted: !args.unencrypted,
    };
    with_core(profile, policy, |handle| async move {
        println!("{}", handle.create_room(new).await?);
        Ok(ExitCode::SUCCESS)
    })
    .await
}

pub async fn dm(profile: &Profile, policy: &Policy, user: &str) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        println!("{}", handle.dm(user).await?);
        Ok(ExitCode::SUCCESS)
    })
    .await
}

pub async fn join(profile: &Profile, policy: &Policy, room: &str) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        println!("{}", handle.join(room).await?);
        Ok(ExitCode::SUCCESS)
    })
    .await
}

pub async fn leave(profile: &Profile, policy: &Policy, room: &str) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        handle.leave(room).await?;
        Ok(ExitCode::SUCCESS)
    })
    .await
}

pub async fn invites(profile: &Profile, policy: &Policy, json: bool) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        let invites = handle.invites().await;
        if json {
            return Ok(json_lines(invites.iter()));
        }
        for invite in &invites {
            let from = shown(invite.inviter.as_deref().unwrap_or("?"));
            let name = shown(&invite.name);
            println!("{}\t{name}\t{}", invite.room_id, fl!("invite-from", user = from));
        }
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// The people the directory finds for `term`: their Matrix ID and name, one per line.
pub async fn people(profile: &Profile, policy: &Policy, term: &str, json: bool) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        let people = handle.search_people(term, 20).await?;
        if json {
            return Ok(json_lines(people.iter()));
        }
        if people.is_empty() {
            eprintln!("{}", fl!("people-none", term = shown(term)));
        }
        for person in &people {
            let name = shown(person.display_name.as_deref().unwrap_or(""));
            println!("{}\t{name}", person.user_id);
        }
        Ok(ExitCode::SUCCESS)
    })
    .await
}
