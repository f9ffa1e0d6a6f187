//! The keywords of the settings' notification section: words that notify wherever they are
//! written, kept as the account's push rules (the other clients notify for them too). Found
//! in encrypted messages here, on the decrypted text: the server cannot read them.

use iced::widget::{button, column, row, text, text_input};
use iced::{Element, Length};

use crate::fl;
use crate::ui::failure::Failure;
use crate::ui::widget::style;

#[derive(Debug, Default)]
pub struct Keywords {
    /// The account's keywords, once read.
    list: Option<Vec<String>>,
    typed: String,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Result<Vec<String>, Failure>),
    Typed(String),
    Add,
    Remove(String),
}

/// What the section asks of the core; each answer comes back as `Loaded`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Add(String),
    Remove(String),
}

impl Keywords {
    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Loaded(Ok(list)) => {
                self.list = Some(list);
                self.error = None;
            }
            Message::Loaded(Err(error)) => self.error = Some(error.to_string()),
            Message::Typed(typed) => self.typed = typed,
            Message::Add => {
                let word = self.typed.trim().to_owned();
                if word.is_empty() {
                    return None;
                }
                self.typed.clear();
                return Some(Event::Add(word));
            }
            Message::Remove(word) => return Some(Event::Remove(word)),
        }
        None
    }

    pub fn view(&self) -> Element<'_, Message> {
        let mut section = column![text(fl!("keywords-title")).size(14)].spacing(6);
        match &self.list {
            None => section = section.push(text(fl!("keywords-loading")).size(12)),
            Some(list) if list.is_empty() => {
                section = section.push(text(fl!("keywords-none")).size(12).color(style::MUTED));
            }
            Some(list) => {
                for word in list {
                    let remove = button(text(fl!("keywords-remove")).size(12))
                        .style(button::secondary)
                        .padding([2, 8])
                        .on_press(Message::Remove(word.clone()));
                    let line = row![text(word.as_str()).size(13).width(Length::Fill), remove];
                    section = section.push(line.spacing(8).align_y(iced::Alignment::Center));
                }
            }
        }
        let field = text_input(&fl!("keywords-placeholder"), &self.typed)
            .on_input(Message::Typed)
            .on_submit(Message::Add)
            .size(13);
        let add = button(text(fl!("keywords-add")).size(13)).on_press(Message::Add);
        section = section.push(row![field, add].spacing(8).align_y(iced::Alignment::Center));
        if let Some(error) = &self.error {
            section = section.push(style::error_box(error));
        }
        section.push(text(fl!("keywords-note")).size(12).color(style::MUTED)).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced_test::simulator;

    #[test]
    fn a_keyword_is_added_from_the_field_and_removed_from_its_line() {
        let mut keywords = Keywords::default();
        keywords.update(Message::Loaded(Ok(vec!["budget".into()])));
        keywords.update(Message::Typed("  préfecture ".into()));
        assert_eq!(keywords.update(Message::Add), Some(Event::Add("préfecture".into())));
        assert_eq!(keywords.update(Message::Add), None, "an empty field adds nothing");
        let clicked: Vec<Message> = {
            let mut ui = simulator(keywords.view());
            assert!(ui.find("budget").is_ok());
            let _ = ui.click(fl!("keywords-remove").as_str());
            ui.into_messages().collect()
        };
        let asked: Vec<Event> = clicked.into_iter().filter_map(|m| keywords.update(m)).collect();
        assert_eq!(asked, [Event::Remove("budget".into())]);
    }
}
