//! The rows of an open room's timeline: day headings, and each message with its trust shield,
//! sender, the message it answers, its text (formatted), reactions, who read it, its delivery
//! state, and the actions (reply, edit, react) shown when the pointer is over it.

use iced::widget::{Row, button, column, container, hover, row, text, tooltip};
use iced::{Alignment, Element, Length};

use crate::fl;
use crate::model::attachment::{Attachment, AttachmentKind, Progress};
use crate::model::happening::Happening;
use crate::model::rich::Span;
use crate::model::text::{SHOWN_MAX, shortened};
use crate::model::{ChatMessage, Reply, SendState, Trust, time};
use crate::ui::panel::gallery;
use crate::ui::panel::pictures::{self, Slot};
use crate::ui::panel::room::Message;
use crate::ui::widget::style;

/// The reactions offered in one click; any other can be typed as a message.
pub const QUICK_REACTIONS: [&str; 6] = ["👍", "❤️", "😂", "🎉", "👀", "✅"];

/// A click on a link in a message: what it showed, and where it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkClick {
    pub text: String,
    pub href: String,
}

/// How a message row is drawn.
#[derive(Debug, Clone, Copy, Default)]
pub struct Look<'a> {
    /// Its reaction picker is open.
    pub picking: bool,
    /// It follows a message of the same sender a moment before: no avatar and no name again.
    pub continued: bool,
    /// The organisation turned reactions off: none can be added or taken back.
    pub no_reactions: bool,
    /// A message whose sender could not be authenticated is shown anyway, as asked.
    pub revealed: bool,
    /// This account may delete other members' messages (a moderator).
    pub may_delete_others: bool,
    /// Where the picture it carries stands, once asked for.
    pub picture: Option<&'a Slot>,
    /// Its picture waits for a click (the room is public or not encrypted).
    pub picture_held: bool,
    /// How many answers the thread it starts has (the open thread panel's live count).
    pub thread_replies: u32,
}

/// One message: the sender's avatar and name (unless it continues their previous message),
/// its trust shield, the message it answers, its text, reactions, who read it, its delivery.
pub fn message_row<'a>(message: &'a ChatMessage, look: Look<'a>) -> Element<'a, Message> {
    if let Some(happening) = message.happening.as_ref().filter(|h| h.is_room_event()) {
        return event_line(message, happening);
    }
    let mut body = column![].spacing(2).width(Length::Fill);
    let left: Element<'_, Message> = if look.continued {
        let time = text(time::clock(message.ts)).size(10).color(style::MUTED);
        container(time).width(36).padding([3, 0]).into()
    } else {
        body = body.push(sender_line(message));
        let shown = message.sender_name.as_deref().unwrap_or(&message.sender);
        container(style::avatar(shown, &message.sender, 34.0)).width(36).into()
    };
    if let Some(reply) = &message.reply_to {
        body = body.push(quote(reply));
    }
    if let Some(root) = &message.thread_root {
        let marker = text(fl!("timeline-in-thread")).size(11).color(style::MUTED);
        body = body.push(link_button(marker, Message::OpenThread(root.clone())));
    }
    // A deleted message has no content left to vouch for: no shield.
    let deleted = matches!(message.happening, Some(Happening::Deleted { .. }));
    let content = content(message, look);
    body = body.push(if deleted {
        content
    } else {
        row![shield(&message.trust), content].spacing(6).into()
    });
    if !message.reactions.is_empty() {
        body = body.push(reactions(message, look.no_reactions));
    }
    if look.picking
        && !look.no_reactions
        && let Some(event_id) = &message.event_id
    {
        body = body.push(picker(event_id));
    }
    if let Some(root) = message.event_id.clone().filter(|_| look.thread_replies > 0) {
        let replies = fl!("timeline-thread-replies", count = look.thread_replies);
        let replies = text(replies).size(12).color(style::LINK);
        body = body.push(link_button(replies, Message::OpenThread(root)));
    }
    if !message.read_by.is_empty() {
        let names = message.read_by.join(", ");
        body = body.push(text(fl!("timeline-read-by", names = names)).size(11).color(style::MUTED));
    }
    let mut line = row![left, body].spacing(10);
    if let Some(state) = &message.send_state {
        line = line.push(text(send_state(state)).size(12));
        if let (SendState::Failed { .. }, Some(local_id)) = (state, &message.local_id) {
            let retry =
                button(text(fl!("send-retry")).size(12)).on_press(Message::Retry(local_id.clone()));
            line = line.push(retry);
        }
    }
    let mut line =
        container(line).padding(iced::Padding::ZERO.top(if look.continued { 0 } else { 6 }));
    if message.highlighted {
        line = line.style(style::mentioned_row);
    }
    match actions(message, look) {
        Some(actions) => hover(line, container(actions).align_right(Length::Fill)),
        None => line.into(),
    }
}

