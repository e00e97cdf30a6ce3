//! Rule-based English tokeniser following the UD English EWT conventions (syntactic words).
//!
//! Clitics are split off as their own tokens (`don't` → `do` `n't`, `Bush's` → `Bush` `'s`), most
//! punctuation is split, and abbreviations, numbers, URLs, e-mail addresses and emoticons stay whole.
//! Every token keeps its byte offsets into the input. Limits: no learned model, so ambiguous forms
//! (`its` = `it s`?, a closing `'` after a plural) follow the most frequent EWT reading.

use crate::doc::{Document, Token};
use crate::sentences::BoundaryModel;

/// Abbreviations that keep their final period (lowercased, without the period). Single letters
/// and dotted acronyms (`U.S.`, `a.m.`) are recognised by shape instead.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gov", "sen", "rep", "reps", "gen", "lt",
    "col", "capt", "sgt", "cpl", "maj", "adm", "rev", "hon", "pres", "supt", "inc", "corp", "co",
    "ltd", "bros", "llc", "dept", "univ", "assn", "ave", "blvd", "rd", "mt", "ft", "hwy", "etc",
    "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "no", "nos", "vol",
    "approx", "est", "fig", "attn", "arrv", "ext", "tel", "min", "max", "misc", "mgr", "cf", "al",
    "ca", "ph", "ala", "ariz", "calif", "colo", "conn", "fla", "ga", "ill", "ind", "kan", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
    "penn", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "messrs", "mme", "esp", "pp", "dist",
    "govt",
];

/// Prefixes that EWT keeps attached with their hyphen (`e-mail`, `non-human`, `pre-war`); other
/// hyphens between letters are split off as their own token (`well - known`).
const HYPHEN_PREFIXES: &[&str] = &[
    "e", "non", "pre", "anti", "mid", "re", "post", "co", "over", "pro", "multi", "ex", "semi",
    "cross", "neo", "psycho", "socio", "counter", "intra", "inter", "un", "sub", "micro", "bi",
    "de", "pseudo", "quasi", "ultra", "infra", "trans", "mis",
];

/// Emoticons, kept as one token when they stand alone.
const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", ":o", ":O", ":/", ":-/",
    ":'(", "=)", "=(", "(:", "):", "^_^", "^^", "<3", ":]", ":[", "8)", "XD", "xD", ";-(", ":|",
];

/// Contractions written without an apostrophe, split as EWT does (`dont` → `do` `nt`): the byte
/// length of the first part for each (lowercased) form.
const APOSTROPHELESS: &[(&str, usize)] = &[
    ("cannot", 3),
    ("dont", 2),
    ("didnt", 3),
    ("doesnt", 4),
    ("wont", 2),
    ("cant", 2),
    ("isnt", 2),
    ("wasnt", 3),
    ("arent", 3),
    ("werent", 4),
    ("couldnt", 5),
    ("wouldnt", 5),
    ("shouldnt", 6),
    ("havent", 4),
    ("hasnt", 3),
    ("hadnt", 3),
    ("aint", 2),
    ("im", 1),
    ("ive", 1),
    ("youre", 3),
    ("theyre", 4),
    ("thats", 4),
    ("whats", 4),
    ("theres", 5),
    ("hes", 2),
    ("itll", 2),
    ("gonna", 3),
    ("wanna", 3),
    ("gotta", 3),
];

/// Clitics split off the end of a word (after an apostrophe), lowercased, straight apostrophe.
const CLITICS: &[&str] = &["'s", "'re", "'ve", "'ll", "'d", "'m"];

/// Tokenises raw text into UD EWT-style syntactic words with byte offsets into `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    for (start, end) in chunks(text) {
        tokenize_chunk(text, start, end, &mut tokens);
    }
    fill_space_after(text, &mut tokens);
    if penn_treebank_style(text) {
        join_spaced_hyphens(&mut tokens);
    }
    tokens
}

