//! The fixture suite: small articles with the spans and speakers we expect, in
//! `tests/fixtures/*.toml`, run against any build of the core (native in
//! `tests/fixtures.rs`, WebAssembly in `tests/wasm_*.rs`), in the manner of the
//! regex crate's `testdata/`.
//!
//! A fixture file holds `[[case]]` tables:
//! ```toml
//! [[case]]
//! name = "said-after-quote"
//! text = '''“We will win,” said Jane Smith.'''
//! people = ["Jane Smith"]          # canonical names of the person entities (as a set)
//! places = []                      # place mentions, as written, in order
//! not_places = ["Smith"]           # texts that must not be a place mention
//! not_people = []                  # texts that must not be a person-name mention
//! person_mentions = []             # optional: every person-name mention, as written, in text order
//! organisations = []               # canonical names of the organisation entities (as a set)
//! [[case.quotes]]                  # every speech quote, in order (non-speech and reported only if listed)
//! text = '“We will win,”'         # the quotation as written, marks included
//! speaker = "Jane Smith"           # canonical name; leave out for "no speaker"
//! kind = "direct"                  # optional: direct | partial | non-speech | reported
//! rule = "quote-cue-speaker"       # optional: the sieve that must have fired
//! speaker_mention = "she"          # optional: the text of the mention the speaker was found at
//! ```
//! Omitting `quotes`, `people`, `organisations` or `places` leaves that layer unchecked.

#![allow(dead_code)]

use saywhere::{Annotations, EntityKind, MentionKind, QuoteKind};
use serde::Deserialize;

/// Every fixture file, compiled in so that the wasm tests need no file system.
pub const FIXTURES: &[(&str, &str)] = &[
    ("quotes.toml", include_str!("../fixtures/quotes.toml")),
    ("attribution.toml", include_str!("../fixtures/attribution.toml")),
    ("people.toml", include_str!("../fixtures/people.toml")),
    ("places.toml", include_str!("../fixtures/places.toml")),
    ("offsets.toml", include_str!("../fixtures/offsets.toml")),
];

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    quotes: Option<Vec<ExpectedQuote>>,
    people: Option<Vec<String>>,
    places: Option<Vec<String>>,
    #[serde(default)]
    not_people: Vec<String>,
    person_mentions: Option<Vec<String>>,
    #[serde(default)]
    not_places: Vec<String>,
    organisations: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct ExpectedQuote {
    text: String,
    speaker: Option<String>,
    kind: Option<String>,
    rule: Option<String>,
    speaker_mention: Option<String>,
}

fn kind_name(k: QuoteKind) -> &'static str {
    saywhere::export::quote_kind_name(k)
}

