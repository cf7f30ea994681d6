//! Text structure: tokens, sentences and paragraphs, as byte spans.
//!
//! Contract: [`Doc::new`] accepts any `&str` and never panics. Tokens cover every
//! non-space character exactly once, in order; sentences and paragraphs are sorted,
//! non-overlapping and trimmed of surrounding white space. A paragraph is a run of
//! non-blank lines separated by a line break (news copy puts one paragraph a line;
//! CRLF, LF, CR and U+2028/2029 all count). Offsets are bytes into the original text.

use crate::model::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with combining marks, inner apostrophes and hyphens): "Zelenskyy", "O'Keeffe", "pro-Russian".
    Word,
    /// Digits, possibly with inner `.` or `,`: "2.5", "30,000".
    Number,
    /// Any other single character: punctuation, quotation marks, symbols, emoji.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// A text with its tokens, sentences and paragraphs.
pub struct Doc<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Span>,
    pub paragraphs: Vec<Span>,
    /// The text of each token (`words[i]` is token `i`'s), sliced once: the layers ask for a
    /// token's text many times over (some twenty times a token), and slicing a `str` checks
    /// both ends for a character boundary each time.
    words: Vec<&'t str>,
    /// Whether the text is a match report, worked out once (see
    /// `places::is_sports_report`: the places and the people layers both ask).
    pub sports: std::sync::OnceLock<bool>,
}

impl<'t> Doc<'t> {
    pub fn new(text: &'t str) -> Doc<'t> {
        let tokens = tokenize(text);
        let paragraphs = paragraphs(text);
        let sentences = sentences(text, &tokens, &paragraphs);
        let words = tokens.iter().map(|t| &text[t.span.start..t.span.end]).collect();
        Doc { text, tokens, sentences, paragraphs, words, sports: std::sync::OnceLock::new() }
    }

    pub fn slice(&self, span: Span) -> &'t str {
        &self.text[span.start..span.end]
    }

