//! The benchmark's matching principles (news-dev README, "Scoring principles" 1–3) as pure
//! functions on strings: normalisation, the head word of an argument, the head verb of a
//! relation and the comparison of times. Which argument names which entity is decided in
//! `score`, which knows the document's gold entities and the extractor's nodes.

use kg_model::doc::Xpos;
use unicode_normalization::UnicodeNormalization;

/// Lemmas of single words by Penn tag; the scorer's only language knowledge beyond the README.
pub trait Lemmas {
    fn lemma(&self, word: &str, xpos: Xpos) -> String;
}

impl Lemmas for kg_nlp::lemma::Lemmatizer {
    fn lemma(&self, word: &str, xpos: Xpos) -> String {
        self.lemma_of(word, xpos).to_lowercase()
    }
}

/// Words after which an argument's head has been seen: its post-modifiers. README rule 1 names
/// the first ten; the other prepositions and relative words open post-modifiers the same way
/// ("the top prize at the festival", "the price per tonne").
const POST_MODIFIERS: [&str; 24] = [
    "of", "in", "for", "from", "on", "to", "with", "that", "which", "who", "at", "by", "near",
    "under", "over", "about", "against", "between", "after", "before", "during", "per", "whose",
    "where",
];

/// Quantifiers that open an argument before its head ("up to 70,000 tonnes", "at least 12
/// people"): their prepositions are not post-modifiers.
const QUANTIFIERS: [&str; 9] = [
    "up to",
    "at least",
    "at most",
    "more than",
    "less than",
    "fewer than",
    "as many as",
    "as much as",
    "close to",
];

/// Prepositions that may end a relation ("be based in", "meet with").
const PREPOSITIONS: [&str; 30] = [
    "of", "in", "for", "from", "on", "to", "with", "at", "by", "into", "as", "after", "near",
    "among", "under", "off", "about", "against", "over", "through", "between", "across", "onto",
    "toward", "towards", "within", "without", "since", "until", "during",
];

/// Words of a relation that carry no content: auxiliaries, modals, negation, articles.
const FUNCTION_WORDS: [&str; 18] = [
    "will", "would", "can", "could", "may", "might", "shall", "should", "must", "do", "does",
    "did", "not", "n't", "never", "a", "an", "the",
];

/// Past participles that do not end in "-ed", "-en" or "-wn".
const IRREGULAR_PARTICIPLES: [&str; 48] = [
    "found", "held", "cut", "lost", "sold", "bought", "made", "built", "led", "won", "set", "put",
    "paid", "sent", "kept", "left", "hit", "shot", "struck", "told", "brought", "caught", "taught",
    "met", "hurt", "spent", "stood", "run", "begun", "become", "done", "gone", "shut", "spread",
    "quit", "read", "bound", "fed", "fled", "lit", "sunk", "sworn", "torn", "worn", "born",
    "borne", "dealt", "meant",
];

/// README normalisation: NFC, case-folded, whitespace collapsed, leading article and possessive
/// `'s` dropped (and the surrounding punctuation a span may carry).
pub fn normalise(text: &str) -> String {
    let folded: String = text
        .nfc()
        .collect::<String>()
        .to_lowercase()
        .replace('’', "'");
    let mut words: Vec<String> = folded
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| matches!(c, '"' | ',' | ';' | ':' | '.' | '(' | ')'));
            let w = w.strip_suffix("'s").unwrap_or(w);
            let w = if w.ends_with("s'") {
                &w[..w.len() - 1]
            } else {
                w
            };
            w.to_owned()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 1 && matches!(words[0].as_str(), "the" | "a" | "an") {
        words.remove(0);
    }
    words.join(" ")
}

/// The head word of an argument (README rule 1), lemmatised: the last word before the first
/// post-modifier ("the nets of fishermen from Uganda" → "net"), or before a comma or bracket
/// that opens an apposition.
pub fn argument_head(text: &str, lemmas: &dyn Lemmas) -> String {
    // An apposition opens with ", " or " (" (a number's comma has no space after it).
    let text = text.trim_start_matches([',', '(', ';', ' ']);
    let cut = [", ", " (", "; "]
        .iter()
        .filter_map(|sep| text.find(sep))
        .min()
        .map_or(text, |at| &text[..at]);
    let normal = normalise(cut);
    let rest = QUANTIFIERS
        .iter()
        .find_map(|q| normal.strip_prefix(q).filter(|r| r.starts_with(' ')))
        .unwrap_or(&normal);
    let words: Vec<&str> = rest.split_whitespace().collect();
    let end = words
        .iter()
        .skip(1)
        .position(|w| POST_MODIFIERS.contains(w))
        .map_or(words.len(), |p| p + 1);
    match words[..end].last() {
        Some(head) => lemmas.lemma(head, Xpos::Nns),
        None => String::new(),
    }
}

