//! How names relate: short forms of full names, acronyms of expansions, and names that look alike.
//!
//! Pure string rules over names that the recogniser already found; the within-document
//! coreference (kg-extract's `coref`) and the graph's cross-document resolution both use them, so
//! a name is matched the same way inside a document and across dumps. Names are compared by their
//! folded words: lower case, letters and digits only, split at anything else, so "Kim Jong-un",
//! "Kim Jong Un" and "KIM JONG UN" are the same name. Which words are titles or place heads, and
//! which names are places, comes from the gazetteer's lists ([`lexicon()`]).

mod lexicon;

pub use lexicon::{lexicon, list_lines, phrase_key, NameLexicon};

use crate::doc::EntityType;

/// The folded words of a name: "Kim Jong-un" → `["kim", "jong", "un"]`.
pub fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in name.split(|c: char| !(c.is_alphanumeric() || c == '.')) {
        let parts: Vec<&str> = piece.split('.').filter(|p| !p.is_empty()).collect();
        // Dotted initials ("U.S.", "U.N.") are one word.
        let dotted =
            piece.contains('.') && parts.len() > 1 && parts.iter().all(|p| p.chars().count() == 1);
        if dotted {
            out.push(parts.concat().to_lowercase());
        } else {
            out.extend(parts.iter().map(|p| p.to_lowercase()));
        }
    }
    out
}

/// The folded key of a whole name: its words joined by `_` (the graph's slug of the name).
pub fn key(name: &str) -> String {
    words(name).join("_")
}

/// Words skipped when forming an acronym ("Bank of England" → BOE? no: BE).
const ACRONYM_SKIP: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "at", "de", "du", "la",
];

/// Whether `name` is written as an acronym: one word of 2–6 capitals and digits, at least two of
/// them capitals (dots allowed: "U.N."). "G7" is not one: it is no initials of its expansion.
pub fn is_acronym(name: &str) -> bool {
    let letters: String = name.chars().filter(|c| *c != '.').collect();
    let n = letters.chars().count();
    (2..=6).contains(&n)
        && letters.chars().next().is_some_and(|c| c.is_uppercase())
        && letters
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && letters.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// The acronym of a multi-word name, folded: the initials of its words, small function words
/// skipped ("Korean Central News Agency" → `kcna`, "Democratic People's Republic of Korea" →
/// `dprk`). `None` for one-word names.
pub fn acronym(name: &str) -> Option<String> {
    let raw: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_alphanumeric))
        .collect();
    let content: Vec<&str> = raw
        .iter()
        .copied()
        .filter(|w| !ACRONYM_SKIP.contains(&w.to_lowercase().as_str()))
        .collect();
    if content.len() < 2 {
        return None;
    }
    Some(
        content
            .iter()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// The folded acronym an acronym-shaped name stands for ("K.C.N.A." → `kcna`).
pub fn acronym_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How a short name can point at a full name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ShortKey {
    /// One word of a person's name: the first or the last ("putin", "vladimir", "kim").
    Word(String),
    /// The initials of a multi-word name ("kcna").
    Acronym(String),
    /// A place's name without its head word ("vostochny" for "Vostochny Cosmodrome", "heathrow"
    /// for "Heathrow Airport"). A short name the gazetteer knows as a place ("Washington",
    /// "Moscow") never looks it up: it names a place of its own.
    PlaceStem(String),
}

/// The short keys a full name of the given type can be referred to by: a person's first and last
/// word (surname or given name, whichever order the name uses), the initials of any other
/// multi-word name. One-word names have none.
pub fn short_keys(full: &str, kind: Option<EntityType>) -> Vec<ShortKey> {
    let w = words(full);
    if w.len() < 2 {
        return Vec::new();
    }
    match kind {
        Some(EntityType::Person) => {
            // A titled name is known by its name: "King Charles III" by "Charles", not by
            // "King" or "III".
            let mut w = &w[..];
            while w.len() > 1 && lexicon().is_title(&w[0]) {
                w = &w[1..];
            }
            while w.len() > 1 && is_regnal_number(&w[w.len() - 1]) {
                w = &w[..w.len() - 1];
            }
            let mut out = vec![ShortKey::Word(w[0].clone())];
            if w[w.len() - 1].chars().count() > 1 {
                out.push(ShortKey::Word(w[w.len() - 1].clone()));
            }
            // A hyphenated surname is one word: "Mona El-Sayed" is "El-Sayed".
            if let Some(last) = full.split_whitespace().last().filter(|l| hyphenated(l)) {
                if full.split_whitespace().count() > 1 {
                    out.push(ShortKey::Word(key(last)));
                }
            }
            out.dedup();
            out
        }
        _ => {
            let mut out: Vec<ShortKey> = acronym(full)
                .filter(|a| a.chars().count() >= 2)
                .map(ShortKey::Acronym)
                .into_iter()
                .collect();
            if kind == Some(EntityType::Place) && lexicon().is_place_head(&w[w.len() - 1]) {
                out.push(ShortKey::PlaceStem(w[..w.len() - 1].join("_")));
            }
            out
        }
    }
}

/// One word of letters joined by hyphens ("El-Sayed", "al-Harthi"), no spaces.
pub fn hyphenated(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    !word.contains(char::is_whitespace)
        && parts.len() > 1
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic))
}