    /// Index of the first token that starts at or after `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// Index of the last token that ends at or before `pos`, if any.
    pub fn token_before(&self, pos: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.span.end <= pos);
        i.checked_sub(1)
    }

    /// The sentence that contains byte `pos` (or the nearest one before it).
    pub fn sentence_index(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.start <= pos);
        i.checked_sub(1)
    }

    /// The paragraph that contains byte `pos` (or the nearest one before it).
    pub fn paragraph_index(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|s| s.start <= pos);
        i.checked_sub(1)
    }

    #[inline]
    pub fn token_text(&self, i: usize) -> &'t str {
        self.words[i]
    }

    /// The text of token `i`, or "" past the last token (for rules that look a few tokens
    /// ahead of a name that may end the text).
    #[inline]
    pub fn token_text_or_empty(&self, i: usize) -> &'t str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// Does token `t` open its sentence?
    pub fn starts_sentence(&self, t: usize) -> bool {
        let start = self.tokens[t].span.start;
        self.sentence_index(start).is_some_and(|s| self.sentences[s].start == start)
    }

    /// The token right after token `t` when it is a period written against it ("U.N." of
    /// "U.N. envoy", the initial's "K." of "K. Fallon"), or `None`.
    pub fn period_after(&self, t: usize) -> Option<usize> {
        let (tok, next) = (self.tokens.get(t)?, self.tokens.get(t + 1)?);
        (self.words[t + 1] == "." && next.span.start == tok.span.end).then_some(t + 1)
    }

    /// Is there no line break between tokens `a` and `b` (`a` before `b`)?
    pub fn same_line(&self, a: usize, b: usize) -> bool {
        let gap = &self.text[self.tokens[a].span.end..self.tokens[b].span.start];
        // (Bytes first: every line break but U+0085, U+2028 and U+2029 is one ASCII byte, and
        // those three begin with 0xC2 or 0xE2.)
        if !gap.bytes().any(|c| matches!(c, b'\n' | b'\r' | 0x0B | 0x0C | 0xC2 | 0xE2)) {
            return true;
        }
        !gap.chars().any(is_line_break)
    }

    /// The first token of the line of token `t`, at most `most` tokens before it.
    pub fn line_start(&self, t: usize, most: usize) -> usize {
        let mut start = t;
        while start > 0 && t - start < most && self.same_line(start - 1, start) {
            start -= 1;
        }
        start
    }

    /// The last token of the line of token `t`, at most `most` tokens after it.
    pub fn line_end(&self, t: usize, most: usize) -> usize {
        let mut end = t;
        while end + 1 < self.tokens.len() && end - t < most && self.same_line(end, end + 1) {
            end += 1;
        }
        end
    }

    /// The line of a sports table that the name at tokens `i..=j` heads, if it heads one: a
    /// results line ("Leicester 1 Leeds 0", "PSV Eindhoven 4 (Nilis 12th) Vitesse Arnhem 1")
    /// or a standings row ("BOSTON 67 68 .496 8 1/2"). The name must be followed by its
    /// number, after at most three more capitalised words.
    pub fn table_row(&self, i: usize, j: usize) -> Option<TableRow> {
        // Cheap test first: a number right after the name, or after a few more capitalised words.
        // (Token kinds before line breaks: most names have no number after them.)
        let mut k = j + 1;
        while k < self.tokens.len() && k <= j + 3 && self.tokens[k].kind == TokenKind::Word {
            k += 1;
        }
        if k >= self.tokens.len() || self.tokens[k].kind != TokenKind::Number || !(j + 1..=k).all(|t| self.same_line(t - 1, t)) {
            return None;
        }
        let line_start = self.line_start(i, 40);
        // A line may hold several results, each between commas or after a label: "Perugia 1
        // Bologna 2, Udinese 0 Lazio 0", "Saturday's results: Perugia 1 Bologna 2, …". The
        // row is the name's part of the line; a comma inside parentheses, between scorers,
        // parts nothing. (A colon ends a label before the row, not the row after it: "… West
        // Ham 0. Attendance: 38,056".)
        let cuts = |from: usize, to: usize, colon: bool| {
            let mut depth = 0i32;
            (from..to).filter(move |&t| {
                match self.words[t] {
                    "(" => depth += 1,
                    ")" => depth = (depth - 1).max(0),
                    "," | ";" => return depth == 0,
                    ":" => return depth == 0 && colon,
                    _ => {}
                }
                false
            })
        };
        let start = cuts(line_start, i, true).last().map_or(line_start, |t| t + 1);
        if self.prose_before(start, i) {
            return None;
        }
        let line_end = self.line_end(j, 40);
        let end = cuts(j + 1, line_end + 1, false).next().map_or(line_end, |t| t - 1);
        // (Only in a match report: "Temperatures: Paris 12 Madrid 18, Rome 16 Berlin 9" is
        // weather.)
        if (start > line_start || end < line_end) && !crate::places::is_sports_report(self) {
            return None;
        }
        // (Not a name in parentheses: a scorer, a player's country.)
        let before = &self.text[self.tokens[start].span.start..self.tokens[i].span.start];
        if before.matches('(').count() > before.matches(')').count() {
            return None;
        }
        // (Not after the result's full stop: "… Feyenoord 1. Halftime 1-1.", or "… Feyenoord 1 .
        // Halftime 1-1 ." as a tokenized text writes it.)
        let mut prev = "";
        for field in before.split_whitespace() {
            if ends_result(prev, field) {
                return None;
            }
            prev = field;
        }
        table_row_shape(&self.text[self.tokens[start].span.start..self.tokens[end].span.end])
    }

    /// Is there, among tokens `start..i` of one line, a word in lower case that opens its
    /// field (after white space, or first), with no parenthesis before it? Then that line is
    /// prose and [`Doc::table_row`] finds no row there: [`table_row_shape`] turns the line
    /// down at that word, unless a result's full stop ends the reading before it, and then
    /// `table_row`'s look at the fields before the name turns it down. (A quick answer for
    /// the many names followed by a number in prose, "March 2016", "Route 66": most prose
    /// lines have such a word among their first few.)
    fn prose_before(&self, start: usize, i: usize) -> bool {
        let bytes = self.text.as_bytes();
        let mut seen = self.tokens[start].span.start;
        for t in start..i {
            let span = self.tokens[t].span;
            if bytes[seen..span.start].iter().any(|&b| b == b'(' || b == b')') {
                return false;
            }
            seen = span.start;
            let opens_field = t == start || bytes[span.start - 1].is_ascii_whitespace();
            if opens_field && self.tokens[t].kind == TokenKind::Word && self.words[t].chars().next().is_some_and(char::is_lowercase) {
                return true;
            }
        }
        false
    }
}

/// Does the field (a line's text between spaces) end a result's sentence: a score or a closing
/// parenthesis, then a full stop ("1.", "45)."), or a full stop alone after such a field `prev`
/// ("1 .", as a tokenized text writes it)?
fn ends_result(prev: &str, field: &str) -> bool {
    let score_or_close = |f: &str| f.ends_with(|c: char| c == ')' || c.is_ascii_digit());
    field.strip_suffix('.').is_some_and(score_or_close) || (field == "." && score_or_close(prev))
}

/// What kind of line of a sports table a line is (see [`Doc::table_row`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableRow {
    /// Two names, each with its score: "Leicester 1 Leeds 0".
    Results,
    /// One name and three numbers or more: "Liverpool 16 10 3 3 33".
    Standings,
}

