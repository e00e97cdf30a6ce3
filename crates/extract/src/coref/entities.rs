//! The document's entities: the recogniser's mentions, clustered one cluster per entity (full
//! names first, then short forms and acronyms), with the gender titles tell.
//!
//! - **short forms**: a one-word person name ("Putin", "President Putin") joins the person whose
//!   full name starts or ends with that word; an acronym ("KCNA") joins the multi-word name whose
//!   initials it is, or that it follows in parentheses ("Korean Central News Agency (KCNA)").
//!   When several full names fit ("Kim" with Kim Jong Un and Kim Tok Hun), the one introduced
//!   first wins only if it is also mentioned most so far (salient); else the short form stays
//!   alone. A place without its head word ("Vostochny") joins the place named with it
//!   ("Vostochny Cosmodrome") unless the gazetteer knows it as a place of its own; the short
//!   keys are kg-model's [`names`], as in the graph's cross-document resolution.
//! - **an organisation's short form**: a name of one or two words that begins a longer
//!   organisation name of the document ("Kestrel" for "Kestrel Bank", "Aegean Star" for "Aegean
//!   Star Shipping") joins it, whatever type the recogniser gave the short form, unless the
//!   gazetteer knows the short form as a place ("Kenya" is no short form of "Kenya Airways") or it
//!   is a title or a place's head word. Only within a document: across documents a lone first
//!   word names too many companies, so kg-model's [`names`] keys (which the graph's resolution
//!   uses) leave it out. An acronym in brackets right after a name ("(JNE)") is that name's, even
//!   when its letters are in another order (a translated name).
//! - **names that refer to another**: a mention whose `refers_to` the recogniser set clusters
//!   under that name, so "Charles" joins "King Charles III" (a monarch or pope is named with the
//!   title).

use crate::doc::{Document, EntityType};
use crate::mentions::{title_word, Mentions, NameMention};
use crate::names::{self, ShortKey};

/// Titles before a man's name, which say his gender (some are honorifics that say nothing
/// about a role).
const MALE_TITLES: &[&str] = &[
    "mr",
    "sir",
    "king",
    "prince",
    "lord",
    "duke",
    "emperor",
    "spokesman",
    "chairman",
    "congressman",
    "father",
    "brother",
    "sultan",
    "sheikh",
    "emir",
];

