//! The home screen: the room list beside the open room, driven through the core's handle.

use std::time::Duration;

use iced::task;
use iced::widget::{container, row, text};
use iced::{Element, Length, Task};

use super::room::{self, RoomPane};
use super::room_list::{self, RoomList};
use crate::fl;
use crate::matrix::Handle;
use crate::model::{RoomSummary, SyncStatus};
use crate::policy::UnencryptedSend;

pub struct Home {
    handle: Handle,
    list: RoomList,
    pane: Option<RoomPane>,
    /// Stops following the previously open room.
    watching: Option<task::Handle>,
    status: SyncStatus,
}

#[derive(Debug, Clone)]
pub enum Message {
    List(room_list::Message),
    Room(room::Message),
    /// A command finished; an error is shown in the open room.
    Done(Result<(), String>),
}

impl Home {
    pub fn new(handle: Handle) -> Self {
        Self {
            handle,
            list: RoomList::default(),
            pane: None,
            watching: None,
            status: SyncStatus::Starting,
        }
    }

    pub fn set_rooms(&mut self, rooms: Vec<RoomSummary>) {
        self.list.set_rooms(rooms);
    }

    pub fn set_status(&mut self, status: SyncStatus) {
        self.status = status;
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::List(message) => match self.list.update(message) {
                Some(event) => self.list_event(event),
                None => Task::none(),
            },
            Message::Room(message) => self.room_message(message),
            Message::Done(Err(error)) => self.room_message(room::Message::Failed(error)),
            Message::Done(Ok(())) => Task::none(),
        }
    }

    fn list_event(&mut self, event: room_list::Event) -> Task<Message> {
        match event {
            room_list::Event::Selected(room_id) => self.open(&room_id),
            room_list::Event::Accept(room_id) => {
                self.command(|h| async move { h.join(&room_id).await.map(drop) })
            }
            room_list::Event::Decline(room_id) => {
                self.command(|h| async move { h.leave(&room_id).await })
            }
        }
    }

    fn room_message(&mut self, message: room::Message) -> Task<Message> {
        let Some(pane) = &mut self.pane else { return Task::none() };
        match pane.update(message) {
            Some(room::Event::Send { room_id, text, consent }) => {
                self.command(move |h| async move {
                    // The timeline shows the message at once and follows its delivery.
                    h.send_text(&room_id, &text, consent, Duration::ZERO).await.map(drop)
                })
            }
            Some(room::Event::LoadOlder(room_id)) => {
                self.command(|h| async move { h.load_older(&room_id, 30).await.map(drop) })
            }
            None => Task::none(),
        }
    }

    /// Opens a room and follows it until another one is opened.
    fn open(&mut self, room_id: &str) -> Task<Message> {
        let Some(summary) = self.list.room(room_id) else { return Task::none() };
        let forbid = self.handle.policy().unencrypted_send.value == UnencryptedSend::Forbid;
        self.pane = Some(RoomPane::new(summary, forbid));
        if let Some(previous) = self.watching.take() {
            previous.abort();
        }
        let (task, handle) = Task::run(self.handle.watch_room(room_id), |view| {
            Message::Room(match view {
                Ok(view) => room::Message::Loaded(view),
                Err(error) => room::Message::Failed(error.to_string()),
            })
        })
        .abortable();
        self.watching = Some(handle);
        task
    }

    /// Runs a core command; its error, if any, is shown in the open room.
    fn command<F, Fut>(&self, act: F) -> Task<Message>
    where
        F: FnOnce(Handle) -> Fut,
        Fut: std::future::Future<Output = Result<(), crate::matrix::MatrixError>> + Send + 'static,
    {
        let work = act(self.handle.clone());
        Task::perform(async move { work.await.map_err(|e| e.to_string()) }, Message::Done)
    }

    pub fn view(&self) -> Element<'_, Message> {
        let list = container(self.list.view().map(Message::List)).width(300).height(Length::Fill);
        let pane = match &self.pane {
            Some(pane) => pane.view().map(Message::Room),
            None => container(text(fl!("home-pick-a-room"))).center(Length::Fill).into(),
        };
        let mut page = iced::widget::column![row![list, pane].height(Length::Fill)];
        if let Some(status) = status_line(&self.status) {
            page = page.push(container(text(status).size(12)).padding([2, 8]));
        }
        page.into()
    }
}

/// A line at the bottom while the connection is not simply working.
fn status_line(status: &SyncStatus) -> Option<String> {
    match status {
        SyncStatus::Running | SyncStatus::Stopped => None,
        SyncStatus::Starting => Some(fl!("status-starting")),
        SyncStatus::Offline => Some(fl!("status-offline")),
        SyncStatus::Error(reason) => Some(fl!("status-error", reason = reason.as_str())),
    }
}
