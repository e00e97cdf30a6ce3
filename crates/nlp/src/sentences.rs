//! Sentence splitter over the tokeniser's output: rules for final punctuation, abbreviations,
//! initials, closing quotes and brackets, and line breaks, optionally refined by a
//! [`BoundaryModel`] (an averaged perceptron trained on UD EWT) that also finds the many web-text
//! sentences ending without punctuation (e-mail headers, lower-case chat, signatures).
//!
//! Limits: a blank line always ends a sentence; without the model, a sentence ending without
//! punctuation inside a running line is not found. The pipeline runs the rules alone: the model
//! is scored by `kg model eval` but, on news, split inside names ("Kim Jong | Un"). No sentence
//! is longer than [`MAX_SENTENCE_TOKENS`], which bounds a document's cost by its length.

use crate::doc::{Document, Sentence, Token};
use crate::perceptron::{
    feature, feature2, hash_str, ByteReader, ByteWriter, ModelError, Perceptron, Score, Weights,
};

/// Abbreviations that usually precede a name or number, so a capitalised word after them does not
/// start a new sentence (lowercased, without the period).
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "prof", "gov", "sen", "rep", "reps", "gen", "lt", "col", "capt",
    "sgt", "maj", "adm", "rev", "hon", "pres", "mt", "ft", "no", "nos", "vol", "fig", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "messrs", "e.g",
    "i.e", "cf", "attn", "approx", "supt", "u.s", "u.n", "u.k",
];

/// Groups `tokens` (from [`crate::tokenize::tokenize`] over `text`) into sentences. Sentence
/// offsets run from the first token's start to the last token's end.
pub fn split(text: &str, tokens: Vec<Token>) -> Vec<Sentence> {
    split_with(text, tokens, None)
}

/// Like [`split`], letting `model` (when given) decide each boundary with the rules as evidence.
pub fn split_with(text: &str, tokens: Vec<Token>, model: Option<&BoundaryModel>) -> Vec<Sentence> {
    let ends = match model {
        Some(m) => m.boundaries(text, &tokens),
        None => (0..tokens.len())
            .map(|i| ends_sentence(text, &tokens, i))
            .collect(),
    };
    group(tokens, ends)
}

/// The most tokens a sentence has. A longer run without a sentence end (a scraped table, a list,
/// a page without punctuation, 100,000 commas) is cut at the best boundary in the last half of
/// each window of this many tokens (`cap_lengths`). Several steps after the splitter cost more
/// than linear time in a sentence's length (the clause rules and tree repairs walk subtrees and
/// siblings), so the cap is what bounds a document's cost by its length. No sentence of UD EWT
/// (the longest has 159 words) or of the news samples comes near it.
pub const MAX_SENTENCE_TOKENS: usize = 200;

/// How good a place to cut an over-long sentence the end of a token is: after a semicolon, then
/// a colon or dash, then a comma, then a closing bracket; 0 for anywhere else.
fn cut_quality(form: &str) -> u8 {
    match form {
        ";" => 4,
        ":" | "—" | "–" | "--" | "|" => 3,
        "," => 2,
        ")" | "]" | "}" => 1,
        _ => 0,
    }
}

/// Ends sentences in `ends` so that none is longer than [`MAX_SENTENCE_TOKENS`]: when a sentence
/// reaches the cap, it ends after the best-placed token ([`cut_quality`], the last of equals) of
/// the window's second half. Linear: each window is scanned once, and the next starts at least
/// half a window later.
fn cap_lengths(tokens: &[Token], ends: &mut [bool]) {
    let mut start = 0;
    for i in 0..tokens.len() {
        if ends[i] {
            start = i + 1;
        } else if i + 1 - start == MAX_SENTENCE_TOKENS {
            let from = start + MAX_SENTENCE_TOKENS / 2;
            let cut = (from..=i)
                .max_by_key(|&k| (cut_quality(&tokens[k].form), std::cmp::Reverse(i - k)))
                .unwrap_or(i);
            ends[cut] = true;
            start = cut + 1;
        }
    }
}

fn group(tokens: Vec<Token>, mut ends: Vec<bool>) -> Vec<Sentence> {
    cap_lengths(&tokens, &mut ends);
    let mut sentences = Vec::new();
    let mut current: Vec<Token> = Vec::new();
    for (tok, end) in tokens.into_iter().zip(ends) {
        current.push(tok);
        if end {
            sentences.push(sentence(std::mem::take(&mut current)));
        }
    }
    if !current.is_empty() {
        sentences.push(sentence(current));
    }
    sentences
}

