//! The people of a room: the member list with roles, standing and verification, and what
//! this account may do to them (invite, remove, ban, unban, change a role). Every action is
//! checked against the room's power levels here first, so that both front ends refuse it with
//! the same sentence instead of the server's bare 403.

use matrix_sdk::room::RoomMember;
use matrix_sdk::ruma::events::room::member::MembershipState;
use matrix_sdk::ruma::events::room::power_levels::{RoomPowerLevels, UserPowerLevel};
use matrix_sdk::ruma::{Int, UserId};
use matrix_sdk::{Room, RoomMemberships};

use super::handle::Handle;
use super::{MatrixError, sdk_error};
use crate::model::Membership;
use crate::model::member::{
    Member, MemberAction, MemberActions, NotAllowed, PersonSession, PersonTrust, Power, Role,
    RoleChoice, RoomMembers,
};

impl Handle {
    /// Everyone joined, invited, knocking or banned, fetched from the server the first time
    /// (the sync loads members lazily), with what this account may do to each.
    pub async fn member_list(&self, room: &str) -> Result<RoomMembers, MatrixError> {
        let room = self.room(room).await?;
        let levels = room.power_levels_or_default().await;
        let me = room.own_user_id().to_owned();
        let wanted = RoomMemberships::ACTIVE | RoomMemberships::KNOCK | RoomMemberships::BAN;
        let found = room.members(wanted).await.map_err(sdk_error)?;
        let encryption = self.inner.client.encryption();
        let mut members = Vec::with_capacity(found.len());
        for member in &found {
            let identity = encryption.get_user_identity(member.user_id()).await.ok().flatten();
            let trust = match identity {
                Some(identity) if identity.has_verification_violation() => PersonTrust::Changed,
                Some(identity) if identity.is_verified() => PersonTrust::Verified,
                Some(_) => PersonTrust::Unverified,
                None => PersonTrust::Unknown,
            };
            members.push(member_of(member, &levels, &me, trust));
        }
        let mut list = RoomMembers {
            room_id: room.room_id().to_string(),
            members,
            my_power: power(levels.for_user(&me)),
            default_level: levels.users_default.into(),
            may_invite: levels.user_can_invite(&me),
            may_call_room: levels.user_can_trigger_room_notification(&me),
        };
        list.sort();
        Ok(list)
    }

    /// Invites someone; refused before asking the server when this account may not.
    pub async fn invite(&self, room: &str, user: &str) -> Result<(), MatrixError> {
        let (room, levels) = self.with_levels(room).await?;
        let user = super::rooms::parse_user(user)?;
        let me = room.own_user_id();
        if !levels.user_can_invite(me) {
            return Err(too_low(MemberAction::Invite, levels.invite, &levels, me));
        }
        room.invite_user_by_id(&user).await.map_err(sdk_error)?;
        until_member(&room, &user, MembershipState::Invite).await;
        Ok(())
    }

    /// Removes someone from the room (they may join again if the room lets them).
    pub async fn kick(
        &self,
        room: &str,
        user: &str,
        reason: Option<&str>,
    ) -> Result<(), MatrixError> {
        self.moderate(room, user, reason, MemberAction::Kick).await
    }

    /// Bans someone: removed, and kept out until unbanned.
    pub async fn ban(
        &self,
        room: &str,
        user: &str,
        reason: Option<&str>,
    ) -> Result<(), MatrixError> {
        self.moderate(room, user, reason, MemberAction::Ban).await
    }

    /// Lifts a ban: the person may be invited or join again.
    pub async fn unban(
        &self,
        room: &str,
        user: &str,
        reason: Option<&str>,
    ) -> Result<(), MatrixError> {
        self.moderate(room, user, reason, MemberAction::Unban).await
    }