/// Whether `text` was tokenised the Penn Treebank's way, as research corpora give it (CaRB,
/// OIE2016): a space before commas, full stops and clitics (`Bush 's`, `do n't`) or ``` `` ```
/// quotes, and
/// never a comma written against the word before it (web text has both: "Karim - this's …").
fn penn_treebank_style(text: &str) -> bool {
    let marked = [" , ", " . ", " 's ", " n't ", "`` "]
        .iter()
        .any(|m| text.contains(m))
        || text.trim_end().ends_with(" .");
    // (A comma between digits is a thousands separator: "1,300".)
    let b = text.as_bytes();
    let attached_comma = (1..b.len()).any(|i| {
        b[i] == b','
            && b[i - 1].is_ascii_alphanumeric()
            && !b.get(i + 1).is_some_and(u8::is_ascii_digit)
    });
    marked && !attached_comma
}

/// In Penn Treebank text a hyphen inside a word is spaced like a token of its own ("free -
/// lance", "cross - border") and a dash is written `--`: the hyphen between two words joins
/// them, as an unspaced one does in running text.
fn join_spaced_hyphens(tokens: &mut [Token]) {
    let word = |t: &Token, last: bool| {
        let c = if last {
            t.form.chars().next_back()
        } else {
            t.form.chars().next()
        };
        c.is_some_and(char::is_alphanumeric)
    };
    for i in 1..tokens.len().saturating_sub(1) {
        if tokens[i].form == "-"
            && tokens[i - 1].space_after
            && tokens[i].space_after
            && word(&tokens[i - 1], true)
            && word(&tokens[i + 1], false)
        {
            tokens[i - 1].space_after = false;
            tokens[i].space_after = false;
        }
    }
}

/// Tokenises text that is already tokenised (tokens separated by whitespace, as CaRB or the Penn
/// Treebank give it: `Bush 's`, `do n't`, ``` `` ```): every whitespace-separated chunk is one token.
pub fn tokenize_pretokenized(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = chunks(text).map(|(s, e)| token(text, s, e)).collect();
    fill_space_after(text, &mut tokens);
    join_spaced_hyphens(&mut tokens);
    tokens
}

/// Tokenises `doc.text` and splits it into sentences by rule, replacing `doc.sentences`.
pub fn segment(doc: &mut Document) {
    segment_with(doc, None);
}

/// Like [`segment`], for a story that may open with a wire dateline ([`crate::dateline`]): the
/// dateline becomes the document's metadata and its words are in no sentence, so the story's
/// first sentence is tokenised and split as if it began the text.
pub fn segment_story(doc: &mut Document) {
    doc.dateline = crate::dateline::find(&doc.text).map(Box::new);
    let from = doc.dateline.as_ref().map_or(0, |d| d.end);
    let mut tokens = tokenize(&doc.text[from..]);
    for t in &mut tokens {
        t.start += from;
        t.end += from;
    }
    doc.sentences = crate::sentences::split(&doc.text, tokens);
}

/// Like [`segment`], with a learned sentence-boundary model when one is loaded.
pub fn segment_with(doc: &mut Document, model: Option<&BoundaryModel>) {
    let tokens = tokenize(&doc.text);
    doc.sentences = crate::sentences::split_with(&doc.text, tokens, model);
}

/// Whether `tok` is the second or later syntactic word of one surface token, as `n't` in `don't`:
/// the tokeniser split it off a word it was written together with. UD writes such pairs as one
/// multiword token; the raw-text evaluation needs them grouped the same way.
pub fn continues_word(text: &str, prev: &Token, tok: &Token) -> bool {
    if prev.end != tok.start || prev.start == prev.end {
        return false;
    }
    let Some(last) = text[prev.start..prev.end].chars().next_back() else {
        return false;
    };
    if !last.is_alphanumeric() {
        return false;
    }
    let form = &text[tok.start..tok.end];
    let lower = normalise_apostrophes(form);
    if lower == "n't" || CLITICS.contains(&lower.as_str()) {
        return true;
    }
    // Splits of apostrophe-less contractions (`do|nt`, `can|not`, `gon|na`).
    let joined = normalise_apostrophes(&text[prev.start..tok.end]);
    APOSTROPHELESS
        .iter()
        .any(|&(w, cut)| w == joined && cut == prev.end - prev.start)
}

