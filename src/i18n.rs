//! Every user-visible string: Fluent bundles for English and French, chosen from the system languages.

use std::sync::LazyLock;

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

/// Selects the user's language: `ESTAFETTE_LANG` if set (tests, support calls), else the system's.
pub fn init() {
    let requested = match std::env::var("ESTAFETTE_LANG") {
        Ok(tag) => tag.parse().map(|lang| vec![lang]).unwrap_or_default(),
        Err(_) => DesktopLanguageRequester::requested_languages(),
    };
    if let Err(error) = i18n_embed::select(&*LOADER, &Localizations, &requested) {
        eprintln!("estafette: could not load translations: {error}");
    }
    // Selecting a language loads fresh bundles, which isolate again by default.
    LOADER.set_use_isolating(false);
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
