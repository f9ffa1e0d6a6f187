//! Performs what the home screen asks for (`Request`) against the core's handle and the
//! desktop, and turns each answer into a home `Message`. The only code of the home screen that
//! holds the `Handle`; the screen itself stays pure state and can be tested without a server.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use iced::Task;
use iced::futures::StreamExt as _;
use iced::task;

use super::Message;
use super::avatar::{self, SIDE};
use super::manage;
use super::request::{Asker, Request, Whom};
use super::trust;
use crate::fl;
use crate::matrix::{Handle, MatrixError, PictureSize, TransferStep};
use crate::model::avatar as picture;
use crate::model::mention::Outgoing;
use crate::model::recovery::format_key;
use crate::secret::{Password, RecoveryKey};
use crate::ui::desktop::{files, notify};
use crate::ui::failure::Failure;
use crate::ui::panel::keywords;
use crate::ui::panel::sessions::{self, Outcome, Target};
use crate::ui::panel::settings::{self, AvatarChange};
use crate::ui::panel::{
    around, gallery, pictures, recovery, room, room_list, thread, verify, viewer,
};
use crate::ui::widget::{dialog, password, style};

/// The running core as the home screen's requests reach it.
pub struct Core {
    handle: Handle,
    /// Stops following the previously open room.
    watching: Option<task::Handle>,
    /// Stops following the thread open beside it.
    thread: Option<task::Handle>,
    /// Stops following the messages around one shown in its place.
    around: Option<task::Handle>,
}

impl Core {
    pub fn new(handle: Handle) -> Self {
        Self { handle, watching: None, thread: None, around: None }
    }

    /// The core's handle, for what the app does beside the home screen (the idle lock).
    pub fn handle(&self) -> &Handle {
        &self.handle
    }

    /// Performs every request; their answers arrive as messages.
    pub fn perform(&mut self, requests: Vec<Request>) -> Task<Message> {
        Task::batch(requests.into_iter().map(|request| self.one(request)))
    }

