//! The vocabulary kg writes and the IRIs it mints.
//!
//! Every IRI is a pure function of the input (document id, normalised names and relations, indices),
//! so the same dump gives the same IRIs on every run and every machine. `data/ontology.ttl` documents
//! these terms for users; keep both in step.

use oxigraph::model::{NamedNode, NamedNodeRef};
use sha2::{Digest, Sha256};

/// Namespace of kg's own vocabulary (classes and properties).
pub const KG: &str = "https://w3id.org/kg-news/ns#";
/// Base of the IRIs kg mints for data: entities, documents, sentences, statements.
pub const DATA: &str = "https://w3id.org/kg-news/id/";

pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const SCHEMA: &str = "http://schema.org/";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";

/// The prefixes predeclared for `kg query` and used when writing Turtle.
pub const PREFIXES: [(&str, &str); 10] = [
    ("kg", KG),
    ("kgd", DATA),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("xsd", XSD),
    ("schema", SCHEMA),
    ("skos", SKOS),
    ("prov", PROV),
    ("dcterms", DCTERMS),
    ("owl", OWL),
];

macro_rules! terms {
    ($($name:ident = $ns:ident : $local:literal;)*) => {
        $(pub const $name: NamedNodeRef<'static> =
            NamedNodeRef::new_unchecked(concat_ns!($ns, $local));)*
    };
}

macro_rules! concat_ns {
    (KG, $local:literal) => {
        concat!("https://w3id.org/kg-news/ns#", $local)
    };
    (RDF, $local:literal) => {
        concat!("http://www.w3.org/1999/02/22-rdf-syntax-ns#", $local)
    };
    (RDFS, $local:literal) => {
        concat!("http://www.w3.org/2000/01/rdf-schema#", $local)
    };
    (XSD, $local:literal) => {
        concat!("http://www.w3.org/2001/XMLSchema#", $local)
    };
    (SCHEMA, $local:literal) => {
        concat!("http://schema.org/", $local)
    };
    (SKOS, $local:literal) => {
        concat!("http://www.w3.org/2004/02/skos/core#", $local)
    };
    (PROV, $local:literal) => {
        concat!("http://www.w3.org/ns/prov#", $local)
    };
    (DCTERMS, $local:literal) => {
        concat!("http://purl.org/dc/terms/", $local)
    };
    (OWL, $local:literal) => {
        concat!("http://www.w3.org/2002/07/owl#", $local)
    };
}

