//! Within-document coreference: one name per entity in a document's statements, and role facts.
//!
//! Runs on an annotated [`Document`] and the extractor's statements ([`Coref::apply`], the last
//! step of [`crate::pipeline::Pipeline::extract`]). The recogniser's mentions are grouped into
//! one cluster per entity, and every argument that denotes a cluster member gets the cluster's
//! full name (the name as written is kept in [`Argument::alias`]):
//!
//! - **short forms**: a one-word person name ("Putin", "President Putin") joins the person whose
//!   full name starts or ends with that word; an acronym ("KCNA") joins the multi-word name whose
//!   initials it is, or that it follows in parentheses ("Korean Central News Agency (KCNA)").
//!   When several full names fit ("Kim" with Kim Jong Un and Kim Tok Hun), the one introduced
//!   first wins only if it is also mentioned most so far (salient); else the short form stays
//!   alone.
//! - **pronouns** (he, she, it, they and their other cases): the nearest compatible antecedent,
//!   walking back from the pronoun to at most two sentences before it, where compatible means
//!   person for he/she (and not of the other gender, when titles or earlier pronouns told it),
//!   an organisation, place or other named thing for it, that is the subject of its clause; a
//!   sentence with several compatible candidates resolves only to its one subject. "They" resolves
//!   only to a pair of coordinated names ("Kim and Putin … they"), by repeating the statement for
//!   each. A non-reflexive object pronoun never resolves to its own clause's subject.
//! - **definite descriptions**: "the two leaders" / "both men" to the last coordinated pair, or
//!   the last two who met ("X met Y", "X held talks with Y"); "the French president" / "the
//!   leader" to the one entity with that role (from the role facts below); "the agency" to the
//!   one organisation, place or thing mentioned before whose name is headed by that noun (its
//!   last word, or the word before "of": "the bank" is the Bank of Japan); "the company", "the
//!   carmaker" … to the one organisation named in that sentence or the two before; "the North"
//!   to the one place whose name starts with that compass word.
//!
//! Anything without exactly one good antecedent stays as it was: unresolved arguments remain
//! [`ArgumentKind::Unresolved`] and never become graph nodes.
//!
//! **Role facts**: titles and role words before a person's name or in an apposition after it
//! ("North Korean leader Kim Jong Un", "Lim Soo-suk, South Korea's Foreign Ministry spokesperson")
//! are not part of the name; they become statements with relation lemma `"<role> of"` and the
//! organisation or country as object (Kim Jong Un — leader of — North Korea), or relation `be`
//! with the role as a concept when no organisation is named.

use crate::doc::{CharOffsets, Document, EntityType, Sentence, Token, Upos};
use crate::gazetteer::gazetteer;
use crate::names::{self, ShortKey};
use crate::statement::{Argument, ArgumentKind, Modality, Provenance, Relation, Statement};

/// Whether and how coreference runs; [`Default`] runs it.
#[derive(Clone, Copy, Debug)]
pub struct Coref {
    pub enabled: bool,
}

impl Default for Coref {
    fn default() -> Self {
        Coref { enabled: true }
    }
}

impl Coref {
    /// Resolves the statements of `document` (see the module documentation); a disabled
    /// resolver returns them unchanged.
    pub fn apply(&self, document: &Document, statements: Vec<Statement>) -> Vec<Statement> {
        if self.enabled {
            resolve(document, statements)
        } else {
            statements
        }
    }
}