fn sentence(tokens: Vec<Token>) -> Sentence {
    let start = tokens.first().map_or(0, |t| t.start);
    let end = tokens.last().map_or(0, |t| t.end);
    Sentence {
        start,
        end,
        tokens,
        ..Sentence::default()
    }
}

/// Number of line breaks in the whitespace between token `i` and the next.
fn newlines_after(text: &str, tokens: &[Token], i: usize) -> usize {
    let gap_end = tokens.get(i + 1).map_or(text.len(), |t| t.start);
    text[tokens[i].end..gap_end].matches('\n').count()
}

fn is_closing(form: &str) -> bool {
    matches!(
        form,
        "\"" | "'" | "”" | "’" | ")" | "]" | "}" | "''" | "»" | "’’"
    )
}

fn is_final(form: &str) -> bool {
    !form.is_empty() && form.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// Whether the word after a boundary candidate looks like a sentence start.
fn starts_sentence(form: &str) -> bool {
    let Some(c) = form.chars().next() else {
        return false;
    };
    !c.is_lowercase()
}

/// Whether a sentence ends after token `i`.
fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(next) = tokens.get(i + 1) else {
        return true;
    };
    let form = tokens[i].form.as_str();
    let breaks = newlines_after(text, tokens, i);
    if breaks >= 2 {
        return true;
    }
    if breaks == 1 && starts_sentence(&next.form) {
        return true;
    }
    // Closing quotes and brackets after the final stop belong to the sentence they close.
    if is_closing(&next.form) && !tokens[i].space_after {
        return false;
    }
    let mut k = i;
    while k > 0 && is_closing(&tokens[k].form) && tokens[k - 1].end == tokens[k].start {
        k -= 1;
    }
    let last = tokens[k].form.as_str();
    if k != i && !is_final(last) {
        return false;
    }
    if is_final(last) {
        // An ellipsis before a lower-case word is a pause, not an end.
        return starts_sentence(&next.form)
            || last.contains(['!', '?']) && !next.form.starts_with(char::is_lowercase);
    }
    if let Some(stem) = form.strip_suffix('.') {
        if stem.is_empty() {
            return false;
        }
        // Abbreviations: initials and titles go with the following name; others (`etc.`,
        // `Inc.`) end a sentence when a capitalised word follows.
        let lower = stem.to_lowercase();
        if stem.chars().count() == 1 || TITLES.contains(&lower.as_str()) {
            return false;
        }
        return starts_sentence(&next.form)
            && next.form.chars().next().is_some_and(char::is_uppercase);
    }
    false
}

const MODEL_MAGIC: &[u8; 4] = b"KGSB";
const MODEL_VERSION: u32 = 1;

/// What the boundary classifier knows of one token, hashed once per text.
struct TokenView {
    lower: u64,
    shape: u64,
    suffix: u64,
    upper_initial: bool,
}

/// Views of all tokens, reusing two buffers rather than allocating per token.
fn token_views(tokens: &[Token]) -> Vec<TokenView> {
    let (mut lower, mut shape) = (String::new(), String::new());
    tokens
        .iter()
        .map(|t| {
            lower.clear();
            lower.extend(t.form.chars().flat_map(char::to_lowercase));
            word_shape(&t.form, &mut shape);
            let suffix_start = lower.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
            TokenView {
                lower: hash_str(&lower),
                shape: hash_str(&shape),
                suffix: hash_str(&lower[suffix_start..]),
                upper_initial: t.form.starts_with(char::is_uppercase),
            }
        })
        .collect()
}

/// Word shape with runs capped at two: `Tolkien` → `Xxx`, `08/16/2000` → `dd/dd/dd`.
fn word_shape(form: &str, out: &mut String) {
    out.clear();
    let (mut last, mut run) = ('\0', 0);
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        run = if k == last { run + 1 } else { 1 };
        last = k;
        if run <= 2 {
            out.push(k);
        }
    }
}

/// A learned sentence-boundary classifier over token gaps (two classes: continue, end).
pub struct BoundaryModel {
    weights: Weights,
}

/// Tokens since the sentence began, bucketed: short fragments rarely end a sentence.
fn length_bucket(n: usize) -> u64 {
    match n {
        0..=2 => n as u64,
        3..=5 => 3,
        6..=10 => 4,
        11..=20 => 5,
        _ => 6,
    }
}

const NONE: u64 = 0x51ed_270b_2730_5ee7;

