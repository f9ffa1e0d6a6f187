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
