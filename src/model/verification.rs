//! One verification as the front ends show it: the SDK's request, emoji (SAS) and QR flows
//! folded into a single state machine, the seven emoji with names in the user's language, and
//! why a verification stopped in words a non-technical person can act on.

use crate::fl;

/// One verification flow, incoming or outgoing, with another session or another person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// The flow id: the request's transaction id (to-device) or event id (in a room).
    pub id: String,
    pub other_user: String,
    /// The other session, once known (an in-room request names it only when answered).
    pub other_device: Option<String>,
    pub we_started: bool,
    pub stage: Stage,
}

/// Where a verification stands. `Done` and `Cancelled` are final: nothing moves them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// Asked, not answered yet: by us (waiting for them) or by them (waiting for us to accept).
    Requested,
    /// Both sides agreed to verify; `methods` are the ways both can use.
    Ready {
        methods: Vec<Method>,
    },
    /// We show this QR code (its raw payload) for the other device to scan.
    ShowingQr(Vec<u8>),
    /// The other device says it scanned our code: the person confirms it shows success.
    ScannedConfirm,
    /// Compare these seven emoji with the other screen.
    Emoji(Box<[Emoji; 7]>),
    /// We confirmed; waiting for the other side.
    Confirmed,
    Done,
    Cancelled(CancelReason),
}

/// A way to verify that both sides support.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Compare seven emoji.
    Emoji,
    /// This side can show a QR code.
    ShowQr,
    /// This side can scan a QR code.
    ScanQr,
}

/// One of the 64 emoji of the Matrix SAS table, with the Fluent id of its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Emoji {
    pub symbol: String,
    pub name_id: &'static str,
}

impl Emoji {
    /// The emoji at `index` of the spec's table (0..=63), the number both sides derive from
    /// the shared secret: the SDK's own description is English only, so names come from here.
    pub fn from_index(index: u8) -> Option<Self> {
        let (symbol, name_id) = SAS_EMOJI.get(usize::from(index))?;
        Some(Self { symbol: (*symbol).to_owned(), name_id })
    }

    /// The seven emoji of a short authentication string, or `None` if an index is out of the
    /// table (a broken or hostile peer).
    pub fn seven(indices: [u8; 7]) -> Option<[Self; 7]> {
        let all: Vec<Self> = indices.iter().filter_map(|&i| Self::from_index(i)).collect();
        all.try_into().ok()
    }

    /// The emoji's name in the user's language ("Dog", "Chien").
    pub fn name(&self) -> String {
        crate::i18n::LOADER.get(self.name_id)
    }
}

/// Why a verification stopped, in the person's terms rather than the protocol's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelReason {
    /// The emoji, keys or person did not match: possibly an attack.
    Mismatch,
    TimedOut,
    ByThem,
    ByUs,
    /// Another session of theirs (or ours) answered the request first.
    AnsweredElsewhere,
    /// The other app cannot verify in the way asked.
    Unsupported,
    /// A protocol error between the two apps.
    Failed,
}

impl CancelReason {
    /// From the spec's cancel code (`m.mismatched_sas`…) and who sent the cancellation. A
    /// mismatch is a mismatch whichever side saw it: both people must be warned.
    pub fn from_code(code: &str, by_us: bool) -> Self {
        match code {
            "m.mismatched_sas"
            | "m.key_mismatch"
            | "m.mismatched_commitment"
            | "m.user_mismatch" => Self::Mismatch,
            "m.timeout" => Self::TimedOut,
            "m.accepted" => Self::AnsweredElsewhere,
            "m.unknown_method" => Self::Unsupported,
            "m.user" if by_us => Self::ByUs,
            "m.user" => Self::ByThem,
            _ => Self::Failed,
        }
    }

    /// What happened and what to do, in the user's language.
    pub fn text(&self) -> String {
        match self {
            Self::Mismatch => fl!("verify-cancel-mismatch"),
            Self::TimedOut => fl!("verify-cancel-timeout"),
            Self::ByThem => fl!("verify-cancel-by-them"),
            Self::ByUs => fl!("verify-cancel-by-us"),
            Self::AnsweredElsewhere => fl!("verify-cancel-elsewhere"),
            Self::Unsupported => fl!("verify-cancel-unsupported"),
            Self::Failed => fl!("verify-cancel-failed"),
        }
    }

    /// A stable word for machine-readable output and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Mismatch => "mismatch",
            Self::TimedOut => "timeout",
            Self::ByThem => "cancelled_by_them",
            Self::ByUs => "cancelled_by_us",
            Self::AnsweredElsewhere => "answered_elsewhere",
            Self::Unsupported => "unsupported",
            Self::Failed => "failed",
        }
    }
}

/// What the core observed of one flow, already free of SDK types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Requested,
    Ready(Vec<Method>),
    QrShown(Vec<u8>),
    /// The other side scanned the code we show.
    ScannedByThem,
    /// The SAS table indices of the seven emoji.
    Emoji([u8; 7]),
    Confirmed,
    Done,
    Cancelled(CancelReason),
}