/// The shape of one line read as the eye reads a table: fields between spaces, names
/// (runs of capitalised fields) and numbers ("1996-08-30" and ".496" are one each), with
/// anything in parentheses (scorers, countries) left out. A lower-case word outside
/// parentheses means prose, no table; so does a date alone ("LONDON 1996-08-30") or one
/// name with a couple of numbers ("London 12 8", weather).
fn table_row_shape(line: &str) -> Option<TableRow> {
    let mut shape = String::new();
    let mut depth = 0i32;
    let mut prev = "";
    for field in line.split_whitespace() {
        let was_inside = depth > 0;
        depth += field.matches('(').count() as i32 - field.matches(')').count() as i32;
        depth = depth.max(0);
        // The result ends its sentence: "… Vitesse Arnhem 1 (Machlas 55th). Halftime 1-1.
        // Attendance 6,500." reads only up to that full stop.
        // (A tokenized text writes the full stop apart: "… Hamburg 0 . Halftime 1-0 .")
        let ends_sentence = depth == 0 && ends_result(prev, field);
        prev = field;
        if was_inside || field.starts_with('(') {
            if ends_sentence {
                break;
            }
            continue;
        }
        let f = field.trim_matches(|c: char| !c.is_alphanumeric());
        if f.is_empty() {
            if ends_sentence {
                break;
            }
            continue;
        }
        if f.bytes().any(|b| b.is_ascii_digit()) && !f.chars().any(char::is_alphabetic) {
            // (Bowling figures, "12-2-40-1", are no score.)
            shape.push(if f.matches('-').count() >= 2 { 'x' } else { '#' });
        } else if f.chars().next().is_some_and(char::is_uppercase) {
            // (A date is no row: "Thursday 05 April 2018". Not a weekday: "Sheffield Wednesday 2".)
            if matches!(
                f,
                "January" | "February" | "March" | "April" | "June" | "July" | "August" | "September" | "October" | "November" | "December"
            ) {
                return None;
            }
            if !shape.ends_with('N') {
                shape.push('N');
            }
        } else {
            return None;
        }
        if ends_sentence {
            break;
        }
    }
    if shape == "N#N#" {
        Some(TableRow::Results)
    } else if shape.len() >= 4 && shape.starts_with('N') && shape[1..].bytes().all(|b| b == b'#') {
        Some(TableRow::Standings)
    } else {
        None
    }
}

/// `w.to_lowercase()`, without allocating when `w` is ASCII with no capital (most words).
pub fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.is_ascii() {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(w.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(w)
        }
    } else {
        std::borrow::Cow::Owned(w.to_lowercase())
    }
}

/// `f(&lower(w))`, with a short ASCII word lowered on the stack instead of in a new `String`
/// (the questions the layers ask of capitalised words: "is `Said` a cue?").
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    match lower_in(w, &mut buf) {
        Some(l) => f(l),
        None => f(&lower(w)),
    }
}

/// `w` in lower case without allocating, when it can be: `w` itself when it is in lower case
/// already (most words), else a short ASCII word lowered into `buf`. (Not generic, so the
/// many instances of [`with_lower`] stay small.)
fn lower_in<'a>(w: &'a str, buf: &'a mut [u8; 32]) -> Option<&'a str> {
    if !w.is_ascii() {
        return None;
    }
    if !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some(w);
    }
    let b = buf.get_mut(..w.len())?;
    b.copy_from_slice(w.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).ok()
}

/// A combining mark (so "é" written as e + U+0301 stays one word). Covers the
/// combining blocks that occur in Latin, Greek and Cyrillic text.
pub fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// A letter of any script, or a combining mark: what a word token is made of.
pub fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || is_combining(c)
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Is `c` a line break (a paragraph separator)?
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{0B}' | '\u{0C}')
}

/// Does the character `d` at byte `at` of `text`, right after a word, join it to what follows?
/// An apostrophe or hyphen between letters ("O'Brien", "Jean-Luc"; not a final possessive
/// "’s"), a hyphen before a digit ("x-1"), '.' or ',' between digits ("3,000.5").
fn joins_word(text: &str, at: usize, d: char, numeric: bool) -> bool {
    let after_d = at + d.len_utf8();
    match text[after_d..].chars().next() {
        Some(n) if is_apostrophe(d) && is_word_char(n) && !numeric => !is_final_s(n, text[after_d + n.len_utf8()..].chars().next()),
        Some(n) if is_hyphen(d) && (is_word_char(n) || n.is_ascii_digit()) => true,
        Some(n) if (d == '.' || d == ',') && numeric && n.is_ascii_digit() => true,
        _ => false,
    }
}

/// Is `n`, followed by `after`, the "s" of a possessive "’s" that ends a word?
fn is_final_s(n: char, after: Option<char>) -> bool {
    (n == 's' || n == 'S') && !after.is_some_and(is_word_char)
}

/// Does `d` belong to the punctuation character before it: a combining mark, a variation
/// selector, a zero-width joiner, a skin tone or a tag character?
fn marks_punct(d: char) -> bool {
    is_combining(d) || matches!(d as u32, 0xFE00..=0xFE0F | 0x200D | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F)
}

