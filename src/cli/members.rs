//! `members`, `invite`, `kick`, `ban`, `unban`, `role`, `room-settings`, `rename` and `topic`:
//! who is in a room and what they may do, and the room's settings.

use std::process::ExitCode;

use super::args::{ModerateArgs, RoomSettingsArgs};
use super::core::with_core;
use super::output::{json, json_lines, shown};
use crate::fl;
use crate::matrix::MatrixError;
use crate::model::Membership;
use crate::model::member::{Member, PersonTrust, RoleChoice};
use crate::model::room_settings::{History, JoinRule, RoomSettings};
use crate::policy::Policy;
use crate::profile::Profile;

pub async fn list(profile: &Profile, policy: &Policy, room: &str, as_json: bool) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        let members = handle.member_list(room).await?;
        if as_json {
            return Ok(json_lines(members.members.iter()));
        }
        for member in &members.members {
            say!("{}", line(member));
        }
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// `@id  Name  role  standing  trust  [invited by @x]`, each field escaped for the terminal.
fn line(member: &Member) -> String {
    let mut fields = vec![
        member.user_id.clone(),
        shown(member.name.as_deref().unwrap_or("")),
        member.role.label(),
        standing(member.membership),
        trust(member.trust),
    ];
    if let Some(inviter) = &member.invited_by {
        fields.push(fl!("member-invited-by", user = inviter.as_str()));
    }
    if let Some(reason) = &member.reason {
        fields.push(shown(reason));
    }
    fields.join("\t")
}

fn standing(membership: Membership) -> String {
    match membership {
        Membership::Joined => fl!("member-joined"),
        Membership::Invited => fl!("member-invited"),
        Membership::Knocked => fl!("member-knocking"),
        Membership::Banned => fl!("member-banned"),
        Membership::Left => fl!("member-left"),
    }
}

fn trust(trust: PersonTrust) -> String {
    match trust {
        PersonTrust::Verified => fl!("member-verified"),
        PersonTrust::Changed => fl!("member-identity-changed"),
        PersonTrust::Unverified => fl!("member-unverified"),
        PersonTrust::Unknown => fl!("member-no-identity"),
    }
}

pub async fn invite(profile: &Profile, policy: &Policy, room: &str, user: &str) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        handle.invite(room, user).await?;
        Ok(ExitCode::SUCCESS)
    })
    .await
}

pub async fn kick(profile: &Profile, policy: &Policy, args: ModerateArgs) -> ExitCode {
    moderate(profile, policy, args, Moderation::Kick).await
}

pub async fn ban(profile: &Profile, policy: &Policy, args: ModerateArgs) -> ExitCode {
    moderate(profile, policy, args, Moderation::Ban).await
}

pub async fn unban(profile: &Profile, policy: &Policy, args: ModerateArgs) -> ExitCode {
    moderate(profile, policy, args, Moderation::Unban).await
}

enum Moderation {
    Kick,
    Ban,
    Unban,
}

async fn moderate(
    profile: &Profile,
    policy: &Policy,
    args: ModerateArgs,
    what: Moderation,
) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        let (room, user, reason) = (&args.room, &args.user, args.reason.as_deref());
        match what {
            Moderation::Kick => handle.kick(room, user, reason).await?,
            Moderation::Ban => handle.ban(room, user, reason).await?,
            Moderation::Unban => handle.unban(room, user, reason).await?,
        }
        Ok(ExitCode::SUCCESS)
    })
    .await
}

pub async fn role(
    profile: &Profile,
    policy: &Policy,
    room: &str,
    user: &str,
    role: &str,
) -> ExitCode {
    let Some(choice) = RoleChoice::parse(role) else {
        return super::output::fail(&MatrixError::BadRole(role.to_owned()));
    };
    with_core(profile, policy, |handle| async move {
        handle.set_role(room, user, choice).await?;
        Ok(ExitCode::SUCCESS)
    })
    .await
}

pub async fn rename(profile: &Profile, policy: &Policy, room: &str, name: &str) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        handle.rename(room, name).await?;
        Ok(ExitCode::SUCCESS)
    })
    .await
}

