//! `saywhere::export::document` in all three offset units: no panic, and every offset in
//! code points and UTF-16 code units names the same text as the byte offset it came from.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saywhere::export::{document, Unit};

/// (byte, code point, UTF-16) offset of every char boundary, and the end.
fn boundaries(text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::with_capacity(text.len() + 1);
    let (mut cp, mut u16s) = (0, 0);
    for (b, c) in text.char_indices() {
        out.push((b, cp, u16s));
        cp += 1;
        u16s += c.len_utf16();
    }
    out.push((text.len(), cp, u16s));
    out
}

/// All offsets of a record, in order: people (mentions), quotes (span, content, speaker, cue), places.
fn offsets(d: &saywhere::export::Document) -> Vec<usize> {
    let mut v = Vec::new();
    for p in &d.people {
        for m in &p.mentions {
            v.extend([m.start, m.end]);
        }
    }
    for q in &d.quotes {
        v.extend([q.start, q.end, q.content_start, q.content_end]);
        v.extend([q.speaker_start, q.speaker_end, q.cue_start, q.cue_end].into_iter().flatten());
    }
    for p in &d.places {
        v.extend([p.start, p.end]);
    }
    v
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let ann = saywhere::annotate(text);
    let bytes = document(text, &ann, Unit::Bytes);
    let cps = document(text, &ann, Unit::CodePoints);
    let u16s = document(text, &ann, Unit::Utf16);
    assert_eq!(bytes.offsets, "bytes");
    let (b, c, u) = (offsets(&bytes), offsets(&cps), offsets(&u16s));
    assert_eq!(b.len(), c.len());
    assert_eq!(b.len(), u.len());
    let table = boundaries(text);
    for i in 0..b.len() {
        let k = table.binary_search_by_key(&b[i], |t| t.0).expect("byte offset on a char boundary");
        assert_eq!(c[i], table[k].1, "code point offset of byte {}", b[i]);
        assert_eq!(u[i], table[k].2, "UTF-16 offset of byte {}", b[i]);
    }
    // The cue text in the record is the text its span names.
    for q in &bytes.quotes {
        if let (Some(cue), Some(s), Some(e)) = (&q.cue, q.cue_start, q.cue_end) {
            assert_eq!(cue, &text[s..e]);
        }
    }
});
