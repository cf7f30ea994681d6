//! The packed form of the data tables: what `build.rs` writes from `data/` and the crate
//! reads back at start-up. This one file is compiled twice, into the build script (which
//! calls the `pack_*` functions) and into the crate (which calls the `unpack_*` ones), so
//! the two sides cannot drift apart.
//!
//! Contract: `unpack_lines(&pack_lines(t))` gives the lines of `t` joined by `\n` (and
//! `unpack_keys` the same lines one after the other, with where each ends),
//! `unpack_first_names(&pack_first_names(t))` the names and gender letters of `t`, and
//! `unpack_places(&pack_places(t))` every row of the place table `t` with the same fields,
//! for every table `build.rs` accepts. The packed forms exist to make the WebAssembly
//! module small (they compress better than the tables as written: sorted lines share their
//! beginnings, columns of one kind sit together, coordinates are two bytes each) and quick
//! to read; they are never written to the repository.
//!
//! - **Lines** (word lists): each line as the number of bytes it shares with the line before
//!   (one byte, at most 255), the rest of it, and `\n` ("front coding").
//! - **First names**: the names as packed lines, then one byte a name, its gender letter
//!   (`M`, `F`, `U`); each section preceded by its length in bytes (`u32`, little-endian).
//! - **Places**: the rows of `data/places.tsv` column by column. A `u32` row count, then the
//!   names as packed lines; one byte a row for the kind letter; the country codes as packed
//!   lines (distinct codes, sorted) and one byte a row (0: none, else the code's number + 1);
//!   latitudes and longitudes in tenths of a degree as `i16`, all low bytes, then all high
//!   bytes (each half compresses better alone); one byte a row for the size; one a row for
//!   the flags (bit 0 `w`, bit 1 `n`, bit 2 `c`, bit 3 `s`); the alias fields as packed lines.
//!   Each section after the count is preceded by its length in bytes (`u32`, little-endian).

#![allow(dead_code)] // each side uses only its half

/// Front-code `lines` (see the module docs).
pub fn pack_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut prev: &[u8] = &[];
    for line in lines {
        let b = line.as_bytes();
        assert!(!b.contains(&b'\n'), "a packed line holds no line break");
        let mut shared = prev.iter().zip(b).take(255).take_while(|(x, y)| x == y).count();
        // Never cut a character in two: the rest must be valid UTF-8 on its own.
        while !line.is_char_boundary(shared) {
            shared -= 1;
        }
        out.push(shared as u8);
        out.extend_from_slice(&b[shared..]);
        out.push(b'\n');
        prev = b;
    }
    out
}

/// The lines of a front-coded table, joined by `\n` (each line ends in one), or `None` if
/// `packed` is not a well-formed packed table.
pub fn unpack_lines(packed: &[u8]) -> Option<String> {
    Lines::unpack(packed).map(|lines| lines.text)
}

/// Keys decoded from a front-coded table: line `i` is `bytes[ends[i - 1]..ends[i]]` (from 0
/// for the first), with no separators, as [`crate::strindex::StrIndex::from_keys`] takes them.
pub struct Keys {
    pub bytes: Vec<u8>,
    pub ends: Vec<u32>,
}

/// Decode a front-coded table into [`Keys`] in one pass (the shared beginning of each line is
/// copied from the line before, in place), or `None` if `packed` is not well formed.
pub fn unpack_keys(packed: &[u8]) -> Option<Keys> {
    let mut bytes: Vec<u8> = Vec::with_capacity(packed.len() * 2);
    let mut ends: Vec<u32> = Vec::with_capacity(packed.len() / 4 + 1);
    let (mut prev, mut at) = (0, 0);
    while at < packed.len() {
        let shared = packed[at] as usize;
        let rest = &packed[at + 1..];
        let n = rest.iter().position(|&b| b == b'\n')?;
        let start = bytes.len();
        if shared > start - prev {
            return None;
        }
        bytes.extend_from_within(prev..prev + shared);
        bytes.extend_from_slice(&rest[..n]);
        ends.push(bytes.len() as u32);
        prev = start;
        at += n + 2;
    }
    Some(Keys { bytes, ends })
}

/// Pack the first-name table (`data/first_names.tsv`: a name, a tab and its gender letter,
/// `M`, `F` or `U`, a line; sorted, each name once): the names as packed lines, then their
/// gender letters, one byte a name; each section preceded by its length in bytes (`u32`,
/// little-endian). Panics on a malformed or unsorted table: the build stops there.
pub fn pack_first_names(table: &str) -> Vec<u8> {
    let rows: Vec<(&str, u8)> = table
        .lines()
        .map(|l| {
            let (name, g) = l.split_once('\t').unwrap_or_else(|| panic!("first_names.tsv: no gender in {l:?}"));
            assert!(matches!(g, "M" | "F" | "U"), "first_names.tsv: gender {g:?} in {l:?}");
            (name, g.as_bytes()[0])
        })
        .collect();
    assert!(strictly_sorted(rows.iter().map(|r| r.0)), "first_names.tsv: names must be sorted, each once");
    let mut out = Vec::new();
    section(&mut out, &pack_lines(rows.iter().map(|r| r.0)));
    section(&mut out, &rows.iter().map(|r| r.1).collect::<Vec<u8>>());
    out
}

