//! The result types of [`crate::annotate`].
//!
//! Contract: every [`Span`] holds **byte** offsets into the exact text that was
//! annotated, on `char` boundaries, `start < end`. Nothing here is serialisable:
//! the outer layers (`export`, the CLI, the WASM layer) convert these into their
//! own records and offsets (code points, UTF-16).

/// A half-open byte range `start..end` into the annotated text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn contains_pos(&self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// The items of `sorted` (sorted by the start of `key`, none longer than `max_len` bytes)
/// whose span overlaps `span`, found by binary search: layers cross-check each other in
/// O(log n) per item, not O(n), so no input makes annotation quadratic.
pub fn overlapping<T>(sorted: &[T], span: Span, max_len: usize, key: impl Fn(&T) -> Span + Copy) -> impl Iterator<Item = &T> {
    let hi = sorted.partition_point(|x| key(x).start < span.end);
    let lo = sorted[..hi].partition_point(|x| key(x).start + max_len <= span.start);
    sorted[lo..hi].iter().filter(move |x| key(x).overlaps(span))
}

/// Sort `items` by `key`, equal keys keeping their order (as `sort_by_key` does). Every sort
/// the core does at run time goes through here, so that the wasm module carries one sort
/// routine, of `(key, index)` pairs, instead of one per item type and key (each cost it some
/// KB: 43 KB of sort code before, for seven sorts).
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<(u64, u32)> = items.iter().enumerate().map(|(i, t)| (key(t), i as u32)).collect();
    order.sort_unstable();
    // (Already in order: the usual case for spans found left to right.)
    if order.iter().enumerate().all(|(k, &(_, i))| k == i as usize) {
        return;
    }
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().map(|(_, i)| slots[i as usize].take().expect("each index once")));
}

/// The longest span among `items`, for [`overlapping`].
pub fn max_len<T>(items: &[T], key: impl Fn(&T) -> Span) -> usize {
    items.iter().map(|x| key(x).len()).max().unwrap_or(0)
}

/// Grammatical gender as far as the text tells it (honorifics, first names, pronouns).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Gender {
    Male,
    Female,
    #[default]
    Unknown,
}

impl Gender {
    /// Can a mention of this gender and one of `other` be the same person? (Unknown agrees
    /// with anything.)
    pub fn agrees_with(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// Whether an entity is a person or an organisation that can speak ("the Kremlin said").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Person,
    Organisation,
}

/// How an entity is mentioned at one place in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A proper name, titles excluded: "Volodymyr Zelenskyy", "Zelensky".
    Name,
    /// A personal pronoun used as a speaker: "He", "she".
    Pronoun,
    /// A role noun phrase resolved to the person: "the minister".
    Role,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
}

/// A person (or speaking organisation) with every mention of it in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Index of this entity in [`Annotations::people`].
    pub id: usize,
    pub kind: EntityKind,
    /// The fullest form of the name in the text ("Volodymyr Zelenskyy").
    pub name: String,
    /// Other forms of the name found in the text, without duplicates ("Zelensky", "Mr. Zelenskyy").
    pub aliases: Vec<String>,
    /// Every mention, sorted by position: names first found by the `people`
    /// layer, plus pronoun and role mentions that attribution resolved to it.
    pub mentions: Vec<Mention>,
    pub gender: Gender,
    /// A role the article gives the person ("Zelenskyy's chief of staff"), if any.
    pub role: Option<String>,
}

/// What sort of quotation a pair of marks encloses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// A whole quoted utterance: “We will win,” she said.
    Direct,
    /// A fragment inside reported speech: described it as “a very important occasion”.
    Partial,
    /// Scare quotes, names and titles: the “coalition of the willing”. Never has a speaker.
    NonSpeech,
    /// Reported speech without marks: Zelenskyy said that Russia …
    Reported,
}

/// The rule (sieve) that linked a quote to its speaker. Every attributed quote carries one,
/// so a reader can see why and a failing case can be traced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// `“Q,” said S`
    QuoteCueSpeaker,
    /// `“Q,” S said`
    QuoteSpeakerCue,
    /// `S said, “Q”` / `S said: “Q”`
    SpeakerCueQuote,
    /// `S: “Q”`
    SpeakerColon,
    /// `“Q” – S`
    DashSpeaker,
    /// `according to S`
    AccordingTo,
    /// `S told OUTLET … “Q”` and `S said that … “Q”`: the cue governs the clause that holds the quote.
    ReportedClause,
    /// `… “Q1” … “Q2” …, S said.`: the sentence ends with who said it.
    SentenceEndCue,
    /// Quotes in a list (`“Q1,” “Q2” and “Q3”`) share one attribution.
    QuoteList,
    /// A short fragment with no speech verb, credited to the person its sentence is about
    /// ("Trump has used the phrase “Q”").
    SentenceSubject,
    /// `S’s claim that … “Q”`: the owner of a noun of saying.
    SpeechNoun,
    /// Reported speech without quotation marks: `S said (that) …` / `…, S said.`
    ReportedSpeech,
    /// A dialogue turn answering one that called someone by name (“Ready, Tom?” / “Yes.”), or
    /// one that the next turn answers by name (“Who knows?” / “But, Margaret dear, …”).
    Addressee,
    /// `“Q,” I said` in a first-person story: the narrator, named by how the others address them.
    Narrator,
    /// A cue in a neighbouring sentence of the same paragraph.
    NearbyCue,
    /// A quote with no cue of its own that continues the previous quote's speaker.
    Continuation,
    /// A quote with no cue right after a sentence of the same paragraph that opens with a
    /// person and what they do ("Cameron waved a hand. “I may strike north.”").
    ActionBeat,
    /// A paragraph that is only a quote, right after an attributed one.
    FloatingParagraph,
    /// A dialogue turn with no verb: turns alternate between the last two speakers.
    Alternation,
    /// The speaker mention was a pronoun, resolved to the nearest compatible person.
    Pronoun,
    /// The speaker mention was a role noun ("the minister"), resolved to the person with that role.
    RoleNoun,
}