/// Split `text` into tokens. Possessive "'s" / "’s" is its own token, so that
/// "Zelenskyy’s" yields the name "Zelenskyy".
///
/// Works on byte positions: runs of ASCII letters and digits, and ASCII spaces, are taken
/// byte by byte; any other character is decoded where it stands (`tests::tokenize_model`
/// checks it against the plain char-by-char form).
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let char_at = |at: usize| text[at..].chars().next();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
            i += 1;
            continue;
        }
        let c = if b < 0x80 { b as char } else { char_at(i).expect("in bounds, on a boundary") };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if is_word_char(c) || c.is_ascii_digit() || c.is_numeric() {
            let numeric = !c.is_alphabetic();
            let mut end = i + c.len_utf8();
            loop {
                while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
                    end += 1;
                }
                // Any other ASCII character but a joiner ends the word.
                if end < bytes.len() && bytes[end] < 0x80 && !matches!(bytes[end], b'\'' | b'-' | b'.' | b',') {
                    break;
                }
                let Some(d) = char_at(end) else { break };
                if is_word_char(d) || d.is_numeric() {
                    end += d.len_utf8();
                    continue;
                }
                if !joins_word(text, end, d, numeric) {
                    break;
                }
                end += d.len_utf8();
            }
            out.push(Token { span: Span::new(i, end), kind: if numeric { TokenKind::Number } else { TokenKind::Word } });
            i = end;
        } else {
            // One punctuation character, with any combining marks or variation selectors after it.
            let mut end = i + c.len_utf8();
            while let Some(d) = char_at(end).filter(|&d| marks_punct(d)) {
                end += d.len_utf8();
            }
            // Possessive: "’s" after a word.
            if is_apostrophe(c) {
                if let Some(n) = char_at(end) {
                    let prev_is_word = out.last().is_some_and(|t: &Token| t.span.end == i && t.kind == TokenKind::Word);
                    if prev_is_word && is_final_s(n, char_at(end + n.len_utf8())) {
                        out.push(Token { span: Span::new(i, end + 1), kind: TokenKind::Word });
                        i = end + 1;
                        continue;
                    }
                }
            }
            out.push(Token { span: Span::new(i, end), kind: TokenKind::Punct });
            i = end;
        }
    }
    out
}

/// The document's title block, if it has one: its first line when that line is short (at
/// most 200 bytes) and at least two more lines of text follow, plus the next line when the
/// first ends with ';' (a sub-headline: "Clinton attacks rival; \nIn speech, she …").
/// News gold such as PolNeAR annotates the body only, so `saywhere eval` leaves quotations
/// in the title out; the page still shows them.
pub fn title_block(text: &str) -> Option<Span> {
    let lead = text.len() - text.trim_start().len();
    let first_end = lead + text[lead..].find('\n')?;
    let line = text[lead..first_end].trim_end();
    if line.is_empty() || line.len() > 200 {
        return None;
    }
    let mut end = first_end;
    if line.ends_with(';') {
        if let Some(n) = text[first_end + 1..].find('\n') {
            if n <= 200 {
                end = first_end + 1 + n;
            }
        }
    }
    let rest = &text[end..];
    (rest.lines().filter(|l| !l.trim().is_empty()).count() >= 2).then_some(Span::new(lead, end))
}

/// Paragraph spans: maximal runs of text between line breaks, trimmed, non-empty.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 256 + 1);
    let (mut line_start, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        // Most bytes are neither an ASCII control character nor the lead byte of U+0085 or
        // U+2028/U+2029 (the other line breaks): one range test each.
        if (0x0E..0xC2).contains(&b) {
            i += 1;
            continue;
        }
        let len = match b {
            b'\n' | b'\r' | 0x0B | 0x0C => 1,
            0xC2 if bytes.get(i + 1) == Some(&0x85) => 2,
            0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        push_trimmed(text, line_start, i, &mut out);
        i += len;
        line_start = i;
    }
    push_trimmed(text, line_start, bytes.len(), &mut out);
    out
}

/// The line `start..end` of `text` without the white space at its ends, if anything is left.
fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let rest = text[start..end].trim_start();
    if !rest.is_empty() {
        let s = end - rest.len();
        out.push(Span::new(s, s + rest.trim_end().len()));
    }
}

