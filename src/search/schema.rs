//! What the index keeps of a message, and how its words are cut and folded: case and accents
//! folded (é = e), and French and English stems beside the words, so "réunions" finds
//! "reunion" and "meetings" finds "meeting".

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer, TokenizerManager,
};

/// The analysers' names, as the schema refers to them.
const FRENCH: &str = "estafette-fr";
const ENGLISH: &str = "estafette-en";

/// Words longer than this are not words (a key, a link's tail) and are left out.
const LONGEST_WORD: usize = 40;

/// The fields of one indexed message.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The message's event id (of the original, when edited), kept to be shown.
    pub id: Field,
    /// The event id's key (`key`), a column: how a message is found to be replaced or
    /// removed. Not a term: a term per message would cost more than most messages' text.
    pub id_key: Field,
    pub room: Field,
    /// The room id's key: how a search keeps to one room and a room is removed.
    pub room_key: Field,
    pub sender: Field,
    /// The sender's key, a column: an edit is taken only from the message's author.
    pub author: Field,
    /// When it was sent, in milliseconds since the epoch.
    pub sent: Field,
    /// When its current text was written (the last edit's time): an older version never
    /// replaces a newer one, whichever order history arrives in.
    pub version: Field,
    /// The text as written, for the result's excerpt.
    pub body: Field,
    pub french: Field,
    pub english: Field,
}

/// The schema and its fields.
pub fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let stems = |analyser| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyser)
                .set_index_option(IndexRecordOption::WithFreqs)
                // Ranking by how long a message is adds a byte per message and field for
                // little: chat messages are short alike.
                .set_fieldnorms(false),
        )
    };
    let fields = Fields {
        id: builder.add_text_field("id", STORED),
        id_key: builder.add_u64_field("id_key", FAST),
        room: builder.add_text_field("room", STORED),
        room_key: builder.add_u64_field("room_key", INDEXED),
        sender: builder.add_text_field("sender", STORED),
        author: builder.add_u64_field("author", FAST),
        sent: builder.add_i64_field("sent", STORED | FAST),
        version: builder.add_i64_field("version", STORED | FAST),
        // The words themselves need no postings: a word and its stems fold alike, so the
        // stems find every message the words would.
        body: builder.add_text_field("body", STORED),
        french: builder.add_text_field("fr", stems(FRENCH)),
        english: builder.add_text_field("en", stems(ENGLISH)),
    };
    (builder.build(), fields)
}

/// The key of an id: FNV-1a, stable across builds and platforms (std's hasher is not). Two ids
/// of one key among a million messages have odds of one in thirty million.
pub fn key(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The analysers the schema names, registered on an index.
pub fn register(tokenizers: &TokenizerManager) {
    tokenizers.register(FRENCH, stemmed(Language::French));
    tokenizers.register(ENGLISH, stemmed(Language::English));
}

/// Words, lower case, accents folded.
pub fn words() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The same words cut to their stem in `language`. Stemmed after folding, so a word typed
/// without its accent has the same stem as the one written with it.
pub fn stemmed(language: Language) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(language))
        .build()
}

/// The tokens of `text` under `analyser`, with where each sits in the text.
pub fn tokens(analyser: &mut TextAnalyzer, text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut found = Vec::new();
    let mut stream = analyser.token_stream(text);
    while let Some(token) = stream.next() {
        found.push((token.text.clone(), token.offset_from..token.offset_to));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(mut analyser: TextAnalyzer, text: &str) -> Vec<String> {
        tokens(&mut analyser, text).into_iter().map(|(word, _)| word).collect()
    }

    #[test]
    fn case_and_accents_fold() {
        assert_eq!(
            texts(words(), "Réunion DÉJÀ prévue, Noël"),
            ["reunion", "deja", "prevue", "noel"]
        );
    }

    #[test]
    fn stems_join_plurals_and_conjugations() {
        assert_eq!(
            texts(stemmed(Language::French), "réunions"),
            texts(stemmed(Language::French), "reunion")
        );
        assert_eq!(
            texts(stemmed(Language::English), "meetings"),
            texts(stemmed(Language::English), "meeting")
        );
    }

    #[test]
    fn overlong_words_are_left_out() {
        let key = "a".repeat(LONGEST_WORD + 1);
        assert_eq!(texts(words(), &format!("clé {key}")), ["cle"]);
    }
}
