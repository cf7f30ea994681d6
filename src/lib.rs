//! Saywhere: who said what, and where.
//!
//! [`annotate`] takes a text and returns the people in it, the quotations with their
//! speakers, and the places named, as byte spans into that text. This crate's core
//! knows nothing of JavaScript or JSON: the WASM layer (`wasm`, only on wasm32) and the
//! command line (`src/main.rs`) are thin outer layers over [`annotate`] and [`export`].
//!
//! The pipeline, in order:
//! 1. [`quotes`] finds quotation marks and pairs them into quotations;
//! 2. [`places`] matches the gazetteer against the text;
//! 3. [`people`] finds person names and clusters them into entities;
//! 4. [`attribution`] runs ordered sieves that link each quote to a speaker.

pub mod attribution;
pub mod export;
pub mod gazetteer;
pub mod lexicon;
pub mod model;
mod packed;
pub mod people;
pub mod places;
pub mod quotes;
mod strindex;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use model::*;

/// Annotate `text`: people, quotes with speakers, places. Never panics; any input is valid.
pub fn annotate(text: &str) -> Annotations {
    let doc = text::Doc::new(text);
    let found_quotes = quotes::find_in(text, &doc.paragraphs);
    let place_candidates = places::find(&doc);
    let found_people = people::find(&doc, &place_candidates);
    let places = places::resolve(text, place_candidates, &found_people);
    let (quotes, people) = attribution::attribute(&doc, &found_quotes, &found_people);
    Annotations { people, quotes, places }
}