terms! {
    RDF_TYPE = RDF:"type";
    RDF_STATEMENT = RDF:"Statement";
    RDF_SUBJECT = RDF:"subject";
    RDF_PREDICATE = RDF:"predicate";
    RDF_OBJECT = RDF:"object";
    RDF_PROPERTY = RDF:"Property";
    RDFS_LABEL = RDFS:"label";
    SKOS_ALT_LABEL = SKOS:"altLabel";
    OWL_SAME_AS = OWL:"sameAs";
    PROV_WAS_DERIVED_FROM = PROV:"wasDerivedFrom";
    PROV_ACTIVITY = PROV:"Activity";
    PROV_ENTITY = PROV:"Entity";
    PROV_SOFTWARE_AGENT = PROV:"SoftwareAgent";
    PROV_STARTED_AT_TIME = PROV:"startedAtTime";
    PROV_ENDED_AT_TIME = PROV:"endedAtTime";
    PROV_USED = PROV:"used";
    PROV_WAS_ASSOCIATED_WITH = PROV:"wasAssociatedWith";
    DCTERMS_IDENTIFIER = DCTERMS:"identifier";
    DCTERMS_TITLE = DCTERMS:"title";
    DCTERMS_DATE = DCTERMS:"date";
    DCTERMS_SOURCE = DCTERMS:"source";
    DCTERMS_IS_PART_OF = DCTERMS:"isPartOf";
    DCTERMS_PUBLISHER = DCTERMS:"publisher";
    SCHEMA_URL = SCHEMA:"url";
    SCHEMA_LOCATION_CREATED = SCHEMA:"locationCreated";
    SCHEMA_PERSON = SCHEMA:"Person";
    SCHEMA_ORGANIZATION = SCHEMA:"Organization";
    SCHEMA_PLACE = SCHEMA:"Place";
    SCHEMA_MENTIONS = SCHEMA:"mentions";
    XSD_DATE = XSD:"date";
    XSD_STRING = XSD:"string";
    XSD_DATE_TIME = XSD:"dateTime";
    XSD_G_YEAR_MONTH = XSD:"gYearMonth";
    XSD_G_YEAR = XSD:"gYear";
    XSD_DOUBLE = XSD:"double";
    XSD_INTEGER = XSD:"integer";
    KG_DOCUMENT = KG:"Document";
    KG_SENTENCE = KG:"Sentence";
    KG_ENTITY = KG:"Entity";
    KG_CONCEPT = KG:"Concept";
    KG_OTHER = KG:"OtherEntity";
    KG_RELATION = KG:"Relation";
    KG_CONTENT_HASH = KG:"contentHash";
    KG_FINGERPRINT = KG:"fingerprint";
    KG_EXTRACTOR = KG:"extractor";
    KG_ENTITY_RESOLUTION = KG:"entityResolution";
    KG_TEXT = KG:"text";
    KG_INDEX = KG:"index";
    KG_START = KG:"start";
    KG_END = KG:"end";
    KG_RELATION_TEXT = KG:"relationText";
    KG_SUBJECT_TEXT = KG:"subjectText";
    KG_OBJECT_TEXT = KG:"objectText";
    KG_CONFIDENCE = KG:"confidence";
    KG_POLARITY = KG:"polarity";
    KG_MODALITY = KG:"modality";
    KG_ATTRIBUTED_TO = KG:"attributedTo";
    KG_SOURCE_TEXT = KG:"sourceText";
    KG_LOCATION = KG:"location";
    KG_TIME = KG:"time";
    KG_TIME_TEXT = KG:"timeText";
    KG_MEANS = KG:"means";
    KG_RECIPIENT = KG:"recipient";
    KG_TOPIC = KG:"topic";
    KG_ARGUMENT = KG:"argument";
    KG_PREPOSITION = KG:"preposition";
    KG_VALUE = KG:"value";
    KG_UNIT = KG:"unit";
    KG_MENTIONS = KG:"mentions";
    KG_OBSERVED_LABEL = KG:"observedLabel";
    KG_OBSERVED_TYPE = KG:"observedType";
    KG_OBSERVED_SAME_AS = KG:"observedSameAs";
    KG_OBSERVED_NAME = KG:"observedName";
    KG_MENTION_COUNT = KG:"mentionCount";
    KG_DOCUMENT_COUNT = KG:"documentCount";
    KG_UNRESOLVED = KG:"unresolved";
    KG_EXPORT_EDGES = KG:"exportEdges";
    KG_EXPORT_NODE = KG:"exportNode";
    KG_BUILD = KG:"Build";
    KG_BUILD_NUMBER = KG:"buildNumber";
    KG_MODE = KG:"mode";
    KG_DOCUMENTS_ADDED = KG:"documentsAdded";
    KG_DOCUMENTS_CHANGED = KG:"documentsChanged";
    KG_DOCUMENTS_REMOVED = KG:"documentsRemoved";
    KG_DOCUMENTS_SKIPPED = KG:"documentsSkipped";
    KG_RECORDS_REJECTED = KG:"recordsRejected";
    KG_STATEMENTS_EXTRACTED = KG:"statementsExtracted";
    KG_MODEL = KG:"model";
    KG_SOFTWARE_VERSION = KG:"softwareVersion";
    KG_PATH = KG:"path";
    KG_SHA256 = KG:"sha256";
    KG_BYTE_SIZE = KG:"byteSize";
}

/// The named graph holding one canonical record per entity (label, type, aliases, counts),
/// recomputed from the documents' observations after every build.
pub fn entities_graph() -> NamedNode {
    NamedNode::new_unchecked(format!("{DATA}graph/entities"))
}

/// The named graph declaring every relation predicate in use (`kg:meet a kg:Relation; rdfs:label
/// "meet"`). Declarations are idempotent and never removed, so they live outside document graphs.
pub fn relations_graph() -> NamedNode {
    NamedNode::new_unchecked(format!("{DATA}graph/relations"))
}

/// Local names of the vocabulary; a relation whose normalised form collides with one of these gets
/// a `_rel` suffix so that a relation predicate never aliases a vocabulary term.
const RESERVED: &[&str] = &[
    "Document",
    "Sentence",
    "Entity",
    "Concept",
    "OtherEntity",
    "Relation",
    "contentHash",
    "fingerprint",
    "extractor",
    "text",
    "index",
    "start",
    "end",
    "relationText",
    "subjectText",
    "objectText",
    "confidence",
    "polarity",
    "modality",
    "attributedTo",
    "sourceText",
    "location",
    "time",
    "timeText",
    "means",
    "recipient",
    "topic",
    "argument",
    "preposition",
    "value",
    "unit",
    "mentions",
    "observedLabel",
    "observedType",
    "observedSameAs",
    "observedName",
    "mentionCount",
    "documentCount",
    "unresolved",
    "exportEdges",
    "exportNode",
    "Build",
    "buildNumber",
    "mode",
    "documentsAdded",
    "documentsChanged",
    "documentsRemoved",
    "documentsSkipped",
    "recordsRejected",
    "statementsExtracted",
    "model",
    "softwareVersion",
    "path",
    "sha256",
    "byteSize",
];

/// Turns a name or phrase into an IRI-safe local name: lower case, letters and digits of any script
/// kept, runs of spaces, hyphens, underscores and apostrophes folded into one `_`, everything else
/// dropped. "Kim Jong-un", "Kim Jong Un" and "KIM JONG UN" all give `kim_jong_un`.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_sep = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_sep && !out.is_empty() {
                out.push('_');
            }
            pending_sep = false;
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() || matches!(c, '-' | '_' | '\'' | '’' | '/') {
            pending_sep = true;
        }
    }
    out
}