/// Honorifics: titles that say nothing about a role but may say the gender.
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
/// Titles that are forms of address, not roles.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "sir",
    "dame",
    "lord",
    "lady",
    "dr",
    "doctor",
    "prof",
    "professor",
    "rev",
    "reverend",
    "father",
    "sister",
    "madam",
    "madame",
];
/// Words that modify a role noun before a name ("Vice Premier", "Foreign Minister").
const ROLE_MODIFIERS: &[&str] = &[
    "vice",
    "deputy",
    "acting",
    "interim",
    "senior",
    "top",
    "chief",
    "foreign",
    "defence",
    "defense",
    "finance",
    "interior",
    "cabinet",
    "first",
    "supreme",
    "state",
    "assistant",
    "executive",
    "military",
    "party",
    "official",
    "prime",
];
const COMPASS: &[&str] = &["North", "South", "East", "West"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// One recognised mention of a name.
#[derive(Clone, Debug)]
struct Mention {
    sentence: usize,
    start: usize,
    end: usize,
    kind: EntityType,
    name: String,
    /// A nationality adjective ("North Korean"): names a country, never a pronoun's antecedent.
    demonym: bool,
    /// Some token of the mention is a clause subject.
    subject: bool,
    cluster: usize,
}

/// One entity of the document.
#[derive(Clone, Debug)]
struct Cluster {
    name: String,
    votes: [usize; 4],
    /// Type of the mention that gave the name, for ties.
    name_kind: EntityType,
    gender: Option<Gender>,
    /// Mentions so far, for salience.
    mentions: usize,
    /// Position of the first mention (sentence, token).
    first: (usize, usize),
    /// Roles: role words ("leader"), and the organisation or country's name when given.
    roles: Vec<(String, Option<String>)>,
}

impl Cluster {
    fn kind(&self) -> EntityType {
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
struct Entities<'a> {
    document: &'a Document,
    mentions: Vec<Mention>,
    clusters: Vec<Cluster>,
    /// Cluster by folded full name.
    by_key: std::collections::HashMap<String, usize>,
    /// Clusters named explicitly by a parenthetical acronym ("(KCNA)").
    by_parenthetical: std::collections::HashMap<String, usize>,
    /// Clusters of several words by each short key of their name ([`names::short_keys`]), in
    /// cluster order: the candidates of a short name, found without testing every cluster (a
    /// document naming thousands of people made that quadratic). Built once the full names are
    /// clustered; clusters of several words are neither added nor renamed after that, since only
    /// short (one-word) names are clustered later.
    by_short_key: std::collections::HashMap<ShortKey, Vec<usize>>,
}

fn text_of(document: &Document, tokens: &[Token]) -> String {
    match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => document.text[a.start..b.end].to_owned(),
        _ => String::new(),
    }
}

fn lower(t: &Token) -> String {
    t.form.to_lowercase()
}

fn title_word(t: &Token) -> String {
    let f = t.form.to_lowercase();
    f.strip_suffix('.').map(str::to_owned).unwrap_or(f)
}

impl<'a> Entities<'a> {
    fn new(document: &'a Document) -> Entities<'a> {
        let mut e = Entities {
            document,
            mentions: Vec::new(),
            clusters: Vec::new(),
            by_key: Default::default(),
            by_parenthetical: Default::default(),
            by_short_key: Default::default(),
        };
        e.collect();
        e
    }

    /// Gathers mentions, then clusters full names first and short forms after them.
    fn collect(&mut self) {
        let document = self.document;
        let mut raw = Vec::new();
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
                    .any(|t| t.deprel.starts_with("nsubj"));
                raw.push(Mention {
                    sentence: si,
                    start: m.start,
                    end: m.end,
                    kind,
                    name,
                    demonym,
                    subject,
                    cluster: usize::MAX,
                });
            }
        }
        // Full names: anything that is not a short form of another name of the document.
        let long_keys: std::collections::HashSet<ShortKey> = raw
            .iter()
            .flat_map(|m| names::short_keys(&m.name, Some(m.kind)))
            .collect();
        let is_short = |m: &Mention| {
            names::words(&m.name).len() == 1
                && names::lookup_key(&m.name, Some(m.kind)).is_some_and(|k| long_keys.contains(&k))
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
                    self.by_parenthetical
                        .entry(names::acronym_key(&acr.form))
                        .or_insert(m.cluster);
                }
            }
        }
        for (c, cluster) in self.clusters.iter().enumerate() {
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
            self.mentions.push(m);
        }
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
        });
        self.by_key.insert(key, c);
        c
    }

    /// The cluster a short name at `at` refers to: an explicit parenthetical, else the one full
    /// name it fits, else the salient one among several.
    fn antecedent_of_name(
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
        let key = names::lookup_key(name, kind)?;
        if let ShortKey::Acronym(a) = &key {
            if let Some(&c) = self.by_parenthetical.get(a) {
                return Some(c);
            }
        }
        let candidates: Vec<usize> = self
            .by_short_key
            .get(&key)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&c| names::compatible(&key, Some(self.clusters[c].name_kind)))
            .collect();
        match candidates.as_slice() {
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
                        let count = |c: usize| {
                            self.mentions
                                .iter()
                                .filter(|m| m.cluster == c && (m.sentence, m.start) < at)
                                .count()
                        };
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

    fn mention_at(&self, sentence: usize, span: (usize, usize), key: &str) -> Option<usize> {
        let in_span = |m: &&Mention| {
            m.sentence == sentence && m.start >= span.0 && m.end <= span.1.max(span.0 + 1)
        };
        self.mentions
            .iter()
            .filter(in_span)
            .find(|m| names::key(&m.name) == key)
            .map(|m| m.cluster)
    }
}

