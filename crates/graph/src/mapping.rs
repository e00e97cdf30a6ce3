//! Statements of one document → RDF quads in that document's named graph.
//!
//! Each fact is written twice, as the asserted triple `?s ?p ?o` (what users query) and as an
//! `rdf:Statement` node carrying qualifiers, confidence, polarity, modality and provenance. The
//! mention layer follows: every recognised person, organisation and place, whether or not a
//! statement uses it, linked from its sentence (`schema:mentions`) and its document
//! (`kg:mentions`). Entities are not described here: the document only records what it observed
//! (`kg:observedLabel`, `kg:observedType`), the same for a statement's argument and a mention, and
//! [`crate::entities`] turns the observations of all documents into one canonical record per
//! entity. All terms are built with oxigraph's term types, never by
//! formatting user text into RDF syntax.

use std::collections::BTreeSet;

use kg_model::{
    Argument, ArgumentKind, DatelinePlace, Document, EntityMention, EntityType, Literal as Lit,
    Role, Statement,
};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};

use crate::resolve::Resolver;
use crate::summary::EdgesBuilder;
use crate::vocab::{self, *};

/// The version of how statements are written as quads. Part of every document's fingerprint,
/// so that a kg writing them differently rewrites the documents an older kg stored. 2:
/// `kg:timeText` is a recognised time expression's own words. 3: the mention layer; a source
/// that names no node written as its words (`kg:sourceText "officials"`), not left out; a wire
/// story's dateline (`schema:locationCreated`, `dcterms:publisher`, its dated year as
/// `dcterms:date`).
pub const MAPPING_VERSION: &str = "mapping 3";

/// What an argument became in the graph.
enum Node {
    /// An entity or concept IRI.
    Resource(NamedNode),
    Literal(Literal),
    /// A pronoun or relative word that could not be resolved.
    Unresolved,
}

/// Makes the quads of one document's graph, handing each to a sink as it is made.
struct DocumentQuads<'r, 's> {
    resolver: &'r Resolver,
    graph: GraphName,
    document: NamedNode,
    sink: &'s mut dyn FnMut(Quad),
    /// The document's export summary, fed every quad of its graph as it is written.
    summary: EdgesBuilder,
    /// Observations already written, so that each (entity, label) pair is recorded once per doc.
    observed: BTreeSet<(NamedNode, String, NamedNode)>,
    mentioned: BTreeSet<NamedNode>,
}

/// The quads of one document: its metadata, its sentences with statements, its mention layer,
/// its observations. `statements` and `mentions` must be in extraction order and name this
/// document's sentences (`document.sentences`, whose spans give a mention's sentence).
///
/// `extractor` names the extractor and model versions; it is part of the document's fingerprint,
/// so a new model re-extracts documents whose text did not change.
pub fn document_quads(
    document: &Document,
    statements: &[Statement],
    mentions: &[EntityMention],
    extractor: &str,
) -> Vec<Quad> {
    document_quads_resolved(
        document,
        statements,
        mentions,
        extractor,
        &Resolver::default(),
    )
}

/// [`document_quads`] with entity names resolved to canonical names by `resolver` (the alias
/// registry and the names already known: see [`crate::resolve`]).
pub fn document_quads_resolved(
    document: &Document,
    statements: &[Statement],
    mentions: &[EntityMention],
    extractor: &str,
    resolver: &Resolver,
) -> Vec<Quad> {
    let mut quads = Vec::new();
    write_document_quads(
        document,
        statements,
        mentions,
        extractor,
        resolver,
        &mut |q| quads.push(q),
    );
    quads
}

