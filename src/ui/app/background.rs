//! The window comes and goes; the app stays. Closing the window leaves Estafette running
//! behind its tray icon, so that the day's messages still notify; the icon (or a click on a
//! notification) brings the window back, and Ctrl+Q or the icon's menu quit. Without a tray
//! to keep it in, closing quits as it always did, after saying so once.

use iced::widget::{button, column, container, row, text};
use iced::{Element, Length, Task, window};

use super::{App, Message, Screen};
use crate::Launch;
use crate::fl;
use crate::profile::ProfileError;
use crate::ui::desktop::tray::{self, TrayEvent, TrayState};
use crate::ui::failure::Failure;
use crate::ui::widget::style;

impl App {
    /// What the window shows (there is one window at most).
    pub fn window_view(&self, _window: window::Id) -> Element<'_, Message> {
        self.view()
    }

    pub fn window_title(&self, _window: window::Id) -> String {
        self.title()
    }

    pub fn window_theme(&self, _window: window::Id) -> Option<iced::Theme> {
        self.theme()
    }

    /// The window's close button (or the desktop's close): hide behind the tray, or quit.
    pub(super) fn close_requested(&mut self, id: window::Id) -> Task<Message> {
        if self.tray == Some(true) {
            self.window = None;
            tracing::info!("window closed; running on behind the tray icon");
            return window::close(id);
        }
        if self.preferences.told_no_tray {
            return iced::exit();
        }
        tracing::info!(tray = ?self.tray, "window closed with no tray to keep the app in: asking");
        self.asking_quit = true;
        Task::none()
    }

    /// The answer to "closing quits": quit, or keep the window.
    pub(super) fn quit_answer(&mut self, quit: bool) -> Task<Message> {
        self.asking_quit = false;
        let mut told = self.preferences;
        told.told_no_tray = true;
        self.keep(told);
        if quit { iced::exit() } else { Task::none() }
    }

    pub(super) fn tray_event(&mut self, event: TrayEvent) -> Task<Message> {
        match event {
            TrayEvent::Ready(shown) => {
                // Said in the log: until here, closing the window would still quit.
                tracing::info!(shown, "tray-ready");
                self.tray = Some(shown);
                self.show_tray();
                // Started in the background with nowhere to be reopened from: open now.
                if !shown && self.window.is_none() { self.show_window() } else { Task::none() }
            }
            TrayEvent::Open => self.show_window(),
            TrayEvent::ToggleQuiet => {
                let mut changed = self.preferences;
                let now = crate::preferences::now_ms();
                changed.quiet_until = if changed.quiet(now) { None } else { Some(now + QUIET_MS) };
                self.keep(changed);
                if let Screen::Home(signed) = &mut self.screen {
                    signed.home.set_preferences(changed);
                }
                self.show_tray();
                Task::none()
            }
            TrayEvent::Quit => iced::exit(),
        }
    }

    /// Opens the window again, or brings it forward if it is open.
    pub(super) fn show_window(&mut self) -> Task<Message> {
        if let Some(id) = self.window {
            return window::gain_focus(id);
        }
        let (id, opened) = window::open(settings());
        self.window = Some(id);
        let focus = if self.lock.is_some() {
            iced::widget::operation::focus(crate::ui::screen::lock::FIELD)
        } else {
            Task::none()
        };
        opened.discard().chain(focus)
    }

    /// Tells the tray what it shows now (nothing is sent when nothing changed).
    pub(super) fn show_tray(&self) {
        if self.tray != Some(true) {
            return;
        }
        let unread = match &self.screen {
            // Locked, the icon does not say there is news: nothing of the account shows.
            Screen::Home(signed) if self.lock.is_none() => signed.home.rooms_with_news(),
            _ => 0,
        };
        let quiet = self.preferences.quiet(crate::preferences::now_ms());
        tray::show(TrayState { unread, quiet });
    }

    /// Keeps the choice of starting at login, and makes the login entry follow it at once.
    pub(super) fn start_at_login(&mut self, on: bool) -> Task<Message> {
        let kept = self
            .keep_setting(crate::policy::UserKey::StartAtLogin, on)
            .and_then(|()| follow_start_at_login(&self.launch).map_err(Failure::from));
        match kept {
            Ok(()) => Task::none(),
            Err(failure) => super::settings_failed(failure),
        }
    }

    /// "Closing quits": there is no tray here to keep Estafette in.
    pub(super) fn quit_question(&self) -> Element<'_, Message> {
        let buttons = row![
            button(text(fl!("background-keep-open")))
                .style(button::secondary)
                .on_press(Message::QuitAnswer(false)),
            button(text(fl!("background-quit")))
                .style(button::danger)
                .on_press(Message::QuitAnswer(true)),
        ]
        .spacing(12);
        let body = column![
            text(fl!("background-no-tray-title")).size(20),
            text(fl!("background-no-tray")).size(14),
            buttons
        ]
        .spacing(14);
        container(style::modal(body, 520.0, style::dialog)).center(Length::Fill).into()
    }
}

/// Writes or removes the login entry as the policy says: at each start, so that the
/// organisation's value (or a change made from the command line) holds.
pub(super) fn follow_start_at_login(launch: &Launch) -> Result<(), ProfileError> {
    let on = launch.policy.start_at_login.value == crate::policy::Switch::On;
    crate::autostart::apply(&launch.profile, on).map(|_| ())
}

/// "Do not disturb" from the tray: an hour, as the settings' shortest choice.
const QUIET_MS: u64 = 60 * 60 * 1000;

/// The window: its size, its application id, and a close button that asks the app rather
/// than ending it.
pub(super) fn settings() -> window::Settings {
    window::Settings {
        size: iced::Size::new(1100.0, 720.0),
        exit_on_close_request: false,
        #[cfg(target_os = "linux")]
        platform_specific: window::settings::PlatformSpecific {
            application_id: crate::ui::APP_ID.to_owned(),
            ..Default::default()
        },
        ..Default::default()
    }
}