/// The names and the gender letters of a packed first-name table, or `None` if it is not
/// well formed.
pub fn unpack_first_names(packed: &[u8]) -> Option<(Keys, &[u8])> {
    let n = u32::from_le_bytes(packed.get(..4)?.try_into().ok()?) as usize;
    let names = unpack_keys(packed.get(4..4 + n)?)?;
    let rest = &packed[4 + n..];
    let m = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    let genders = rest.get(4..4 + m)?;
    (genders.len() == names.ends.len()).then_some((names, genders))
}

/// Is every word greater than the one before (sorted, each once)? `build.rs` packs only such
/// word lists: [`crate::strindex::StrIndex::from_keys`] refuses a repeated key.
pub fn strictly_sorted<'a>(words: impl IntoIterator<Item = &'a str>) -> bool {
    let mut prev: Option<&str> = None;
    words.into_iter().all(|w| {
        let ok = prev.is_none_or(|p| p < w);
        prev = Some(w);
        ok
    })
}

/// One row of the place table as read back: the fields of `data/places.tsv`.
#[derive(Debug, PartialEq)]
pub struct PlaceRow<'a> {
    pub name: &'a str,
    pub kind: u8,
    pub country: &'a str,
    /// Tenths of a degree.
    pub lat: i16,
    pub lon: i16,
    pub size: u8,
    pub common_word: bool,
    pub first_name: bool,
    pub capital: bool,
    pub small: bool,
    /// The aliases field as written: names separated by `|`.
    pub aliases: &'a str,
}

const FLAG_WORD: u8 = 1;
const FLAG_FIRST_NAME: u8 = 2;
const FLAG_CAPITAL: u8 = 4;
const FLAG_SMALL: u8 = 8;

/// "43", "-8.4" → 430, -84. Panics (in the build script) on any other form: the table's
/// coordinates have at most one decimal.
fn tenths(s: &str) -> i16 {
    let (whole, frac) = s.split_once('.').unwrap_or((s, "0"));
    assert!(frac.len() == 1 && frac.bytes().all(|b| b.is_ascii_digit()), "coordinate {s:?}: one decimal at most");
    let w: i16 = whole.parse().unwrap_or_else(|_| panic!("coordinate {s:?}"));
    let f = (frac.as_bytes()[0] - b'0') as i16;
    if whole.starts_with('-') { w * 10 - f } else { w * 10 + f }
}

fn section(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// Pack the place table (`data/places.tsv`: name, kind, country, latitude, longitude,
/// size, flags, aliases; tab-separated). Panics on a malformed row: the build stops there.
pub fn pack_places(table: &str) -> Vec<u8> {
    let rows: Vec<Vec<&str>> = table
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.splitn(8, '\t').collect();
            assert!(f.len() >= 7, "places.tsv: too few fields in {l:?}");
            assert!(matches!(f[1], "C" | "R" | "T" | "L" | "W" | "K"), "places.tsv: unknown kind in {l:?}");
            assert!(!f.get(7).is_some_and(|a| a.contains('\t')), "places.tsv: too many fields in {l:?}");
            f
        })
        .collect();
    let mut countries: Vec<&str> = rows.iter().map(|f| f[2]).filter(|c| !c.is_empty()).collect();
    countries.sort_unstable();
    countries.dedup();
    assert!(countries.len() < 255, "places.tsv: more than 254 countries");
    let mut out = Vec::new();
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    section(&mut out, &pack_lines(rows.iter().map(|f| f[0])));
    section(&mut out, &rows.iter().map(|f| f[1].as_bytes()[0]).collect::<Vec<u8>>());
    section(&mut out, &pack_lines(countries.iter().copied()));
    let country_of = |c: &str| if c.is_empty() { 0 } else { countries.binary_search(&c).unwrap() as u8 + 1 };
    section(&mut out, &rows.iter().map(|f| country_of(f[2])).collect::<Vec<u8>>());
    for col in [3, 4] {
        let v: Vec<i16> = rows.iter().map(|f| tenths(f[col])).collect();
        let mut planes: Vec<u8> = v.iter().map(|x| x.to_le_bytes()[0]).collect();
        planes.extend(v.iter().map(|x| x.to_le_bytes()[1]));
        section(&mut out, &planes);
    }
    section(&mut out, &rows.iter().map(|f| f[5].parse::<u8>().unwrap_or(0)).collect::<Vec<u8>>());
    let flags = |s: &str| {
        (if s.contains('w') { FLAG_WORD } else { 0 })
            | (if s.contains('n') { FLAG_FIRST_NAME } else { 0 })
            | (if s.contains('c') { FLAG_CAPITAL } else { 0 })
            | (if s.contains('s') { FLAG_SMALL } else { 0 })
    };
    section(&mut out, &rows.iter().map(|f| flags(f[6])).collect::<Vec<u8>>());
    section(&mut out, &pack_lines(rows.iter().map(|f| f.get(7).copied().unwrap_or(""))));
    out
}

