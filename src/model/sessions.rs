//! The sessions (devices) signed in to the account as the session list shows them, and which of
//! them are new since the list was last looked at: the new-login alert.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::time;

/// One device signed in to the account (a "session" in the window's words, as in Element),
/// from the server's list joined with what this session knows of its keys. Not to be confused
/// with `matrix::Session`, this app's own signed-in client, or `secret::SessionSecret`, what
/// the keychain holds for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Device {
    pub device_id: String,
    /// The public name the session gave itself (or was renamed to); anyone on the server can
    /// read it, so it is no secret.
    pub name: Option<String>,
    /// Verified from this session's point of view: a signature chain leads from an identity
    /// this session trusts down to that session's keys.
    pub verified: bool,
    /// The session this app is running as.
    pub this_session: bool,
    /// When the server last saw it, in milliseconds since the epoch, if it says.
    pub last_seen_ts: Option<u64>,
    pub last_seen_ip: Option<String>,
    /// Known only by its keys: the server's list of sessions leaves it out, yet it can receive
    /// the keys of messages (a dehydrated device, or one a server hides).
    pub keys_only: bool,
}

impl Device {
    /// The name a person recognises, else the id: a session without a name still has to be
    /// pointed at. Whoever holds the session chose the name: nothing in it may hide or reorder
    /// the text around it.
    pub fn label(&self) -> String {
        let name = self.name.as_deref().map(super::text::clean_name).unwrap_or_default();
        if name.is_empty() { self.device_id.clone() } else { name }
    }

    /// "today at 14:05", "March 3, 2026 at 09:12", in the local time zone, seen on `today`.
    pub fn last_seen(&self, today: NaiveDate) -> Option<String> {
        Some(time::moment(self.last_seen_ts?, today))
    }
}

/// The list as a person reads it: this session first, then the most recently seen, then by id
/// so that the order is stable.
pub fn sort(sessions: &mut [Device]) {
    sessions.sort_by(|a, b| {
        b.this_session
            .cmp(&a.this_session)
            .then(b.last_seen_ts.cmp(&a.last_seen_ts))
            .then(a.device_id.cmp(&b.device_id))
    });
}

/// The sessions of `current` whose id is not in `known`. This session is never "new": the
/// person is sitting at it.
pub fn new_sessions(known: &BTreeSet<String>, current: &[Device]) -> Vec<Device> {
    current
        .iter()
        .filter(|session| !session.this_session && !known.contains(&session.device_id))
        .cloned()
        .collect()
}

/// What a profile remembers between runs to tell which sessions appeared while it was closed:
/// ids only, which the server shows to anyone who can see the account's keys anyway.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownSessions {
    /// The account and the session of this profile that recorded the list: a list recorded by
    /// another login is no basis for comparison.
    pub user_id: String,
    pub device_id: String,
    pub devices: BTreeSet<String>,
}

impl KnownSessions {
    /// The list as it is now, recorded by session `device_id` of `user_id`.
    pub fn of(user_id: &str, device_id: &str, current: &[Device]) -> Self {
        Self {
            user_id: user_id.to_owned(),
            device_id: device_id.to_owned(),
            devices: current.iter().map(|session| session.device_id.clone()).collect(),
        }
    }
}

/// The sessions to raise an alert for when session `device_id` of `user_id` starts and finds
/// `current`, given what it recorded when it last ran. Nothing on a first start (nothing
/// recorded, or recorded by an earlier login of the profile): every session there is then
/// one the person has not been told about, but also one they cannot tell apart, so the list is
/// just recorded and the session list shows them all.
pub fn since_last_run(
    previous: Option<&KnownSessions>,
    user_id: &str,
    device_id: &str,
    current: &[Device],
) -> Vec<Device> {
    match previous {
        Some(known) if known.user_id == user_id && known.device_id == device_id => {
            new_sessions(&known.devices, current)
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(id: &str, this: bool, seen: Option<u64>) -> Device {
        Device {
            device_id: id.into(),
            name: Some(format!("Laptop {id}")),
            verified: false,
            this_session: this,
            last_seen_ts: seen,
            last_seen_ip: None,
            keys_only: false,
        }
    }

    fn ids(sessions: &[Device]) -> Vec<&str> {
        sessions.iter().map(|s| s.device_id.as_str()).collect()
    }

    #[test]
    fn only_sessions_not_seen_before_are_new_and_never_this_one() {
        let known: BTreeSet<String> = ["A".into(), "B".into()].into();
        let current =
            [session("A", true, None), session("B", false, None), session("C", false, None)];
        assert_eq!(ids(&new_sessions(&known, &current)), ["C"]);
        // This session is new to a list recorded before it existed, but it is not news.
        let current = [session("D", true, None), session("B", false, None)];
        assert!(new_sessions(&known, &current).is_empty());
        // A session signed out since is simply gone, not an alert.
        assert!(new_sessions(&known, &[session("A", true, None)]).is_empty());
    }

    #[test]
    fn a_first_start_records_without_alerting() {
        let current = [session("A", true, None), session("B", false, None)];
        assert!(since_last_run(None, "@me:x", "A", &current).is_empty());
        let recorded = KnownSessions::of("@me:x", "A", &current[..1]);
        assert_eq!(ids(&since_last_run(Some(&recorded), "@me:x", "A", &current)), ["B"]);
        // Recorded by an earlier login of this profile, or another account: start afresh.
        assert!(since_last_run(Some(&recorded), "@me:x", "Z", &current).is_empty());
        assert!(since_last_run(Some(&recorded), "@other:x", "A", &current).is_empty());
    }

    #[test]
    fn the_record_survives_a_round_trip() {
        let recorded = KnownSessions::of("@me:x", "A", &[session("A", true, None)]);
        let text = serde_json::to_string(&recorded).unwrap();
        assert_eq!(serde_json::from_str::<KnownSessions>(&text).unwrap(), recorded);
    }

    #[test]
    fn this_session_comes_first_then_the_most_recently_seen() {
        let mut list = [
            session("B", false, Some(10)),
            session("C", false, None),
            session("A", true, Some(1)),
            session("D", false, Some(20)),
        ];
        sort(&mut list);
        assert_eq!(ids(&list), ["A", "D", "B", "C"]);
    }

    #[test]
    fn a_session_without_a_name_is_named_by_its_id() {
        let mut unnamed = session("QWERTY", false, None);
        unnamed.name = Some("  ".into());
        assert_eq!(unnamed.label(), "QWERTY");
        assert_eq!(session("B", false, None).label(), "Laptop B");
    }

    #[test]
    fn last_seen_says_the_day_and_the_time() {
        let ts = 1_795_303_800_000;
        let today = time::local_day(ts).unwrap();
        let seen = session("A", false, Some(ts)).last_seen(today).unwrap();
        assert_eq!(seen, crate::fl!("moment-today", time = time::clock(ts)));
        let later = session("A", false, Some(ts)).last_seen(today.succ_opt().unwrap()).unwrap();
        assert_eq!(later, crate::fl!("moment-yesterday", time = time::clock(ts)));
        let week = today.checked_add_days(chrono::Days::new(7)).unwrap();
        let long_ago = session("A", false, Some(ts)).last_seen(week).unwrap();
        assert!(long_ago.contains(&time::clock(ts)), "{long_ago}");
        assert_eq!(session("A", false, None).last_seen(today), None);
    }
}
