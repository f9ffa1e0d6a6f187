//! The desktop front end, the only code that names iced: a root `App` routing between the
//! login and home screens, fed by the core's event stream as a subscription.

mod app;
mod home;
mod login;
mod room;
mod room_list;
mod style;

use crate::policy::Policy;
use crate::profile::Profile;

/// What the window needs to start: whose profile, under which policy.
#[derive(Debug, Clone)]
pub struct Launch {
    pub profile: Profile,
    pub policy: Policy,
}

/// Opens the window and runs until it is closed.
pub fn run(launch: Launch) -> iced::Result {
    iced::application(move || app::App::boot(launch.clone()), app::App::update, app::App::view)
        .title(app::App::title)
        .subscription(app::App::subscription)
        .theme(app::App::theme)
        .window_size((1100.0, 720.0))
        .run()
}
