//! Sums document scores by group (all documents, the short ones, the long wire stories with a
//! dateline) and writes them as a table or JSON, with the gold fields the extractor never fills.

use std::collections::BTreeMap;
use std::fmt::Write;

use kg_model::{Role, Statement};
use serde::Serialize;
use serde_json::{json, Value};

use super::gold::{GoldDoc, GoldFact, MODALITIES};
use super::score::{Counts, EntityCounts, Qualifier, QualifierCounts};

/// Documents scored together.
pub struct Group {
    pub name: &'static str,
    pub documents: usize,
    pub counts: Counts,
}

/// Adds `b` into `a`.
pub fn add(a: &mut Counts, b: &Counts) {
    a.gold_facts += b.gold_facts;
    a.found += b.found;
    a.statements += b.statements;
    a.matched += b.matched;
    a.gold_without_object += b.gold_without_object;
    a.found_without_object += b.found_without_object;
    for (q, c) in &b.qualifiers {
        add_qualifier(a.qualifiers.entry(*q).or_default(), c);
    }
    for (m, c) in &b.modalities {
        add_qualifier(a.modalities.entry(m.clone()).or_default(), c);
    }
    let (e, f) = (&mut a.entities, &b.entities);
    *e = EntityCounts {
        entities: e.entities + f.entities,
        correct: e.correct + f.correct,
        unmapped: e.unmapped + f.unmapped,
        split: e.split + f.split,
        merged: e.merged + f.merged,
        with_aliases: e.with_aliases + f.with_aliases,
        with_aliases_correct: e.with_aliases_correct + f.with_aliases_correct,
        distinct_pairs: e.distinct_pairs + f.distinct_pairs,
        distinct_evaluable: e.distinct_evaluable + f.distinct_evaluable,
        distinct_apart: e.distinct_apart + f.distinct_apart,
    };
}

fn add_qualifier(a: &mut QualifierCounts, b: &QualifierCounts) {
    a.gold += b.gold;
    a.gold_paired += b.gold_paired;
    a.gold_hit += b.gold_hit;
    a.statements += b.statements;
    a.statements_hit += b.statements_hit;
}

/// A share, 0 when there is nothing to share.
fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Recall, precision and F1 with the counts behind them.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Prf {
    pub recall: f64,
    pub precision: f64,
    pub f1: f64,
    pub recall_hits: usize,
    pub recall_of: usize,
    pub precision_hits: usize,
    pub precision_of: usize,
}

impl Prf {
    fn new(
        recall_hits: usize,
        recall_of: usize,
        precision_hits: usize,
        precision_of: usize,
    ) -> Prf {
        let (recall, precision) = (
            ratio(recall_hits, recall_of),
            ratio(precision_hits, precision_of),
        );
        Prf {
            recall,
            precision,
            f1: f1(precision, recall),
            recall_hits,
            recall_of,
            precision_hits,
            precision_of,
        }
    }
}

pub fn facts(c: &Counts) -> Prf {
    Prf::new(c.found, c.gold_facts, c.matched, c.statements)
}

pub fn qualifier(c: &Counts, q: Qualifier) -> Prf {
    let q: QualifierCounts = c.qualifiers.get(&q).copied().unwrap_or_default();
    Prf::new(q.gold_hit, q.gold, q.statements_hit, q.statements)
}

/// How often a gold field is given, how often the extractor fills it at all, and how often it
/// fills it right on a fact it found (README rule 7's recall hits).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldUse {
    pub field: String,
    pub gold: usize,
    pub statements: usize,
    pub right: usize,
}

