//! Name lexicons: first names with gender, surnames, demonyms, common English words.
//!
//! Contract: look-ups take a word as written in the text; names match in Title Case
//! (ALL-CAPS and lower-case input is normalised), common words in lower case with the
//! regular inflections stripped. All data is compiled in from `data/` (built by
//! `scripts/build_data.py` from the US Census 2020 name tables, a country data package and
//! the SCOWL word list; see `data/NOTICE.md`) and parsed once, on first use.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::model::Gender;

static FIRST_NAMES: &str = include_str!("../data/first_names.tsv");
static SURNAMES: &str = include_str!("../data/surnames.txt");
static DEMONYMS: &str = include_str!("../data/demonyms.txt");
static COMMON_WORDS: &str = include_str!("../data/common_words.txt");

struct Lexicon {
    first: HashMap<&'static str, Gender>,
    surnames: HashSet<&'static str>,
    demonyms: HashSet<&'static str>,
    common: HashSet<&'static str>,
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon {
        first: FIRST_NAMES
            .lines()
            .filter_map(|l| {
                let (name, g) = l.split_once('\t')?;
                let g = match g {
                    "M" => Gender::Male,
                    "F" => Gender::Female,
                    _ => Gender::Unknown,
                };
                Some((name, g))
            })
            .collect(),
        surnames: SURNAMES.lines().collect(),
        demonyms: DEMONYMS.lines().collect(),
        common: COMMON_WORDS.lines().collect(),
    })
}

/// "JOHN" / "john" → "John"; a word already in mixed case is returned as is.
fn title_case(w: &str) -> std::borrow::Cow<'_, str> {
    let has_lower = w.chars().any(char::is_lowercase);
    let has_upper = w.chars().any(char::is_uppercase);
    if has_lower && has_upper {
        return w.into();
    }
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out.into()
}

/// The gender a first name usually has (`Unknown` for names given to both), or `None`
/// if the name is not a known first name.
pub fn first_name(name: &str) -> Option<Gender> {
    lexicon().first.get(title_case(name).as_ref()).copied()
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

fn stem_is_common(common: &HashSet<&'static str>, lower: &str) -> bool {
    if common.contains(lower) {
        return true;
    }
    for suffix in ["ing", "ed", "es", "ly", "er", "s", "d"] {
        if let Some(base) = lower.strip_suffix(suffix) {
            if base.len() >= 3 && (common.contains(base) || common.contains(format!("{base}e").as_str())) {
                return true;
            }
            // denied → deny, carries → carry (not "ferris" → "ferry")
            if let (true, Some(stem)) = (matches!(suffix, "ed" | "es"), base.strip_suffix('i')) {
                if common.contains(format!("{stem}y").as_str()) {
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
    fn demonyms_and_common_words() {
        assert!(is_demonym("Russian") && is_demonym("Ukrainians"));
        assert!(!is_demonym("Russia"));
        assert!(is_common_word("meeting") && is_common_word("meetings") && is_common_word("denied"));
        assert!(!is_common_word("zelenskyy"));
    }
}
