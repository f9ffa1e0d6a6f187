//! Where the window meets the desktop: window state and size, notifications, file dialogs, the
//! tray icon and the async runtime iced runs on.

pub(super) mod executor;
pub(super) mod files;
pub(super) mod notify;
#[cfg(target_os = "linux")]
pub(super) mod tray;
#[cfg(not(target_os = "linux"))]
pub(super) mod tray {
    //! No tray here yet: closing the window quits, as before.
    use iced::Subscription;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum TrayEvent {
        Ready(bool),
        Open,
        ToggleQuiet,
        Quit,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct TrayState {
        pub unread: usize,
        pub quiet: bool,
    }

    pub fn subscription() -> Subscription<TrayEvent> {
        Subscription::run(|| iced::futures::stream::once(async { TrayEvent::Ready(false) }))
    }

    pub fn show(_state: TrayState) {}
}
pub(super) mod window;