    fn one(&mut self, request: Request) -> Task<Message> {
        let handle = self.handle.clone();
        match request {
            Request::CheckTrust => {
                answer(async move { handle.recovery_status().await }, |status| {
                    Message::Trust(trust::Message::Status(status))
                })
            }
            Request::LoadSettings => load_settings(handle),
            Request::LoadAvatar => Task::perform(fetch_avatar(handle), |picture| {
                Message::Avatar(avatar::Message::Fetched(picture))
            }),
            Request::ChooseAvatar => Task::perform(publish_avatar(handle), avatar_changed),
            Request::RemoveAvatar => answer(
                async move { handle.remove_avatar().await.map(|()| AvatarChange::Removed) },
                avatar_changed,
            ),
            Request::Keywords(change) => keywords(handle, change),
            Request::SetDisplayName(name) => {
                answer(async move { handle.set_display_name(&name).await }, |saved| {
                    Message::Settings(settings::Message::NameSaved(saved))
                })
            }
            Request::ChangePassword { current, new, sign_out_others } => answer(
                async move { handle.change_password(&current, &new, sign_out_others).await },
                |done| {
                    Message::Settings(settings::Message::Password(password::Message::Done(done)))
                },
            ),
            Request::LogOut { wipe } => {
                answer(async move { handle.log_out(wipe).await.map(drop) }, Message::LoggedOut)
            }
            Request::NewRecoveryKey { replace } => new_recovery_key(handle, replace),
            Request::ResetIdentity(password) => reset_identity(handle, password),
            Request::Recover(key) => answer(async move { handle.recover(&key).await }, |done| {
                Message::Recovery(recovery::Message::Recovered(done))
            }),
            Request::CopyRecoveryKey(key) => copy_key(&key),
            Request::SaveRecoveryKey(key) => Task::perform(save_key(key), |saved| {
                Message::Recovery(recovery::Message::Saved(saved))
            }),
            Request::Watch(room_id) => self.watch(&room_id),
            // A receipt that could not be sent is sent with the next message seen.
            Request::MarkRead(room_id) => Task::future(async move {
                if let Err(error) = handle.mark_read(&room_id).await {
                    tracing::debug!(%error, "read receipt not sent");
                }
            })
            .discard(),
            Request::LoadDraft(room_id) => {
                Task::perform(async move { handle.draft(&room_id).await }, |draft| match draft {
                    Ok(Some(text)) => Message::Room(room::Message::Draft(text)),
                    Ok(None) => Message::Done(Ok(())),
                    Err(error) => Message::Done(Err(error.into())),
                })
            }
            // A draft that could not be kept is no error worth interrupting the writing for.
            Request::SaveDraft { room_id, text } => Task::future(async move {
                if let Err(error) = handle.save_draft(&room_id, &text).await {
                    tracing::debug!(%error, "draft not kept");
                }
            })
            .discard(),
            Request::Join(room_id) => done(async move { handle.join(&room_id).await.map(drop) }),
            Request::Decline(room_id) => {
                done(async move { handle.leave_room(&room_id, false).await })
            }
            Request::Directory(event) => manage::directory(handle, event),
            Request::Search(event) => manage::search(handle, event),
            Request::Block(room_id) => {
                done(async move { handle.decline_and_block(&room_id).await.map(drop) })
            }
            Request::Room(room::Event::WatchThread { room_id, root }) => {
                let watched = self.handle.watch_thread(&room_id, &root);
                follow(&mut self.thread, watched, |messages| {
                    room::Message::Thread(match messages {
                        Ok(messages) => thread::Message::Loaded(messages),
                        Err(error) => thread::Message::Failed(error),
                    })
                })
            }
            Request::Room(room::Event::WatchAround { room_id, event_id }) => {
                let watched = self.handle.watch_around(&room_id, &event_id);
                follow(&mut self.around, watched, |messages| {
                    room::Message::Around(match messages {
                        Ok(messages) => around::Message::Loaded(messages),
                        Err(error) => around::Message::Failed(error),
                    })
                })
            }
            Request::Room(room::Event::StopAround) => {
                stop(&mut self.around);
                Task::none()
            }
            Request::Room(room::Event::StopThread) => {
                stop(&mut self.thread);
                Task::none()
            }
            Request::Room(room::Event::LoadMembers(room_id)) => {
                // One side panel at a time: the thread the members replace is let go.
                stop(&mut self.thread);
                manage::load_members(handle, room_id)
            }
            Request::Room(event) => room_request(handle, event),
            Request::Conversation(event) => conversation(handle, event),
            Request::Notify { notice, hidden } => {
                notify::show(notice, hidden).map(Message::Clicked)
            }
            Request::Withdraw(room_id) => notify::withdraw(room_id).discard(),
            Request::CheckIdentity(room_id) => check_identity(handle, room_id),
            Request::AcceptIdentities { room_id, users } => {
                accept_identities(handle, room_id, users)
            }
            Request::StartVerification(whom) => start_verification(handle, whom),
            Request::Verification(event) => verification(handle, event),
            Request::CancelVerification(id) => {
                Task::future(async move { handle.cancel_verification(&id).await }).discard()
            }
            Request::LoadSessions => answer(async move { handle.sessions().await }, |list| {
                Message::Sessions(sessions::Message::Loaded(list))
            }),
            Request::RenameSession { device_id, name } => {
                answer(async move { handle.rename_session(&device_id, &name).await }, |done| {
                    Message::Sessions(sessions::Message::Renamed(done))
                })
            }
            Request::SignOut { target, password, asker } => {
                sign_out(handle, target, password, asker)
            }
        }
    }

    /// Follows one room until another is opened: the previous watch ends first.
    fn watch(&mut self, room_id: &str) -> Task<Message> {
        // Another room: the messages around one of the previous room are let go with it.
        stop(&mut self.around);
        follow(&mut self.watching, self.handle.watch_room(room_id), |view| match view {
            Ok(view) => room::Message::Loaded(view),
            Err(error) => room::Message::Failed(error),
        })
    }
}

/// Follows what `watched` sends (a room, its thread, the messages around one) in the open
/// room's pane, the failure typed for the window; the previous watch in `slot` ends first.
fn follow<T: Send + 'static>(
    slot: &mut Option<task::Handle>,
    watched: impl futures_util::Stream<Item = Result<T, Arc<MatrixError>>> + Send + 'static,
    to: impl Fn(Result<T, Failure>) -> room::Message + Send + 'static,
) -> Task<Message> {
    stop(slot);
    let (task, watching) = Task::run(watched, move |item| {
        Message::Room(to(item.map_err(|error| Failure::from(MatrixError::clone(&error)))))
    })
    .abortable();
    *slot = Some(watching);
    task
}