/// The index of the first byte of `bytes` at or after `from` for which `hit` holds, or
/// `None`. Eight bytes at a time: `any_in` must say whether any byte of a little-endian word
/// of eight (see [`has_byte`]) could be a hit; only such words are then looked at byte by
/// byte. (A plain byte loop over a whole text cost some eight instructions a byte.)
#[inline]
pub fn skip_to(bytes: &[u8], from: usize, any_in: impl Fn(u64) -> bool, hit: impl Fn(u8) -> bool) -> Option<usize> {
    let mut i = from;
    while i + 8 <= bytes.len() {
        let word = u64::from_le_bytes(bytes[i..i + 8].try_into().expect("eight bytes"));
        if any_in(word) {
            break;
        }
        i += 8;
    }
    bytes[i..].iter().position(|&b| hit(b)).map(|off| i + off)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Does the word of eight bytes hold the byte `b`? (The classic zero-byte test on the word
/// with `b` xor-ed out: exact, no false answers.)
#[inline]
pub fn has_byte(word: u64, b: u8) -> bool {
    let x = word ^ (ONES * b as u64);
    x.wrapping_sub(ONES) & !x & HIGHS != 0
}

/// Does the word of eight bytes hold a byte of 0x80 or more (a byte of a non-ASCII character)?
#[inline]
pub fn has_high_byte(word: u64) -> bool {
    word & HIGHS != 0
}

/// A fast, non-cryptographic hasher for the look-up tables (the Fx hash of rustc): the keys
/// are our own words and names, never chosen by an attacker to collide, and SipHash (the
/// standard library's default) took a sixth of the pipeline's time.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        let n = rest.len();
        if n >= 4 {
            // Two loads that overlap when fewer than 8 bytes are left (no loop, no copy: a
            // call to memcpy in the WebAssembly build, for every short word hashed).
            let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]) as u64;
            let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]) as u64;
            self.add(lo | hi << 32);
        } else if n > 0 {
            // One to three bytes: all of them, and how many.
            self.add(rest[0] as u64 | (rest[n / 2] as u64) << 8 | (rest[n - 1] as u64) << 16 | (n as u64) << 24);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FxBuild = std::hash::BuildHasherDefault<FxHasher>;
/// A `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
/// A `HashSet` with [`FxHasher`].
pub type FastSet<K> = std::collections::HashSet<K, FxBuild>;

/// A filter of 4,096 bits over a set of words, one bit a word (chosen by its length, its
/// first two bytes and its last): a word whose bit is clear is in no set it was built from,
/// so most words are turned away without a hash look-up (`WordSet`, the gazetteer's
/// lower-case names).
pub struct WordFilter(Box<[u64; 64]>);

impl WordFilter {
    pub fn new() -> WordFilter {
        WordFilter(Box::new([0; 64]))
    }
    /// Set the bit of `w`.
    pub fn insert(&mut self, w: &[u8]) {
        let bit = filter_bit(w, |b| b);
        self.0[bit / 64] |= 1 << (bit % 64);
    }
    /// Could `w` be one of the words inserted? (`false`: certainly not.)
    #[inline]
    pub fn may_hold(&self, w: &[u8]) -> bool {
        self.has_bit(filter_bit(w, |b| b))
    }
    /// [`WordFilter::may_hold`] of `w` lowered byte by byte ("Said": could "said" be one?),
    /// with no copy of the word made. For ASCII words.
    #[inline]
    pub fn may_hold_lower_of(&self, w: &[u8]) -> bool {
        self.has_bit(filter_bit(w, |b| b.to_ascii_lowercase()))
    }
    #[inline]
    fn has_bit(&self, bit: usize) -> bool {
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// A word's bit in a [`WordFilter`], from its bytes mapped by `map`.
#[inline]
fn filter_bit(w: &[u8], map: impl Fn(u8) -> u8) -> usize {
    let n = w.len();
    let at = |i: usize| w.get(i).map_or(0, |&b| map(b)) as u32;
    let h = (n as u32).wrapping_mul(0x9E37_79B9)
        ^ at(0).wrapping_mul(0x85EB_CA6B)
        ^ at(1).wrapping_mul(0xC2B2_AE35)
        ^ at(n.wrapping_sub(1)).wrapping_mul(0x27D4_EB2F);
    (h ^ (h >> 15)) as usize % 4096
}

/// A fixed word list with O(1) membership, its hash set built on first use. The word lists
/// of the layers are checked for every token, so a linear scan would dominate the run time.
/// Most words asked about are in no list: a [`WordFilter`] of its words turns nearly all of
/// them away before the hash set is asked.
pub struct WordSet {
    words: &'static [&'static str],
    built: std::sync::OnceLock<(FastSet<&'static str>, WordFilter)>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet { words, built: std::sync::OnceLock::new() }
    }
    // (One copy in the WebAssembly build, where size counts: inlined at its hundred call
    // sites it cost 4 KB of gzip there.)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn contains(&self, w: &str) -> bool {
        let (set, filter) = self.built.get_or_init(|| self.build());
        filter.may_hold(w.as_bytes()) && set.contains(w)
    }
    /// Does the set hold `w` in lower case ("Said": is "said" in it)? The filter is asked
    /// first, of the bytes lowered one by one, so most words are turned away unlowered.
    pub fn contains_lower_of(&self, w: &str) -> bool {
        let (set, filter) = self.built.get_or_init(|| self.build());
        if w.is_ascii() && !filter.may_hold_lower_of(w.as_bytes()) {
            return false;
        }
        with_lower(w, |l| set.contains(l))
    }
    #[inline(never)]
    fn build(&self) -> (FastSet<&'static str>, WordFilter) {
        let mut filter = WordFilter::new();
        for w in self.words {
            filter.insert(w.as_bytes());
        }
        (self.words.iter().copied().collect(), filter)
    }
}

/// Abbreviations whose period does not end a sentence.
static ABBREVIATIONS: WordSet = WordSet::new(&[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt",
    "Capt", "Cmdr", "Adm", "Maj", "Rev", "Hon", "Pres", "Atty", "Supt", "Insp", "Det", "Cpl", "Pvt", "Fr", "Mt",
    "Ft", "vs", "etc", "Inc", "Co", "Corp", "Ltd", "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep",
    "Oct", "Nov", "Dec", "Ave", "Blvd", "Rd", "approx", "Dept", "Univ", "Calif", "Fla", "Mass", "Penn", "Wash",
    "Ariz", "Conn", "Ill", "Ind", "Mich", "Minn", "Tenn", "Tex", "Va", "Wis", "Ky", "La", "Md", "Mo", "Okla",
    "Ore", "Pa", "Colo", "Nev", "Neb", "Ga", "Ala", "Miss", "Del", "Kan", "Mont", "Wyo", "Vt", "op", "cf", "al",
    "e.g", "i.e", "U.S", "U.N", "U.K", "D.C", "Gov", "Msgr", "Messrs", "Mme", "Mlle", "Const", "Cst",
]);

/// Is `w` (a word followed by '.') an abbreviation or an initial, so the period ends no sentence?
pub fn is_abbreviation_word(w: &str) -> bool {
    let mut chars = w.chars();
    ABBREVIATIONS.contains(&w) || matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Does the word token ending at byte `end` (followed by '.') form an abbreviation?
pub fn is_abbreviation(text: &str, tokens: &[Token], word_index: usize) -> bool {
    let t = tokens[word_index];
    let w = &text[t.span.start..t.span.end];
    if ABBREVIATIONS.contains(&w) {
        return true;
    }
    // A party and state label: "R-Pa.", "D-Calif.".
    if let Some((party, state)) = w.split_once('-') {
        if matches!(party, "R" | "D" | "I") && ABBREVIATIONS.contains(&state) {
            return true;
        }
    }
    // A single capital letter: an initial ("J. Smith") or part of "U.S.".
    let mut chars = w.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    false
}

/// Is `s` a quotation mark of any style (straight, curly, guillemet, low-9, backtick)?
pub fn is_quote_mark(s: &str) -> bool {
    matches!(s, "\"" | "'" | "`" | "\u{201C}" | "\u{201D}" | "\u{2018}" | "\u{2019}" | "\u{00AB}" | "\u{00BB}"
        | "\u{2039}" | "\u{203A}" | "\u{201E}" | "\u{201A}" | "\u{201F}" | "\u{201B}")
}

fn is_closing_punct(s: &str) -> bool {
    matches!(s, "\"" | "'" | "\u{201D}" | "\u{2019}" | "\u{00BB}" | "\u{203A}" | ")" | "]" | "\u{201C}")
}

/// Sentence spans within each paragraph. A sentence ends after `.`, `!`, `?` or `…`
/// (and any closing quotation marks or brackets) when the next token starts with an
/// upper-case letter, a digit or an opening mark, unless the period ends an abbreviation.
pub fn sentences(text: &str, tokens: &[Token], paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut ti = 0;
    for para in paragraphs {
        while ti < tokens.len() && tokens[ti].span.start < para.start {
            ti += 1;
        }
        let first = ti;
        while ti < tokens.len() && tokens[ti].span.end <= para.end {
            ti += 1;
        }
        let toks = &tokens[first..ti];
        let mut start = para.start;
        let mut i = 0;
        while i < toks.len() {
            let s = &text[toks[i].span.start..toks[i].span.end];
            let terminal = matches!(s, "." | "!" | "?" | "\u{2026}");
            if !terminal {
                i += 1;
                continue;
            }
            if s == "." && i > 0 && toks[i - 1].kind == TokenKind::Word && toks[i - 1].span.end == toks[i].span.start
                && is_abbreviation(text, toks, i - 1)
            {
                i += 1;
                continue;
            }
            // Swallow further terminal marks and closing quotes/brackets.
            let mut j = i + 1;
            while j < toks.len() {
                let n = &text[toks[j].span.start..toks[j].span.end];
                if matches!(n, "." | "!" | "?" | "\u{2026}") || (is_closing_punct(n) && toks[j].span.start == toks[j - 1].span.end) {
                    j += 1;
                } else {
                    break;
                }
            }
            if j >= toks.len() {
                break;
            }
            let next = &text[toks[j].span.start..toks[j].span.end];
            let c = next.chars().next().unwrap_or(' ');
            let gap = toks[j].span.start > toks[j - 1].span.end;
            if gap && (c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201C}' | '\u{2018}' | '\'' | '\u{00AB}' | '(' | '\u{201E}')) {
                out.push(Span::new(start, toks[j - 1].span.end));
                start = toks[j].span.start;
            }
            i = j;
        }
        if start < para.end {
            out.push(Span::new(start, para.end));
        }
    }
    out
}