impl Stage {
    /// How far along the flow is: the SDK's request and its emoji or QR flow report on separate
    /// streams, so a late request state must not take a flow back to an earlier stage.
    fn rank(&self) -> u8 {
        match self {
            Self::Requested => 0,
            Self::Ready { .. } => 1,
            Self::ShowingQr(_) | Self::Emoji(_) => 2,
            Self::ScannedConfirm => 3,
            Self::Confirmed => 4,
            Self::Done | Self::Cancelled(_) => 5,
        }
    }

    pub fn is_final(&self) -> bool {
        matches!(self, Self::Done | Self::Cancelled(_))
    }
}

impl Verification {
    /// A new flow at its first stage.
    pub fn new(id: String, other_user: String, we_started: bool) -> Self {
        Self { id, other_user, other_device: None, we_started, stage: Stage::Requested }
    }

    /// With another session of our own account (rather than another person).
    pub fn is_own(&self, own_user: &str) -> bool {
        self.other_user == own_user
    }

    /// Folds one observation in; returns whether the stage changed (what front ends are told).
    pub fn apply(&mut self, step: Step) -> bool {
        if self.stage.is_final() {
            return false;
        }
        let next = match step {
            Step::Requested => Stage::Requested,
            Step::Ready(methods) => Stage::Ready { methods },
            Step::QrShown(bytes) => Stage::ShowingQr(bytes),
            Step::ScannedByThem => Stage::ScannedConfirm,
            Step::Emoji(indices) => match Emoji::seven(indices) {
                Some(emoji) => Stage::Emoji(Box::new(emoji)),
                None => Stage::Cancelled(CancelReason::Failed),
            },
            Step::Confirmed => Stage::Confirmed,
            Step::Done => Stage::Done,
            Step::Cancelled(reason) => Stage::Cancelled(reason),
        };
        // Emoji and QR share a rank: the people may switch from one to the other.
        if next.rank() < self.stage.rank() || next == self.stage {
            return false;
        }
        self.stage = next;
        true
    }
}

