//! The name rules (kg-model) read the gazetteer's title, place-head and place lists themselves,
//! since kg-model sits below this crate: they must answer as the gazetteer does for every entry.

use kg_nlp::gazetteer::gazetteer;
use kg_nlp::names::lexicon;

fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// A word as written, in other cases and with a period, as text may give it.
fn spellings(word: &str) -> [String; 5] {
    [
        word.to_string(),
        word.to_uppercase(),
        word.to_lowercase(),
        format!("{word}."),
        word.chars()
            .take(1)
            .flat_map(char::to_uppercase)
            .chain(word.chars().skip(1))
            .collect(),
    ]
}

#[test]
fn titles_and_place_heads_as_the_gazetteer_reads_them() {
    let (g, l) = (gazetteer(), lexicon());
    let titles = entries(include_str!("../../../data/gazetteer/titles.txt"));
    let heads = entries(include_str!("../../../data/gazetteer/place_heads.txt"));
    for word in titles.chain(heads).chain(["Jane", "Moscow", "", "."]) {
        for w in spellings(word) {
            assert_eq!(l.is_title(&w), g.is_title(&w), "title {w:?}");
            assert_eq!(l.is_place_head(&w), g.is_place_head(&w), "place head {w:?}");
        }
    }
}

#[test]
fn places_as_the_gazetteer_reads_them() {
    let (g, l) = (gazetteer(), lexicon());
    let places = include_str!("../../../data/gazetteer/places.tsv");
    let names = entries(places).filter_map(|line| line.split('\t').next());
    for name in names.chain(["washington", "Guinea - Bissau", "-", ""]) {
        for n in spellings(name) {
            assert_eq!(l.is_place(&n), g.place(&[&n]).is_some(), "place {n:?}");
        }
    }
}
