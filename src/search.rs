//! The local search index: every message this session could decrypt, searchable by its words,
//! kept in tantivy over files sealed with a key from the keychain (`vault`). The only code that
//! names tantivy. Blocking: the core calls it off the async threads.
//!
//! One index for all the rooms (a room is a field, not an index: two hundred rooms would be two
//! hundred writers). Each message is one document, keyed by its event id; an edit replaces the
//! text of its original, a redaction removes it. The index also keeps, in each commit, a short
//! text its owner gives it (the crawler's progress), sealed with the rest.

mod schema;
mod vault;

use std::collections::{HashMap, HashSet};
use std::ops::{Bound, Range};
use std::path::Path;
use std::sync::Mutex;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value as _};
use tantivy::tokenizer::{Language, TextAnalyzer};
use tantivy::{IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use schema::Fields;
use vault::Vault;

/// The writer's memory budget: the least tantivy takes for one thread. Messages are small;
/// a larger budget would only hold more of them before a segment is written.
const WRITER_MEMORY: usize = 15_000_000;

/// How the messages' text is kept: zstd over 64 KiB blocks takes natural text to about a third
/// (lz4 over tantivy's 16 KiB, a half); a search opens at most one block per result.
fn settings() -> tantivy::IndexSettings {
    let zstd = tantivy::store::ZstdCompressor { compression_level: Some(9) };
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(zstd),
        docstore_blocksize: 65_536,
        ..tantivy::IndexSettings::default()
    }
}

/// A message as the index keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The event id (the original's, for an edit).
    pub id: String,
    pub room: String,
    pub sender: String,
    /// Sent at, in milliseconds since the epoch.
    pub sent: i64,
    /// When this text was written: the original's time, or the edit's.
    pub version: i64,
    pub body: String,
}

/// One change to the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Adds a message as its author sent it (or replaces an older text of it).
    Put(Message),
    /// A new text for a message, from an edit: only the message's author may edit it.
    Edit(Message),
    /// Removes a message (redacted), by event id.
    Remove(String),
    /// Removes every message of a room (left and forgotten).
    RemoveRoom(String),
}

/// A message that matched, with where the query's words are in its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub message: Message,
    /// Byte ranges of `message.body` to highlight.
    pub marks: Vec<Range<usize>>,
    pub score: f32,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("the search index cannot be used: {0}")]
    Index(String),
    #[error("the search index's folder cannot be used: {0}")]
    Folder(#[from] std::io::Error),
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(error: tantivy::TantivyError) -> Self {
        Self::Index(error.to_string())
    }
}

/// An open index, with its one writer.
pub struct Index {
    writer: Mutex<Writer>,
    reader: IndexReader,
    fields: Fields,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").finish_non_exhaustive()
    }
}

impl Index {
    /// Opens the index in `dir` sealed with `key`, creating both if need be.
    pub fn open(dir: &Path, key: &[u8; 32]) -> Result<Self, SearchError> {
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = schema::schema();
        let index = tantivy::Index::builder()
            .schema(schema)
            .settings(settings())
            .open_or_create(Vault::new(dir, key))?;
        schema::register(index.tokenizers());
        let tantivy = index.writer_with_num_threads(1, WRITER_MEMORY)?;
        let reader: IndexReader =
            index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let versions = versions(&reader.searcher())?;
        let note = index.load_metas()?.payload;
        let writer = Writer { tantivy, note, versions };
        Ok(Self { writer: Mutex::new(writer), reader, fields })
    }

