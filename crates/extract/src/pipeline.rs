//! The whole analysis, from a document's text to its statements, with the models loaded once.
//!
//! Steps run in the order of lib.rs: segmentation, tagging, lemmas, parsing, entities, times and
//! quantities, then the extractor. Each statistical step is loaded from a named model file; a
//! pipeline without the tagger and lemmatiser cannot extract anything and refuses to load.

use crate::doc::Document;
use crate::lemma::Lemmatizer;
use crate::ner::Recognizer;
use crate::parser::Parser;
use crate::perceptron::ModelError;
use crate::statement::Statement;
use crate::tagger::Tagger;

/// Why models could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("model {name}: {source}")]
    Model {
        name: String,
        #[source]
        source: ModelError,
    },
    #[error("model {0} is missing: train the models with `kg model train` or pass --models DIR")]
    Missing(&'static str),
}

/// The loaded pipeline. Shared across threads by reference.
pub struct Pipeline {
    tagger: Tagger,
    lemmatizer: Lemmatizer,
    parser: Option<Parser>,
    recognizer: Option<Recognizer>,
    /// Names and sizes of the loaded models, for [`Pipeline::version`].
    loaded: Vec<(String, usize)>,
    /// Within-document coreference, the last step of [`Pipeline::extract`].
    pub coref: crate::coref::Coref,
}

impl Pipeline {
    /// Loads the pipeline from named model files (`tagger.bin`, `lemma.bin`, `parser.bin`,
    /// `ner.bin`): the bytes of each. Unknown names are ignored.
    ///
    /// The learned sentence-boundary model (`sentences.bin`) is not used: trained on web text
    /// that often ends sentences without punctuation, it also splits running news prose inside
    /// names ("Kim Jong | Un"); the rules are the safer choice for news until it is restricted
    /// to line ends and punctuation.
    pub fn load(models: &[(&str, &[u8])]) -> Result<Pipeline, PipelineError> {
        let find = |name: &str| models.iter().find(|(n, _)| *n == name).map(|(_, b)| *b);
        let wrap = |name: &str| {
            let name = name.to_owned();
            move |source| PipelineError::Model { name, source }
        };
        let tagger = find("tagger.bin").ok_or(PipelineError::Missing("tagger.bin"))?;
        let lemma = find("lemma.bin").ok_or(PipelineError::Missing("lemma.bin"))?;
        let mut loaded: Vec<(String, usize)> = models
            .iter()
            .filter(|(n, _)| matches!(*n, "tagger.bin" | "lemma.bin" | "parser.bin" | "ner.bin"))
            .map(|(n, b)| (n.to_string(), b.len()))
            .collect();
        loaded.sort();
        Ok(Pipeline {
            tagger: Tagger::from_bytes(tagger).map_err(wrap("tagger.bin"))?,
            lemmatizer: Lemmatizer::from_bytes(lemma).map_err(wrap("lemma.bin"))?,
            parser: find("parser.bin")
                .map(Parser::from_bytes)
                .transpose()
                .map_err(wrap("parser.bin"))?,
            recognizer: find("ner.bin")
                .map(Recognizer::from_bytes)
                .transpose()
                .map_err(wrap("ner.bin"))?,
            loaded,
            coref: Default::default(),
        })
    }

    /// Names the extractor (its version and a fingerprint of its code and compiled-in data, made by
    /// `build.rs`) and the models it loaded (by size and a checksum), recorded with every build: a
    /// different model or changed rules give a different version, so documents are extracted again.
    pub fn version(&self) -> String {
        let models: Vec<String> = self
            .loaded
            .iter()
            .map(|(n, len)| format!("{n}:{len}"))
            .collect();
        format!(
            "kg-extract {} ({}) clauses [{}]",
            env!("CARGO_PKG_VERSION"),
            env!("KG_EXTRACT_SOURCE"),
            models.join(" ")
        )
    }

    /// Tokenises, splits, tags, parses and recognises times and quantities in place.
    pub fn annotate(&self, document: &mut Document) {
        crate::tokenize::segment(document);
        self.annotate_sentences(document);
    }

    /// Annotates a document that is one already-tokenised sentence (tokens separated by spaces,
    /// Penn Treebank style as in CaRB or OIE2016: `` `` ``, `''`, `-LRB-`, `Bush 's`). Bracket and
    /// quote tokens are given their plain forms for the models; offsets still point at the text
    /// as written.
    pub fn annotate_pretokenized(&self, document: &mut Document) {
        let mut tokens = crate::tokenize::tokenize_pretokenized(&document.text);
        for t in &mut tokens {
            let plain = match t.form.as_str() {
                "``" | "''" => "\"",
                "`" => "'",
                "-LRB-" => "(",
                "-RRB-" => ")",
                "-LSB-" => "[",
                "-RSB-" => "]",
                "-LCB-" => "{",
                "-RCB-" => "}",
                _ => continue,
            };
            t.form = plain.to_owned();
        }
        let (start, end) = match (tokens.first(), tokens.last()) {
            (Some(a), Some(b)) => (a.start, b.end),
            _ => (0, 0),
        };
        document.sentences = vec![crate::doc::Sentence {
            start,
            end,
            tokens,
            ..Default::default()
        }];
        self.annotate_sentences(document);
    }

    fn annotate_sentences(&self, document: &mut Document) {
        let anchor = document.date;
        let mut history = crate::ner::DocumentHistory::default();
        for sentence in &mut document.sentences {
            self.tagger.tag(sentence);
            capitals_as_names(sentence);
            self.lemmatizer.lemmatize(sentence);
            if let Some(parser) = &self.parser {
                parser.parse(sentence);
            }
            if let Some(recognizer) = &self.recognizer {
                recognizer.recognize_in(sentence, &mut history);
            }
            crate::timex::annotate(sentence, anchor);
            crate::quantity::annotate(sentence);
        }
    }

    /// The statements of an annotated document.
    pub fn extract(&self, document: &Document) -> Vec<Statement> {
        self.coref
            .apply(document, crate::clauses::extract(document))
    }

    /// [`annotate`](Self::annotate) then [`extract`](Self::extract).
    pub fn process(&self, mut document: Document) -> (Document, Vec<Statement>) {
        self.annotate(&mut document);
        let statements = self.extract(&document);
        (document, statements)
    }
}

/// An all-capitals word of two or more letters that the tagger read as a pronoun, determiner or
/// wh-word ("WHO", "US", "IT") is an acronym in a sentence written in mixed case: the tagger's
/// features fold case, and the treebank has the words almost only in lower case. Re-tagged as a
/// proper noun before lemmatising and parsing. A sentence in capitals (a headline, shouting) is
/// left alone.
fn capitals_as_names(sentence: &mut crate::doc::Sentence) {
    use crate::doc::Upos;
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
    };
    let mixed = sentence
        .tokens
        .iter()
        .any(|t| t.form.chars().any(char::is_lowercase));
    if !mixed {
        return;
    }
    for t in &mut sentence.tokens {
        if matches!(t.upos, Upos::Pron | Upos::Det) && capitals(&t.form) {
            t.upos = Upos::Propn;
            t.xpos = "NNP".into();
        }
    }
}
