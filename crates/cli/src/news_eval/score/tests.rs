//! The scorer on hand-made gold and statements, one principle of the README per test.

use kg_model::{
    Argument, ArgumentKind, EntityType, Literal, Modality, Provenance, Qualifier as Q, Relation,
    Role, Statement,
};

use super::*;
use crate::news_eval::gold::{GoldEntity, GoldFact};
use crate::news_eval::matching::tests::TestLemmas;

/// "Anna Berg met Carl Olsen in Oslo on Monday. Berg signed a deal." (sentence 2 starts at 44.)
const TEXT: &str = "Anna Berg met Carl Olsen in Oslo on Monday. Berg signed a deal.";

fn entity(text: &str, kind: EntityType) -> Argument {
    Argument {
        text: text.into(),
        full_text: text.into(),
        kind: ArgumentKind::Entity(kind),
        span: (0, 1),
        alias: None,
    }
}

fn person(text: &str) -> Argument {
    entity(text, EntityType::Person)
}

fn concept(text: &str) -> Argument {
    Argument {
        kind: ArgumentKind::Concept,
        ..entity(text, EntityType::Other)
    }
}

fn time(value: &str, text: &str) -> Argument {
    Argument {
        kind: ArgumentKind::Literal(Literal::Time(Some(value.into()))),
        ..entity(text, EntityType::Other)
    }
}

fn statement(sentence: usize, s: Argument, r: &str, o: Option<Argument>) -> Statement {
    let start = if sentence == 1 { 0 } else { 44 };
    let provenance = Provenance {
        document_id: "d1".into(),
        sentence_index: sentence - 1,
        sentence_start: start,
        sentence_end: start + 10,
        sentence_text: "".into(),
    };
    Statement {
        confidence: 0.5,
        ..Statement::new(s, Relation::new(r, r), o, provenance)
    }
}

fn with(mut s: Statement, role: Role, value: Argument) -> Statement {
    s.qualifiers.push(Q {
        role,
        preposition: None,
        value,
    });
    s
}

fn fact(sentence: usize, s: &str, r: &str, o: Option<&str>) -> GoldFact {
    GoldFact {
        sentence,
        s: s.into(),
        r: r.into(),
        o: o.map(Into::into),
        place: None,
        time: None,
        source: None,
        negated: false,
        modality: "asserted".into(),
    }
}

fn gold(facts: Vec<GoldFact>) -> GoldDoc {
    let e = |name: &str, kind: &str, aliases: &[&str]| GoldEntity {
        name: name.into(),
        kind: kind.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    };
    GoldDoc {
        id: "d1".into(),
        line: 1,
        entities: vec![
            e("Anna Berg", "PER", &["Berg"]),
            e("Carl Olsen", "PER", &[]),
            e("Oslo", "LOC", &[]),
        ],
        facts,
        distinct: vec![("Anna Berg".into(), "Carl Olsen".into())],
    }
}

/// Nodes as kg-graph mints them, near enough: entities and concepts by their folded text.
fn node_of(a: &Argument) -> Option<String> {
    match a.kind {
        ArgumentKind::Entity(_) => Some(format!("entity/{}", a.text.to_lowercase())),
        ArgumentKind::Concept => Some(format!("concept/{}", a.text.to_lowercase())),
        _ => None,
    }
}

fn score(gold: &GoldDoc, statements: &[Statement]) -> DocScore {
    let scorer = Scorer {
        lemmas: &TestLemmas,
        node_of: &node_of,
    };
    scorer.score(gold, TEXT, statements, &[], &[])
}

fn meeting() -> GoldFact {
    GoldFact {
        place: Some("Oslo".into()),
        time: Some("2024-01-08".into()),
        ..fact(1, "Anna Berg", "meet", Some("Carl Olsen"))
    }
}

fn met() -> Statement {
    let s = statement(1, person("Anna Berg"), "meet", Some(person("Carl Olsen")));
    let s = with(s, Role::Location, entity("Oslo", EntityType::Place));
    with(s, Role::Time, time("2024-01-08", "Monday"))
}

fn qualifier(score: &DocScore, q: Qualifier) -> QualifierCounts {
    score.counts.qualifiers[&q]
}

