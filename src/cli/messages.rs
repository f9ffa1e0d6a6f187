//! `send` and `tail`.

use std::process::ExitCode;
use std::time::Duration;

use serde::Serialize;

use super::args::{ReactArgs, RedactArgs, SendArgs, TailArgs};
use super::core::with_core;
use super::output::shown;
use crate::fl;
use crate::matrix::{Rows, Sent};
use crate::model::{ChatMessage, Trust};
use crate::policy::Policy;
use crate::profile::Profile;

/// Exit code of a `send` whose message waits in the persistent queue (documented in --help).
const QUEUED: u8 = 3;

/// How long `send` waits for the server before leaving the message to the queue.
const SEND_WAIT: Duration = Duration::from_secs(20);

/// How long `tail` waits for keys that may still arrive.
const SETTLE: Duration = Duration::from_secs(5);

pub async fn send(profile: &Profile, policy: &Policy, args: SendArgs) -> ExitCode {
    if let Some(file) = &args.file {
        return super::files::send_file(profile, policy, &args.room, file, args.allow_unencrypted)
            .await;
    }
    if args.reply_to.is_some() || args.edit.is_some() || args.thread.is_some() {
        return answer(profile, policy, args).await;
    }
    with_core(profile, policy, |handle| async move {
        let text = args.text.clone().unwrap_or_default();
        let out = handle.outgoing(&args.room, text, &args.mention).await?;
        let sent = handle.send_text(&args.room, &out, args.allow_unencrypted, SEND_WAIT).await?;
        super::identity::warn_left_out(&handle, &args.room).await;
        Ok(report(sent))
    })
    .await
}

/// A reply, an edit or an answer in a thread: handed to the queue, which the core flushes before exiting.
async fn answer(profile: &Profile, policy: &Policy, args: SendArgs) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        let text = args.text.clone().unwrap_or_default();
        let (room, consent) = (&args.room, args.allow_unencrypted);
        let out = handle.outgoing(room, text.clone(), &args.mention).await?;
        match (&args.reply_to, &args.edit, &args.thread) {
            (Some(event), _, _) => handle.reply(room, event, &out, consent).await?,
            (_, Some(event), _) => handle.edit(room, event, &text, consent).await?,
            (_, _, Some(root)) => handle.send_in_thread(room, root, &out, consent).await?,
            (None, None, None) => unreachable!("only called for a reply, an edit or a thread"),
        }
        Ok(delivered_or_queued(&handle).await)
    })
    .await
}

pub async fn react(profile: &Profile, policy: &Policy, args: ReactArgs) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        let consent = args.allow_unencrypted;
        handle.toggle_reaction(&args.room, &args.event, &args.key, consent).await?;
        Ok(delivered_or_queued(&handle).await)
    })
    .await
}

/// Deletes a message; prints nothing on success.
pub async fn redact(profile: &Profile, policy: &Policy, args: RedactArgs) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        handle.redact(&args.room, &args.event, args.reason.as_deref()).await?;
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// Success once the queue is empty; the "queued" exit code when it still holds something.
async fn delivered_or_queued(handle: &crate::matrix::Handle) -> ExitCode {
    if handle.deliver_queue(SEND_WAIT).await {
        ExitCode::SUCCESS
    } else {
        complain!("estafette: {}", fl!("send-queued"));
        ExitCode::from(QUEUED)
    }
}

pub async fn tail(profile: &Profile, policy: &Policy, args: TailArgs) -> ExitCode {
    with_core(profile, policy, |handle| async move {
        if let Some(root) = &args.thread {
            for message in handle.thread_messages(&args.room, root).await? {
                print_message(&message, args.json);
            }
            return Ok(ExitCode::SUCCESS);
        }
        if let Some(event) = &args.around {
            for message in handle.messages_around(&args.room, event).await? {
                print_message(&message, args.json);
            }
            return Ok(ExitCode::SUCCESS);
        }
        let settle = SETTLE.min(Duration::from_secs(args.timeout));
        let rows = if args.events { Rows::WithEvents } else { Rows::Messages };
        for message in handle.messages(&args.room, args.limit, settle, rows).await? {
            print_message(&message, args.json);
        }
        if args.follow {
            let timeout = Duration::from_secs(args.timeout);
            handle.follow(&args.room, timeout, rows, |m| print_message(m, args.json)).await?;
        }
        Ok(ExitCode::SUCCESS)
    })
    .await
}

