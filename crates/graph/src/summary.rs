//! Export summaries: what the projection needs of a document or an entity record, written beside
//! it at build time as one literal, so that an export reads one string per document and per
//! entity instead of joining a dozen triple patterns per statement.
//!
//! Reading the statements through SPARQL costs ≈ 150 µs of CPU per statement on a large store
//! (twelve hash-joined patterns, and every IRI or long literal in a result is a RocksDB read of
//! oxigraph's id-to-string table): 170 s for a million edges. A summary is one such read for a
//! whole document. Summaries are derived data, like the entity records, and are kept in step by
//! the only code that changes what they summarise:
//!
//! - `kg:exportEdges`, on each document in its own graph, is computed by [`of_document`] from the
//!   document's quads when [`crate::mapping`] writes them, and rewritten by
//!   [`rename_entity`] when entity resolution moves an entity of that graph;
//! - `kg:exportNode`, on each entity in the entities graph, is computed by [`of_entity`] from the
//!   record's triples whenever [`crate::entities`] rewrites the record.
//!
//! [`of_document`] evaluates exactly what the projection's SPARQL fallback asks of the statements
//! (positive, asserted, unattributed, an IRI as object, with a sentence) over the document's own
//! quads, and its output is canonical (sorted), so a test can recompute every summary of a store
//! from the quads and compare. A store written by an older kg has no summaries; the projection
//! then uses SPARQL, and the next build adds them ([`crate::KgStore::complete_summaries`]).
//!
//! Whether a store has its summaries is decided by counting quads per predicate, which decodes
//! nothing. A summary of an older format under the same predicate counts as present but is not
//! read (its header differs), so exports fall back to SPARQL until the next build; the header is
//! part of every document's fingerprint, so that build rewrites every document and its summary.
//!
//! Format (version line first; fields separated by tabs; lines by `\n`; text escaped with `\\`,
//! `\t`, `\n`, `\r`; IRIs contain none of these):
//!
//! ```text
//! kg-export-edges 2
//! d <day>                                   one per date of the document (YYYY-MM-DD)
//! m <IRI>                                   one per entity the document mentions
//! s <sentence text>                         sentences of an e line or of a c line's number, sorted
//! e <subject> <predicate> <object> <sentence number> <days, space-separated>
//! c <IRIs, space-separated> <sentence number, or empty>
//! ```
//!
//! An `e` line is one statement (lines repeat when statements do); its days are what the SPARQL
//! path gives: the statement's `xsd:date` time qualifiers, else its document's dates. A `c` line
//! is one sentence of the mention layer (`schema:mentions`): the entities it names, sorted and
//! unique, and its text when it names two or more (the co-mention network's evidence).

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use kg_model::Date;
use oxigraph::model::{
    Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad, Term,
};

use crate::vocab::*;

/// First line of a document summary.
pub const EDGES_HEADER: &str = "kg-export-edges 2";
/// First field of an entity summary.
pub const NODE_HEADER: &str = "kg-export-node 1";

/// Escapes text for a summary field.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['\\', '\t', '\n', '\r']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Undoes [`escape`].
pub fn unescape(text: &str) -> Cow<'_, str> {
    if !text.contains('\\') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    Cow::Owned(out)
}

/// One statement of a document summary, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EdgeRow<'a> {
    pub subject: &'a str,
    pub predicate: &'a str,
    pub object: &'a str,
    /// The sentence, still escaped (see [`unescape`]).
    pub sentence: &'a str,
    pub days: Vec<Date>,
}

/// One sentence of the mention layer, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceMentions<'a> {
    /// The entities the sentence names, sorted and unique.
    pub entities: Vec<&'a str>,
    /// The sentence when it names two or more entities, still escaped (see [`unescape`]).
    pub sentence: Option<&'a str>,
}

/// A document summary, parsed without copying.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct DocumentSummary<'a> {
    pub days: Vec<Date>,
    pub mentions: Vec<&'a str>,
    pub edges: Vec<EdgeRow<'a>>,
    /// The mention layer, a sentence at a time.
    pub sentences: Vec<SentenceMentions<'a>>,
}

