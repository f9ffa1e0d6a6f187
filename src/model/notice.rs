//! Which room changes deserve a desktop notification: a new message where the room's mode
//! notifies every message, a new mention (or keyword) where it notifies those, nothing where
//! it is muted; never in the room the user is looking at.

use super::{Membership, RoomSummary};

/// One notification to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub room_id: String,
    pub room: String,
    /// The user was mentioned (not only a direct message).
    pub mention: bool,
}

/// The notices that going from `before` to `after` calls for. The first list after start-up
/// (`before` empty) calls for none: old unread messages are not news.
pub fn notices(before: &[RoomSummary], after: &[RoomSummary], open: Option<&str>) -> Vec<Notice> {
    if before.is_empty() {
        return Vec::new();
    }
    after
        .iter()
        .filter(|room| room.membership == Membership::Joined && Some(room.room_id.as_str()) != open)
        .filter_map(|room| {
            let old = before.iter().find(|old| old.room_id == room.room_id)?;
            let mention = room.highlights > old.highlights;
            let news = room.unread > old.unread && room.notify.notifies(mention);
            news.then(|| Notice { room_id: room.room_id.clone(), room: room.name.clone(), mention })
        })
        .collect()
}

/// The rooms that had unread messages in `before` and have none in `after`: read here or in
/// another client, their notification is withdrawn.
pub fn read_since(before: &[RoomSummary], after: &[RoomSummary]) -> Vec<String> {
    let had_news: std::collections::HashSet<&str> =
        before.iter().filter(|room| room.unread > 0).map(|room| room.room_id.as_str()).collect();
    after
        .iter()
        .filter(|room| room.unread == 0 && had_news.contains(room.room_id.as_str()))
        .map(|room| room.room_id.clone())
        .collect()
}

/// How many joined rooms have unread messages that notify: the count the window title shows.
pub fn with_news(rooms: &[RoomSummary]) -> usize {
    let news = |room: &&RoomSummary| {
        room.membership == Membership::Joined
            && room.unread > 0
            && room.notify.notifies(room.highlights > 0)
    };
    rooms.iter().filter(news).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::notify::NotifyMode;

    fn room(id: &str, dm: bool, unread: u64, highlights: u64) -> RoomSummary {
        RoomSummary {
            room_id: id.into(),
            name: id.into(),
            dm,
            encrypted: true,
            public: false,
            unread,
            highlights,
            membership: Membership::Joined,
            last_message: None,
            last_activity: 0,
            inviter: None,
            partners: Vec::new(),
            space: false,
            in_spaces: Vec::new(),
            notify: crate::model::notify::NotifyMode::default(),
        }
    }

    fn with(notify: NotifyMode, summary: RoomSummary) -> RoomSummary {
        RoomSummary { notify, ..summary }
    }

    #[test]
    fn each_room_notifies_as_its_mode_says() {
        use NotifyMode::{All, Mentions, Mute};
        let before = [
            room("dm", true, 0, 0),
            with(Mentions, room("group", false, 0, 0)),
            with(Mentions, room("ping", false, 1, 0)),
            with(Mute, room("quiet", false, 0, 0)),
            with(All, room("busy", false, 0, 0)),
        ];
        let after = [
            room("dm", true, 1, 0),
            with(Mentions, room("group", false, 3, 0)),
            with(Mentions, room("ping", false, 2, 1)),
            with(Mute, room("quiet", false, 5, 1)),
            with(All, room("busy", false, 1, 0)),
        ];
        let shown = notices(&before, &after, None);
        let ids: Vec<&str> = shown.iter().map(|n| n.room_id.as_str()).collect();
        assert_eq!(ids, ["dm", "ping", "busy"], "{shown:?}");
        assert!(shown.iter().any(|n| n.room_id == "ping" && n.mention));
    }

    #[test]
    fn the_title_counts_rooms_with_news_but_not_muted_ones() {
        use NotifyMode::{Mentions, Mute};
        let rooms = [
            room("dm", true, 2, 0),
            room("read", false, 0, 0),
            with(Mute, room("quiet", false, 9, 1)),
            with(Mentions, room("chatty", false, 4, 0)),
            with(Mentions, room("ping", false, 4, 1)),
        ];
        assert_eq!(with_news(&rooms), 2);
    }

    #[test]
    fn a_room_read_since_the_last_list_is_named_once() {
        let before =
            [room("dm", true, 2, 0), room("group", false, 0, 0), room("ping", false, 1, 1)];
        let after = [room("dm", true, 0, 0), room("group", false, 0, 0), room("ping", false, 1, 1)];
        assert_eq!(read_since(&before, &after), ["dm"]);
        assert!(read_since(&after, &after).is_empty());
    }

    #[test]
    fn the_open_room_and_the_first_list_stay_quiet() {
        let before = [room("dm", true, 0, 0)];
        let after = [room("dm", true, 1, 0)];
        assert!(notices(&before, &after, Some("dm")).is_empty());
        assert!(notices(&[], &after, None).is_empty());
    }
}