/// [`document_quads_resolved`], each quad handed to `sink` as soon as it is made, in the same
/// order, instead of collected: what a store writes need not be held for the whole document.
pub fn write_document_quads(
    document: &Document,
    statements: &[Statement],
    mentions: &[EntityMention],
    extractor: &str,
    resolver: &Resolver,
    sink: &mut dyn FnMut(Quad),
) {
    let iri = vocab::document_iri(&document.id);
    let mut out = DocumentQuads {
        resolver,
        graph: GraphName::NamedNode(iri.clone()),
        summary: EdgesBuilder::new(&iri),
        document: iri,
        sink,
        observed: BTreeSet::new(),
        mentioned: BTreeSet::new(),
    };
    out.metadata(document, extractor);
    out.dateline(document);
    let mut sentences_written = BTreeSet::new();
    let mut per_sentence: std::collections::BTreeMap<usize, usize> = Default::default();
    for statement in statements {
        let index = statement.provenance.sentence_index;
        let sentence = vocab::sentence_iri(&out.document, index);
        if sentences_written.insert(index) {
            let p = &statement.provenance;
            out.sentence(
                &sentence,
                index,
                (p.sentence_start, p.sentence_end),
                &p.sentence_text,
            );
        }
        let k = per_sentence.entry(index).or_insert(0);
        out.statement(&sentence, *k, statement);
        *k += 1;
    }
    for statement in statements {
        out.same_as(document, statement);
    }
    out.mention_layer(document, mentions, &sentences_written);
    for entity in std::mem::take(&mut out.mentioned) {
        let document = out.document.clone();
        out.push(document, KG_MENTIONS.into_owned(), entity);
    }
    if let Some(summary) = out.summary.finish() {
        (out.sink)(summary);
    }
}

impl DocumentQuads<'_, '_> {
    /// `kg:observedSameAs` for each entity argument whose name the recogniser found in a
    /// gazetteer (a place's GeoNames IRI): the mention inside the argument's span that carries
    /// an external id. Reconciliation turns the observations into `owl:sameAs`.
    fn same_as(&mut self, document: &Document, statement: &Statement) {
        let Some(sentence) = document.sentences.get(statement.provenance.sentence_index) else {
            return;
        };
        let arguments = std::iter::once(&statement.subject)
            .chain(statement.object.as_ref())
            .chain(statement.attribution.as_ref())
            .chain(statement.qualifiers.iter().map(|q| &q.value));
        for argument in arguments {
            let ArgumentKind::Entity(kind) = argument.kind else {
                continue;
            };
            let (start, end) = argument.span;
            let Some(id) = sentence
                .mentions
                .iter()
                .filter(|m| m.kind == kind && start <= m.start && m.end <= end)
                .find_map(|m| m.external_id.as_deref())
            else {
                continue;
            };
            // On the canonical entity the statement's argument landed on, not on the name as
            // written: a place's sameAs belongs to its one node.
            let (Some(entity), Ok(target)) = (self.entity_iri(argument, kind), NamedNode::new(id))
            else {
                continue;
            };
            if self.observed.insert((
                entity.clone(),
                target.as_str().to_owned(),
                KG_OBSERVED_SAME_AS.into_owned(),
            )) {
                self.push(entity, KG_OBSERVED_SAME_AS.into_owned(), target);
            }
        }
    }

    fn push(&mut self, s: impl Into<NamedOrBlankNode>, p: NamedNode, o: impl Into<Term>) {
        let quad = Quad::new(s, p, o, self.graph.clone());
        self.summary.observe(&quad);
        (self.sink)(quad);
    }

    fn metadata(&mut self, document: &Document, extractor: &str) {
        let d = self.document.clone();
        self.push(
            d.clone(),
            KG_FINGERPRINT.into_owned(),
            Literal::new_simple_literal(vocab::fingerprint(document, extractor)),
        );
        self.push(
            d.clone(),
            KG_EXTRACTOR.into_owned(),
            Literal::new_simple_literal(extractor),
        );
        self.push(d.clone(), RDF_TYPE.into_owned(), KG_DOCUMENT.into_owned());
        self.push(
            d.clone(),
            DCTERMS_IDENTIFIER.into_owned(),
            Literal::new_simple_literal(&document.id),
        );
        self.push(
            d.clone(),
            KG_CONTENT_HASH.into_owned(),
            Literal::new_simple_literal(vocab::sha256_hex(document.text.as_bytes())),
        );
        if let Some(title) = &document.title {
            self.push(
                d.clone(),
                DCTERMS_TITLE.into_owned(),
                Literal::new_simple_literal(title),
            );
        }
        // The dump's date, else a dateline's that names its year.
        if let Some(date) = document.anchor_date() {
            let date = Literal::new_typed_literal(date.to_string(), XSD_DATE);
            self.push(d.clone(), DCTERMS_DATE.into_owned(), date);
        }
        if let Some(source) = &document.source {
            self.push(
                d.clone(),
                DCTERMS_SOURCE.into_owned(),
                Literal::new_simple_literal(source),
            );
        }
        if let Some(url) = &document.url {
            // A URL is kept as a literal: it comes from user data and need not be a valid IRI.
            self.push(d, SCHEMA_URL.into_owned(), Literal::new_simple_literal(url));
        }
    }