/// Byte offset → UTF-16 and code-point offsets, for the outer layers. Only non-ASCII
/// characters make the units differ, so the map keeps one entry per such character.
pub struct OffsetMap {
    /// Sorted (byte offset just after a non-ASCII char, UTF-16 offset there, code points there).
    after: Vec<(usize, usize, usize)>,
}

impl OffsetMap {
    pub fn new(text: &str) -> OffsetMap {
        let mut after = Vec::new();
        let (mut u16s, mut cps) = (0usize, 0usize);
        let bytes = text.as_bytes();
        let (mut i, mut last) = (0, 0);
        while i < bytes.len() {
            // (Eight bytes at a time through ASCII, the bulk of most texts.)
            while let Some(chunk) = bytes.get(i..i + 8) {
                if u64::from_le_bytes(chunk.try_into().expect("eight bytes")) & 0x8080_8080_8080_8080 != 0 {
                    break;
                }
                i += 8;
            }
            if i >= bytes.len() {
                break;
            }
            if bytes[i] < 0x80 {
                i += 1;
                continue;
            }
            // The ASCII run before this char: one unit per byte in every encoding.
            u16s += i - last;
            cps += i - last;
            let c = text[i..].chars().next().unwrap_or(' ');
            u16s += c.len_utf16();
            cps += 1;
            i += c.len_utf8();
            last = i;
            after.push((i, u16s, cps));
        }
        OffsetMap { after }
    }

