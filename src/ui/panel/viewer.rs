//! The picture viewer over the room: the picture at full size, fitted to the window or at
//! 100 % (scrollable), Save… to keep it, Esc or Close to go back to the conversation.

use iced::widget::{button, column, container, image, row, scrollable, text};
use iced::{ContentFit, Element, Length};

use crate::fl;
use crate::model::picture::Preview;
use crate::ui::failure::Failure;
use crate::ui::widget::style;

/// The longest side the viewer decodes: a 24-megapixel photo fits a screen at this size.
pub const MAX_WIDTH: u32 = 3840;
pub const MAX_HEIGHT: u32 = 2160;

/// The viewer, open on one picture message.
#[derive(Debug)]
pub struct Viewer {
    event_id: String,
    name: String,
    picture: Shown,
    actual_size: bool,
}

#[derive(Debug)]
enum Shown {
    Loading,
    Ready { handle: image::Handle, width: u32, height: u32 },
    Failed(String),
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Result<Preview, Failure>),
    ToggleSize,
    Save,
    Close,
}

/// What the viewer asks of the room pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Save { event_id: String, name: String },
    Closed,
}

impl Viewer {
    /// Opens on a picture being fetched.
    pub fn new(event_id: String, name: String) -> Self {
        Self { event_id, name, picture: Shown::Loading, actual_size: false }
    }

    pub fn event_id(&self) -> &str {
        &self.event_id
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Loaded(Ok(preview)) => {
                let (width, height) = (preview.width, preview.height);
                let handle = image::Handle::from_rgba(width, height, preview.rgba);
                self.picture = Shown::Ready { handle, width, height };
            }
            Message::Loaded(Err(failure)) => self.picture = Shown::Failed(failure.to_string()),
            Message::ToggleSize => self.actual_size = !self.actual_size,
            Message::Save => {
                return Some(Event::Save {
                    event_id: self.event_id.clone(),
                    name: self.name.clone(),
                });
            }
            Message::Close => return Some(Event::Closed),
        }
        None
    }

    pub fn view(&self) -> Element<'_, Message> {
        let size = if self.actual_size { fl!("viewer-fit") } else { fl!("viewer-actual") };
        let mut bar = row![text(self.name.as_str()).size(15).width(Length::Fill)].spacing(8);
        if matches!(self.picture, Shown::Ready { .. }) {
            bar =
                bar.push(button(text(size)).style(button::secondary).on_press(Message::ToggleSize));
        }
        bar = bar.push(button(text(fl!("timeline-save-file"))).on_press(Message::Save)).push(
            button(text(fl!("viewer-close"))).style(button::secondary).on_press(Message::Close),
        );
        let body: Element<'_, Message> = match &self.picture {
            Shown::Loading => centered(text(fl!("viewer-loading"))),
            Shown::Failed(reason) => centered(text(reason.as_str()).style(style::danger_text)),
            Shown::Ready { handle, width, height } if self.actual_size => {
                scrollable(image(handle.clone()).width(*width as f32).height(*height as f32))
                    .direction(scrollable::Direction::Both {
                        vertical: scrollable::Scrollbar::default(),
                        horizontal: scrollable::Scrollbar::default(),
                    })
                    .width(Length::Fill)
                    .height(Length::Fill)
                    .into()
            }
            Shown::Ready { handle, .. } => centered(
                image(handle.clone())
                    .content_fit(ContentFit::ScaleDown)
                    .width(Length::Fill)
                    .height(Length::Fill),
            ),
        };
        let page = column![bar, body].spacing(8).padding(12);
        container(page).width(Length::Fill).height(Length::Fill).style(style::viewer).into()
    }
}

fn centered<'a>(content: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    container(content).center(Length::Fill).into()
}

#[cfg(test)]
mod tests {
    use iced_test::simulator;

    use super::*;

    #[test]
    fn the_viewer_loads_fits_zooms_saves_and_closes() {
        let mut viewer = Viewer::new("$p".into(), "photo.jpg".into());
        {
            let mut ui = simulator(viewer.view());
            assert!(ui.find(fl!("viewer-loading").as_str()).is_ok());
            assert!(ui.find(fl!("viewer-actual").as_str()).is_err(), "nothing to zoom yet");
        }
        let preview = Preview { width: 2, height: 2, rgba: vec![255; 16] };
        viewer.update(Message::Loaded(Ok(preview)));
        {
            let mut ui = simulator(viewer.view());
            let _ = ui.click(fl!("viewer-actual").as_str());
            let clicked: Vec<Message> = ui.into_messages().collect();
            assert!(matches!(clicked.as_slice(), [Message::ToggleSize]), "{clicked:?}");
        }
        viewer.update(Message::ToggleSize);
        assert!(simulator(viewer.view()).find(fl!("viewer-fit").as_str()).is_ok());
        let saved = viewer.update(Message::Save);
        assert_eq!(saved, Some(Event::Save { event_id: "$p".into(), name: "photo.jpg".into() }));
        assert_eq!(viewer.update(Message::Close), Some(Event::Closed));
    }

    #[test]
    fn a_picture_that_cannot_be_read_says_why() {
        let mut viewer = Viewer::new("$p".into(), "photo.jpg".into());
        viewer.update(Message::Loaded(Err(Failure::Picture)));
        assert!(simulator(viewer.view()).find(Failure::Picture.to_string().as_str()).is_ok());
    }
}
