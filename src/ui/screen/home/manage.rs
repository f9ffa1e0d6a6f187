//! What the home screen asks of the core to manage rooms: the member panel's list and
//! actions, the room settings, the directory and spaces, joining and opening. Each answer
//! comes back as the message of the panel that asked.

use iced::Task;

use super::Message;
use crate::matrix::Handle;
use crate::ui::failure::Failure;
use crate::ui::panel::{directory, members, room, room_settings};

/// The room pane's requests about its members and settings (`room_request` sends them here).
pub(super) fn request(handle: Handle, event: room::Event) -> Task<Message> {
    match event {
        room::Event::Moderate { room_id, user, act, reason } => {
            Task::perform(moderate(handle, room_id, user, act, reason), member_done)
        }
        room::Event::SearchPeople(term) => Task::perform(
            async move { (handle.search_people(&term, 5).await, term) },
            |(found, term)| {
                let found = found.map_err(Failure::from);
                Message::Room(room::Message::Members(members::Message::Found(term, found)))
            },
        ),
        room::Event::PersonSessions(user) => {
            Task::perform(
                async move { handle.person_sessions(&user).await.map(|s| (user, s)) },
                |found| {
                    let message = match found {
                        Ok((user, sessions)) => members::Message::Sessions(user, Ok(sessions)),
                        // Without the person's ID in the answer, the panel shows it where it can.
                        Err(error) => members::Message::Failed(error.into()),
                    };
                    Message::Room(room::Message::Members(message))
                },
            )
        }
        room::Event::MemberFaces(urls) => Task::run(faces(handle, urls), |(url, face)| {
            Message::Room(room::Message::Members(members::Message::Face(url, face)))
        }),
        room::Event::LoadSettings(room_id) => {
            Task::perform(async move { handle.room_settings(&room_id).await }, |found| {
                let message = match found {
                    Ok(settings) => room_settings::Message::Loaded(settings),
                    Err(error) => room_settings::Message::Failed(error.into()),
                };
                Message::Room(room::Message::Settings(message))
            })
        }
        room::Event::ChangeSettings {
            room_id,
            change: room_settings::Change::Leave { forget },
        } => {
            let left = async move { handle.leave_room(&room_id, forget).await.map(|()| room_id) };
            Task::perform(left, |outcome| Message::Left(outcome.map_err(Failure::from)))
        }
        room::Event::ChangeSettings { room_id, change } => {
            Task::perform(change_settings(handle, room_id, change), |outcome| {
                Message::Room(room::Message::Settings(room_settings::Message::Done(outcome)))
            })
        }
        room::Event::JoinAndOpen(room_id) => join_and_open(handle, room_id),
        room::Event::SetNotify { room_id, mode } => Task::perform(
            async move { handle.set_notify_mode(&room_id, Some(mode)).await.map(drop) },
            |outcome| Message::Done(outcome.map_err(Failure::from)),
        ),
        room::Event::Invite { room_id, user } => Task::perform(
            async move { handle.invite(&room_id, &user).await.map_err(Failure::from) },
            member_done,
        ),
        // The other events of the pane are `room_request`'s.
        _ => Task::none(),
    }
}

/// The directory searched, or a room joined (by address or from the directory) and opened.
pub(super) fn directory(handle: Handle, event: directory::Event) -> Task<Message> {
    match event {
        directory::Event::Find { search, server } => Task::perform(
            async move { handle.directory(&search, server.as_deref()).await },
            |found| Message::Directory(directory::Message::Found(found.map_err(Failure::from))),
        ),
        directory::Event::SpaceRooms(space) => {
            Task::perform(async move { handle.space_rooms(&space).await }, |found| {
                Message::Directory(directory::Message::Found(found.map_err(Failure::from)))
            })
        }
        directory::Event::Join(room) => join_and_open(handle, room),
        directory::Event::Knock(room) => {
            Task::perform(async move { handle.knock(&room, None).await }, |knocked| {
                Message::Directory(directory::Message::Knocked(knocked.map_err(Failure::from)))
            })
        }
        // The screen handles these itself.
        directory::Event::Open(_) | directory::Event::Closed => Task::none(),
    }
}