/// Titles before a woman's name, which say her gender.
const FEMALE_TITLES: &[&str] = &[
    "mrs",
    "ms",
    "miss",
    "madam",
    "madame",
    "dame",
    "queen",
    "princess",
    "lady",
    "duchess",
    "empress",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "sister",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

/// A mention of a name with the cluster it joined; it reads as the mention.
#[derive(Clone, Debug)]
pub(super) struct Mention {
    mention: NameMention,
    pub(super) cluster: usize,
}

impl std::ops::Deref for Mention {
    type Target = NameMention;

    fn deref(&self) -> &NameMention {
        &self.mention
    }
}

/// One entity of the document.
#[derive(Clone, Debug)]
pub(super) struct Cluster {
    pub(super) name: String,
    pub(super) votes: [usize; 4],
    /// Type of the mention that gave the name, for ties.
    pub(super) name_kind: EntityType,
    pub(super) gender: Option<Gender>,
    /// Mentions so far, for salience.
    pub(super) mentions: usize,
    /// Where its mentions are (sentence, token), sorted: how many come before a point is a
    /// binary search, not a scan of the document's mentions.
    pub(super) positions: Vec<(usize, usize)>,
    /// Position of the first mention (sentence, token).
    pub(super) first: (usize, usize),
    /// Roles: role words ("leader"), and the organisation or country's name when given.
    pub(super) roles: Vec<(String, Option<String>)>,
    /// What the text says it is, as head nouns ("club" for "Portuguese club Mondego FC",
    /// "trader" for "the trader, Jade Harbour Resources"): for "the club", "the trader".
    pub(super) categories: Vec<String>,
}

impl Cluster {
    pub(super) fn kind(&self) -> EntityType {
        let kinds = [
            EntityType::Person,
            EntityType::Organization,
            EntityType::Place,
            EntityType::Other,
        ];
        let best = *self.votes.iter().max().unwrap_or(&0);
        if self.votes[index_of(self.name_kind)] == best {
            return self.name_kind;
        }
        kinds
            .into_iter()
            .find(|k| self.votes[index_of(*k)] == best)
            .unwrap_or(self.name_kind)
    }
}

fn index_of(kind: EntityType) -> usize {
    match kind {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Place => 2,
        EntityType::Other => 3,
    }
}

/// The document's entities: clusters and the mentions in them.
pub(super) struct Entities<'a> {
    pub(super) document: &'a Document,
    pub(super) mentions: Vec<Mention>,
    pub(super) clusters: Vec<Cluster>,
    /// Cluster by folded full name.
    pub(super) by_key: std::collections::HashMap<String, usize>,
    /// Clusters named explicitly by a parenthetical acronym ("(KCNA)").
    pub(super) by_parenthetical: std::collections::HashMap<String, usize>,
    /// Clusters of several words by each short key of their name ([`names::short_keys`]), in
    /// cluster order: the candidates of a short name, found without testing every cluster (a
    /// document naming thousands of people made that quadratic). Built once the full names are
    /// clustered; clusters of several words are neither added nor renamed after that, since only
    /// short (one-word) names are clustered later.
    pub(super) by_short_key: std::collections::HashMap<ShortKey, Vec<usize>>,
    /// Organisation clusters of several words by each of their short forms ([`org_stems`]).
    pub(super) by_org_stem: std::collections::HashMap<String, Vec<usize>>,
}

/// The short forms an organisation's name may be written as: the folded keys of its first one or
/// two words, when more words follow and the short form does not end in a function word ("Bank
/// of Ghana" has none: "Bank of" is no name).
fn org_stems(name: &str) -> Vec<String> {
    // Words as written: "NASA-sponsored" is one word, not NASA's longer name.
    if name.split_whitespace().count() < 2 {
        return Vec::new();
    }
    let w = names::words(name);
    (1..w.len().min(3))
        .filter(|&n| {
            !matches!(
                w[n - 1].as_str(),
                "of" | "and" | "the" | "for" | "de" | "la"
            )
        })
        .map(|n| w[..n].join("_"))
        .collect()
}

/// Whether `name` may be an organisation's short form: not a known place, a title or a place's
/// head word ("Bank", "Port").
fn may_be_org_stem(name: &str, kind: Option<EntityType>) -> bool {
    let w = names::words(name);
    let lexicon = names::lexicon();
    // "Melinda" taken for a person is Melinda, not the Melinda Gates Foundation; an unknown
    // word the recogniser took for a person ("Selatan") may be a company's.
    let person = kind == Some(EntityType::Person)
        && w.iter()
            .any(|x| kg_nlp::gazetteer::gazetteer().is_person_name(x));
    (1..=2).contains(&w.len())
        && !person
        && !lexicon.is_place(name)
        && !w
            .iter()
            .any(|x| lexicon.is_title(x) || lexicon.is_place_head(x))
}

/// Whether a name of type `kind` may be an organisation's, whose short forms are its first words:
/// one the recogniser called an organisation, or a name it took for a place or thing that no
/// gazetteer knows as a place ("Selatan Mobile", "Mondego FC"), whose last word is no place's
/// head word ("Hoang Lien National Park").
fn may_be_organisation(name: &str, kind: EntityType) -> bool {
    let lexicon = names::lexicon();
    match kind {
        EntityType::Organization => true,
        EntityType::Person => false,
        EntityType::Place | EntityType::Other => {
            !lexicon.is_place(name)
                && names::words(name)
                    .iter()
                    .all(|w| !lexicon.is_place_head(w) && !lexicon.is_place(w))
        }
    }
}

