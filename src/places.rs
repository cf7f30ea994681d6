//! Places: gazetteer matches in context.
//!
//! Contract: [`find`] returns candidate place mentions sorted and non-overlapping;
//! [`resolve`] drops those that the people layer showed to be parts of person names
//! ("Paris Hilton", "Jordan said") and returns the final place mentions.

use crate::model::{Place, Span};
use crate::text::Doc;

/// Candidate place mentions in `doc`, sorted by position, non-overlapping.
pub fn find(doc: &Doc) -> Vec<Place> {
    let _ = doc;
    Vec::new()
}

/// Drop candidates that overlap a person name span (`names` sorted by start).
pub fn resolve(candidates: Vec<Place>, names: &[Span]) -> Vec<Place> {
    candidates.into_iter().filter(|p| !names.iter().any(|n| n.overlaps(p.span))).collect()
}