/// One line of `tail --json`.
#[derive(Serialize)]
struct MessageLine<'a> {
    event_id: Option<&'a str>,
    sender: &'a str,
    /// The sender's display name, cleaned of what hides or reorders text.
    sender_name: Option<&'a str>,
    /// Another sender's name looks the same: the Matrix ID is what tells them apart.
    sender_ambiguous: bool,
    ts: u64,
    body: Option<&'a str>,
    encrypted: bool,
    trust: &'static str,
    /// Why it cannot be decrypted, as a machine name and in words.
    cause: Option<&'static str>,
    cause_text: Option<String>,
    edited: bool,
    /// It calls this account (a mention of it, or `@room`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    highlighted: bool,
    /// The people its formatted body mentions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    mentions: Vec<&'a crate::model::rich::Pill>,
    reply_to: Option<&'a crate::model::Reply>,
    /// The first message of the thread this one replies in.
    #[serde(skip_serializing_if = "Option::is_none")]
    thread_root: Option<&'a str>,
    /// How many replies the thread this message starts has.
    #[serde(skip_serializing_if = "is_zero")]
    thread_replies: u32,
    reactions: &'a [(String, Vec<String>)],
    attachment: Option<&'a crate::model::attachment::Attachment>,
    /// A room event or a deletion, instead of a message someone wrote.
    #[serde(skip_serializing_if = "Option::is_none")]
    happening: Option<&'a crate::model::happening::Happening>,
    /// That event in words, as the window shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    happening_text: Option<String>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn print_message(message: &ChatMessage, json: bool) {
    let cause = match message.trust {
        Trust::Undecryptable(cause) => Some(cause),
        _ => None,
    };
    if json {
        let line = MessageLine {
            event_id: message.event_id.as_deref(),
            sender: &message.sender,
            sender_name: message.sender_name.as_deref(),
            sender_ambiguous: message.sender_ambiguous,
            ts: message.ts,
            body: message.body.as_deref(),
            encrypted: message.encrypted,
            trust: message.trust.name(),
            cause: cause.map(|c| c.name()),
            cause_text: cause.map(|c| c.describe()),
            edited: message.edited,
            highlighted: message.highlighted,
            mentions: message
                .formatted
                .iter()
                .flatten()
                .filter_map(|s| s.mention.as_ref())
                .collect(),
            reply_to: message.reply_to.as_ref(),
            thread_root: message.thread_root.as_deref(),
            thread_replies: message.thread_replies,
            reactions: &message.reactions,
            attachment: message.attachment.as_ref(),
            happening: message.happening.as_ref(),
            happening_text: message.happening.as_ref().map(|h| h.describe(&message.sender_label())),
        };
        if let Ok(text) = serde_json::to_string(&line) {
            say!("{text}");
        }
        return;
    }
    let happening = message.happening.as_ref();
    if let Some(event) = happening.filter(|h| h.is_room_event()) {
        // The room's own doing, not someone's words: no shield, marked as such.
        let line = event.describe(&message.sender_label());
        say!("* {}", shown(&line));
        return;
    }
    // A deleted message, or one shown only in words, keeps its sender's line.
    let body = match happening {
        Some(placeholder) => placeholder.describe(&message.sender_label()),
        None => message.body.clone().unwrap_or_else(|| message.trust.describe()),
    };
    let body = match &message.attachment {
        Some(file) => attachment_line(file, &body),
        None => body,
    };
    let shield = match message.trust {
        Trust::Verified => "✓".to_owned(),
        Trust::Encrypted => "🔒".to_owned(),
        Trust::SentInClear => "⚠ clear".to_owned(),
        Trust::Undecryptable(_) => "✗".to_owned(),
        // In words: the message may not come from the sender shown (review M9).
        Trust::ForgedSender => format!("✗ {}", fl!("tail-forged")),
        _ => "⚠".to_owned(),
    };
    let quote = message.reply_to.as_ref().and_then(|r| r.excerpt.as_deref());
    let quote = quote.map(|q| format!("(↪ {}) ", shown(q))).unwrap_or_default();
    let edited =
        if message.edited { format!(" {}", fl!("timeline-edited")) } else { String::new() };
    let reactions: String = message
        .reactions
        .iter()
        .map(|(key, who)| format!(" [{} {}]", shown(key), who.len()))
        .collect();
    // Everything but the shield came from someone else: one line, nothing the terminal obeys.
    let (sender, body) = (shown(&message.sender), shown(&body));
    say!("[{shield}] {sender}: {quote}{body}{edited}{reactions}");
}

/// An attachment as `tail` shows it: `📎 report.pdf (1.2 MB)`, then its caption if it has one.
fn attachment_line(file: &crate::model::attachment::Attachment, body: &str) -> String {
    let size = file.size_text().map(|size| format!(" ({size})")).unwrap_or_default();
    let caption = if body == file.name { String::new() } else { format!(" {body}") };
    format!("📎 {}{size}{caption}", file.name)
}

/// What a send prints: the event id when delivered (exit 0), or that it waits in the queue
/// for the next run (exit 3).
pub(super) fn report(sent: Sent) -> ExitCode {
    match sent {
        Sent::Delivered(event_id) => {
            say!("{event_id}");
            ExitCode::SUCCESS
        }
        Sent::Queued => {
            complain!("estafette: {}", fl!("send-queued"));
            ExitCode::from(QUEUED)
        }
    }
}
