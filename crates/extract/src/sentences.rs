//! Sentence splitter over the tokeniser's output: rules for final punctuation, abbreviations,
//! initials, closing quotes and brackets, and line breaks.
//!
//! Limits: a sentence that ends without punctuation inside a running line is not found (web text
//! has many); a blank line always ends a sentence, a single line break only when the next line
//! does not continue the sentence in lower case.

use crate::doc::{Sentence, Token};

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
    let mut sentences = Vec::new();
    let mut current: Vec<Token> = Vec::new();
    let n = tokens.len();
    let ends: Vec<bool> = (0..n).map(|i| ends_sentence(text, &tokens, i)).collect();
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
}
