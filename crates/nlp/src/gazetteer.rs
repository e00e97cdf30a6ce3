//! Gazetteer: places from GeoNames (continents, countries, US states, capitals, cities of at least
//! 100,000 people) with their GeoNames ids, demonyms ("North Korean" → North Korea), US Census
//! first names and surnames, and the hand-written word lists the NER uses: person titles,
//! organisation suffixes, place head words.
//!
//! The lists are compiled into the binary from `data/gazetteer/` (see its README for sources and
//! licenses) and parsed once, lazily, on first use. Place and demonym look-ups are case-sensitive
//! and match whole token sequences; a hyphen may be its own token ("Guinea - Bissau").

use crate::doc::Token;
use crate::names::{list_lines as lines, phrase_key};
use crate::perceptron::{hash_str, KeyMap};
use std::collections::HashMap;
use std::sync::OnceLock;

const PLACES: &str = include_str!("../../../data/gazetteer/places.tsv");
const DEMONYMS: &str = include_str!("../../../data/gazetteer/demonyms.tsv");
const TITLES: &str = include_str!("../../../data/gazetteer/titles.txt");
const ORG_SUFFIXES: &str = include_str!("../../../data/gazetteer/org_suffixes.txt");
const PLACE_HEADS: &str = include_str!("../../../data/gazetteer/place_heads.txt");
const FIRST_NAMES: &str = include_str!("../../../data/gazetteer/first_names.txt");
const FIRST_NAME_GENDERS: &str = include_str!("../../../data/gazetteer/first_name_genders.tsv");
const LAST_NAMES: &str = include_str!("../../../data/gazetteer/last_names.txt");
const ORGANISATIONS: &str = include_str!("../../../data/gazetteer/organisations.tsv");
const PLACE_WORDS: &str = include_str!("../../../data/gazetteer/place_words.txt");
const AGENT_NOUNS: &str = include_str!("../../../data/gazetteer/agent_nouns.txt");

/// Which word lists a single word is on (see [`Gazetteer::word_classes`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordClasses {
    pub title: bool,
    pub org_suffix: bool,
    pub place_head: bool,
    pub first_name: bool,
    pub last_name: bool,
}

impl WordClasses {
    /// The memberships packed into the low five bits, for hashing into features.
    pub fn bits(self) -> u64 {
        u64::from(self.title)
            | u64::from(self.org_suffix) << 1
            | u64::from(self.place_head) << 2
            | u64::from(self.first_name) << 3
            | u64::from(self.last_name) << 4
    }
}

/// What kind of place a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Continent,
    Country,
    /// A first-level subdivision (for now: US states).
    Region,
    Capital,
    City,
}

/// A place the gazetteer knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// Canonical English name ("United States" for "U.S.").
    pub name: &'static str,
    pub kind: PlaceKind,
    pub geonames_id: u32,
    /// ISO 3166-1 alpha-2 code of the country it lies in (its own code for a country); empty for
    /// continents.
    pub country: &'static str,
}

impl Place {
    /// The GeoNames linked-data IRI, `https://sws.geonames.org/<id>/`.
    pub fn iri(&self) -> String {
        format!("https://sws.geonames.org/{}/", self.geonames_id)
    }
}

/// A demonym or adjectival form and the country it refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Demonym {
    /// Canonical country name as in the places list ("North Korea").
    pub country: &'static str,
    /// ISO 3166-1 alpha-2 code.
    pub code: &'static str,
}

/// Multi-word phrases indexed for longest-match look-up over tokens.
struct Phrases<V> {
    entries: HashMap<String, V>,
    /// Longest phrase (in tokens) by the hash of its first word, to skip most tokens at once
    /// with one cheap look-up.
    first_words: KeyMap<usize>,
}

impl<V> Phrases<V> {
    fn new() -> Phrases<V> {
        Phrases {
            entries: HashMap::new(),
            first_words: KeyMap::default(),
        }
    }

    fn insert(&mut self, phrase: &str, value: V) {
        let key = phrase_key(phrase.split(' '));
        // The most tokens this phrase can span: its words, with each hyphen a token of its own.
        let tokens = key.split([' ', '-']).count() + key.matches('-').count();
        let longest = self
            .first_words
            .entry(hash_str(first_word(&key)))
            .or_insert(0);
        *longest = (*longest).max(tokens);
        self.entries.entry(key).or_insert(value);
    }

    /// The longest phrase that starts at token `i`, as (end, value); `forms` gives the form of
    /// token `k`, `None` past the end.
    fn longest_at<'t>(
        &self,
        forms: impl Fn(usize) -> Option<&'t str>,
        i: usize,
    ) -> Option<(usize, &V)> {
        let max = *self.first_words.get(&hash_str(first_word(forms(i)?)))?;
        let mut end = i;
        while end < i + max && forms(end).is_some() {
            end += 1;
        }
        (i + 1..=end).rev().find_map(|e| {
            let key = phrase_key((i..e).filter_map(&forms));
            self.entries.get(&key).map(|v| (e, v))
        })
    }
}