/// "ii", "iii", "xiv" (any case): a regnal number after a monarch's name.
fn is_regnal_number(word: &str) -> bool {
    word.len() >= 2
        && word.len() <= 5
        && word
            .chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X'))
}

/// The key a short name looks up, if it is short: an acronym-shaped word, one word of a name
/// whose type can be a person's (never a place or organisation: "Washington" the city is not
/// George Washington), or a one-word place the gazetteer does not know, as the stem of a longer
/// place name.
pub fn lookup_key(short: &str, kind: Option<EntityType>) -> Option<ShortKey> {
    if is_acronym(short) {
        return Some(ShortKey::Acronym(acronym_key(short)));
    }
    // "El-Sayed": a hyphenated name alone is one word, the surname of a longer name.
    if hyphenated(short) && matches!(kind, Some(EntityType::Person) | None) {
        return Some(ShortKey::Word(key(short)));
    }
    let w = words(short);
    if w.len() != 1 {
        return None;
    }
    match kind {
        Some(EntityType::Person) | Some(EntityType::Other) | None => {
            Some(ShortKey::Word(w[0].clone()))
        }
        // A place the gazetteer knows ("Washington", "Jordan") is itself, not a stem.
        Some(EntityType::Place) if !lexicon().is_place(short) => {
            Some(ShortKey::PlaceStem(w[0].clone()))
        }
        _ => None,
    }
}

/// Whether a full name of type `full_kind` is a possible referent of a short key: word keys name
/// people, acronyms name anything but people.
pub fn compatible(key: &ShortKey, full_kind: Option<EntityType>) -> bool {
    match key {
        ShortKey::Word(_) => matches!(full_kind, Some(EntityType::Person)),
        ShortKey::Acronym(_) => !matches!(full_kind, Some(EntityType::Person)),
        ShortKey::PlaceStem(_) => matches!(full_kind, Some(EntityType::Place)),
    }
}