/// Whether a short name of type `kind` may stand for a longer name the recogniser took for a
/// place or thing ([`may_be_organisation`]): one word that it took for a person, so neither for
/// the place itself nor for an organisation of its own ("VCU" is not "VCU Medical Center").
fn loose_stem(name: &str, kind: EntityType) -> bool {
    kind == EntityType::Person && names::words(name).len() == 1 && may_be_org_stem(name, Some(kind))
}

/// An acronym's letters, folded and sorted: "JNE" and "NJE" are one key.
fn sorted_letters(acronym: &str) -> String {
    let mut letters: Vec<char> = names::acronym_key(acronym).chars().collect();
    letters.sort_unstable();
    letters.into_iter().collect()
}

impl<'a> Entities<'a> {
    /// Clusters `mentions`, the mentions of `document`: an entity's mentions keep their index.
    pub(super) fn new(document: &'a Document, mentions: &Mentions) -> Entities<'a> {
        let mut e = Entities {
            document,
            mentions: Vec::new(),
            clusters: Vec::new(),
            by_key: Default::default(),
            by_parenthetical: Default::default(),
            by_short_key: Default::default(),
            by_org_stem: Default::default(),
        };
        e.collect(mentions);
        e
    }

    /// Gathers mentions, then clusters full names first and short forms after them.
    fn collect(&mut self, mentions: &Mentions) {
        let document = self.document;
        let mut raw: Vec<Mention> = mentions
            .as_slice()
            .iter()
            .map(|m| Mention {
                mention: m.clone(),
                cluster: usize::MAX,
            })
            .collect();
        // Full names: anything that is not a short form of another name of the document.
        let long_keys: std::collections::HashSet<ShortKey> = raw
            .iter()
            .flat_map(|m| names::short_keys(&m.name, Some(m.kind)))
            .collect();
        let stems: std::collections::HashSet<String> = raw
            .iter()
            .filter(|m| m.kind == EntityType::Organization)
            .flat_map(|m| org_stems(&m.name))
            .collect();
        let loose_stems: std::collections::HashSet<String> = raw
            .iter()
            .filter(|m| may_be_organisation(&m.name, m.kind))
            .flat_map(|m| org_stems(&m.name))
            .collect();
        // The initials of each name, in any order, by where the name ends.
        let ends: std::collections::HashMap<(usize, usize), String> = raw
            .iter()
            .filter_map(|m| {
                Some((
                    (m.sentence, m.end),
                    sorted_letters(&names::acronym(&m.name)?),
                ))
            })
            .collect();
        // "National Jury of Elections (JNE)": acronyms in brackets right after the name they are
        // the initials of, by their letters in any order.
        let bracketed: std::collections::HashSet<String> = raw
            .iter()
            .filter(|m| {
                let tokens = &document.sentences[m.sentence].tokens;
                names::is_acronym(&m.name)
                    && m.start >= 2
                    && tokens[m.start - 1].form == "("
                    && tokens.get(m.end).is_some_and(|t| t.form == ")")
                    && ends.get(&(m.sentence, m.start - 1)) == Some(&sorted_letters(&m.name))
            })
            .map(|m| sorted_letters(&m.name))
            .collect();
        let is_short = |m: &Mention| {
            ((names::words(&m.name).len() == 1 || names::hyphenated(&m.name))
                && names::lookup_key(&m.name, Some(m.kind)).is_some_and(|k| long_keys.contains(&k)))
                || (names::is_acronym(&m.name) && bracketed.contains(&sorted_letters(&m.name)))
                || (may_be_org_stem(&m.name, Some(m.kind)) && stems.contains(&names::key(&m.name)))
                || (loose_stem(&m.name, m.kind) && loose_stems.contains(&names::key(&m.name)))
        };
        for m in raw.iter_mut() {
            if !is_short(m) {
                m.cluster = self.cluster_for_full(m);
            }
        }
        // Parenthetical acronyms: "Korean Central News Agency (KCNA)".
        for m in raw.iter().filter(|m| m.cluster != usize::MAX) {
            let tokens = &document.sentences[m.sentence].tokens;
            if let (Some(open), Some(acr), Some(close)) = (
                tokens.get(m.end),
                tokens.get(m.end + 1),
                tokens.get(m.end + 2),
            ) {
                if open.form == "(" && close.form == ")" && names::is_acronym(&acr.form) {
                    // Its letters, in any order: a translated name's acronym keeps the
                    // original's order.
                    self.by_parenthetical
                        .entry(sorted_letters(&acr.form))
                        .or_insert(m.cluster);
                }
            }
        }
        for (c, cluster) in self.clusters.iter().enumerate() {
            if may_be_organisation(&cluster.name, cluster.name_kind) {
                for stem in org_stems(&cluster.name) {
                    self.by_org_stem.entry(stem).or_default().push(c);
                }
            }
            if names::words(&cluster.name).len() > 1 {
                for key in names::short_keys(&cluster.name, Some(cluster.name_kind)) {
                    let clusters = self.by_short_key.entry(key).or_default();
                    if clusters.last() != Some(&c) {
                        clusters.push(c);
                    }
                }
            }
        }
        for mut m in raw {
            if m.cluster == usize::MAX {
                m.cluster = self
                    .antecedent_of_name(&m.name, Some(m.kind), (m.sentence, m.start))
                    .unwrap_or_else(|| self.cluster_for_full(&m));
            }
            let c = &mut self.clusters[m.cluster];
            c.votes[index_of(m.kind)] += 1;
            c.mentions += 1;
            let at = (m.sentence, m.start);
            c.positions
                .insert(c.positions.partition_point(|p| *p <= at), at);
            self.mentions.push(m);
        }
        self.gender_from_first_names();
        self.gender_from_titles();
    }

    fn cluster_for_full(&mut self, m: &Mention) -> usize {
        let key = names::key(&m.name);
        if let Some(&c) = self.by_key.get(&key) {
            // A longer spelling of the same key keeps the first one.
            return c;
        }
        // An acronym-named cluster met earlier ("KCNA … Korean Central News Agency") is the
        // same entity: rename it to the full name.
        if let Some(acr) = names::acronym(&m.name) {
            if names::words(&m.name).len() >= 2 && m.kind != EntityType::Person {
                if let Some(&c) = self.by_key.get(&acr) {
                    if names::is_acronym(&self.clusters[c].name) {
                        self.clusters[c].name = m.name.clone();
                        self.clusters[c].name_kind = m.kind;
                        self.by_key.insert(key, c);
                        return c;
                    }
                }
            }
        }
        let c = self.clusters.len();
        self.clusters.push(Cluster {
            name: m.name.clone(),
            votes: [0; 4],
            name_kind: m.kind,
            gender: None,
            mentions: 0,
            first: (m.sentence, m.start),
            roles: Vec::new(),
            categories: Vec::new(),
            positions: Vec::new(),
        });
        self.by_key.insert(key, c);
        c
    }

    /// The cluster a short name at `at` refers to: an explicit parenthetical, else the one full
    /// name it fits, else the salient one among several.
    pub(super) fn antecedent_of_name(
        &self,
        name: &str,
        kind: Option<EntityType>,
        at: (usize, usize),
    ) -> Option<usize> {
        if let Some(&c) = self.by_key.get(&names::key(name)) {
            if names::words(&self.clusters[c].name).len() > 1 || !names::is_acronym(name) {
                return Some(c);
            }
        }
        let key = names::lookup_key(name, kind);
        if let Some(ShortKey::Acronym(_)) = &key {
            if let Some(&c) = self.by_parenthetical.get(&sorted_letters(name)) {
                return Some(c);
            }
        }
        let mut candidates: Vec<usize> = key
            .iter()
            .flat_map(|key| {
                self.by_short_key
                    .get(key)
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&c| names::compatible(key, Some(self.clusters[c].name_kind)))
            })
            .collect();
        if candidates.is_empty() && may_be_org_stem(name, kind) {
            candidates = self
                .by_org_stem
                .get(&names::key(name))
                .cloned()
                .unwrap_or_default();
            // Of a name the recogniser did not call an organisation, only a one-word short form
            // it called a person: "Selatan" of "Selatan Mobile", not "Saratoga" of "Saratoga
            // Springs".
            candidates.retain(|&c| {
                self.clusters[c].name_kind == EntityType::Organization
                    || kind.is_some_and(|k| loose_stem(name, k))
            });
        }
        self.pick(&candidates, at)
    }