/// The first word of a phrase, up to a space or hyphen.
fn first_word(phrase: &str) -> &str {
    phrase.split([' ', '-']).next().unwrap_or(phrase)
}

/// All the lists, parsed.
pub struct Gazetteer {
    places: Phrases<Place>,
    /// Places by lowercase name, for text that does not capitalise ("florida") or writes
    /// capitals only (a dateline's "NAIROBI").
    places_folded: Phrases<Place>,
    demonyms: Phrases<Demonym>,
    /// Organisation names by the lists that have them ([`Gazetteer::organisation_at`]).
    organisations: Phrases<u8>,
    titles: Phrases<()>,
    org_suffixes: std::collections::HashSet<&'static str>,
    place_heads: std::collections::HashSet<&'static str>,
    first_names: std::collections::HashSet<&'static str>,
    /// First names given (almost) only to one sex: `true` for male.
    first_name_genders: HashMap<&'static str, bool>,
    last_names: std::collections::HashSet<&'static str>,
    /// Lowercase place names that are also common words ("reading", "turkey").
    place_words: std::collections::HashSet<&'static str>,
    /// Common nouns whose first sense is a person or a group ("worker", "court").
    /// Nouns for people or groups, each with whether it names a person (not a group).
    agent_nouns: HashMap<&'static str, bool>,
    /// [`WordClasses::bits`] by the hash of the lowercase word, for one look-up per token.
    word_bits: KeyMap<u8>,
}

/// The gazetteer compiled into this binary, parsed on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::parse)
}

impl Gazetteer {
    fn parse() -> Gazetteer {
        let mut places = Phrases::new();
        let mut places_folded = Phrases::new();
        for line in lines(PLACES) {
            let mut cols = line.split('\t');
            let (Some(name), Some(kind), Some(id), Some(country), Some(canonical)) = (
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next(),
            ) else {
                continue;
            };
            let kind = match kind {
                "continent" => PlaceKind::Continent,
                "country" => PlaceKind::Country,
                "region" => PlaceKind::Region,
                "capital" => PlaceKind::Capital,
                _ => PlaceKind::City,
            };
            let Ok(geonames_id) = id.parse() else {
                continue;
            };
            let place = Place {
                name: canonical,
                kind,
                geonames_id,
                country,
            };
            places_folded.insert(&name.to_lowercase(), place.clone());
            places.insert(name, place);
        }
        let mut demonyms = Phrases::new();
        for line in lines(DEMONYMS) {
            let mut cols = line.split('\t');
            if let (Some(d), Some(country), Some(code)) = (cols.next(), cols.next(), cols.next()) {
                demonyms.insert(d, Demonym { country, code });
            }
        }
        let mut organisations = Phrases::new();
        for line in lines(ORGANISATIONS) {
            let Some((name, sources)) = line.split_once('\t') else {
                continue;
            };
            let bits = sources
                .split(',')
                .map(|s| match s {
                    "wordnet" => 1,
                    "tickers" => 2,
                    "brands" => 4,
                    _ => 0,
                })
                .fold(0u8, |a, b| a | b);
            // Keyed by the tokens our tokeniser makes of the name ("Yahoo!" is two).
            let words: Vec<String> = crate::tokenize::tokenize(name)
                .into_iter()
                .map(|t| t.form)
                .collect();
            organisations.insert(&words.join(" "), bits);
        }
        let mut titles = Phrases::new();
        for t in lines(TITLES) {
            titles.insert(t, ());
        }
        let mut g = Gazetteer {
            places,
            places_folded,
            demonyms,
            organisations,
            titles,
            org_suffixes: lines(ORG_SUFFIXES).collect(),
            place_heads: lines(PLACE_HEADS).collect(),
            first_names: lines(FIRST_NAMES).collect(),
            first_name_genders: lines(FIRST_NAME_GENDERS)
                .filter_map(|l| {
                    let (name, sex) = l.split_once('\t')?;
                    Some((name, sex == "M"))
                })
                .collect(),
            last_names: lines(LAST_NAMES).collect(),
            place_words: lines(PLACE_WORDS).collect(),
            agent_nouns: lines(AGENT_NOUNS)
                .filter_map(|l| {
                    let (noun, kind) = l.split_once('\t')?;
                    Some((noun, kind == "person"))
                })
                .collect(),
            word_bits: KeyMap::default(),
        };
        let words: Vec<&str> = g
            .titles
            .entries
            .keys()
            .map(String::as_str)
            .chain(g.org_suffixes.iter().copied())
            .chain(g.place_heads.iter().copied())
            .chain(g.first_names.iter().copied())
            .chain(g.last_names.iter().copied())
            .collect();
        let mut bits = KeyMap::default();
        for w in words {
            bits.insert(hash_str(w), g.word_classes_slow(w).bits() as u8);
        }
        g.word_bits = bits;
        g
    }

