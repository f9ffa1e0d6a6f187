//! Desktop notifications. They never show the message text: only that there is something new
//! and where — or, where the policy hides notification content, not even where. Clicking one
//! opens the room. One notification per room: a new one replaces the room's last, and reading
//! the room (here or in another client) withdraws it.

use iced::Task;

use crate::fl;
use crate::model::notice::Notice;

/// Shows `notice` (without its room when `hidden`); the task ends with the room's id if the
/// user clicked the notification.
pub fn show(notice: Notice, hidden: bool) -> Task<Option<String>> {
    Task::perform(
        async move {
            let shown = tokio::task::spawn_blocking(move || display(&notice, hidden)).await;
            shown.ok().flatten()
        },
        |clicked| clicked,
    )
}

fn display(notice: &Notice, hidden: bool) -> Option<String> {
    let title = if hidden {
        fl!("notify-hidden")
    } else if notice.mention {
        fl!("notify-mention", room = notice.room.as_str())
    } else {
        fl!("notify-message", room = notice.room.as_str())
    };
    let mut notification = notify_rust::Notification::new();
    notification.appname("Estafette").summary(&title).body(&fl!("notify-body"));
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        // Waiting for a click holds a thread until the notification closes, which some
        // notification servers never say: past a few waiting, new ones are shown unclickable
        // rather than letting a flood of mentions use up the threads.
        let Some(_waiting) = Waiting::enter() else {
            let _ = notification.show();
            return None;
        };
        notification.action("default", &fl!("notify-open"));
        if let Some(id) = shown::of(&notice.room_id) {
            notification.id(id);
        }
        let handle = match notification.show() {
            Ok(handle) => handle,
            Err(error) => {
                tracing::info!(%error, "no notification service");
                return None;
            }
        };
        let id = handle.id();
        shown::keep(&notice.room_id, id);
        let mut clicked = false;
        handle.wait_for_action(|action| clicked = action == "default");
        shown::gone(&notice.room_id, id);
        clicked.then(|| notice.room_id.clone())
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        let _ = notification.show();
        None
    }
}

/// Withdraws the notification `room_id` has on screen, if any: the room was read.
pub fn withdraw(room_id: String) -> Task<()> {
    Task::perform(
        async move {
            #[cfg(all(unix, not(target_os = "macos")))]
            if let Some(id) = shown::take(&room_id) {
                let _ = tokio::task::spawn_blocking(move || shown::close(id)).await;
            }
            #[cfg(not(all(unix, not(target_os = "macos"))))]
            drop(room_id);
        },
        |()| (),
    )
}

/// The notification each room has on screen, by the id the notification service gave it.
#[cfg(all(unix, not(target_os = "macos")))]
mod shown {
    use std::collections::HashMap;
    use std::sync::Mutex;

    static SHOWN: Mutex<Option<HashMap<String, u32>>> = Mutex::new(None);

    fn with<T>(work: impl FnOnce(&mut HashMap<String, u32>) -> T) -> T {
        let mut guard = SHOWN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        work(guard.get_or_insert_with(HashMap::new))
    }

    pub fn of(room_id: &str) -> Option<u32> {
        with(|shown| shown.get(room_id).copied())
    }

    pub fn keep(room_id: &str, id: u32) {
        with(|shown| shown.insert(room_id.to_owned(), id));
    }

    pub fn take(room_id: &str) -> Option<u32> {
        with(|shown| shown.remove(room_id))
    }

    /// The notification closed (clicked, dismissed, expired): forgotten, unless a newer one
    /// of the room took its place meanwhile.
    pub fn gone(room_id: &str, id: u32) {
        with(|shown| {
            if shown.get(room_id).copied() == Some(id) {
                shown.remove(room_id);
            }
        });
    }

    /// Asks the notification service to close notification `id` (the freedesktop call).
    pub fn close(id: u32) {
        let closed = zbus::blocking::Connection::session().and_then(|bus| {
            bus.call_method(
                Some("org.freedesktop.Notifications"),
                "/org/freedesktop/Notifications",
                Some("org.freedesktop.Notifications"),
                "CloseNotification",
                &(id,),
            )
            .map(drop)
        });
        if let Err(error) = closed {
            tracing::info!(%error, "a notification could not be withdrawn");
        }
    }
}

/// The notifications waiting for a click now, at most `MAX` of them.
#[cfg(all(unix, not(target_os = "macos")))]
struct Waiting;

#[cfg(all(unix, not(target_os = "macos")))]
static WAITING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

#[cfg(all(unix, not(target_os = "macos")))]
impl Waiting {
    const MAX: usize = 8;

    fn enter() -> Option<Self> {
        use std::sync::atomic::Ordering;
        let taken = WAITING
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| (n < Self::MAX).then_some(n + 1));
        taken.ok().map(|_| Self)
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
impl Drop for Waiting {
    fn drop(&mut self) {
        WAITING.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

#[cfg(all(test, unix, not(target_os = "macos")))]
mod tests {
    use super::*;

    #[test]
    fn a_rooms_notification_is_replaced_by_its_next_and_forgotten_once_closed() {
        shown::keep("!r:x", 7);
        assert_eq!(shown::of("!r:x"), Some(7));
        // The first closes after the second replaced it: the second is still the room's.
        shown::keep("!r:x", 8);
        shown::gone("!r:x", 7);
        assert_eq!(shown::of("!r:x"), Some(8));
        shown::gone("!r:x", 8);
        assert_eq!(shown::of("!r:x"), None);
        shown::keep("!r:x", 9);
        assert_eq!(shown::take("!r:x"), Some(9));
        assert_eq!(shown::of("!r:x"), None);
    }

    #[test]
    fn only_a_few_notifications_wait_for_a_click_at_once() {
        let held: Vec<Waiting> = std::iter::from_fn(Waiting::enter).take(100).collect();
        assert_eq!(held.len(), Waiting::MAX);
        assert!(Waiting::enter().is_none());
        drop(held);
        assert!(Waiting::enter().is_some());
    }
}
