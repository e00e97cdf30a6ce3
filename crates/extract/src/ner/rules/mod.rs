//! The recogniser's post-rules: general rules over the model's mentions and the words around
//! them, where the model (learnt from web text) is weak on news. [`POST_RULES`] names them in the
//! order [`apply`] runs them; the files group them by what they recognise.
//!
//! Leading titles, and a nationality before a title, are not part of a person's name ("German
//! Chancellor Olaf Scholz" → "Olaf Scholz"), while a listed name between a title and the name
//! is ("Foreign Minister Wang | Yi"), and a monarch's or pope's given name refers to the titled
//! name ("Pope Francis", "King Charles III": the mention is the name, its `refers_to` the titled
//! name); a possessive `'s` is never part of a mention (it ends it) unless the name is a shop
//! named after its owner after a preposition of place ("dinner at Del Frisco's in
//! Philadelphia", a place); lowercase words before a capitalised name are dropped ("agency
//! Interfax"); a mention never ends inside a hyphenated word (unspaced "Soo-yeon" split by the
//! tokeniser); a span that is exactly a gazetteer country, continent or capital is a place,
//! also when the model left it out and it stands alone ("venture into Cuba"), and a town run
//! into its state is two places ("Miramar California"); places found in the gazetteer get their
//! GeoNames IRI as `external_id` (and `refers_to` when the surface is an alias: "U.S." →
//! "United States"); a listed company (`organisations.tsv`) that acts as a verb's subject or
//! indirect object, or is attached to a title or business noun, is an organisation ("Netflix
//! raised prices", "shares of Nvidia"); a gazetteer place written in lowercase after a
//! preposition of place is a place ("going to baguio"). Demonyms ("North Korean", "Russians")
//! become [`EntityType::Other`](crate::doc::EntityType::Other) mentions (CoNLL's MISC
//! convention: a nationality is not a place) whose `refers_to` is the country and whose
//! `external_id` is the country's IRI.

use crate::doc::{Mention, Token};
use crate::gazetteer::Gazetteer;

mod edges;
mod organisations;
mod places;
mod storms;
mod titles_and_roles;

/// One post-rule: its name, as reports print it, and a pass over a sentence's mentions that
/// mends, retypes, drops or adds some.
pub struct PostRule {
    name: &'static str,
    apply: fn(&[Token], &mut Vec<Mention>, &Gazetteer),
}

impl PostRule {
    pub fn name(&self) -> &'static str {
        self.name
    }
}

/// Every post-rule, in the order [`apply`] runs them: the mentions' edges first, then the
/// person's titles, then the gazetteer's types, then the rules that type or add names from the
/// words around them.
pub const POST_RULES: [PostRule; 19] = [
    PostRule {
        name: "possessive ends a name",
        apply: |tokens, out, _| edges::possessive_ends_the_name(tokens, out),
    },
    PostRule {
        name: "context words before a name",
        apply: |tokens, out, _| edges::context_words_before_a_name(tokens, out),
    },
    PostRule {
        name: "hyphenated words whole",
        apply: |tokens, out, _| edges::hyphenated_words_whole(tokens, out),
    },
    PostRule {
        name: "names cut short inside a place",
        apply: |tokens, out, g| places::names_cut_short_inside_a_place(tokens, out, g),
    },
    PostRule {
        name: "titles before a person's name",
        apply: titles_and_roles::titles_before_a_name,
    },
    PostRule {
        name: "listed names after a title",
        apply: |tokens, out, g| titles_and_roles::listed_names_after_a_title(tokens, out, g),
    },
    PostRule {
        name: "monarchs' titled names",
        apply: |tokens, out, g| titles_and_roles::monarchs_titled_names(tokens, out, g),
    },
    PostRule {
        name: "gazetteer nationalities and places",
        apply: |tokens, out, g| places::gazetteer_types(tokens, out, g),
    },
    PostRule {
        name: "nationalities left unlabelled",
        apply: places::unlabelled_nationalities,
    },
    PostRule {
        name: "roles and head words",
        apply: titles_and_roles::role_and_head_rules,
    },
    PostRule {
        name: "organisation head words",
        apply: organisations::organisation_heads,
    },
    PostRule {
        name: "sports clubs",
        apply: |tokens, out, g| organisations::sports_clubs(tokens, out, g),
    },
    PostRule {
        name: "sports clubs left unlabelled",
        apply: organisations::unlabelled_sports_clubs,
    },
    PostRule {
        name: "listed organisations",
        apply: organisations::listed_organisations,
    },
    PostRule {
        name: "lowercase places",
        apply: places::lowercase_places,
    },
    PostRule {
        name: "shops named after their owners",
        apply: |tokens, out, g| places::named_after_owners(tokens, out, g),
    },
    PostRule {
        name: "countries left unlabelled",
        apply: places::unlabelled_countries,
    },
    PostRule {
        name: "towns run into their state",
        apply: places::split_town_and_state,
    },
    PostRule {
        name: "named storms",
        apply: |tokens, out, _| storms::named_storms(tokens, out),
    },
];