/// Why two distinct entities may be the same: for review, never merged automatically.
pub fn similarity(a: &str, b: &str) -> Option<&'static str> {
    let (ka, kb) = (key(a), key(b));
    if ka.is_empty() || kb.is_empty() || ka == kb {
        return None;
    }
    let (wa, wb) = (words(a), words(b));
    // One name's words all inside the other's ("Kim" / "Kim Jong Un", "Putin" / "Vladimir Putin").
    let inside = |x: &[String], y: &[String]| x.len() < y.len() && x.iter().all(|w| y.contains(w));
    if inside(&wa, &wb) || inside(&wb, &wa) {
        return Some("short form");
    }
    if (is_acronym(a) && acronym(b).as_deref() == Some(&acronym_key(a)))
        || (is_acronym(b) && acronym(a).as_deref() == Some(&acronym_key(b)))
    {
        return Some("acronym");
    }
    // Spelling variants: same letters but for the spaces, or a small edit distance.
    let (ja, jb): (String, String) = (wa.concat(), wb.concat());
    if ja == jb {
        return Some("spacing");
    }
    let shorter = ja.chars().count().min(jb.chars().count());
    if shorter >= 6 && edit_distance(&ja, &jb) <= 1 + shorter / 10 {
        return Some("spelling");
    }
    None
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_spelling_and_initials() {
        assert_eq!(words("Kim Jong-un"), ["kim", "jong", "un"]);
        assert_eq!(words("KIM  JONG UN"), ["kim", "jong", "un"]);
        assert_eq!(words("U.N."), ["un"]);
        assert_eq!(words("U.S. Army"), ["us", "army"]);
        assert_eq!(key("Lim Soo-suk"), "lim_soo_suk");
    }

    #[test]
    fn acronyms_from_initials() {
        assert_eq!(
            acronym("Korean Central News Agency").as_deref(),
            Some("kcna")
        );
        assert_eq!(
            acronym("Democratic People's Republic of Korea").as_deref(),
            Some("dprk")
        );
        assert_eq!(acronym("Agency"), None);
        assert!(is_acronym("KCNA"));
        assert!(is_acronym("U.N."));
        assert!(!is_acronym("G7"));
        assert!(!is_acronym("Kim"));
        assert!(!is_acronym("I"));
        assert_eq!(acronym_key("U.N."), "un");
    }

    #[test]
    fn short_keys_by_type() {
        assert_eq!(
            short_keys("Vladimir Putin", Some(EntityType::Person)),
            [
                ShortKey::Word("vladimir".into()),
                ShortKey::Word("putin".into())
            ]
        );
        assert_eq!(
            short_keys("Korean Central News Agency", Some(EntityType::Organization)),
            [ShortKey::Acronym("kcna".into())]
        );
        assert!(short_keys("Putin", Some(EntityType::Person)).is_empty());
        // A titled name is known by its name, not by the title or the regnal number.
        assert_eq!(
            short_keys("King Charles III", Some(EntityType::Person)),
            [ShortKey::Word("charles".into())]
        );
        assert_eq!(
            short_keys("Pope Francis", Some(EntityType::Person)),
            [ShortKey::Word("francis".into())]
        );
        // A place is never looked up by one of its words.
        assert_eq!(lookup_key("Washington", Some(EntityType::Place)), None);
        assert_eq!(
            lookup_key("Putin", Some(EntityType::Person)),
            Some(ShortKey::Word("putin".into()))
        );
        assert_eq!(
            lookup_key("KCNA", Some(EntityType::Person)),
            Some(ShortKey::Acronym("kcna".into()))
        );
        assert!(!compatible(
            &ShortKey::Word("washington".into()),
            Some(EntityType::Place)
        ));
        // A place without its head word, unless the gazetteer knows the short name as a place.
        let stem = ShortKey::PlaceStem("heathrow".into());
        assert!(short_keys("Heathrow Airport", Some(EntityType::Place)).contains(&stem));
        assert!(!short_keys("Heathrow Airport", Some(EntityType::Organization)).contains(&stem));
        assert_eq!(
            lookup_key("Heathrow", Some(EntityType::Place)),
            Some(ShortKey::PlaceStem("heathrow".into()))
        );
        assert!(!compatible(
            &ShortKey::PlaceStem("heathrow".into()),
            Some(EntityType::Person)
        ));
    }

    #[test]
    fn similar_names_for_review() {
        assert_eq!(similarity("Kim", "Kim Jong Un"), Some("short form"));
        assert_eq!(
            similarity("KCNA", "Korean Central News Agency"),
            Some("acronym")
        );
        assert_eq!(similarity("Kim Jong Un", "Kim Jong-un"), None, "same key");
        assert_eq!(similarity("Kim Jongun", "Kim Jong Un"), Some("spacing"));
        assert_eq!(
            similarity("Vladimir Putin", "Vladimir Poutin"),
            Some("spelling")
        );
        assert_eq!(similarity("Kim Jong Un", "Kim Tok Hun"), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
