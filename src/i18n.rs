//! Every user-visible string: Fluent bundles for English and French, chosen from the system languages.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, Ordering};

use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use i18n_embed::{DesktopLanguageRequester, LanguageLoader};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Localizations;

/// The loader behind [`fl!`](crate::fl); English is always loaded as the fallback.
pub static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    // The English bundle is compiled in and checked by `fl!` at build time, so it always loads.
    if let Err(error) = loader.load_fallback_language(&Localizations) {
        eprintln!("estafette: built-in English strings failed to load: {error}");
    }
    // Unicode isolation marks would end up in terminal output and in machine-read lines.
    loader.set_use_isolating(false);
    loader
});

/// Whether values placed in sentences are wrapped in Unicode isolation marks (FSI…PDI): on in
/// the window, where a name placed in a sentence could otherwise reorder the rest of it (a
/// right-to-left name, or one with direction marks); off on the command line, whose lines
/// scripts read.
static ISOLATE: AtomicBool = AtomicBool::new(false);

/// Turns isolation of placed values on (the desktop app) or off.
pub fn isolate_placeables(on: bool) {
    ISOLATE.store(on, Ordering::Relaxed);
    LOADER.set_use_isolating(on);
}

/// Selects the system's language (or `ESTAFETTE_LANG`, for tests and support calls), before
/// any profile is known: the command line's own help is in it.
pub fn init() {
    choose(None);
}

/// Selects the language the user chose (`Some("fr")`), or the system's when `None`. Called
/// again when the choice changes: the next drawn frame is in the new language.
pub fn choose(tag: Option<&str>) {
    let forced = tag.map(str::to_owned).or_else(|| std::env::var("ESTAFETTE_LANG").ok());
    let requested = match forced {
        Some(tag) => tag.parse().map(|lang| vec![lang]).unwrap_or_default(),
        None => DesktopLanguageRequester::requested_languages(),
    };
    // English stays loaded as the fallback whatever is chosen.
    if let Err(error) = i18n_embed::select(&*LOADER, &Localizations, &requested) {
        eprintln!("estafette: could not load translations: {error}");
    }
    // Selecting a language loads fresh bundles, which isolate by default: keep the choice.
    LOADER.set_use_isolating(ISOLATE.load(Ordering::Relaxed));
}

/// The language tags that ship with the application.
pub fn available() -> Vec<String> {
    LOADER
        .available_languages(&Localizations)
        .map(|langs| langs.iter().map(ToString::to_string).collect())
        .unwrap_or_default()
}

/// Looks up a localized message by id, checked at compile time against the English bundle.
#[macro_export]
macro_rules! fl {
    ($id:literal) => {{
        i18n_embed_fl::fl!($crate::i18n::LOADER, $id)
    }};
    ($id:literal, $($args:tt)*) => {{
        i18n_embed_fl::fl!($crate::i18n::LOADER, $id, $($args)*)
    }};
}
