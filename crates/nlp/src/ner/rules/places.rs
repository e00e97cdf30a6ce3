//! Places and nationalities: the gazetteer's types and IRIs for the model's mentions, and places
//! and nationalities the model cut short, ran together or left unlabelled.

use super::is_capitalised;
use crate::doc::{EntityType, Mention, Token, Xpos};
use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::ner::labels::mention;

/// A name cut short inside a longer gazetteer place written around it is that place: "the
/// Democratic | Republic of Congo" is not the Republic of the Congo. A person is not extended.
pub(super) fn names_cut_short_inside_a_place(tokens: &[Token], out: &mut [Mention], g: &Gazetteer) {
    for m in out.iter_mut().filter(|m| m.kind != EntityType::Person) {
        if let Some((s, e)) = (m.start.saturating_sub(3)..m.start)
            .find_map(|s| g.place_at(tokens, s).map(|(e, _)| (s, e)))
            .filter(|&(_, e)| e >= m.end)
        {
            m.start = s;
            m.end = e;
            m.kind = EntityType::Place;
        }
    }
}

/// A mention that is a gazetteer nationality is a MISC mention of its country; one that is a
/// gazetteer country, continent or capital is a place; a place the gazetteer knows gets its IRI,
/// and refers to the gazetteer's name when the text writes another.
pub(super) fn gazetteer_types(tokens: &[Token], out: &mut [Mention], g: &Gazetteer) {
    for m in out.iter_mut() {
        let words: Vec<&str> = tokens[m.start..m.end]
            .iter()
            .map(|t| t.form.as_str())
            .collect();
        if let Some(d) = g.demonym(&words) {
            m.kind = EntityType::Other;
            m.refers_to = Some(d.country.to_string());
            m.external_id = g.place(&[d.country]).map(|p| p.iri());
        } else if let Some(p) = g.place(&words) {
            if matches!(
                p.kind,
                PlaceKind::Country | PlaceKind::Continent | PlaceKind::Capital
            ) {
                m.kind = EntityType::Place;
            }
            if m.kind == EntityType::Place {
                m.external_id = Some(p.iri());
                if !same_but_accents(p.name, &words.join(" ")) {
                    m.refers_to = Some(p.name.to_string());
                }
            }
        }
    }
}

/// Demonyms the model left alone ("North Korean leader") are MISC mentions of their country.
pub(super) fn unlabelled_nationalities(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    let mut i = 0;
    while i < tokens.len() {
        let taken = out.iter().any(|m| m.start <= i && i < m.end);
        match g.demonym_at(tokens, i).filter(|_| !taken) {
            Some((end, d)) if !out.iter().any(|m| m.start < end && i < m.end) => {
                out.push(Mention {
                    start: i,
                    end,
                    kind: EntityType::Other,
                    refers_to: Some(d.country.to_string()),
                    external_id: g.place(&[d.country]).map(|p| p.iri()),
                });
                i = end;
            }
            _ => i += 1,
        }
    }
}

/// Words that make a place's name with the region after them ("North Carolina", "Baja
/// California", "New South Wales"), not a place of their own.
const PLACE_QUALIFIERS: [&str; 15] = [
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Upper", "Lower", "Baja", "New", "Greater", "Old",
];