#[test]
fn a_perfect_extraction_finds_and_matches_everything() {
    let g = gold(vec![meeting()]);
    let s = score(&g, &[met()]);
    assert_eq!((s.counts.found, s.counts.gold_facts), (1, 1));
    assert_eq!((s.counts.matched, s.counts.statements), (1, 1));
    let w = qualifier(&s, Qualifier::Where);
    assert_eq!(
        (w.gold, w.gold_hit, w.statements, w.statements_hit),
        (1, 1, 1, 1)
    );
    let t = qualifier(&s, Qualifier::When);
    assert_eq!(
        (t.gold, t.gold_hit, t.statements, t.statements_hit),
        (1, 1, 1, 1)
    );
    let found = &s.details[0];
    assert_eq!((found.status, found.sentence), ("found", 1));
    assert_eq!(found.text, "Anna Berg met Carl Olsen in Oslo on Monday.");
    assert!(found.reason.is_empty(), "{:?}", found.reason);
}

#[test]
fn a_missing_fact_lowers_recall_only() {
    let g = gold(vec![
        meeting(),
        fact(2, "Anna Berg", "sign", Some("a deal")),
    ]);
    let s = score(&g, &[met()]);
    assert_eq!((s.counts.found, s.counts.gold_facts), (1, 2));
    assert_eq!((s.counts.matched, s.counts.statements), (1, 1));
    let missed = &s.details[1];
    assert_eq!(missed.status, "missed");
    assert_eq!(missed.reason, ["no-statement-in-sentence"]);
    assert_eq!(missed.text, "Berg signed a deal.");
}

#[test]
fn a_wrong_object_is_spurious_and_says_so() {
    let g = gold(vec![fact(2, "Anna Berg", "sign", Some("a deal"))]);
    let wrong = statement(2, person("Anna Berg"), "sign", Some(concept("letter")));
    let s = score(&g, &[wrong]);
    assert_eq!(
        (s.counts.found, s.counts.matched, s.counts.statements),
        (0, 0, 1)
    );
    let missed = s.details.iter().find(|d| d.status == "missed").unwrap();
    assert_eq!(missed.reason, ["object"]);
    let spurious = s.details.iter().find(|d| d.status == "spurious").unwrap();
    assert_eq!(spurious.reason, ["object"]);
    assert_eq!(spurious.gold.as_ref().unwrap().r, "sign");
}

#[test]
fn arguments_match_by_head_word_and_relations_by_head_verb() {
    let g = gold(vec![fact(2, "at least 12 people", "be detained", None)]);
    let s = score(
        &g,
        &[statement(2, concept("12 people"), "be detained", None)],
    );
    assert_eq!(s.counts.found, 1);
    // Without an object, the statement is not in precision's denominator.
    assert_eq!(s.counts.statements, 0);
    assert_eq!(s.details[1].status, "matched");
    // "has agreed to buy" may stand for either verb.
    let g = gold(vec![fact(2, "Anna Berg", "buy", Some("a deal"))]);
    let s = score(
        &g,
        &[statement(
            2,
            person("Anna Berg"),
            "agree to buy",
            Some(concept("deal")),
        )],
    );
    assert_eq!(s.counts.found, 1);
}