/// First 16 hex digits of the SHA-256 of `text`: short, stable, collision-safe enough for ids
/// inside one graph.
pub fn short_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Full SHA-256 hex digest.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What decides whether a stored document must be extracted again: its text, its metadata, the
/// extractor that read it and how its statements are written as RDF.
pub fn fingerprint(document: &kg_model::Document, extractor: &str) -> String {
    let mut h = Sha256::new();
    // What kg writes for a document is part of it: a new summary format rewrites every document.
    for part in [
        extractor,
        crate::summary::EDGES_HEADER,
        crate::mapping::MAPPING_VERSION,
        &document.text,
        &document.date.map(|d| d.to_string()).unwrap_or_default(),
        document.title.as_deref().unwrap_or(""),
        document.url.as_deref().unwrap_or(""),
        document.source.as_deref().unwrap_or(""),
    ] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// IRI of an entity (person, organisation, place, other named thing) from its canonical name.
pub fn entity_iri(name: &str) -> Option<NamedNode> {
    mint("entity/", &slug(name))
}

/// IRI of a common-noun concept ("ballistic missiles").
pub fn concept_iri(text: &str) -> Option<NamedNode> {
    mint("concept/", &slug(text))
}

/// Predicate IRI of a relation from its normalised lemma phrase: "meet with" → `kg:meet_with`.
pub fn relation_iri(lemma: &str) -> Option<NamedNode> {
    let local = slug(lemma);
    if local.is_empty() {
        return None;
    }
    let local = if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(&local)) {
        format!("{local}_rel")
    } else {
        local
    };
    NamedNode::new(format!("{KG}{local}")).ok()
}

/// The readable relation of a predicate IRI, as exports label edges: `kg:meet_with` is "meet
/// with", and a relation renamed away from a vocabulary term reads as written (`kg:end_rel`,
/// the relation "end", is "end"). Other IRIs are given in their prefixed form.
pub fn relation_label(iri: &str) -> String {
    let Some(local) = iri.strip_prefix(KG) else {
        return crate::query::compact_iri(iri);
    };
    let local = match local.strip_suffix("_rel") {
        Some(term) if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(term)) => term,
        _ => local,
    };
    local.replace('_', " ")
}

/// IRI of a document, which is also the name of the graph holding everything extracted from it.
pub fn document_iri(document_id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{DATA}doc/{}", short_hash(document_id)))
}

/// IRI of the sentence at `index` in a document.
pub fn sentence_iri(document: &NamedNode, index: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/s{index}", document.as_str()))
}

/// IRI of the `k`-th statement extracted from a sentence.
pub fn statement_iri(sentence: &NamedNode, k: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/st{k}", sentence.as_str()))
}

fn mint(kind: &str, local: &str) -> Option<NamedNode> {
    if local.is_empty() {
        return None;
    }
    NamedNode::new(format!("{DATA}{kind}{local}")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_folds_spelling_variants() {
        assert_eq!(slug("Kim Jong-un"), "kim_jong_un");
        assert_eq!(slug("  KIM  JONG UN "), "kim_jong_un");
        assert_eq!(slug("AT&T"), "att");
        assert_eq!(slug("Zürich"), "zürich");
        assert_eq!(slug("<script>"), "script");
        assert_eq!(slug("?!"), "");
    }

    #[test]
    fn iris_are_valid_and_stable() {
        let a = entity_iri("Vladimir Putin").unwrap();
        assert_eq!(
            a.as_str(),
            "https://w3id.org/kg-news/id/entity/vladimir_putin"
        );
        assert!(entity_iri("> <x> .").is_some_and(|n| !n.as_str().contains(' ')));
        assert_eq!(document_iri("w1"), document_iri("w1"));
        assert_ne!(document_iri("w1"), document_iri("w2"));
        assert!(entity_iri("...").is_none());
    }

    #[test]
    fn relations_never_alias_vocabulary() {
        assert_eq!(relation_iri("meet").unwrap().as_str(), format!("{KG}meet"));
        assert_eq!(
            relation_iri("meet with").unwrap().as_str(),
            format!("{KG}meet_with")
        );
        assert_eq!(
            relation_iri("location").unwrap().as_str(),
            format!("{KG}location_rel")
        );
        assert!(relation_iri("").is_none());
    }

    #[test]
    fn relation_labels_read_as_the_relation_was_written() {
        for lemma in ["meet", "meet with", "end", "location", "leader of"] {
            let iri = relation_iri(lemma).unwrap();
            assert_eq!(relation_label(iri.as_str()), lemma);
        }
        // Only a renamed vocabulary term loses its suffix.
        assert_eq!(relation_label(&format!("{KG}tax_rel")), "tax rel");
        assert_eq!(
            relation_label("http://schema.org/founder"),
            "schema:founder"
        );
    }
}
