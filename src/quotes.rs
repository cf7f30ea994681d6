//! Quotation marks: find them, tell apostrophes from single quotes, pair them.
//!
//! Contract: [`find`] returns quotations sorted by start, never overlapping, each on
//! char boundaries. A quotation never crosses a paragraph break: the news convention
//! of a quote running over several paragraphs (each reopened, only the last closed)
//! yields one quotation per paragraph, the later ones with `continues = true`.
//! An opening mark that never closes ends at the end of its sentence or paragraph
//! (`closed = false`), never at a far-away mark.

use crate::model::{QuoteKind, Span};

/// One quotation found by its marks.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Marks included (an unclosed quotation ends where recovery ended it).
    pub span: Span,
    /// Marks excluded, trimmed of white space.
    pub content: Span,
    /// False when the closing mark was missing and recovery chose the end.
    pub closed: bool,
    /// True when this piece continues a quotation from the previous paragraph.
    pub continues: bool,
    /// A first guess from the shape of the content alone: `Direct` for a sentence-like
    /// utterance, `Partial` for a fragment, `NonSpeech` for a title or name.
    /// Attribution makes the final call from the context.
    pub kind: QuoteKind,
}

/// Find every quotation in `text`.
pub fn find(text: &str) -> Vec<Found> {
    let _ = text;
    Vec::new()
}