/// Ends the watch in `slot`, if one runs.
fn stop(slot: &mut Option<task::Handle>) {
    if let Some(previous) = slot.take() {
        previous.abort();
    }
}

/// A permalink's room (id or alias) as the id of a joined room, then `to` with it.
fn resolved(
    handle: Handle,
    room: String,
    to: impl FnOnce(String) -> Message + Send + 'static,
) -> Task<Message> {
    Task::perform(async move { handle.room_id_of(&room).await }, |found| match found {
        Ok(room_id) => to(room_id),
        Err(error) => Message::Done(Err(error.into())),
    })
}

/// Runs a core call; its answer, with the failure typed for the window, becomes a message.
fn answer<T, F>(
    work: F,
    to: impl FnOnce(Result<T, Failure>) -> Message + Send + 'static,
) -> Task<Message>
where
    T: Send + 'static,
    F: Future<Output = Result<T, MatrixError>> + Send + 'static,
{
    Task::perform(async move { work.await.map_err(Failure::from) }, to)
}

/// A command whose failure, if any, is shown in the open room.
fn done<F>(work: F) -> Task<Message>
where
    F: Future<Output = Result<(), MatrixError>> + Send + 'static,
{
    answer(work, Message::Done)
}

fn avatar_changed(outcome: Result<AvatarChange, Failure>) -> Message {
    Message::Settings(settings::Message::AvatarChanged(outcome))
}

/// What the settings show once open: the display name, and where recovery stands.
fn load_settings(handle: Handle) -> Task<Message> {
    let trust = {
        let handle = handle.clone();
        answer(async move { handle.recovery_status().await }, |trust| {
            Message::Settings(settings::Message::Trust(trust))
        })
    };
    let words = keywords(handle.clone(), None);
    let name = answer(async move { handle.display_name().await }, |name| {
        Message::Settings(settings::Message::NameLoaded(name))
    });
    Task::batch([name, trust, words])
}

/// A keyword added or removed (if asked), then the list for the settings.
fn keywords(handle: Handle, change: Option<keywords::Event>) -> Task<Message> {
    let work = async move {
        match change {
            Some(keywords::Event::Add(word)) => handle.add_keyword(&word).await?,
            Some(keywords::Event::Remove(word)) => handle.remove_keyword(&word).await?,
            None => {}
        }
        Ok(handle.keywords().await)
    };
    answer(work, |list| {
        Message::Settings(settings::Message::Keywords(keywords::Message::Loaded(list)))
    })
}

fn new_recovery_key(handle: Handle, replace: bool) -> Task<Message> {
    answer(
        async move {
            let key = if replace {
                handle.reset_recovery_key().await
            } else {
                handle.enable_recovery().await
            };
            key.map(Arc::new)
        },
        move |key| Message::Recovery(recovery::Message::Generated(key, replace)),
    )
}

fn reset_identity(handle: Handle, password: Password) -> Task<Message> {
    answer(async move { handle.reset_identity(&password).await.map(Arc::new) }, |key| {
        Message::Recovery(match key {
            Ok(key) => recovery::Message::Generated(Ok(key), true),
            Err(error) => recovery::Message::ResetRefused(error),
        })
    })
}

fn copy_key(key: &RecoveryKey) -> Task<Message> {
    let shown = format_key(key.expose());
    let lifetime = crate::clipboard::SECRET_LIFETIME;
    Task::perform(crate::clipboard::copy_secret(shown, lifetime), |copied| {
        Message::Recovery(recovery::Message::Copied(copied.map_err(Failure::from)))
    })
}

