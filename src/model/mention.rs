//! Mentions in a message being written: who was picked in the composer's completion (or named
//! on the command line), and where in the text each one sits, so the core can turn those
//! places into links and list the people in `m.mentions`, as Element does.

use std::ops::Range;

/// Someone, or the whole room, called in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mention {
    /// A member, by Matrix ID, written in the text as `name`.
    Person { user_id: String, name: String },
    /// `@room`: everyone in the room is notified (needs the power level to do so).
    Room,
}

/// What `@room` is written as.
pub const ROOM: &str = "@room";

/// A message to send: its markdown text and who it mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outgoing {
    pub text: String,
    pub mentions: Vec<Mention>,
}

impl Outgoing {
    /// A message that mentions nobody.
    pub fn plain(text: impl Into<String>) -> Self {
        Self { text: text.into(), mentions: Vec::new() }
    }

    /// Whether it calls the whole room.
    pub fn mentions_room(&self) -> bool {
        self.mentions.contains(&Mention::Room)
    }

    /// The people it mentions, each once.
    pub fn people(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .mentions
            .iter()
            .filter_map(|mention| match mention {
                Mention::Person { user_id, .. } => Some(user_id.as_str()),
                Mention::Room => None,
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Makes sure every mention is written in the text: one named on the command line but not
    /// written is put in front, as "Name: …" (and `@room` as "@room …"), so what the
    /// reader sees says who was called.
    pub fn written(mut self) -> Self {
        let mut front = Vec::new();
        for mention in &self.mentions {
            let shown = match mention {
                Mention::Person { user_id, name } => {
                    if self.text.contains(name.as_str()) || self.text.contains(user_id.as_str()) {
                        continue;
                    }
                    name.clone()
                }
                Mention::Room if self.text.contains(ROOM) => continue,
                Mention::Room => ROOM.to_owned(),
            };
            if !front.contains(&shown) {
                front.push(shown);
            }
        }
        if !front.is_empty() {
            self.text = format!("{}: {}", front.join(", "), self.text);
        }
        self
    }

    /// Where each person's mention sits in the text, in order: the first place their name
    /// (or else their Matrix ID) is written that no earlier mention took. A mention whose
    /// words were deleted from the text before sending has no place, and is dropped.
    pub fn places(&self) -> Vec<Place> {
        let mut taken: Vec<Range<usize>> = Vec::new();
        let mut places = Vec::new();
        for mention in &self.mentions {
            let Mention::Person { user_id, name } = mention else { continue };
            let found = [name.as_str(), user_id.as_str()]
                .into_iter()
                .filter(|words| !words.is_empty())
                .find_map(|words| free_place(&self.text, words, &taken));
            if let Some(range) = found {
                taken.push(range.clone());
                places.push(Place { range, user_id: user_id.clone(), name: name.clone() });
            }
        }
        places.sort_by_key(|place| place.range.start);
        places
    }

    /// Whether `@room` was picked and is still written.
    pub fn calls_room(&self) -> bool {
        self.mentions_room() && self.text.contains(ROOM)
    }

    /// The mentions that are still in the text (a person whose name was deleted before
    /// sending is not notified).
    pub fn kept(&self) -> Vec<Mention> {
        let places = self.places();
        let mut kept: Vec<Mention> = places
            .iter()
            .map(|p| Mention::Person { user_id: p.user_id.clone(), name: p.name.clone() })
            .collect();
        if self.calls_room() {
            kept.push(Mention::Room);
        }
        kept
    }
}

impl From<&str> for Outgoing {
    fn from(text: &str) -> Self {
        Self::plain(text)
    }
}

/// Where one mention is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub range: Range<usize>,
    pub user_id: String,
    pub name: String,
}

/// The first occurrence of `words` in `text` that overlaps none of `taken`.
fn free_place(text: &str, words: &str, taken: &[Range<usize>]) -> Option<Range<usize>> {
    text.match_indices(words).map(|(at, _)| at..at + words.len()).find(|range| {
        taken.iter().all(|other| range.end <= other.start || other.end <= range.start)
    })
}

/// The mention being typed just before the cursor: the `@` that starts it (a byte offset
/// in `line`) and what follows it. `None` when the cursor is not in such a word (an e-mail
/// address, a word with spaces).
pub fn typing_at(line: &str, cursor: usize) -> Option<(usize, &str)> {
    let before = line.get(..cursor)?;
    let at = before.rfind('@')?;
    let query = &before[at + 1..];
    if query.chars().any(char::is_whitespace) {
        return None;
    }
    // "@" opens a mention at the start of the line or after a space, not inside a word.
    let starts_word = before[..at].chars().next_back().is_none_or(char::is_whitespace);
    starts_word.then_some((at, query))
}

/// A member the completion can offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub user_id: String,
    pub name: Option<String>,
}

impl Candidate {
    /// What the mention writes in the text: the name, or the ID for someone without one.
    pub fn written(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.user_id)
    }
}

