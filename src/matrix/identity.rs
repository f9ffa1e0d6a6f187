//! Trust in the people of a room: who receives message keys (the recipient strategy chosen
//! from the policy), which verified people changed identity since, which sessions are left
//! out, and accepting a change so that held messages go out.

use matrix_sdk::ruma::{OwnedUserId, UserId};
use matrix_sdk::send_queue::LocalEchoContent;
use matrix_sdk::{QueueWedgeError, Room, RoomMemberships};
use matrix_sdk_crypto::LocalTrust;

use super::MatrixError;
use super::handle::Handle;

/// The refusal of a send the queue will not retry, in words: a changed identity or sessions
/// left unverified are named, anything else is given as the SDK says it.
pub(crate) async fn refusal(room: &Room, error: &matrix_sdk::Error) -> MatrixError {
    match QueueWedgeError::from(error) {
        QueueWedgeError::IdentityViolations { users } => {
            MatrixError::IdentityChanged { users: names(room, &users).await, held: true }
        }
        QueueWedgeError::InsecureDevices { user_device_map }
            if user_device_map.keys().all(|user| user == room.own_user_id()) =>
        {
            let sessions = user_device_map.values().flatten().map(|d| d.to_string()).collect();
            MatrixError::OwnSessionsUnverified { sessions }
        }
        QueueWedgeError::InsecureDevices { user_device_map } => {
            let mut sessions = Vec::new();
            for (user, devices) in &user_device_map {
                let who = name(room, user).await;
                sessions.extend(devices.iter().map(|device| format!("{who} – {device}")));
            }
            MatrixError::UnverifiedSessions { sessions }
        }
        QueueWedgeError::CrossVerificationRequired => MatrixError::SessionNotVerified,
        _ => MatrixError::SendFailed(super::error::root_cause(error)),
    }
}

/// How a person is named to the user: their display name in the room with their Matrix ID,
/// since a display name alone can be anyone's.
async fn name(room: &Room, user: &UserId) -> String {
    match room.get_member_no_sync(user).await.ok().flatten() {
        Some(member) if member.display_name().is_some_and(|n| n != user.localpart()) => {
            format!("{} ({user})", member.name())
        }
        _ => user.to_string(),
    }
}

async fn names(room: &Room, users: &[OwnedUserId]) -> Vec<String> {
    let mut named = Vec::with_capacity(users.len());
    for user in users {
        named.push(name(room, user).await);
    }
    named
}

/// A session of someone in a room that does not receive our keys under verified-only sending.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UnverifiedSession {
    pub user: String,
    pub device: String,
    /// The session's public name, if it has one.
    pub name: Option<String>,
}

impl Handle {
    /// The people of `room` (Matrix IDs) whose identity changed since we verified them.
    pub async fn identity_changes(&self, room: &str) -> Result<Vec<String>, MatrixError> {
        let room = self.room(room).await?;
        Ok(self.violations(&room, false).await?.into_iter().map(String::from).collect())
    }

    /// The members whose verified identity changed. With `fresh`, the identities of the people
    /// we verified are asked of the server first, rather than trusting the last sync.
    async fn violations(&self, room: &Room, fresh: bool) -> Result<Vec<OwnedUserId>, MatrixError> {
        let encryption = self.inner.client.encryption();
        let mut changed = Vec::new();
        for member in self.members(room).await? {
            let mut identity = encryption
                .get_user_identity(&member)
                .await
                .map_err(|e| MatrixError::Server(e.to_string()))?;
            if fresh
                && identity.as_ref().is_some_and(|identity| identity.was_previously_verified())
                && let Ok(Some(current)) = encryption.request_user_identity(&member).await
            {
                identity = Some(current);
            }
            if identity.is_some_and(|identity| identity.has_verification_violation()) {
                changed.push(member);
            }
        }
        Ok(changed)
    }

    /// Refuses, before anything is queued, a send to a room where someone we verified changed
    /// identity: with verified-only sending the SDK would only leave them out silently.
    pub(crate) async fn hold_on_identity_change(&self, room: &Room) -> Result<(), MatrixError> {
        // Fresh: the SDK would leave a changed identity out silently, so a stale view here
        // would let a message go out to everyone else with no word about them.
        let changed = self.violations(room, true).await?;
        if changed.is_empty() {
            Ok(())
        } else {
            Err(MatrixError::IdentityChanged { users: names(room, &changed).await, held: false })
        }
    }