/// A place read as one name that ends in a US state or a country the gazetteer knows, after
/// capitalised words that are not part of it, is two places: "Miramar California" is Miramar
/// in California (web text often drops the comma). Names the gazetteer has whole ("Kansas
/// City", "South Africa") and qualified regions ("North Carolina", "Baja California") stay.
pub(super) fn split_town_and_state(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    let mut added = Vec::new();
    for m in out.iter_mut() {
        if m.kind != EntityType::Place || m.end - m.start < 2 {
            continue;
        }
        let words: Vec<&str> = tokens[m.start..m.end]
            .iter()
            .map(|t| t.form.as_str())
            .collect();
        if g.place(&words).is_some() {
            continue;
        }
        let split = (1..words.len()).find_map(|k| {
            let p = g.place(&words[k..])?;
            let prefix = &words[..k];
            let fits = matches!(p.kind, PlaceKind::Region | PlaceKind::Country)
                && prefix.iter().all(|w| is_capitalised(w))
                && !PLACE_QUALIFIERS.contains(&prefix[k - 1])
                && !PLACE_QUALIFIERS.contains(&prefix[0]);
            fits.then_some((k, p))
        });
        if let Some((k, p)) = split {
            let mut state = mention(m.start + k, m.end, EntityType::Place);
            state.external_id = Some(p.iri());
            if !same_but_accents(p.name, &words[k..].join(" ")) {
                state.refers_to = Some(p.name.to_string());
            }
            m.end = m.start + k;
            m.external_id = g.place(&words[..k]).map(|p| p.iri());
            m.refers_to = None;
            added.push(state);
        }
    }
    out.extend(added);
}

/// A country, continent or capital the model left unlabelled is a place when its name stands
/// alone (no capitalised word beside it: not "Cuba Gooding", "Egypt Air") and is not also a
/// nationality: "venture into Cuba", "Egypt had a …".
pub(super) fn unlabelled_countries(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    let capitalised_at = |k: usize| tokens.get(k).is_some_and(|t| is_capitalised(&t.form));
    let mut i = 0;
    while i < tokens.len() {
        // The cheap test first: a country's name is capitalised.
        let found = is_capitalised(&tokens[i].form)
            .then(|| g.place_at(tokens, i))
            .flatten();
        let Some((end, p)) = found else {
            i += 1;
            continue;
        };
        let words: Vec<&str> = tokens[i..end].iter().map(|t| t.form.as_str()).collect();
        let kind = matches!(
            p.kind,
            PlaceKind::Country | PlaceKind::Continent | PlaceKind::Capital
        );
        let beside = (i > 0 && capitalised_at(i - 1)) || capitalised_at(end);
        let free = !out.iter().any(|m| m.start < end && i < m.end);
        if kind && free && !beside && is_capitalised(words[0]) && g.demonym(&words).is_none() {
            let mut m = mention(i, end, EntityType::Place);
            m.external_id = Some(p.iri());
            if !same_but_accents(p.name, &words.join(" ")) {
                m.refers_to = Some(p.name.to_string());
            }
            out.push(m);
        }
        i = end;
    }
}

/// A name with a possessive that possesses nothing, after a preposition of place, is a shop or
/// restaurant named after its owner, and a place: "dinner at Del Frisco's in Philadelphia",
/// "going to Kenneally's for lunch". The possessive is part of the name; a possessive followed
/// by what it possesses ("at Russia's border") is not.
pub(super) fn named_after_owners(tokens: &[Token], out: &mut [Mention], g: &Gazetteer) {
    let n = tokens.len();
    for m in out.iter_mut() {
        let k = m.end;
        if k >= n || !matches!(tokens[k].form.as_str(), "'s" | "’s") || m.start == 0 {
            continue;
        }
        let after_place_word = PLACE_PREPOSITIONS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(&tokens[m.start - 1].form));
        // Nothing possessed: the end, punctuation, a preposition, adverb or conjunction, or a
        // place ("Del Frisco's Philadelphia").
        let possesses_nothing = match tokens.get(k + 1) {
            None => true,
            Some(t) => {
                // An opening quote or bracket starts what is possessed ("Froomkin's \"White
                // House Briefing\"").
                (!t.form.chars().any(char::is_alphanumeric)
                    && !matches!(t.form.as_str(), "\"" | "'" | "“" | "‘" | "(" | "["))
                    || matches!(
                        t.xpos,
                        Xpos::In | Xpos::To | Xpos::Rb | Xpos::Cc | Xpos::Wdt | Xpos::Wrb
                    )
                    || g.place_at(tokens, k + 1).is_some()
            }
        };
        let known_place = {
            let words: Vec<&str> = tokens[m.start..m.end]
                .iter()
                .map(|t| t.form.as_str())
                .collect();
            g.place(&words).is_some()
        };
        // A person's full name is a person's ("from Dan Froomkin's …"); one word may be a shop's.
        let full_name = m.kind == EntityType::Person && m.end - m.start > 1;
        if after_place_word && possesses_nothing && !known_place && !full_name {
            m.end = k + 1;
            m.kind = EntityType::Place;
            m.refers_to = None;
            m.external_id = None;
        }
    }
}

