//! Export records: the serialisable shape of [`Annotations`] for the outer layers.
//!
//! Contract: the core types are not serialisable; this module turns them into plain
//! records with offsets in the unit the consumer needs: UTF-16 code units for the
//! browser (DOM offsets), Unicode code points for the evaluation format
//! (`../shared/eval/FORMAT.md`), or bytes. The schema is versioned by [`SCHEMA`].

use serde::Serialize;

use crate::model::{Annotations, EntityKind, Gender, MentionKind, QuoteKind, Span};
use crate::text::OffsetMap;

/// Version of the record schema below. Bump on any incompatible change.
pub const SCHEMA: &str = "saywhere/1";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Bytes,
    CodePoints,
    Utf16,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::Bytes => "bytes",
            Unit::CodePoints => "code_points",
            Unit::Utf16 => "utf16",
        }
    }
}

/// Converts byte offsets of one text into another unit.
pub struct Offsets {
    unit: Unit,
    map: OffsetMap,
}

impl Offsets {
    pub fn new(text: &str, unit: Unit) -> Offsets {
        Offsets { unit, map: OffsetMap::new(text) }
    }
    pub fn at(&self, byte: usize) -> usize {
        match self.unit {
            Unit::Bytes => byte,
            Unit::CodePoints => self.map.code_point(byte),
            Unit::Utf16 => self.map.utf16(byte),
        }
    }
    pub fn span(&self, s: Span) -> (usize, usize) {
        (self.at(s.start), self.at(s.end))
    }
}

#[derive(Serialize, Debug)]
pub struct Document {
    pub schema: &'static str,
    pub offsets: &'static str,
    pub people: Vec<PersonRecord>,
    pub quotes: Vec<QuoteRecord>,
    pub places: Vec<PlaceRecord>,
}

#[derive(Serialize, Debug)]
pub struct MentionRecord {
    pub start: usize,
    pub end: usize,
    /// "name", "pronoun" or "role".
    pub kind: &'static str,
}

#[derive(Serialize, Debug)]
pub struct PersonRecord {
    pub id: usize,
    /// "person" or "organisation".
    pub kind: &'static str,
    pub name: String,
    pub aliases: Vec<String>,
    /// "male", "female" or "unknown".
    pub gender: &'static str,
    pub role: Option<String>,
    pub mentions: Vec<MentionRecord>,
}

#[derive(Serialize, Debug)]
pub struct QuoteRecord {
    pub start: usize,
    pub end: usize,
    pub content_start: usize,
    pub content_end: usize,
    /// "direct", "partial", "non-speech" or "reported".
    pub kind: &'static str,
    /// Index into `people`, or null.
    pub speaker: Option<usize>,
    pub speaker_name: Option<String>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub cue: Option<String>,
    pub cue_start: Option<usize>,
    pub cue_end: Option<usize>,
    pub rule: Option<&'static str>,
    pub rule_explanation: Option<&'static str>,
    pub confidence: f32,
}

#[derive(Serialize, Debug)]
pub struct PlaceRecord {
    pub start: usize,
    pub end: usize,
    pub name: String,
    /// "country", "region", "city", "landmark", "water" or "continent".
    pub kind: &'static str,
    pub country: Option<&'static str>,
    /// Coordinates, or `null` for a place no gazetteer entry locates (a county or street
    /// known only by its suffix, "Walker County"; a division named in a list).
    pub lat: Option<f32>,
    pub lon: Option<f32>,
    pub candidates: u32,
}

pub fn quote_kind_name(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::NonSpeech => "non-speech",
        QuoteKind::Reported => "reported",
    }
}

fn gender_name(g: Gender) -> &'static str {
    match g {
        Gender::Male => "male",
        Gender::Female => "female",
        Gender::Unknown => "unknown",
    }
}