    /// Accepts `user`'s new identity: the old verification is withdrawn and the new key
    /// remembered (pinned), so sending to them works again, and messages held because of them
    /// are released to the queue. They show as not verified until verified again. Returns how
    /// many held messages were released.
    pub async fn accept_identity(&self, user: &str) -> Result<usize, MatrixError> {
        let user_id = UserId::parse(user.trim())
            .map_err(|e| MatrixError::BadUserId(user.to_owned(), e.to_string()))?;
        let encryption = self.inner.client.encryption();
        let identity = match encryption.get_user_identity(&user_id).await {
            Ok(Some(identity)) => Some(identity),
            _ => encryption
                .request_user_identity(&user_id)
                .await
                .map_err(|e| MatrixError::Server(e.to_string()))?,
        };
        let identity = identity.ok_or_else(|| MatrixError::NoIdentity(user_id.to_string()))?;
        let store =
            |e: matrix_sdk::encryption::CryptoStoreError| MatrixError::Server(e.to_string());
        identity.withdraw_verification().await.map_err(store)?;
        identity.pin().await.map_err(store)?;
        Ok(self.release_held(&user_id).await)
    }

    /// Releases the messages held in `room` whose reason is gone (the person verified their
    /// new session, or was verified again), so they go out before a new one, in order. Those
    /// still blocked stay held: retrying them would only fail again and pause the room's queue.
    pub(crate) async fn retry_held(&self, room: &Room) {
        let queue = room.send_queue();
        let Ok((echoes, _)) = queue.subscribe().await else { return };
        let mut released = false;
        for echo in echoes {
            if let LocalEchoContent::Event { send_handle, send_error: Some(error), .. } =
                echo.content
                && self.resolved(&error).await
            {
                // Failing to unwedge leaves it held, as it was: nothing to report.
                released |= send_handle.unwedge().await.is_ok();
            }
        }
        if released {
            // The refusal paused the room's queue in this process; it may move again.
            queue.set_enabled(true);
        }
    }

    /// Whether the trust problem that held a message is gone now.
    async fn resolved(&self, error: &QueueWedgeError) -> bool {
        let encryption = self.inner.client.encryption();
        match error {
            QueueWedgeError::IdentityViolations { users } => {
                for user in users {
                    if let Ok(Some(identity)) = encryption.get_user_identity(user).await
                        && identity.has_verification_violation()
                    {
                        return false;
                    }
                }
                true
            }
            QueueWedgeError::InsecureDevices { user_device_map } => {
                for (user, devices) in user_device_map {
                    // Their session may have been verified since the last sync told us:
                    // ask the server (asking for the identity brings the sessions along).
                    let _ = encryption.request_user_identity(user).await;
                    let Ok(known) = encryption.get_user_devices(user).await else { return false };
                    let still_unsigned = devices.iter().any(|id| {
                        known.get(id).is_some_and(|device| {
                            !device.is_cross_signed_by_owner()
                                && !matches!(
                                    device.local_trust_state(),
                                    LocalTrust::Ignored | LocalTrust::BlackListed
                                )
                        })
                    });
                    let verified = matches!(
                        encryption.get_user_identity(user).await,
                        Ok(Some(identity)) if identity.is_verified()
                    );
                    if still_unsigned && verified {
                        return false;
                    }
                }
                true
            }
            _ => false,
        }
    }

    /// Unwedges the messages the queue holds because of `user`, in every room: after their
    /// change was accepted here, or after they were verified again (the verification flow
    /// calls this on success). Returns how many were released.
    pub(crate) async fn release_held(&self, user: &UserId) -> usize {
        let mut released = 0;
        for room in self.inner.client.joined_rooms() {
            let queue = room.send_queue();
            let Ok((echoes, _)) = queue.subscribe().await else { continue };
            for echo in echoes {
                let LocalEchoContent::Event { send_handle, send_error: Some(error), .. } =
                    echo.content
                else {
                    continue;
                };
                let because = match &error {
                    QueueWedgeError::IdentityViolations { users } => {
                        users.iter().any(|u| u == user)
                    }
                    QueueWedgeError::InsecureDevices { user_device_map } => {
                        user_device_map.contains_key(user)
                    }
                    _ => false,
                };
                if because && send_handle.unwedge().await.is_ok() {
                    released += 1;
                }
            }
            // A refusal disables the room's queue; it may move again.
            queue.set_enabled(true);
        }
        released
    }