/// Byte ranges of the whitespace-separated chunks of `text`.
fn chunks(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = &text[pos..];
        let lead = rest.find(|c: char| !c.is_whitespace())?;
        let start = pos + lead;
        let len = text[start..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - start);
        pos = start + len;
        Some((start, pos))
    })
}

fn token(text: &str, start: usize, end: usize) -> Token {
    Token {
        form: text[start..end].to_string(),
        start,
        end,
        ..Token::default()
    }
}

fn fill_space_after(text: &str, tokens: &mut [Token]) {
    for t in tokens.iter_mut() {
        t.space_after = text[t.end..]
            .chars()
            .next()
            .is_some_and(char::is_whitespace);
    }
}

fn normalise_apostrophes(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '’' | '`' | '‘' => '\'',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Splits one whitespace-free chunk `text[start..end]` in the spirit of spaCy's tokeniser:
/// special forms first, then prefixes and suffixes peeled off the ends, then infixes.
fn tokenize_chunk(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Token>) {
    let mut suffixes: Vec<(usize, usize)> = Vec::new();
    while start < end {
        let s = &text[start..end];
        if is_whole(s) {
            break;
        }
        if let Some(len) = prefix_len(s) {
            out.push(token(text, start, start + len));
            start += len;
            continue;
        }
        if let Some(len) = suffix_len(s) {
            suffixes.push((end - len, end));
            end -= len;
            continue;
        }
        break;
    }
    if start < end {
        split_infixes(text, start, end, out);
    }
    for &(s, e) in suffixes.iter().rev() {
        out.push(token(text, s, e));
    }
}

/// Chunks that are one token as they stand.
fn is_whole(s: &str) -> bool {
    EMOTICONS.contains(&s) || is_url_or_email(s) || is_abbreviation(s) || is_number(s)
}

/// The cut of an apostrophe-less contraction (`dont` → 2), matched without regard to case.
fn apostropheless_cut(s: &str) -> Option<usize> {
    APOSTROPHELESS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(s))
        .map(|&(_, cut)| cut)
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

fn is_url_or_email(s: &str) -> bool {
    if ["http://", "https://", "ftp://", "www.", "mailto:"]
        .iter()
        .any(|p| starts_with_ignore_case(s, p))
    {
        return s.len() > 4
            && s.chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '/');
    }
    if let Some(at) = s.find('@') {
        let (user, domain) = (&s[..at], &s[at + 1..]);
        return !user.is_empty()
            && user.chars().next().is_some_and(char::is_alphanumeric)
            && domain.contains('.')
            && domain.chars().last().is_some_and(char::is_alphanumeric)
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    }
    false
}

/// `Dr.`, `U.S.`, `a.m.`, `J.`: a chunk ending in a period that keeps it.
fn is_abbreviation(s: &str) -> bool {
    let Some(stem) = s.strip_suffix('.') else {
        return false;
    };
    if stem.is_empty() || !stem.chars().all(|c| c.is_alphabetic() || c == '.') {
        return false;
    }
    let mut chars = stem.chars();
    let first = chars.next().unwrap_or(' ');
    // A single capital (an initial) or letter.letter... (an acronym).
    if stem.chars().count() == 1 {
        return first.is_uppercase();
    }
    if stem.contains('.') {
        return stem
            .split('.')
            .all(|p| p.chars().count() == 1 || p.chars().count() == 2);
    }
    ABBREVIATIONS.contains(&stem.to_lowercase().as_str())
}