    /// A removal, a ban or its lifting: the level it takes, and the other member's below
    /// this account's, checked first; then done and waited for as the sync brings it back.
    async fn moderate(
        &self,
        room: &str,
        user: &str,
        reason: Option<&str>,
        action: MemberAction,
    ) -> Result<(), MatrixError> {
        let (room, levels) = self.with_levels(room).await?;
        let user = super::rooms::parse_user(user)?;
        let needed = match action {
            MemberAction::Ban => levels.ban,
            MemberAction::Unban => levels.ban.max(levels.kick),
            _ => levels.kick,
        };
        check_over(&levels, action, needed, room.own_user_id(), &user)?;
        let (done, after) = match action {
            MemberAction::Ban => (room.ban_user(&user, reason).await, MembershipState::Ban),
            MemberAction::Unban => (room.unban_user(&user, reason).await, MembershipState::Leave),
            _ => (room.kick_user(&user, reason).await, MembershipState::Leave),
        };
        done.map_err(sdk_error)?;
        until_member(&room, &user, after).await;
        Ok(())
    }

    /// Gives someone a role. Nobody can give more than their own level, nor change the level
    /// of someone at or above theirs (one's own excepted: stepping down is allowed).
    pub async fn set_role(
        &self,
        room: &str,
        user: &str,
        role: RoleChoice,
    ) -> Result<(), MatrixError> {
        let (room, levels) = self.with_levels(room).await?;
        let user = super::rooms::parse_user(user)?;
        let me = room.own_user_id();
        let level = role.level(levels.users_default.into());
        let mine = power(levels.for_user(me));
        if Power::Level(level) > mine {
            return Err(MatrixError::NotAllowed(NotAllowed::AboveOwn { level, mine }));
        }
        if !levels.user_can_change_user_power_level(me, &user) {
            let needed =
                levels.for_state(matrix_sdk::ruma::events::StateEventType::RoomPowerLevels);
            if !levels
                .user_can_send_state(me, matrix_sdk::ruma::events::StateEventType::RoomPowerLevels)
            {
                return Err(too_low(MemberAction::ChangeRole, needed, &levels, me));
            }
            return Err(outranked(MemberAction::ChangeRole, &levels, me, &user));
        }
        let level = Int::new(level).ok_or_else(|| MatrixError::BadLevel(level.to_string()))?;
        room.update_power_levels(vec![(&user, level)]).await.map_err(sdk_error)?;
        let wanted = UserPowerLevel::from(level);
        until(|| async {
            room.power_levels().await.is_ok_and(|levels| levels.for_user(&user) == wanted)
        })
        .await;
        Ok(())
    }

    /// Someone's sessions, each with whether its owner verified it: who, beside the person,
    /// receives the keys to what is sent to them.
    pub async fn person_sessions(&self, user: &str) -> Result<Vec<PersonSession>, MatrixError> {
        let user = super::rooms::parse_user(user)?;
        let devices = self.devices_of(&user).await?;
        let mut sessions: Vec<PersonSession> = devices
            .devices()
            .map(|device| PersonSession {
                device_id: device.device_id().to_string(),
                name: device.display_name().map(crate::model::text::clean_name),
                verified: device.is_cross_signed_by_owner(),
            })
            .collect();
        sessions.sort_by(|a, b| a.device_id.cmp(&b.device_id));
        Ok(sessions)
    }

    /// Ignores someone: nothing more from them (messages, invitations) reaches this account,
    /// on any of its sessions.
    pub async fn ignore(&self, user: &str) -> Result<(), MatrixError> {
        let user = super::rooms::parse_user(user)?;
        self.inner.client.account().ignore_user(&user).await.map_err(sdk_error)
    }

    /// The room and its power levels, which every member action checks first.
    pub(super) async fn with_levels(
        &self,
        room: &str,
    ) -> Result<(Room, RoomPowerLevels), MatrixError> {
        let room = self.room(room).await?;
        let levels = room.power_levels().await.map_err(|e| MatrixError::Server(e.to_string()))?;
        Ok((room, levels))
    }
}