    /// The last non-ASCII char ending at or before `byte`: everything after it is ASCII,
    /// one unit per byte in every encoding.
    fn at(&self, byte: usize) -> (usize, usize, usize) {
        let i = self.after.partition_point(|m| m.0 <= byte);
        i.checked_sub(1).map_or((0, 0, 0), |i| self.after[i])
    }

    pub fn utf16(&self, byte: usize) -> usize {
        let (b, u, _) = self.at(byte);
        u + (byte - b)
    }

    pub fn code_point(&self, byte: usize) -> usize {
        let (b, _, c) = self.at(byte);
        c + (byte - b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_block_is_a_short_first_line_before_the_body() {
        let t = "Mayor: ‘We Will Rebuild’\n\nThe mayor spoke on Monday.\nShe took questions.";
        assert_eq!(title_block(t).map(|s| s.text(t)), Some("Mayor: ‘We Will Rebuild’"));
        let t = "Council votes to close pool; \nResidents call it ‘a loss’\n\nThe vote was 5-2.\nIt takes effect in May.";
        assert_eq!(title_block(t).map(|s| s.text(t)), Some("Council votes to close pool; \nResidents call it ‘a loss’"));
        // One paragraph, or a long first line, is body text.
        assert_eq!(title_block("“We will win,” she said.\nThat was all."), None);
        let long = format!("{}\nMore.\nAnd more.", "word ".repeat(60));
        assert_eq!(title_block(&long), None);
    }

    #[test]
    fn table_rows_by_shape() {
        assert_eq!(table_row_shape("Leicester 1 Leeds 0"), Some(TableRow::Results));
        assert_eq!(table_row_shape("PSV Eindhoven 4 (Nilis 12th, 67th) Vitesse Arnhem 1 (Machlas 55th)."), Some(TableRow::Results));
        assert_eq!(table_row_shape("Ajax 2 (Kluivert 12) Feyenoord 1 (Van Gastel 45). Halftime 1-1. Attendance 48,000."), Some(TableRow::Results));
        assert_eq!(table_row_shape("Ajax 2 Feyenoord 1. Halftime 1-1. Attendance 48,000."), Some(TableRow::Results));
        // A tokenized text writes the full stops apart.
        assert_eq!(table_row_shape("Ajax 2 ( Kluivert 12 ) Feyenoord 1 . Halftime 1-1 . Attendance 48,000"), Some(TableRow::Results));
        assert_eq!(table_row_shape("BOSTON 67 68 .496 8 1/2"), Some(TableRow::Standings));
        // A dateline, a weather line, a golf row, prose: no table row.
        assert_eq!(table_row_shape("LONDON 1996-08-30"), None);
        assert_eq!(table_row_shape("London 12 8"), None);
        assert_eq!(table_row_shape("Colin Montgomerie 68 67, Nick Faldo 66 69"), None);
        assert_eq!(table_row_shape("Leeds won 2 games and lost 1"), None);
    }

    /// The plain, char-by-char form of [`super::tokenize`], kept as the model it is tested against.
    fn tokenize_reference(text: &str) -> Vec<Token> {
        let mut out = Vec::with_capacity(text.len() / 5 + 1);
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if c.is_whitespace() {
                continue;
            }
            if is_word_char(c) || c.is_ascii_digit() || c.is_numeric() {
                let numeric = !c.is_alphabetic();
                let mut end = i + c.len_utf8();
                loop {
                    let Some(&(j, d)) = iter.peek() else { break };
                    if is_word_char(d) || d.is_numeric() {
                        end = j + d.len_utf8();
                        iter.next();
                        continue;
                    }
                    if !joins_word(text, j, d, numeric) {
                        break;
                    }
                    iter.next();
                    end = j + d.len_utf8();
                }
                out.push(Token { span: Span::new(i, end), kind: if numeric { TokenKind::Number } else { TokenKind::Word } });
            } else {
                // One punctuation character, with any combining marks or variation selectors after it.
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = iter.peek().filter(|&&(_, d)| marks_punct(d)) {
                    end = j + d.len_utf8();
                    iter.next();
                }
                // Possessive: "’s" after a word.
                if is_apostrophe(c) {
                    if let Some(&(j, n)) = iter.peek() {
                        let prev_is_word = out.last().is_some_and(|t: &Token| t.span.end == i && t.kind == TokenKind::Word);
                        if prev_is_word && is_final_s(n, text[j + n.len_utf8()..].chars().next()) {
                            iter.next();
                            out.push(Token { span: Span::new(i, j + 1), kind: TokenKind::Word });
                            continue;
                        }
                    }
                }
                out.push(Token { span: Span::new(i, end), kind: TokenKind::Punct });
            }
        }
        out
    }

    #[test]
    fn tokenize_model() {
        let cases = [
            "Zelenskyy’s aides said 3,000.5 people – “no” – O'Brien's e\u{301}te\u{301} Jean-Luc 'quoted' Smiths' 👍🏽 x-1 ab.cd",
            "  \t\r\nA\u{2028}B  ’s ' s '' -a- 1.2.3, 4,5, 5. Mr. S’S cat’s \u{0B}\u{0C}x\u{A0}y\u{85}z",
            "Ελλάδα Россия 東京 café naïve (Kyiv) [x] {y} ½ ² Ⅻ ١٢٣ U.S.-led al-Rashid rock’n’roll",
            "",
            "’s",
            "a’s’s s's 's",
        ];
        for t in cases {
            assert_eq!(tokenize(t), tokenize_reference(t), "{t:?}");
        }
    }

    // proptest is a native-only dev-dependency (the wasm32 test build has none).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn tokenize_matches_model(t in "[a-zA-Z0-9 .,'’\\-éü\u{301}\u{FE0F}\u{1F3FD}👍“”\n\t\u{A0}½²]{0,40}") {
            proptest::prop_assert_eq!(tokenize(&t), tokenize_reference(&t));
        }