/// Words after which a lowercase place name is a place: "in punjab", "going to baguio".
const PLACE_PREPOSITIONS: [&str; 14] = [
    "in",
    "to",
    "from",
    "at",
    "near",
    "across",
    "throughout",
    "around",
    "into",
    "outside",
    "inside",
    "visit",
    "visits",
    "visited",
];

/// A gazetteer place written in lowercase ("travelling to lourdes", web text often does not
/// capitalise) that the model left unlabelled is a place after a preposition of place or a verb
/// of visiting, unless its name is also a common word ("in turkey", "to split": see
/// `place_words.txt`).
pub(super) fn lowercase_places(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    let forms: Vec<&str> = tokens.iter().map(|t| t.form.as_str()).collect();
    let lowercase = |t: &Token| !t.form.chars().any(char::is_uppercase);
    let mut i = 1;
    while i < tokens.len() {
        let after_place_word = PLACE_PREPOSITIONS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(&tokens[i - 1].form));
        // The cheap tests first: most tokens follow no preposition of place.
        let found = (after_place_word && lowercase(&tokens[i]))
            .then(|| g.place_folded_at(&forms, i))
            .flatten();
        let Some((end, _)) = found else {
            i += 1;
            continue;
        };
        let free = !out.iter().any(|m| m.start < end && i < m.end);
        if free
            && tokens[i..end].iter().all(lowercase)
            && !g.is_common_word(&forms[i..end].join(" "))
        {
            out.push(mention(i, end, EntityType::Place));
        }
        i = end;
    }
}

/// Whether a text writes the gazetteer's name as it is, or without its accents ("Rafah" for
/// GeoNames' "Rafaḩ", "Sao Paulo" for "São Paulo"): then the text's own spelling is kept.
pub(super) fn same_but_accents(name: &str, text: &str) -> bool {
    name.chars().count() == text.chars().count()
        && name
            .chars()
            .zip(text.chars())
            .all(|(a, b)| a == b || (!a.is_ascii() && a.is_alphabetic() && b.is_ascii_alphabetic()))
}

/// A place the gazetteer knows right after a first name that is no part of a mention ("The IMF
/// mission chief for Malawi, Teresa Albuquerque, said") is a person's surname: the mention is
/// the person's whole name.
pub(super) fn first_name_before_a_place(tokens: &[Token], out: &mut [Mention], g: &Gazetteer) {
    let taken: Vec<(usize, usize)> = out.iter().map(|m| (m.start, m.end)).collect();
    for m in out.iter_mut() {
        if m.kind != EntityType::Place || m.start == 0 || m.end - m.start != 1 {
            continue;
        }
        let before = &tokens[m.start - 1];
        let free = !taken.iter().any(|&(a, b)| a < m.start && m.start - 1 < b);
        // A proper noun in mixed case: not "In Argentina", "IN FRANCE".
        let first_name = is_capitalised(&before.form)
            && before.xpos == Xpos::Nnp
            && before.form.chars().skip(1).any(char::is_lowercase)
            && g.word_classes(&before.form.to_lowercase()).first_name
            && g.place(&[before.form.as_str()]).is_none();
        // Not a sentence's first word, which is capitalised anyway.
        if free && first_name && m.start >= 2 {
            m.start -= 1;
            m.kind = EntityType::Person;
            m.refers_to = None;
            m.external_id = None;
        }
    }
}