/// The head of a gold relation (README rule 2): its first word; after "be", a past participle,
/// else the last content word before trailing prepositions ("be finance minister of" →
/// minister), else "be".
pub fn relation_head(relation: &str, lemmas: &dyn Lemmas) -> String {
    let normal = normalise(relation);
    let words: Vec<&str> = normal.split_whitespace().collect();
    reduce(&words, lemmas)
}

fn reduce(words: &[&str], lemmas: &dyn Lemmas) -> String {
    match words {
        [] => String::new(),
        ["be", rest @ ..] => {
            if let Some(next) = rest.first().filter(|w| is_participle(w, lemmas)) {
                return lemmas.lemma(next, Xpos::Vbn);
            }
            let mut content = rest;
            while let [front @ .., last] = content {
                if PREPOSITIONS.contains(last) {
                    content = front;
                } else {
                    break;
                }
            }
            content
                .iter()
                .rev()
                .find(|w| !FUNCTION_WORDS.contains(w) && !PREPOSITIONS.contains(w))
                .map_or_else(|| "be".to_owned(), |w| lemmas.lemma(w, Xpos::Nn))
        }
        [first, ..] => lemmas.lemma(first, Xpos::Vb),
    }
}

/// Whether a word after "be" is a past participle ("detained", "given", "held").
fn is_participle(word: &str, lemmas: &dyn Lemmas) -> bool {
    let long = word.chars().count() > 3;
    (long && word.ends_with("ed"))
        || IRREGULAR_PARTICIPLES.contains(&word)
        || (long
            && (word.ends_with("en") || word.ends_with("wn"))
            && lemmas.lemma(word, Xpos::Vbn) != word)
}

/// The heads an extracted relation may match (README rule 2): its lemma reduced as a gold
/// relation after the auxiliaries and modals are dropped; a role written without its copula
/// ("finance minister of", said with "is") also as "be finance minister of"; and the verb of a
/// complement ("agree to buy": agree or buy; "start cutting": start or cut).
pub fn statement_relation_heads(lemma: &str, lemmas: &dyn Lemmas) -> Vec<String> {
    let normal = normalise(lemma);
    let all: Vec<&str> = normal.split_whitespace().collect();
    let mut start = 0;
    while start + 1 < all.len() && FUNCTION_WORDS.contains(&all[start]) {
        start += 1;
    }
    let words = &all[start..];
    let mut heads = vec![reduce(words, lemmas)];
    let ends_in_preposition = words.last().is_some_and(|w| PREPOSITIONS.contains(w));
    if ends_in_preposition && words.first() != Some(&"be") {
        let mut with_be = vec!["be"];
        with_be.extend_from_slice(words);
        heads.push(reduce(&with_be, lemmas));
    }
    for (i, w) in words.iter().enumerate().skip(1) {
        if words[i - 1] == "to" && !PREPOSITIONS.contains(w) {
            heads.push(lemmas.lemma(w, Xpos::Vb));
        } else if w.ends_with("ing") && w.chars().count() > 4 {
            heads.push(lemmas.lemma(w, Xpos::Vbg));
        }
    }
    heads.retain(|h| !h.is_empty());
    heads.sort();
    heads.dedup();
    heads
}