/// How long an action waits to come back through the sync before its caller reads on.
const ECHO_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Waits until `done` says the change sent is in the client's copy of the room (or
/// `ECHO_WAIT` has passed): the server took it, and the member list read next must show it.
pub(crate) async fn until<F, Fut>(done: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let wait = async {
        while !done().await {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    };
    let _ = tokio::time::timeout(ECHO_WAIT, wait).await;
}

async fn until_member(room: &Room, user: &UserId, state: MembershipState) {
    until(|| async {
        let member = room.get_member_no_sync(user).await.ok().flatten();
        member.is_some_and(|member| *member.membership() == state)
    })
    .await;
}

/// One member as the panel shows them.
fn member_of(
    member: &RoomMember,
    levels: &RoomPowerLevels,
    me: &UserId,
    trust: PersonTrust,
) -> Member {
    let user = member.user_id();
    let power = power(levels.for_user(user));
    let event = member.event();
    let membership = standing(member.membership());
    let invited_by = (membership == Membership::Invited && event.sender() != user)
        .then(|| event.sender().to_string());
    let reason = (membership == Membership::Banned)
        .then(|| event.reason().map(|r| crate::model::text::neutral(r).into_owned()))
        .flatten();
    let own = user == me;
    let may = MemberActions {
        admit: membership == Membership::Knocked && levels.user_can_invite(me),
        kick: !own && membership != Membership::Banned && levels.user_can_kick_user(me, user),
        ban: !own && membership != Membership::Banned && levels.user_can_ban_user(me, user),
        unban: membership == Membership::Banned && levels.user_can_unban_user(me, user),
        change_role: membership != Membership::Banned
            && levels.user_can_change_user_power_level(me, user),
    };
    Member {
        user_id: user.to_string(),
        name: member.display_name().map(crate::model::text::clean_name).filter(|n| !n.is_empty()),
        membership,
        avatar_url: member.avatar_url().map(ToString::to_string),
        power,
        role: Role::of(power, levels.users_default.into()),
        trust,
        invited_by,
        reason,
        me: own,
        may,
    }
}

fn standing(state: &MembershipState) -> Membership {
    match state {
        MembershipState::Join => Membership::Joined,
        MembershipState::Invite => Membership::Invited,
        MembershipState::Knock => Membership::Knocked,
        MembershipState::Ban => Membership::Banned,
        _ => Membership::Left,
    }
}

pub(crate) fn power(level: UserPowerLevel) -> Power {
    match level {
        UserPowerLevel::Infinite => Power::Creator,
        UserPowerLevel::Int(level) => Power::Level(level.into()),
        // A level a newer ruma may add: the highest, so nothing is offered against it.
        _ => Power::Creator,
    }
}

/// The refusal for an action this account's level is too low for.
fn too_low(
    action: MemberAction,
    needed: Int,
    levels: &RoomPowerLevels,
    me: &UserId,
) -> MatrixError {
    let mine = power(levels.for_user(me));
    MatrixError::NotAllowed(NotAllowed::TooLow { action, needed: needed.into(), mine })
}

fn outranked(
    action: MemberAction,
    levels: &RoomPowerLevels,
    me: &UserId,
    user: &UserId,
) -> MatrixError {
    MatrixError::NotAllowed(NotAllowed::Outranked {
        action,
        user: user.to_string(),
        theirs: power(levels.for_user(user)),
        mine: power(levels.for_user(me)),
    })
}

/// An action on another member takes `needed`, and their level must be below this account's.
fn check_over(
    levels: &RoomPowerLevels,
    action: MemberAction,
    needed: Int,
    me: &UserId,
    user: &UserId,
) -> Result<(), MatrixError> {
    let mine = levels.for_user(me);
    if mine < UserPowerLevel::from(needed) {
        return Err(too_low(action, needed, levels, me));
    }
    if levels.for_user(user) >= mine {
        return Err(outranked(action, levels, me, user));
    }
    Ok(())
}
