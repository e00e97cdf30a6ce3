//! Within-document coreference: one name per entity in a document's statements, and role facts.
//!
//! Runs on an annotated [`Document`] and the extractor's statements ([`Coref::apply`], the last
//! step of [`crate::Extractor::extract`]). The recogniser's mentions are grouped into
//! one cluster per entity, short forms and acronyms with their full names (`entities`), and
//! every argument that denotes a cluster member gets the cluster's full name (the name as
//! written is kept in [`Argument::alias`]); pronouns and definite descriptions find their
//! cluster by the rules of `antecedents`.
//!
//! Anything without exactly one good antecedent stays as it was: unresolved arguments remain
//! [`ArgumentKind::Unresolved`] and never become graph nodes. Statements that resolution makes
//! vacuous ("X be X", "X leader of X") are dropped.
//!
//! Role facts (`roles`): titles and role words of a person become statements of their own,
//! made here, so only when coreference runs.

mod antecedents;
mod entities;
mod roles;

use crate::doc::Document;
use crate::names;
use crate::statement::{Argument, ArgumentKind, Statement};
use antecedents::{
    compass, description_antecedent, last_pair, pair_description, pleonastic, pronoun_antecedent,
    pronoun_class, Pronoun,
};
use entities::{lower, Entities};
use roles::role_facts;

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
    // A role fact the extractor already stated in the same sentence is dropped. The statements
    // are keyed once: comparing each fact with every statement was quadratic in a document.
    let mut stated: std::collections::HashSet<RoleKey> = out.iter().map(role_key).collect();
    for fact in roles {
        if vacuous(&fact) || !stated.insert(role_key(&fact)) {
            continue;
        }
        out.push(fact);
    }
    out
}

/// What makes two statements the same role fact: sentence, relation, and the folded names of
/// subject and object.
type RoleKey = (usize, String, String, Option<String>);

fn role_key(s: &Statement) -> RoleKey {
    (
        s.provenance.sentence_index,
        s.relation.lemma.clone(),
        names::key(&s.subject.text),
        s.object.as_ref().map(|o| names::key(&o.text)),
    )
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
