//! Quotation marks: find them, tell apostrophes from single quotes, pair them.
//!
//! Contract: [`find`] returns quotations sorted by start, never overlapping, each on
//! char boundaries. A quotation never crosses a paragraph break: the news convention
//! of a quote running over several paragraphs (each reopened, only the last closed)
//! yields one quotation per paragraph, the later ones with `continues = true`.
//! An opening mark that never closes ends at the end of its sentence or paragraph
//! (`closed = false`), never at a far-away mark.
//!
//! How: each paragraph is scanned once. Every quotation mark is classified as an opener,
//! a closer, or either (straight marks, by the characters around them), and paired with a
//! small stack. Double marks (“” "" „“ «» and the archive ''…'' and ``…'') make the
//! outer quotations; single marks (‘’ '' ‹›) are outer quotations only where no double
//! quotation is open, and an apostrophe ("don’t", "farmers’ turn", "’90s") is never a mark.

use crate::model::{QuoteKind, Span};
use crate::text::{is_line_break, paragraphs};

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    pos: usize,
    len: usize,
    family: Family,
    role: Role,
}

fn is_open_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-/:;".contains(c) || is_opening_char(c),
    }
}

fn is_close_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || ".,;:!?)]}—–-/…".contains(c) || is_closing_char(c),
    }
}

fn is_opening_char(c: char) -> bool {
    matches!(c, '“' | '‘' | '„' | '‚' | '«' | '‹' | '‟' | '‛')
}

fn is_closing_char(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | '›')
}

