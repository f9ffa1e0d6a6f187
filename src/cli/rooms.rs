//! `rooms`, `create-room`, `dm`, `join`, `leave`, `invites`, `people` and `directory`.

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
    /// A space (a group of rooms), not a conversation.
    space: bool,
    /// The joined spaces that list it.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    in_spaces: &'a [String],
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
            complain!("estafette: {}", fl!("rooms-incomplete", loaded = loaded, total = total));
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
                space: r.space,
                in_spaces: &r.in_spaces,
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
            say!("{}\t{name}\t[{}]\t{}", room.room_id, flags.join(", "), room.unread);
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
        say!("{}", handle.create_room(new).await?);
        Ok(ExitCode::SUCCESS)
    })
    .await
}

pub async fn dm(profile: &Profile, policy: &Policy, user: &str) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        say!("{}", handle.dm(user).await?);
        Ok(ExitCode::SUCCESS)
    })
    .await
}

pub async fn join(profile: &Profile, policy: &Policy, room: &str) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        say!("{}", handle.join(room).await?);
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// Leaves (or declines); `block` also ignores whoever sent the invitation, and says who.
pub async fn leave(
    profile: &Profile,
    policy: &Policy,
    room: &str,
    forget: bool,
    block: bool,
) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        if block {
            let inviter = handle.decline_and_block(room).await?;
            say!("{}", fl!("invite-blocked", user = shown(&inviter)));
        } else {
            handle.leave_room(room, forget).await?;
        }
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// Asks to join; prints the room's ID, which lists as "asked to join" until someone answers.
pub async fn knock(
    profile: &Profile,
    policy: &Policy,
    room: &str,
    reason: Option<&str>,
) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        say!("{}", handle.knock(room, reason).await?);
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
            say!("{}\t{name}\t{}", invite.room_id, fl!("invite-from", user = from));
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
            complain!("{}", fl!("people-none", term = shown(term)));
        }
        for person in &people {
            let name = shown(person.display_name.as_deref().unwrap_or(""));
            say!("{}\t{name}", person.user_id);
        }
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// The public rooms the directory finds: refused, with the reason, when the policy turns the
/// directory off. Each line: address, members, name, and whether anyone may read it.
pub async fn directory(
    profile: &Profile,
    policy: &Policy,
    search: &str,
    server: Option<&str>,
    json: bool,
) -> ExitCode {
    if let Err(refused) = policy.may_browse_public_rooms() {
        return super::output::fail(&refused);
    }
    with_core(profile, policy, |handle| async move {
        let rooms = handle.directory(search, server).await?;
        if json {
            return Ok(json_lines(rooms.iter()));
        }
        print_rooms(&rooms, vec![fl!("room-public")]);
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// A space's rooms, joined or not, each with whether it is encrypted.
pub async fn space(profile: &Profile, policy: &Policy, space: &str, json: bool) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        let rooms = handle.space_rooms(space).await?;
        if json {
            return Ok(json_lines(rooms.iter()));
        }
        print_rooms(&rooms, Vec::new());
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// One line per room found: address, name, members, and what to know before joining.
fn print_rooms(rooms: &[crate::model::directory::PublicRoom], always: Vec<String>) {
    for room in rooms {
        let mut flags = always.clone();
        match room.encrypted {
            Some(true) => flags.push(fl!("room-encrypted")),
            Some(false) => flags.push(fl!("room-unencrypted")),
            None => {}
        }
        if room.world_readable {
            flags.push(fl!("directory-world-readable"));
        }
        if room.joined {
            flags.push(fl!("directory-joined"));
        }
        let name = shown(room.title());
        let members = fl!("room-members", count = room.members);
        say!("{}\t{name}\t{members}\t[{}]", shown(room.address()), flags.join(", "));
    }
}
