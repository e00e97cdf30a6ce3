//! Within-document coreference: one name per entity in a document's statements.
//!
//! Runs on an annotated [`Document`] and the extractor's statements ([`Coref::apply`], a step
//! of [`crate::Extractor::extract`]). The document's mentions ([`Mentions`]) are grouped
//! into one cluster per entity, short forms and acronyms with their full names (`entities`), and
//! every argument that denotes a cluster member gets the cluster's full name (the name as
//! written is kept in [`Argument::alias`]); pronouns and definite descriptions find their
//! cluster by the rules of `antecedents`, "the leader" by the roles [`crate::roles`] found.
//!
//! Anything without exactly one good antecedent stays as it was: unresolved arguments remain
//! [`ArgumentKind::Unresolved`] and never become graph nodes. Statements that resolution makes
//! vacuous ("X be X", "X leader of X") are dropped.
//!
//! Coreference also tells the role statements ([`crate::roles::add_statements`]) the full name of
//! each mention's entity ([`EntityNames`]); without it they name persons as written.

mod antecedents;
mod entities;

use crate::doc::{Deprel, Document, EntityType, Token, Upos};
use crate::mentions::{lower, text_of, EntityNames, Mentions};
use crate::names;
use crate::roles::{is_vacuous, RoleFact};
use crate::statement::{Argument, ArgumentKind, Statement};
use antecedents::{
    compass, description_antecedent, is_business_noun, last_pair, pair_description, pleonastic,
    pronoun_antecedent, pronoun_class, Pronoun,
};
use entities::Entities;

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
    /// Resolves the statements of `document`, whose mentions are `mentions` and whose persons
    /// have `roles` (see the module documentation); returns them with the entity each mention
    /// names. A disabled resolver returns the statements unchanged and each name as written.
    pub fn apply(
        &self,
        document: &Document,
        mentions: &Mentions,
        roles: &[RoleFact],
        statements: Vec<Statement>,
    ) -> (Vec<Statement>, EntityNames) {
        if self.enabled {
            resolve(document, mentions, roles, statements)
        } else {
            (statements, EntityNames::as_written(mentions))
        }
    }
}

/// The main entry: see the module documentation.
pub fn resolve(
    document: &Document,
    mentions: &Mentions,
    roles: &[RoleFact],
    statements: Vec<Statement>,
) -> (Vec<Statement>, EntityNames) {
    if document.sentences.iter().all(|s| s.mentions.is_empty()) {
        return (statements, EntityNames::as_written(mentions));
    }
    let mut entities = Entities::new(document, mentions);
    let names = EntityNames::new(
        entities
            .mentions
            .iter()
            .map(|m| {
                let cluster = &entities.clusters[m.cluster];
                (cluster.name.clone(), cluster.kind())
            })
            .collect(),
    );
    // Each role on its person's entity, for the definite descriptions ("the leader").
    for fact in roles {
        let organisation = fact
            .organisation
            .as_ref()
            .map(|o| o.named(&names).0.to_owned());
        let cluster = entities.mentions[fact.person].cluster;
        entities.clusters[cluster]
            .roles
            .push((fact.role.clone(), organisation));
    }
    for statement in &statements {
        stated_role(&mut entities, statement);
        stated_category(&mut entities, statement);
    }
    let mut out = Vec::with_capacity(statements.len() + roles.len());
    for statement in statements {
        out.extend(resolve_statement(&mut entities, statement));
    }
    out.retain(|s| !is_vacuous(s));
    (out, names)
}