impl Rule {
    /// A stable machine name, used in exports and fixtures.
    pub fn name(self) -> &'static str {
        match self {
            Rule::QuoteCueSpeaker => "quote-cue-speaker",
            Rule::QuoteSpeakerCue => "quote-speaker-cue",
            Rule::SpeakerCueQuote => "speaker-cue-quote",
            Rule::SpeakerColon => "speaker-colon",
            Rule::DashSpeaker => "dash-speaker",
            Rule::AccordingTo => "according-to",
            Rule::ReportedClause => "reported-clause",
            Rule::SentenceEndCue => "sentence-end-cue",
            Rule::QuoteList => "quote-list",
            Rule::SentenceSubject => "sentence-subject",
            Rule::SpeechNoun => "speech-noun",
            Rule::ReportedSpeech => "reported-speech",
            Rule::Narrator => "narrator",
            Rule::Addressee => "addressee",
            Rule::NearbyCue => "nearby-cue",
            Rule::Continuation => "continuation",
            Rule::ActionBeat => "action-beat",
            Rule::FloatingParagraph => "floating-paragraph",
            Rule::Alternation => "alternation",
            Rule::Pronoun => "pronoun",
            Rule::RoleNoun => "role-noun",
        }
    }
    /// A plain-words explanation for the page's tooltip.
    pub fn explain(self) -> &'static str {
        match self {
            Rule::QuoteCueSpeaker => "the quote is followed by a speech verb and then the speaker (“…,” said S)",
            Rule::QuoteSpeakerCue => "the quote is followed by the speaker and a speech verb (“…,” S said)",
            Rule::SpeakerCueQuote => "the speaker and a speech verb introduce the quote (S said, “…”)",
            Rule::SpeakerColon => "the speaker's name and a colon introduce the quote (S: “…”)",
            Rule::DashSpeaker => "the quote is signed with a dash and the speaker's name (“…” – S)",
            Rule::AccordingTo => "the sentence credits the words with “according to S”",
            Rule::ReportedClause => "the quote sits inside reported speech governed by the speaker's verb (S said that … “…”)",
            Rule::SentenceEndCue => "the sentence that holds the quote ends by naming who said it (…, S said.)",
            Rule::QuoteList => "the quote is one of a list of quotes joined by commas or “and”, which share one speaker",
            Rule::SentenceSubject => "no speech verb: the words are credited to the person the sentence is about (a guess)",
            Rule::SpeechNoun => "the words of a claim, promise or call that the sentence gives to someone (S’s claim that … “Q”)",
            Rule::Addressee => "a turn in a dialogue: the turn before called this person by name, or the turn after answers them by name",
            Rule::Narrator => "the narrator says “I”; the other characters address the narrator by this name",
            Rule::ReportedSpeech => "reported speech without quotation marks: the speaker and a speech verb govern the clause (S said that …)",
            Rule::NearbyCue => "a speech verb with a speaker in a neighbouring sentence",
            Rule::Continuation => "a quote with no verb of its own continues the previous speaker",
            Rule::ActionBeat => "no speech verb: the sentence just before it (in its paragraph, or a paragraph of that one sentence) opens with the person and what they do",
            Rule::FloatingParagraph => "a paragraph that is only a quote keeps the speaker of the quote before it",
            Rule::Alternation => "in a dialogue, a turn with no verb goes to the speaker two turns back",
            Rule::Pronoun => "the speaker is a pronoun, resolved to the nearest person of matching gender (in a long dialogue with no one of that gender named nearby: its last speaker of that gender)",
            Rule::RoleNoun => "the speaker is a role (“the minister”), resolved to the person the article gave that role",
        }
    }
}

/// One quotation.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The quotation, marks included.
    pub span: Span,
    /// The quoted words, marks excluded.
    pub content: Span,
    pub kind: QuoteKind,
    /// Index into [`Annotations::people`], or `None` where no rule was confident.
    pub speaker: Option<usize>,
    /// The mention the rule used: a name or a pronoun ("He").
    pub speaker_mention: Option<Span>,
    /// The cue: a speech verb ("said"), "according to", a colon or a dash.
    pub cue: Option<Span>,
    /// The sieve that made the attribution; `None` when there is no speaker.
    pub rule: Option<Rule>,
    /// 0.0 to 1.0; 0.0 when there is no speaker.
    pub confidence: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Country,
    Region,
    City,
    Landmark,
    WaterBody,
    Continent,
}

impl PlaceKind {
    pub fn name(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::City => "city",
            PlaceKind::Landmark => "landmark",
            PlaceKind::WaterBody => "water",
            PlaceKind::Continent => "continent",
        }
    }
}

/// One mention of a place, linked to one gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub span: Span,
    /// The gazetteer's name for the place ("Kyiv" for "Kiev" or "kyiv").
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of the country the place lies in, if any.
    pub country: Option<&'static str>,
    pub lat: f32,
    pub lon: f32,
    /// How many gazetteer entries had this name (1 = unambiguous).
    pub candidates: u32,
}

/// Everything Saywhere found in one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Annotations {
    pub people: Vec<Entity>,
    /// Sorted by position; quotes never overlap one another.
    pub quotes: Vec<Quote>,
    /// Sorted by position; place mentions never overlap one another.
    pub places: Vec<Place>,
}