/// The spec's SAS emoji table, in index order (matrix-spec `sas-emoji.json`).
const SAS_EMOJI: [(&str, &str); 64] = [
    ("🐶", "sas-emoji-dog"),
    ("🐱", "sas-emoji-cat"),
    ("🦁", "sas-emoji-lion"),
    ("🐎", "sas-emoji-horse"),
    ("🦄", "sas-emoji-unicorn"),
    ("🐷", "sas-emoji-pig"),
    ("🐘", "sas-emoji-elephant"),
    ("🐰", "sas-emoji-rabbit"),
    ("🐼", "sas-emoji-panda"),
    ("🐓", "sas-emoji-rooster"),
    ("🐧", "sas-emoji-penguin"),
    ("🐢", "sas-emoji-turtle"),
    ("🐟", "sas-emoji-fish"),
    ("🐙", "sas-emoji-octopus"),
    ("🦋", "sas-emoji-butterfly"),
    ("🌷", "sas-emoji-flower"),
    ("🌳", "sas-emoji-tree"),
    ("🌵", "sas-emoji-cactus"),
    ("🍄", "sas-emoji-mushroom"),
    ("🌏", "sas-emoji-globe"),
    ("🌙", "sas-emoji-moon"),
    ("☁️", "sas-emoji-cloud"),
    ("🔥", "sas-emoji-fire"),
    ("🍌", "sas-emoji-banana"),
    ("🍎", "sas-emoji-apple"),
    ("🍓", "sas-emoji-strawberry"),
    ("🌽", "sas-emoji-corn"),
    ("🍕", "sas-emoji-pizza"),
    ("🎂", "sas-emoji-cake"),
    ("❤️", "sas-emoji-heart"),
    ("😀", "sas-emoji-smiley"),
    ("🤖", "sas-emoji-robot"),
    ("🎩", "sas-emoji-hat"),
    ("👓", "sas-emoji-glasses"),
    ("🔧", "sas-emoji-spanner"),
    ("🎅", "sas-emoji-santa"),
    ("👍", "sas-emoji-thumbs-up"),
    ("☂️", "sas-emoji-umbrella"),
    ("⌛", "sas-emoji-hourglass"),
    ("⏰", "sas-emoji-clock"),
    ("🎁", "sas-emoji-gift"),
    ("💡", "sas-emoji-light-bulb"),
    ("📕", "sas-emoji-book"),
    ("✏️", "sas-emoji-pencil"),
    ("📎", "sas-emoji-paperclip"),
    ("✂️", "sas-emoji-scissors"),
    ("🔒", "sas-emoji-lock"),
    ("🔑", "sas-emoji-key"),
    ("🔨", "sas-emoji-hammer"),
    ("☎️", "sas-emoji-telephone"),
    ("🏁", "sas-emoji-flag"),
    ("🚂", "sas-emoji-train"),
    ("🚲", "sas-emoji-bicycle"),
    ("✈️", "sas-emoji-aeroplane"),
    ("🚀", "sas-emoji-rocket"),
    ("🏆", "sas-emoji-trophy"),
    ("⚽", "sas-emoji-ball"),
    ("🎸", "sas-emoji-guitar"),
    ("🎺", "sas-emoji-trumpet"),
    ("🔔", "sas-emoji-bell"),
    ("⚓", "sas-emoji-anchor"),
    ("🎧", "sas-emoji-headphones"),
    ("📁", "sas-emoji-folder"),
    ("📌", "sas-emoji-pin"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn flow() -> Verification {
        Verification::new("f1".into(), "@bob:example.org".into(), true)
    }

    #[test]
    fn the_emoji_flow_runs_to_done() {
        let mut v = flow();
        assert!(v.apply(Step::Ready(vec![Method::Emoji])));
        assert!(v.apply(Step::Emoji([0, 1, 2, 3, 4, 5, 63])));
        let Stage::Emoji(emoji) = &v.stage else { panic!("{:?}", v.stage) };
        assert_eq!(emoji[0].symbol, "🐶");
        assert_eq!(emoji[6].name_id, "sas-emoji-pin");
        assert!(v.apply(Step::Confirmed));
        assert!(v.apply(Step::Done));
        assert_eq!(v.stage, Stage::Done);
    }

    #[test]
    fn late_request_states_do_not_go_back() {
        let mut v = flow();
        v.apply(Step::Emoji([9; 7]));
        assert!(!v.apply(Step::Ready(vec![Method::Emoji])));
        assert!(!v.apply(Step::Requested));
        assert!(matches!(v.stage, Stage::Emoji(_)));
        // The same stage twice is no change to report.
        assert!(!v.apply(Step::Emoji([9; 7])));
    }

    #[test]
    fn final_stages_stay_final() {
        let mut v = flow();
        v.apply(Step::Done);
        assert!(!v.apply(Step::Cancelled(CancelReason::ByThem)));
        let mut w = flow();
        w.apply(Step::Cancelled(CancelReason::Mismatch));
        assert!(!w.apply(Step::Done));
        assert_eq!(w.stage, Stage::Cancelled(CancelReason::Mismatch));
    }

    #[test]
    fn the_qr_flow_goes_through_the_scanned_check() {
        let mut v = flow();
        v.apply(Step::Ready(vec![Method::ShowQr, Method::ScanQr]));
        assert!(v.apply(Step::QrShown(vec![1, 2, 3])));
        assert!(v.apply(Step::ScannedByThem));
        assert!(v.apply(Step::Confirmed));
        assert!(v.apply(Step::Done));
    }

    #[test]
    fn people_may_switch_from_qr_to_emoji() {
        let mut v = flow();
        v.apply(Step::QrShown(vec![1]));
        assert!(v.apply(Step::Emoji([1; 7])));
    }

    #[test]
    fn an_out_of_table_index_fails_the_flow() {
        let mut v = flow();
        assert!(v.apply(Step::Emoji([0, 1, 2, 3, 4, 5, 64])));
        assert_eq!(v.stage, Stage::Cancelled(CancelReason::Failed));
    }

    #[test]
    fn a_mismatch_is_a_mismatch_on_both_sides() {
        assert_eq!(CancelReason::from_code("m.mismatched_sas", true), CancelReason::Mismatch);
        assert_eq!(CancelReason::from_code("m.mismatched_sas", false), CancelReason::Mismatch);
        assert_eq!(CancelReason::from_code("m.key_mismatch", false), CancelReason::Mismatch);
        assert_eq!(CancelReason::from_code("m.user", true), CancelReason::ByUs);
        assert_eq!(CancelReason::from_code("m.user", false), CancelReason::ByThem);
        assert_eq!(CancelReason::from_code("m.timeout", false), CancelReason::TimedOut);
        assert_eq!(CancelReason::from_code("org.example.odd", false), CancelReason::Failed);
    }

    #[test]
    fn the_table_has_64_distinct_emoji() {
        let symbols: std::collections::BTreeSet<_> = SAS_EMOJI.iter().map(|e| e.0).collect();
        let ids: std::collections::BTreeSet<_> = SAS_EMOJI.iter().map(|e| e.1).collect();
        assert_eq!((symbols.len(), ids.len()), (64, 64));
        assert!(Emoji::from_index(64).is_none());
    }

    #[test]
    fn every_emoji_is_named_in_english_and_french() {
        let files = [
            include_str!("../../i18n/en/estafette.ftl"),
            include_str!("../../i18n/fr/estafette.ftl"),
        ];
        for text in files {
            for (_, id) in SAS_EMOJI {
                let prefix = format!("{id} = ");
                assert!(text.lines().any(|l| l.starts_with(&prefix)), "{id} missing");
            }
        }
        let fr = files[1];
        assert!(fr.contains("sas-emoji-dog = Chien\n"));
        assert!(fr.contains("sas-emoji-cat = Chat\n"));
    }

    #[test]
    fn names_come_from_the_english_bundle_by_default() {
        let dog = Emoji::from_index(0).expect("dog");
        assert_eq!(dog.name(), "Dog");
    }
}