/// Lowercase nouns that name a kind of place beside its name: "Borno state", "the province
/// of Samar".
const PLACE_KINDS: [&str; 8] = [
    "state", "province", "region", "district", "county", "town", "city", "village",
];

/// A capitalised name the model left out, right before a lowercase kind of place ("Nigeria's
/// northeastern Borno state") or after one and "of" ("the eastern Philippine province of
/// Samar"), is a place; so is one the model typed otherwise ("the state of Minas Gerais" had
/// "Minas Gerais" an organisation). Only names of one or two words, outside any other mention
/// or that mention exactly, that are no nationality.
pub(super) fn places_named_by_their_kind(tokens: &[Token], out: &mut Vec<Mention>, g: &Gazetteer) {
    let kind_at = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| PLACE_KINDS.contains(&t.form.as_str()))
    };
    let mut added = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_capitalised(&tokens[i].form) || !tokens[i].form.chars().all(char::is_alphabetic) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < tokens.len()
            && end - i < 2
            && is_capitalised(&tokens[end].form)
            && tokens[end].form.chars().all(char::is_alphabetic)
        {
            end += 1;
        }
        let capitalised_before = i > 0 && is_capitalised(&tokens[i - 1].form);
        let capitalised_after = tokens.get(end).is_some_and(|t| is_capitalised(&t.form));
        let before_kind = kind_at(end) && i > 0 && !capitalised_before;
        let after_kind = i >= 2 && tokens[i - 1].form == "of" && kind_at(i - 2);
        let words: Vec<&str> = tokens[i..end].iter().map(|t| t.form.as_str()).collect();
        let free = !out.iter().any(|m| m.start < end && i < m.end);
        let named =
            (before_kind || after_kind) && !capitalised_after && g.demonym(&words).is_none();
        if named && free {
            added.push(mention(i, end, EntityType::Place));
        } else if named {
            if let Some(m) = out
                .iter_mut()
                .find(|m| m.start == i && m.end == end && m.kind != EntityType::Place)
            {
                m.kind = EntityType::Place;
                m.refers_to = None;
            }
        }
        i = end;
    }
    out.extend(added);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::rules::notation::*;

    #[test]
    fn a_name_before_or_after_a_kind_of_place_is_a_place() {
        let t = tokens("an outbreak in Nigeria 's northeastern Borno state has killed");
        let found = named(&t, vec![mention(3, 4, EntityType::Place)]);
        assert!(
            found.contains(&("Borno".to_string(), EntityType::Place)),
            "{found:?}"
        );
        let t = tokens("it struck the eastern province of Samar on Wednesday");
        let found = named(&t, vec![]);
        assert_eq!(found, [("Samar".to_string(), EntityType::Place)]);
        // Also when the model typed the name otherwise.
        let t = tokens("contracts in the state of Minas Gerais .");
        let found = named(&t, vec![mention(5, 7, EntityType::Organization)]);
        assert_eq!(found, [("Minas Gerais".to_string(), EntityType::Place)]);
        // A sentence's first word, or a lowercase kind after capitalised words, is no place.
        let t = tokens("State officials said");
        assert!(named(&t, vec![]).is_empty());
    }

    #[test]
    fn a_first_name_before_a_place_makes_a_person() {
        let mut t = analysed(
            "said/VBD/0/root the/DT/3/det chief/NN/1/obj ,/,/3/punct \
             Teresa/NNP/6/compound Albuquerque/NNP/3/appos",
        );
        t.retain(|x| !x.form.is_empty());
        let found = named(&t, vec![mention(5, 6, EntityType::Place)]);
        assert_eq!(
            found,
            [("Teresa Albuquerque".to_string(), EntityType::Person)]
        );
        // Not a preposition written in capitals.
        let t = analysed("said/VBD/0/root In/IN/3/case Argentina/NNP/1/obl");
        let found = named(&t, vec![mention(2, 3, EntityType::Place)]);
        assert_eq!(found, [("Argentina".to_string(), EntityType::Place)]);
    }

    #[test]
    fn countries_are_places_with_iris_and_aliases_refer_to_the_canonical_name() {
        let t = tokens("the U.S. said");
        let out = post_rules(
            &t,
            vec![mention(1, 2, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!(out[0].kind, EntityType::Place);
        assert_eq!(out[0].refers_to.as_deref(), Some("United States"));
        assert_eq!(
            out[0].external_id.as_deref(),
            Some("https://sws.geonames.org/6252001/")
        );
    }

    #[test]
    fn a_place_written_without_its_accents_keeps_the_texts_spelling() {
        let place = |text: &str| {
            let t = tokens(text);
            let out = post_rules(&t, vec![mention(2, 4, EntityType::Place)], gazetteer());
            (out[0].refers_to.clone(), out[0].external_id.clone())
        };
        let iri = Some("https://sws.geonames.org/3448439/".to_owned());
        assert_eq!(place("flights to Sao Paulo resumed"), (None, iri.clone()));
        assert_eq!(place("flights to São Paulo resumed"), (None, iri));
        // Another spelling is still the gazetteer's name.
        assert!(same_but_accents("São Paulo", "Sao Paulo"));
        assert!(!same_but_accents("Kyiv", "Kiev"));
        assert!(!same_but_accents("São Paulo", "Sal Paulo"));
    }

    #[test]
    fn demonyms_become_misc_mentions_of_their_country() {
        let t = tokens("the North Korean leader met Chilean officials");
        let out = post_rules(&t, vec![], gazetteer());
        assert_eq!(out.len(), 2);
        assert_eq!(
            (out[0].start, out[0].end, out[0].kind),
            (1, 3, EntityType::Other)
        );
        assert_eq!(out[0].refers_to.as_deref(), Some("North Korea"));
        assert_eq!(out[1].refers_to.as_deref(), Some("Chile"));
        // A nationality that is also one of the country's alternative spellings is the
        // nationality ("Thai" is not Thailand).
        let t = tokens("the Spanish , Thai and other teams");
        let out = post_rules(&t, vec![], gazetteer());
        assert!(out.iter().all(|m| m.kind == EntityType::Other), "{out:?}");
        assert_eq!(out[1].refers_to.as_deref(), Some("Thailand"));
    }

    #[test]
    fn a_name_cut_short_inside_a_gazetteer_place_is_that_place() {
        let toks = tokens("aid reached the Democratic Republic of Congo on Monday");
        let out = post_rules(&toks, vec![mention(4, 7, EntityType::Place)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (3, 7));
        assert_eq!(
            out[0].refers_to.as_deref(),
            Some("Democratic Republic of the Congo")
        );
        // A person is not extended into a place before it.
        let toks = tokens("fans in New York Smith cheered");
        let out = post_rules(&toks, vec![mention(4, 5, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (4, 5));
    }

    #[test]
    fn a_name_whose_possessive_possesses_nothing_after_at_or_to_is_a_place() {
        let place = EntityType::Place;
        assert_eq!(
            organisations_found(
                "dinner/NN/0/root at/IN/4/case Del/NNP/4/compound Frisco/NNP/1/nmod 's/POS/4/case in/IN/7/case Philadelphia/NNP/1/nmod",
                vec![mention(2, 4, EntityType::Organization), mention(6, 7, place)]
            ),
            vec![("Del Frisco 's".to_string(), place), ("Philadelphia".to_string(), place)]
        );
        assert_eq!(
            organisations_found(
                "we/PRP/2/nsubj went/VBD/0/root to/IN/4/case Kenneally/NNP/2/obl 's/POS/4/case ././2/punct",
                vec![mention(3, 4, EntityType::Person)]
            ),
            vec![("Kenneally 's".to_string(), place)]
        );
        // A known place keeps its possessive out ("fighting near Russia's, and …").
        assert_eq!(
            organisations_found(
                "fighting/NN/0/root near/IN/3/case Russia/NNP/1/nmod 's/POS/3/case ,/,/1/punct",
                vec![mention(2, 3, EntityType::Place)]
            ),
            vec![("Russia".to_string(), EntityType::Place)]
        );
        // A person's full name, and a possessive before a quoted title, stay a person's.
        assert_eq!(
            organisations_found(
                "quotes/NNS/0/root from/IN/4/case Dan/NNP/4/compound Froomkin/NNP/1/nmod 's/POS/4/case ././1/punct",
                vec![mention(2, 4, EntityType::Person)]
            ),
            vec![("Dan Froomkin".to_string(), EntityType::Person)]
        );
        assert_eq!(
            organisations_found(
                "quotes/NNS/0/root from/IN/3/case Froomkin/NNP/1/nmod 's/POS/3/case \"/``/6/punct Briefing/NNP/3/nmod",
                vec![mention(2, 3, EntityType::Person)]
            ),
            vec![("Froomkin".to_string(), EntityType::Person)]
        );
        // A possessive that possesses something, or a name not after a preposition of place.
        for (text, kind) in [
            (
                "troops/NNS/0/root at/IN/5/case Kenneally/NNP/5/nmod:poss 's/POS/3/case border/NN/1/nmod",
                EntityType::Person,
            ),
            (
                "we/PRP/2/nsubj like/VBP/0/root Kenneally/NNP/2/obj 's/POS/3/case ././2/punct",
                EntityType::Person,
            ),
        ] {
            let start = text.split(' ').position(|w| w.starts_with("Kenneally")).unwrap();
            assert_eq!(
                organisations_found(text, vec![mention(start, start + 1, kind)]),
                vec![("Kenneally".to_string(), kind)],
                "{text}"
            );
        }
    }

    #[test]
    fn a_town_run_into_its_state_is_two_places() {
        let split = |text: &str| {
            let toks = tokens(text);
            let m = mention(1, toks.len() - 1, EntityType::Place);
            places_named(&toks, vec![m])
        };
        assert_eq!(
            split("in Miramar California ."),
            vec!["Miramar", "California"]
        );
        assert_eq!(
            split("in Kansas City Missouri ."),
            vec!["Kansas City", "Missouri"]
        );
        // Whole names, qualified regions and names with lowercase words stay one place.
        assert_eq!(split("in North Carolina ."), vec!["North Carolina"]);
        assert_eq!(split("in Baja California ."), vec!["Baja California"]);
        assert_eq!(
            split("in Tijuana Baja California ."),
            vec!["Tijuana Baja California"]
        );
        assert_eq!(
            split("in Santa Fe New Mexico ."),
            vec!["Santa Fe", "New Mexico"]
        );
        assert_eq!(split("in Gulf of Mexico ."), vec!["Gulf of Mexico"]);
    }

    #[test]
    fn an_unlabelled_country_standing_alone_is_a_place() {
        let found = |text: &str| named(&tokens(text), vec![]);
        assert_eq!(
            found("we ventured into Cuba then"),
            vec![("Cuba".to_string(), EntityType::Place)]
        );
        assert_eq!(
            found("exports from North Korea rose"),
            vec![("North Korea".to_string(), EntityType::Place)]
        );
        // Beside another capitalised word it may be part of another name; a city says less.
        assert!(found("Cuba Gooding won").is_empty());
        assert!(found("we stayed in Springfield").is_empty());
    }

    #[test]
    fn a_lowercase_place_after_a_preposition_of_place_is_a_place() {
        let places = |text: &str| places_named(&tokens(text), vec![]);
        assert_eq!(places("we flew to florida last week"), vec!["florida"]);
        assert_eq!(
            places("is it safe travelling from lagos by bus"),
            vec!["lagos"]
        );
        assert_eq!(places("cheap hotels near new delhi ?"), vec!["new delhi"]);
        // Not after a preposition of place; a name that is also a common word.
        assert!(places("i love florida").is_empty());
        assert!(places("roast turkey in turkey").is_empty());
        assert!(places("she was reading in reading").is_empty());
        assert!(places("how to split a log").is_empty());
    }
}
