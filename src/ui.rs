//! The desktop front end, the only code that names iced: a root `App` routing between the
//! login and home screens, fed by the core's event stream as a subscription.

mod app;
mod desktop;
mod failure;
mod panel;
mod screen;
mod widget;

pub use crate::Launch;

/// The bundled UI font, so text renders on a machine with no fonts installed.
const FONT_REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");
/// Colour emoji (COLR outlines, 1.4 MB), for reactions and the verification emoji: the system
/// may have no emoji font at all.
const FONT_EMOJI: &[u8] = include_bytes!("../assets/fonts/TwemojiMozilla.ttf");

/// Chooses iced's CPU renderer (tiny-skia) unless `ICED_BACKEND` says otherwise. A chat window
/// redraws little, and the GPU path costs much memory where it matters most: on a laptop
/// without a usable GPU driver, Mesa's software OpenGL (llvmpipe) maps about 110 MB of LLVM
/// and driver code (measured: 191 MB RSS with it, 82 MB without, same debug build). The GPU
/// renderer stays as the fallback, and `ICED_BACKEND=wgpu` picks it first.
///
/// Call it first thing in `main`, while the process has one thread: it sets an environment
/// variable.
pub fn prefer_software_renderer() {
    if std::env::var_os("ICED_BACKEND").is_none() {
        // SAFETY: called at the top of `main`, before any other thread exists, so nothing
        // reads or writes the environment concurrently.
        unsafe { std::env::set_var("ICED_BACKEND", "tiny-skia,wgpu") };
    }
}

/// Opens the window and runs until the user quits: closing the window leaves the app
/// running behind its tray icon (a daemon, in iced's words, with one window at most).
pub fn run(launch: Launch) -> iced::Result {
    // Names from other people sit inside the window's sentences: isolate them (review H3).
    crate::i18n::isolate_placeables(true);
    iced::daemon(move || app::App::boot(launch.clone()), app::App::update, app::App::window_view)
        .executor::<desktop::executor::Runtime>()
        .font(FONT_REGULAR)
        .font(FONT_BOLD)
        .font(FONT_EMOJI)
        .default_font(widget::style::UI)
        .title(app::App::window_title)
        .subscription(app::App::subscription)
        .theme(app::App::window_theme)
        .run()
}

/// The application id the desktop file names (`StartupWMClass`), so docks group the window
/// under Estafette's icon.
pub const APP_ID: &str = "fr.estafette.Estafette";

#[cfg(test)]
pub(crate) mod testing {
    //! What the screens' simulator tests share.
    use iced_test::selector::Candidate;

    /// Selects a text whose words include `part`: a sentence built around a name.
    pub fn containing(part: &str) -> impl FnMut(Candidate<'_>) -> Option<()> + Send + '_ {
        move |candidate| match candidate {
            Candidate::Text { content, .. } if content.contains(part) => Some(()),
            _ => None,
        }
    }
}
