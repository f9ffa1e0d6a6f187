//! Desktop notifications. They never show the message text: only that there is something new
//! and where — or, where the policy hides notification content, not even where. Clicking one
//! opens the room.

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
        let handle = match notification.show() {
            Ok(handle) => handle,
            Err(error) => {
                tracing::info!(%error, "no notification service");
                return None;
            }
        };
        let mut clicked = false;
        handle.wait_for_action(|action| clicked = action == "default");
        clicked.then(|| notice.room_id.clone())
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        let _ = notification.show();
        None
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
    fn only_a_few_notifications_wait_for_a_click_at_once() {
        let held: Vec<Waiting> = std::iter::from_fn(Waiting::enter).take(100).collect();
        assert_eq!(held.len(), Waiting::MAX);
        assert!(Waiting::enter().is_none());
        drop(held);
        assert!(Waiting::enter().is_some());
    }
}
