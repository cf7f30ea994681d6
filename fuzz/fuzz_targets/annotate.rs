//! `saywhere::annotate` on any input: it must not panic, and its spans must be valid.
//! Invalid UTF-8 is decoded lossily (as the CLI and the page would see it).
#![no_main]

use libfuzzer_sys::fuzz_target;
use saywhere::Span;

fn valid(text: &str, s: Span) -> bool {
    s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let a = saywhere::annotate(text);
    for q in &a.quotes {
        assert!(valid(text, q.span) && valid(text, q.content), "quote span {:?}", q.span);
        assert!(q.span.contains(q.content), "content inside the quote");
        for s in [q.speaker_mention, q.cue].into_iter().flatten() {
            assert!(valid(text, s), "speaker/cue span {s:?}");
        }
        if let Some(i) = q.speaker {
            assert!(i < a.people.len(), "speaker {i} is a listed entity");
            assert!(q.rule.is_some(), "an attribution names its rule");
        }
        assert!((0.0..=1.0).contains(&q.confidence));
    }
    for w in a.quotes.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "quotes sorted, not overlapping");
    }
    for w in a.places.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "places sorted, not overlapping");
    }
    for p in &a.places {
        assert!(valid(text, p.span) && !p.span.is_empty());
    }
    for (i, e) in a.people.iter().enumerate() {
        assert_eq!(e.id, i);
        for m in &e.mentions {
            assert!(valid(text, m.span), "mention span {:?}", m.span);
        }
    }
});
