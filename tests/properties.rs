//! Properties of `annotate` on arbitrary input: spans in bounds and on char boundaries,
//! layers sorted and non-overlapping, speakers valid, output deterministic, no panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use saywhere::{Annotations, Span};

fn valid(text: &str, s: Span) -> bool {
    s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let a: Annotations = saywhere::annotate(text);
    for q in &a.quotes {
        prop_assert!(valid(text, q.span) && valid(text, q.content));
        prop_assert!(q.span.contains(q.content), "content inside the quote");
        if let Some(s) = q.speaker {
            prop_assert!(s < a.people.len(), "speaker is a listed entity");
            prop_assert!(q.rule.is_some(), "an attribution says which rule made it");
        }
        for s in [q.speaker_mention, q.cue].into_iter().flatten() {
            prop_assert!(valid(text, s));
        }
        prop_assert!((0.0..=1.0).contains(&q.confidence));
    }
    for w in a.quotes.windows(2) {
        prop_assert!(w[0].span.end <= w[1].span.start, "quotes sorted, not overlapping");
    }
    for w in a.places.windows(2) {
        prop_assert!(w[0].span.end <= w[1].span.start, "places sorted, not overlapping");
    }
    for p in &a.places {
        prop_assert!(valid(text, p.span) && !p.span.is_empty());
    }
    for (i, e) in a.people.iter().enumerate() {
        prop_assert_eq!(e.id, i);
        for m in &e.mentions {
            prop_assert!(valid(text, m.span));
        }
    }
    prop_assert_eq!(&a, &saywhere::annotate(text), "deterministic");
    Ok(())
}

/// Pieces that exercise the rules: marks of every style, names, cues, places, breaks.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "“", "”", "\"", "'", "‘", "’", "«", "»", "„", "``", "''", " ", " ", "\n", "\r\n", "\n\n", ",", ".", ":", "–",
        "said", "told", "according to", "he", "She", "the minister", "Mr.", "President", "Jane Smith", "Smith",
        "Volodymyr Zelenskyy", "Paris", "Kyiv", "kyiv", "New York", "Black Sea", "Georgia", "Nice", "County",
        "We will win", "it was", "😀", "e\u{301}", "al-Rashid", "J.K.", "(R-Fla.)", "2-1",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_string(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn news_like_strings(parts in prop::collection::vec(piece(), 0..60)) {
        check(&parts.join(" "))?;
        check(&parts.concat())?;
    }
}
