//! A message's content with its mentions, as Element sends them: each person picked becomes a
//! `matrix.to` link in the formatted body (the plain body keeps their name), and everyone
//! mentioned is listed in `m.mentions`, which is what makes their clients notify them, the
//! server being unable to read an encrypted message. `@room` needs the power to notify the
//! room, checked here before anything is sent.

use matrix_sdk::ruma::OwnedUserId;
use matrix_sdk::ruma::events::Mentions;
use matrix_sdk::ruma::events::room::message::{
    FormattedBody, RoomMessageEventContentWithoutRelation,
};
use matrix_sdk::ruma::events::room::power_levels::RoomPowerLevels;

use super::MatrixError;
use crate::model::member::{MemberAction, NotAllowed};
use crate::model::mention::{self, Mention, Outgoing, Place};

impl super::handle::Handle {
    /// A message of `text` mentioning `who` (Matrix IDs, or `@room`), each by their name in
    /// the room: for the command line, where nobody picks from a list.
    pub async fn outgoing(
        &self,
        room: &str,
        text: String,
        who: &[String],
    ) -> Result<Outgoing, MatrixError> {
        if who.is_empty() {
            return Ok(Outgoing::plain(text));
        }
        let room = self.room(room).await?;
        let mut mentions = Vec::with_capacity(who.len());
        for one in who {
            if one.trim() == mention::ROOM {
                mentions.push(Mention::Room);
                continue;
            }
            let user_id = super::rooms::parse_user(one)?;
            let member = room.get_member_no_sync(&user_id).await.ok().flatten();
            let name = member
                .and_then(|m| m.display_name().map(crate::model::text::clean_name))
                .filter(|name| !name.is_empty())
                .unwrap_or_else(|| user_id.to_string());
            mentions.push(Mention::Person { user_id: user_id.to_string(), name });
        }
        Ok(Outgoing { text, mentions }.written())
    }
}

/// Stands for a mention while the markdown is turned into HTML: characters of the Private
/// Use Area, which no markdown rule touches and which are taken out of what was typed first.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// The content to send for `out`: markdown turned into HTML, the mentions as links, and
/// `m.mentions` listing who is called (only those still written in the text).
pub(super) fn content(out: &Outgoing) -> RoomMessageEventContentWithoutRelation {
    let places = out.places();
    let mut content = if places.is_empty() {
        RoomMessageEventContentWithoutRelation::text_markdown(&out.text)
    } else {
        RoomMessageEventContentWithoutRelation::text_html(out.text.clone(), html(out, &places))
    };
    let user_ids: Vec<OwnedUserId> = places
        .iter()
        .filter_map(|place| OwnedUserId::try_from(place.user_id.as_str()).ok())
        .collect();
    let mut mentions = Mentions::with_user_ids(user_ids);
    mentions.room = out.calls_room();
    // Always set, even empty: a client then knows the message calls nobody, rather than
    // falling back to guessing from the words (the spec's legacy rules).
    content = content.add_mentions(mentions);
    content
}

/// The formatted body: the markdown's HTML with each place replaced by a link to the person.
fn html(out: &Outgoing, places: &[Place]) -> String {
    let mut marked = String::with_capacity(out.text.len());
    let mut at = 0;
    for (index, place) in places.iter().enumerate() {
        marked.push_str(&without_marks(&out.text[at..place.range.start]));
        marked.push(OPEN);
        marked.push_str(&index.to_string());
        marked.push(CLOSE);
        at = place.range.end;
    }
    marked.push_str(&without_marks(&out.text[at..]));
    let mut html = FormattedBody::markdown(&marked)
        .map(|formatted| formatted.body)
        .unwrap_or_else(|| escape(&marked).replace('\n', "<br />"));
    for (index, place) in places.iter().enumerate() {
        let link = format!(
            "<a href=\"https://matrix.to/#/{}\">{}</a>",
            escape(&place.user_id),
            escape(&place.name)
        );
        html = html.replace(&format!("{OPEN}{index}{CLOSE}"), &link);
    }
    html
}

fn without_marks(text: &str) -> String {
    text.replace([OPEN, CLOSE], "")
}

/// Text made safe inside HTML, and inside an attribute's double quotes.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Whether a message calls `me`, read from its decrypted content as the spec's mention rules
/// do (`.m.rule.is_user_mention`, `.m.rule.is_room_mention`): the SDK evaluates the push
/// rules when a message arrives decrypted, but not when its key comes later, and most keys
/// do. `@room` counts only from a sender with the power to notify the room.
pub(super) fn calls(
    mentions: Option<&Mentions>,
    body: &str,
    sender: &matrix_sdk::ruma::UserId,
    me: &Callee<'_>,
) -> bool {
    if sender.as_str() == me.user_id {
        return false;
    }
    if has_keyword(body, me.keywords) {
        return true;
    }
    let Some(mentions) = mentions else { return false };
    let levels = me.levels;
    let named = mentions.user_ids.iter().any(|user| user.as_str() == me.user_id);
    let room =
        mentions.room && levels.is_some_and(|l| l.user_can_trigger_room_notification(sender));
    named || room
}

/// Who a message may call: this account, its keywords, and the room's levels (who may call
/// the whole room).
pub(super) struct Callee<'a> {
    pub(super) user_id: &'a str,
    /// Folded (`text::folded`), as `Reading` keeps them.
    pub(super) keywords: &'a [String],
    pub(super) levels: Option<&'a RoomPowerLevels>,
}