/// `6.1`, `2,000`, `3,202.61`, `11/28/2000`, `713-853-3989`, `10:30`: digits joined by `.,/:-`.
fn is_number(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() || !b[b.len() - 1].is_ascii_digit() {
        return false;
    }
    let mut prev_sep = false;
    for &c in b {
        if c.is_ascii_digit() {
            prev_sep = false;
        } else if matches!(c, b'.' | b',' | b'/' | b':' | b'-') && !prev_sep {
            prev_sep = true;
        } else {
            return false;
        }
    }
    true
}

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '<'
            | '“'
            | '‘'
            | '«'
            | '`'
            | '$'
            | '£'
            | '€'
            | '¥'
            | '*'
            | '¿'
            | '¡'
            | '~'
            | '#'
            | '>'
            | '|'
            | '='
            | '+'
            | '_'
            | '…'
            | '-'
            | '–'
            | '—'
            | '.'
            | ','
            | ':'
            | ';'
            | '!'
            | '?'
            | '/'
            | '&'
            | '^'
            | '@'
            | '%'
            | ')'
            | ']'
            | '}'
            | '”'
            | '’'
            | '»'
            | '\\'
    )
}

fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '\''
            | ')'
            | ']'
            | '}'
            | '>'
            | '”'
            | '’'
            | '»'
            | '%'
            | '*'
            | '…'
            | '`'
            | '-'
            | '–'
            | '—'
            | '~'
            | '='
            | '|'
            | '_'
            | '/'
            | '('
            | '['
            | '<'
            | '“'
            | '+'
            | '#'
            | '&'
            | '^'
            | '\\'
            | '$'
    )
}

/// Length in bytes of a run of `c` at the start of `s` (`...`, `!!!`, `--`, ``` `` ```).
fn run_len(s: &str, c: char) -> usize {
    s.chars().take_while(|&d| d == c).count() * c.len_utf8()
}

/// Sentence-final punctuation runs are one token in EWT, mixed or not (`?!`, `.?`, `!!!`).
fn is_final_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?')
}

fn prefix_len(s: &str) -> Option<usize> {
    let c = s.chars().next()?;
    if !is_open_punct(c) {
        return None;
    }
    // Keep a leading apostrophe of a clitic or of a year (`'s`, `'90s`) with its word.
    if matches!(c, '\'' | '’') {
        let lower = normalise_apostrophes(s);
        if lower == "'s" || CLITICS.contains(&lower.as_str()) || lower == "'em" {
            return None;
        }
        if s[c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit()) && s.len() <= 5 {
            return None;
        }
    }
    if c == '-'
        && s.len() > 1
        && s[1..].starts_with(|d: char| d.is_ascii_digit())
        && is_number(&s[1..])
    {
        // A negative number stays whole: `-5`.
        return None;
    }
    if is_final_mark(c) {
        let len = s.chars().take_while(|&d| is_final_mark(d)).count();
        return Some(len);
    }
    Some(run_len(s, c))
}

fn suffix_len(s: &str) -> Option<usize> {
    if s.contains(['\'', '’', '`', '‘']) {
        if let Some(n) = clitic_len(s) {
            return Some(n);
        }
    }
    let c = s.chars().next_back()?;
    punct_suffix_len(s, c)
}

/// Length of a clitic at the end of `s` (`n't`, `'s`, `’re`, …) when it follows a word.
fn clitic_len(s: &str) -> Option<usize> {
    let lower = normalise_apostrophes(s);
    if lower.len() > 3 && lower.ends_with("n't") {
        let cut = s.char_indices().rev().nth(2).map(|(i, _)| i)?;
        if s[..cut].chars().last().is_some_and(char::is_alphabetic) {
            return Some(s.len() - cut);
        }
    }
    for clitic in CLITICS {
        if lower.len() > clitic.len() && lower.ends_with(clitic) {
            let n = clitic.chars().count();
            let cut = s.char_indices().rev().nth(n - 1).map(|(i, _)| i)?;
            // A decade's `'s` is a plural, written together in EWT (`the 70's`).
            let decade = *clitic == "'s" && s[..cut].bytes().all(|b| b.is_ascii_digit());
            if s[..cut].chars().last().is_some_and(char::is_alphanumeric) && !decade {
                return Some(s.len() - cut);
            }
        }
    }
    None
}