/// Parses a document summary; `None` if it is not one this version writes.
pub fn parse_document(text: &str) -> Option<DocumentSummary<'_>> {
    let mut lines = text.split('\n');
    if lines.next()? != EDGES_HEADER {
        return None;
    }
    let mut out = DocumentSummary::default();
    let mut sentences: Vec<&str> = Vec::new();
    for line in lines {
        let (tag, rest) = line.split_once('\t')?;
        match tag {
            "d" => out.days.push(Date::parse_iso(rest)?),
            "m" => out.mentions.push(rest),
            "s" => sentences.push(rest),
            "e" => {
                let mut f = rest.split('\t');
                let (subject, predicate, object) = (f.next()?, f.next()?, f.next()?);
                let sentence = *sentences.get(f.next()?.parse::<usize>().ok()?)?;
                let days = f
                    .next()?
                    .split(' ')
                    .filter(|d| !d.is_empty())
                    .map(Date::parse_iso)
                    .collect::<Option<Vec<Date>>>()?;
                if f.next().is_some() {
                    return None;
                }
                out.edges.push(EdgeRow {
                    subject,
                    predicate,
                    object,
                    sentence,
                    days,
                });
            }
            "c" => {
                let (entities, number) = rest.split_once('\t')?;
                let sentence = match number {
                    "" => None,
                    n => Some(*sentences.get(n.parse::<usize>().ok()?)?),
                };
                out.sentences.push(SentenceMentions {
                    entities: entities.split(' ').filter(|e| !e.is_empty()).collect(),
                    sentence,
                });
            }
            _ => return None,
        }
    }
    Some(out)
}

/// A statement to write: subject, predicate, object, escaped sentence, days.
type Line<'a> = (&'a str, &'a str, &'a str, String, Vec<Date>);

/// A sentence of the mention layer to write: its entities, its escaped text.
type Named<'a> = (BTreeSet<&'a str>, String);

