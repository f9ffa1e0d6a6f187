//! The one way a secret is typed in the window (a password, a recovery key): a masked field
//! whose every keystroke arrives as a `SecretText`, zeroized when the next one replaces it and
//! `[redacted]` in any `Debug` of the screen's messages.

use iced::widget::{TextInput, text_input};

use crate::secret::SecretText;

/// A masked field with `id`, showing `value`; `typed` wraps each new text in the screen's
/// message, and Enter sends `submit`.
pub fn field<'a, Message: Clone + 'a>(
    id: &'static str,
    placeholder: &str,
    value: &'a SecretText,
    typed: fn(SecretText) -> Message,
    submit: Message,
) -> TextInput<'a, Message> {
    text_input(placeholder, value.expose())
        .id(id)
        .secure(true)
        .on_input(move |text| typed(SecretText::new(text)))
        .on_submit(submit)
        .padding(8)
}