/// Classify the quotation marks of one paragraph `text[start..end]`.
fn marks(text: &str, start: usize, end: usize) -> Vec<Mark> {
    let para = &text[start..end];
    let bytes = para.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Straight to the next byte that can begin a mark: a straight quote, a backtick or a
        // character beyond ASCII (every curly mark is). (The first such byte after a character
        // boundary begins a character.)
        let any_in = |w: u64| {
            use crate::text::{has_byte, has_high_byte};
            has_high_byte(w) || has_byte(w, b'"') || has_byte(w, b'\'') || has_byte(w, b'`')
        };
        match crate::text::skip_to(bytes, i, any_in, |b| matches!(b, b'"' | b'\'' | b'`') || b >= 0x80) {
            Some(at) => i = at,
            None => break,
        }
        let c = para[i..].chars().next().expect("on a character boundary");
        let prev = para[..i].chars().next_back();
        let next = para[i + c.len_utf8()..].chars().next();
        let pos = start + i;
        let mut push = |len: usize, family: Family, role: Role| out.push(Mark { pos, len, family, role });
        // A value of markup left in the text, `<a href="…">`, `datetime="2016-06-29"`: no
        // quotation; both of its marks are skipped. (Linear: what lies between is skipped,
        // never scanned again.)
        // (Its end may be on a later line: no mark here either.)
        if matches!(c, '"' | '\'') && prev == Some('=') {
            i += para[i + 1..].find(c).map_or(1, |off| 1 + off + 1);
            continue;
        }
        match c {
            // “ closes „…“ (German) and is a common typo for ”: after a word, before a break.
            '“' if prev.is_some_and(|p| !p.is_whitespace()) && is_close_context(next) => {
                push(c.len_utf8(), Family::Double, Role::Either)
            }
            '“' | '„' | '‟' | '«' => push(c.len_utf8(), Family::Double, Role::Open),
            '”' | '»' => push(c.len_utf8(), Family::Double, Role::Close),
            '`' if next == Some('`') => {
                push(2, Family::Double, Role::Open);
                i += 2;
                continue;
            }
            // ''…'''  with a single quote nested at the end: the single closes first.
            '\'' if next == Some('\'') && para[i + 1..].starts_with("''") && prev.is_some_and(|p| !p.is_whitespace()) => {
                push(1, Family::Single, Role::Close);
            }
            '\'' if next == Some('\'') => {
                // The archive convention: '' as a double mark.
                let after = para[i + 2..].chars().next();
                let role = classify_straight(prev, after);
                push(2, Family::Double, role);
                i += 2;
                continue;
            }
            // The end of a markup value cut by a line break (`tweet-date="…\n">`): no mark.
            '"' if next == Some('>') => {}
            '"' => push(1, Family::Double, classify_straight(prev, next)),
            '‘' | '‚' | '‹' | '‛' => {
                // "‘90s" and "‘tis" are apostrophes, and so is a mistyped "CBS‘ show" or "Obama‘s".
                let mistyped_apostrophe = c == '‘'
                    && prev.is_some_and(char::is_alphanumeric)
                    && (!next.is_some_and(char::is_alphanumeric) || contraction_after(&para[i + c.len_utf8()..]));
                if !next.is_some_and(|n| n.is_ascii_digit()) && !mistyped_apostrophe {
                    push(c.len_utf8(), Family::Single, Role::Open);
                }
            }
            '’' | '\'' | '›' => {
                let letter_before = prev.is_some_and(|p| p.is_alphanumeric());
                let letter_after = next.is_some_and(|n| n.is_alphanumeric());
                if c == '›' {
                    push(c.len_utf8(), Family::Single, Role::Close);
                } else if letter_before && letter_after {
                    // don’t, Zelenskyy’s: an apostrophe.
                } else if !letter_before && letter_after {
                    // (Text split into tokens writes "Gullit 's side", "do n't": an apostrophe.)
                    if c == '\''
                        && is_open_context(prev)
                        && !next.is_some_and(|n| n.is_ascii_digit())
                        && !(prev == Some(' ') && contraction_after(&para[i + 1..]))
                    {
                        push(1, Family::Single, Role::Open);
                    }
                    // ’90s, ’em: an apostrophe.
                } else if is_close_context(next) && !prev.is_some_and(char::is_whitespace) {
                    // A closer, unless it is a plural possessive: "the farmers’ turn".
                    let rest = &para[i + c.len_utf8()..];
                    let possessive = prev == Some('s')
                        && rest.starts_with(' ')
                        && rest[1..].chars().next().is_some_and(char::is_lowercase);
                    if !possessive {
                        push(c.len_utf8(), Family::Single, Role::Close);
                    }
                }
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    out
}

/// Does `rest` (the text right after an apostrophe) open with the end of a contraction or a
/// possessive, "s", "re", "ll", "ve", "d", "m" or "t" (or the same in capitals), and no more
/// letters?
fn contraction_after(rest: &str) -> bool {
    // (In capitals too: "RUSSIA 'S LEBED".)
    ["s", "re", "ll", "ve", "d", "m", "t", "S", "RE", "LL", "VE", "D", "M", "T"]
        .iter()
        .any(|e| rest.starts_with(e) && !rest[e.len()..].chars().next().is_some_and(char::is_alphanumeric))
}

fn classify_straight(prev: Option<char>, next: Option<char>) -> Role {
    let open = is_open_context(prev) && !next.is_some_and(char::is_whitespace) && next.is_some();
    let close = is_close_context(next) && !prev.is_some_and(char::is_whitespace) && prev.is_some();
    match (open, close) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Either,
    }
}

/// Find every quotation in `text`.
pub fn find(text: &str) -> Vec<Found> {
    find_in(text, &paragraphs(text))
}

/// Find every quotation in `text`, whose paragraphs (`text::paragraphs`) are already known
/// (the pipeline has them in its `Doc`).
pub fn find_in(text: &str, paras: &[Span]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut continues_next = false;
    for (pi, para) in paras.iter().enumerate() {
        let continues = std::mem::take(&mut continues_next);
        let ms = marks(text, para.start, para.end);
        let mut open: Option<Mark> = None;
        let mut first_in_para = true;
        let emit = |out: &mut Vec<Found>, open: Mark, end: usize, close_len: usize, closed: bool, first: &mut bool| {
            let cont = continues && *first && open.pos == para.start;
            *first = false;
            if let Some(f) = make(text, open, end, close_len, closed, cont) {
                out.push(f);
            }
        };
        for m in &ms {
            match open {
                None => {
                    // Outside any quotation: an opener (or an ambiguous straight mark) opens.
                    if m.role != Role::Close {
                        open = Some(*m);
                    }
                }
                Some(o) => {
                    if m.family != o.family {
                        // Single marks inside a double quotation are its content, and vice versa.
                        continue;
                    }
                    match m.role {
                        Role::Close | Role::Either => {
                            emit(&mut out, o, m.pos + m.len, m.len, true, &mut first_in_para);
                            open = None;
                        }
                        Role::Open => {
                            // A second opener while one is open: the first never closed.
                            let end = recover(text, o.pos + o.len, m.pos);
                            emit(&mut out, o, end, 0, false, &mut first_in_para);
                            open = Some(*m);
                        }
                    }
                }
            }
        }
        if let Some(o) = open {
            // The news convention: the next paragraph reopens the same quotation.
            let reopened = paras.get(pi + 1).is_some_and(|next| {
                let gap_ok = text[para.end..next.start].chars().all(|c| c.is_whitespace() || is_line_break(c));
                let first = text[next.start..].chars().next();
                gap_ok && first.is_some_and(|c| match o.family {
                    Family::Double => matches!(c, '“' | '"' | '„' | '«' | '`') || text[next.start..].starts_with("''"),
                    Family::Single => matches!(c, '‘' | '\'' | '‹'),
                })
            });
            if reopened {
                emit(&mut out, o, para.end, 0, true, &mut first_in_para);
                continues_next = true;
            } else {
                let end = recover(text, o.pos + o.len, para.end);
                emit(&mut out, o, end, 0, false, &mut first_in_para);
            }
        }
    }
    out
}

/// Words that show a sentence is someone speaking rather than narration about them.
fn speaks_in_first_or_second_person(s: &str) -> bool {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .any(|w| matches!(w, "I" | "I'm" | "I’m" | "I've" | "I’ve" | "I'd" | "I’d" | "I'll" | "I’ll" | "me" | "my" | "we"
            | "We" | "us" | "our" | "Our" | "you" | "You" | "your" | "Your" | "My" | "we're" | "we’re" | "We're" | "We’re"))
}

/// An unclosed quotation starting at byte `from` (after its mark) and cut at `limit`:
/// keep its first sentence, then each further sentence that still sounds like speech.
fn recover(text: &str, from: usize, limit: usize) -> usize {
    let region = &text[from..limit];
    let mut end = from + region.trim_end().len();
    let mut sentence_start = 0;
    let mut first = true;
    let bytes = region.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // The end of a sentence: terminal punctuation, then white space and a capital.
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
                j += 1;
            }
            let rest = &region[j..];
            let after_space = rest.trim_start();
            let spaced = rest.len() > after_space.len();
            let word_before = region[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            let abbreviation = b == b'.' && crate::text::is_abbreviation_word(word_before);
            if spaced && !abbreviation && after_space.chars().next().is_some_and(char::is_uppercase) {
                let sentence = &region[sentence_start..j];
                if !first && !speaks_in_first_or_second_person(sentence) {
                    return end;
                }
                first = false;
                end = from + j;
                sentence_start = j + (rest.len() - after_space.len());
                i = sentence_start;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    // The last sentence runs to the limit.
    if !first && !speaks_in_first_or_second_person(&region[sentence_start..]) {
        return end;
    }
    from + region.trim_end().len()
}

/// Build a quotation from an opening mark to `end` (exclusive; includes a closing mark of
/// `close_len` bytes when closed). Returns None when there is nothing inside.
fn make(text: &str, open: Mark, end: usize, close_len: usize, closed: bool, continues: bool) -> Option<Found> {
    let inner_start = open.pos + open.len;
    let inner_end = end.saturating_sub(close_len).max(inner_start);
    let inner = &text[inner_start..inner_end];
    let lead = inner.len() - inner.trim_start().len();
    let content = Span::new(inner_start + lead, inner_start + inner.trim_end().len());
    if content.is_empty() || !text[content.start..content.end].chars().any(char::is_alphanumeric) {
        return None;
    }
    let words = text[content.start..content.end].split_whitespace().count();
    if open.family == Family::Single && words < 2 {
        // 'n', 'em: single marks around one word are far more often apostrophes, but for a
        // capitalised word with its own punctuation inside the marks: ‘Yes,’ ‘Edith!’
        let word = &text[content.start..content.end];
        let spoken = word.chars().next().is_some_and(char::is_uppercase) && word.ends_with([',', '.', '!', '?']) && closed;
        if !spoken {
            return None;
        }
    }
    let kind = guess_kind(&text[content.start..content.end]);
    Some(Found { span: Span::new(open.pos, end), content, closed, continues, kind })
}

/// The words of a quotation without the punctuation around them: "“Meet the Press,”" gives
/// "Meet", "the", "Press".
pub(crate) fn bare_words(content: &str) -> impl Iterator<Item = &str> + Clone {
    content.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).filter(|w| !w.is_empty())
}

/// Is every word of `content` capitalised (or a number) but the short function words of
/// `small`: the shape of a name or a title ("Coalition of the Willing")?
pub(crate) fn title_shaped(content: &str, small: &[&str]) -> bool {
    bare_words(content).all(|w| small.contains(&w) || w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
}

/// The kind of a quotation from its words alone.
fn guess_kind(content: &str) -> QuoteKind {
    let words: Vec<&str> = content.split(|c: char| c.is_whitespace()).filter(|w| w.chars().any(char::is_alphanumeric)).collect();
    let first = content.chars().find(|c| c.is_alphanumeric());
    let terminal = content.trim_end_matches(['"', '\'', '’', '”', ')']).ends_with(['.', '!', '?', ',', '…']);
    // Names and titles: every word capitalised but short function words, no sentence
    // punctuation: “Coalition of the Willing”, “Fox News Sunday”.
    const SMALL: &[&str] = &["a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from", "de", "la", "du", "von", "van"];
    let title_case = words.len() >= 2
        && title_shaped(content, SMALL)
        && words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count() >= 2;
    // News style puts the sentence's period inside the marks (on “Fox News Sunday.”), so a
    // short title may end with one; a cue beside the quote still makes it speech.
    let ends_sentence = content.trim_end().ends_with(['!', '?']) || (content.trim_end().ends_with('.') && words.len() > 5);
    if title_case && words.len() <= 8 && !ends_sentence {
        return QuoteKind::NonSpeech;
    }
    // A title with its subtitle, each in Title Case: “Backfire: A Life in Business”.
    if title_case && words.len() <= 18 && !content.trim_end().ends_with(['!', '?']) {
        if let Some((title, subtitle)) = content.split_once(": ") {
            let count = |s: &str| bare_words(s).count();
            if (1..=5).contains(&count(title)) && (2..=14).contains(&count(subtitle)) && subtitle.starts_with(char::is_uppercase) {
                return QuoteKind::NonSpeech;
            }
        }
    }
    match first {
        Some(c) if c.is_lowercase() => QuoteKind::Partial,
        _ if words.len() <= 3 && !terminal => QuoteKind::Partial,
        _ => QuoteKind::Direct,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        find(text).iter().map(|f| f.span.text(text)).collect()
    }

    #[test]
    fn every_mark_style() {
        assert_eq!(quotes("“One two,” he said."), ["“One two,”"]);
        assert_eq!(quotes("\"One two,\" he said."), ["\"One two,\""]);
        assert_eq!(quotes("Er sagte: „Wir bleiben.“"), ["„Wir bleiben.“"]);
        assert_eq!(quotes("Il a dit : «Non merci.»"), ["«Non merci.»"]);
        assert_eq!(quotes("''We won,'' she said."), ["''We won,''"]);
        assert_eq!(quotes("``We won,'' she said."), ["``We won,''"]);
        assert_eq!(quotes("‘It’s the farmers’ turn now,’ said Ruth."), ["‘It’s the farmers’ turn now,’"]);
    }

    #[test]
    fn one_spoken_word_in_single_marks() {
        assert_eq!(quotes("‘Yes,’ said my mother, faintly."), ["‘Yes,’"]);
        assert_eq!(quotes("'Joseph!' he shouted."), ["'Joseph!'"]);
        // Around one word without its own punctuation, single marks are apostrophes.
        assert!(quotes("rock ’n’ roll in the ’90s, with ’em all.").is_empty());
    }

    #[test]
    fn markup_values_are_not_quotes() {
        let t = r#"He wrote <a href="http://example.com">here</a> and <tweet id="12" datetime='2016-06-29'>"We won," he said.</tweet>"#;
        assert_eq!(quotes(t), ["\"We won,\""]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes("Don't stop; it's the '90s, rock 'n' roll and the students' union.").is_empty());
    }

    #[test]
    fn nested_single_inside_double() {
        assert_eq!(quotes("“He said ‘never’ to me,” she said."), ["“He said ‘never’ to me,”"]);
    }

    #[test]
    fn multi_paragraph_quote_is_split_per_paragraph() {
        let t = "“First part of it.\n\n“Second part,” she said.";
        let f = find(t);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].span.text(t), "“First part of it.");
        assert!(!f[0].continues && f[1].continues);
        assert_eq!(f[1].span.text(t), "“Second part,”");
    }

    #[test]
    fn unclosed_quote_ends_at_its_speech() {
        let t = "He claimed that “Mr. Smith has adopted their tactics. He doubled down on it by tweeting. He continued, “I think it is dangerous because he is spreading stories.\nNext paragraph.";
        assert_eq!(
            quotes(t),
            ["“Mr. Smith has adopted their tactics.", "“I think it is dangerous because he is spreading stories."]
        );
    }

    #[test]
    fn kinds_from_shape() {
        let k = |t: &str| find(t)[0].kind;
        assert_eq!(k("the “Coalition Of The Willing” met"), QuoteKind::NonSpeech);
        assert_eq!(k("the “Coalition of the Willing” met"), QuoteKind::NonSpeech);
        assert_eq!(k("“Thank you, son,” he replied."), QuoteKind::Direct);
        assert_eq!(k("it was “a very important occasion” for him"), QuoteKind::Partial);
        assert_eq!(k("“We will win this war,” he said."), QuoteKind::Direct);
    }

    #[test]
    fn linear_on_many_unmatched_marks() {
        let t = "“a ".repeat(50_000);
        let f = find(&t);
        assert!(f.len() <= 50_000);
        let t2 = "\"".repeat(100_000);
        let _ = find(&t2);
    }
}