/// Writes a summary from its parts, in canonical order: days, mentions and sentences sorted and
/// unique, statements and sentences of the mention layer sorted (repeats kept: each is a
/// supporting statement, or sentence).
fn write_document(
    days: &BTreeSet<Date>,
    mentions: &BTreeSet<&str>,
    edges: &[Line<'_>],
    named: &[Named<'_>],
) -> String {
    let co_mentions = named.iter().filter(|(entities, _)| entities.len() > 1);
    let sentences: BTreeSet<&str> = edges
        .iter()
        .map(|e| e.3.as_str())
        .chain(co_mentions.map(|(_, text)| text.as_str()))
        .collect();
    let number: HashMap<&str, usize> = sentences.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    let mut out = String::from(EDGES_HEADER);
    for day in days {
        out.push_str(&format!("\nd\t{day}"));
    }
    for m in mentions {
        out.push_str("\nm\t");
        out.push_str(m);
    }
    for s in &sentences {
        out.push_str("\ns\t");
        out.push_str(s);
    }
    let mut lines: Vec<String> = edges
        .iter()
        .map(|(s, p, o, sentence, days)| {
            let days: Vec<String> = days.iter().map(Date::to_string).collect();
            format!(
                "\ne\t{s}\t{p}\t{o}\t{}\t{}",
                number[sentence.as_str()],
                days.join(" ")
            )
        })
        .collect();
    lines.sort();
    for line in lines {
        out.push_str(&line);
    }
    let mut lines: Vec<String> = named
        .iter()
        .filter(|(entities, _)| !entities.is_empty())
        .map(|(entities, text)| {
            let entities: Vec<&str> = entities.iter().copied().collect();
            let number = match entities.len() {
                1 => String::new(),
                _ => number[text.as_str()].to_string(),
            };
            format!("\nc\t{}\t{number}", entities.join(" "))
        })
        .collect();
    lines.sort();
    for line in lines {
        out.push_str(&line);
    }
    out
}

/// The `kg:exportEdges` quad of a document, computed from the quads of its graph (the summary
/// quad itself, if among them, is ignored). `None` if `quads` do not describe `document`.
pub fn of_document(document: &NamedNode, quads: &[Quad]) -> Option<Quad> {
    let mut summary = EdgesBuilder::new(document);
    for quad in quads {
        summary.observe(quad);
    }
    summary.finish()
}

/// The predicates [`EdgesBuilder::finish`] reads. A quad with another predicate says nothing
/// the summary needs, so [`EdgesBuilder::observe`] does not keep it.
const READ: [NamedNodeRef<'static>; 15] = [
    RDF_TYPE,
    KG_MENTIONS,
    DCTERMS_DATE,
    KG_POLARITY,
    KG_MODALITY,
    KG_ATTRIBUTED_TO,
    KG_SOURCE_TEXT,
    KG_TIME,
    RDF_SUBJECT,
    RDF_PREDICATE,
    RDF_OBJECT,
    PROV_WAS_DERIVED_FROM,
    KG_TEXT,
    DCTERMS_IS_PART_OF,
    SCHEMA_MENTIONS,
];

/// A document's export summary, built from its quads one at a time as they are written, keeping
/// only the triples the summary reads: a document's quads need not be held together to be
/// summarised (a dense megabyte of text makes hundreds of thousands of them).
pub struct EdgesBuilder {
    graph: oxigraph::model::GraphName,
    document: NamedNode,
    /// Each subject's kept triples: the predicate as its index in [`READ`], and the object.
    by_subject: HashMap<NamedOrBlankNode, Vec<(u8, Term)>>,
}

impl EdgesBuilder {
    /// An empty summary of `document`'s graph.
    pub fn new(document: &NamedNode) -> EdgesBuilder {
        EdgesBuilder {
            graph: oxigraph::model::GraphName::NamedNode(document.clone()),
            document: document.clone(),
            by_subject: HashMap::new(),
        }
    }

    /// Takes note of one quad; quads of other graphs, and triples the summary does not read, are
    /// ignored.
    pub fn observe(&mut self, q: &Quad) {
        if q.graph_name != self.graph {
            return;
        }
        if q.subject.as_ref() == NamedOrBlankNodeRef::from(self.document.as_ref())
            && !self.by_subject.contains_key(&q.subject)
        {
            // The document is described even if none of its own triples is read.
            self.by_subject.insert(q.subject.clone(), Vec::new());
        }
        let Some(p) = READ.iter().position(|p| q.predicate.as_ref() == *p) else {
            return;
        };
        if q.predicate.as_ref() == RDF_TYPE && q.object.as_ref() != RDF_STATEMENT.into() {
            return;
        }
        match self.by_subject.get_mut(&q.subject) {
            Some(triples) => triples.push((p as u8, q.object.clone())),
            None => {
                self.by_subject
                    .insert(q.subject.clone(), vec![(p as u8, q.object.clone())]);
            }
        }
    }

    /// The `kg:exportEdges` quad; `None` if no quad described the document itself.
    pub fn finish(self) -> Option<Quad> {
        let document = &self.document;
        let by_subject = &self.by_subject;
        let index = |p: NamedNodeRef<'_>| READ.iter().position(|r| *r == p).expect("read") as u8;
        let subject = NamedOrBlankNode::NamedNode(document.clone());
        let doc = by_subject.get(&subject)?;
        let values = |s: &NamedOrBlankNode, p: NamedNodeRef<'_>| -> Vec<&Term> {
            let p = index(p);
            by_subject
                .get(s)
                .map(|props| {
                    props
                        .iter()
                        .filter(|(q, _)| *q == p)
                        .map(|(_, o)| o)
                        .collect()
                })
                .unwrap_or_default()
        };
        let literal_text = |t: &&Term| match t {
            Term::Literal(l) => Some(l.value().to_owned()),
            _ => None,
        };
        fn iri(t: &Term) -> Option<&str> {
            match t {
                Term::NamedNode(n) => Some(n.as_str()),
                _ => None,
            }
        }

        let mentions: BTreeSet<&str> = doc
            .iter()
            .filter(|(p, _)| *p == index(KG_MENTIONS))
            .filter_map(|(_, o)| iri(o))
            .collect();
        let mut all_days: BTreeSet<Date> = BTreeSet::new();
        // The dates of any document a sentence says it is part of (in this graph, its own).
        let dates_of = |d: &Term| -> Vec<Option<Date>> {
            let Term::NamedNode(d) = d else {
                return Vec::new();
            };
            values(&NamedOrBlankNode::NamedNode(d.clone()), DCTERMS_DATE)
                .iter()
                .filter_map(literal_text)
                .map(|v| Date::parse_iso(&v))
                .collect()
        };
        for day in dates_of(&Term::NamedNode(document.clone()))
            .into_iter()
            .flatten()
        {
            all_days.insert(day);
        }

        let statement_type = Term::NamedNode(RDF_STATEMENT.into_owned());
        let has = |s: &NamedOrBlankNode, p, value: &str| {
            values(s, p).iter().any(
                |t| matches!(t, Term::Literal(l) if l.value() == value && l.datatype() == XSD_STRING),
            )
        };
        let mut edges = Vec::new();
        let statements: Vec<&NamedOrBlankNode> = by_subject
            .iter()
            .filter(|(_, props)| {
                props
                    .iter()
                    .any(|(p, o)| *p == index(RDF_TYPE) && *o == statement_type)
            })
            .map(|(s, _)| s)
            .collect();
        for st in statements {
            if !has(st, KG_POLARITY, "positive")
                || !has(st, KG_MODALITY, "asserted")
                || !values(st, KG_ATTRIBUTED_TO).is_empty()
                || !values(st, KG_SOURCE_TEXT).is_empty()
            {
                continue;
            }
            let mut times: Vec<Option<Date>> = values(st, KG_TIME)
                .into_iter()
                .filter_map(|t| match t {
                    Term::Literal(l) if l.datatype() == XSD_DATE => {
                        Some(Date::parse_iso(l.value()))
                    }
                    _ => None,
                })
                .collect();
            if times.is_empty() {
                // Without a time, the row's day is its document's date.
                times.push(None);
            }
            for s in values(st, RDF_SUBJECT).into_iter().filter_map(iri) {
                for p in values(st, RDF_PREDICATE).into_iter().filter_map(iri) {
                    for o in values(st, RDF_OBJECT).into_iter().filter_map(iri) {
                        for sentence in values(st, PROV_WAS_DERIVED_FROM) {
                            let Term::NamedNode(sentence) = sentence else {
                                continue;
                            };
                            let sentence = NamedOrBlankNode::NamedNode(sentence.clone());
                            for text in values(&sentence, KG_TEXT).iter().filter_map(literal_text) {
                                for part_of in values(&sentence, DCTERMS_IS_PART_OF) {
                                    // One row per (document date, time) pair, as the SPARQL join
                                    // gives; a row's day is its time, else its document's date.
                                    let mut dates = dates_of(part_of);
                                    if dates.is_empty() {
                                        dates.push(None);
                                    }
                                    let mut days = BTreeSet::new();
                                    for date in &dates {
                                        for time in &times {
                                            if let Some(day) = time.or(*date) {
                                                days.insert(day);
                                            }
                                        }
                                    }
                                    edges.push((
                                        s,
                                        p,
                                        o,
                                        escape(&text).into_owned(),
                                        days.into_iter().collect::<Vec<_>>(),
                                    ));
                                }
                            }
                        }
                    }
                }
            }
        }
        let named = named_sentences(by_subject);
        let text = write_document(&all_days, &mentions, &edges, &named);
        Some(Quad::new(
            document.clone(),
            KG_EXPORT_EDGES.into_owned(),
            Literal::new_simple_literal(text),
            document.clone(),
        ))
    }
}

/// The mention layer among a document's kept triples: every sentence naming an entity
/// (`schema:mentions`), with its escaped text.
fn named_sentences(by_subject: &HashMap<NamedOrBlankNode, Vec<(u8, Term)>>) -> Vec<Named<'_>> {
    let index = |p: NamedNodeRef<'_>| READ.iter().position(|r| *r == p).expect("read") as u8;
    let (mentions, text) = (index(SCHEMA_MENTIONS), index(KG_TEXT));
    let mut named = Vec::new();
    for props in by_subject.values() {
        let entities: BTreeSet<&str> = props
            .iter()
            .filter(|(p, _)| *p == mentions)
            .filter_map(|(_, o)| match o {
                Term::NamedNode(n) => Some(n.as_str()),
                _ => None,
            })
            .collect();
        if entities.is_empty() {
            continue;
        }
        let written = props
            .iter()
            .find_map(|(p, o)| match o {
                Term::Literal(l) if *p == text => Some(l.value()),
                _ => None,
            })
            .unwrap_or_default();
        named.push((entities, escape(written).into_owned()));
    }
    named
}

