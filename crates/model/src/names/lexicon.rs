//! The word lists the name rules consult: person titles, place head words and the gazetteer's
//! place names, read from the same files of `data/gazetteer/` as kg-extract's gazetteer and parsed
//! the same way, so a name has the same short forms in both crates. Compiled in, parsed once.
//!
//! Only membership lives here: the gazetteer's look-ups over tokens, its GeoNames records and
//! the word classes the recogniser's features use are the NLP core's and stay in kg-extract.

use std::collections::HashSet;
use std::sync::OnceLock;

const TITLES: &str = include_str!("../../../../data/gazetteer/titles.txt");
const PLACE_HEADS: &str = include_str!("../../../../data/gazetteer/place_heads.txt");
const PLACES: &str = include_str!("../../../../data/gazetteer/places.tsv");

/// The three lists, parsed.
pub struct NameLexicon {
    titles: HashSet<String>,
    place_heads: HashSet<&'static str>,
    places: HashSet<String>,
}

/// The lists compiled into this binary, parsed on first use.
pub fn lexicon() -> &'static NameLexicon {
    static L: OnceLock<NameLexicon> = OnceLock::new();
    L.get_or_init(NameLexicon::parse)
}

/// The entries of a word list of `data/gazetteer/`: its lines without trailing spaces, blank lines
/// and `#` comments. The gazetteer reads its lists the same way.
pub fn list_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A phrase's words joined by single spaces, with hyphens glued to their neighbours
/// ("Guinea - Bissau" → "Guinea-Bissau"): the gazetteer's key for a list entry or a run of
/// tokens.
pub fn phrase_key<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut key = String::new();
    let mut glue = true;
    for w in words {
        if w == "-" {
            key.push('-');
            glue = true;
            continue;
        }
        if !glue {
            key.push(' ');
        }
        key.push_str(w);
        glue = w.ends_with('-');
    }
    key
}

impl NameLexicon {
    fn parse() -> NameLexicon {
        NameLexicon {
            titles: list_lines(TITLES)
                .map(|l| phrase_key(l.split(' ')))
                .collect(),
            place_heads: list_lines(PLACE_HEADS).collect(),
            places: list_lines(PLACES)
                .filter_map(|line| {
                    let cols: Vec<&str> = line.split('\t').collect();
                    // The gazetteer skips a row without its five columns or a GeoNames id.
                    (cols.len() >= 5 && cols[2].parse::<u32>().is_ok())
                        .then(|| phrase_key(cols[0].split(' ')))
                })
                .collect(),
        }
    }

    /// Whether `word` (any case, trailing period optional) is a title on its own ("President",
    /// "Gov.").
    pub fn is_title(&self, word: &str) -> bool {
        let w = if word.len() > 1 {
            word.strip_suffix('.').unwrap_or(word)
        } else {
            word
        };
        self.titles.contains(&w.to_lowercase())
    }

    /// Whether `word` (any case) heads place names ("Airport", "Peninsula", "River").
    pub fn is_place_head(&self, word: &str) -> bool {
        self.place_heads.contains(word.to_lowercase().as_str())
    }

    /// Whether `name`, exactly as written, is a place of the gazetteer ("Washington", "U.S.";
    /// not "washington").
    pub fn is_place(&self, name: &str) -> bool {
        self.places.contains(name)
    }
}