        #[test]
        fn offset_map_matches_counting(t in "[a-z .]{0,20}[é€😀]?[a-z]{0,12}[ü😀]{0,2}[a-z ]{0,17}") {
            let m = OffsetMap::new(&t);
            for (byte, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
                proptest::prop_assert_eq!(m.utf16(byte), t[..byte].encode_utf16().count());
                proptest::prop_assert_eq!(m.code_point(byte), t[..byte].chars().count());
            }
        }

        #[test]
        fn paragraphs_match_model(t in "[a \n\r\t\u{0B}\u{0C}\u{85}\u{A0}\u{2028}\u{2029}\u{3000}\u{2027}\u{2081}é€]{0,40}") {
            proptest::prop_assert_eq!(paragraphs(&t), paragraphs_by_char(&t));
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.span.start..t.span.end]).collect()
    }

    #[test]
    fn possessive_is_split() {
        assert_eq!(words("Zelenskyy’s chief"), ["Zelenskyy", "’s", "chief"]);
        assert_eq!(words("O'Keeffe don't"), ["O'Keeffe", "don't"]);
        assert_eq!(words("pro-Russian 2.5 30,000."), ["pro-Russian", "2.5", "30,000", "."]);
    }

    #[test]
    fn combining_marks_and_emoji() {
        let t = "Cafe\u{301} 👍🏽 ok";
        assert_eq!(words(t), ["Cafe\u{301}", "👍🏽", "ok"]);
    }

    /// The definition, char by char: what `paragraphs` computes faster.
    fn paragraphs_by_char(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let (mut start, mut last_non_space) = (None, 0);
        for (i, c) in text.char_indices() {
            if is_line_break(c) {
                if let Some(s) = start.take() {
                    out.push(Span::new(s, last_non_space));
                }
            } else if !c.is_whitespace() {
                start.get_or_insert(i);
                last_non_space = i + c.len_utf8();
            }
        }
        if let Some(s) = start {
            out.push(Span::new(s, last_non_space));
        }
        out
    }

    #[test]
    fn paragraphs_match_the_char_definition() {
        let odd = ["", " ", "\n", "a", " a \n\t b\x0b c\x0c\rd", "é\u{85}ü\u{2028}x\u{2029} \u{a0}y\u{a0}", "\u{3000}z\u{3000}\n\u{1680}"];
        for t in odd {
            assert_eq!(paragraphs(t), paragraphs_by_char(t), "{t:?}");
        }
        for seed in [include_str!("../seeds/paris-summit-cnn.txt"), include_str!("../seeds/paris-talks-witkoff.txt")] {
            assert_eq!(paragraphs(seed), paragraphs_by_char(seed));
        }
    }

    #[test]
    fn paragraphs_split_on_any_line_break() {
        let t = "One.\r\n\r\n Two \rThree\n";
        let p: Vec<&str> = paragraphs(t).iter().map(|s| s.text(t)).collect();
        assert_eq!(p, ["One.", "Two", "Three"]);
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let t = "Mr. Smith went to the U.S. on Monday. “It was fine.” He left! Then 3 more.";
        let d = Doc::new(t);
        let s: Vec<&str> = d.sentences.iter().map(|s| s.text(t)).collect();
        assert_eq!(s, ["Mr. Smith went to the U.S. on Monday.", "“It was fine.”", "He left!", "Then 3 more."]);
    }

    #[test]
    fn offsets_map_to_utf16_and_code_points() {
        let t = "a😀b\u{e9}c";
        let m = OffsetMap::new(t);
        let b_byte = t.find('b').unwrap();
        assert_eq!(m.utf16(b_byte), 3);
        assert_eq!(m.code_point(b_byte), 2);
        assert_eq!(m.utf16(t.len()), 6);
        assert_eq!(m.code_point(t.len()), 5);
        assert_eq!(m.code_point(0), 0);
        let c_byte = t.find('c').unwrap();
        assert_eq!(m.code_point(c_byte), 4);
    }
}