/// A role a clause states of a named person ("Nigeria's finance minister, Chidi Okafor": Chidi
/// Okafor "finance minister of" Nigeria; Aisha Lawal "be" senator) goes on the person's entity
/// too, as the role facts' roles do, for "the minister".
fn stated_role(entities: &mut Entities<'_>, statement: &Statement) {
    let subject = &statement.subject;
    if subject.kind != ArgumentKind::Entity(EntityType::Person) {
        return;
    }
    let lemma = statement.relation.lemma.as_str();
    let g = kg_nlp::gazetteer::gazetteer();
    let (role, organisation) = match (lemma, &statement.object) {
        ("be", Some(o)) if o.kind == ArgumentKind::Concept => (o.text.to_lowercase(), None),
        (_, o) => {
            let role = lemma.strip_suffix(" of").unwrap_or(lemma).to_owned();
            let organisation = o
                .as_ref()
                .filter(|o| matches!(o.kind, ArgumentKind::Entity(_)))
                .map(|o| o.text.clone());
            (role, organisation)
        }
    };
    if !role
        .split(' ')
        .next_back()
        .is_some_and(|w| g.is_title(w) && !w.is_empty())
    {
        return;
    }
    let si = statement.provenance.sentence_index;
    if si >= entities.document.sentences.len() {
        return;
    }
    let at = (si, subject.span.0);
    let c = entities
        .mention_at(si, subject.span, &names::key(&subject.text))
        .or_else(|| entities.antecedent_of_name(&subject.text, Some(EntityType::Person), at));
    if let Some(c) = c {
        entities.clusters[c].roles.push((role, organisation));
    }
}

/// What a `be` statement says a named entity is ("Colombian winger Santiago Ortega": Santiago
/// Ortega "be" Colombian winger; "the trader, Jade Harbour Resources") goes on its entity as a
/// category, for "the winger", "the trader".
fn stated_category(entities: &mut Entities<'_>, statement: &Statement) {
    let subject = &statement.subject;
    let ArgumentKind::Entity(kind) = subject.kind else {
        return;
    };
    if statement.relation.lemma != "be" || statement.negated {
        return;
    }
    let Some(object) = statement
        .object
        .as_ref()
        .filter(|o| o.kind == ArgumentKind::Concept)
    else {
        return;
    };
    let si = statement.provenance.sentence_index;
    if si >= entities.document.sentences.len() {
        return;
    }
    // The head noun: the last word, or the word before "of" ("a new species of tree frog").
    let words: Vec<String> = object
        .text
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let head = match words.iter().position(|w| w == "of") {
        Some(k) if k > 0 => words[k - 1].clone(),
        Some(_) => return,
        None => match words.last() {
            Some(w) => w.clone(),
            None => return,
        },
    };
    // Only a noun for a person or group ("winger", "trader", "company"): "the way Otto
    // Jespersen put it" says nothing of what he is.
    if !head.chars().all(|c| c.is_alphabetic() || c == '-')
        || !(kg_nlp::gazetteer::gazetteer().is_agent_noun(&head) || is_business_noun(&head))
    {
        return;
    }
    let at = (si, subject.span.0);
    let c = entities
        .mention_at(si, subject.span, &names::key(&subject.text))
        .or_else(|| entities.antecedent_of_name(&subject.text, Some(kind), at));
    if let Some(c) = c {
        if !entities.clusters[c].categories.contains(&head) {
            entities.clusters[c].categories.push(head);
        }
    }
}