/// Who wrote it: the name, then the Matrix ID always (a display name proves nothing and
/// anyone can take a colleague's), marked in words when another member's name looks the same.
fn sender_line(message: &ChatMessage) -> Element<'_, Message> {
    let bold = iced::Font { weight: iced::font::Weight::Bold, ..style::UI };
    let mut line = row![].spacing(8).align_y(Alignment::Center);
    if let Some(name) = &message.sender_name {
        line = line.push(text(name.clone()).size(14).font(bold));
        line = line.push(text(message.sender.clone()).size(11).color(style::MUTED));
    } else {
        line = line.push(text(message.sender.clone()).size(14).font(bold));
    }
    if message.sender_ambiguous {
        let same = text(fl!("timeline-name-shared")).size(11).style(style::caution_text);
        line = line.push(tooltip(
            same,
            container(text(fl!("timeline-name-shared-why")))
                .padding(8)
                .max_width(320)
                .style(style::tooltip_box),
            tooltip::Position::Bottom,
        ));
    }
    line.push(text(time::clock(message.ts)).size(11).color(style::MUTED)).into()
}

/// A room event: one small line in words, its time before it; what deserves notice (someone
/// new who can read what follows, a room opened to anyone) in the caution colour.
fn event_line<'a>(message: &'a ChatMessage, happening: &'a Happening) -> Element<'a, Message> {
    let line = text(happening.describe(&message.sender_label())).size(12);
    let line = if happening.stands_out() {
        line.style(style::caution_text)
    } else {
        line.color(style::MUTED)
    };
    let time = text(time::clock(message.ts)).size(10).color(style::MUTED);
    row![container(time).width(36), line.width(Length::Fill)]
        .spacing(10)
        .align_y(Alignment::Center)
        .into()
}

/// Words that open something when clicked, drawn as a link.
fn link_button<'a>(words: iced::widget::Text<'a>, message: Message) -> Element<'a, Message> {
    button(words).style(button::text).padding(0).on_press(message).into()
}

/// Whether `message` continues `previous`: same sender, within five minutes, both written (a
/// room event between them breaks the run).
pub fn continues(previous: Option<&ChatMessage>, message: &ChatMessage) -> bool {
    const GAP_MS: u64 = 5 * 60 * 1000;
    let written = |m: &ChatMessage| !m.happening.as_ref().is_some_and(Happening::is_room_event);
    previous.is_some_and(|p| {
        written(p)
            && written(message)
            && p.sender == message.sender
            && message.ts.saturating_sub(p.ts) < GAP_MS
    })
}

/// The text, marked when edited; an unreadable message says why in its place, and one whose
/// sender could not be authenticated is hidden behind the warning until asked for.
fn content<'a>(message: &'a ChatMessage, look: Look<'a>) -> Element<'a, Message> {
    if message.trust == Trust::ForgedSender && !look.revealed {
        return forged(message);
    }
    if let Some(happening) = &message.happening {
        // A deleted message, or one this app can only name: its place, in words.
        let line = text(happening.describe(&message.sender_label())).color(style::MUTED);
        return line.font(italic()).width(Length::Fill).into();
    }
    if let Some(file) = message.attachment.as_ref() {
        if gallery::is_picture(message) {
            return picture(message, file, look);
        }
        return attachment(message, file);
    }
    let too_long = message.body.as_deref().and_then(|body| shortened(body, SHOWN_MAX));
    let body: Element<'_, Message> = match (&message.formatted, &message.body, too_long) {
        (_, _, Some((kept, left))) => {
            let cut = text(fl!("timeline-cut", count = left)).size(11).color(style::MUTED);
            column![text(kept).width(Length::Fill), cut].into()
        }
        (Some(spans), _, None) if !spans.is_empty() => formatted(spans),
        (_, Some(body), None) => plain(body),
        (_, None, _) => {
            text(message.trust.describe()).color(style::DANGER).width(Length::Fill).into()
        }
    };
    if !message.edited {
        return body;
    }
    let mark = text(fl!("timeline-edited")).size(11).color(style::MUTED);
    column![body, mark].into()
}