/// Check one case; returns a description of every mismatch.
fn check_case(file: &str, case: &Case, ann: &Annotations) -> Vec<String> {
    let t = case.text.as_str();
    let mut errs = Vec::new();
    let mut fail = |what: String| errs.push(format!("{file} / {}: {what}", case.name));

    if let Some(expected) = &case.quotes {
        // Non-speech and reported speech (no marks) are checked only where a case lists them.
        let listed_quiet: Vec<&str> = expected
            .iter()
            .filter(|q| matches!(q.kind.as_deref(), Some("non-speech") | Some("reported")))
            .map(|q| q.text.as_str())
            .collect();
        let actual: Vec<_> = ann
            .quotes
            .iter()
            .filter(|q| !matches!(q.kind, QuoteKind::NonSpeech | QuoteKind::Reported) || listed_quiet.contains(&q.span.text(t)))
            .collect();
        let show = |q: &saywhere::Quote| {
            let who = q.speaker.map_or("-".to_string(), |i| ann.people[i].name.clone());
            format!("{} [{}] by {} via {}", q.span.text(t), kind_name(q.kind), who, q.rule.map_or("-", |r| r.name()))
        };
        if actual.len() != expected.len() {
            fail(format!(
                "expected {} quotes, got {}: {:?}",
                expected.len(),
                actual.len(),
                actual.iter().map(|q| show(q)).collect::<Vec<_>>()
            ));
        }
        for (e, a) in expected.iter().zip(actual.iter()) {
            if a.span.text(t) != e.text {
                fail(format!("quote: expected {:?}, got {:?}", e.text, a.span.text(t)));
                continue;
            }
            let got = a.speaker.map(|i| ann.people[i].name.as_str());
            if got != e.speaker.as_deref() {
                fail(format!("speaker of {:?}: expected {:?}, got {} ", e.text, e.speaker, show(a)));
            }
            if let Some(k) = &e.kind {
                if kind_name(a.kind) != k {
                    fail(format!("kind of {:?}: expected {k}, got {}", e.text, kind_name(a.kind)));
                }
            }
            if let Some(r) = &e.rule {
                if a.rule.map(|r| r.name()) != Some(r.as_str()) {
                    fail(format!("rule of {:?}: expected {r}, got {}", e.text, show(a)));
                }
            }
            if let Some(m) = &e.speaker_mention {
                if a.speaker_mention.map(|s| s.text(t)) != Some(m.as_str()) {
                    fail(format!("speaker mention of {:?}: expected {m:?}, got {:?}", e.text, a.speaker_mention.map(|s| s.text(t))));
                }
            }
        }
    }

    // Every person-name mention, in text order.
    let mut by_start: Vec<(usize, &str)> = ann
        .people
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .flat_map(|e| e.mentions.iter().filter(|m| m.kind == MentionKind::Name))
        .map(|m| (m.span.start, m.span.text(t)))
        .collect();
    by_start.sort();
    let person_mentions: Vec<&str> = by_start.into_iter().map(|(_, s)| s).collect();
    // The canonical names of the entities of one kind, compared as sets.
    for (what, kind, expected) in
        [("people", EntityKind::Person, &case.people), ("organisations", EntityKind::Organisation, &case.organisations)]
    {
        let Some(expected) = expected else { continue };
        let mut want: Vec<&str> = expected.iter().map(String::as_str).collect();
        let mut got: Vec<&str> = ann.people.iter().filter(|e| e.kind == kind).map(|e| e.name.as_str()).collect();
        want.sort();
        got.sort();
        if want != got {
            fail(format!("{what}: expected {want:?}, got {got:?}"));
        }
    }
    if let Some(expected) = &case.person_mentions {
        if person_mentions != expected.iter().map(String::as_str).collect::<Vec<_>>() {
            fail(format!("person mentions: expected {expected:?}, got {person_mentions:?}"));
        }
    }
    for n in &case.not_people {
        if person_mentions.contains(&n.as_str()) {
            fail(format!("{n:?} should not be a person mention"));
        }
    }

    let place_mentions: Vec<&str> = ann.places.iter().map(|p| p.span.text(t)).collect();
    if let Some(expected) = &case.places {
        if place_mentions != expected.iter().map(String::as_str).collect::<Vec<_>>() {
            fail(format!("places: expected {expected:?}, got {place_mentions:?}"));
        }
    }
    for n in &case.not_places {
        if place_mentions.contains(&n.as_str()) {
            fail(format!("{n:?} should not be a place"));
        }
    }
    errs
}

/// Run every fixture through `annotate`; returns (cases run, failure messages).
pub fn run_all(annotate: impl Fn(&str) -> Annotations) -> (usize, Vec<String>) {
    let mut n = 0;
    let mut errs = Vec::new();
    for (file, src) in FIXTURES {
        let parsed: File = match toml::from_str(src) {
            Ok(f) => f,
            Err(e) => {
                errs.push(format!("{file}: cannot parse: {e}"));
                continue;
            }
        };
        for case in &parsed.case {
            n += 1;
            let ann = annotate(&case.text);
            errs.extend(check_case(file, case, &ann));
        }
    }
    (n, errs)
}

/// Every text in the fixture suite (for property and offset tests).
pub fn all_texts() -> Vec<String> {
    FIXTURES
        .iter()
        .filter_map(|(_, src)| toml::from_str::<File>(src).ok())
        .flat_map(|f| f.case.into_iter().map(|c| c.text))
        .collect()
}