/// What the open room's pane asked for.
fn room_request(handle: Handle, event: room::Event) -> Task<Message> {
    match event {
        room::Event::Send { room_id, text, consent, target } => {
            done(send(handle, room_id, text, consent, target))
        }
        room::Event::React { room_id, event_id, key, consent } => {
            done(async move { handle.toggle_reaction(&room_id, &event_id, &key, consent).await })
        }
        // Not being able to say one is typing is no error worth showing.
        room::Event::Typing { room_id, typing } => {
            Task::future(async move { handle.typing(&room_id, typing).await }).discard()
        }
        room::Event::StepAround { room_id, event_id, later } => answer(
            async move { handle.step_around(&room_id, &event_id, later).await },
            move |reached| {
                Message::Room(room::Message::Around(around::Message::Stepped(later, reached)))
            },
        ),
        room::Event::Retry { room_id, local_id } => {
            done(async move { handle.retry(&room_id, &local_id).await })
        }
        room::Event::PickFile => {
            Task::perform(files::pick(fl!("composer-attach")), |path| match path {
                Ok(Some(path)) => Message::Room(room::Message::FileChosen(path)),
                Ok(None) => Message::Done(Ok(())),
                Err(error) => Message::Done(Err(error.into())),
            })
        }
        room::Event::SendFile { room_id, path, consent } => {
            send_file(handle, room_id, path, consent)
        }
        room::Event::SendPicture { room_id, png, consent } => {
            send_picture(handle, room_id, png, consent)
        }
        room::Event::CheckPaste => pasted_picture(),
        room::Event::OpenFile { room_id, event_id, name } => Task::perform(
            async move {
                let opened = crate::ui::desktop::files::open_copy(&name, |path| async move {
                    handle.download(&room_id, &event_id, &path).await.map(drop)
                });
                opened.await
            },
            Message::Done,
        ),
        room::Event::Download { room_id, event_id, name } => Task::perform(
            async move {
                let Some(path) = files::save_as(fl!("timeline-save-file"), name).await? else {
                    return Ok(());
                };
                handle.download(&room_id, &event_id, &path).await.map(drop)?;
                Ok(())
            },
            Message::Done,
        ),
        room::Event::LoadOlder(room_id) => {
            done(async move { handle.load_older(&room_id, 30).await.map(drop) })
        }
        room::Event::SendInThread { room_id, root, out, consent } => {
            done(async move { handle.send_in_thread(&room_id, &root, &out, consent).await })
        }
        room::Event::Redact { room_id, event_id, reason } => {
            done(async move { handle.redact(&room_id, &event_id, reason.as_deref()).await })
        }
        room::Event::OpenLink(url) => Task::perform(open_link(url), Message::Done),
        event @ (room::Event::Moderate { .. }
        | room::Event::SearchPeople(_)
        | room::Event::PersonSessions(_)
        | room::Event::MemberFaces(_)
        | room::Event::LoadSettings(_)
        | room::Event::ChangeSettings { .. }
        | room::Event::JoinAndOpen(_)
        | room::Event::SetNotify { .. }
        | room::Event::Invite { .. }) => manage::request(handle, event),
        room::Event::LoadPictures { room_id, event_ids, full } => {
            let load = |event_id| load_picture(handle.clone(), room_id.clone(), event_id, full);
            Task::batch(event_ids.into_iter().map(load))
        }
        room::Event::OpenMessage { room, event } => {
            resolved(handle, room, move |room_id| Message::OpenAt(room_id, event))
        }
        room::Event::OpenRoom(room) => {
            resolved(handle, room, |room_id| Message::List(room_list::Message::Select(room_id)))
        }
        // The screen handles these itself; they never become requests.
        room::Event::LoadMembers(_)
        | room::Event::Scroll(_)
        | room::Event::VerifyPerson(_)
        | room::Event::Copy(_)
        | room::Event::OpenPerson(_)
        | room::Event::WatchThread { .. }
        | room::Event::StopThread
        | room::Event::WatchAround { .. }
        | room::Event::RevealAround(_)
        | room::Event::StopAround => Task::none(),
    }
}

/// One picture decoded at a time: a 12-megapixel photo takes 48 MB while it is decoded, and a
/// room scrolled past twenty of them must not take a gigabyte at once.
static DECODING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