/// Features of the gap after token `i`; `since_start` counts tokens of the current sentence.
fn gap_features(
    text: &str,
    tokens: &[Token],
    views: &[TokenView],
    i: usize,
    since_start: usize,
    out: &mut Vec<u64>,
) {
    out.clear();
    let at = |k: isize| -> Option<&TokenView> {
        usize::try_from(i as isize + k)
            .ok()
            .and_then(|j| views.get(j))
    };
    let lower = |k| at(k).map_or(NONE, |v| v.lower);
    let shp = |k| at(k).map_or(NONE, |v| v.shape);
    let rule = ends_sentence(text, tokens, i) as u64;
    let breaks = newlines_after(text, tokens, i).min(2) as u64;
    let up1 = at(1).is_some_and(|v| v.upper_initial) as u64;
    let len = length_bucket(since_start);
    out.extend([
        feature(0, 0),
        feature(1, rule),
        feature(2, lower(0)),
        feature(3, lower(1)),
        feature(4, lower(-1)),
        feature(5, lower(2)),
        feature(6, shp(0)),
        feature(7, shp(1)),
        feature(8, shp(-1)),
        feature2(9, lower(0), lower(1)),
        feature2(10, shp(0), shp(1)),
        feature2(11, lower(0), shp(1)),
        feature2(12, shp(0), lower(1)),
        feature2(13, breaks, shp(1)),
        feature2(14, rule, shp(1)),
        feature(15, at(0).map_or(NONE, |v| v.suffix)),
        feature2(16, up1, lower(0)),
        feature2(17, len, rule),
        feature2(18, len, up1),
        feature2(19, shp(-1), shp(0)),
        feature2(20, rule, lower(1)),
        feature2(21, breaks, up1),
        feature2(22, tokens[i].space_after as u64, shp(0)),
    ]);
}

impl BoundaryModel {
    /// Trains on documents whose `sentences` are gold: the text is tokenised with
    /// [`crate::tokenize::tokenize`] and each gap is labelled by whether a gold sentence ends
    /// there. Weights averaging below `prune_below` in magnitude are dropped. Deterministic for a
    /// given `seed`.
    pub fn train(
        documents: &[Document],
        epochs: usize,
        prune_below: f32,
        mut seed: u64,
    ) -> BoundaryModel {
        let mut model = Perceptron::new(2);
        let prepared: Vec<(Vec<Token>, Vec<TokenView>, Vec<bool>)> = documents
            .iter()
            .map(|d| {
                let tokens = crate::tokenize::tokenize(&d.text);
                let ends: std::collections::HashSet<usize> =
                    d.sentences.iter().map(|s| s.end).collect();
                let gold = tokens.iter().map(|t| ends.contains(&t.end)).collect();
                let views = token_views(&tokens);
                (tokens, views, gold)
            })
            .collect();
        let mut order: Vec<usize> = (0..prepared.len()).collect();
        let mut feats = Vec::with_capacity(32);
        let mut scores = [0.0f32; 2];
        for _ in 0..epochs {
            crate::perceptron::shuffle(&mut order, &mut seed);
            for &d in &order {
                let (tokens, views, gold) = &prepared[d];
                let text = documents[d].text.as_str();
                let mut since = 0;
                for (i, &end) in gold.iter().enumerate() {
                    since += 1;
                    if hard_boundary(text, tokens, i) {
                        since = 0;
                        continue;
                    }
                    gap_features(text, tokens, views, i, since, &mut feats);
                    model.tick();
                    model.scores(&feats, &mut scores);
                    let guess = crate::perceptron::argmax(&scores);
                    model.update(end as u16, guess, &feats);
                    if end {
                        since = 0;
                    }
                }
            }
        }
        BoundaryModel {
            weights: model.average(prune_below),
        }
    }