/// The members whose name or Matrix ID contains `query` (case and accents folded), those
/// whose name or ID starts with it first, at most `limit`.
pub fn matching<'a>(candidates: &'a [Candidate], query: &str, limit: usize) -> Vec<&'a Candidate> {
    let query = super::text::folded(query);
    let mut found: Vec<(bool, &Candidate)> = candidates
        .iter()
        .filter_map(|candidate| {
            let name = candidate.name.as_deref().map(super::text::folded).unwrap_or_default();
            let id = super::text::folded(candidate.user_id.trim_start_matches('@'));
            let starts = name.starts_with(&query) || id.starts_with(&query);
            (starts || name.contains(&query) || id.contains(&query)).then_some((starts, candidate))
        })
        .collect();
    // Stable: within each group, the order given (the member list's).
    found.sort_by_key(|(starts, _)| !starts);
    found.into_iter().take(limit).map(|(_, candidate)| candidate).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alice() -> Mention {
        Mention::Person { user_id: "@alice:example.org".into(), name: "Alice Martin".into() }
    }

    #[test]
    fn a_mention_sits_where_its_name_is_written() {
        let out =
            Outgoing { text: "Bonjour Alice Martin, ça va ?".into(), mentions: vec![alice()] };
        let places = out.places();
        assert_eq!(places.len(), 1);
        assert_eq!(&out.text[places[0].range.clone()], "Alice Martin");
    }

    #[test]
    fn two_mentions_of_one_name_take_two_places_and_a_deleted_one_none() {
        let out = Outgoing {
            text: "Alice Martin et Alice Martin".into(),
            mentions: vec![alice(), alice(), alice()],
        };
        let starts: Vec<usize> = out.places().iter().map(|p| p.range.start).collect();
        assert_eq!(starts, [0, 16]);
        let gone = Outgoing { text: "plus personne".into(), mentions: vec![alice()] };
        assert!(gone.places().is_empty());
        assert!(gone.kept().is_empty());
    }

    #[test]
    fn a_mention_named_but_not_written_goes_in_front() {
        let out = Outgoing { text: "le budget".into(), mentions: vec![alice(), Mention::Room] };
        let out = out.written();
        assert_eq!(out.text, "Alice Martin, @room: le budget");
        assert_eq!(out.kept().len(), 2);
        // Written by ID: that is where it sits, nothing is added.
        let by_id = Outgoing { text: "merci @alice:example.org".into(), mentions: vec![alice()] };
        assert_eq!(by_id.clone().written().text, by_id.text);
        assert_eq!(by_id.places()[0].range.start, 6);
    }

    #[test]
    fn the_word_being_typed_after_an_at_sign() {
        assert_eq!(typing_at("bonjour @ali", 12), Some((8, "ali")));
        assert_eq!(typing_at("@", 1), Some((0, "")));
        assert_eq!(typing_at("écrit à jean@example.org", 26), None);
        assert_eq!(typing_at("@ali et", 7), None);
        // A cursor inside a character is not a place to complete.
        assert_eq!(typing_at("é", 1), None);
    }

    #[test]
    fn members_match_by_name_or_id_folded_those_starting_first() {
        let candidates = [
            Candidate { user_id: "@bob:example.org".into(), name: Some("Bob Hélène".into()) },
            Candidate { user_id: "@helene:example.org".into(), name: Some("Hélène Roy".into()) },
            Candidate { user_id: "@carl:example.org".into(), name: None },
        ];
        let found: Vec<&str> =
            matching(&candidates, "hele", 5).iter().map(|c| c.user_id.as_str()).collect();
        assert_eq!(found, ["@helene:example.org", "@bob:example.org"]);
        assert_eq!(matching(&candidates, "CARL", 5)[0].written(), "@carl:example.org");
        assert_eq!(matching(&candidates, "", 2).len(), 2);
    }
}