fn punct_suffix_len(s: &str, c: char) -> Option<usize> {
    if !is_close_punct(c) || s.len() == c.len_utf8() {
        return None;
    }
    if c == '.' && is_abbreviation(s) {
        return None;
    }
    if is_final_mark(c) {
        let n: usize = s
            .chars()
            .rev()
            .take_while(|&d| is_final_mark(d))
            .map(char::len_utf8)
            .sum();
        if n == s.len() {
            return None;
        }
        // `U.S..` or `etc.!`: the abbreviation keeps one period.
        let stem = &s[..s.len() - n];
        if n > 1 && s[stem.len()..].starts_with('.') && is_abbreviation(&s[..stem.len() + 1]) {
            return Some(n - 1);
        }
        return Some(n);
    }
    let n: usize = s
        .chars()
        .rev()
        .take_while(|&d| d == c)
        .map(char::len_utf8)
        .sum();
    if n == s.len() {
        return None;
    }
    Some(n)
}

/// Splits the core of a chunk (no leading or trailing punctuation left) at inner punctuation:
/// hyphens between words (except after EWT's kept prefixes), slashes between words, commas,
/// brackets, quotes, ellipses, and apostrophe-less contractions.
fn split_infixes(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let s = &text[start..end];
    if is_whole(s) {
        out.push(token(text, start, end));
        return;
    }
    if let Some(cut) = apostropheless_cut(s) {
        out.push(token(text, start, start + cut));
        out.push(token(text, start + cut, end));
        return;
    }
    // A number glued to its unit (`24hrs`, `375mm`, `8gb`) is two tokens; ordinals stay whole.
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < s.len() && s[digits..].chars().all(char::is_alphabetic) {
        let unit = &s[digits..];
        if !["st", "nd", "rd", "th", "s"]
            .iter()
            .any(|o| o.eq_ignore_ascii_case(unit))
        {
            out.push(token(text, start, start + digits));
            out.push(token(text, start + digits, end));
            return;
        }
    }
    // Most chunks are plain words: nothing inside to split.
    if s.chars().all(char::is_alphanumeric) {
        out.push(token(text, start, end));
        return;
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut piece_start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (off, c) = chars[i];
        let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
        let next = chars.get(i + 1).map(|&(_, d)| d);
        let split = match c {
            '-' | '–' | '—' => {
                let run = chars[i..].iter().take_while(|&&(_, d)| d == c).count();
                let both_digits = prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                let word = &s[piece_start..off];
                let kept_prefix =
                    run == 1 && HYPHEN_PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(word));
                if both_digits && run == 1 || kept_prefix || off == 0 {
                    None
                } else {
                    Some(run)
                }
            }
            ',' if !(prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit())) =>
            {
                Some(1)
            }
            '/' if prev.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphabetic)
                && !(off == 1 && chars.len() == 3) =>
            {
                Some(1)
            }
            '(' | ')' | '[' | ']' | '{' | '}' | '"' | '“' | '”' | ';' | '!' | '?' | '…' | '*' => {
                Some(chars[i..].iter().take_while(|&&(_, d)| d == c).count())
            }
            '.' if next == Some('.') => {
                Some(chars[i..].iter().take_while(|&&(_, d)| d == '.').count())
            }
            ':' if prev.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphabetic) =>
            {
                Some(1)
            }
            _ => None,
        };
        if let Some(run) = split {
            if off > piece_start {
                push_piece(text, start + piece_start, start + off, out);
            }
            let run_end = chars.get(i + run).map_or(s.len(), |&(o, _)| o);
            out.push(token(text, start + off, start + run_end));
            piece_start = run_end;
            i += run;
        } else {
            i += 1;
        }
    }
    if piece_start < s.len() {
        push_piece(text, start + piece_start, end, out);
    }
}