    /// The sessions in `room` that are not verified, so do not receive our keys when
    /// verified-only sending is on (the SDK does not report, per message, whom it left out).
    /// Our own current session is not listed.
    pub async fn unverified_sessions_in(
        &self,
        room: &str,
    ) -> Result<Vec<UnverifiedSession>, MatrixError> {
        let room = self.room(room).await?;
        let mut found = Vec::new();
        for member in self.members(&room).await? {
            for device in self.devices_of(&member).await?.devices() {
                let own =
                    member.as_str() == self.user_id() && device.device_id() == self.device_id();
                if own || device.is_verified() || device.is_blacklisted() {
                    continue;
                }
                found.push(UnverifiedSession {
                    user: member.to_string(),
                    device: device.device_id().to_string(),
                    name: device.display_name().map(str::to_owned),
                });
            }
        }
        Ok(found)
    }

    /// A person's sessions as this client knows them. When nobody has asked for them yet
    /// (nothing was sent to them), asking the server for their identity brings them.
    pub(crate) async fn devices_of(
        &self,
        user: &matrix_sdk::ruma::UserId,
    ) -> Result<matrix_sdk::encryption::identities::UserDevices, MatrixError> {
        let encryption = self.inner.client.encryption();
        let failed = |e: matrix_sdk::Error| MatrixError::Server(e.to_string());
        let devices = encryption.get_user_devices(user).await.map_err(failed)?;
        if devices.keys().next().is_some() {
            return Ok(devices);
        }
        let asked = encryption.request_user_identity(user).await;
        asked.map_err(|e| MatrixError::Server(e.to_string()))?;
        encryption.get_user_devices(user).await.map_err(failed)
    }

    async fn members(&self, room: &Room) -> Result<Vec<OwnedUserId>, MatrixError> {
        let members =
            room.members(RoomMemberships::ACTIVE).await.map_err(super::error::sdk_error)?;
        Ok(members.into_iter().map(|m| m.user_id().to_owned()).collect())
    }

    /// Marks `user` as verified by signing their identity with our user-signing key, without
    /// comparing emoji. Only in debug builds, for the tests: a real verification compares
    /// keys with the person.
    #[cfg(debug_assertions)]
    pub async fn sign_identity_unchecked(&self, user: &str) -> Result<(), MatrixError> {
        let user_id = UserId::parse(user.trim())
            .map_err(|e| MatrixError::BadUserId(user.to_owned(), e.to_string()))?;
        let identity = self
            .inner
            .client
            .encryption()
            .request_user_identity(&user_id)
            .await
            .map_err(|e| MatrixError::Server(e.to_string()))?
            .ok_or_else(|| MatrixError::NoIdentity(user_id.to_string()))?;
        identity.verify().await.map_err(|e| MatrixError::Server(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_identity_is_explained_with_the_persons_name() {
        let who = vec!["Marc Dubois (@marc:gouv.fr)".to_owned()];
        let held = MatrixError::IdentityChanged { users: who.clone(), held: true }.to_string();
        assert!(
            held.starts_with(
                "Marc Dubois (@marc:gouv.fr)'s identity has changed since you verified it. \
                 Your message is held. It may be a new device or a reinstalled app"
            ),
            "{held}"
        );
        assert!(held.contains("accept the change or verify them again"), "{held}");
        let refused = MatrixError::IdentityChanged { users: who, held: false }.to_string();
        assert!(refused.contains("Your message was not sent."), "{refused}");
        let two = vec!["@a:x".to_owned(), "@b:x".to_owned()];
        let both = MatrixError::IdentityChanged { users: two, held: true }.to_string();
        assert!(both.contains("The identity of @a:x, @b:x has changed"), "{both}");
    }
}