/// Joins a room (nothing to do if already in it) and shows it.
fn join_and_open(handle: Handle, room: String) -> Task<Message> {
    Task::perform(async move { handle.join(&room).await }, |joined| {
        Message::Opened(joined.map_err(Failure::from))
    })
}

/// How many pictures are fetched at once: the first rows fill in quickly without a hundred
/// requests racing each other.
const FACES_AT_ONCE: usize = 6;

/// Members' pictures, cut round, as each arrives; one that cannot be had (or is not a
/// picture) is `None` and the initial stays.
fn faces(
    handle: Handle,
    urls: Vec<String>,
) -> impl futures_util::Stream<Item = (String, Option<iced::widget::image::Handle>)> {
    use futures_util::StreamExt;
    futures_util::stream::iter(urls)
        .map(move |url| {
            let handle = handle.clone();
            async move {
                let face = match handle.face(&url).await {
                    Ok(bytes) => super::effects::round(bytes, members::FACE_SIDE).await,
                    Err(error) => {
                        tracing::debug!(%error, "a member's picture could not be fetched");
                        None
                    }
                };
                (url, face)
            }
        })
        .buffer_unordered(FACES_AT_ONCE)
}

/// The room's members for the panel beside it.
pub(super) fn load_members(handle: Handle, room_id: String) -> Task<Message> {
    Task::perform(async move { handle.member_list(&room_id).await }, |found| {
        let message = match found {
            Ok(list) => members::Message::Loaded(list),
            Err(error) => members::Message::Failed(error.into()),
        };
        Message::Room(room::Message::Members(message))
    })
}

/// An action on a member, confirmed in the panel.
async fn moderate(
    handle: Handle,
    room_id: String,
    user: String,
    act: members::Act,
    reason: Option<String>,
) -> Result<(), Failure> {
    let reason = reason.as_deref();
    let done = match act {
        members::Act::Kick => handle.kick(&room_id, &user, reason).await,
        members::Act::Ban => handle.ban(&room_id, &user, reason).await,
        members::Act::Unban => handle.unban(&room_id, &user, reason).await,
        members::Act::Role(choice) => handle.set_role(&room_id, &user, choice).await,
        members::Act::Ignore => handle.ignore(&user).await,
    };
    done.map_err(Failure::from)
}

/// A change of the room's settings, confirmed in the dialog.
async fn change_settings(
    handle: Handle,
    room_id: String,
    change: room_settings::Change,
) -> Result<(), Failure> {
    use room_settings::Change;
    let done = match change {
        Change::Rename(name) => handle.rename(&room_id, &name).await,
        Change::Topic(topic) => handle.set_topic(&room_id, &topic).await,
        Change::JoinRule(rule) => handle.set_join_rule(&room_id, rule).await,
        Change::History(history) => handle.set_history(&room_id, history).await,
        Change::Guests(allowed) => handle.set_guests(&room_id, allowed).await,
        Change::Picture(room_settings::Picture::Remove) => {
            handle.set_room_avatar(&room_id, None).await
        }
        Change::Picture(room_settings::Picture::Pick) => {
            let title = crate::fl!("room-settings-picture-pick");
            // Cancelled: nothing to change.
            let Some(path) = crate::ui::desktop::files::pick(title).await? else {
                return Ok(());
            };
            handle.set_room_avatar(&room_id, Some(&path)).await
        }
        Change::Encrypt => handle.enable_encryption(&room_id).await,
        Change::Leave { forget } => handle.leave_room(&room_id, forget).await,
    };
    done.map_err(Failure::from)
}

fn member_done(outcome: Result<(), Failure>) -> Message {
    Message::Room(room::Message::Members(members::Message::Done(outcome)))
}

/// The local index searched; the panel keeps the answer if it is still for what is typed.
pub(super) fn search(handle: Handle, event: crate::ui::panel::search::Event) -> Task<Message> {
    use crate::ui::panel::search;
    let search::Event::Find { query, room } = event else { return Task::none() };
    Task::perform(
        async move {
            let found = handle.search(&query, room.as_deref(), search::LIMIT).await;
            (query, found)
        },
        |(query, found)| {
            Message::Search(search::Message::Found(query, found.map_err(Failure::from)))
        },
    )
}