/// A document summary with entity `from` renamed `to` (as entity resolution moves it), in
/// canonical form again; `None` if `text` is not a summary this version writes.
pub fn rename_entity(text: &str, from: &str, to: &str) -> Option<String> {
    let parsed = parse_document(text)?;
    let swap = |iri| if iri == from { to } else { iri };
    let days: BTreeSet<Date> = parsed.days.iter().copied().collect();
    let mentions: BTreeSet<&str> = parsed.mentions.iter().map(|m| swap(m)).collect();
    let edges: Vec<Line<'_>> = parsed
        .edges
        .iter()
        .map(|e| {
            let sentence = e.sentence.to_owned();
            (
                swap(e.subject),
                e.predicate,
                swap(e.object),
                sentence,
                e.days.clone(),
            )
        })
        .collect();
    let named: Vec<Named<'_>> = parsed
        .sentences
        .iter()
        .map(|n| {
            let entities: BTreeSet<&str> = n.entities.iter().map(|e| swap(e)).collect();
            (entities, n.sentence.unwrap_or_default().to_owned())
        })
        .collect();
    Some(write_document(&days, &mentions, &edges, &named))
}

/// One entity record as the projection reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeRow {
    pub iri: String,
    /// `None` when the record has no label or no type: not a node (the SPARQL fallback's join
    /// drops such records too).
    pub label: Option<String>,
    pub class: Option<String>,
    pub mentions: u64,
    pub documents: u64,
    /// Sorted, unique.
    pub aliases: Vec<String>,
}