    /// Applies `changes` and commits them, with `note` (the crawler's progress) when given,
    /// in one step. Returns how many changed the index; with none, nothing is written.
    pub fn apply(&self, changes: &[Change], note: Option<&str>) -> Result<usize, SearchError> {
        let mut writer = self.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (mut done, mut rooms_removed) = (0, false);
        for change in changes {
            match change {
                Change::Put(message) => done += self.put(&mut writer, message, false)?,
                Change::Edit(message) => done += self.put(&mut writer, message, true)?,
                Change::Remove(id) => {
                    let key = schema::key(id);
                    let known = writer.versions.insert(key, Known { version: GONE, author: 0 });
                    // Remembered as gone even when absent: history read backwards meets a
                    // redaction before the message it removes.
                    if known.is_some_and(|known| known.version != GONE) {
                        writer.tantivy.delete_query(self.id_query(key))?;
                        done += 1;
                    }
                }
                Change::RemoveRoom(room) => {
                    writer.tantivy.delete_term(room_term(&self.fields, room));
                    (done, rooms_removed) = (done + 1, true);
                }
            }
        }
        if done == 0 && note.is_none_or(|note| Some(note) == writer.note.as_deref()) {
            return Ok(0);
        }
        let payload = note.map(str::to_owned).or_else(|| writer.note.clone());
        let mut commit = writer.tantivy.prepare_commit()?;
        if let Some(payload) = &payload {
            commit.set_payload(payload);
        }
        commit.commit()?;
        if let Some(note) = note {
            writer.note = Some(note.to_owned());
        }
        self.reader.reload()?;
        if rooms_removed {
            writer.versions = versions(&self.reader.searcher())?;
        }
        Ok(done)
    }

    /// Adds `message` unless the index holds a newer text of it, or it is an edit by someone
    /// other than the author (anyone can send an "edit" of anyone's message: the timeline
    /// refuses it, and so does the index). A message put by its author replaces a forged
    /// edit met before it. Returns 1 when the index changed.
    fn put(
        &self,
        writer: &mut Writer,
        message: &Message,
        edit: bool,
    ) -> Result<usize, SearchError> {
        let key = schema::key(&message.id);
        let author = schema::key(&message.sender);
        match writer.versions.get(&key) {
            Some(known) if known.version == GONE => return Ok(0),
            Some(known) if known.author != author && edit => return Ok(0),
            Some(known) if known.author == author && known.version >= message.version => {
                return Ok(0);
            }
            Some(_) => {
                writer.tantivy.delete_query(self.id_query(key))?;
            }
            None => {}
        }
        writer.tantivy.add_document(self.document(message))?;
        writer.versions.insert(key, Known { version: message.version, author });
        Ok(1)
    }

    /// The note of the last commit ("" before the first).
    pub fn note(&self) -> String {
        let writer = self.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        writer.note.clone().unwrap_or_default()
    }

    /// How many messages the index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the index holds (or held, before a redaction) the message `id`: what it says
    /// of that message is the truth, whatever another source says.
    pub fn knows(&self, id: &str) -> bool {
        let writer = self.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        writer.versions.contains_key(&schema::key(id))
    }

