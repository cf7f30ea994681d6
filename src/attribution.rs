//! Attribution: ordered sieves that link each quotation to its speaker.
//!
//! Contract: [`attribute`] returns one [`Quote`] per found quotation, in order, and the
//! entities (extended with the pronoun and role mentions that a sieve resolved).
//! Every attributed quote records its [`Rule`] and a confidence; where no sieve is
//! confident the quote has no speaker. Non-speech quotes never get a speaker.

use crate::model::{Entity, Quote, Rule};
use crate::quotes::Found;
use crate::text::Doc;

pub fn attribute(doc: &Doc, found: &[Found], entities: Vec<Entity>) -> (Vec<Quote>, Vec<Entity>) {
    let _ = doc;
    let quotes = found
        .iter()
        .map(|f| Quote {
            span: f.span,
            content: f.content,
            kind: f.kind,
            speaker: None,
            speaker_mention: None,
            cue: None,
            rule: None::<Rule>,
            confidence: 0.0,
        })
        .collect();
    (quotes, entities)
}