/// The model's `mentions` of a sentence after every post-rule, in order of position.
pub(super) fn apply(tokens: &[Token], mentions: Vec<Mention>, g: &Gazetteer) -> Vec<Mention> {
    let mut out = mentions;
    for rule in &POST_RULES {
        (rule.apply)(tokens, &mut out, g);
    }
    out.sort_by_key(|m| (m.start, m.end));
    out
}

fn is_capitalised(form: &str) -> bool {
    form.chars().next().is_some_and(char::is_uppercase)
}

/// The end of the run of capitalised words starting at `i` (hyphen-joined parts such as
/// "Soo-suk" included), at most five tokens; `i` itself when `tokens[i]` is not capitalised.
fn capitalised_run(tokens: &[Token], i: usize) -> usize {
    let mut end = i;
    while end < tokens.len() && end - i < 5 && is_capitalised(&tokens[end].form) {
        end += 1;
        // "Soo" "-" "suk" written without spaces is one word.
        while end + 1 < tokens.len()
            && tokens[end].form == "-"
            && !tokens[end - 1].space_after
            && !tokens[end].space_after
            && tokens[end + 1].form.chars().all(char::is_alphabetic)
        {
            end += 2;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::organisations::{sports_clubs, unlabelled_sports_clubs};
    use super::places::same_but_accents;
    use super::*;
    use crate::doc::EntityType;
    use crate::gazetteer::gazetteer;
    use crate::ner::labels::mention;
    use apply as post_rules;

    fn tokens(text: &str) -> Vec<Token> {
        text.split(' ')
            .map(|f| Token {
                form: f.to_string(),
                space_after: true,
                ..Token::default()
            })
            .collect()
    }

    #[test]
    fn names_headed_by_an_organisation_word_are_organisations() {
        let kinds = |text: &str, model: Vec<Mention>| -> Vec<(String, EntityType)> {
            let t = tokens(text);
            post_rules(&t, model, gazetteer())
                .into_iter()
                .map(|m| {
                    let w: Vec<&str> = t[m.start..m.end].iter().map(|x| x.form.as_str()).collect();
                    (w.join(" "), m.kind)
                })
                .collect()
        };
        // The model's place inside the name, and the demonym before it, give way.
        assert_eq!(
            kinds(
                "the Nordic Investment Bank cut rates",
                vec![mention(2, 4, EntityType::Place)]
            ),
            [(
                "Nordic Investment Bank".to_string(),
                EntityType::Organization
            )]
        );
        assert_eq!(
            kinds("officials at the Ministry of Fisheries said so", vec![]),
            [(
                "Ministry of Fisheries".to_string(),
                EntityType::Organization
            )]
        );
        assert_eq!(
            kinds("the centre - left Green Alliance won", vec![]),
            [("Green Alliance".to_string(), EntityType::Organization)]
        );
        // A compass word and "Bank" name a region; a headline capitalises every word; a single
        // head word is no name.
        assert_eq!(
            kinds(
                "settlers in the West Bank clashed with police",
                vec![mention(3, 5, EntityType::Place)]
            ),
            [("West Bank".to_string(), EntityType::Place)]
        );
        assert!(kinds("Regional Bank Holds Rates Steady Again", vec![]).is_empty());
        assert!(kinds("the Union said so", vec![]).is_empty());
        // Company heads, over a place the model found inside ("Oslo Motors" is a company).
        assert_eq!(
            kinds(
                "Oslo Motors said it would",
                vec![mention(0, 1, EntityType::Place)]
            ),
            [("Oslo Motors".to_string(), EntityType::Organization)]
        );
        assert_eq!(
            kinds("shares of Fjord Airways fell", vec![]),
            [("Fjord Airways".to_string(), EntityType::Organization)]
        );
    }

    #[test]
    fn a_nationality_and_title_are_stripped_from_person_names() {
        let t = tokens("German Chancellor Olaf Scholz met them");
        let out = post_rules(&t, vec![mention(0, 4, EntityType::Person)], gazetteer());
        let got: Vec<_> = out.iter().map(|m| (m.start, m.end, m.kind)).collect();
        assert_eq!(
            got,
            vec![(0, 1, EntityType::Other), (2, 4, EntityType::Person)]
        );
        // A nationality without a title after it may be part of a name ("Jordan Peterson").
        let t = tokens("German Olaf Scholz met them");
        let out = post_rules(&t, vec![mention(0, 3, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (0, 3));
    }

    #[test]
    fn a_listed_name_between_a_title_and_the_name_is_part_of_it() {
        let t = tokens("Foreign Minister Wang Yi met them");
        let out = post_rules(&t, vec![mention(3, 4, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (2, 4));
        // Not without a title before it, and not a place.
        let t = tokens("the Wang Yi met them");
        let out = post_rules(&t, vec![mention(2, 3, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (2, 3));
        let t = tokens("Minister Paris Yi met them");
        let out = post_rules(&t, vec![mention(2, 3, EntityType::Person)], gazetteer());
        assert_eq!(
            out.iter()
                .find(|m| m.kind == EntityType::Person)
                .map(|m| (m.start, m.end)),
            Some((2, 3))
        );
    }

    #[test]
    fn a_monarch_or_pope_refers_to_the_titled_name() {
        let t = tokens("said Pope Francis today");
        let out = post_rules(&t, vec![mention(2, 3, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (2, 3));
        assert_eq!(out[0].refers_to.as_deref(), Some("Pope Francis"));
        let t = tokens("British King Charles III visited");
        let out = post_rules(&t, vec![mention(1, 4, EntityType::Person)], gazetteer());
        let charles = out.iter().find(|m| m.kind == EntityType::Person).unwrap();
        assert_eq!((charles.start, charles.end), (2, 4));
        assert_eq!(charles.refers_to.as_deref(), Some("King Charles III"));
        // Other titles go with a surname, and a full name needs no title.
        let t = tokens("said President Biden today");
        let out = post_rules(&t, vec![mention(2, 3, EntityType::Person)], gazetteer());
        assert_eq!(out[0].refers_to, None);
        let t = tokens("said Prince Mohammed bin Salman today");
        let out = post_rules(&t, vec![mention(2, 5, EntityType::Person)], gazetteer());
        assert_eq!(out[0].refers_to, None);
    }

    #[test]
    fn titles_are_stripped_from_person_names() {
        let t = tokens("said President Jane Doe today");
        let out = post_rules(&t, vec![mention(1, 4, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (2, 4));
        let t = tokens("Prime Minister Jane Doe resigned");
        let out = post_rules(&t, vec![mention(0, 4, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (2, 4));
        // A title alone is not a person.
        let t = tokens("the President said");
        assert!(post_rules(&t, vec![mention(1, 2, EntityType::Person)], gazetteer()).is_empty());
    }

    #[test]
    fn possessive_is_never_part_of_a_mention() {
        let t = tokens("Norway 's fjords");
        let out = post_rules(&t, vec![mention(0, 2, EntityType::Place)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (0, 1));
        assert_eq!(
            out[0].external_id.as_deref(),
            Some("https://sws.geonames.org/3144096/")
        );
        let t = tokens("the North 's state media");
        let out = post_rules(&t, vec![mention(1, 4, EntityType::Place)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (1, 2));
    }

    #[test]
    fn leading_lowercase_context_words_are_dropped() {
        let t = tokens("the news agency Interfax said");
        let out = post_rules(
            &t,
            vec![mention(2, 4, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!((out[0].start, out[0].end), (3, 4));
        // Name particles stay.
        let t = tokens("leader of al Qaeda");
        let out = post_rules(
            &t,
            vec![mention(2, 4, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!((out[0].start, out[0].end), (2, 4));
        // An all-lowercase mention is left alone.
        let t = tokens("i moved to new jersey");
        let out = post_rules(&t, vec![mention(3, 5, EntityType::Place)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (3, 5));
    }

    #[test]
    fn hyphenated_words_are_not_cut() {
        let mut t = tokens("said Park Soo - yeon today");
        for k in [2, 3] {
            t[k].space_after = false;
        }
        let out = post_rules(&t, vec![mention(1, 3, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (1, 5));
        // Spaced dashes separate.
        let t = tokens("said Park Soo - yeon today");
        let out = post_rules(&t, vec![mention(1, 3, EntityType::Person)], gazetteer());
        assert_eq!((out[0].start, out[0].end), (1, 3));
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
    fn names_ending_in_a_place_head_are_places() {
        let t = tokens("they landed at Keflavik Airport on Monday");
        let out = post_rules(&t, vec![mention(3, 5, EntityType::Person)], gazetteer());
        assert_eq!(out[0].kind, EntityType::Place);
        let t = tokens("rockets rose from Baikonur Cosmodrome again");
        let out = post_rules(
            &t,
            vec![mention(3, 5, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!(out[0].kind, EntityType::Place);
        // A weak head does not decide: the Secretary of State is no place.
        let t = tokens("she joined Manchester City in May");
        let out = post_rules(
            &t,
            vec![mention(2, 4, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!(out[0].kind, EntityType::Organization);
        // A first name and a place-head surname said to hold a role is a person; the same name
        // without the role stays a place.
        for (text, start) in [
            ("the club 's chairman , Victor Hill , said so", 5),
            ("health minister Rosa Park resigned", 2),
            ("Rosa Park , the club 's chairman , said so", 0),
        ] {
            let t = tokens(text);
            let out = post_rules(
                &t,
                vec![mention(start, start + 2, EntityType::Place)],
                gazetteer(),
            );
            assert_eq!(out[0].kind, EntityType::Person, "{text}");
        }
        let t = tokens("the rally was held in Victoria Park on Sunday");
        let out = post_rules(&t, vec![mention(5, 7, EntityType::Place)], gazetteer());
        assert_eq!(out[0].kind, EntityType::Place);
    }

    #[test]
    fn a_name_after_a_title_or_before_a_role_apposition_is_a_person() {
        let mut t = tokens("said spokesperson Ana Mendoza-Ruiz on Friday");
        t[3].form = "Mendoza".into();
        let t = {
            let mut v = t[..4].to_vec();
            v[3].space_after = false;
            let mut dash = v[3].clone();
            dash.form = "-".into();
            let mut ruiz = v[3].clone();
            ruiz.form = "Ruiz".into();
            ruiz.space_after = true;
            v.extend([dash, ruiz]);
            v.extend(tokens("on Friday"));
            v
        };
        let out = post_rules(&t, vec![], gazetteer());
        assert_eq!(
            out.iter()
                .map(|m| (m.start, m.end, m.kind))
                .collect::<Vec<_>>(),
            vec![(2, 6, EntityType::Person)]
        );
        // The role comes after the name, in an apposition.
        let t = tokens("said Tomas Varga , Hungary 's Interior Ministry spokesman .");
        let out = post_rules(&t, vec![], gazetteer());
        assert!(out
            .iter()
            .any(|m| (m.start, m.end, m.kind) == (1, 3, EntityType::Person)));
        // ... and overrides a wrong type from the model.
        let out = post_rules(&t, vec![mention(1, 3, EntityType::Place)], gazetteer());
        assert_eq!(out[0].kind, EntityType::Person);
        // A known place in that position stays a place; an organisation name is not retyped.
        let t = tokens("in Oslo , the Norwegian capital and seat of the prime minister .");
        let out = post_rules(&t, vec![mention(1, 2, EntityType::Place)], gazetteer());
        assert_eq!(out[0].kind, EntityType::Place);
        let t = tokens("the official Xinhua News Agency said");
        let out = post_rules(
            &t,
            vec![mention(2, 5, EntityType::Organization)],
            gazetteer(),
        );
        assert_eq!(out[0].kind, EntityType::Organization);
        // No title, no role: nothing is made up.
        let t = tokens("they met Tomas Varga in Pecs .");
        assert!(post_rules(&t, vec![], gazetteer()).is_empty());
    }

    #[test]
    fn a_name_after_an_organisation_noun_is_an_organisation() {
        let t = tokens("the state news agency Xinhua reported on Monday");
        let out = post_rules(&t, vec![], gazetteer());
        assert_eq!(
            out.iter()
                .map(|m| (m.start, m.end, m.kind))
                .collect::<Vec<_>>(),
            vec![(4, 5, EntityType::Organization)]
        );
        let t = tokens("shares of the carmaker Volvo fell");
        let out = post_rules(&t, vec![], gazetteer());
        assert_eq!(out[0].kind, EntityType::Organization);
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
    fn a_place_with_a_club_word_is_a_sports_club() {
        let g = gazetteer();
        let place = |s, e| mention(s, e, EntityType::Place);
        let person = |s, e| mention(s, e, EntityType::Person);
        for (text, found, club) in [
            // The recogniser's spans: the whole club, the place alone, a person.
            ("Bayern Munich beat Porto .", place(0, 2), (0, 2)),
            ("fans of Manchester United sang", place(2, 3), (2, 4)),
            ("Real Madrid signed him", person(0, 2), (0, 2)),
        ] {
            let toks = tokens(text);
            let mut out = vec![found];
            sports_clubs(&toks, &mut out, g);
            assert_eq!((out[0].start, out[0].end), club, "{text}");
            assert_eq!(out[0].kind, EntityType::Organization, "{text}");
        }
        // Found where the recogniser saw nothing, not where it saw something else.
        let toks = tokens("and Real Madrid signed Leeds United players");
        let mut out = vec![mention(4, 5, EntityType::Person)];
        unlabelled_sports_clubs(&toks, &mut out, g);
        let spans: Vec<_> = out.iter().map(|m| (m.start, m.end, m.kind)).collect();
        assert_eq!(
            spans,
            [(4, 5, EntityType::Person), (1, 3, EntityType::Organization)]
        );
        // A place alone, or "United" before a name, stays as it was.
        for (text, found) in [
            ("they flew to Munich .", place(3, 4)),
            ("the United States said", place(1, 3)),
        ] {
            let toks = tokens(text);
            let mut out = vec![found.clone()];
            sports_clubs(&toks, &mut out, g);
            assert_eq!(out[0], found, "{text}");
        }
    }

    /// Tokens from `form/XPOS/head/deprel` items (heads 1-based, 0 the root), as the tagger
    /// and parser would give them.
    fn analysed(text: &str) -> Vec<Token> {
        text.split(' ')
            .map(|item| {
                let parts: Vec<&str> = item.split('/').collect();
                let head: usize = parts[2].parse().unwrap();
                Token {
                    form: parts[0].to_string(),
                    xpos: parts[1].to_string(),
                    head: head.checked_sub(1),
                    deprel: parts[3].to_string(),
                    space_after: true,
                    ..Token::default()
                }
            })
            .collect()
    }

    /// The post-rules' mentions of `toks` from the model's `model`, as (text, kind).
    fn named(toks: &[Token], model: Vec<Mention>) -> Vec<(String, EntityType)> {
        post_rules(toks, model, gazetteer())
            .into_iter()
            .map(|m| {
                let words: Vec<&str> = toks[m.start..m.end]
                    .iter()
                    .map(|t| t.form.as_str())
                    .collect();
                (words.join(" "), m.kind)
            })
            .collect()
    }

    /// The places among [`named`]'s.
    fn places_named(toks: &[Token], model: Vec<Mention>) -> Vec<String> {
        named(toks, model)
            .into_iter()
            .filter(|(_, k)| *k == EntityType::Place)
            .map(|(w, _)| w)
            .collect()
    }

    fn organisations_found(text: &str, model: Vec<Mention>) -> Vec<(String, EntityType)> {
        named(&analysed(text), model)
    }

    #[test]
    fn a_listed_company_acting_as_a_subject_is_an_organisation() {
        let org = EntityType::Organization;
        // The subject of a verb, and a subject's conjunct.
        assert_eq!(
            organisations_found(
                "Netflix/NNP/2/nsubj raised/VBD/0/root prices/NNS/2/obj ././2/punct",
                vec![]
            ),
            vec![("Netflix".to_string(), org)]
        );
        assert_eq!(
            organisations_found(
                "Pfizer/NNP/4/nsubj and/CC/3/cc Moderna/NNP/1/conj delivered/VBD/0/root doses/NNS/4/obj",
                vec![]
            ),
            vec![("Pfizer".to_string(), org), ("Moderna".to_string(), org)]
        );
        // An indirect object: who is fined, paid or given something.
        assert_eq!(
            organisations_found(
                "regulators/NNS/2/nsubj fined/VBD/0/root Netflix/NNP/2/iobj $/$/2/obj 5/CD/4/nummod",
                vec![]
            ),
            vec![("Netflix".to_string(), org)]
        );
        // A brand named as a product, or not as an actor, is not an organisation.
        for text in [
            "my/PRP$/2/nmod:poss Honda/NNP/3/nsubj broke/VBD/0/root down/RP/3/compound:prt",
            "I/PRP/2/nsubj bought/VBD/0/root an/DT/5/det Apple/NNP/5/compound laptop/NN/2/obj",
            "She/PRP/2/nsubj watched/VBD/0/root Netflix/NNP/2/obj",
            // Inside a longer capitalised name the model did not label.
            "Netflix/NNP/3/nsubj Originals/NNP/1/flat grew/VBD/0/root",
            // One word that is also a surname: the lists cannot tell the singer from the brand.
            "Swift/NNP/2/nsubj arrived/VBD/0/root in/IN/4/case Tokyo/NNP/2/obl",
        ] {
            let found: Vec<_> = organisations_found(text, vec![])
                .into_iter()
                .filter(|(_, k)| *k == org)
                .collect();
            assert!(found.is_empty(), "{text}: {found:?}");
        }
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
    fn a_name_after_a_storm_word_is_the_storms() {
        for (text, start) in [
            ("Hurricane Beryl made landfall", 0),
            ("as Tropical Storm Alberto neared", 1),
        ] {
            let t = tokens(text);
            let name = t
                .iter()
                .position(|x| x.form == "Beryl" || x.form == "Alberto")
                .unwrap();
            let out = post_rules(
                &t,
                vec![mention(name, name + 1, EntityType::Person)],
                gazetteer(),
            );
            assert_eq!(
                out.iter()
                    .map(|m| (m.start, m.end, m.kind))
                    .collect::<Vec<_>>(),
                vec![(start, name + 1, EntityType::Other)],
                "{text}"
            );
        }
        // A storm word inside a name of something else is left alone: no storm word before.
        let t = tokens("Beryl Smith made landfall");
        let out = post_rules(&t, vec![mention(0, 2, EntityType::Person)], gazetteer());
        assert_eq!(out[0].kind, EntityType::Person);
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

    #[test]
    fn a_listed_company_attached_to_a_title_or_business_noun_is_an_organisation() {
        let org = EntityType::Organization;
        for (text, name) in [
            (
                "Shares/NNS/4/nsubj of/IN/3/case Nvidia/NNP/1/nmod rose/VBD/0/root",
                "Nvidia",
            ),
            (
                "a/DT/2/det spokesperson/NN/0/root for/IN/4/case Pfizer/NNP/2/nmod",
                "Pfizer",
            ),
            ("Netflix/NNP/2/compound founder/NN/0/root", "Netflix"),
            (
                "Moderna/NNP/3/nmod:poss 's/POS/1/case shareholders/NNS/4/nsubj voted/VBD/0/root",
                "Moderna",
            ),
            // People named by what they belong to.
            (
                "Greenpeace/NNP/2/compound activists/NNS/3/nsubj climbed/VBD/0/root",
                "Greenpeace",
            ),
        ] {
            assert_eq!(
                organisations_found(text, vec![]),
                vec![(name.to_string(), org)],
                "{text}"
            );
        }
        // A capitalised title is part of a name itself; a noun that is neither title nor
        // business says nothing.
        for text in [
            "the/DT/2/det Secretary/NNP/0/root of/IN/4/case Netflix/NNP/2/nmod",
            "the/DT/3/det Netflix/NNP/3/compound show/NN/0/root",
            // (One activist is no group of members.)
            "the/DT/3/det Greenpeace/NNP/3/compound activist/NN/0/root",
        ] {
            assert_eq!(organisations_found(text, vec![]), vec![], "{text}");
        }
    }

    #[test]
    fn a_name_called_a_company_in_an_apposition_is_an_organisation() {
        let org = EntityType::Organization;
        let per = EntityType::Person;
        // "Volkswagen invested in Zentrix, the electric truck maker." The model's person, and a
        // name the model left out.
        let text = "Volkswagen/NNP/2/nsubj invested/VBD/0/root in/IN/4/case Zentrix/NNP/2/obl \
                    ,/,/4/punct the/DT/9/det electric/JJ/8/amod truck/NN/9/compound \
                    maker/NN/4/appos ././2/punct";
        let toks = analysed(text);
        let found = |model| -> Vec<(String, EntityType)> {
            named(&toks, model)
                .into_iter()
                .filter(|(name, _)| name != "Volkswagen")
                .collect()
        };
        assert_eq!(
            found(vec![mention(3, 4, per)]),
            vec![("Zentrix".to_string(), org)]
        );
        assert_eq!(found(vec![]), vec![("Zentrix".to_string(), org)]);
        // A firm by any descriptor; not a person described by a role in a company.
        let text = "He/PRP/2/nsubj joined/VBD/0/root Kobalt/NNP/2/obj ,/,/3/punct a/DT/7/det \
                    Finnish/JJ/7/amod startup/NN/3/appos";
        assert!(named(&analysed(text), vec![]).contains(&("Kobalt".to_string(), org)));
        let text = "We/PRP/2/nsubj met/VBD/0/root Ilse/NNP/2/obj Varga/NNP/3/flat ,/,/3/punct \
                    the/DT/10/det company/NN/8/nmod:poss 's/POS/7/case chief/JJ/10/amod \
                    executive/NN/3/appos";
        assert_eq!(
            named(&analysed(text), vec![mention(2, 4, per)]),
            vec![("Ilse Varga".to_string(), per)]
        );
    }

    #[test]
    fn a_listed_company_the_model_read_as_a_city_or_person_is_an_organisation_as_a_subject() {
        let org = EntityType::Organization;
        assert_eq!(
            organisations_found(
                "Toyota/NNP/2/nsubj recalled/VBD/0/root cars/NNS/2/obj",
                vec![mention(0, 1, EntityType::Place)]
            ),
            vec![("Toyota".to_string(), org)]
        );
        assert_eq!(
            organisations_found(
                "Goldman/NNP/2/compound Sachs/NNP/3/nsubj raised/VBD/0/root its/PRP$/5/nmod:poss target/NN/3/obj",
                vec![mention(0, 2, EntityType::Person)]
            ),
            vec![("Goldman Sachs".to_string(), org)]
        );
        // As the place of an event, the city stays a city.
        assert_eq!(
            organisations_found(
                "Talks/NNS/3/nsubj were/VBD/3/cop in/IN/4/case Toyota/NNP/0/root",
                vec![mention(3, 4, EntityType::Place)]
            ),
            vec![("Toyota".to_string(), EntityType::Place)]
        );
    }
}