    /// The messages (of `room`, or of every room) that have every word of `query`, best first.
    pub fn search(
        &self,
        query: &str,
        room: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Hit>, SearchError> {
        let words = Words::of(query);
        if words.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let mut clauses = words.clauses(&self.fields);
        if let Some(room) = room {
            let term = room_term(&self.fields, room);
            clauses.push((Occur::Must, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
        }
        let searcher = self.reader.searcher();
        let found = searcher
            .search(&BooleanQuery::new(clauses), &TopDocs::with_limit(limit).order_by_score())?;
        let mut hits = Vec::with_capacity(found.len());
        for (score, address) in found {
            let message = self.message(&searcher.doc(address)?);
            let marks = words.marks(&message.body);
            hits.push(Hit { message, marks, score });
        }
        Ok(hits)
    }

    /// The documents of the message whose id has `key`.
    fn id_query(&self, key: u64) -> Box<dyn Query> {
        let term = Term::from_field_u64(self.fields.id_key, key);
        Box::new(RangeQuery::new(Bound::Included(term.clone()), Bound::Included(term)))
    }

    fn document(&self, message: &Message) -> TantivyDocument {
        let f = &self.fields;
        let mut document = TantivyDocument::new();
        document.add_text(f.id, &message.id);
        document.add_u64(f.id_key, schema::key(&message.id));
        document.add_text(f.room, &message.room);
        document.add_u64(f.room_key, schema::key(&message.room));
        document.add_text(f.sender, &message.sender);
        document.add_u64(f.author, schema::key(&message.sender));
        document.add_i64(f.sent, message.sent);
        document.add_i64(f.version, message.version);
        document.add_text(f.body, &message.body);
        document.add_text(f.french, &message.body);
        document.add_text(f.english, &message.body);
        document
    }

    fn message(&self, document: &TantivyDocument) -> Message {
        let text = |field| {
            document.get_first(field).and_then(|v| v.as_str()).unwrap_or_default().to_owned()
        };
        let number = |field| document.get_first(field).and_then(|v| v.as_i64()).unwrap_or_default();
        let f = &self.fields;
        Message {
            id: text(f.id),
            room: text(f.room),
            sender: text(f.sender),
            sent: number(f.sent),
            version: number(f.version),
            body: text(f.body),
        }
    }
}

/// The writer, the note of its last commit, and what the index holds of every message (by
/// id key): what a change is checked against without a search. About 40 bytes a message.
struct Writer {
    tantivy: IndexWriter,
    note: Option<String>,
    versions: HashMap<u64, Known>,
}

/// What the index holds of one message.
#[derive(Debug, Clone, Copy)]
struct Known {
    /// When its text was written, or `GONE`.
    version: i64,
    /// Its sender's key.
    author: u64,
}

/// The version of a message removed by a redaction: no text of it is ever put back.
const GONE: i64 = i64::MAX;

/// The versions of the messages in the index, read from its columns.
fn versions(searcher: &tantivy::Searcher) -> Result<HashMap<u64, Known>, SearchError> {
    let mut versions = HashMap::new();
    for segment in searcher.segment_readers() {
        let keys = segment.fast_fields().u64("id_key")?;
        let stamps = segment.fast_fields().i64("version")?;
        let authors = segment.fast_fields().u64("author")?;
        for doc in segment.doc_ids_alive() {
            let read = (keys.first(doc), stamps.first(doc), authors.first(doc));
            if let (Some(key), Some(version), Some(author)) = read {
                versions.insert(key, Known { version, author });
            }
        }
    }
    Ok(versions)
}

/// Where in `body` the words of `query` are, as a search of the index would mark them: for
/// a message found elsewhere (the server's search).
pub fn marks(query: &str, body: &str) -> Vec<Range<usize>> {
    Words::of(query).marks(body)
}

/// A query's words as each field indexes them: folded, and stemmed in each language.
struct Words {
    folded: Vec<String>,
    french: Vec<String>,
    english: Vec<String>,
}

impl Words {
    fn of(query: &str) -> Self {
        let cut = |mut analyser: TextAnalyzer| -> Vec<String> {
            schema::tokens(&mut analyser, query).into_iter().map(|(word, _)| word).collect()
        };
        Self {
            folded: cut(schema::words()),
            french: cut(schema::stemmed(Language::French)),
            english: cut(schema::stemmed(Language::English)),
        }
    }

    fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// Every word must be there, as itself or as one of its stems.
    fn clauses(&self, fields: &Fields) -> Vec<(Occur, Box<dyn Query>)> {
        let term = |field, word: &str| -> (Occur, Box<dyn Query>) {
            let term = Term::from_field_text(field, word);
            (Occur::Should, Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)))
        };
        let forms = self.french.iter().zip(&self.english);
        forms
            .map(|(french, english)| -> (Occur, Box<dyn Query>) {
                let any = vec![term(fields.french, french), term(fields.english, english)];
                (Occur::Must, Box::new(BooleanQuery::new(any)))
            })
            .collect()
    }

    /// Where in `body` a word of the query (or a word with the same stem) is.
    fn marks(&self, body: &str) -> Vec<Range<usize>> {
        let (folded, french, english) = (set(&self.folded), set(&self.french), set(&self.english));
        let words = schema::tokens(&mut schema::words(), body);
        let fr = schema::tokens(&mut schema::stemmed(Language::French), body);
        let en = schema::tokens(&mut schema::stemmed(Language::English), body);
        words
            .into_iter()
            .zip(fr)
            .zip(en)
            .filter(|(((word, _), (fr, _)), (en, _))| {
                folded.contains(word.as_str())
                    || french.contains(fr.as_str())
                    || english.contains(en.as_str())
            })
            .map(|(((_, range), _), _)| range)
            .collect()
    }
}

fn room_term(fields: &Fields, room: &str) -> Term {
    Term::from_field_u64(fields.room_key, schema::key(room))
}

fn set(words: &[String]) -> HashSet<&str> {
    words.iter().map(String::as_str).collect()
}

#[cfg(test)]
mod tests;
