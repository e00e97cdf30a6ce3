//! Word-vector classes as features of the tagger and parser: each word's k-means class (among
//! 512 and among 64) of spaCy's `en_core_web_md` word vectors (`data/gazetteer/vector_classes.tsv`,
//! built by `scripts/build_vector_classes.py`; vectors CC0, see `data/gazetteer/README.md`).
//! Words the treebank never had share a class with words it had ("Akashdeep" with other
//! names, "start-up" with "company"), which is what a perceptron over word identities lacks.
//! Compiled in for training; a trained model carries its own copy of the table.

use crate::perceptron::{hash_str, PackedMap};

const VECTOR_CLASSES_TSV: &str = include_str!("../../../data/gazetteer/vector_classes.tsv");

/// Class codes: the 512-class in bits 0–8, the 64-class in bits 9–14.
pub(crate) type VectorClasses = PackedMap<u16>;

/// The compiled-in table, keyed by the hash of the exact word (see [`lookup`]).
pub(crate) fn vector_class_table() -> VectorClasses {
    let entries: Vec<(u64, u16)> = VECTOR_CLASSES_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (word, code) = l.split_once('\t')?;
            let code: u32 = code.trim().parse().ok()?;
            let (k512, k64) = (code >> 15 & 0x1ff, code >> 24 & 0x3f);
            (!word.is_empty()).then(|| (hash_str(word), (k512 | k64 << 9) as u16))
        })
        .collect();
    PackedMap::from_entries(entries.into_iter())
}

/// The classes of a word, looked up as written, then in lowercase: `(k512, k64)` as feature
/// values, `unknown` for both when the table has neither form.
#[inline]
pub(crate) fn lookup(table: &VectorClasses, form: u64, lower: u64, unknown: u64) -> (u64, u64) {
    match table.get(form).or_else(|| table.get(lower)) {
        Some(c) => (u64::from(c & 0x1ff), u64::from(c >> 9)),
        None => (unknown, unknown),
    }
}

/// A token that is one part of a hyphenated word (see [`hyphen_parts`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct HyphenPart {
    /// 1 before the hyphen, 2 after it.
    pub position: u64,
    /// Hash of the other part's lowercase form.
    pub other: u64,
    /// Hashes of the whole word as written and in lowercase.
    pub whole: u64,
    pub whole_lower: u64,
}

/// For each token that is part of a hyphenated word the tokeniser split as the treebank does
/// ("start - up", "Garuda - 1": a `-` with no space on either side), its position (1 the part
/// before the hyphen, 2 after), the hash of the other part's lowercase form, and the hashes of
/// the whole word as written and in lowercase; `None` for other tokens.
pub(crate) fn hyphen_parts(tokens: &[crate::doc::Token]) -> Vec<Option<HyphenPart>> {
    let mut out = vec![None; tokens.len()];
    for i in 1..tokens.len().saturating_sub(1) {
        let (a, h, b) = (&tokens[i - 1], &tokens[i], &tokens[i + 1]);
        if h.form != "-" || a.space_after || h.space_after || a.form == "-" || b.form == "-" {
            continue;
        }
        let (la, lb) = (a.form.to_lowercase(), b.form.to_lowercase());
        let whole = hash_str(&format!("{}-{}", a.form, b.form));
        let whole_lower = hash_str(&format!("{la}-{lb}"));
        out[i - 1] = Some(HyphenPart {
            position: 1,
            other: hash_str(&lb),
            whole,
            whole_lower,
        });
        out[i + 1] = Some(HyphenPart {
            position: 2,
            other: hash_str(&la),
            whole,
            whole_lower,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Token;

    /// Tokens with their spacing: `"start-|-|up"`-style input, each word followed by a space
    /// unless it ends with `|`.
    fn tokens(text: &str) -> Vec<Token> {
        text.split(' ')
            .flat_map(|chunk| {
                let parts: Vec<&str> = chunk.split('|').collect();
                let last = parts.len() - 1;
                parts.into_iter().enumerate().map(move |(i, p)| Token {
                    form: p.to_string(),
                    space_after: i == last,
                    ..Token::default()
                })
            })
            .collect()
    }

    #[test]
    fn hyphen_parts_are_the_words_around_an_unspaced_hyphen() {
        let t = tokens("Indian start|-|up plans a - b Garuda|-|1");
        let parts = hyphen_parts(&t);
        let start = parts[1].expect("start");
        let up = parts[3].expect("up");
        assert_eq!((start.position, up.position), (1, 2));
        assert_eq!(start.other, hash_str("up"));
        assert_eq!(up.other, hash_str("start"));
        assert_eq!(start.whole, hash_str("start-up"));
        assert_eq!(up.whole_lower, hash_str("start-up"));
        // A spaced hyphen joins nothing; "Garuda-1" does, keeping its capital.
        assert_eq!(parts[5..8], [None, None, None]);
        assert_eq!(parts[8].expect("Garuda").whole, hash_str("Garuda-1"));
        assert_eq!(parts[8].expect("Garuda").whole_lower, hash_str("garuda-1"));
        assert!(parts[0].is_none() && parts[2].is_none() && parts[4].is_none());
    }

    #[test]
    fn the_table_gives_both_classes_and_falls_back_to_lowercase() {
        let table = vector_class_table();
        assert!(table.len() > 300_000);
        let unknown = 7;
        let (k512, k64) = lookup(&table, hash_str("Plans"), hash_str("plans"), unknown);
        assert!(k512 < 512 && k64 < 64);
        assert_eq!(
            lookup(&table, hash_str("plans"), hash_str("plans"), unknown),
            (k512, k64)
        );
        let none = hash_str("qqxqzv-not-a-word");
        assert_eq!(lookup(&table, none, none, unknown), (unknown, unknown));
    }
}