    /// The place named by exactly these words ("North", "Korea"), if any.
    pub fn place(&self, words: &[&str]) -> Option<&Place> {
        self.places.entries.get(&phrase_key(words.iter().copied()))
    }

    /// The longest place name starting at token `i`: its end (exclusive) and the place.
    pub fn place_at(&self, tokens: &[Token], i: usize) -> Option<(usize, &Place)> {
        self.places
            .longest_at(|k| tokens.get(k).map(|t| t.form.as_str()), i)
    }

    /// The longest place name starting at word `i` of `lower` (lowercase forms), ignoring
    /// case: its end and kind. For features only; it over-matches common words ("split").
    pub fn place_folded_at(&self, lower: &[&str], i: usize) -> Option<(usize, PlaceKind)> {
        self.places_folded
            .longest_at(|k| lower.get(k).copied(), i)
            .map(|(e, p)| (e, p.kind))
    }

    /// The place named by exactly these words in any case ("RIO", "DE", "JANEIRO"), if any:
    /// for text written in capitals. Over-matches common words as [`place_folded_at`] does.
    ///
    /// [`place_folded_at`]: Gazetteer::place_folded_at
    pub fn place_folded(&self, words: &[&str]) -> Option<&Place> {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        self.places_folded
            .entries
            .get(&phrase_key(lower.iter().map(String::as_str)))
    }

    /// The longest organisation name of `organisations.tsv` starting at token `i`
    /// (case-sensitive): its end and the lists that have it (bit 0 WordNet, 1 stock indices,
    /// 2 brands). For features only: the lists hold ambiguous names ("Apple", "Jordan").
    pub fn organisation_at(&self, tokens: &[Token], i: usize) -> Option<(usize, u8)> {
        self.organisations
            .longest_at(|k| tokens.get(k).map(|t| t.form.as_str()), i)
            .map(|(e, &bits)| (e, bits))
    }

    /// Whether a place name, in lowercase, is also a common English word ("reading", "split",
    /// "turkey"): written in lowercase, it is more likely the word.
    pub fn is_common_word(&self, lower_name: &str) -> bool {
        self.place_words.contains(lower_name)
    }

    /// Whether a common noun (lowercase lemma) names, first of all, a person or a group of
    /// people ("worker", "court", "police"), not an event or an act ("war", "summit").
    pub fn is_agent_noun(&self, lower_lemma: &str) -> bool {
        self.agent_nouns.contains_key(lower_lemma)
    }

    /// Whether a common noun (lowercase lemma) names, first of all, a person ("spokesman",
    /// "worker"), not a group ("army", "company") or a thing.
    pub fn is_person_noun(&self, lower_lemma: &str) -> bool {
        self.agent_nouns.get(lower_lemma) == Some(&true)
    }

    /// The country a demonym or adjectival form names ("North Korean", "Russians").
    pub fn demonym(&self, words: &[&str]) -> Option<&Demonym> {
        self.demonyms
            .entries
            .get(&phrase_key(words.iter().copied()))
    }

    /// The longest demonym starting at token `i`.
    pub fn demonym_at(&self, tokens: &[Token], i: usize) -> Option<(usize, &Demonym)> {
        self.demonyms
            .longest_at(|k| tokens.get(k).map(|t| t.form.as_str()), i)
    }

    /// The end of the longest title ("President", "Prime Minister", "Gov.") starting at token
    /// `i`, case-insensitively.
    pub fn title_at(&self, tokens: &[Token], i: usize) -> Option<usize> {
        let lowered: Vec<String> = tokens
            .iter()
            .skip(i)
            .take(4)
            .map(|t| title_form(&t.form))
            .collect();
        self.titles
            .longest_at(|k| lowered.get(k.checked_sub(i)?).map(String::as_str), i)
            .map(|(e, _)| e)
    }

