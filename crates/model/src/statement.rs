//! Statements: what the extractor says a sentence asserts, with everything needed to judge it.
//!
//! A statement is a relation between a subject and (usually) an object, with qualifiers for the
//! circumstances (place, time, means, …), flags for negation and modality, a confidence, and the
//! provenance that links it back to the exact sentence of the exact document. The graph crate maps
//! statements to RDF; nothing here knows about RDF.

use serde::{Deserialize, Serialize};

use crate::doc::{CharOffsets, Document, EntityType};

/// One extracted fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub subject: Argument,
    pub relation: Relation,
    /// `None` for intransitive relations ("the talks ended").
    pub object: Option<Argument>,
    pub qualifiers: Vec<Qualifier>,
    /// "did not meet": the statement is asserted as false.
    pub negated: bool,
    pub modality: Modality,
    /// Who says so ("X said that P", "according to X"), when the sentence attributes it.
    pub attribution: Option<Argument>,
    /// In 0..=1; orders statements from most to least trustworthy.
    pub confidence: f32,
    pub provenance: Provenance,
}

impl Statement {
    /// A plain statement: asserted, not negated, unattributed, without qualifiers, confidence 0
    /// (the extractor's steps and tests set what differs with struct update syntax).
    pub fn new(
        subject: Argument,
        relation: Relation,
        object: Option<Argument>,
        provenance: Provenance,
    ) -> Statement {
        Statement {
            subject,
            relation,
            object,
            qualifiers: Vec::new(),
            negated: false,
            modality: Modality::Asserted,
            attribution: None,
            confidence: 0.0,
            provenance,
        }
    }
}

impl Relation {
    /// A relation as written (`text`) with its lemma phrase.
    pub fn new(text: impl Into<String>, lemma: impl Into<String>) -> Relation {
        Relation {
            text: text.into(),
            lemma: lemma.into(),
        }
    }
}

/// The relation phrase: what the text says and its normalised form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// As written, e.g. "has met with".
    pub text: String,
    /// Normalised lemma phrase, e.g. "meet with"; the graph mints the predicate IRI from it.
    pub lemma: String,
}

/// A subject, object or qualifier value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Argument {
    /// Short, clean form for a graph node: a name ("Vladimir Putin") or a minimal noun phrase
    /// ("ballistic missiles").
    pub text: String,
    /// The full span as written, for provenance ("Russian President Vladimir Putin").
    pub full_text: String,
    pub kind: ArgumentKind,
    /// Token span `start..end` (end exclusive) of the full text in the sentence.
    pub span: (usize, usize),
    /// The name as written at this mention when coreference replaced [`Argument::text`] by the
    /// entity's fuller name ("Putin" when `text` is "Vladimir Putin", "KCNA" for "Korean Central
    /// News Agency"); the graph keeps it as an alias. `None` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
}

/// What an argument denotes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ArgumentKind {
    /// A named entity of a known type.
    Entity(EntityType),
    /// A common-noun concept ("ballistic missiles", "the summit").
    Concept,
    /// A value rather than a thing.
    Literal(Literal),
    /// A pronoun or relative word that could not be resolved; never becomes a graph node.
    Unresolved,
}

/// Typed literal values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Literal {
    /// A time, TIMEX3-style value when normalised (`2023-09-13`, `2023-09`, `2023`), else `None`
    /// and the surface text is in [`Argument::text`].
    Time(Option<String>),
    /// A quantity: amount and unit ("$45 million" → 45_000_000, "USD").
    Quantity { amount: f64, unit: Option<String> },
    /// Anything else.
    Text,
}

/// A circumstance of the statement, from a prepositional or oblique argument.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Qualifier {
    pub role: Role,
    /// The preposition that introduced it, when there was one ("at", "by", "on").
    pub preposition: Option<String>,
    pub value: Argument,
}

/// The role of a qualifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    Location,
    Time,
    Means,
    Recipient,
    Topic,
    /// Any other prepositional argument; the preposition says what it is.
    Other,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Location => "location",
            Role::Time => "time",
            Role::Means => "means",
            Role::Recipient => "recipient",
            Role::Topic => "topic",
            Role::Other => "other",
        }
    }
}

/// How the statement is asserted.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Modality {
    /// Stated as fact.
    #[default]
    Asserted,
    /// could, may, might.
    Possible,
    /// is expected to, is likely to.
    Expected,
    /// plans to, intends to, wants to.
    Planned,
    /// will, shall, is going to.
    Future,
    /// What someone was urged, asked, ordered or called on to do ("urged Congress to approve
    /// more aid": Congress approving it is requested, not stated).
    Requested,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Possible => "possible",
            Modality::Expected => "expected",
            Modality::Planned => "planned",
            Modality::Future => "future",
            Modality::Requested => "requested",
        }
    }
}

/// Where a statement comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    pub document_id: String,
    /// Index of the sentence in its document, from 0.
    pub sentence_index: usize,
    /// Character (Unicode scalar) offsets of the sentence in the document text, end exclusive.
    pub sentence_start: usize,
    pub sentence_end: usize,
    pub sentence_text: std::sync::Arc<str>,
}

impl Provenance {
    /// The provenance of sentence `index` of `document`; `offsets` converts its byte offsets
    /// (one converter for a document's sentences in order, see [`Document::char_offsets`]).
    pub fn of_sentence(document: &Document, index: usize, offsets: &mut CharOffsets<'_>) -> Self {
        let s = &document.sentences[index];
        Provenance {
            document_id: document.id.clone(),
            sentence_index: index,
            sentence_start: offsets.at(s.start),
            sentence_end: offsets.at(s.end),
            sentence_text: document.text[s.start..s.end].into(),
        }
    }
}

/// A recognised name, resolved to the entity it names: what the graph's mention layer records,
/// whether or not a statement uses the name ("an epidemic in Peru" names Peru with no clause
/// about it). Resolved as statement arguments are: [`EntityMention::name`] is the name
/// coreference gave the mention's entity, the one an argument naming it carries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    /// Index of the sentence in its document, from 0.
    pub sentence_index: usize,
    /// Token span `start..end` (end exclusive) of the name in the sentence.
    pub span: (usize, usize),
    /// A person, organisation or place (a nationality adjective names its country).
    pub kind: EntityType,
    /// The entity's name: its fullest name in the document ("Vladimir Putin").
    pub name: String,
    /// The name as written at this mention when it differs from [`EntityMention::name`]
    /// ("Putin"), as [`Argument::alias`]; `None` otherwise, and for a nationality adjective
    /// ("Russian" is not a name of Russia).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    /// An external identifier the recogniser found (a gazetteer place's GeoNames IRI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}
