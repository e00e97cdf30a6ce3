//! The recogniser's post-rules: general rules over the model's mentions and the words around
//! them, where the model (learnt from web text) is weak on news. [`POST_RULES`] names them in the
//! order `apply` runs them; the files group them by what they recognise.
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

mod acronyms;
mod edges;
mod organisations;
mod places;
mod storms;
mod titles_and_roles;

/// One post-rule: its name, for reports, and a pass over a sentence's mentions that
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

/// Every post-rule, in the order `apply` runs them: the mentions' edges first, then the
/// person's titles, then the gazetteer's types, then the rules that type or add names from the
/// words around them.
pub const POST_RULES: [PostRule; 27] = [
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
        name: "a place before -based",
        apply: |tokens, out, _| edges::place_before_based(tokens, out),
    },
    PostRule {
        name: "names cut short inside a place",
        apply: |tokens, out, g| places::names_cut_short_inside_a_place(tokens, out, g),
    },
    PostRule {
        name: "titles inside a name",
        apply: titles_and_roles::titles_inside_a_name,
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
        name: "a first name before a place",
        apply: |tokens, out, g| places::first_name_before_a_place(tokens, out, g),
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
        name: "partners' firm names",
        apply: organisations::partners_firm_names,
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
        name: "places named by their kind",
        apply: places::places_named_by_their_kind,
    },
    PostRule {
        name: "towns run into their state",
        apply: places::split_town_and_state,
    },
    PostRule {
        name: "names spelled out by an acronym",
        apply: acronyms::names_spelled_out_by_an_acronym,
    },
    PostRule {
        name: "named storms",
        apply: |tokens, out, _| storms::named_storms(tokens, out),
    },
    PostRule {
        name: "calendar words are no names",
        apply: |tokens, out, _| edges::calendar_words_are_no_names(tokens, out),
    },
    // (Last: the rules before it strip titles and may add the surname as a mention.)
    PostRule {
        name: "quoted nicknames and slashes join a name",
        apply: edges::quoted_nicknames_and_slashes_join_a_name,
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

/// Sentences written out for the post-rules' tests.
#[cfg(test)]
mod notation {
    pub(super) use super::apply as post_rules;
    pub use crate::doc::{EntityType, Mention, Token};
    pub use crate::gazetteer::gazetteer;
    pub(super) use crate::ner::labels::mention;

    pub fn tokens(text: &str) -> Vec<Token> {
        text.split(' ')
            .map(|f| Token {
                form: f.to_string(),
                space_after: true,
                ..Token::default()
            })
            .collect()
    }

    /// Tokens from `form/XPOS/head/deprel` items (heads 1-based, 0 the root), as the tagger
    /// and parser would give them.
    pub fn analysed(text: &str) -> Vec<Token> {
        text.split(' ')
            .map(|item| {
                let parts: Vec<&str> = item.split('/').collect();
                let head: usize = parts[2].parse().unwrap();
                Token {
                    form: parts[0].to_string(),
                    xpos: parts[1].parse().unwrap(),
                    head: head.checked_sub(1),
                    deprel: parts[3].parse().unwrap(),
                    space_after: true,
                    ..Token::default()
                }
            })
            .collect()
    }

    /// The post-rules' mentions of `toks` from the model's `model`, as (text, kind).
    pub fn named(toks: &[Token], model: Vec<Mention>) -> Vec<(String, EntityType)> {
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
    pub fn places_named(toks: &[Token], model: Vec<Mention>) -> Vec<String> {
        named(toks, model)
            .into_iter()
            .filter(|(_, k)| *k == EntityType::Place)
            .map(|(w, _)| w)
            .collect()
    }

    pub fn organisations_found(text: &str, model: Vec<Mention>) -> Vec<(String, EntityType)> {
        named(&analysed(text), model)
    }
}

#[cfg(test)]
mod tests {
    use super::POST_RULES;

    #[test]
    fn every_post_rule_has_a_name_of_its_own() {
        let mut names: Vec<&str> = POST_RULES.iter().map(|r| r.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), POST_RULES.len());
    }
}
