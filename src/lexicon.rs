//! Name lexicons: first names with gender, surnames, demonyms, common English words.
//!
//! Contract: look-ups take a word as written in the text; names match in Title Case
//! (ALL-CAPS and lower-case input is normalised), common words in lower case with the
//! regular inflections stripped. All data is compiled in from `data/` (built by
//! `scripts/build_data.py` from the US Census 2020 name tables, a country data package and
//! the SCOWL word list; see `data/NOTICE.md`), packed by `build.rs` (`crate::packed`), and
//! decoded into one [`StrIndex`] a list, once, on first use.

use std::sync::OnceLock;

use crate::model::Gender;
use crate::strindex::StrIndex;

static FIRST_NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/first_names.tsv.packed"));
static SURNAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/surnames.txt.packed"));
static DEMONYMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/demonyms.txt.packed"));
static COMMON_WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/common_words.txt.packed"));

struct Lexicon {
    /// First names; `genders[id]` is the gender of name `id`.
    first: StrIndex,
    genders: Vec<Gender>,
    surnames: StrIndex,
    demonyms: StrIndex,
    common: StrIndex,
}

/// The index of a word list packed by `build.rs` (each word once).
fn word_index(packed: &[u8]) -> StrIndex {
    crate::packed::unpack_keys(packed).and_then(StrIndex::from_keys).expect("build.rs writes well-formed packed word lists")
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let (names, letters) = crate::packed::unpack_first_names(FIRST_NAMES).expect("build.rs writes a well-formed first-name table");
        let first = StrIndex::from_keys(names).expect("build.rs packs each first name once");
        let genders = letters
            .iter()
            .map(|g| match g {
                b'M' => Gender::Male,
                b'F' => Gender::Female,
                _ => Gender::Unknown,
            })
            .collect();
        Lexicon {
            first,
            genders,
            surnames: word_index(SURNAMES),
            demonyms: word_index(DEMONYMS),
            common: word_index(COMMON_WORDS),
        }
    })
}

/// "JOHN" / "john" → "John"; a word already in mixed case is returned as is.
pub fn title_case(w: &str) -> std::borrow::Cow<'_, str> {
    let has_lower = w.chars().any(char::is_lowercase);
    let has_upper = w.chars().any(char::is_uppercase);
    if has_lower && has_upper {
        return w.into();
    }
    // (A capital after a hyphen and after a one-letter prefix's apostrophe: "JEAN-PIERRE",
    // "WINSTON-SALEM", "N'DJAMENA", "O'BRIEN".)
    let mut out = String::with_capacity(w.len());
    let mut prev: Option<char> = None;
    for (i, c) in w.chars().enumerate() {
        let starts_part = i == 0 || prev == Some('-') || (i == 2 && matches!(prev, Some('\'' | '’')));
        if starts_part {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        prev = Some(c);
    }
    out.into()
}

/// The gender a first name usually has (`Unknown` for names given to both), or `None`
/// if the name is not a known first name. A name not found as written is looked up with
/// its accents folded: the table keeps most names in the plain form ("José" is "Jose",
/// "Jiří" "Jiri").
pub fn first_name(name: &str) -> Option<Gender> {
    let l = lexicon();
    let titled = title_case(name);
    let id = l.first.get(titled.as_ref()).or_else(|| {
        if titled.is_ascii() {
            return None;
        }
        let plain = crate::gazetteer::fold(&titled);
        // (Only a name that folds to letters: "Zoë" → "Zoe", not "O’Neil" → "O'Neil".)
        plain.bytes().all(|b| b.is_ascii_alphabetic()).then(|| l.first.get(plain.as_ref())).flatten()
    })?;
    Some(l.genders[id as usize])
}

/// Is `name` a known surname?
pub fn is_surname(name: &str) -> bool {
    lexicon().surnames.contains(title_case(name).as_ref())
}

/// Is `word` a demonym or nationality ("Russian", "Ukrainians")?
pub fn is_demonym(word: &str) -> bool {
    let l = lexicon();
    l.demonyms.contains(word) || l.demonyms.contains(title_case(word).as_ref())
}