/// For each gold field (qualifiers, negation, each modality but `asserted`, facts without an
/// object): gold facts that give it, statements that fill it and gold facts filled right, with
/// `all` the counts of all documents.
pub fn field_use<'a>(
    gold: &[GoldDoc],
    statements: impl Iterator<Item = &'a Statement> + Clone,
    all: &Counts,
) -> Vec<FieldUse> {
    let facts = || gold.iter().flat_map(|d| &d.facts);
    let has_role = |s: &Statement, r: Role| s.qualifiers.iter().any(|q| q.role == r);
    let hits = |q: Qualifier| all.qualifiers.get(&q).map_or(0, |c| c.gold_hit);
    let field =
        |name: &str, g: &dyn Fn(&GoldFact) -> bool, s: &dyn Fn(&Statement) -> bool, right| {
            FieldUse {
                field: name.to_owned(),
                gold: facts().filter(|f| g(f)).count(),
                statements: statements.clone().filter(|st| s(st)).count(),
                right,
            }
        };
    let mut out = vec![
        field(
            "where",
            &|f| f.place.is_some(),
            &|s| has_role(s, Role::Location),
            hits(Qualifier::Where),
        ),
        field(
            "when",
            &|f| f.time.is_some(),
            &|s| has_role(s, Role::Time),
            hits(Qualifier::When),
        ),
        field(
            "source",
            &|f| f.source.is_some(),
            &|s| s.attribution.is_some(),
            hits(Qualifier::Source),
        ),
        field(
            "negated",
            &|f| f.negated,
            &|s| s.negated,
            hits(Qualifier::Negated),
        ),
    ];
    for m in MODALITIES.iter().skip(1) {
        out.push(field(
            &format!("modality={m}"),
            &|f| f.modality == *m,
            &|s| s.modality.as_str() == *m,
            all.modalities.get(*m).map_or(0, |c| c.gold_hit),
        ));
    }
    out.push(field(
        "o=null",
        &|f| f.o.is_none(),
        &|s| s.object.is_none(),
        all.found_without_object,
    ));
    out
}

fn cell(hits: usize, of: usize) -> String {
    format!("{:.3} ({hits}/{of})", ratio(hits, of))
}

/// The human-readable report.
pub fn table(groups: &[Group], fields: &[FieldUse]) -> String {
    let mut out = String::new();
    let mut row = |label: &str, cells: Vec<String>| {
        let _ = write!(out, "{label:<28}");
        for c in cells {
            let _ = write!(out, "{c:<22}");
        }
        out.push('\n');
    };
    let header: Vec<String> = groups
        .iter()
        .map(|g| format!("{} ({} docs)", g.name, g.documents))
        .collect();
    row("", header);
    let prf_rows = |name: &str, prf: &dyn Fn(&Counts) -> Prf| {
        let ps: Vec<Prf> = groups.iter().map(|g| prf(&g.counts)).collect();
        vec![
            (
                format!("{name} recall"),
                ps.iter()
                    .map(|p| cell(p.recall_hits, p.recall_of))
                    .collect(),
            ),
            (
                format!("{name} precision"),
                ps.iter()
                    .map(|p| cell(p.precision_hits, p.precision_of))
                    .collect(),
            ),
            (
                format!("{name} F1"),
                ps.iter()
                    .map(|p| format!("{:.3}", p.f1))
                    .collect::<Vec<_>>(),
            ),
        ]
    };
    let mut rows = prf_rows("facts", &facts);
    for q in Qualifier::ALL {
        rows.extend(prf_rows(q.name(), &|c| qualifier(c, q)));
        let paired = groups
            .iter()
            .map(|g| {
                let c = g.counts.qualifiers.get(&q).copied().unwrap_or_default();
                cell(c.gold_hit, c.gold_paired)
            })
            .collect();
        rows.push(("  recall of paired facts".to_owned(), paired));
    }
    let entity_row = |label: &str, f: &dyn Fn(&EntityCounts) -> (usize, usize)| {
        let cells = groups
            .iter()
            .map(|g| {
                let (n, d) = f(&g.counts.entities);
                cell(n, d)
            })
            .collect();
        (label.to_owned(), cells)
    };
    rows.extend([
        entity_row("entities clustered", &|e| (e.correct, e.entities)),
        entity_row("  of those mapped", &|e| {
            (e.correct, e.entities - e.unmapped)
        }),
        entity_row("  with aliases", &|e| {
            (e.with_aliases_correct, e.with_aliases)
        }),
        entity_row("  unmapped", &|e| (e.unmapped, e.entities)),
        entity_row("  split over nodes", &|e| (e.split, e.entities)),
        entity_row("  merged with another", &|e| (e.merged, e.entities)),
        entity_row("distinct pairs apart", &|e| {
            (e.distinct_apart, e.distinct_evaluable)
        }),
    ]);
    for (label, cells) in rows {
        row(&label, cells);
    }
    out.push_str("\n(distinct pairs: of those whose two names are both on nodes)\n\n");
    out.push_str(
        "gold fields: facts giving them / statements filling them / found facts filled right\n",
    );
    for f in fields {
        let _ = writeln!(
            out,
            "  {:<22}{:>5} / {:>5} / {:>5}",
            f.field, f.gold, f.statements, f.right
        );
    }
    let list = |names: Vec<&str>| match names.is_empty() {
        true => "none".to_owned(),
        false => names.join(", "),
    };
    let _ = writeln!(
        out,
        "never filled by the extractor: {}",
        list(never_filled(fields))
    );
    let _ = writeln!(out, "never filled right: {}", list(never_right(fields)));
    out
}