/// A column of packed lines, unpacked: one string, and where each line starts.
struct Lines {
    text: String,
    /// Where each line starts, and one past the end of the last (`text.len()`).
    starts: Vec<u32>,
}

impl Lines {
    /// Decode a front-coded column, noting where each line starts as it goes (one pass).
    fn unpack(packed: &[u8]) -> Option<Lines> {
        let mut text: Vec<u8> = Vec::with_capacity(packed.len() * 2);
        let mut starts: Vec<u32> = Vec::with_capacity(packed.len() / 4 + 2);
        starts.push(0);
        let (mut prev, mut prev_len, mut at) = (0, 0, 0);
        while at < packed.len() {
            let shared = packed[at] as usize;
            let rest = &packed[at + 1..];
            let n = rest.iter().position(|&b| b == b'\n')?;
            if shared > prev_len {
                return None;
            }
            let start = text.len();
            // (Many lines are empty, or share nothing: no copy call for those.)
            if shared > 0 {
                text.extend_from_within(prev..prev + shared);
            }
            if n > 0 {
                text.extend_from_slice(&rest[..n]);
            }
            text.push(b'\n');
            starts.push(text.len() as u32);
            (prev, prev_len) = (start, shared + n);
            at += n + 2;
        }
        Some(Lines { text: String::from_utf8(text).ok()?, starts })
    }
    fn len(&self) -> usize {
        self.starts.len() - 1
    }
    /// Line `i` without its line break.
    #[inline]
    fn get(&self, i: usize) -> &str {
        &self.text[self.starts[i] as usize..self.starts[i + 1] as usize - 1]
    }
}

/// The columns of a packed place table, unpacked (names, countries and aliases into one
/// string each). Read rows with [`Places::row`].
pub struct Places<'a> {
    pub len: usize,
    names: Lines,
    kinds: &'a [u8],
    countries: Lines,
    country_of: &'a [u8],
    lat: &'a [u8],
    lon: &'a [u8],
    sizes: &'a [u8],
    flags: &'a [u8],
    aliases: Lines,
}

/// Read a packed place table; `None` if it is not well formed.
pub fn unpack_places(packed: &[u8]) -> Option<Places<'_>> {
    let len = u32::from_le_bytes(packed.get(..4)?.try_into().ok()?) as usize;
    let mut rest = &packed[4..];
    let mut next = || -> Option<&[u8]> {
        let n = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let s = rest.get(4..4 + n)?;
        rest = &rest[4 + n..];
        Some(s)
    };
    let names = Lines::unpack(next()?)?;
    let kinds = next()?;
    let countries = Lines::unpack(next()?)?;
    let country_of = next()?;
    let (lat, lon, sizes, flags) = (next()?, next()?, next()?, next()?);
    let aliases = Lines::unpack(next()?)?;
    let ok = names.len() == len
        && aliases.len() == len
        && [kinds.len(), country_of.len(), sizes.len(), flags.len()].iter().all(|&n| n == len)
        && lat.len() == 2 * len
        && lon.len() == 2 * len
        && country_of.iter().all(|&c| (c as usize) <= countries.len());
    ok.then_some(Places { len, names, kinds, countries, country_of, lat, lon, sizes, flags, aliases })
}