    /// Whether `word` (any case, trailing period optional) is a title on its own.
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.entries.contains_key(&title_form(word))
    }

    /// Whether `word` ends organisation names ("Inc.", "Ministry", "Agency").
    pub fn is_org_suffix(&self, word: &str) -> bool {
        self.org_suffixes.contains(title_form(word).as_str())
    }

    /// All single-word list memberships of a word given in lowercase (a trailing period is
    /// ignored), without allocating: for feature extraction.
    pub fn word_classes(&self, lower: &str) -> WordClasses {
        let w = if lower.len() > 1 {
            lower.strip_suffix('.').unwrap_or(lower)
        } else {
            lower
        };
        let bits = self.word_bits.get(&hash_str(w)).copied().unwrap_or(0);
        WordClasses {
            title: bits & 1 != 0,
            org_suffix: bits & 2 != 0,
            place_head: bits & 4 != 0,
            first_name: bits & 8 != 0,
            last_name: bits & 16 != 0,
        }
    }

    /// [`Gazetteer::word_classes`] from the sets themselves (builds `word_bits`).
    fn word_classes_slow(&self, w: &str) -> WordClasses {
        WordClasses {
            title: self.titles.entries.contains_key(w),
            org_suffix: self.org_suffixes.contains(w),
            place_head: self.place_heads.contains(w),
            first_name: self.first_names.contains(w),
            last_name: self.last_names.contains(w),
        }
    }

    /// Whether `word` (any case) is a US Census first name or frequent surname.
    /// Whether a first name (any case) is given (almost) only to men (`Some(true)`) or only to
    /// women (`Some(false)`): `data/gazetteer/first_name_genders.tsv`, from the US Census 1990.
    pub fn first_name_is_male(&self, word: &str) -> Option<bool> {
        self.first_name_genders
            .get(word.to_lowercase().as_str())
            .copied()
    }

    /// Whether `word` (any case) is a US Census first name.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word.to_lowercase().as_str())
    }

    pub fn is_person_name(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        self.first_names.contains(w.as_str()) || self.last_names.contains(w.as_str())
    }

    /// Whether `word` heads place names ("Airport", "Peninsula", "River").
    pub fn is_place_head(&self, word: &str) -> bool {
        self.place_heads.contains(word.to_lowercase().as_str())
    }
}

fn title_form(word: &str) -> String {
    let w = if word.len() > 1 {
        word.strip_suffix('.').unwrap_or(word)
    } else {
        word
    };
    w.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Token> {
        text.split(' ')
            .map(|f| Token {
                form: f.to_string(),
                ..Token::default()
            })
            .collect()
    }

    #[test]
    fn places_have_geonames_iris_and_canonical_names() {
        let g = gazetteer();
        let korea = g.place(&["North", "Korea"]).unwrap();
        assert_eq!(korea.kind, PlaceKind::Country);
        assert_eq!(korea.iri(), "https://sws.geonames.org/1873107/");
        assert_eq!(g.place(&["U.S."]).unwrap().name, "United States");
        assert_eq!(g.place(&["Paris"]).unwrap().kind, PlaceKind::Capital);
        assert_eq!(g.place(&["Europe"]).unwrap().kind, PlaceKind::Continent);
        assert_eq!(g.place(&["Texas"]).unwrap().kind, PlaceKind::Region);
        // Case-sensitive: common words are not places.
        assert!(g.place(&["paris"]).is_none());
    }

    #[test]
    fn longest_match_over_tokens() {
        let g = gazetteer();
        let t = tokens("flights from New York to South Korea and Guinea - Bissau");
        let (end, p) = g.place_at(&t, 2).unwrap();
        assert_eq!((end, p.name, p.kind), (4, "New York", PlaceKind::Region));
        let (end, p) = g.place_at(&t, 5).unwrap();
        assert_eq!((end, p.name), (7, "South Korea"));
        let (end, p) = g.place_at(&t, 8).unwrap();
        assert_eq!((end, p.name), (11, "Guinea-Bissau"));
        assert!(g.place_at(&t, 0).is_none());
        let lower = ["i", "live", "in", "south", "korea"];
        assert_eq!(g.place_folded_at(&lower, 3), Some((5, PlaceKind::Country)));
    }

    #[test]
    fn demonyms_point_to_countries() {
        let g = gazetteer();
        assert_eq!(g.demonym(&["Russian"]).unwrap().country, "Russia");
        assert_eq!(g.demonym(&["Russians"]).unwrap().country, "Russia");
        let t = tokens("the North Korean leader");
        let (end, d) = g.demonym_at(&t, 1).unwrap();
        assert_eq!((end, d.country, d.code), (3, "North Korea", "KP"));
        assert_eq!(g.demonym(&["American"]).unwrap().country, "United States");
    }

    #[test]
    fn titles_suffixes_and_heads() {
        let g = gazetteer();
        let t = tokens("said Prime Minister Jane Doe");
        assert_eq!(g.title_at(&t, 1), Some(3));
        assert!(g.is_title("Gov."));
        assert!(g.is_title("spokesperson"));
        assert!(!g.is_title("Jane"));
        assert!(g.is_org_suffix("Inc."));
        assert!(g.is_org_suffix("Ministry"));
        assert!(g.is_place_head("Airport"));
        assert!(!g.is_place_head("Ministry"));
        assert!(g.is_person_name("Mary") && g.is_person_name("Lee"));
        let c = g.word_classes("gov.");
        assert!(c.title && !c.org_suffix && !c.first_name);
        assert!(g.word_classes("agency").org_suffix);
    }
}