    /// The one candidate cluster; among several, the one introduced before `at` alone, or the
    /// salient one.
    fn pick(&self, candidates: &[usize], at: (usize, usize)) -> Option<usize> {
        match candidates {
            [] => None,
            [c] => Some(*c),
            _ => {
                let before: Vec<usize> = candidates
                    .iter()
                    .copied()
                    .filter(|&c| self.clusters[c].first < at)
                    .collect();
                match before.as_slice() {
                    [c] => Some(*c),
                    [] => None,
                    _ => {
                        // Salient: introduced first and mentioned more than every other so far.
                        let first = *before.iter().min_by_key(|&&c| self.clusters[c].first)?;
                        let count =
                            |c: usize| self.clusters[c].positions.partition_point(|p| *p < at);
                        let n = count(first);
                        before
                            .iter()
                            .all(|&c| c == first || count(c) < n)
                            .then_some(first)
                    }
                }
            }
        }
    }

    /// A person named by a first name given (almost) only to one sex ("Bill Bryson", "Maria
    /// Lopez") has that gender, unless a title says otherwise (titles are read after this).
    fn gender_from_first_names(&mut self) {
        for m in &self.mentions {
            if m.kind != EntityType::Person || m.cluster == usize::MAX {
                continue;
            }
            let words: Vec<&str> = m.name.split_whitespace().collect();
            if words.len() < 2 {
                continue;
            }
            let gender = match kg_nlp::gazetteer::gazetteer().first_name_is_male(words[0]) {
                Some(true) => Gender::Male,
                Some(false) => Gender::Female,
                None => continue,
            };
            let cluster = &mut self.clusters[m.cluster];
            if cluster.gender.is_none() {
                cluster.gender = Some(gender);
            }
        }
    }