impl Places<'_> {
    /// Row `i` (`i < self.len`).
    pub fn row(&self, i: usize) -> PlaceRow<'_> {
        let country = match self.country_of[i] {
            0 => "",
            k => self.countries.get(k as usize - 1),
        };
        let n = self.len;
        let coord = |planes: &[u8]| i16::from_le_bytes([planes[i], planes[n + i]]);
        let f = self.flags[i];
        PlaceRow {
            name: self.names.get(i),
            kind: self.kinds[i],
            country,
            lat: coord(self.lat),
            lon: coord(self.lon),
            size: self.sizes[i],
            common_word: f & FLAG_WORD != 0,
            first_name: f & FLAG_FIRST_NAME != 0,
            capital: f & FLAG_CAPITAL != 0,
            small: f & FLAG_SMALL != 0,
            aliases: self.aliases.get(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_round_trip() {
        for t in ["", "a", "a\nab\nabc\nb\n", "\n\nx\n", "São\nSãa\nSão Paulo\n", "é\nè\n"] {
            let lines: Vec<&str> = t.lines().collect();
            let back = unpack_lines(&pack_lines(lines.iter().copied())).unwrap();
            assert_eq!(back.lines().collect::<Vec<_>>(), lines, "{t:?}");
        }
        let long = "x".repeat(600);
        let lines = [long.as_str(), long.as_str(), &long[..300]];
        assert_eq!(unpack_lines(&pack_lines(lines)).unwrap().lines().collect::<Vec<_>>(), lines);
    }

    #[test]
    fn unpack_keys_gives_the_lines() {
        for t in ["", "a\nab\nabc\nb\n", "\n\nx\n", "São\nSãa\nSão Paulo\n"] {
            let lines: Vec<&str> = t.lines().collect();
            let keys = unpack_keys(&pack_lines(lines.iter().copied())).unwrap();
            let mut start = 0;
            let got: Vec<&str> = keys
                .ends
                .iter()
                .map(|&end| {
                    let k = std::str::from_utf8(&keys.bytes[start..end as usize]).unwrap();
                    start = end as usize;
                    k
                })
                .collect();
            assert_eq!(got, lines, "{t:?}");
        }
        assert!(unpack_keys(b"\x00abc").is_none()); // no final line break
        assert!(unpack_keys(b"\x05ab\n").is_none()); // shares more than the line before has
    }

    #[test]
    fn strictly_sorted_refuses_a_repeat_or_a_step_back() {
        assert!(strictly_sorted([]) && strictly_sorted(["a"]) && strictly_sorted(["a", "ab", "b"]));
        assert!(!strictly_sorted(["a", "a"]) && !strictly_sorted(["b", "a"]));
    }

    #[test]
    fn bad_packed_lines_are_refused() {
        assert_eq!(unpack_lines(b"\x00abc"), None); // no final line break
        assert_eq!(unpack_lines(b"\x05ab\n"), None); // shares more than the line before has
        assert_eq!(unpack_lines(b"\x00\xff\n"), None); // not UTF-8
        assert!(unpack_places(b"\x01\x00").is_none());
    }

    #[test]
    fn places_round_trip() {
        let t = "Aachen\tT\tDE\t50.8\t6.1\t21\t\t\nBoston\tT\tGB\t53\t-0\t18\tn\t\n\
                 Mary\tR\tTM\t-37.5\t61.8\t0\tnc\tMary Province|Marı\n";
        let packed = pack_places(t);
        let p = unpack_places(&packed).unwrap();
        assert_eq!(p.len, 3);
        assert_eq!(
            p.row(2),
            PlaceRow {
                name: "Mary",
                kind: b'R',
                country: "TM",
                lat: -375,
                lon: 618,
                size: 0,
                common_word: false,
                first_name: true,
                capital: true,
                small: false,
                aliases: "Mary Province|Marı",
            }
        );
        assert_eq!((p.row(0).country, p.row(0).lat, p.row(0).aliases), ("DE", 508, ""));
        assert_eq!((p.row(1).lon, p.row(1).first_name, p.row(1).common_word), (0, true, false));
    }

    #[test]
    fn the_compiled_place_table_is_the_data_file() {
        let t = include_str!("../data/places.tsv");
        let p = unpack_places(include_bytes!(concat!(env!("OUT_DIR"), "/places.tsv.packed"))).unwrap();
        let rows: Vec<&str> = t.lines().collect();
        assert_eq!(p.len, rows.len());
        for (i, line) in rows.iter().enumerate() {
            let f: Vec<&str> = line.split('\t').collect();
            let r = p.row(i);
            assert_eq!((r.name, r.country, r.aliases), (f[0], f[2], f[7]), "{line}");
            assert_eq!((r.lat as f32 / 10.0, r.lon as f32 / 10.0), (f[3].parse().unwrap(), f[4].parse().unwrap()), "{line}");
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;

    proptest::proptest! {
        #[test]
        fn any_lines_round_trip(lines in proptest::collection::vec("[^\n]{0,12}", 0..40)) {
            let mut lines = lines;
            lines.sort();
            let back = unpack_lines(&pack_lines(lines.iter().map(String::as_str))).unwrap();
            proptest::prop_assert_eq!(back.split_terminator('\n').collect::<Vec<_>>(), lines.iter().map(String::as_str).collect::<Vec<_>>());
            let keys = unpack_keys(&pack_lines(lines.iter().map(String::as_str))).unwrap();
            let mut start = 0;
            let mut got = Vec::new();
            for &end in &keys.ends {
                got.push(String::from_utf8(keys.bytes[start..end as usize].to_vec()).unwrap());
                start = end as usize;
            }
            proptest::prop_assert_eq!(got, lines);
        }
    }
}