#[test]
fn a_short_name_matches_its_entity_as_written_or_through_its_node() {
    let g = gold(vec![fact(2, "Anna Berg", "sign", Some("a deal"))]);
    // "Berg" is an alias of Anna Berg.
    let s = score(
        &g,
        &[statement(2, person("Berg"), "sign", Some(concept("deal")))],
    );
    assert_eq!(s.counts.found, 1);
    // "AB" is on the node of an argument written "Berg": it names Anna Berg too.
    let written = Argument {
        alias: Some("Berg".into()),
        ..person("AB")
    };
    let s = score(
        &g,
        &[
            statement(2, person("AB"), "sign", Some(concept("deal"))),
            statement(1, written, "meet", Some(person("Carl Olsen"))),
        ],
    );
    assert_eq!(s.counts.found, 1);
    // Another gold entity's name is no match, even with the same head word.
    let mut two = gold(vec![fact(2, "Anna Berg", "sign", Some("a deal"))]);
    two.entities.push(GoldEntity {
        name: "Eva Berg".into(),
        kind: "PER".into(),
        aliases: Vec::new(),
    });
    let s = score(
        &two,
        &[statement(
            2,
            person("Eva Berg"),
            "sign",
            Some(concept("deal")),
        )],
    );
    assert_eq!(s.counts.found, 0);
    // A name the gold does not list matches by its head word ("Anna B. Berg").
    let s = score(
        &two,
        &[statement(
            2,
            person("Anna B. Berg"),
            "sign",
            Some(concept("deal")),
        )],
    );
    assert_eq!(s.counts.found, 1);
    // A different name with a different head is no match.
    let s = score(
        &g,
        &[statement(
            2,
            person("Carl Olsen"),
            "sign",
            Some(concept("deal")),
        )],
    );
    assert_eq!(s.counts.found, 0);
}

#[test]
fn direction_matters_except_for_symmetric_relations() {
    let g = gold(vec![fact(1, "Anna Berg", "meet", Some("Carl Olsen"))]);
    let swapped = statement(1, person("Carl Olsen"), "meet", Some(person("Anna Berg")));
    assert_eq!(score(&g, &[swapped]).counts.found, 1);
    let g = gold(vec![fact(1, "Anna Berg", "sign", Some("Carl Olsen"))]);
    let swapped = statement(1, person("Carl Olsen"), "sign", Some(person("Anna Berg")));
    let s = score(&g, &[swapped]);
    assert_eq!((s.counts.found, s.counts.matched), (0, 0));
    assert_eq!(s.details[0].reason, ["subject+object"]);
}

#[test]
fn a_missing_place_or_time_loses_the_fact_but_not_precision() {
    let g = gold(vec![meeting()]);
    let bare = statement(1, person("Anna Berg"), "meet", Some(person("Carl Olsen")));
    let s = score(&g, &[bare]);
    assert_eq!(
        (s.counts.found, s.counts.matched, s.counts.statements),
        (0, 1, 1)
    );
    assert_eq!(s.details[0].reason, ["where-missing", "when-missing"]);
    let w = qualifier(&s, Qualifier::Where);
    assert_eq!((w.gold, w.gold_hit, w.statements), (1, 0, 0));
}

#[test]
fn times_match_by_value_bound_or_head_word() {
    let since = GoldFact {
        time: Some("2024-03".into()),
        ..fact(2, "Anna Berg", "sign", Some("a deal"))
    };
    let s = statement(2, person("Anna Berg"), "sign", Some(concept("deal")));
    let bounded = with(s.clone(), Role::Time, time("2024-03/..", "since March"));
    assert_eq!(
        score(&gold(vec![since.clone()]), &[bounded]).counts.found,
        1
    );
    let other = with(s.clone(), Role::Time, time("2024-04", "in April"));
    assert_eq!(score(&gold(vec![since]), &[other]).counts.found, 0);
    let season = GoldFact {
        time: Some("last season".into()),
        ..fact(2, "Anna Berg", "sign", Some("a deal"))
    };
    let textual = with(s, Role::Time, concept("last season"));
    assert_eq!(score(&gold(vec![season]), &[textual]).counts.found, 1);
}

