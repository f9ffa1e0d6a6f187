//! The other accounts on this computer (one profile each), each with a button that opens it in
//! a window of its own: shown in the settings and under the login form.

use iced::widget::{Column, button, row, text};
use iced::{Element, Length};

use crate::fl;
use crate::profile::Neighbour;

/// One line per other account; `open` makes the message that opens a profile by name.
pub fn list<'a, Message: Clone + 'a>(
    neighbours: &'a [Neighbour],
    open: impl Fn(String) -> Message,
) -> Column<'a, Message> {
    let lines = neighbours.iter().map(|neighbour| {
        let who = match &neighbour.user_id {
            Some(user) => user.clone(),
            None => fl!("settings-account-signed-out", profile = neighbour.name.as_str()),
        };
        let button = button(text(fl!("settings-account-open")).size(13))
            .style(button::secondary)
            .padding([2, 10])
            .on_press(open(neighbour.name.clone()));
        let line: Element<'a, Message> = row![text(who).width(Length::Fill), button]
            .spacing(8)
            .align_y(iced::Alignment::Center)
            .into();
        line
    });
    Column::with_children(lines).spacing(6)
}
