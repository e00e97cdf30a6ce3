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

use crate::statement::{Argument, ArgumentKind, Statement};

/// Whether a statement, after coreference, is a fact (see the module documentation).
pub fn is_fact(statement: &Statement) -> bool {
    !unresolved_reference(&statement.subject)
        && !statement.object.as_ref().is_some_and(unresolved_reference)
        && !about_itself(statement)
}

/// A statement whose subject and object coreference made the same named entity, though the
/// object is no reflexive pronoun: "The Hungarian State Opera, which has not staged a new
/// production of a Vészi work, …" gave (Opera) stage (Opera). A name does nothing to itself
/// in news but through "itself".
fn about_itself(statement: &Statement) -> bool {
    let s = &statement.subject;
    statement.object.as_ref().is_some_and(|o| {
        let written = o.full_text.to_lowercase();
        matches!(o.kind, ArgumentKind::Entity(_))
            && o.kind == s.kind
            && o.text == s.text
            && !written.ends_with("self")
            && !written.ends_with("selves")
    })
}

/// Keeps the statements that are facts, in order.
pub fn retain_facts(statements: &mut Vec<Statement>) {
    statements.retain(is_fact);
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
    }
}