/// The danger said in words, and the message only on request.
fn forged(message: &ChatMessage) -> Element<'_, Message> {
    let warning = text(message.trust.describe()).style(style::danger_text).width(Length::Fill);
    let mut part = column![warning].spacing(4);
    if let Some(event_id) = &message.event_id {
        let show = button(text(fl!("timeline-forged-show")).size(12))
            .style(button::secondary)
            .padding([2, 8])
            .on_press(Message::Reveal(event_id.clone()));
        part = part.push(show);
    }
    part.into()
}

/// A file: its kind, name and size, a way to save it, and while it uploads, how far it is.
fn attachment<'a>(message: &'a ChatMessage, file: &'a Attachment) -> Element<'a, Message> {
    let icon = match file.kind {
        AttachmentKind::Image => "🖼️",
        AttachmentKind::Video => "🎞️",
        AttachmentKind::Audio => "🎵",
        AttachmentKind::File => "📎",
    };
    let mut facts = file.shown_name();
    if let Some(size) = file.size_text() {
        facts = format!("{facts} · {size}");
    }
    let mut card = row![text(icon).font(style::EMOJI).size(20), text(facts)]
        .spacing(8)
        .align_y(Alignment::Center);
    if let Some(event_id) = &message.event_id {
        let small = |label: String, message: Message| {
            button(text(label).size(12)).style(button::secondary).padding([2, 8]).on_press(message)
        };
        if file.may_open() {
            let open = Message::OpenFile(event_id.clone(), file.safe_name());
            card = card.push(small(fl!("file-open"), open));
        }
        let save = Message::SaveFile(event_id.clone(), file.safe_name());
        card = card.push(small(fl!("timeline-save-file"), save));
    }
    let mut shown = column![card].spacing(4);
    if let Some(progress) = file.upload.filter(|progress| !progress.is_complete()) {
        shown = shown.push(progress_line(progress));
    }
    container(shown).padding([6, 10]).style(style::quote).into()
}

/// A picture, inline at a bounded size; a click opens the viewer. Until it is there, a
/// placeholder of the size it will have, saying it loads, or offering to show it where
/// pictures wait for a click.
fn picture<'a>(
    message: &'a ChatMessage,
    file: &'a Attachment,
    look: Look<'a>,
) -> Element<'a, Message> {
    let event_id = message.event_id.clone().unwrap_or_default();
    let (width, height) = pictures::inline_size(file.dimensions);
    let waiting: Element<'a, Message> = match look.picture {
        Some(Slot::Ready { handle, width, height }) => {
            let shown =
                iced::widget::image(handle.clone()).width(*width as f32).height(*height as f32);
            let open = gallery::Message::Open(event_id, file.safe_name());
            return button(shown)
                .padding(0)
                .style(button::text)
                .on_press(Message::Gallery(open))
                .into();
        }
        Some(Slot::Failed(reason)) => {
            let why = text(fl!("picture-unreadable", cause = reason.as_str())).size(12);
            return column![attachment(message, file), why.style(style::danger_text)]
                .spacing(4)
                .into();
        }
        None if look.picture_held => {
            let show = button(text(fl!("picture-show")).size(13))
                .on_press(Message::Gallery(gallery::Message::Show(event_id)));
            let why = text(fl!("picture-held")).size(11).width(Length::Fill);
            column![text(file.shown_name()).size(13), show, why].spacing(6).into()
        }
        _ => text(fl!("picture-loading")).size(12).color(style::MUTED).into(),
    };
    container(waiting).padding(10).width(width).height(height).style(style::quote).into()
}

/// An upload's bar and percentage.
pub fn progress_line<'a>(progress: Progress) -> Element<'a, Message> {
    let bar = iced::widget::progress_bar(0.0..=1.0, progress.fraction()).girth(6);
    let percent = text(fl!("upload-percent", percent = progress.percent())).size(11);
    row![container(bar).width(Length::Fixed(160.0)), percent]
        .spacing(8)
        .align_y(Alignment::Center)
        .into()
}