/// The main entry: see the module documentation.
pub fn resolve(document: &Document, statements: Vec<Statement>) -> Vec<Statement> {
    if document.sentences.iter().all(|s| s.mentions.is_empty()) {
        return statements;
    }
    let mut entities = Entities::new(document);
    let roles = role_facts(document, &mut entities);
    let mut out = Vec::with_capacity(statements.len() + roles.len());
    for statement in statements {
        out.extend(resolve_statement(&mut entities, statement));
    }
    // "X be X", "X leader of X": what a misread name or apposition gives, never a fact.
    let vacuous = |s: &Statement| {
        s.object.as_ref().is_some_and(|o| {
            names::key(&o.text) == names::key(&s.subject.text)
                && (s.relation.lemma == "be" || s.relation.lemma.ends_with(" of"))
        })
    };
    out.retain(|s| !vacuous(s));
    for fact in roles {
        if vacuous(&fact) {
            continue;
        }
        let duplicate = out.iter().any(|s| {
            s.provenance.sentence_index == fact.provenance.sentence_index
                && s.relation.lemma == fact.relation.lemma
                && names::key(&s.subject.text) == names::key(&fact.subject.text)
                && s.object.as_ref().map(|o| names::key(&o.text))
                    == fact.object.as_ref().map(|o| names::key(&o.text))
        });
        if !duplicate {
            out.push(fact);
        }
    }
    out
}

/// The statement with its arguments resolved; several when an argument is a pair.
fn resolve_statement(entities: &mut Entities<'_>, mut statement: Statement) -> Vec<Statement> {
    let si = statement.provenance.sentence_index;
    if si >= entities.document.sentences.len() {
        return vec![statement];
    }
    let mut pairs: Vec<(u8, [usize; 2])> = Vec::new();
    let subject_pair = resolve_argument(entities, si, &mut statement.subject);
    if let Some(p) = subject_pair {
        pairs.push((0, p));
    }
    if let Some(object) = &mut statement.object {
        if let Some(p) = resolve_argument(entities, si, object) {
            pairs.push((1, p));
        }
    }
    if let Some(source) = &mut statement.attribution {
        resolve_argument(entities, si, source);
    }
    for q in &mut statement.qualifiers {
        resolve_argument(entities, si, &mut q.value);
    }
    // A pair in one slot: the statement holds for each member.
    let Some((slot, pair)) = pairs.first().copied() else {
        return vec![statement];
    };
    pair.iter()
        .map(|&c| {
            let mut st = statement.clone();
            let arg = if slot == 0 {
                &mut st.subject
            } else {
                st.object.as_mut().expect("object slot")
            };
            set_cluster(entities, arg, c);
            st
        })
        .collect()
}

fn set_cluster(entities: &Entities<'_>, arg: &mut Argument, c: usize) {
    let cluster = &entities.clusters[c];
    let named = matches!(arg.kind, ArgumentKind::Entity(_));
    // The alias is a name as written: never a name an extractor put in for "the two leaders".
    if named
        && names::key(&arg.text) != names::key(&cluster.name)
        && arg.full_text.contains(arg.text.as_str())
    {
        arg.alias = Some(std::mem::take(&mut arg.text));
    }
    arg.text = cluster.name.clone();
    arg.kind = ArgumentKind::Entity(cluster.kind());
}

/// Resolves one argument in place; returns a pair of clusters when the argument denotes two.
fn resolve_argument(
    entities: &mut Entities<'_>,
    si: usize,
    arg: &mut Argument,
) -> Option<[usize; 2]> {
    let document = entities.document;
    let sentence = &document.sentences[si];
    let span = (
        arg.span.0.min(sentence.tokens.len()),
        arg.span.1.min(sentence.tokens.len()),
    );
    match arg.kind.clone() {
        ArgumentKind::Entity(kind) => {
            // "the two leaders" as written is the pair; a name the extractor already put in for
            // one of them ("the meeting of the two leaders": Putin meet Kim) is that one alone.
            let as_written = arg.full_text.contains(arg.text.as_str());
            if let Some(pair) = as_written
                .then(|| pair_description(entities, si, &arg.full_text))
                .flatten()
            {
                return Some(pair);
            }
            if let Some(c) = compass(entities, sentence, arg, span) {
                set_cluster(entities, arg, c);
                return None;
            }
            let key = names::key(&arg.text);
            let c = entities
                .mention_at(si, span, &key)
                .or_else(|| entities.antecedent_of_name(&arg.text, Some(kind), (si, span.0)));
            if let Some(c) = c {
                set_cluster(entities, arg, c);
            }
            None
        }
        ArgumentKind::Unresolved => {
            let (start, end) = span;
            if end != start + 1 {
                return None;
            }
            let pronoun = lower(&sentence.tokens[start]);
            match pronoun_class(&pronoun)? {
                Pronoun::Plural => {
                    let pair = last_pair(entities, si, start, 1)?;
                    Some(pair)
                }
                Pronoun::Thing if pleonastic(&sentence.tokens, start) => None,
                class => {
                    let c = pronoun_antecedent(entities, si, start, class)?;
                    if let Pronoun::Person(Some(g)) = class {
                        entities.clusters[c].gender = Some(g);
                    }
                    set_cluster(entities, arg, c);
                    None
                }
            }
        }
        ArgumentKind::Concept => {
            let tokens = &sentence.tokens[span.0..span.1];
            if tokens.len() < 2 || lower(&tokens[0]) != "the" {
                return None;
            }
            if let Some(pair) = pair_description(entities, si, &arg.full_text) {
                return Some(pair);
            }
            let c = description_antecedent(entities, si, span)?;
            set_cluster(entities, arg, c);
            None
        }
        ArgumentKind::Literal(_) => None,
    }
}