/// A piece between infixes may again carry clitics or edge punctuation (`word,they're`).
fn push_piece(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let s = &text[start..end];
    let first = s.chars().next().unwrap_or(' ');
    let last = s.chars().next_back().unwrap_or(' ');
    if s.len() > 1
        && (is_open_punct(first) || is_close_punct(last) || s.contains(['\'', '’']))
        && !is_whole(s)
    {
        let before = out.len();
        tokenize_chunk_no_infix(text, start, end, out);
        if out.len() > before {
            return;
        }
    }
    out.push(token(text, start, end));
}

/// Prefix/suffix peeling without a further infix pass (pieces come from one).
fn tokenize_chunk_no_infix(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Token>) {
    let mut suffixes: Vec<(usize, usize)> = Vec::new();
    while start < end {
        let s = &text[start..end];
        if is_whole(s) {
            break;
        }
        if let Some(len) = prefix_len(s) {
            out.push(token(text, start, start + len));
            start += len;
            continue;
        }
        if let Some(len) = suffix_len(s) {
            suffixes.push((end - len, end));
            end -= len;
            continue;
        }
        break;
    }
    if start < end {
        if let Some(cut) = apostropheless_cut(&text[start..end]) {
            out.push(token(text, start, start + cut));
            out.push(token(text, start + cut, end));
        } else {
            out.push(token(text, start, end));
        }
    }
    for &(s, e) in suffixes.iter().rev() {
        out.push(token(text, s, e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.form).collect()
    }

    #[test]
    fn splits_clitics_like_ewt() {
        assert_eq!(forms("I don't know"), ["I", "do", "n't", "know"]);
        assert_eq!(
            forms("You can't and won't."),
            ["You", "ca", "n't", "and", "wo", "n't", "."]
        );
        assert_eq!(
            forms("She's here, they're there"),
            ["She", "'s", "here", ",", "they", "'re", "there"]
        );
        assert_eq!(
            forms("We've, I'll, he'd, I'm"),
            ["We", "'ve", ",", "I", "'ll", ",", "he", "'d", ",", "I", "'m"]
        );
        assert_eq!(
            forms("Bush’s plan isn’t new"),
            ["Bush", "’s", "plan", "is", "n’t", "new"]
        );
        assert_eq!(
            forms("I cannot go, dont ask"),
            ["I", "can", "not", "go", ",", "do", "nt", "ask"]
        );
        assert_eq!(forms("O'Brien"), ["O'Brien"]);
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            forms("Dr. Smith met Gov. Jones in the U.S. on Jan. 5."),
            ["Dr.", "Smith", "met", "Gov.", "Jones", "in", "the", "U.S.", "on", "Jan.", "5", "."]
        );
        assert_eq!(
            forms("J. R. R. Tolkien, i.e. him"),
            ["J.", "R.", "R.", "Tolkien", ",", "i.e.", "him"]
        );
        assert_eq!(forms("at 5 p.m. today"), ["at", "5", "p.m.", "today"]);
    }

    #[test]
    fn numbers_and_money() {
        assert_eq!(
            forms("It cost $45, up 6.1% from 2,000."),
            ["It", "cost", "$", "45", ",", "up", "6.1", "%", "from", "2,000", "."]
        );
        assert_eq!(
            forms("a 375mm pipe, 24hrs, the 4th of the 70's"),
            ["a", "375", "mm", "pipe", ",", "24", "hrs", ",", "the", "4th", "of", "the", "70's"]
        );
        assert_eq!(
            forms("on 11/28/2000 call 713-853-3989"),
            ["on", "11/28/2000", "call", "713-853-3989"]
        );
    }

    #[test]
    fn urls_emails_emoticons_stay_whole() {
        assert_eq!(
            forms("See http://www.example.com/a_b.html."),
            ["See", "http://www.example.com/a_b.html", "."]
        );
        assert_eq!(
            forms("Mail jane.doe@example.org :)"),
            ["Mail", "jane.doe@example.org", ":)"]
        );
    }

    #[test]
    fn hyphens_as_ewt_splits_them() {
        assert_eq!(
            forms("a 15-year well-known e-mail"),
            ["a", "15", "-", "year", "well", "-", "known", "e-mail"]
        );
        assert_eq!(
            forms("non-human co-workers -- yes"),
            ["non-human", "co-workers", "--", "yes"]
        );
    }

    #[test]
    fn a_spaced_hyphen_joins_words_only_in_penn_treebank_text() {
        let glued =
            |text: &str| -> Vec<bool> { tokenize(text).iter().map(|t| t.space_after).collect() };
        // "cross - border" in PTB text (spaced commas, `` quotes) is one word, as "cross-border".
        assert_eq!(
            glued("Large cross - border deals rose , analysts said ."),
            [true, false, false, true, true, true, true, true, true, false]
        );
        // In running text a spaced hyphen is a dash between words.
        assert_eq!(
            glued("Prices - already high - rose."),
            [true, true, true, true, true, false, false]
        );
        // PTB text writes a dash as "--".
        let t = tokenize("Prices -- already high -- rose , he said .");
        assert!(t.iter().all(|t| t.space_after || t.form == "."));
    }

    #[test]
    fn punctuation_quotes_brackets_ellipses() {
        assert_eq!(
            forms("\"Wait...\" (he said)!?"),
            ["\"", "Wait", "...", "\"", "(", "he", "said", ")", "!?"]
        );
        assert_eq!(forms("and/or"), ["and", "/", "or"]);
    }

    #[test]
    fn offsets_slice_the_original_text() {
        for text in [
            "Héllo, wörld! Don’t «panic» — ça va?",
            "日本語のテキスト。 Ünïcödé’s 🙂 ok.",
            "a\u{300}'s … x",
        ] {
            let tokens = tokenize(text);
            assert!(!tokens.is_empty());
            for t in &tokens {
                assert_eq!(&text[t.start..t.end], t.form);
                assert!(!t.form.trim().is_empty());
            }
            let joined: String = tokens.iter().map(|t| t.form.as_str()).collect();
            let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(joined, squeezed);
        }
    }

    #[test]
    fn pretokenized_input_is_taken_as_is() {
        let tokens = tokenize_pretokenized("Bush 's plan does n't `` work ''");
        let forms: Vec<&str> = tokens.iter().map(|t| t.form.as_str()).collect();
        assert_eq!(
            forms,
            ["Bush", "'s", "plan", "does", "n't", "``", "work", "''"]
        );
        assert!(tokens[0].space_after && !tokens[7].space_after);
    }

    #[test]
    fn clitic_pieces_continue_their_word() {
        let text = "I don't know Bush's";
        let t = tokenize(text);
        assert!(continues_word(text, &t[1], &t[2]));
        assert!(continues_word(text, &t[4], &t[5]));
        assert!(!continues_word(text, &t[0], &t[1]));
    }

    #[test]
    fn arbitrary_unicode_never_panics_and_covers_the_text() {
        // Deterministic pseudo-random strings over characters that stress the rules: apostrophes,
        // case changes that alter byte length (İ), combining marks, emoji, abbreviation periods.
        let alphabet: Vec<char> = "aZİß'’`.-,:;!?\"()$%@/#é\u{301}🙂日 \n0912nt'sDr"
            .chars()
            .collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            let len = (seed % 24) as usize;
            let text: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            let tokens = tokenize(&text);
            let joined: String = tokens.iter().map(|t| &text[t.start..t.end]).collect();
            let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(joined, squeezed, "{text:?}");
            assert!(
                tokens.windows(2).all(|w| w[0].end <= w[1].start),
                "{text:?}"
            );
            let sentences = crate::sentences::split(&text, tokens);
            assert!(sentences.iter().all(|s| text.get(s.start..s.end).is_some()));
        }
    }
}