/// The statement with its arguments resolved; several when an argument is a pair.
fn resolve_statement(entities: &mut Entities<'_>, mut statement: Statement) -> Vec<Statement> {
    let si = statement.provenance.sentence_index;
    if si >= entities.document.sentences.len() {
        return vec![statement];
    }
    let mut pairs: Vec<(u8, [usize; 2])> = Vec::new();
    // "Grace Nakato be minister" (from "the minister, Grace Nakato") says what she is: its
    // object is not resolved to the apposition's name.
    let predicate = statement.relation.lemma == "be";
    // The source first: in a speaker's own quoted words "I" is the speaker and "we" the
    // speaker's organisation.
    if let Some(source) = &mut statement.attribution {
        resolve_argument(entities, si, source, true);
    }
    let speaker = statement.attribution.as_ref().and_then(|a| {
        matches!(a.kind, ArgumentKind::Entity(_))
            .then(|| entities.clusters.iter().position(|c| c.name == a.text))
            .flatten()
    });
    if let Some(c) = speaker {
        first_person_is_the_speaker(entities, si, c, &mut statement.subject);
        if let Some(object) = &mut statement.object {
            first_person_is_the_speaker(entities, si, c, object);
        }
    }
    let subject_pair = resolve_argument(entities, si, &mut statement.subject, true);
    if let Some(p) = subject_pair {
        pairs.push((0, p));
    }
    if let Some(object) = &mut statement.object {
        if let Some(p) = resolve_argument(entities, si, object, !predicate) {
            pairs.push((1, p));
        }
    }
    for q in &mut statement.qualifiers {
        resolve_argument(entities, si, &mut q.value, true);
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

/// A speaker's own words, inside quotation marks ('"We still believe in hydrogen," chief
/// executive Anouk van der Linde told reporters'): "I" and "me" are the speaker; "we" and "us"
/// the speaker when an organisation speaks, else the one organisation the speaker holds a role
/// in. Outside quotation marks a first person is the writer's ("Kori told me I had failed").
fn first_person_is_the_speaker(
    entities: &Entities<'_>,
    si: usize,
    speaker: usize,
    arg: &mut Argument,
) {
    if arg.kind != ArgumentKind::Unresolved {
        return;
    }
    let tokens = &entities.document.sentences[si].tokens;
    if !quoted(tokens, arg.span.0) {
        return;
    }
    let cl = &entities.clusters[speaker];
    let c = match arg.text.to_lowercase().as_str() {
        "i" | "me" if cl.kind() == EntityType::Person => Some(speaker),
        "we" | "us" if cl.kind() == EntityType::Organization => Some(speaker),
        "we" | "us" if cl.kind() == EntityType::Person => {
            let orgs: Vec<&String> = cl.roles.iter().filter_map(|(_, o)| o.as_ref()).collect();
            match orgs.as_slice() {
                [org] => entities
                    .clusters
                    .iter()
                    .position(|c| names::key(&c.name) == names::key(org)),
                _ => None,
            }
        }
        _ => None,
    };
    if let Some(c) = c {
        set_cluster(entities, arg, c);
    }
}

/// Whether token `i` is inside quotation marks of its sentence: an odd number of quote marks
/// before it (straight or opening), with one after it.
fn quoted(tokens: &[crate::doc::Token], i: usize) -> bool {
    let mark = |t: &crate::doc::Token| matches!(t.form.as_str(), "\"" | "``" | "''" | "“" | "”");
    let before = tokens.iter().take(i).filter(|t| mark(t)).count();
    let after = tokens.iter().skip(i + 1).any(mark);
    before % 2 == 1 && after
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

/// The definite description an argument's words are headed by: "the" and the modifiers up to
/// the argument's head word (the word whose head is outside the argument), when the head is a
/// noun ("according to the academy" → "the academy", "the winger to replace Yuri Sokolov" →
/// "the winger").
fn description_core(tokens: &[Token], span: (usize, usize)) -> Option<(usize, usize)> {
    let root =
        (span.0..span.1).find(|&i| tokens[i].head.is_none_or(|h| h < span.0 || h >= span.1))?;
    if !matches!(tokens[root].upos, Upos::Noun | Upos::Propn) {
        return None;
    }
    // "X is the company for you", "X, the largest firm": a predicate or an apposition says what
    // X is; it refers to nothing before.
    let predicate = tokens
        .iter()
        .any(|t| t.head == Some(root) && t.deprel == Deprel::Cop);
    // "the Finnish analytics firm Polar Data": the description introduces the name after it.
    let named_after = tokens.get(root + 1).is_some_and(|t| {
        t.form.chars().next().is_some_and(char::is_uppercase)
            && t.form.chars().all(char::is_alphabetic)
    });
    if predicate || named_after || tokens[root].deprel == Deprel::Appos {
        return None;
    }
    let mut start = root;
    while start > span.0 {
        let t = &tokens[start - 1];
        if lower(t) == "the" {
            return Some((start - 1, root + 1));
        }
        if !(matches!(t.upos, Upos::Adj | Upos::Noun | Upos::Propn | Upos::Verb) || t.form == "-") {
            return None;
        }
        start -= 1;
    }
    // "sign a plan for the lake": the relation took the words up to the noun, the argument
    // starts after its article.
    (start > 0 && lower(&tokens[start - 1]) == "the").then(|| (start - 1, root + 1))
}

/// What an apposition names: an entity of the document, or a proper name the recogniser missed.
enum Named {
    Cluster(usize),
    Unrecognised(String),
}

/// "Mongolia's parliament, the State Great Khural, voted", "the minister, Grace Nakato": a
/// description whose apposition is a name (the whole apposition, after a comma and at most
/// "the") is that name's entity. The argument's head word (the word whose head is outside it)
/// must be a common noun.
fn appositive_name(entities: &Entities<'_>, si: usize, span: (usize, usize)) -> Option<Named> {
    let tokens = &entities.document.sentences[si].tokens;
    let root =
        (span.0..span.1).find(|&i| tokens[i].head.is_none_or(|h| h < span.0 || h >= span.1))?;
    // "two space businessmen, Walter Kistler and Bob Citron" are not one of them.
    if tokens[root].upos != Upos::Noun || tokens[root].xpos.is_plural_noun() {
        return None;
    }
    let appos = (root + 1..tokens.len())
        .find(|&k| tokens[k].head == Some(root) && tokens[k].deprel == Deprel::Appos)?;
    let opens = |start: usize| {
        let between: Vec<String> = (root + 1..start).map(|k| lower(&tokens[k])).collect();
        matches!(
            between
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice(),
            [","] | [",", "the"]
        )
    };
    if let Some(m) = entities
        .in_sentences(si, si)
        .iter()
        .find(|m| m.sentence == si && m.start <= appos && appos < m.end && !m.demonym)
    {
        return opens(m.start).then_some(Named::Cluster(m.cluster));
    }
    // A name of proper nouns only, the apposition's head last: "the State Great Khural".
    if tokens[appos].upos != Upos::Propn {
        return None;
    }
    let mut start = appos;
    while start > 0
        && tokens[start - 1].upos == Upos::Propn
        && tokens[start - 1]
            .head
            .is_some_and(|h| h >= start && h <= appos)
        && matches!(tokens[start - 1].deprel, Deprel::Compound | Deprel::Flat)
    {
        start -= 1;
    }
    let closes = tokens
        .get(appos + 1)
        .is_none_or(|t| matches!(t.form.as_str(), "," | "." | ")"));
    (start < appos && closes && opens(start))
        .then(|| Named::Unrecognised(text_of(entities.document, &tokens[start..=appos])))
}

/// Resolves one argument in place; returns a pair of clusters when the argument denotes two.
/// `appositive`: whether a description may be the name in apposition to it.
fn resolve_argument(
    entities: &mut Entities<'_>,
    si: usize,
    arg: &mut Argument,
    appositive: bool,
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
                .or_else(|| entities.antecedent_of_name(&arg.text, Some(kind), (si, span.0)))
                // "a plan for the lake": a common noun the extractor took for a place is a
                // description.
                .or_else(|| {
                    let lowercase = arg.text.chars().next().is_some_and(char::is_lowercase);
                    let core = description_core(&sentence.tokens, span).filter(|_| lowercase)?;
                    description_antecedent(entities, si, core)
                });
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
            match appositive_name(entities, si, span).filter(|_| appositive) {
                Some(Named::Cluster(c)) => {
                    set_cluster(entities, arg, c);
                    return None;
                }
                Some(Named::Unrecognised(name)) => {
                    arg.text = name;
                    arg.kind = ArgumentKind::Entity(EntityType::Other);
                    return None;
                }
                None => {}
            }
            let tokens = &sentence.tokens[span.0..span.1];
            if tokens.len() < 2 || lower(&tokens[0]) != "the" {
                // "according to the academy", "the museum by his family": the description at
                // the argument's head.
                let core = description_core(&sentence.tokens, span)?;
                let c = description_antecedent(entities, si, core)?;
                set_cluster(entities, arg, c);
                return None;
            }
            if let Some(pair) = pair_description(entities, si, &arg.full_text) {
                return Some(pair);
            }
            let core = description_core(&sentence.tokens, span)?;
            let c = description_antecedent(entities, si, core)?;
            set_cluster(entities, arg, c);
            None
        }
        ArgumentKind::Literal(_) => None,
    }
}