#[test]
fn source_negation_and_modality_are_scored_on_paired_facts() {
    let said = GoldFact {
        source: Some("Carl Olsen".into()),
        negated: true,
        modality: "future".into(),
        ..fact(2, "Anna Berg", "sign", Some("a deal"))
    };
    let mut right = statement(2, person("Anna Berg"), "sign", Some(concept("deal")));
    right.attribution = Some(person("Olsen"));
    right.negated = true;
    right.modality = Modality::Future;
    let s = score(&gold(vec![said.clone()]), &[right.clone()]);
    for q in [
        Qualifier::Negated,
        Qualifier::Modality,
        Qualifier::ModalityCoarse,
    ] {
        let c = qualifier(&s, q);
        assert_eq!(
            (c.gold, c.gold_hit, c.statements, c.statements_hit),
            (1, 1, 1, 1)
        );
    }
    // "Olsen" is no alias of Carl Olsen here, but it has his head word.
    let c = qualifier(&s, Qualifier::Source);
    assert_eq!((c.gold_hit, c.statements_hit), (1, 1));
    let mut wrong = right;
    wrong.attribution = Some(person("Oslo"));
    wrong.modality = Modality::Possible;
    let s = score(&gold(vec![said]), &[wrong]);
    let c = qualifier(&s, Qualifier::Source);
    assert_eq!(
        (c.gold, c.gold_hit, c.statements, c.statements_hit),
        (1, 0, 1, 0)
    );
    let c = qualifier(&s, Qualifier::Modality);
    assert_eq!((c.gold_hit, c.statements_hit), (0, 0));
    let c = qualifier(&s, Qualifier::ModalityCoarse);
    assert_eq!((c.gold_hit, c.statements_hit), (1, 1));
    assert_eq!(s.details[0].reason, ["source-wrong", "modality-wrong"]);
    // A statement that pairs with no gold fact is not in the qualifier scores.
    let mut unpaired = statement(2, person("Oslo"), "flood", Some(concept("river")));
    unpaired.negated = true;
    let s = score(&gold(vec![]), &[unpaired]);
    assert_eq!(qualifier(&s, Qualifier::Negated).statements, 0);
}

#[test]
fn exact_duplicates_count_once() {
    let g = gold(vec![fact(2, "Anna Berg", "sign", Some("a deal"))]);
    let wrong = statement(2, person("Anna Berg"), "sign", Some(concept("letter")));
    let s = score(&g, &[wrong.clone(), wrong]);
    assert_eq!(s.counts.statements, 1);
}

#[test]
fn entity_clusters_are_correct_split_merged_or_unmapped() {
    let g = gold(vec![]);
    // Anna Berg and Berg on one node, Carl Olsen alone: both correct; Oslo never mapped.
    let one_node = Argument {
        alias: Some("Berg".into()),
        ..person("Anna Berg")
    };
    let s = score(
        &g,
        &[
            statement(1, one_node, "meet", Some(person("Carl Olsen"))),
            statement(2, person("Anna Berg"), "sign", Some(concept("deal"))),
        ],
    );
    let e = s.counts.entities;
    assert_eq!(
        (e.entities, e.correct, e.unmapped, e.split, e.merged),
        (3, 2, 1, 0, 0)
    );
    assert_eq!((e.with_aliases, e.with_aliases_correct), (1, 1));
    // One detail line per gold entity, with its verdict and the nodes that carry its names.
    let verdicts: Vec<(String, String, usize)> = s
        .details
        .iter()
        .filter(|d| d.status == "entity")
        .map(|d| {
            let entity = d.entity.as_ref().expect("entity line");
            (entity.name.clone(), d.reason[0].clone(), entity.nodes.len())
        })
        .collect();
    assert_eq!(verdicts.len(), 3);
    assert!(verdicts.contains(&("Anna Berg".to_owned(), "correct".to_owned(), 1)));
    assert!(verdicts.contains(&("Oslo".to_owned(), "unmapped".to_owned(), 0)));
    assert_eq!(
        (e.distinct_pairs, e.distinct_evaluable, e.distinct_apart),
        (1, 1, 1)
    );
    // "Berg" on a node of its own: Anna Berg is split.
    let s = score(
        &g,
        &[
            statement(1, person("Anna Berg"), "meet", Some(person("Carl Olsen"))),
            statement(2, person("Berg"), "sign", Some(concept("deal"))),
        ],
    );
    assert_eq!(
        (
            s.counts.entities.split,
            s.counts.entities.with_aliases_correct
        ),
        (1, 0)
    );
    // Carl Olsen written as an alias of Anna Berg's node: both merged, the pair not apart.
    let merged = Argument {
        alias: Some("Carl Olsen".into()),
        ..person("Anna Berg")
    };
    let s = score(&g, &[statement(1, merged, "meet", None)]);
    let e = s.counts.entities;
    assert_eq!((e.correct, e.merged), (0, 2));
    assert_eq!((e.distinct_evaluable, e.distinct_apart), (1, 0));
}