    fn gender_from_titles(&mut self) {
        for m in &self.mentions {
            if m.kind != EntityType::Person || m.start == 0 {
                continue;
            }
            let word = title_word(&self.document.sentences[m.sentence].tokens[m.start - 1]);
            let gender = if MALE_TITLES.contains(&word.as_str()) {
                Some(Gender::Male)
            } else if FEMALE_TITLES.contains(&word.as_str()) {
                Some(Gender::Female)
            } else {
                None
            };
            if gender.is_some() {
                self.clusters[m.cluster].gender = gender;
            }
        }
    }

    /// The mentions of sentences `first..=last`. Mentions are kept in reading order, so this is
    /// a slice found by binary search: the rules that look for a mention near another would
    /// otherwise scan every mention of the document each time (quadratic on a long document).
    pub(super) fn in_sentences(&self, first: usize, last: usize) -> &[Mention] {
        let from = self.mentions.partition_point(|m| m.sentence < first);
        let to = self.mentions.partition_point(|m| m.sentence <= last);
        &self.mentions[from..to.max(from)]
    }

    pub(super) fn mention_at(
        &self,
        sentence: usize,
        span: (usize, usize),
        key: &str,
    ) -> Option<usize> {
        let in_span = |m: &&Mention| {
            m.sentence == sentence && m.start >= span.0 && m.end <= span.1.max(span.0 + 1)
        };
        self.in_sentences(sentence, sentence)
            .iter()
            .filter(in_span)
            .find(|m| names::key(&m.name) == key)
            .map(|m| m.cluster)
    }
}