    /// A wire story's dateline: its place, an entity node observed like any other (name, type,
    /// GeoNames IRI, mentioned by the document), as `schema:locationCreated`; its agency as
    /// `dcterms:publisher`. Never a fact's place: the story need not happen where it was filed.
    fn dateline(&mut self, document: &Document) {
        let Some(dateline) = &document.dateline else {
            return;
        };
        if let Some(place) = &dateline.place {
            let argument = dateline_argument(document, place);
            if let Node::Resource(entity) = self.argument(&argument) {
                let d = self.document.clone();
                self.push(d, SCHEMA_LOCATION_CREATED.into_owned(), entity.clone());
                if let Some(Ok(target)) = place.external_id.as_deref().map(NamedNode::new) {
                    if self.observed.insert((
                        entity.clone(),
                        target.as_str().to_owned(),
                        KG_OBSERVED_SAME_AS.into_owned(),
                    )) {
                        self.push(entity, KG_OBSERVED_SAME_AS.into_owned(), target);
                    }
                }
            }
        }
        if let Some(agency) = &dateline.agency {
            let d = self.document.clone();
            self.push(
                d,
                DCTERMS_PUBLISHER.into_owned(),
                Literal::new_simple_literal(agency),
            );
        }
    }

    /// A sentence node: `index` in the document, character offsets `start..end`.
    fn sentence(&mut self, sentence: &NamedNode, index: usize, span: (usize, usize), text: &str) {
        let s = sentence.clone();
        self.push(s.clone(), RDF_TYPE.into_owned(), KG_SENTENCE.into_owned());
        self.push(
            s.clone(),
            DCTERMS_IS_PART_OF.into_owned(),
            self.document.clone(),
        );
        self.push(
            s.clone(),
            KG_TEXT.into_owned(),
            Literal::new_simple_literal(text),
        );
        self.push(
            s.clone(),
            KG_INDEX.into_owned(),
            Literal::from(index as i64),
        );
        self.push(
            s.clone(),
            KG_START.into_owned(),
            Literal::from(span.0 as i64),
        );
        self.push(s, KG_END.into_owned(), Literal::from(span.1 as i64));
    }

