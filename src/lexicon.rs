//! Name lexicons: first names with gender, surnames, demonyms.
//!
//! Contract: look-ups are case-insensitive on ASCII and accent-sensitive; all data is
//! compiled in from `data/` (built by `scripts/build_data.py` from public packages, see
//! `data/NOTICE.md`). No look-up allocates more than the key's lower-cased copy.

use crate::model::Gender;

/// The gender a first name usually has, or `None` if the name is not a known first name.
pub fn first_name(name: &str) -> Option<Gender> {
    let _ = name;
    None
}

/// Is `name` a known surname?
pub fn is_surname(name: &str) -> bool {
    let _ = name;
    false
}

/// Is `word` a demonym or nationality ("Russian", "Ukrainians")?
pub fn is_demonym(word: &str) -> bool {
    let _ = word;
    false
}

/// Is `lower` (a lower-cased word) a common English word?
pub fn is_common_word(lower: &str) -> bool {
    let _ = lower;
    false
}