/// Whether a gold `when` is a normalised value (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) rather than
/// text to compare by head word.
pub fn is_time_value(when: &str) -> bool {
    let b = when.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// An extracted TIMEX value in the gold's terms: an open interval is written by its bound, as
/// the gold writes "since March" and "until June" (`2024-03/..` and `../2024-06` → the date).
pub fn time_value(value: &str) -> &str {
    value
        .strip_suffix("/..")
        .or_else(|| value.strip_prefix("../"))
        .unwrap_or(value)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A lemmatiser for tests: a few irregular words, else plural "-s" and verbal "-ed"/"-ing"
    /// cut off.
    pub struct TestLemmas;

    impl Lemmas for TestLemmas {
        fn lemma(&self, word: &str, xpos: Xpos) -> String {
            let w = word.to_lowercase();
            let irregular = [
                ("people", "people"),
                ("given", "give"),
                ("held", "hold"),
                ("based", "base"),
                ("cutting", "cut"),
                ("news", "news"),
            ];
            if let Some((_, l)) = irregular.iter().find(|(f, _)| *f == w) {
                return (*l).to_owned();
            }
            let cut = match xpos {
                Xpos::Nns => w.strip_suffix('s'),
                Xpos::Vbn => w.strip_suffix("ed"),
                Xpos::Vbg => w.strip_suffix("ing"),
                _ => None,
            };
            cut.map_or(w.clone(), str::to_owned)
        }
    }

    #[test]
    fn normalising_folds_case_articles_and_possessives() {
        assert_eq!(normalise("The  Lagos-based Lender"), "lagos-based lender");
        assert_eq!(normalise("Nigeria’s central bank"), "nigeria central bank");
        assert_eq!(normalise("fishermen's nets,"), "fishermen nets");
        // NFC: "e" + combining acute is "é".
        assert_eq!(normalise("Marti\u{301}n"), "martín");
        // A lone article is an argument of its own, not an empty one.
        assert_eq!(normalise("A"), "a");
    }

    #[test]
    fn argument_heads_follow_rule_1() {
        let l = TestLemmas;
        assert_eq!(argument_head("at least 12 people", &l), "people");
        assert_eq!(
            argument_head("up to 70,000 tonnes of hydrogen", &l),
            "tonne"
        );
        assert_eq!(argument_head("the top prize at the festival", &l), "prize");
        assert_eq!(argument_head("the price per tonne", &l), "price");
        assert_eq!(
            argument_head("the nets of fishermen from Uganda", &l),
            "net"
        );
        assert_eq!(
            argument_head("Kestrel Bank's purchase of Sahel Microfinance", &l),
            "purchase"
        );
        assert_eq!(argument_head("Dauren Abenov, the minister", &l), "abenov");
        assert_eq!(argument_head("Gulf of Oman", &l), "gulf");
        assert_eq!(argument_head("", &l), "");
    }

    #[test]
    fn relation_heads_follow_rule_2() {
        let l = TestLemmas;
        assert_eq!(relation_head("set up", &l), "set");
        assert_eq!(relation_head("buy a 51 percent stake in", &l), "buy");
        assert_eq!(relation_head("be detained", &l), "detain");
        assert_eq!(relation_head("be based in", &l), "base");
        assert_eq!(relation_head("be given to", &l), "give");
        assert_eq!(relation_head("be held", &l), "hold");
        assert_eq!(relation_head("be finance minister of", &l), "minister");
        assert_eq!(relation_head("be capital of", &l), "capital");
        assert_eq!(relation_head("be", &l), "be");
        assert_eq!(relation_head("be in", &l), "be");
        assert_eq!(relation_head("be near", &l), "be");
        assert_eq!(relation_head("be too weak", &l), "weak");
    }

    #[test]
    fn extracted_relations_drop_auxiliaries_and_offer_their_complements() {
        let l = TestLemmas;
        assert_eq!(statement_relation_heads("sign", &l), ["sign"]);
        assert_eq!(statement_relation_heads("be detained", &l), ["detain"]);
        assert_eq!(
            statement_relation_heads("agree to buy", &l),
            ["agree", "buy"]
        );
        assert_eq!(
            statement_relation_heads("start cutting", &l),
            ["cut", "start"]
        );
        assert_eq!(
            statement_relation_heads("finance minister of", &l),
            ["finance", "minister"]
        );
        assert_eq!(statement_relation_heads("will meet with", &l), ["meet"]);
        assert_eq!(statement_relation_heads("be", &l), ["be"]);
    }

    #[test]
    fn times_compare_as_the_gold_writes_them() {
        assert!(is_time_value("2024"));
        assert!(is_time_value("2024-03"));
        assert!(is_time_value("2024-03-11"));
        assert!(!is_time_value("last season"));
        assert!(!is_time_value("2024-W32"));
        assert_eq!(time_value("2024-03/.."), "2024-03");
        assert_eq!(time_value("../2024-06"), "2024-06");
        assert_eq!(time_value("2018/2021"), "2018/2021");
    }
}
