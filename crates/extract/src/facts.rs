//! Which statements are facts: what [`crate::Extractor::extract`] hands to the graph.
//!
//! A statement is a fact when it says something about things the graph can name. Two steps
//! decide it, each at the level where it can be known:
//!
//! - **The clause** ([`crate::clauses`], `render`): a statement is kept out of the graph when
//!   the sentence did not fill it — a literal subject; a light verb with nothing else ("X have");
//!   a verb whose complement is a clause the statement does not carry ("North Korea said (…)",
//!   "the show was designed (to appear …)", "an announcer tells (customers that …)"); an argument
//!   without a content word (a lone preposition, particle, determiner or quote mark). Those
//!   readings stay in the surface tuples for OpenIE benchmarks, which score what a sentence
//!   says, not what the graph can hold.
//! - **The document** ([`retain_facts`], after coreference): a statement about itself (its
//!   subject and object the same named entity, no reflexive pronoun), and a statement whose subject or object
//!   is a word that stands for something named elsewhere — a personal, demonstrative, relative
//!   or interrogative pronoun — and that coreference found no single antecedent for ("he won the
//!   race", "which toured the country", "it is a chance", "they captured a further two") is
//!   dropped. It could not become an edge (an unresolved argument is never a node), and as a
//!   stored statement it only says that someone did something.
//!
//! Dropped statements are not stored at all, not even as reified statements: the graph holds
//! facts, and its sentences keep the text for anyone who wants to read it. Three kinds of
//! statement stay, kept out of the edges but stored as reified statements (`kg:unresolved`,
//! no plain triple): one whose argument is unresolved but refers to nothing earlier — an
//! indefinite or a quantifier ("had not charged anyone", "receive something else", "assigned
//! all of its powers"): the fact is there, only not between two nodes; one whose qualifier is
//! unresolved (the fact stands without that circumstance); and one whose source is unresolved
//! ("…, he said"): a fact with a source is never a plain triple or an edge, resolved or not.

use crate::doc::EntityType;
use crate::names;
use crate::statement::{Argument, ArgumentKind, Statement};

/// Whether a statement, after coreference, is a fact (see the module documentation).
pub fn is_fact(statement: &Statement) -> bool {
    !unresolved_reference(&statement.subject)
        && !statement.object.as_ref().is_some_and(unresolved_reference)
        && !about_itself(statement)
        && !says_someone(statement)
}

/// "(Hery Andrianjafy) say (three suspects)": what is said is words, never a person or an
/// organisation. The parser took the subject of what was said for the saying verb's object
/// ("said the three suspects, who face …, had not been charged").
fn says_someone(statement: &Statement) -> bool {
    let person_noun = |text: &str| {
        let last = text.rsplit(' ').next().unwrap_or(text).to_lowercase();
        let singular = last.strip_suffix('s').unwrap_or(&last);
        let g = kg_nlp::gazetteer::gazetteer();
        g.is_person_noun(&last) || g.is_person_noun(singular)
    };
    statement.relation.lemma == "say"
        && statement.object.as_ref().is_some_and(|o| match o.kind {
            ArgumentKind::Entity(k) => matches!(k, EntityType::Person | EntityType::Organization),
            ArgumentKind::Concept => person_noun(&o.text),
            _ => false,
        })
}

/// A statement whose subject and object are the same thing (the same named entity, or the
/// same concept), though the object is no reflexive pronoun: "The Hungarian State Opera, which
/// has not staged a new production of a Vészi work, …" gave (Opera) stage (Opera), "making the
/// company the first firm to put a rocket into orbit" (rocket) put (rocket). A thing does
/// nothing to itself in news but through "itself".
fn about_itself(statement: &Statement) -> bool {
    let s = &statement.subject;
    statement.object.as_ref().is_some_and(|o| {
        let written = o.full_text.to_lowercase();
        matches!(o.kind, ArgumentKind::Entity(_) | ArgumentKind::Concept)
            && o.kind == s.kind
            && names::key(&o.text) == names::key(&s.text)
            && !written.ends_with("self")
            && !written.ends_with("selves")
    })
}

/// Keeps the statements that are facts, in order.
pub fn retain_facts(statements: &mut Vec<Statement>) {
    statements.retain(is_fact);
}

