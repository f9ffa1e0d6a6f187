//! Who said it: the senders of a room's loaded messages with their names as the window shows
//! them, and which of those names another sender shares (review H3). The SDK flags a name
//! that other members of the room share, folding confusable letters and invisible characters
//! (`DisplayName`); lazy loading can leave it unaware of members it has not seen yet, so the
//! senders the timeline holds are compared here too, the same way.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use matrix_sdk::deserialized_responses::DisplayName;
use matrix_sdk_ui::timeline::{EventTimelineItem, TimelineDetails, TimelineItem};

/// One sender's name, cleaned, and whether another sender's looks the same.
#[derive(Debug, Clone, Default)]
struct Known {
    name: Option<String>,
    ambiguous: bool,
}

/// The senders of the items at hand.
#[derive(Debug, Default)]
pub(super) struct Names {
    senders: HashMap<String, Known>,
}

impl Names {
    pub(super) fn of(items: &[Arc<TimelineItem>]) -> Self {
        let mut senders: HashMap<String, Known> = HashMap::new();
        for event in items.iter().filter_map(|item| item.as_event()) {
            let sender = event.sender().to_string();
            let (name, flagged) = profile(event);
            let known = senders.entry(sender).or_default();
            known.ambiguous |= flagged;
            if name.is_some() {
                known.name = name;
            }
        }
        mark_lookalikes(&mut senders);
        Self { senders }
    }

    /// The sender's display name, cleaned, when known.
    pub(super) fn name(&self, user: &str) -> Option<String> {
        self.senders.get(user).and_then(|known| known.name.clone())
    }

    pub(super) fn ambiguous(&self, user: &str) -> bool {
        self.senders.get(user).is_some_and(|known| known.ambiguous)
    }

    /// How a sentence names `user`: `model::person::named`.
    pub(super) fn label(&self, user: &str) -> String {
        crate::model::person::named(self.name(user).as_deref(), user, self.ambiguous(user))
    }
}

/// The event's sender name as the SDK knows it, cleaned, and the SDK's ambiguity flag.
pub(super) fn profile(event: &EventTimelineItem) -> (Option<String>, bool) {
    match event.sender_profile() {
        TimelineDetails::Ready(profile) => {
            let name = profile.display_name.as_deref().map(crate::model::text::clean_name);
            (name.filter(|name| !name.is_empty()), profile.display_name_ambiguous)
        }
        _ => (None, false),
    }
}

/// Flags every sender whose name is, once folded, another sender's; or looks like a Matrix ID
/// or hides characters by itself.
fn mark_lookalikes(senders: &mut HashMap<String, Known>) {
    let mut by_name: HashMap<DisplayName, HashSet<String>> = HashMap::new();
    for (sender, known) in senders.iter_mut() {
        let Some(name) = &known.name else { continue };
        let folded = DisplayName::new(name);
        known.ambiguous |= folded.is_inherently_ambiguous();
        by_name.entry(folded).or_default().insert(sender.clone());
    }
    for group in by_name.values().filter(|group| group.len() > 1) {
        for sender in group {
            if let Some(known) = senders.get_mut(sender) {
                known.ambiguous = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(name: &str) -> Known {
        Known { name: Some(name.into()), ambiguous: false }
    }

    #[test]
    fn lookalike_names_are_all_flagged() {
        let mut senders = HashMap::from([
            ("@anne:gouv.fr".to_owned(), known("Anne Dupont")),
            // A Cyrillic "А" and a zero-width space: the same name to a reader.
            ("@mallory:evil.org".to_owned(), known("\u{410}nne Dupont")),
            ("@bob:gouv.fr".to_owned(), known("Bob")),
            ("@carol:gouv.fr".to_owned(), known("@boss:gouv.fr")),
        ]);
        mark_lookalikes(&mut senders);
        assert!(senders["@anne:gouv.fr"].ambiguous);
        assert!(senders["@mallory:evil.org"].ambiguous);
        assert!(!senders["@bob:gouv.fr"].ambiguous);
        assert!(senders["@carol:gouv.fr"].ambiguous, "a name shaped like a Matrix ID");
    }
}