/// The answered message, quoted in a line: who wrote it and how it starts.
fn quote(reply: &Reply) -> Element<'_, Message> {
    let said = match (&reply.sender, &reply.excerpt) {
        (Some(sender), Some(excerpt)) => format!("{sender} : {excerpt}"),
        (Some(sender), None) => sender.clone(),
        _ => fl!("timeline-reply-loading"),
    };
    let line = text(format!("↪ {said}")).size(12).color(style::MUTED);
    container(line).padding([2, 8]).style(style::quote).into()
}

/// The reactions as chips: the emoji and how many, highlighted when one is this account's;
/// clicking adds or takes back this account's own. The tooltip names who reacted.
fn reactions(message: &ChatMessage, frozen: bool) -> Element<'_, Message> {
    let chips = message.reactions.iter().map(|(key, senders)| {
        let mine = message.reacted.contains(key);
        let label =
            row![text(key.clone()).font(style::EMOJI).size(14), text(senders.len()).size(13)];
        let chip = button(label.spacing(4).align_y(Alignment::Center))
            .padding([2, 8])
            .style(if mine { button::primary } else { button::secondary });
        let chip = match &message.event_id {
            Some(id) if !frozen => chip.on_press(Message::React(id.clone(), key.clone())),
            _ => chip,
        };
        let who = container(text(senders.join(", ")).size(12)).padding(6).style(style::tooltip_box);
        tooltip(chip, who, tooltip::Position::Top).into()
    });
    Row::with_children(chips).spacing(4).into()
}

/// The quick reactions, one click each, and the plain fact that reactions are not encrypted
/// (the SDK, like every Matrix client, sends them in clear so the server can count them).
fn picker(event_id: &str) -> Element<'_, Message> {
    let choices = QUICK_REACTIONS.iter().map(|key| {
        button(text(*key).font(style::EMOJI).size(20))
            .style(button::text)
            .padding([2, 6])
            .on_press(Message::React(event_id.to_owned(), (*key).to_owned()))
            .into()
    });
    let note = text(fl!("react-not-encrypted")).size(11);
    let picker = column![Row::with_children(choices).spacing(2), note].spacing(2);
    container(picker).padding(4).style(style::tooltip_box).into()
}

fn italic() -> iced::Font {
    iced::Font { style: iced::font::Style::Italic, ..style::UI }
}

/// Reply, react (unless the organisation turned reactions off), copy the text, and, on one's
/// own readable messages, edit; delete one's own, or any as a moderator. None before the
/// server has it, and none on a message already deleted.
fn actions<'a>(message: &'a ChatMessage, look: Look<'_>) -> Option<Element<'a, Message>> {
    let event_id = message.event_id.clone()?;
    let deleted = matches!(message.happening, Some(Happening::Deleted { .. }));
    if deleted {
        return None;
    }
    let no_reactions = look.no_reactions;
    let small = |label: String, message: Message| {
        button(text(label).size(12)).style(button::secondary).padding([2, 8]).on_press(message)
    };
    let mut actions = row![].spacing(4).align_y(Alignment::Start);
    if !no_reactions {
        actions = actions.push(small(fl!("timeline-react"), Message::Pick(event_id.clone())));
    }
    actions = actions.push(small(fl!("timeline-reply"), Message::ReplyTo(event_id.clone())));
    // Words someone wrote: not a file's name, not a room event.
    let written =
        message.body.is_some() && message.happening.is_none() && message.attachment.is_none();
    if written {
        actions = actions.push(small(fl!("timeline-copy"), Message::Copy(event_id.clone())));
    }
    if message.own && written {
        actions = actions.push(small(fl!("timeline-edit"), Message::EditOwn(event_id.clone())));
    }
    if message.own || look.may_delete_others {
        actions = actions.push(small(fl!("timeline-delete"), Message::AskDelete(event_id)));
    }
    Some(actions.into())
}
/// A formatted body: bold, italic, code; a link is underlined, clickable, and followed by its
/// real target when its text says something else, so a link's text cannot pretend to go
/// somewhere else.
fn formatted(spans: &[Span]) -> Element<'_, Message> {
    let mut runs: Vec<iced::widget::text::Span<'_, LinkClick>> = Vec::new();
    for run in spans {
        let mut font = if run.code { iced::Font::MONOSPACE } else { style::UI };
        if run.bold {
            font.weight = iced::font::Weight::Bold;
        }
        if run.italic {
            font.style = iced::font::Style::Italic;
        }
        let click =
            run.link.as_ref().map(|href| LinkClick { text: run.text.clone(), href: href.clone() });
        if let (Some(pill), Some(click)) = (&run.mention, click.clone()) {
            runs.push(pill_span(&run.text, pill, click));
            continue;
        }
        let mut span = iced::widget::span(run.text.as_str()).font(font);
        if let Some(click) = click {
            span = span.underline(true).color(style::LINK).link(click);
        }
        runs.push(span);
        if let Some(target) = run.link.as_deref().filter(|target| *target != run.text) {
            runs.push(iced::widget::span(format!(" ({target})")).size(12));
        }
    }
    iced::widget::rich_text(runs).on_link_click(Message::Link).width(Length::Fill).into()
}

