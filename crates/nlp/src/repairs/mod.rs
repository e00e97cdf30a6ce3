//! Rules that mend what the statistical models get wrong on news, each group a step of the
//! [pipeline](crate::pipeline::Pipeline): [`tags`] after the tagger, [`tree`] after the parser,
//! [`names`] after the recogniser, [`name_types`] once the whole document is recognised. Each rule names the misreading it mends.

pub mod name_types;
pub mod names;
pub mod tags;
pub mod tree;

/// Sentences written out for the repairs' tests, in `kg_model::notation`.
#[cfg(test)]
mod notation {
    use crate::doc::{Sentence, Xpos};

    /// Tokens as `form/UPOS/XPOS`.
    pub fn tagged(text: &str) -> Sentence {
        kg_model::notation::sentence(text)
    }

    pub fn xpos(s: &Sentence) -> Vec<Xpos> {
        s.tokens.iter().map(|t| t.xpos).collect()
    }

    /// Tokens as `form/UPOS/XPOS/lemma/head/deprel` and the given mentions (token ranges).
    pub fn parsed(text: &str, mentions: &[(usize, usize, crate::doc::EntityType)]) -> Sentence {
        Sentence {
            mentions: mentions
                .iter()
                .map(|&(start, end, kind)| crate::doc::Mention {
                    start,
                    end,
                    kind,
                    refers_to: None,
                    external_id: None,
                })
                .collect(),
            ..kg_model::notation::sentence(text)
        }
    }

    /// The tree as `form/head/deprel` a token (heads 1-based, 0 the root).
    pub fn tree(s: &Sentence) -> Vec<String> {
        s.tokens
            .iter()
            .map(|t| format!("{}/{}/{}", t.form, t.head.map_or(0, |h| h + 1), t.deprel))
            .collect()
    }
}
