//! The one notation for sentences written by hand: tests of every crate (the repairs, the clause
//! rules, times, quantities, the tagger, the parser, the lemmatiser) build their sentences with it,
//! so a test reads the same wherever it is.
//!
//! A sentence is its tokens, separated by single spaces. A token is its form followed by up to
//! five `/`-separated fields, CoNLL-U's columns in CoNLL-U's order:
//!
//! ```text
//! form/UPOS/XPOS/lemma/head/deprel
//! ```
//!
//! Fields may be left off from the right, and `_` leaves one unset (as in CoNLL-U). `head` is
//! 1-based with `0` for the root, as in CoNLL-U. So `said/VERB/VBD/say/0/root` is a fully
//! annotated token, `said/_/VBD` only a tagged one, and `said` just a form:
//!
//! ```
//! use kg_model::{notation, Deprel, Upos, Xpos};
//!
//! let s = notation::sentence("Kim/PROPN/NNP/Kim/2/nsubj left/VERB/VBD/leave/0/root ./PUNCT/.");
//! assert_eq!(s.tokens[1].lemma, "leave");
//! assert_eq!(s.tokens[0].head, Some(1));
//! assert_eq!(s.tokens[1].head, None);
//! assert_eq!(s.tokens[0].deprel, Deprel::Nsubj);
//! assert_eq!(s.tokens[2].upos, Upos::Punct);
//! assert_eq!(notation::sentence("said/_/VBD").tokens[0].xpos, Xpos::Vbd);
//! ```
//!
//! The sentence's text is its forms joined by single spaces, and each token's offsets point into
//! it. A form cannot contain `/` or a space. The functions panic, naming the token, on anything
//! they cannot read: the notation is for sentences written in code, where a typo should fail the
//! test that has it.

use crate::doc::{Sentence, Token, Upos};

/// The sentence written in the notation of this module.
pub fn sentence(text: &str) -> Sentence {
    let tokens = tokens(text);
    Sentence {
        start: 0,
        end: tokens.last().map_or(0, |t| t.end),
        tokens,
        ..Sentence::default()
    }
}

/// The tokens of a sentence written in the notation of this module.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut offset = 0;
    text.split(' ')
        .map(|item| {
            let token = token(item, offset);
            offset = token.end + 1;
            token
        })
        .collect()
}

/// The sentence's text: the forms of its tokens joined by single spaces.
pub fn text(text: &str) -> String {
    tokens(text)
        .iter()
        .map(|t| t.form.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn token(item: &str, start: usize) -> Token {
    let mut fields = item.split('/');
    let form = fields.next().unwrap_or_default();
    assert!(!form.is_empty(), "empty form in {item:?}");
    let mut token = Token {
        form: form.to_string(),
        start,
        end: start + form.len(),
        space_after: true,
        ..Token::default()
    };
    for (column, field) in fields.enumerate() {
        if field == "_" {
            continue;
        }
        let bad = |what: &str| -> ! { panic!("{item:?}: {field:?} is not a {what}") };
        match column {
            0 => token.upos = Upos::parse(field).unwrap_or_else(|| bad("UPOS tag")),
            1 => token.xpos = field.parse().unwrap_or_else(|_| bad("Penn tag")),
            2 => token.lemma = field.to_string(),
            3 => {
                let head: usize = field.parse().unwrap_or_else(|_| bad("head number"));
                token.head = head.checked_sub(1);
            }
            4 => token.deprel = field.parse().unwrap_or_else(|_| bad("dependency label")),
            _ => panic!("{item:?}: more than form/UPOS/XPOS/lemma/head/deprel"),
        }
    }
    token
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Deprel, Xpos};

    #[test]
    fn fields_can_be_left_off_or_unset() {
        let s = sentence("The/DET/DT/the/2/det deal/_/_/_/3/nsubj held/VERB gone");
        let t = &s.tokens;
        assert_eq!(
            (t[0].upos, t[0].xpos, t[0].lemma.as_str()),
            (Upos::Det, Xpos::Dt, "the")
        );
        assert_eq!((t[0].head, t[0].deprel), (Some(1), Deprel::Det));
        assert_eq!(
            (t[1].upos, t[1].xpos, t[1].head),
            (Upos::default(), Xpos::Unset, Some(2))
        );
        assert_eq!((t[2].upos, t[2].head), (Upos::Verb, None));
        assert_eq!(t[3].form, "gone");
    }

    #[test]
    fn offsets_point_into_the_text() {
        let written = "Kim/PROPN met/VERB Putin/PROPN";
        let s = sentence(written);
        let text = text(written);
        assert_eq!(text, "Kim met Putin");
        for t in &s.tokens {
            assert_eq!(&text[t.start..t.end], t.form);
        }
        assert_eq!((s.start, s.end), (0, text.len()));
    }

    #[test]
    #[should_panic(expected = "is not a UPOS tag")]
    fn a_typo_fails_loudly() {
        sentence("said/VRB");
    }

    #[test]
    #[should_panic(expected = "more than")]
    fn extra_fields_fail() {
        sentence("said/VERB/VBD/say/0/root/x");
    }
}