/// Fetches a picture (the sender's thumbnail for the timeline, the whole one for the viewer)
/// and decodes it to the size it is drawn at.
fn load_picture(handle: Handle, room_id: String, event_id: String, full: bool) -> Task<Message> {
    let id = event_id.clone();
    let load = async move {
        let size = if full { PictureSize::Full } else { PictureSize::Thumbnail };
        let (bytes, _) = handle.picture(&room_id, &event_id, size).await?;
        let (width, height) = if full {
            (viewer::MAX_WIDTH, viewer::MAX_HEIGHT)
        } else {
            (pictures::INLINE_WIDTH, pictures::INLINE_HEIGHT)
        };
        let _turn = DECODING.acquire().await.map_err(|_| Failure::Picture)?;
        let decoded = tokio::task::spawn_blocking(move || {
            crate::model::picture::preview(&bytes, width, height)
        });
        decoded.await.map_err(|_| Failure::Picture)?.map_err(|_| Failure::Picture)
    };
    Task::perform(load, move |decoded| match full {
        true => Message::Room(room::Message::FullPicture(id, decoded)),
        false => Message::Room(room::Message::Gallery(gallery::Message::Loaded(id, decoded))),
    })
}

/// Opens a web address in the browser.
async fn open_link(url: String) -> Result<(), Failure> {
    crate::browser::open_later(url).await.map_err(Failure::Browser)
}

/// Sends the composer's text as a new message, a reply or an edit; the timeline shows it at
/// once and follows its delivery. Typing stops with it.
async fn send(
    handle: Handle,
    room_id: String,
    text: Outgoing,
    consent: bool,
    target: room::Target,
) -> Result<(), MatrixError> {
    let _ = handle.typing(&room_id, false).await;
    match target {
        room::Target::New => {
            handle.send_text(&room_id, &text, consent, Duration::ZERO).await.map(drop)
        }
        room::Target::Reply(reply) => handle.reply(&room_id, &reply.event_id, &text, consent).await,
        room::Target::Edit(event_id) => handle.edit(&room_id, &event_id, &text.text, consent).await,
    }
}

/// Sends a file, its progress shown above the composer until it is in the room.
fn send_file(
    handle: Handle,
    room_id: String,
    path: std::path::PathBuf,
    consent: bool,
) -> Task<Message> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    follow_upload(name, async move { handle.send_file(&room_id, &path, consent).await })
}

/// A picture pasted from the clipboard, sent as a PNG file named after the moment.
fn send_picture(handle: Handle, room_id: String, png: Arc<[u8]>, consent: bool) -> Task<Message> {
    let name = format!("{}.png", fl!("composer-pasted-name"));
    let shown = name.clone();
    follow_upload(shown, async move {
        handle.send_picture(&room_id, &name, png.to_vec(), consent).await
    })
}

/// Follows an upload into the room: its progress, then its end or why it failed.
fn follow_upload(
    name: String,
    started: impl std::future::Future<Output = Result<crate::matrix::Transfer, MatrixError>>
    + Send
    + 'static,
) -> Task<Message> {
    let started = {
        let name = name.clone();
        async move { (name, started.await) }
    };
    let stream = iced::futures::stream::once(started).flat_map(move |(name, transfer)| {
        let first = room::Message::Upload(name.clone(), None);
        let steps = match transfer {
            Ok(transfer) => transfer.into_stream().left_stream(),
            Err(error) => {
                iced::futures::stream::once(async move { Err(Arc::new(error)) }).right_stream()
            }
        };
        let steps = steps.map(move |step| match step {
            Ok(TransferStep::Progress(progress)) => {
                room::Message::Upload(name.clone(), Some(progress))
            }
            Ok(TransferStep::Finished(_)) => room::Message::Uploaded(name.clone(), Ok(())),
            Err(error) => {
                room::Message::Uploaded(name.clone(), Err(MatrixError::clone(&error).into()))
            }
        });
        iced::futures::stream::once(async move { first }).chain(steps)
    });
    Task::run(stream, Message::Room)
}

/// Whether the clipboard holds a picture (after a paste): offered to send, as a PNG.
fn pasted_picture() -> Task<Message> {
    Task::perform(
        async {
            let pixels = crate::clipboard::picture().await.ok()?;
            let encode =
                move || crate::model::picture::png(pixels.width, pixels.height, &pixels.rgba);
            tokio::task::spawn_blocking(encode).await.ok().flatten()
        },
        |png| match png {
            Some(png) => Message::Room(room::Message::Pasted(png.into())),
            None => Message::Done(Ok(())),
        },
    )
}