/// "the two leaders", "both men": the last coordinated pair, of people when the noun names
/// people. The phrase is found by the argument's full text (an extractor may already have
/// pointed the argument elsewhere).
fn pair_description(entities: &Entities<'_>, si: usize, full_text: &str) -> Option<[usize; 2]> {
    let wanted: Vec<String> = full_text
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    if !matches!(wanted.first().map(String::as_str), Some("the" | "both")) || wanted.len() > 3 {
        return None;
    }
    let all = &entities.document.sentences[si].tokens;
    let start = (0..all.len()).find(|&i| {
        all.len() >= i + wanted.len()
            && all[i..i + wanted.len()]
                .iter()
                .zip(&wanted)
                .all(|(t, w)| lower(t) == *w)
    })?;
    let span = (start, start + wanted.len());
    let tokens = &all[span.0..span.1];
    let words: Vec<String> = tokens.iter().map(lower).collect();
    let noun = match words
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["the", "two" | "both", noun] | ["both", noun] => noun.to_string(),
        _ => return None,
    };
    if !matches!(tokens.last()?.xpos.as_str(), "NNS" | "NNPS") {
        return None;
    }
    let pair = last_pair(entities, si, span.0, 2)?;
    let lemma = tokens.last()?.lemma.to_lowercase();
    let people = matches!(lemma.as_str(), "man" | "woman" | "people" | "person")
        || gazetteer().is_title(&lemma)
        || noun == "men";
    let kind = entities.clusters[pair[0]].kind();
    (!people || kind == EntityType::Person).then_some(pair)
}

/// "the North": the one place of the document whose name starts with that compass word.
fn compass(
    entities: &Entities<'_>,
    sentence: &Sentence,
    arg: &Argument,
    span: (usize, usize),
) -> Option<usize> {
    if !COMPASS.contains(&arg.text.as_str()) {
        return None;
    }
    let idx = (span.0..span.1).find(|&i| sentence.tokens[i].form == arg.text)?;
    // "the North", "the communist North".
    let mut d = idx;
    while d > 0 && sentence.tokens[d - 1].upos == Upos::Adj {
        d -= 1;
    }
    if d == 0 || lower(&sentence.tokens[d - 1]) != "the" {
        return None;
    }
    let word = arg.text.to_lowercase();
    let places: Vec<usize> = (0..entities.clusters.len())
        .filter(|&c| {
            let cl = &entities.clusters[c];
            let w = names::words(&cl.name);
            cl.kind() == EntityType::Place && w.len() > 1 && w[0] == word
        })
        .collect();
    match places.as_slice() {
        [c] => Some(*c),
        _ => None,
    }
}