    fn statement(&mut self, sentence: &NamedNode, k: usize, statement: &Statement) {
        let Some(predicate) = vocab::relation_iri(&statement.relation.lemma) else {
            return;
        };
        let declarations = GraphName::NamedNode(vocab::relations_graph());
        for (p, o) in [
            (RDF_TYPE.into_owned(), Term::from(KG_RELATION.into_owned())),
            (
                RDFS_LABEL.into_owned(),
                Literal::new_simple_literal(&statement.relation.lemma).into(),
            ),
        ] {
            // Not in the document's graph: nothing the summary reads.
            (self.sink)(Quad::new(predicate.clone(), p, o, declarations.clone()));
        }
        let st = vocab::statement_iri(sentence, k);
        let subject = self.argument(&statement.subject);
        let object = statement.object.as_ref().map(|o| self.argument(o));

        self.push(
            st.clone(),
            RDF_TYPE.into_owned(),
            RDF_STATEMENT.into_owned(),
        );
        self.push(st.clone(), RDF_PREDICATE.into_owned(), predicate.clone());
        self.push(
            st.clone(),
            PROV_WAS_DERIVED_FROM.into_owned(),
            sentence.clone(),
        );
        self.push(
            st.clone(),
            KG_RELATION_TEXT.into_owned(),
            Literal::new_simple_literal(&statement.relation.text),
        );
        self.push(
            st.clone(),
            KG_SUBJECT_TEXT.into_owned(),
            Literal::new_simple_literal(&statement.subject.full_text),
        );
        if let Some(o) = &statement.object {
            self.push(
                st.clone(),
                KG_OBJECT_TEXT.into_owned(),
                Literal::new_simple_literal(&o.full_text),
            );
        }
        let confidence =
            Literal::new_typed_literal(format_double(f64::from(statement.confidence)), XSD_DOUBLE);
        self.push(st.clone(), KG_CONFIDENCE.into_owned(), confidence);
        let polarity = if statement.negated {
            "negative"
        } else {
            "positive"
        };
        self.push(
            st.clone(),
            KG_POLARITY.into_owned(),
            Literal::new_simple_literal(polarity),
        );
        self.push(
            st.clone(),
            KG_MODALITY.into_owned(),
            Literal::new_simple_literal(statement.modality.as_str()),
        );

        let mut unresolved = false;
        let subject_iri = match subject {
            Node::Resource(iri) => {
                self.push(st.clone(), RDF_SUBJECT.into_owned(), iri.clone());
                Some(iri)
            }
            // A literal cannot be an RDF subject: keep the text on the statement node only.
            Node::Literal(_) | Node::Unresolved => {
                unresolved = true;
                None
            }
        };
        let object_term: Option<Term> = match object {
            Some(Node::Resource(iri)) => Some(iri.into()),
            Some(Node::Literal(l)) => Some(l.into()),
            Some(Node::Unresolved) => {
                unresolved = true;
                None
            }
            None => None,
        };
        if let Some(o) = &object_term {
            self.push(st.clone(), RDF_OBJECT.into_owned(), o.clone());
        }
        // The asserted triple is written only for complete, positive, asserted facts: a negated or
        // hypothetical statement must not answer a plain `?s kg:meet ?o` query as if it were true.
        let assertable = !statement.negated
            && statement.modality == kg_model::Modality::Asserted
            && statement.attribution.is_none();
        if let (Some(s), Some(o), true) = (&subject_iri, &object_term, assertable) {
            self.push(s.clone(), predicate.clone(), o.clone());
        }
        if unresolved {
            self.push(st.clone(), KG_UNRESOLVED.into_owned(), Literal::from(true));
        }

        self.source(&st, statement);
        self.qualifiers(&st, statement);
    }

    /// Who the statement is attributed to: the source's node, else its words.
    fn source(&mut self, st: &NamedNode, statement: &Statement) {
        if let Some(source) = &statement.attribution {
            // A source that names no node ("officials", an unresolved "he") is still a source:
            // its words, so that the statement is not read as unattributed (exports, queries).
            match self.argument(source) {
                Node::Resource(iri) => self.push(st.clone(), KG_ATTRIBUTED_TO.into_owned(), iri),
                Node::Literal(_) | Node::Unresolved => self.push(
                    st.clone(),
                    KG_SOURCE_TEXT.into_owned(),
                    Literal::new_simple_literal(&source.full_text),
                ),
            }
        }
    }

    /// The statement's qualifiers: place, time (with its words), means, recipient, topic, and
    /// any other prepositional argument as a `kg:argument` node.
    fn qualifiers(&mut self, st: &NamedNode, statement: &Statement) {
        for (i, qualifier) in statement.qualifiers.iter().enumerate() {
            let value = match self.argument(&qualifier.value) {
                Node::Resource(iri) => Term::from(iri),
                Node::Literal(l) => Term::from(l),
                Node::Unresolved => continue,
            };
            let property = match qualifier.role {
                Role::Location => KG_LOCATION,
                Role::Time => KG_TIME,
                Role::Means => KG_MEANS,
                Role::Recipient => KG_RECIPIENT,
                Role::Topic => KG_TOPIC,
                Role::Other => {
                    let node = NamedNode::new_unchecked(format!("{}/q{i}", st.as_str()));
                    self.push(st.clone(), KG_ARGUMENT.into_owned(), node.clone());
                    if let Some(prep) = &qualifier.preposition {
                        self.push(
                            node.clone(),
                            KG_PREPOSITION.into_owned(),
                            Literal::new_simple_literal(prep),
                        );
                    }
                    self.push(node, KG_VALUE.into_owned(), value);
                    continue;
                }
            };
            self.push(st.clone(), property.into_owned(), value);
            if qualifier.role == Role::Time {
                // The time expression as written: a recognised one's own words, not the
                // phrase the parser hung on it ("Wednesday between Kim and Putin").
                let written = match qualifier.value.kind {
                    ArgumentKind::Literal(Lit::Time(_)) => &qualifier.value.text,
                    _ => &qualifier.value.full_text,
                };
                self.push(
                    st.clone(),
                    KG_TIME_TEXT.into_owned(),
                    Literal::new_simple_literal(written),
                );
            }
        }
    }