/// Whether one of `keywords` (already folded) is a whole word of `body`, case and accents
/// folded.
fn has_keyword(body: &str, keywords: &[String]) -> bool {
    if keywords.is_empty() {
        return false;
    }
    let body = crate::model::text::folded(body);
    keywords.iter().filter(|k| !k.is_empty()).any(|keyword| {
        body.match_indices(keyword.as_str()).any(|(at, _)| {
            let before = body[..at].chars().next_back();
            let after = body[at + keyword.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Refuses `@room` from an account whose power level may not notify the whole room.
pub(super) async fn may_call_room(
    room: &matrix_sdk::Room,
    out: &Outgoing,
) -> Result<(), MatrixError> {
    if !out.mentions_room() {
        return Ok(());
    }
    let levels = room.power_levels_or_default().await;
    if levels.user_can_trigger_room_notification(room.own_user_id()) {
        return Ok(());
    }
    let mine = super::members::power(levels.for_user(room.own_user_id()));
    let needed = levels.notifications.room.into();
    Err(MatrixError::NotAllowed(NotAllowed::TooLow {
        action: MemberAction::MentionRoom,
        needed,
        mine,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use matrix_sdk::ruma::events::room::message::MessageType;

    fn alice() -> Mention {
        Mention::Person { user_id: "@alice:example.org".into(), name: "Alice <M>".into() }
    }

    #[test]
    fn a_mention_is_a_link_in_the_html_and_listed_in_m_mentions() {
        let out =
            Outgoing { text: "**Vite** Alice <M>, le *budget*".into(), mentions: vec![alice()] };
        let content = content(&out);
        let MessageType::Text(text) = &content.msgtype else { panic!("text") };
        assert_eq!(text.body, out.text);
        let html = &text.formatted.as_ref().expect("html").body;
        assert!(
            html.contains("<a href=\"https://matrix.to/#/@alice:example.org\">Alice &lt;M&gt;</a>"),
            "{html}"
        );
        assert!(
            html.contains("<strong>Vite</strong>") && html.contains("<em>budget</em>"),
            "{html}"
        );
        let mentions = content.mentions.expect("m.mentions");
        assert_eq!(mentions.user_ids.len(), 1);
        assert!(!mentions.room);
    }

    #[test]
    fn plain_text_with_a_mention_still_gets_html_and_a_message_without_one_empty_mentions() {
        let out = Outgoing { text: "merci Alice <M>\nà demain".into(), mentions: vec![alice()] };
        let MessageType::Text(text) = content(&out).msgtype else { panic!("text") };
        let html = text.formatted.expect("html").body;
        assert!(html.starts_with("merci <a href=") && html.contains("<br />à demain"), "{html}");
        let none = content(&Outgoing::plain("rien"));
        let mentions = none.mentions.expect("m.mentions, empty");
        assert!(mentions.user_ids.is_empty() && !mentions.room);
    }

    #[test]
    fn at_room_sets_the_room_flag_only_when_written() {
        let out = Outgoing { text: "@room réunion".into(), mentions: vec![Mention::Room] };
        assert!(content(&out).mentions.expect("mentions").room);
        let erased = Outgoing { text: "réunion".into(), mentions: vec![Mention::Room] };
        assert!(!content(&erased).mentions.expect("mentions").room);
    }

    #[test]
    fn a_message_calls_who_its_mentions_name_and_at_room_needs_known_power() {
        let bob = matrix_sdk::ruma::user_id!("@bob:x");
        let me = Callee { user_id: "@me:x", keywords: &[], levels: None };
        let carol = Callee { user_id: "@carol:x", ..me };
        let named = Mentions::with_user_ids([matrix_sdk::ruma::owned_user_id!("@me:x")]);
        assert!(calls(Some(&named), "", bob, &me));
        assert!(!calls(Some(&named), "", bob, &carol));
        assert!(!calls(None, "", bob, &me), "no m.mentions: nobody");
        // Without the room's levels, @room cannot be vouched for.
        assert!(!calls(Some(&Mentions::with_room_mention()), "", bob, &me));
        let mine = matrix_sdk::ruma::user_id!("@me:x");
        assert!(!calls(Some(&named), "", mine, &me), "not by one's own message");
    }

    #[test]
    fn a_keyword_calls_as_a_whole_word_accents_and_case_folded() {
        let bob = matrix_sdk::ruma::user_id!("@bob:x");
        let keywords = [crate::model::text::folded("Préfecture")];
        let me = Callee { user_id: "@me:x", keywords: &keywords, levels: None };
        assert!(calls(None, "réunion à la PREFECTURE demain", bob, &me));
        assert!(!calls(None, "les sous-préfectures", bob, &me), "a word, not a part of one");
        assert!(!calls(None, "rien", bob, &me));
    }

    #[test]
    fn typed_private_use_marks_cannot_forge_a_mention() {
        let out =
            Outgoing { text: "\u{E000}0\u{E001} et Alice <M>".into(), mentions: vec![alice()] };
        let MessageType::Text(text) = content(&out).msgtype else { panic!("text") };
        let html = text.formatted.expect("html").body;
        assert_eq!(html.matches("<a href").count(), 1, "{html}");
        assert!(html.starts_with("0 et <a"), "{html}");
    }
}