/// "It is a chance", "it seems that", "it was reported": an "it" that refers to nothing.
fn pleonastic(tokens: &[Token], at: usize) -> bool {
    let t = &tokens[at];
    if t.deprel.starts_with("expl") {
        return true;
    }
    let Some(head) = t.head.and_then(|h| tokens.get(h)) else {
        return false;
    };
    let copular = tokens.iter().any(|x| x.deprel == "cop" && x.head == t.head);
    // "It takes courage to …" is empty, "it would take a charge" is not: "take" only with a
    // "to" clause of its own.
    let takes_to = head.lemma == "take"
        && tokens.iter().enumerate().any(|(k, x)| {
            x.head == t.head
                && matches!(x.deprel.as_str(), "xcomp" | "csubj" | "ccomp" | "advcl")
                && tokens.iter().any(|m| {
                    m.head == Some(k) && m.deprel == "mark" && m.form.eq_ignore_ascii_case("to")
                })
        });
    copular
        || matches!(
            head.lemma.as_str(),
            "be" | "seem" | "appear" | "happen" | "matter" | "remain" | "report"
        )
        || takes_to
        || t.deprel == "nsubj:pass"
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pronoun {
    Person(Option<Gender>),
    Thing,
    Plural,
}

fn pronoun_class(word: &str) -> Option<Pronoun> {
    Some(match word {
        "he" | "him" | "his" | "himself" => Pronoun::Person(Some(Gender::Male)),
        "she" | "her" | "hers" | "herself" => Pronoun::Person(Some(Gender::Female)),
        "it" | "its" | "itself" => Pronoun::Thing,
        "they" | "them" | "their" | "theirs" | "themselves" => Pronoun::Plural,
        _ => return None,
    })
}

/// The antecedent cluster of a singular pronoun at token `at` of sentence `si`.
fn pronoun_antecedent(
    entities: &Entities<'_>,
    si: usize,
    at: usize,
    class: Pronoun,
) -> Option<usize> {
    let sentence = &entities.document.sentences[si];
    let pronoun = &sentence.tokens[at];
    let reflexive = pronoun.form.to_lowercase().ends_with("self");
    let object_of = (pronoun.deprel.starts_with("obj") || pronoun.deprel == "iobj")
        .then_some(pronoun.head)
        .flatten();
    for back in 0..=2 {
        let Some(s) = si.checked_sub(back) else {
            break;
        };
        let tokens = &entities.document.sentences[s].tokens;
        let mut found: Vec<(usize, bool)> = Vec::new();
        for m in entities
            .mentions
            .iter()
            .filter(|m| m.sentence == s && !m.demonym)
        {
            if s == si && m.end > at {
                continue;
            }
            let cl = &entities.clusters[m.cluster];
            let ok = match class {
                Pronoun::Person(g) => {
                    cl.kind() == EntityType::Person
                        && !(g.is_some() && cl.gender.is_some() && cl.gender != g)
                }
                Pronoun::Thing => cl.kind() != EntityType::Person && m.subject,
                Pronoun::Plural => false,
            };
            // "Kim met him": an object pronoun is not its own clause's subject.
            let same_clause_subject = !reflexive
                && s == si
                && object_of.is_some()
                && (m.start..m.end)
                    .any(|i| tokens[i].deprel.starts_with("nsubj") && tokens[i].head == object_of);
            if ok && !same_clause_subject {
                match found.iter_mut().find(|(c, _)| *c == m.cluster) {
                    Some(f) => f.1 |= m.subject,
                    None => found.push((m.cluster, m.subject)),
                }
            }
        }
        match found.as_slice() {
            [] => continue,
            [(c, _)] => return Some(*c),
            _ => {
                let subjects: Vec<usize> = found.iter().filter(|f| f.1).map(|f| f.0).collect();
                return match subjects.as_slice() {
                    [c] => Some(*c),
                    _ => None,
                };
            }
        }
    }
    None
}

/// The last pair of coordinated names ("X and Y") at or before token `at` of sentence `si`,
/// looking back at most `window` sentences.
fn last_pair(entities: &Entities<'_>, si: usize, at: usize, window: usize) -> Option<[usize; 2]> {
    for back in 0..=window {
        let s = si.checked_sub(back)?;
        let tokens = &entities.document.sentences[s].tokens;
        let ms: Vec<&Mention> = entities
            .mentions
            .iter()
            .filter(|m| m.sentence == s && !m.demonym && (s != si || m.end <= at))
            .collect();
        let mut found = None;
        for w in ms.windows(2) {
            let (a, b) = (w[0], w[1]);
            let joined =
                b.start == a.end + 1 && matches!(lower(&tokens[a.end]).as_str(), "and" | "&");
            // "North Korean leader Kim Jong Un and Russian President Vladimir Putin": titles,
            // adjectives and nationalities between the conjunction and the second name.
            let titled = b.start > a.end + 1
                && lower(&tokens[a.end]) == "and"
                && (a.end + 1..b.start).all(|i| {
                    let t = &tokens[i];
                    gazetteer().is_title(&t.form)
                        || ROLE_MODIFIERS.contains(&title_word(t).as_str())
                        || t.upos == Upos::Adj
                        || entities
                            .mentions
                            .iter()
                            .any(|o| o.sentence == s && o.demonym && o.start <= i && i < o.end)
                });
            let kinds = entities.clusters[a.cluster].kind() == entities.clusters[b.cluster].kind();
            if (joined || titled) && kinds && a.cluster != b.cluster {
                found = Some([a.cluster, b.cluster]);
            }
        }
        // "X met Y", "X held talks with Y": the two who met are a pair too ("… The two leaders
        // agreed …").
        if found.is_none() {
            found = met_pair(entities, tokens, &ms);
        }
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Verbs whose subject and object (or "with" phrase) are two parties meeting.
const MEETING_VERBS: [&str; 7] = [
    "meet", "host", "receive", "welcome", "visit", "talk", "hold",
];

/// The subject and object of a meeting verb among mentions `ms` of one sentence.
fn met_pair(entities: &Entities<'_>, tokens: &[Token], ms: &[&Mention]) -> Option<[usize; 2]> {
    // The mention's word that hangs outside it.
    let head = |m: &Mention| {
        (m.start..m.end).find(|&i| tokens[i].head.is_none_or(|h| h < m.start || h >= m.end))
    };
    for (k, a) in ms.iter().enumerate() {
        let Some(ha) = head(a) else { continue };
        let Some(v) = tokens[ha]
            .head
            .filter(|_| tokens[ha].deprel.starts_with("nsubj"))
        else {
            continue;
        };
        if !MEETING_VERBS.contains(&tokens[v].lemma.as_str()) {
            continue;
        }
        for b in &ms[k + 1..] {
            let Some(hb) = head(b) else { continue };
            // "met Y", or "held talks with Y" (the phrase under the verb or its object).
            let with = tokens
                .iter()
                .any(|t| t.head == Some(hb) && t.deprel == "case" && lower(t) == "with");
            let governed = match tokens[hb].head {
                Some(h) if h == v => tokens[hb].deprel == "obj" || with,
                Some(h) => with && tokens[h].head == Some(v) && tokens[h].deprel == "obj",
                None => false,
            };
            let kinds = entities.clusters[a.cluster].kind() == entities.clusters[b.cluster].kind();
            if governed && kinds && a.cluster != b.cluster {
                return Some([a.cluster, b.cluster]);
            }
        }
    }
    None
}

/// Nouns for a business that news uses for a company it has just named.
const COMPANY_NOUNS: [&str; 21] = [
    "company",
    "firm",
    "giant",
    "carrier",
    "producer",
    "supplier",
    "corporation",
    "carmaker",
    "automaker",
    "lender",
    "insurer",
    "retailer",
    "airline",
    "manufacturer",
    "conglomerate",
    "startup",
    "chipmaker",
    "drugmaker",
    "miner",
    "operator",
    "broadcaster",
];

/// "the French president", "the leader", "the agency": the one earlier entity that fits.
fn description_antecedent(
    entities: &Entities<'_>,
    si: usize,
    span: (usize, usize),
) -> Option<usize> {
    let tokens = &entities.document.sentences[si].tokens[span.0..span.1];
    let head = tokens.last()?;
    if head.xpos == "NNS" || head.xpos == "NNPS" {
        return None;
    }
    let noun = title_word(head);
    let before = |c: usize| entities.clusters[c].first < (si, span.0);
    // "the company", "the Japanese carmaker", "the planemaker": the one organisation named in
    // this sentence before it or in the two before.
    let company = COMPANY_NOUNS.contains(&noun.as_str()) || noun.ends_with("maker");
    if company && tokens.len() <= 3 {
        let mut cands: Vec<usize> = entities
            .mentions
            .iter()
            .filter(|m| m.sentence <= si && m.sentence + 2 >= si)
            .filter(|m| m.sentence < si || m.end <= span.0)
            .map(|m| m.cluster)
            .filter(|&c| entities.clusters[c].kind() == EntityType::Organization)
            .collect();
        cands.sort_unstable();
        cands.dedup();
        return match cands.as_slice() {
            [c] => Some(*c),
            _ => None,
        };
    }
    let g = gazetteer();
    let pick = |cands: Vec<usize>| match cands.as_slice() {
        [c] => Some(*c),
        _ => None,
    };
    if g.is_title(&head.form) && !HONORIFICS.contains(&noun.as_str()) {
        // A country or organisation among the modifiers: "the French president".
        let modifiers: Vec<&str> = tokens[1..tokens.len() - 1]
            .iter()
            .map(|t| t.form.as_str())
            .collect();
        let country = (0..modifiers.len()).find_map(|i| {
            (i + 1..=modifiers.len()).rev().find_map(|j| {
                g.demonym(&modifiers[i..j])
                    .map(|d| d.country.to_owned())
                    .or_else(|| g.place(&modifiers[i..j]).map(|p| p.name.to_owned()))
            })
        });
        let cands = (0..entities.clusters.len())
            .filter(|&c| before(c))
            .filter(|&c| {
                entities.clusters[c].roles.iter().any(|(role, org)| {
                    role.split(' ').next_back() == Some(noun.as_str())
                        && match &country {
                            Some(k) => org.as_deref().map(names::key) == Some(names::key(k)),
                            None => true,
                        }
                })
            })
            .collect();
        return pick(cands);
    }
    if tokens.len() == 2 && matches!(head.upos, Upos::Noun | Upos::Propn) {
        let cands = (0..entities.clusters.len())
            .filter(|&c| before(c))
            .filter(|&c| {
                let cl = &entities.clusters[c];
                let w = names::words(&cl.name);
                // The name's head noun: its last word, or the word before "of" ("the bank" is
                // the Bank of Japan).
                let head = match w.iter().position(|x| x == "of") {
                    Some(k) if k > 0 => &w[k - 1],
                    _ => &w[w.len() - 1],
                };
                cl.kind() != EntityType::Person && w.len() > 1 && *head == noun
            })
            .collect();
        return pick(cands);
    }
    None
}

/// A named organisation or place and its type.
type Named = (String, EntityType);
/// A role phrase's token span `start..end` and the organisation or country it is a role in.
type RoleSpan = (usize, usize, Option<Named>);

/// Role facts from titles before names and appositions after them; remembers each role on its
/// cluster for the definite descriptions.
fn role_facts(document: &Document, entities: &mut Entities<'_>) -> Vec<Statement> {
    let g = gazetteer();
    let mut out = Vec::new();
    let mut roles: Vec<(usize, String, Option<Named>)> = Vec::new();
    let mut offsets = document.char_offsets();
    for m in entities.mentions.iter() {
        if m.kind != EntityType::Person {
            continue;
        }
        let sentence = &document.sentences[m.sentence];
        let t = &sentence.tokens;
        let is_role_word = |tok: &Token| {
            let w = title_word(tok);
            (g.is_title(&tok.form) && !HONORIFICS.contains(&w.as_str()))
                || ROLE_MODIFIERS.contains(&w.as_str())
        };
        let in_other_mention = |i: usize| {
            entities
                .mentions
                .iter()
                .any(|o| o.sentence == m.sentence && o.start <= i && i < o.end)
        };
        let mut found: Option<RoleSpan> = None;
        // Before the name: "[North Korean] [leader] Kim Jong Un".
        let mut k = m.start;
        // A title of several words whose last is no title alone: "[chief executive] Ana Ruiz".
        let long_title =
            long_title_ending_at(t, m.start).filter(|&j| !(j..m.start).any(in_other_mention));
        if let Some(j) = long_title {
            k = j;
        }
        while k > 0 && !in_other_mention(k - 1) && (is_role_word(&t[k - 1]) || joins(t, k - 1)) {
            k -= 1;
        }
        if k < m.start && (long_title.is_some() || is_title_end(&t[m.start - 1])) {
            // The organisation may stand before a word that dates the role and is no part of
            // it: "Argentina's new president Javier Milei".
            let mut o = k;
            while o > 0
                && matches!(
                    lower(&t[o - 1]).as_str(),
                    "new" | "newly" | "elected" | "incoming" | "outgoing" | "current"
                )
            {
                o -= 1;
            }
            let org = organisation_before(entities, m.sentence, o);
            found = Some((k, m.start, org));
        } else if let Some(r) = apposition(entities, m) {
            found = Some(r);
        } else if let Some(r) = role_of_before(entities, m, &is_role_word) {
            found = Some(r);
        }
        let Some((rs, re, org)) = found else {
            continue;
        };
        let role = role_text(&t[rs..re]);
        if role.is_empty() || t[rs..re].iter().any(|x| lower(x) == "former") {
            continue;
        }
        // A role relative to another person is none in an organisation: "her Chinese
        // counterpart Wang Yi" is China's foreign minister, not its counterpart.
        if matches!(
            role.rsplit(' ').next(),
            Some("counterpart" | "successor" | "predecessor")
        ) {
            continue;
        }
        let person = entities.clusters[m.cluster].name.clone();
        roles.push((m.cluster, role.clone(), org.clone()));
        let provenance = provenance(document, m.sentence, &mut offsets);
        let subject = Argument {
            text: person,
            full_text: text_of(document, &t[m.start..m.end]),
            kind: ArgumentKind::Entity(EntityType::Person),
            span: (m.start, m.end),
            alias: None,
        };
        let role_span = (rs, re);
        let (relation, object) = match org {
            Some((name, kind)) => (
                format!("{role} of"),
                Argument {
                    text: name.clone(),
                    full_text: name,
                    kind: ArgumentKind::Entity(kind),
                    span: role_span,
                    alias: None,
                },
            ),
            None => (
                "be".to_owned(),
                Argument {
                    text: role.clone(),
                    full_text: text_of(document, &t[rs..re]),
                    kind: ArgumentKind::Concept,
                    span: role_span,
                    alias: None,
                },
            ),
        };
        out.push(Statement {
            subject,
            relation: Relation {
                text: relation.clone(),
                lemma: relation,
            },
            object: Some(object),
            qualifiers: Vec::new(),
            negated: false,
            modality: Modality::Asserted,
            attribution: None,
            confidence: 0.75,
            provenance,
        });
    }
    for (c, role, org) in roles {
        entities.clusters[c].roles.push((role, org.map(|o| o.0)));
    }
    out
}

/// A hyphen inside a role ("Vice-Premier").
fn joins(t: &[Token], i: usize) -> bool {
    t[i].form == "-" && i > 0 && !t[i - 1].space_after
}

fn is_title_end(t: &Token) -> bool {
    let w = title_word(t);
    gazetteer().is_title(&t.form) && !HONORIFICS.contains(&w.as_str())
}

fn role_text(tokens: &[Token]) -> String {
    tokens
        .iter()
        .filter(|t| t.form != "-")
        .map(title_word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The organisation or country named right before a role (possibly with a possessive):
/// "North Korean [leader]", "South Korea's [spokesperson]".
fn organisation_before(
    entities: &Entities<'_>,
    si: usize,
    at: usize,
) -> Option<(String, EntityType)> {
    let t = &entities.document.sentences[si].tokens;
    let mut end = at;
    if end > 0 && t[end - 1].xpos == "POS" {
        end -= 1;
    }
    entities
        .mentions
        .iter()
        .find(|m| m.sentence == si && m.end == end && m.kind != EntityType::Person)
        .map(|m| {
            let cl = &entities.clusters[m.cluster];
            (cl.name.clone(), cl.kind())
        })
}

/// Where a gazetteer title of several words that ends right before `end` starts ("chief
/// executive", whose last word is no title alone).
fn long_title_ending_at(t: &[Token], end: usize) -> Option<usize> {
    let g = gazetteer();
    (end.saturating_sub(4)..end.saturating_sub(1)).find(|&j| g.title_at(t, j) == Some(end))
}

/// "the prime minister of Norway, Jonas Berg,": a role of a named organisation or place set off
/// before the name; the name must close the apposition (a comma, a full stop or a closing
/// bracket after it).
fn role_of_before(
    entities: &Entities<'_>,
    m: &Mention,
    is_role_word: &dyn Fn(&Token) -> bool,
) -> Option<RoleSpan> {
    let t = &entities.document.sentences[m.sentence].tokens;
    if m.start < 4 || t[m.start - 1].form != "," {
        return None;
    }
    if !matches!(
        t.get(m.end).map(|x| x.form.as_str()),
        Some("," | "." | ")") | None
    ) {
        return None;
    }
    let org = entities.mentions.iter().find(|o| {
        o.sentence == m.sentence && o.end == m.start - 1 && o.kind != EntityType::Person
    })?;
    if org.start < 2 || lower(&t[org.start - 1]) != "of" {
        return None;
    }
    let re = org.start - 1;
    // (A title of several words may end in a word that is none alone: "chief executive".)
    let long_title = long_title_ending_at(t, re);
    let mut rs = long_title.unwrap_or(re);
    while rs > 0 && (is_role_word(&t[rs - 1]) || joins(t, rs - 1)) {
        rs -= 1;
    }
    if rs == re || (long_title.is_none() && !is_title_end(&t[re - 1])) {
        return None;
    }
    let cl = &entities.clusters[org.cluster];
    Some((rs, re, Some((cl.name.clone(), cl.kind()))))
}

/// "Lim Soo-suk, South Korea's Foreign Ministry spokesperson": the role's tokens and the
/// organisation (the last organisation in the phrase, else its country).
fn apposition(entities: &Entities<'_>, m: &Mention) -> Option<RoleSpan> {
    let t = &entities.document.sentences[m.sentence].tokens;
    if t.get(m.end)?.form != "," {
        return None;
    }
    let start = m.end + 1;
    let mut end = start;
    while end < t.len() && !matches!(t[end].form.as_str(), "," | "." | ";" | ")" | ":") {
        if matches!(t[end].upos, Upos::Verb | Upos::Aux) || end - start > 10 {
            return None;
        }
        end += 1;
    }
    if end == start || !is_title_end(&t[end - 1]) {
        return None;
    }
    let mut rs = end - 1;
    let g = gazetteer();
    while rs > start && {
        let w = title_word(&t[rs - 1]);
        (g.is_title(&t[rs - 1].form) || ROLE_MODIFIERS.contains(&w.as_str()))
            && !entities
                .mentions
                .iter()
                .any(|o| o.sentence == m.sentence && o.start < rs && rs - 1 < o.end)
    } {
        rs -= 1;
    }
    let inside: Vec<&Mention> = entities
        .mentions
        .iter()
        .filter(|o| o.sentence == m.sentence && o.start >= start && o.end <= rs)
        .collect();
    let org = inside
        .iter()
        .rev()
        .find(|o| o.kind == EntityType::Organization)
        .or_else(|| inside.iter().rev().find(|o| o.kind == EntityType::Place))
        .map(|o| {
            let cl = &entities.clusters[o.cluster];
            (cl.name.clone(), cl.kind())
        });
    // Only the organisation (a recognised name, or a run of capitalised words the recogniser
    // missed: "Finance Ministry"), determiners and possessives may precede the role.
    let mut i = start;
    let mut unrecognised: Option<(usize, usize)> = None;
    while i < rs {
        if let Some(o) = inside.iter().find(|o| o.start == i) {
            i = o.end;
        } else if matches!(t[i].upos, Upos::Det) || t[i].xpos == "POS" {
            i += 1;
        } else if t[i].form.chars().next().is_some_and(char::is_uppercase)
            && matches!(t[i].upos, Upos::Propn | Upos::Noun | Upos::Adj)
        {
            let run = unrecognised.get_or_insert((i, i));
            if run.1 == i {
                run.1 = i + 1;
            } else {
                *run = (i, i + 1);
            }
            i += 1;
        } else {
            return None;
        }
    }
    let org = match (unrecognised, org) {
        (Some((a, b)), org) if b == rs || org.is_none() => Some((
            text_of(entities.document, &t[a..b]),
            EntityType::Organization,
        )),
        (_, org) => org,
    };
    Some((rs, end, org))
}

fn provenance(document: &Document, index: usize, offsets: &mut CharOffsets<'_>) -> Provenance {
    let s = &document.sentences[index];
    Provenance {
        document_id: document.id.clone(),
        sentence_index: index,
        sentence_start: offsets.at(s.start),
        sentence_end: offsets.at(s.end),
        sentence_text: document.text[s.start..s.end].to_owned(),
    }
}