    /// The IRI of an entity argument: minted from its canonical name (see [`crate::resolve`]).
    fn entity_iri(&self, argument: &Argument, kind: EntityType) -> Option<NamedNode> {
        vocab::entity_iri(&self.resolver.canonical(&argument.text, kind))
    }

    /// Maps an argument to a node, recording what this document observed about entities.
    fn argument(&mut self, argument: &Argument) -> Node {
        let (iri, class) = match &argument.kind {
            ArgumentKind::Entity(kind) => (self.entity_iri(argument, *kind), entity_class(*kind)),
            ArgumentKind::Concept => (vocab::concept_iri(&argument.text), KG_CONCEPT),
            ArgumentKind::Literal(value) => return Node::Literal(literal(argument, value)),
            ArgumentKind::Unresolved => return Node::Unresolved,
        };
        let Some(iri) = iri else {
            return Node::Unresolved;
        };
        self.observe_entity(&iri, &argument.text, argument.alias.as_deref(), class);
        Node::Resource(iri)
    }

    /// What the document observed of an entity or concept named `name` (and `alias` as
    /// written): its label, its name (not a concept's), its type. The document mentions it.
    fn observe_entity(
        &mut self,
        iri: &NamedNode,
        name: &str,
        alias: Option<&str>,
        class: NamedNodeRef<'_>,
    ) {
        self.observe(iri, KG_OBSERVED_LABEL, name);
        if class != KG_CONCEPT {
            // The document's own name for the entity: what cross-document resolution reads.
            self.observe(iri, KG_OBSERVED_NAME, name);
            if let Some(alias) = alias {
                self.observe(iri, KG_OBSERVED_LABEL, alias);
            }
        }
        let class = Term::from(class.into_owned());
        if self.observed.insert((
            iri.clone(),
            class.to_string(),
            KG_OBSERVED_TYPE.into_owned(),
        )) {
            self.push(iri.clone(), KG_OBSERVED_TYPE.into_owned(), class);
        }
        self.mentioned.insert(iri.clone());
    }

    /// The mention layer: each mention's entity, observed as a statement's argument naming it
    /// would be (the same IRI, names and type), linked from its sentence by `schema:mentions`
    /// (the sentence node written if no statement wrote it) and, with the statements' entities,
    /// from the document by `kg:mentions`.
    fn mention_layer(
        &mut self,
        document: &Document,
        mentions: &[EntityMention],
        sentences_written: &BTreeSet<usize>,
    ) {
        let mut offsets = document.char_offsets();
        let mut written = sentences_written.clone();
        let mut linked: BTreeSet<(usize, NamedNode)> = BTreeSet::new();
        for mention in mentions {
            let index = mention.sentence_index;
            let Some(sentence) = document.sentences.get(index) else {
                continue;
            };
            let Some(entity) =
                vocab::entity_iri(&self.resolver.canonical(&mention.name, mention.kind))
            else {
                continue;
            };
            let iri = vocab::sentence_iri(&self.document, index);
            if written.insert(index) {
                let span = (offsets.at(sentence.start), offsets.at(sentence.end));
                let text = document.slice(sentence.start, sentence.end);
                self.sentence(&iri, index, span, text);
            }
            self.observe_entity(
                &entity,
                &mention.name,
                mention.alias.as_deref(),
                entity_class(mention.kind),
            );
            if let Some(id) = mention
                .external_id
                .as_deref()
                .and_then(|id| NamedNode::new(id).ok())
            {
                if self.observed.insert((
                    entity.clone(),
                    id.as_str().to_owned(),
                    KG_OBSERVED_SAME_AS.into_owned(),
                )) {
                    self.push(entity.clone(), KG_OBSERVED_SAME_AS.into_owned(), id);
                }
            }
            if linked.insert((index, entity.clone())) {
                self.push(iri, SCHEMA_MENTIONS.into_owned(), entity);
            }
        }
    }
}

