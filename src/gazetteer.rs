//! The gazetteer: place names from public GeoNames-derived data plus a hand-curated list
//! of seas, rivers, regions and landmarks, compiled in from `data/places.tsv` (built by
//! `scripts/build_data.py`; licences in `data/NOTICE.md`).
//!
//! Contract: [`entries`] gives every entry for a name as written (accents folded, case
//! kept: "Elysee" finds "Élysée"), most prominent first. The table is parsed once, on
//! first use, into a hash map; look-ups allocate only the folded key.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::PlaceKind;

static TABLE: &str = include_str!("../data/places.tsv");

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entry {
    pub name: &'static str,
    pub kind: PlaceKind,
    pub country: Option<&'static str>,
    pub lat: f32,
    pub lon: f32,
    /// Population class, 4·log10(population): ranks candidates (0 when unknown).
    pub size: u8,
    /// The name is also an ordinary English word ("Nice", "Mobile", "Reading").
    pub common_word: bool,
    /// The name is also a common first name ("Jordan", "Paris").
    pub first_name: bool,
    /// A national capital (often a metonym: "Washington said", "Moscow denied").
    pub capital: bool,
}

struct Gazetteer {
    entries: Vec<Entry>,
    by_name: HashMap<String, Vec<u32>>,
    /// Lower-case forms of well-known names that are safe to match in lower case ("kyiv").
    lower: HashMap<String, Vec<u32>>,
    /// For the first token of any name (folded): the most tokens a name starting with it has.
    /// Lets the matcher skip tokens that start no name and stop at the longest possible one.
    reach: HashMap<String, usize>,
}

/// Fold accents, keep case: "Élysée" → "Elysee", "São Paulo" → "Sao Paulo".
pub fn fold(s: &str) -> std::borrow::Cow<'_, str> {
    // Most names are plain ASCII: nothing to fold, nothing to allocate.
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if crate::text::is_combining(c) {
            continue;
        }
        let lower = c.is_lowercase();
        let base = match c.to_lowercase().next().unwrap_or(c) {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ś' | 'š' | 'ş' | 'ș' => 's',
            'ź' | 'ż' | 'ž' => 'z',
            'ł' => 'l',
            'ř' => 'r',
            'ť' | 'ţ' | 'ț' => 't',
            'ß' => 's',
            '’' => '\'',
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push(if lower { base } else { base.to_ascii_uppercase() });
    }
    std::borrow::Cow::Owned(out)
}

fn kind_of(code: &str) -> Option<PlaceKind> {
    Some(match code {
        "C" => PlaceKind::Country,
        "R" => PlaceKind::Region,
        "T" => PlaceKind::City,
        "L" => PlaceKind::Landmark,
        "W" => PlaceKind::WaterBody,
        "K" => PlaceKind::Continent,
        _ => return None,
    })
}

/// Rank for ordering candidates of one name: countries and continents first, then by size.
fn prominence(e: &Entry) -> (u8, u8) {
    let tier = match e.kind {
        PlaceKind::Country | PlaceKind::Continent => 3,
        PlaceKind::WaterBody | PlaceKind::Landmark => 2,
        PlaceKind::City => 1,
        PlaceKind::Region if e.size == 0 && e.country.is_none() => 2,
        PlaceKind::Region => 1,
    };
    // A division ranks with a city of a middling size.
    let size = if e.kind == PlaceKind::Region && e.size == 0 { 20 } else { e.size };
    (tier, size)
}

fn load() -> Gazetteer {
    let mut entries = Vec::new();
    let mut names: Vec<(&'static str, u32)> = Vec::new();
    for line in TABLE.lines() {
        let f: Vec<&'static str> = line.split('\t').collect();
        if f.len() < 7 {
            continue;
        }
        let Some(kind) = kind_of(f[1]) else { continue };
        let idx = entries.len() as u32;
        entries.push(Entry {
            name: f[0],
            kind,
            country: (!f[2].is_empty()).then_some(f[2]),
            lat: f[3].parse().unwrap_or(0.0),
            lon: f[4].parse().unwrap_or(0.0),
            size: f[5].parse().unwrap_or(0),
            common_word: f[6].contains('w'),
            first_name: f[6].contains('n'),
            capital: f[6].contains('c'),
        });
        names.push((f[0], idx));
        if let Some(aliases) = f.get(7) {
            for a in aliases.split('|').filter(|a| !a.is_empty()) {
                names.push((a, idx));
            }
        }
    }
    let mut by_name: HashMap<String, Vec<u32>> = HashMap::with_capacity(names.len());
    let mut lower: HashMap<String, Vec<u32>> = HashMap::new();
    let mut reach: HashMap<String, usize> = HashMap::new();
    for (name, idx) in names {
        let toks = crate::text::tokenize(name);
        if let Some(t) = toks.first() {
            let r = reach.entry(fold(&name[t.span.start..t.span.end]).into_owned()).or_default();
            *r = (*r).max(toks.len());
        }
        let key = fold(name).into_owned();
        let e = &entries[idx as usize];
        // Lower-case matches only for countries and very large cities whose names are not words.
        let well_known = (e.kind == PlaceKind::Country || (e.kind == PlaceKind::City && e.size >= 25))
            && !e.common_word
            && name.chars().count() >= 4
            && !crate::lexicon::is_common_word(&key.to_lowercase());
        if well_known && !name.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) {
            lower.entry(key.to_lowercase()).or_default().push(idx);
        }
        let list = by_name.entry(key).or_default();
        if !list.contains(&idx) {
            list.push(idx);
        }
    }
    for list in by_name.values_mut().chain(lower.values_mut()) {
        list.sort_by_key(|&i| std::cmp::Reverse(prominence(&entries[i as usize])));
    }
    Gazetteer { entries, by_name, lower, reach }
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(load)
}

/// Every gazetteer entry named `name` (accents folded, case kept), most prominent first.
pub fn entries(name: &str) -> Vec<Entry> {
    let g = gazetteer();
    g.by_name.get(fold(name).as_ref()).map_or_else(Vec::new, |v| v.iter().map(|&i| g.entries[i as usize]).collect())
}

/// Entries for a name written all in lower case, only for well-known places ("kyiv").
pub fn entries_lower(name: &str) -> Vec<Entry> {
    let g = gazetteer();
    g.lower.get(fold(name).as_ref()).map_or_else(Vec::new, |v| v.iter().map(|&i| g.entries[i as usize]).collect())
}

/// The most tokens of any gazetteer name that starts with the token `first` (0: none does).
pub fn reach(first: &str) -> usize {
    gazetteer().reach.get(fold(first).as_ref()).copied().unwrap_or(0)
}

/// Is `name` a place name in the gazetteer?
pub fn is_place(name: &str) -> bool {
    gazetteer().by_name.contains_key(fold(name).as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_aliases_and_accents() {
        assert_eq!(entries("Kyiv")[0].country, Some("UA"));
        assert_eq!(entries("Kiev")[0].name, "Kyiv");
        assert!(is_place("Elysee") && is_place("Élysée"));
        assert_eq!(entries("Georgia")[0].kind, PlaceKind::Country);
        assert_eq!(entries("Black Sea")[0].kind, PlaceKind::WaterBody);
        assert!(entries("Nice")[0].common_word);
        assert_eq!(entries_lower("kyiv")[0].name, "Kyiv");
        assert!(entries_lower("nice").is_empty());
    }
}