/// The full record of `ann` for `text`, offsets in `unit`.
pub fn document(text: &str, ann: &Annotations, unit: Unit) -> Document {
    let off = Offsets::new(text, unit);
    let people = ann
        .people
        .iter()
        .map(|e| PersonRecord {
            id: e.id,
            kind: match e.kind {
                EntityKind::Person => "person",
                EntityKind::Organisation => "organisation",
            },
            name: e.name.clone(),
            aliases: e.aliases.clone(),
            gender: gender_name(e.gender),
            role: e.role.clone(),
            mentions: e
                .mentions
                .iter()
                .map(|m| {
                    let (start, end) = off.span(m.span);
                    let kind = match m.kind {
                        MentionKind::Name => "name",
                        MentionKind::Pronoun => "pronoun",
                        MentionKind::Role => "role",
                    };
                    MentionRecord { start, end, kind }
                })
                .collect(),
        })
        .collect();
    let quotes = ann
        .quotes
        .iter()
        .map(|q| {
            let (start, end) = off.span(q.span);
            let (content_start, content_end) = off.span(q.content);
            let sm = q.speaker_mention.map(|s| off.span(s));
            let cue = q.cue.map(|s| off.span(s));
            QuoteRecord {
                start,
                end,
                content_start,
                content_end,
                kind: quote_kind_name(q.kind),
                speaker: q.speaker,
                speaker_name: q.speaker.and_then(|i| ann.people.get(i)).map(|e| e.name.clone()),
                speaker_start: sm.map(|s| s.0),
                speaker_end: sm.map(|s| s.1),
                cue: q.cue.map(|s| s.text(text).to_string()),
                cue_start: cue.map(|s| s.0),
                cue_end: cue.map(|s| s.1),
                rule: q.rule.map(|r| r.name()),
                rule_explanation: q.rule.map(|r| r.explain()),
                confidence: q.confidence,
            }
        })
        .collect();
    let places = ann
        .places
        .iter()
        .map(|p| {
            let (start, end) = off.span(p.span);
            // (No place of the gazetteer lies at 0°, 0°: those are the unlocated ones.)
            let located = p.lat != 0.0 || p.lon != 0.0;
            PlaceRecord {
                start,
                end,
                name: p.name.clone(),
                kind: p.kind.name(),
                country: p.country,
                lat: located.then_some(p.lat),
                lon: located.then_some(p.lon),
                candidates: p.candidates,
            }
        })
        .collect();
    Document { schema: SCHEMA, offsets: unit.name(), people, quotes, places }
}

/// A prediction record for `../shared/eval/score.py` (FORMAT.md): code-point offsets;
/// non-speech and reported quotes left out; speakers by canonical name.
#[derive(Serialize, Debug)]
pub struct EvalRecord {
    pub id: String,
    pub quotes: Vec<EvalQuote>,
    pub people: Vec<EvalSpan>,
    pub places: Vec<EvalSpan>,
}

#[derive(Serialize, Debug)]
pub struct EvalQuote {
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
}

#[derive(Serialize, Debug)]
pub struct EvalSpan {
    pub start: usize,
    pub end: usize,
}

pub fn eval_record(id: String, text: &str, ann: &Annotations) -> EvalRecord {
    let off = Offsets::new(text, Unit::CodePoints);
    // Gold annotates the article's body, not its headline (see `text::title_block`).
    let title = crate::text::title_block(text);
    let quotes = ann
        .quotes
        .iter()
        .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
        .filter(|q| !title.is_some_and(|t| t.contains_pos(q.span.start)))
        .map(|q| {
            let (start, end) = off.span(q.span);
            let sm = q.speaker_mention.map(|s| off.span(s));
            EvalQuote {
                start,
                end,
                speaker: q.speaker.and_then(|i| ann.people.get(i)).map(|e| e.name.clone()),
                speaker_start: sm.map(|s| s.0),
                speaker_end: sm.map(|s| s.1),
            }
        })
        .collect();
    let mut people: Vec<EvalSpan> = ann
        .people
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .flat_map(|e| e.mentions.iter().filter(|m| m.kind == MentionKind::Name))
        .map(|m| {
            let (start, end) = off.span(m.span);
            EvalSpan { start, end }
        })
        .collect();
    people.sort_by_key(|s| s.start);
    let places = ann
        .places
        .iter()
        .map(|p| {
            let (start, end) = off.span(p.span);
            EvalSpan { start, end }
        })
        .collect();
    EvalRecord { id, quotes, people, places }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eval_record_leaves_out_quotes_in_the_title() {
        let text = "Mayor Duarte: ‘We Will Rebuild Every Bridge.’\n\n“We will rebuild every bridge,” Mayor Ines Duarte said on Monday.\nThe work starts in May.";
        let ann = crate::annotate(text);
        assert_eq!(ann.quotes.iter().filter(|q| q.kind != QuoteKind::NonSpeech).count(), 2, "the page keeps both");
        let rec = eval_record("t".into(), text, &ann);
        assert_eq!(rec.quotes.len(), 1);
        assert_eq!(rec.quotes[0].speaker.as_deref(), Some("Ines Duarte"));
    }
}
