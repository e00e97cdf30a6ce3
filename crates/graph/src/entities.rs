//! One canonical record per entity, recomputed from what the documents observed.
//!
//! Documents only write observations (`kg:observedLabel`, `kg:observedType`, `kg:observedSameAs`)
//! into their own graphs. After documents are added, replaced or removed, the records of the
//! entities they touched are recomputed here into the entities graph: the label most documents use,
//! the type most documents vote for, the other labels as `skos:altLabel`, and counts. Because the
//! record is derived, it stays consistent whatever order documents come and go in.

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedOrBlankNodeRef, Quad, Term, TermRef};
use oxigraph::store::{StorageError, Transaction};

use crate::vocab::*;

/// Recomputes the entities-graph records of `entities` inside `transaction`.
pub fn refresh(
    transaction: &mut Transaction<'_>,
    entities: &BTreeSet<NamedNode>,
) -> Result<(), StorageError> {
    let graph = entities_graph();
    for entity in entities {
        let subject = NamedOrBlankNodeRef::from(entity.as_ref());
        let stale: Vec<Quad> = transaction
            .quads_for_pattern(Some(subject), None, None, Some(GraphNameRef::from(&graph)))
            .collect::<Result<_, _>>()?;
        for quad in &stale {
            transaction.remove(quad);
        }
        let Some(record) = Record::gather(transaction, entity)? else {
            continue;
        };
        for (p, o) in record.triples() {
            transaction.insert(&Quad::new(entity.clone(), p, o, graph.clone()));
        }
    }
    Ok(())
}

/// Everything the documents say about one entity, counted.
struct Record {
    labels: BTreeMap<String, usize>,
    types: BTreeMap<NamedNode, usize>,
    same_as: BTreeMap<String, Term>,
    documents: usize,
    statements: usize,
}

impl Record {
    /// `None` when no document mentions the entity any more.
    fn gather(
        transaction: &Transaction<'_>,
        entity: &NamedNode,
    ) -> Result<Option<Record>, StorageError> {
        let subject = Some(NamedOrBlankNodeRef::from(entity.as_ref()));
        let as_object = Some(TermRef::from(entity.as_ref()));
        let documents = transaction
            .quads_for_pattern(None, Some(KG_MENTIONS), as_object, None)
            .count();
        if documents == 0 {
            return Ok(None);
        }
        let mut labels = BTreeMap::new();
        for quad in transaction.quads_for_pattern(subject, Some(KG_OBSERVED_LABEL), None, None) {
            if let Term::Literal(l) = quad?.object {
                *labels.entry(l.value().to_owned()).or_insert(0) += 1;
            }
        }
        let mut types = BTreeMap::new();
        for quad in transaction.quads_for_pattern(subject, Some(KG_OBSERVED_TYPE), None, None) {
            if let Term::NamedNode(t) = quad?.object {
                *types.entry(t).or_insert(0) += 1;
            }
        }
        let mut same_as = BTreeMap::new();
        for quad in transaction.quads_for_pattern(subject, Some(KG_OBSERVED_SAME_AS), None, None) {
            let object = quad?.object;
            same_as.insert(object.to_string(), object);
        }
        let mut statements = 0;
        for role in [RDF_SUBJECT, RDF_OBJECT] {
            statements += transaction
                .quads_for_pattern(None, Some(role), as_object, None)
                .count();
        }
        Ok(Some(Record {
            labels,
            types,
            same_as,
            documents,
            statements,
        }))
    }

    /// The canonical triples: deterministic whatever order the observations came in.
    fn triples(&self) -> Vec<(NamedNode, Term)> {
        let mut out = Vec::new();
        // Most documents win; ties go to a fixed precedence of types, then to the IRI.
        let rank = |t: &NamedNode| {
            [
                SCHEMA_PERSON,
                SCHEMA_ORGANIZATION,
                SCHEMA_PLACE,
                KG_OTHER,
                KG_CONCEPT,
            ]
            .iter()
            .position(|c| *c == t.as_ref())
            .unwrap_or(usize::MAX)
        };
        if let Some((class, _)) = self
            .types
            .iter()
            .max_by(|(a, x), (b, y)| x.cmp(y).then(rank(b).cmp(&rank(a))).then(b.cmp(a)))
        {
            out.push((RDF_TYPE.into_owned(), class.clone().into()));
        }
        let label = self
            .labels
            .iter()
            .max_by(|(a, x), (b, y)| x.cmp(y).then(b.cmp(a)))
            .map(|(l, _)| l.clone());
        if let Some(label) = &label {
            out.push((
                RDFS_LABEL.into_owned(),
                Literal::new_simple_literal(label).into(),
            ));
        }
        for other in self.labels.keys().filter(|l| Some(*l) != label.as_ref()) {
            out.push((
                SKOS_ALT_LABEL.into_owned(),
                Literal::new_simple_literal(other).into(),
            ));
        }
        for same in self.same_as.values() {
            out.push((OWL_SAME_AS.into_owned(), same.clone()));
        }
        out.push((
            KG_DOCUMENT_COUNT.into_owned(),
            Literal::from(self.documents as i64).into(),
        ));
        out.push((
            KG_MENTION_COUNT.into_owned(),
            Literal::from(self.statements as i64).into(),
        ));
        out
    }
}
