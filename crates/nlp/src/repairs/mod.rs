//! Rules that mend what the statistical models get wrong on news, each group a step of the
//! [pipeline](crate::pipeline::Pipeline): [`tags`] after the tagger, [`tree`] after the parser,
//! [`names`] after the recogniser. Each rule names the misreading it mends.

pub mod names;
pub mod tags;
pub mod tree;

/// Sentences written out for the repairs' tests.
#[cfg(test)]
mod notation {
    use crate::doc::{Sentence, Token, Upos, Xpos};

    /// Tokens as `form/UPOS/XPOS`, separated by spaces.
    pub fn tagged(text: &str) -> Sentence {
        Sentence {
            tokens: text
                .split(' ')
                .map(|w| {
                    let f: Vec<&str> = w.split('/').collect();
                    Token {
                        form: f[0].into(),
                        upos: Upos::parse(f[1]).unwrap(),
                        xpos: f[2].parse().unwrap(),
                        ..Token::default()
                    }
                })
                .collect(),
            ..Sentence::default()
        }
    }

    pub fn xpos(s: &Sentence) -> Vec<Xpos> {
        s.tokens.iter().map(|t| t.xpos).collect()
    }

    /// Tokens as `form/head/deprel` or `form/head/deprel/XPOS` (heads 1-based, 0 for the root)
    /// and the given mentions.
    pub fn parsed(text: &str, mentions: &[(usize, usize, crate::doc::EntityType)]) -> Sentence {
        Sentence {
            tokens: text
                .split(' ')
                .map(|w| {
                    let f: Vec<&str> = w.split('/').collect();
                    Token {
                        form: f[0].into(),
                        head: f[1].parse::<usize>().unwrap().checked_sub(1),
                        deprel: f[2].parse().unwrap(),
                        xpos: f.get(3).copied().unwrap_or_default().parse().unwrap(),
                        ..Token::default()
                    }
                })
                .collect(),
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
            ..Sentence::default()
        }
    }

    pub fn tree(s: &Sentence) -> Vec<String> {
        s.tokens
            .iter()
            .map(|t| format!("{}/{}/{}", t.form, t.head.map_or(0, |h| h + 1), t.deprel))
            .collect()
    }
}