/// A mention: the name it shows (or the ID when it shows none), bold on a tint, stronger
/// when it is the reader; a click opens the person.
fn pill_span(
    shown: &str,
    pill: &crate::model::rich::Pill,
    click: LinkClick,
) -> iced::widget::text::Span<'static, LinkClick> {
    let shown = if shown.trim().is_empty() { pill.user_id.clone() } else { shown.to_owned() };
    let mut font = style::UI;
    font.weight = iced::font::Weight::Bold;
    let (colour, tint) = if pill.me { style::MENTION_ME } else { style::MENTION };
    iced::widget::span(shown)
        .font(font)
        .color(colour)
        .background(tint)
        .border(iced::border::rounded(4))
        .padding([0, 3])
        .link(click)
}

/// A plain body, its web addresses clickable.
fn plain(body: &str) -> Element<'_, Message> {
    let found = crate::model::link::find_urls(body);
    if found.is_empty() {
        return text(body).width(Length::Fill).into();
    }
    let mut runs: Vec<iced::widget::text::Span<'_, LinkClick>> = Vec::new();
    let mut at = 0;
    for range in found {
        runs.push(iced::widget::span(&body[at..range.start]));
        let url = &body[range.clone()];
        let click = LinkClick { text: url.to_owned(), href: url.to_owned() };
        // A bare link to a person (how some clients write a mention) reads as their ID.
        if let Some(user_id) = crate::model::link::person_of(url) {
            let pill = crate::model::rich::Pill { user_id, me: false };
            runs.push(pill_span(&pill.user_id, &pill, click));
            at = range.end;
            continue;
        }
        runs.push(iced::widget::span(url).underline(true).color(style::LINK).link(click));
        at = range.end;
    }
    runs.push(iced::widget::span(&body[at..]));
    iced::widget::rich_text(runs).on_link_click(Message::Link).width(Length::Fill).into()
}

/// The heading that opens a new day in the timeline.
pub fn day_divider<'a, M: 'a>(label: String) -> Element<'a, M> {
    container(text(label).size(13)).center_x(Length::Fill).padding([6, 0]).into()
}

/// The shield's symbol and colour, and the tooltip that says what it means.
pub fn shield(trust: &Trust) -> Element<'_, Message> {
    type Tone = fn(&iced::Theme) -> text::Style;
    let (symbol, tone): (&str, Tone) = match trust {
        Trust::Verified => ("✓", style::safe_text),
        Trust::Encrypted => ("•", style::safe_text),
        Trust::SentInClear | Trust::IdentityChanged | Trust::ForgedSender => {
            ("⚠", style::danger_text)
        }
        Trust::Undecryptable(_) => ("✗", style::danger_text),
        Trust::UnverifiedIdentity | Trust::UnsignedDevice | Trust::UnknownDevice => {
            ("!", style::caution_text)
        }
    };
    tooltip(
        text(symbol).style(tone).width(14),
        container(text(trust.describe())).padding(8).max_width(320).style(style::tooltip_box),
        tooltip::Position::Right,
    )
    .into()
}

fn send_state(state: &SendState) -> String {
    match state {
        SendState::Sending => fl!("send-state-sending"),
        SendState::Sent => String::new(),
        SendState::Failed { reason, .. } => fl!("send-state-failed", reason = reason.as_str()),
    }
}