/// Keeps one of the statements that say the same of the same sentence: two readings can make
/// one fact ("Kattegat Energi be Danish utility" from the apposition and from the title before
/// the name; a name the parser split in two, "The Harbour and Maritime Workers Union", that
/// coreference made one subject). Said the same: subject, relation, object, qualifiers,
/// source, polarity and modality, by the names the graph gives them. The first stays, with the
/// fullest phrases of the ones it stands for.
pub fn drop_repeats(statements: &mut Vec<Statement>) {
    type Key = (
        usize,
        String,
        String,
        Option<String>,
        Vec<String>,
        Option<String>,
        bool,
        String,
    );
    let key = |s: &Statement| -> Key {
        let name = |a: &Argument| names::key(&a.text);
        (
            s.provenance.sentence_index,
            name(&s.subject),
            s.relation.lemma.clone(),
            s.object.as_ref().map(name),
            s.qualifiers
                .iter()
                .map(|q| format!("{:?} {:?} {}", q.role, q.preposition, name(&q.value)))
                .collect(),
            s.attribution.as_ref().map(name),
            s.negated,
            format!("{:?}", s.modality),
        )
    };
    let mut first: std::collections::HashMap<Key, usize> = std::collections::HashMap::new();
    let mut kept: Vec<Statement> = Vec::with_capacity(statements.len());
    for s in statements.drain(..) {
        match first.get(&key(&s)) {
            Some(&k) => {
                let fuller = |a: &mut Argument, b: &Argument| {
                    if b.full_text.len() > a.full_text.len() {
                        a.full_text = b.full_text.clone();
                    }
                };
                fuller(&mut kept[k].subject, &s.subject);
                if let (Some(a), Some(b)) = (kept[k].object.as_mut(), s.object.as_ref()) {
                    fuller(a, b);
                }
            }
            None => {
                first.insert(key(&s), kept.len());
                kept.push(s);
            }
        }
    }
    *statements = kept;
}

/// An argument left [`ArgumentKind::Unresolved`] that stands for something named elsewhere.
fn unresolved_reference(argument: &Argument) -> bool {
    argument.kind == ArgumentKind::Unresolved
        && REFERENCE_WORDS.contains(&argument.text.to_lowercase().as_str())
}

/// Words that stand for something named elsewhere: personal, possessive, reflexive,
/// demonstrative, relative and interrogative pronouns. Not the indefinites ("anyone",
/// "something", "no one") or quantifiers ("all", "most"), which name no one in particular.
const REFERENCE_WORDS: &[&str] = &[
    "i",
    "me",
    "mine",
    "myself",
    "you",
    "u",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "we",
    "us",
    "ours",
    "ourselves",
    "they",
    "them",
    "theirs",
    "themselves",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "whatever",
    "whichever",
    "whoever",
    "where",
    "when",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::EntityType;
    use crate::statement::{Provenance, Relation};

    fn arg(text: &str, written: &str, kind: ArgumentKind) -> Argument {
        Argument {
            text: text.into(),
            full_text: written.into(),
            kind,
            span: (0, 1),
            alias: None,
        }
    }

    fn statement(subject: Argument, object: Argument) -> Statement {
        let provenance = Provenance {
            document_id: "t".into(),
            sentence_index: 0,
            sentence_start: 0,
            sentence_end: 1,
            sentence_text: "x".into(),
        };
        Statement::new(
            subject,
            Relation::new("staged", "stage"),
            Some(object),
            provenance,
        )
    }

    #[test]
    fn a_name_does_nothing_to_itself_but_through_itself() {
        let org = ArgumentKind::Entity(EntityType::Organization);
        let opera = || arg("Opera", "The Hungarian State Opera", org.clone());
        assert!(!is_fact(&statement(
            opera(),
            arg("Opera", "a new production", org.clone())
        )));
        assert!(is_fact(&statement(
            opera(),
            arg("Opera", "itself", org.clone())
        )));
        assert!(is_fact(&statement(
            opera(),
            arg("Eger", "Eger", org.clone())
        )));
        // A concept neither: "(rocket) put (rocket)".
        let rocket = |written: &str| arg("rocket", written, ArgumentKind::Concept);
        assert!(!is_fact(&statement(
            rocket("a rocket"),
            rocket("the rocket")
        )));
    }

    #[test]
    fn what_is_said_is_no_person() {
        let person = ArgumentKind::Entity(EntityType::Person);
        let mut st = statement(
            arg("Hery Andrianjafy", "Hery Andrianjafy", person.clone()),
            arg(
                "three suspects",
                "the three suspects",
                ArgumentKind::Concept,
            ),
        );
        st.relation = Relation::new("said", "say");
        assert!(!is_fact(&st));
        st.object = Some(arg("prayer", "a prayer", ArgumentKind::Concept));
        assert!(is_fact(&st));
    }

    #[test]
    fn a_statement_said_twice_is_kept_once_with_its_fullest_phrase() {
        let org = ArgumentKind::Entity(EntityType::Organization);
        let said = |subject: &str, object: &str| {
            statement(
                arg(subject, subject, org.clone()),
                arg("Danish utility", object, ArgumentKind::Concept),
            )
        };
        let mut st = vec![
            said("Kattegat Energi", "Danish utility"),
            said("Kattegat Energi", "the Danish utility"),
            said("Noordzee Waterstof", "the Danish utility"),
        ];
        drop_repeats(&mut st);
        assert_eq!(st.len(), 2);
        assert_eq!(
            st[0].object.as_ref().unwrap().full_text,
            "the Danish utility"
        );
        assert_eq!(st[1].subject.text, "Noordzee Waterstof");
    }
}