/// Is `lower` (a lower-cased word) a common English word? Regular inflections count:
/// "meetings", "denied", "closing" are common because "meeting", "deny", "close" are.
pub fn is_common_word(lower: &str) -> bool {
    let common = &lexicon().common;
    if common.contains(lower) {
        return true;
    }
    // "meetings" → "meeting" → "meet"
    if let Some(base) = lower.strip_suffix('s') {
        if base.len() >= 4 && stem_is_common(common, base) {
            return true;
        }
    }
    stem_is_common(common, lower)
}

/// Is `base` followed by the letter `last` in `common`? Built in a buffer on the stack
/// (no allocation) for words of ordinary length.
fn contains_with(common: &StrIndex, base: &str, last: u8) -> bool {
    let mut buf = [0u8; 64];
    if base.len() < buf.len() {
        buf[..base.len()].copy_from_slice(base.as_bytes());
        buf[base.len()] = last;
        // `base` is a str and `last` ASCII, so the buffer is valid UTF-8.
        return std::str::from_utf8(&buf[..=base.len()]).is_ok_and(|w| common.contains(w));
    }
    let mut w = String::with_capacity(base.len() + 1);
    w.push_str(base);
    w.push(last as char);
    common.contains(w.as_str())
}

fn stem_is_common(common: &StrIndex, lower: &str) -> bool {
    if common.contains(lower) {
        return true;
    }
    for suffix in ["ing", "ed", "es", "ly", "er", "s", "d"] {
        if let Some(base) = lower.strip_suffix(suffix) {
            if base.len() >= 3 && (common.contains(base) || contains_with(common, base, b'e')) {
                return true;
            }
            // denied → deny, carries → carry (not "ferris" → "ferry")
            if let (true, Some(stem)) = (matches!(suffix, "ed" | "es"), base.strip_suffix('i')) {
                if contains_with(common, stem, b'y') {
                    return true;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_genders() {
        assert_eq!(first_name("John"), Some(Gender::Male));
        assert_eq!(first_name("MARY"), Some(Gender::Female));
        assert!(first_name("Zelenskyy").is_none());
        assert!(is_surname("Smith"));
    }

    #[test]
    fn names_with_accents_are_found_folded() {
        // The table keeps "Jose", "Jiri" and "Lukasz"; the text writes them with accents.
        assert_eq!(first_name("José"), first_name("Jose"));
        assert_eq!(first_name("JOSÉ"), Some(Gender::Male));
        assert_eq!(first_name("Jiří"), Some(Gender::Male));
        assert_eq!(first_name("Łukasz"), Some(Gender::Male));
        // Given names of other countries, beside the census's: "Geert", "Birgitte".
        assert_eq!(first_name("Geert"), Some(Gender::Male));
        assert_eq!(first_name("Birgitte"), Some(Gender::Female));
        assert!(first_name("Zürich").is_none());
    }

    #[test]
    fn packed_tables_unpack_to_the_data_files() {
        let (names, letters) = crate::packed::unpack_first_names(FIRST_NAMES).unwrap();
        let ix = StrIndex::from_keys(names).unwrap();
        let rows: Vec<String> = (0..ix.len() as u32).map(|id| format!("{}\t{}", ix.key(id), letters[id as usize] as char)).collect();
        assert_eq!(rows, include_str!("../data/first_names.tsv").lines().collect::<Vec<_>>());
        for (packed, text) in [
            (SURNAMES, include_str!("../data/surnames.txt")),
            (DEMONYMS, include_str!("../data/demonyms.txt")),
            (COMMON_WORDS, include_str!("../data/common_words.txt")),
        ] {
            let ix = word_index(packed);
            let got: Vec<&str> = (0..ix.len() as u32).map(|id| ix.key(id)).collect();
            assert_eq!(got, text.lines().collect::<Vec<_>>());
        }
    }

    #[test]
    fn demonyms_and_common_words() {
        assert!(is_demonym("Russian") && is_demonym("Ukrainians"));
        assert!(!is_demonym("Russia"));
        assert!(is_common_word("meeting") && is_common_word("meetings") && is_common_word("denied"));
        assert!(!is_common_word("zelenskyy"));
    }
}