/// What the new-conversation dialog asked for.
fn conversation(handle: Handle, event: dialog::Event) -> Task<Message> {
    match event {
        dialog::Event::CreateRoom(new) => {
            answer(async move { handle.create_room(new).await }, Message::Opened)
        }
        dialog::Event::OpenChat(user) => {
            answer(async move { handle.dm(&user).await }, Message::Opened)
        }
        dialog::Event::Search(term) => Task::perform(
            // A pause first: a fast typist's every letter need not reach the server.
            async move {
                tokio::time::sleep(Duration::from_millis(250)).await;
                let found = handle.search_people(&term, 8).await.map_err(Failure::from);
                (term, found)
            },
            |(term, found)| Message::Dialog(dialog::Message::Found(term, found)),
        ),
        dialog::Event::Close => Task::none(),
    }
}

fn check_identity(handle: Handle, room_id: String) -> Task<Message> {
    Task::perform(
        async move {
            let changed = handle.identity_changes(&room_id).await.map_err(Failure::from);
            (room_id, changed)
        },
        |(room_id, changed)| Message::Trust(trust::Message::Identity(room_id, changed)),
    )
}

/// Accepts the new identities: their held messages go out, and they show as not verified
/// until verified again.
fn accept_identities(handle: Handle, room_id: String, users: Vec<String>) -> Task<Message> {
    Task::perform(
        async move {
            let mut outcome = Ok(());
            for user in users {
                if let Err(error) = handle.accept_identity(&user).await {
                    outcome = Err(Failure::from(error));
                }
            }
            (room_id, outcome)
        },
        |(room_id, outcome)| Message::Trust(trust::Message::Acknowledged(room_id, outcome)),
    )
}

fn start_verification(handle: Handle, whom: Whom) -> Task<Message> {
    let own = handle.user_id().to_owned();
    answer(
        async move {
            match whom {
                Whom::ThisSession => handle.verify_user(&own).await,
                Whom::OwnSession(device) => handle.verify_device(&own, &device).await,
                Whom::Person(user) => handle.verify_user(&user).await,
            }
        },
        |started| Message::Trust(trust::Message::Started(started)),
    )
}

/// The verification dialog's choice, answered; saving the code shown is the desktop's.
fn verification(handle: Handle, event: verify::Event) -> Task<Message> {
    if let verify::Event::SaveQr(payload) = event {
        return save_qr(payload);
    }
    let work = async move {
        let outcome = match event {
            verify::Event::Accept(id) => handle.accept_verification(&id).await,
            verify::Event::StartEmoji(id) => handle.start_sas(&id).await,
            verify::Event::ShowQr(id) => handle.show_qr(&id).await.map(drop),
            verify::Event::ScanPicture(id) => return scanned(&handle, &id, scan_picture()).await,
            verify::Event::ScanClipboard(id) => {
                let read = async { Some(crate::clipboard::qr_code().await.map_err(Failure::from)) };
                return scanned(&handle, &id, read).await;
            }
            verify::Event::Match(id) => handle.confirm_sas(&id).await,
            verify::Event::Mismatch(id) => handle.mismatch_sas(&id).await,
            verify::Event::ScanConfirmed(id) => handle.confirm_qr_scanned(&id).await,
            verify::Event::Cancel(id) => handle.cancel_verification(&id).await,
            verify::Event::SaveQr(_) | verify::Event::Close => return None,
        };
        Some(outcome.map_err(Failure::from))
    };
    Task::perform(work, |outcome| match outcome {
        Some(outcome) => Message::Trust(trust::Message::Verify(verify::Message::Answered(outcome))),
        None => Message::CloseVerification,
    })
}

/// Asks for the picture of the other device's code and reads it; `None` if none was picked.
async fn scan_picture() -> Option<Result<Vec<u8>, Failure>> {
    let path = match files::pick(fl!("verify-pick-title")).await {
        Ok(path) => path?,
        Err(error) => return Some(Err(error.into())),
    };
    let read = match tokio::fs::read(&path).await {
        Ok(file) => crate::model::qr::read_code(&file).map_err(Failure::from),
        Err(error) => Err(crate::profile::ProfileError::io(path, error).into()),
    };
    Some(read)
}

/// Hands the code `read` found to the flow; `None` (nothing was picked) leaves the choices.
async fn scanned(
    handle: &Handle,
    id: &str,
    read: impl Future<Output = Option<Result<Vec<u8>, Failure>>>,
) -> Option<Result<(), Failure>> {
    match read.await? {
        Ok(payload) => Some(handle.scan_qr(id, &payload).await.map_err(Failure::from)),
        Err(error) => Some(Err(error)),
    }
}