/// Written for an absent label (no escaped text is this field).
const ABSENT: &str = "\\-";

/// The `kg:exportNode` literal of an entity record, from the record's triples (those written
/// into the entities graph by [`crate::entities`]).
pub fn of_entity(entity: &NamedNode, triples: &[(NamedNode, Term)]) -> Literal {
    let first = |p: oxigraph::model::NamedNodeRef<'_>| {
        triples
            .iter()
            .find(|(q, _)| q.as_ref() == p)
            .map(|(_, o)| o)
    };
    let number = |p| match first(p) {
        Some(Term::Literal(l)) => l.value().parse::<u64>().unwrap_or(0),
        _ => 0,
    };
    let class = match first(RDF_TYPE) {
        Some(Term::NamedNode(class)) => class.as_str(),
        _ => "",
    };
    let label = match first(RDFS_LABEL) {
        Some(Term::Literal(label)) => escape(label.value()),
        _ => Cow::Borrowed(ABSENT),
    };
    let aliases: BTreeSet<&str> = triples
        .iter()
        .filter(|(p, _)| p.as_ref() == SKOS_ALT_LABEL)
        .filter_map(|(_, o)| match o {
            Term::Literal(l) if !l.value().is_empty() => Some(l.value()),
            _ => None,
        })
        .collect();
    let mut text = format!(
        "{NODE_HEADER}\t{}\t{label}\t{class}\t{}\t{}",
        entity.as_str(),
        number(KG_MENTION_COUNT),
        number(KG_DOCUMENT_COUNT),
    );
    for alias in aliases {
        text.push('\t');
        text.push_str(&escape(alias));
    }
    Literal::new_simple_literal(text)
}

/// Parses an entity summary; `None` if it is not one this version writes.
pub fn parse_node(text: &str) -> Option<NodeRow> {
    let mut f = text.split('\t');
    if f.next()? != NODE_HEADER {
        return None;
    }
    let iri = f.next()?.to_owned();
    let label = match f.next()? {
        ABSENT => None,
        label => Some(unescape(label).into_owned()),
    };
    let class = Some(f.next()?).filter(|c| !c.is_empty()).map(str::to_owned);
    let mentions = f.next()?.parse().ok()?;
    let documents = f.next()?.parse().ok()?;
    let aliases = f.map(|a| unescape(a).into_owned()).collect();
    Some(NodeRow {
        iri,
        label,
        class,
        mentions,
        documents,
        aliases,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_round_trips_every_separator() {
        for text in ["plain", "a\tb\nc\rd\\e", "\\t is not a tab", "", "é\\"] {
            assert_eq!(unescape(&escape(text)), text);
            assert!(!escape(text).contains(['\t', '\n', '\r']));
        }
    }

    #[test]
    fn a_foreign_or_damaged_summary_is_not_read() {
        assert!(parse_document("kg-export-edges 1\nd\t2023-01-01").is_none());
        assert!(parse_document("kg-export-edges 2\nd\t2023-02-30").is_none());
        assert!(parse_document("kg-export-edges 2\ne\ta\tb\tc\t0\t").is_none());
        assert!(parse_document("kg-export-edges 2\nc\ta b\t0").is_none());
        assert!(parse_node("kg-export-node 1\tiri\tlabel").is_none());
        assert!(parse_document("kg-export-edges 2").is_some());
    }
}
