//! The index on its own: words, edits, redactions, rooms, and what reaches the disk.

use super::*;

const KEY: [u8; 32] = [3; 32];

fn message(id: &str, room: &str, version: i64, body: &str) -> Message {
    Message {
        id: id.into(),
        room: room.into(),
        sender: "@bruno:example.org".into(),
        sent: 1_000,
        version,
        body: body.into(),
    }
}

fn ids(index: &Index, query: &str, room: Option<&str>) -> Vec<String> {
    let mut ids: Vec<_> =
        index.search(query, room, 50).unwrap().into_iter().map(|hit| hit.message.id).collect();
    ids.sort();
    ids
}

fn filled(dir: &Path) -> Index {
    let index = Index::open(dir, &KEY).unwrap();
    let changes = [
        Change::Put(message("$1", "!a", 1, "La réunion budgétaire est jeudi")),
        Change::Put(message("$2", "!a", 1, "Pas de reunion demain")),
        Change::Put(message("$3", "!b", 1, "Les réunions du service")),
        Change::Put(message("$4", "!b", 1, "The meetings are on Thursday")),
        Change::Put(message("$5", "!b", 1, "Rien à voir")),
    ];
    index.apply(&changes, Some("progress-1")).unwrap();
    index
}

#[test]
fn accents_case_and_stems_fold() {
    let dir = tempfile::tempdir().unwrap();
    let index = filled(dir.path());
    assert_eq!(ids(&index, "REUNION", None), ["$1", "$2", "$3"]);
    assert_eq!(ids(&index, "réunion", None), ["$1", "$2", "$3"]);
    assert_eq!(ids(&index, "meeting", None), ["$4"]);
    assert_eq!(ids(&index, "reunion jeudi", None), ["$1"]);
    assert_eq!(ids(&index, "reunion", Some("!b")), ["$3"]);
    assert!(ids(&index, "absent", None).is_empty());
    assert!(ids(&index, "  ", None).is_empty());
}

#[test]
fn hits_mark_the_words_found() {
    let dir = tempfile::tempdir().unwrap();
    let index = filled(dir.path());
    let hits = index.search("reunions jeudi", Some("!a"), 10).unwrap();
    let hit = hits.iter().find(|hit| hit.message.id == "$1").unwrap();
    let marked: Vec<_> = hit.marks.iter().map(|range| &hit.message.body[range.clone()]).collect();
    assert_eq!(marked, ["réunion", "jeudi"]);
}

#[test]
fn an_edit_replaces_and_an_older_text_never_wins() {
    let dir = tempfile::tempdir().unwrap();
    let index = filled(dir.path());
    index.apply(&[Change::Edit(message("$1", "!a", 5, "Rendez-vous vendredi"))], None).unwrap();
    assert_eq!(ids(&index, "vendredi", None), ["$1"]);
    assert!(ids(&index, "jeudi", None).is_empty());
    // History crawled backwards meets the original after its edit.
    index.apply(&[Change::Put(message("$1", "!a", 1, "La réunion est jeudi"))], None).unwrap();
    assert_eq!(ids(&index, "vendredi", None), ["$1"]);
    assert!(ids(&index, "jeudi", None).is_empty());
    assert_eq!(index.len(), 5);
}

#[test]
fn redactions_and_forgotten_rooms_leave() {
    let dir = tempfile::tempdir().unwrap();
    let index = filled(dir.path());
    index
        .apply(&[Change::Remove("$2".into()), Change::Put(message("$2", "!a", 1, "x"))], None)
        .unwrap();
    assert_eq!(ids(&index, "reunion", None), ["$1", "$3"]);
    index.apply(&[Change::RemoveRoom("!b".into())], None).unwrap();
    assert_eq!(ids(&index, "reunion", None), ["$1"]);
    assert_eq!(index.len(), 1);
}

#[test]
fn a_reopened_index_keeps_its_messages_and_its_note() {
    let dir = tempfile::tempdir().unwrap();
    drop(filled(dir.path()));
    let index = Index::open(dir.path(), &KEY).unwrap();
    assert_eq!(index.note(), "progress-1");
    assert_eq!(ids(&index, "reunion", None), ["$1", "$2", "$3"]);
    assert!(Index::open(dir.path(), &[4; 32]).is_err());
}

#[test]
fn no_word_of_a_message_reaches_the_disk() {
    let dir = tempfile::tempdir().unwrap();
    let index = filled(dir.path());
    index.apply(&[Change::Put(message("$9", "!a", 1, "zanzibar ultrasecret"))], None).unwrap();
    drop(index);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for word in [&b"zanzibar"[..], b"budget", b"reunion", b"meeting", b"progress-1"] {
            assert!(!bytes.windows(word.len()).any(|w| w == word));
        }
    }
}

#[test]
fn only_the_author_edits_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let index = filled(dir.path());
    let mut forged = message("$1", "!a", 9, "Virement urgent");
    forged.sender = "@mallory:example.org".into();
    assert_eq!(index.apply(&[Change::Edit(forged.clone())], None).unwrap(), 0);
    assert!(ids(&index, "virement", None).is_empty());
    // Met before the original (history read backwards), the forgery gives way to it.
    forged.id = "$new".into();
    index.apply(&[Change::Edit(forged)], None).unwrap();
    let mut original = message("$new", "!a", 1, "Bonne journée");
    index.apply(&[Change::Put(original.clone())], None).unwrap();
    assert_eq!(ids(&index, "journee", None), ["$new"]);
    assert!(ids(&index, "virement", None).is_empty());
    original.version = 2;
    original.body = "Bonne soirée".into();
    index.apply(&[Change::Edit(original)], None).unwrap();
    assert_eq!(ids(&index, "soiree", None), ["$new"]);
}

#[test]
fn nothing_new_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let index = filled(dir.path());
    let files = || std::fs::read_dir(dir.path()).unwrap().count();
    let before = files();
    let again = [Change::Put(message("$1", "!a", 1, "La réunion budgétaire est jeudi"))];
    assert_eq!(index.apply(&again, None).unwrap(), 0);
    assert_eq!(index.apply(&again, Some("progress-1")).unwrap(), 0);
    assert_eq!(files(), before);
}

/// A message the index holds, even one since redacted, is its to describe: the server's
/// search, which may still have an old text, does not get to add it again.
#[test]
fn the_index_knows_what_it_holds_and_what_it_removed() {
    let dir = tempfile::tempdir().unwrap();
    let index = filled(dir.path());
    index.apply(&[Change::Remove("$2".into())], None).unwrap();
    assert!(index.knows("$1"));
    assert!(index.knows("$2"), "a redacted message is forgotten, not unknown");
    assert!(!index.knows("$9"));
}

#[test]
fn words_found_elsewhere_are_marked_as_the_index_marks_them() {
    let body = "Les Réunions de jeudi";
    let marked: Vec<_> = marks("reunion JEUDI", body).into_iter().map(|r| &body[r]).collect();
    assert_eq!(marked, ["Réunions", "jeudi"]);
}