pub async fn topic(profile: &Profile, policy: &Policy, room: &str, text: &str) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        handle.set_topic(room, text).await?;
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// Shows the settings; with `--join-rule`, `--history`, `--guests`, `--avatar` or `--encrypt`,
/// changes them first. A change that lets more people in or read more is refused without
/// `--yes`, with the reason.
pub async fn settings(profile: &Profile, policy: &Policy, args: RoomSettingsArgs) -> ExitCode {
    let rule = match args.join_rule.as_deref().map(|r| (r, JoinRule::parse(r))) {
        Some((input, None)) => return bad_value("--join-rule", input),
        Some((_, rule)) => rule,
        None => None,
    };
    let history = match args.history.as_deref().map(|h| (h, History::parse(h))) {
        Some((input, None)) => return bad_value("--history", input),
        Some((_, history)) => history,
        None => None,
    };
    let guests = match args.guests.as_deref().map(|g| (g, on_off(g))) {
        Some((input, None)) => return bad_value("--guests", input),
        Some((_, guests)) => guests,
        None => None,
    };
    with_core(profile, policy, |handle| async move {
        let room = args.room.as_str();
        let before = handle.room_settings(room).await?;
        let widening = widening(&before, rule, history, guests);
        if let Some(warning) = widening.filter(|_| !args.yes) {
            return Err(MatrixError::NeedsConsent(warning));
        }
        if let Some(guests) = guests {
            handle.set_guests(room, guests).await?;
        }
        if let Some(picture) = &args.avatar {
            handle.set_room_avatar(room, Some(picture)).await?;
        }
        if args.remove_avatar {
            handle.set_room_avatar(room, None).await?;
        }
        if let Some(rule) = rule {
            handle.set_join_rule(room, rule).await?;
        }
        if let Some(history) = history {
            handle.set_history(room, history).await?;
        }
        if args.encrypt {
            handle.enable_encryption(room).await?;
        }
        let settings = handle.room_settings(room).await?;
        if args.json {
            return Ok(json(&settings));
        }
        print_settings(&settings);
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// "on" or "off" (French too), for a switch.
fn on_off(input: &str) -> Option<bool> {
    match input.trim().to_lowercase().as_str() {
        "on" | "yes" | "oui" => Some(true),
        "off" | "no" | "non" => Some(false),
        _ => None,
    }
}

fn bad_value(option: &str, input: &str) -> ExitCode {
    super::output::fail(&fl!("error-bad-setting", option = option, value = shown(input)))
}

/// The warning a change deserves, when it opens the room or its history to more people.
fn widening(
    before: &RoomSettings,
    rule: Option<JoinRule>,
    history: Option<History>,
    guests: Option<bool>,
) -> Option<String> {
    let mut warnings = Vec::new();
    if guests == Some(true) && !before.guests {
        warnings.push(fl!("room-setting-guests-on"));
    }
    if let Some(rule) = rule.filter(|rule| before.join_rule.opens(*rule)) {
        warnings.push(fl!("room-setting-opens", rule = rule.label()));
    }
    if let Some(history) = history.filter(|history| before.history.widens(*history)) {
        warnings.push(fl!("room-setting-widens", history = history.label()));
    }
    (!warnings.is_empty()).then(|| warnings.join(" "))
}

fn print_settings(settings: &RoomSettings) {
    let none = fl!("room-setting-none");
    let yes_no = |on: bool| if on { fl!("room-setting-yes") } else { fl!("room-setting-no") };
    let rows = [
        (fl!("room-setting-name"), settings.name.as_deref().map_or(none.clone(), shown)),
        (fl!("room-setting-topic"), settings.topic.as_deref().map_or(none.clone(), shown)),
        (fl!("room-setting-join-rule"), settings.join_rule.label()),
        (fl!("room-setting-history"), settings.history.label()),
        (fl!("room-setting-guests"), yes_no(settings.guests)),
        (fl!("room-setting-picture"), yes_no(settings.has_avatar)),
        (fl!("room-setting-encrypted"), yes_no(settings.encrypted)),
    ];
    for (label, value) in rows {
        say!("{label}\t{value}");
    }
    if let Some(new) = &settings.replaced_by {
        say!("{}", fl!("room-setting-replaced", room = new.room_id.as_str()));
    }
    say!("{}", fl!("room-setting-server-sees"));
}
