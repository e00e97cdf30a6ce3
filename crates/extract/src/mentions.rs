//! The document's names as the extractor reads them: the recogniser's mentions in reading order,
//! each with the name it gives (the name it refers to, else the words as written) and the type it
//! names. Role statements ([`crate::roles`]) and coreference ([`crate::coref`]) read this one
//! list, so a role's person and organisation are mentions that coreference knows by the same
//! index ([`EntityNames`]).

use std::ops::Range;

use crate::doc::{Deprel, Document, EntityType, Token};
use crate::names;
use crate::statement::EntityMention;

/// One recognised mention of a name.
#[derive(Clone, Debug)]
pub struct NameMention {
    pub sentence: usize,
    /// Tokens `start..end` of the sentence.
    pub start: usize,
    pub end: usize,
    /// The type it names; a nationality adjective names a place.
    pub kind: EntityType,
    /// The name it refers to, else its words as written.
    pub name: String,
    /// A nationality adjective ("North Korean"): names a country, never a pronoun's antecedent.
    pub demonym: bool,
    /// Some token of the mention is a clause subject.
    pub subject: bool,
}

/// The mentions of a document, in reading order.
#[derive(Clone, Debug, Default)]
pub struct Mentions {
    list: Vec<NameMention>,
}

impl Mentions {
    /// The recognised names of `document`: mentions without words, or whose name folds to
    /// nothing, are left out.
    pub fn of(document: &Document) -> Mentions {
        let mut list = Vec::new();
        for (si, sentence) in document.sentences.iter().enumerate() {
            for m in &sentence.mentions {
                if m.start >= m.end || m.end > sentence.tokens.len() {
                    continue;
                }
                let surface = text_of(document, &sentence.tokens[m.start..m.end]);
                let demonym = m.kind == EntityType::Other
                    && m.refers_to.as_deref().is_some_and(|r| r != surface);
                let name = m.refers_to.clone().unwrap_or(surface);
                if names::key(&name).is_empty() {
                    continue;
                }
                let kind = if demonym { EntityType::Place } else { m.kind };
                let subject = sentence.tokens[m.start..m.end]
                    .iter()
                    .any(|t| t.deprel.is_a(Deprel::Nsubj));
                list.push(NameMention {
                    sentence: si,
                    start: m.start,
                    end: m.end,
                    kind,
                    name,
                    demonym,
                    subject,
                });
            }
        }
        Mentions { list }
    }

    pub fn as_slice(&self) -> &[NameMention] {
        &self.list
    }

    /// Indices of the mentions of sentences `first..=last`. Mentions are kept in reading order,
    /// so this is a range found by binary search: the rules that look for a mention near another
    /// would otherwise scan every mention of the document each time (quadratic on a long
    /// document).
    pub fn indices_in(&self, first: usize, last: usize) -> Range<usize> {
        let from = self.list.partition_point(|m| m.sentence < first);
        let to = self.list.partition_point(|m| m.sentence <= last);
        from..to.max(from)
    }

    /// The mentions of sentences `first..=last` (see [`Mentions::indices_in`]).
    pub fn in_sentences(&self, first: usize, last: usize) -> &[NameMention] {
        &self.list[self.indices_in(first, last)]
    }
}

impl std::ops::Index<usize> for Mentions {
    type Output = NameMention;

    fn index(&self, i: usize) -> &NameMention {
        &self.list[i]
    }
}

/// The entity each mention names, by mention index: its name and type. As written without
/// coreference; coreference gives each mention its cluster's full name and type.
#[derive(Clone, Debug, Default)]
pub struct EntityNames(Vec<(String, EntityType)>);

impl EntityNames {
    /// Each mention names itself.
    pub fn as_written(mentions: &Mentions) -> EntityNames {
        EntityNames(
            mentions
                .as_slice()
                .iter()
                .map(|m| (m.name.clone(), m.kind))
                .collect(),
        )
    }

    pub fn new(names: Vec<(String, EntityType)>) -> EntityNames {
        EntityNames(names)
    }

    /// The name and type of what mention `i` names.
    pub fn of(&self, i: usize) -> (&str, EntityType) {
        let (name, kind) = &self.0[i];
        (name, *kind)
    }
}

/// The mention layer of a document: each recognised person, organisation and place (and each
/// nationality adjective, as its country) with the name of the entity it names in `names`,
/// in reading order. Other named things (events, laws, products) are left out, as are
/// mentions whose entity the names say is of another type.
pub fn entity_mentions(
    document: &Document,
    mentions: &Mentions,
    names: &EntityNames,
) -> Vec<EntityMention> {
    let mut out = Vec::new();
    for (i, m) in mentions.as_slice().iter().enumerate() {
        let (name, kind) = names.of(i);
        if !matches!(
            kind,
            EntityType::Person | EntityType::Organization | EntityType::Place
        ) {
            continue;
        }
        let sentence = &document.sentences[m.sentence];
        let written = text_of(document, &sentence.tokens[m.start..m.end]);
        let external_id = sentence
            .mentions
            .iter()
            .find(|r| r.start == m.start && r.end == m.end)
            .and_then(|r| r.external_id.clone());
        out.push(EntityMention {
            sentence_index: m.sentence,
            span: (m.start, m.end),
            kind,
            name: name.to_owned(),
            alias: (!m.demonym && written != name).then_some(written),
            external_id,
        });
    }
    out
}

/// The document's text from the first to the last of `tokens`.
pub(crate) fn text_of(document: &Document, tokens: &[Token]) -> String {
    match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => document.text[a.start..b.end].to_owned(),
        _ => String::new(),
    }
}

pub(crate) fn lower(t: &Token) -> String {
    t.form.to_lowercase()
}

/// A word as a title: lower case, without an abbreviation's full stop ("Gen." is "gen").
pub(crate) fn title_word(t: &Token) -> String {
    let f = t.form.to_lowercase();
    f.strip_suffix('.').map(str::to_owned).unwrap_or(f)
}

/// Head words of an institution's name, which "the company" does not stand for: the public
/// bodies among the organisation suffixes (`org_suffixes.txt`), and a few more.
pub(crate) const INSTITUTION_HEADS: [&str; 37] = [
    "agency",
    "ministry",
    "department",
    "office",
    "council",
    "committee",
    "commission",
    "party",
    "union",
    "association",
    "federation",
    "foundation",
    "institute",
    "university",
    "college",
    "school",
    "academy",
    "society",
    "organisation",
    "organization",
    "authority",
    "bureau",
    "service",
    "court",
    "parliament",
    "assembly",
    "army",
    "navy",
    "force",
    "forces",
    "police",
    "club",
    "unit",
    "programme",
    "nations",
    "centre",
    "center",
];

/// A name's head word: the word before "of" ("the Bank of Japan", "Indian Institute of
/// Technology Madras"), else its last word.
pub(crate) fn name_head(name: &str) -> String {
    let mut w = names::words(name);
    match w.iter().position(|x| x == "of") {
        Some(k) if k > 0 => w.swap_remove(k - 1),
        _ => w.pop().unwrap_or_default(),
    }
}