    /// For each token, whether a sentence ends after it.
    pub fn boundaries(&self, text: &str, tokens: &[Token]) -> Vec<bool> {
        let views = token_views(tokens);
        let mut feats = Vec::with_capacity(32);
        let mut scores = [0.0f32; 2];
        let mut since = 0;
        let mut out = Vec::with_capacity(tokens.len());
        for i in 0..tokens.len() {
            since += 1;
            let end = hard_boundary(text, tokens, i) || {
                gap_features(text, tokens, &views, i, since, &mut feats);
                self.weights.scores(&feats, &mut scores);
                crate::perceptron::argmax(&scores) == 1
            };
            if end {
                since = 0;
            }
            out.push(end);
        }
        out
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = ByteWriter::new();
        w.bytes(MODEL_MAGIC);
        w.u32(MODEL_VERSION);
        self.weights.write(&mut w);
        w.into_bytes()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<BoundaryModel, ModelError> {
        let mut r = ByteReader::new(bytes);
        r.magic(MODEL_MAGIC, "sentence boundary model")?;
        r.version("sentence boundary model", MODEL_VERSION)?;
        let weights = Weights::read(&mut r)?;
        Ok(BoundaryModel { weights })
    }
}

/// Boundaries no model may overrule: the end of the text and a blank line.
fn hard_boundary(text: &str, tokens: &[Token], i: usize) -> bool {
    i + 1 == tokens.len() || newlines_after(text, tokens, i) >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, tokenize(text))
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect::<Vec<_>>()
    }

    #[test]
    fn a_run_without_sentence_ends_is_cut_to_the_cap() {
        let words: Vec<String> = (0..1000).map(|i| format!("word{}", i % 7)).collect();
        let text = words.join(" ");
        let pieces = split(&text, tokenize(&text));
        assert!(pieces.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
        assert_eq!(pieces.iter().map(|s| s.tokens.len()).sum::<usize>(), 1000);
        assert_eq!(pieces[0].tokens.len(), MAX_SENTENCE_TOKENS);
    }

    #[test]
    fn an_over_long_sentence_is_cut_after_its_best_boundary() {
        // Items and commas, two tokens each; one semicolon in the second half of the first window.
        let mut text = String::new();
        for i in 0..300 {
            text.push_str(&format!("item{i}"));
            text.push_str(if i == 70 { "; " } else { ", " });
        }
        let pieces = sentences(&text);
        assert!(pieces[0].ends_with("item70;"), "{}", pieces[0]);
        // Without a semicolon, the last comma of the window.
        assert!(pieces[1].ends_with(','), "{}", pieces[1]);
        let ordinary = "A long sentence, with commas, is left whole when it is short enough.";
        assert_eq!(sentences(ordinary), [ordinary]);
    }

    #[test]
    fn splits_at_final_punctuation() {
        assert_eq!(
            sentences("It rained. Then it stopped! Why? Nobody knows."),
            ["It rained.", "Then it stopped!", "Why?", "Nobody knows."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sentences("Gov. Smith met Dr. Jones on Jan. 5. J. R. R. Tolkien wrote it."),
            [
                "Gov. Smith met Dr. Jones on Jan. 5.",
                "J. R. R. Tolkien wrote it."
            ]
        );
        assert_eq!(
            sentences("Fruit, e.g. apples, is sold by Acme Inc. The price rose."),
            [
                "Fruit, e.g. apples, is sold by Acme Inc.",
                "The price rose."
            ]
        );
    }

    #[test]
    fn quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said \"stop.\" She left. (It was late.) Then?! Yes."),
            [
                "He said \"stop.\"",
                "She left.",
                "(It was late.)",
                "Then?!",
                "Yes."
            ]
        );
    }

    #[test]
    fn ellipses_before_lower_case_continue() {
        assert_eq!(
            sentences("Well... maybe not. Wait... No."),
            ["Well... maybe not.", "Wait...", "No."]
        );
    }

    #[test]
    fn lines_without_final_punctuation() {
        assert_eq!(
            sentences("Breaking news\n\nThe vote passed\nLawmakers cheered"),
            ["Breaking news", "The vote passed", "Lawmakers cheered"]
        );
        assert_eq!(
            sentences("a wrapped\nline ends."),
            ["a wrapped\nline ends."]
        );
    }

    #[test]
    fn unicode_never_panics_and_offsets_slice() {
        let text = "Ça va? Ünïcödé… 日本語。 🙂 Ok!\n\n«Oui.»";
        for s in split(text, tokenize(text)) {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert!(!s.tokens.is_empty());
        }
    }

    #[test]
    fn boundary_model_learns_unpunctuated_ends_and_round_trips() {
        // Chat-style lines: a lower-case sentence after "thanks" ends without a stop.
        let text = "see you at noon thanks i will bring the cake";
        let mut doc = Document::new("d", text);
        let tokens = tokenize(text);
        let cut = tokens.iter().position(|t| t.form == "thanks").unwrap();
        doc.sentences = vec![
            sentence(tokens[..=cut].to_vec()),
            sentence(tokens[cut + 1..].to_vec()),
        ];
        let docs = vec![doc; 4];
        let model = BoundaryModel::train(&docs, 5, 0.0, 1);
        let model = BoundaryModel::from_bytes(&model.to_bytes()).unwrap();
        let got: Vec<&str> = split_with(text, tokenize(text), Some(&model))
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(got, ["see you at noon thanks", "i will bring the cake"]);
        assert!(BoundaryModel::from_bytes(b"nonsense").is_err());
    }
}