/// Saves the code we show as a PNG where the person chooses; a picture that could not be
/// written is said in the dialog (before, it was silently dropped: review §3.6).
fn save_qr(payload: Vec<u8>) -> Task<Message> {
    let save = async move {
        // The payload is the one the dialog shows: it always encodes.
        let Some(picture) = crate::matrix::qr_png(&payload) else { return Ok(()) };
        let chosen = files::save_as(fl!("verify-qr-save"), "estafette-qr.png".into()).await?;
        let Some(path) = chosen else { return Ok(()) };
        tokio::fs::write(&path, picture)
            .await
            .map_err(|error| crate::profile::ProfileError::io(path, error).into())
    };
    Task::perform(save, |saved: Result<(), Failure>| match saved {
        Ok(()) => Message::Done(Ok(())),
        Err(error) => Message::Trust(trust::Message::Verify(verify::Message::Answered(Err(error)))),
    })
}

/// Signs sessions out; the server's wish for the password comes back as its own outcome.
fn sign_out(
    handle: Handle,
    target: Target,
    password: Option<Password>,
    asker: Asker,
) -> Task<Message> {
    Task::perform(
        async move {
            let signed = match target {
                Target::One(id) => handle.sign_out_sessions(&[id], password.as_ref()).await,
                Target::Others => handle.sign_out_others(password.as_ref()).await,
            };
            match signed.map_err(Failure::from) {
                Ok(ids) => Outcome::Done(ids),
                Err(error) if error.needs_password() => Outcome::NeedPassword,
                Err(error) => Outcome::Failed(error),
            }
        },
        move |outcome| match asker {
            Asker::NewLogin => Message::Trust(trust::Message::Alert(
                crate::ui::panel::alert::Message::SignedOut(outcome),
            )),
            Asker::Sessions => Message::Sessions(sessions::Message::SignedOut(outcome)),
        },
    )
}

/// Writes the recovery key where the person chose, readable by them alone (review L4): the
/// file is written whole beside the target, synced, then renamed over it, so an existing file
/// of any mode is replaced by a private one, and a full or read-only disk is an error in
/// words rather than a silent half-written key. `None` when the person cancelled.
async fn save_key(key: Arc<RecoveryKey>) -> Result<Option<String>, Failure> {
    let chosen = files::save_as(fl!("recovery-ui-save"), "estafette-recovery-key.txt".into());
    let Some(path) = chosen.await? else { return Ok(None) };
    let shown = format_key(key.expose());
    let contents =
        zeroize::Zeroizing::new(format!("{}\n\n{}\n", fl!("recovery-file-note"), shown.as_str()));
    let target = path.clone();
    tokio::task::spawn_blocking(move || {
        crate::profile::write_private_file(&target, contents.as_bytes())
    })
    .await
    .map_err(|error| MatrixError::Crashed(error.to_string()))??;
    Ok(Some(path.display().to_string()))
}

/// The account's picture, cut round; `None` without one, or when it cannot be had (the initial
/// stands in: a missing picture is no reason to bother anyone).
async fn fetch_avatar(handle: Handle) -> Option<iced::widget::image::Handle> {
    match handle.avatar().await {
        Ok(Some(bytes)) => round(bytes, SIDE).await,
        Ok(None) => None,
        Err(error) => {
            tracing::warn!(%error, "the account's picture could not be fetched");
            None
        }
    }
}

async fn publish_avatar(handle: Handle) -> Result<AvatarChange, Failure> {
    let Some(path) = files::pick(fl!("settings-avatar-dialog")).await? else {
        return Ok(AvatarChange::Kept);
    };
    let published = handle.set_avatar(&path).await?;
    // What was published is a PNG drawn here: it always reads back.
    Ok(round(published, SIDE).await.map_or(AvatarChange::Kept, AvatarChange::Published))
}

/// `bytes` cut round, `side` pixels across, off the runtime's threads (a decoder that panics
/// on a hostile file has not read a picture).
pub(super) async fn round(bytes: Vec<u8>, side: u32) -> Option<iced::widget::image::Handle> {
    let round = tokio::task::spawn_blocking(move || picture::round(&bytes, side)).await;
    round.ok().flatten().map(style::round_picture)
}
