//! The one data model every pipeline step reads and enriches, in the spirit of spaCy's `Doc`.
//!
//! A [`Document`] owns its text; [`Sentence`]s and [`Token`]s point into it by byte offsets, so
//! provenance can always be traced back to the exact characters of the input. Steps fill fields in
//! order: the dateline step sets a wire story's opening [`Dateline`] apart, the tokeniser and
//! splitter create tokens and sentences of the rest, the tagger sets `upos`/`xpos`/`feats`,
//! the lemmatiser `lemma`, the parser `head`/`deprel`, NER the sentence's `mentions`, the time tagger
//! its `timexes`, the quantity step its `quantities`.

use serde::{Deserialize, Serialize};

pub use crate::date::{days_in_month, Date};
pub use crate::labels::{Deprel, Feats, Feature, Value, Xpos};

/// One input document: what a dump reader hands to the pipeline, then its analysis.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: the dump's `id` field, or a hash of the text.
    pub id: String,
    pub text: String,
    /// Publication date, the anchor for relative time expressions ("on Wednesday").
    pub date: Option<Date>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// The wire dateline the story opens with ("NAIROBI, May 3 (Reuters) -"), found before
    /// segmentation: its words belong to no sentence. Boxed: most documents have none.
    #[serde(default)]
    pub dateline: Option<Box<Dateline>>,
    pub sentences: Vec<Sentence>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }

    /// The text of a token, sentence or any byte span of this document.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        &self.text[start..end]
    }

    /// Converts a byte offset into this document's text into a character (Unicode scalar) offset,
    /// the unit users of other languages index strings by.
    pub fn char_offset(&self, byte: usize) -> usize {
        self.text[..byte].chars().count()
    }

    /// A converter of many byte offsets into character offsets ([`CharOffsets`]).
    pub fn char_offsets(&self) -> CharOffsets<'_> {
        CharOffsets {
            text: &self.text,
            byte: 0,
            chars: 0,
        }
    }
}

impl Document {
    /// The date relative times are read against: the dump's date, else the dateline's when it
    /// names its year.
    pub fn anchor_date(&self) -> Option<Date> {
        self.date
            .or_else(|| self.dateline.as_ref()?.date.as_ref()?.full())
    }
}

/// A wire story's dateline: the place and day it was filed from and the agency that filed it,
/// written before the story's first sentence ("NAIROBI, May 3 (Reuters) - Kenya's central bank
/// cut …"). Metadata of the document, never part of a sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    /// Byte offsets in [`Document::text`] of the whole dateline, its dash included.
    pub start: usize,
    pub end: usize,
    /// `None` for an agency alone ("(Reuters) - …").
    pub place: Option<DatelinePlace>,
    pub date: Option<DatelineDate>,
    /// The agency as written in its brackets ("Reuters", "AP").
    pub agency: Option<String>,
}

/// The dateline's place: its first (most specific) part, "NAIROBI" of "NAIROBI, Kenya".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DatelinePlace {
    /// Byte offsets in [`Document::text`] of the name as written.
    pub start: usize,
    pub end: usize,
    /// The name in its usual spelling ("Nairobi" for "NAIROBI"): the gazetteer's name when it
    /// knows the place, else the words as written (capitals folded to title case).
    pub name: String,
    /// External identifier when known: the GeoNames IRI.
    pub external_id: Option<String>,
}

/// The dateline's day. Wire datelines rarely write the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatelineDate {
    pub year: Option<i32>,
    pub month: u8,
    pub day: u8,
}

impl DatelineDate {
    /// The calendar date, when the year is written and the day is real.
    pub fn full(&self) -> Option<Date> {
        Date::new(self.year?, self.month, self.day)
    }
}

/// Converts byte offsets of a document's text into character offsets, counting only the text
/// between one offset and the one before: linear over a document whose offsets come in reading
/// order, where [`Document::char_offset`] for every sentence would count from the start each time
/// (quadratic in the length of the document).
pub struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl CharOffsets<'_> {
    /// The character offset of `byte`, which must be on a character boundary.
    pub fn at(&mut self, byte: usize) -> usize {
        if byte >= self.byte {
            self.chars += self.text[self.byte..byte].chars().count();
        } else {
            self.chars -= self.text[byte..self.byte].chars().count();
        }
        self.byte = byte;
        self.chars
    }
}

/// A sentence: a run of tokens, with the entity mentions and time expressions found in it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte offsets of the sentence in [`Document::text`].
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub timexes: Vec<Timex>,
    /// Amounts of money, percentages, durations and counts (kg-extract's `quantity` step).
    #[serde(default)]
    pub quantities: Vec<Quantity>,
}

/// Universal part-of-speech tags (UD v2).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    #[default]
    X,
}

impl Upos {
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.as_str() == s)
    }
}

/// One token with everything the pipeline learnt about it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Token {
    /// The token's form. Usually the text at `start..end`; may differ for tokens that the input
    /// spells another way (normalised quotes, tokens of pre-tokenised input).
    pub form: String,
    /// Byte offsets in [`Document::text`].
    pub start: usize,
    pub end: usize,
    /// Whether whitespace follows the token in the text (UD's `SpaceAfter`).
    pub space_after: bool,
    pub upos: Upos,
    /// Penn Treebank tag, e.g. `NNP`, `VBD`.
    pub xpos: Xpos,
    /// Morphological features (UD's `Feat=Val|…`); empty when unknown.
    pub feats: Feats,
    pub lemma: String,
    /// Index of the head token within the sentence; `None` for the root.
    pub head: Option<usize>,
    /// UD relation to the head, with subtype (`nsubj`, `obl:unmarked`, `compound:prt`, `root`).
    pub deprel: Deprel,
}

/// Entity types the NER recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityType {
    Person,
    Organization,
    Place,
    /// A named thing that is none of the above (an event, a product, a law…).
    Other,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Organization => "ORG",
            EntityType::Place => "LOC",
            EntityType::Other => "MISC",
        }
    }
}

/// A named-entity mention: tokens `start..end` (token indices, end exclusive) of a sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// Canonical name when the mention points elsewhere (a demonym such as "North Korean" → "North
    /// Korea", an alias "U.S." → "United States", a monarch's given name "Francis" after "Pope" →
    /// "Pope Francis"), else `None`.
    pub refers_to: Option<String>,
    /// External identifier when known, e.g. a GeoNames IRI.
    pub external_id: Option<String>,
}

/// A time expression: tokens `start..end` of a sentence, with its normalised value when known.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    /// TIMEX3-style value: `2023-09-13`, `2023-09`, `2023`, `2023-W37`, … `None` when the expression
    /// could not be anchored (no document date).
    pub value: Option<String>,
}

/// A number found in text with what it measures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Token span `start..end` in the sentence, including any approximation words ("about").
    pub start: usize,
    pub end: usize,
    pub amount: f64,
    /// ISO 4217 code for money (`USD`), `%` for percentages, `percentage point`, a time unit for
    /// durations (`day`), a measure unit (`km`), or the counted noun (`people`, `launch`).
    pub unit: Option<String>,
    pub kind: QuantityKind,
    pub approx: Option<Approx>,
}

/// What a quantity measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuantityKind {
    Money,
    Percent,
    Duration,
    Measure,
    Count,
}

/// How the stated amount relates to the true one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Approx {
    /// "about", "around", "nearly", "some", "an estimated".
    About,
    /// "more than", "over", "above".
    MoreThan,
    /// "less than", "fewer than", "under".
    LessThan,
    /// "at least".
    AtLeast,
    /// "up to", "at most".
    AtMost,
}