/// The class of an entity of type `kind`.
fn entity_class(kind: EntityType) -> NamedNodeRef<'static> {
    match kind {
        EntityType::Person => SCHEMA_PERSON,
        EntityType::Organization => SCHEMA_ORGANIZATION,
        EntityType::Place => SCHEMA_PLACE,
        EntityType::Other => KG_OTHER,
    }
}

impl DocumentQuads<'_, '_> {
    fn observe(&mut self, iri: &NamedNode, property: NamedNodeRef<'_>, value: &str) {
        let value = Term::from(Literal::new_simple_literal(value));
        if self
            .observed
            .insert((iri.clone(), value.to_string(), property.into_owned()))
        {
            self.push(iri.clone(), property.into_owned(), value);
        }
    }
}

/// A dateline's place as a place argument: its usual name, and the name as written as an alias
/// when it is another name, not the same in capitals ("NAIROBI" is no other name of Nairobi).
pub fn dateline_argument(document: &Document, place: &DatelinePlace) -> Argument {
    let written = document.slice(place.start, place.end);
    let other = written.to_lowercase() != place.name.to_lowercase();
    Argument {
        text: place.name.clone(),
        full_text: written.to_owned(),
        kind: ArgumentKind::Entity(EntityType::Place),
        span: (0, 0),
        alias: other.then(|| written.to_owned()),
    }
}

/// A literal argument as a typed RDF literal: ISO dates as `xsd:date`/`gYearMonth`/`gYear`,
/// quantities as `xsd:double`, anything else as a plain string.
fn literal(argument: &Argument, value: &Lit) -> Literal {
    match value {
        Lit::Time(Some(v)) => time_literal(v).unwrap_or_else(|| Literal::new_simple_literal(v)),
        Lit::Time(None) | Lit::Text => Literal::new_simple_literal(&argument.text),
        Lit::Quantity { amount, .. } => {
            Literal::new_typed_literal(format_double(*amount), XSD_DOUBLE)
        }
    }
}

/// A TIMEX3 value as a typed XSD literal when it is a plain date, month or year.
pub fn time_literal(value: &str) -> Option<Literal> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = value.split('-').collect();
    let datatype = match parts.as_slice() {
        [y] if y.len() == 4 && digits(y) => XSD_G_YEAR,
        [y, m] if y.len() == 4 && digits(y) && m.len() == 2 && digits(m) => XSD_G_YEAR_MONTH,
        [y, m, d]
            if y.len() == 4
                && digits(y)
                && m.len() == 2
                && digits(m)
                && d.len() == 2
                && digits(d) =>
        {
            XSD_DATE
        }
        _ => return None,
    };
    Some(Literal::new_typed_literal(value, datatype))
}

/// Fixed formatting so that the same confidence always gives the same literal.
fn format_double(x: f64) -> String {
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.contains('.') || s.contains('e') {
        s.to_owned()
    } else {
        format!("{s}.0")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_become_date_month_and_year_literals_and_others_stay_untyped() {
        let typed =
            |v: &str| time_literal(v).map(|l| (l.value().to_owned(), l.datatype().into_owned()));
        assert_eq!(
            typed("2023-09-13"),
            Some(("2023-09-13".into(), XSD_DATE.into_owned()))
        );
        assert_eq!(
            typed("2023-09"),
            Some(("2023-09".into(), XSD_G_YEAR_MONTH.into_owned()))
        );
        assert_eq!(
            typed("2022"),
            Some(("2022".into(), XSD_G_YEAR.into_owned()))
        );
        // TIMEX3 values with no XSD type: weeks, seasons, ranges, decades, durations.
        for v in ["2023-W37", "2022-SU", "2019/2021", "199", "P4Y", "2023-9-1"] {
            assert_eq!(typed(v), None, "{v}");
        }
    }
}