fn never_filled(fields: &[FieldUse]) -> Vec<&str> {
    fields
        .iter()
        .filter(|f| f.gold > 0 && f.statements == 0)
        .map(|f| f.field.as_str())
        .collect()
}

fn never_right(fields: &[FieldUse]) -> Vec<&str> {
    fields
        .iter()
        .filter(|f| f.gold > 0 && f.right == 0)
        .map(|f| f.field.as_str())
        .collect()
}

/// The report for machines.
pub fn json(groups: &[Group], fields: &[FieldUse]) -> Value {
    let mut out = BTreeMap::new();
    for g in groups {
        let qualifiers: BTreeMap<&str, Prf> = Qualifier::ALL
            .iter()
            .map(|q| (q.name(), qualifier(&g.counts, *q)))
            .collect();
        out.insert(
            g.name,
            json!({
                "documents": g.documents,
                "facts": facts(&g.counts),
                "qualifiers": qualifiers,
                "qualifier_counts": g.counts.qualifiers,
                "modalities": g
                    .counts
                    .modalities
                    .iter()
                    .map(|(m, c)| (m.clone(), Prf::new(c.gold_hit, c.gold, c.statements_hit, c.statements)))
                    .collect::<BTreeMap<String, Prf>>(),
                "entities": g.counts.entities,
            }),
        );
    }
    json!({
        "groups": out,
        "fields": fields,
        "never_filled": never_filled(fields),
        "never_right": never_right(fields),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_sum_and_scores_divide() {
        let mut a = Counts {
            gold_facts: 4,
            found: 2,
            statements: 5,
            matched: 4,
            ..Counts::default()
        };
        a.qualifiers.insert(
            Qualifier::Where,
            QualifierCounts {
                gold: 2,
                gold_paired: 2,
                gold_hit: 1,
                statements: 1,
                statements_hit: 1,
            },
        );
        let b = a.clone();
        add(&mut a, &b);
        let p = facts(&a);
        assert_eq!((p.recall_hits, p.recall_of), (4, 8));
        assert!((p.recall - 0.5).abs() < 1e-9 && (p.precision - 0.8).abs() < 1e-9);
        assert!((p.f1 - 2.0 * 0.4 / 1.3).abs() < 1e-9);
        let w = qualifier(&a, Qualifier::Where);
        assert_eq!((w.recall_hits, w.recall_of, w.precision_of), (2, 4, 2));
        // Nothing to score is a zero, not a division by zero.
        let none = qualifier(&a, Qualifier::Negated);
        assert_eq!((none.recall, none.precision, none.f1), (0.0, 0.0, 0.0));
    }
}
