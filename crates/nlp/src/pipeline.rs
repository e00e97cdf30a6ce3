//! The whole analysis, from a document's text to annotated sentences, with the models loaded once.
//!
//! Steps run in the order of lib.rs: the dateline and segmentation, then per sentence the named [`Step`]s (each
//! model followed by the [`repairs`] of its output, then times and quantities). The extractor
//! (`kg-extract`) takes the annotated document from there. Callers that need part of it (the models alone, to score them) choose [`Steps`] of
//! this one definition. Each statistical step is loaded from a named model file; a pipeline
//! without the tagger and lemmatiser cannot extract anything and refuses to load.

use crate::doc::{Date, Document, Sentence};
use crate::lemma::Lemmatizer;
use crate::ner::Recognizer;
use crate::parser::Parser;
use crate::perceptron::ModelError;
use crate::repairs;
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
    /// Names and content hashes of the loaded models, for [`Pipeline::models`].
    loaded: Vec<(String, String)>,
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
        // By content, not size: a model retrained to the same size must re-extract documents.
        // 64 bits of SHA-256 keep the version short and still tell any two models apart.
        use sha2::Digest;
        let mut loaded: Vec<(String, String)> = models
            .iter()
            .filter(|(n, _)| matches!(*n, "tagger.bin" | "lemma.bin" | "parser.bin" | "ner.bin"))
            .map(|(n, b)| {
                let digest = sha2::Sha256::digest(b);
                let hex: String = digest[..8].iter().map(|x| format!("{x:02x}")).collect();
                (n.to_string(), hex)
            })
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
        })
    }

    /// The loaded models, each as `name:hash` (the first 16 hex digits of its SHA-256), sorted by
    /// name: a different model gives a different list, so the extractor's version (which names
    /// them) changes and stored documents are extracted again.
    pub fn models(&self) -> Vec<String> {
        self.loaded
            .iter()
            .map(|(n, hash)| format!("{n}:{hash}"))
            .collect()
    }

    /// Runs every step on a document's text in place: tokenises and splits it, then annotates
    /// each sentence (see [`Step`]).
    pub fn annotate(&self, document: &mut Document) {
        self.annotate_with(document, Steps::ALL);
    }

    /// Finds the document's dateline, tokenises and splits the text after it, then runs the
    /// chosen steps on each sentence.
    pub fn annotate_with(&self, document: &mut Document, steps: Steps) {
        crate::tokenize::segment_story(document);
        self.annotate_sentences(document, steps);
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
        document.sentences = vec![Sentence {
            start,
            end,
            tokens,
            ..Default::default()
        }];
        self.annotate_sentences(document, Steps::ALL);
    }

    /// Runs the chosen steps on each sentence of a segmented document, in reading order.
    fn annotate_sentences(&self, document: &mut Document, steps: Steps) {
        // The dump's date, else the dateline's when it names the year.
        let mut context = DocumentContext::new(document.anchor_date());
        for sentence in &mut document.sentences {
            self.annotate_sentence(sentence, steps, &mut context);
        }
        // One type per name: a document-level pass of the name repairs.
        if steps.contains(Step::NameRepairs) && self.can_run(Step::NameRepairs) {
            repairs::name_types::repair(document);
        }
    }

    /// Runs the chosen steps, in the pipeline's order, on one sentence whose tokens have forms.
    /// `context` carries what the steps remember between the sentences of one document.
    pub fn annotate_sentence(
        &self,
        sentence: &mut Sentence,
        steps: Steps,
        context: &mut DocumentContext,
    ) {
        for step in Step::ORDER {
            if steps.contains(step) {
                self.run(step, sentence, context);
            }
        }
    }

    /// Runs one step on one sentence. A step whose model is not loaded, or a repair of such a
    /// step's output, does nothing (see [`Pipeline::can_run`]).
    pub fn run(&self, step: Step, sentence: &mut Sentence, context: &mut DocumentContext) {
        match step {
            Step::Tagger => self.tagger.tag(sentence),
            Step::TagRepairs => repairs::tags::repair(sentence, &self.tagger),
            Step::Lemmatiser => self.lemmatizer.lemmatize(sentence),
            Step::Parser => {
                if let Some(parser) = &self.parser {
                    parser.parse(sentence);
                }
            }
            Step::TreeRepairs => {
                if self.parser.is_some() {
                    repairs::tree::repair(sentence);
                }
            }
            Step::Recogniser => {
                if let Some(recognizer) = &self.recognizer {
                    recognizer.recognize_in(sentence, &mut context.history);
                }
            }
            Step::NameRepairs => {
                if self.recognizer.is_some() {
                    repairs::names::repair(sentence);
                }
            }
            Step::Times => crate::timex::annotate(sentence, context.anchor),
            Step::Quantities => crate::quantity::annotate(sentence),
        }
    }

    /// Whether [`run`](Self::run) does anything for `step`: the parser and the recogniser, and
    /// their repairs, need their models.
    pub fn can_run(&self, step: Step) -> bool {
        match step {
            Step::Parser | Step::TreeRepairs => self.parser.is_some(),
            Step::Recogniser | Step::NameRepairs => self.recognizer.is_some(),
            _ => true,
        }
    }
}

/// One step of the per-sentence analysis. [`Step::ORDER`] is the order the pipeline runs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Part-of-speech tags, [`crate::tagger`].
    Tagger,
    /// [`repairs::tags`]: tags the tagger gets wrong on news.
    TagRepairs,
    /// Lemmas, [`crate::lemma`].
    Lemmatiser,
    /// The dependency tree, [`crate::parser`].
    Parser,
    /// [`repairs::tree`]: trees the parser gets wrong on news.
    TreeRepairs,
    /// Entity mentions, [`crate::ner`].
    Recogniser,
    /// [`repairs::names`]: names as units of the tree, without leading articles.
    NameRepairs,
    /// Time expressions, [`crate::timex`].
    Times,
    /// Amounts, [`crate::quantity`].
    Quantities,
}

impl Step {
    /// Every step, in the order the pipeline runs them: each repair right after the model whose
    /// output it mends, so that the next model reads the mended output.
    pub const ORDER: [Step; 9] = [
        Step::Tagger,
        Step::TagRepairs,
        Step::Lemmatiser,
        Step::Parser,
        Step::TreeRepairs,
        Step::Recogniser,
        Step::NameRepairs,
        Step::Times,
        Step::Quantities,
    ];

    /// The step's name, as reports print it.
    pub fn name(self) -> &'static str {
        match self {
            Step::Tagger => "tagger",
            Step::TagRepairs => "tag repairs",
            Step::Lemmatiser => "lemmatiser",
            Step::Parser => "parser",
            Step::TreeRepairs => "tree repairs",
            Step::Recogniser => "recogniser",
            Step::NameRepairs => "name repairs",
            Step::Times => "times",
            Step::Quantities => "quantities",
        }
    }

    /// Whether the step is a set of rules mending a model's output.
    pub fn is_repair(self) -> bool {
        matches!(
            self,
            Step::TagRepairs | Step::TreeRepairs | Step::NameRepairs
        )
    }

    const fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// A selection of [`Step`]s. Whatever is chosen runs in [`Step::ORDER`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Steps(u16);

impl Steps {
    /// Every step: the analysis `kg build` and `kg extract` run.
    pub const ALL: Steps = Steps::only(&Step::ORDER);

    /// The given steps alone.
    pub const fn only(steps: &[Step]) -> Steps {
        let mut bits = 0;
        let mut i = 0;
        while i < steps.len() {
            bits |= steps[i].bit();
            i += 1;
        }
        Steps(bits)
    }

    /// Every step but the repairs: what the statistical models (and the rules for times and
    /// quantities) give on their own.
    pub fn models_only() -> Steps {
        Step::ORDER
            .into_iter()
            .filter(|s| s.is_repair())
            .fold(Steps::ALL, Steps::without)
    }

    /// These steps without `step`.
    pub const fn without(self, step: Step) -> Steps {
        Steps(self.0 & !step.bit())
    }

    pub fn contains(self, step: Step) -> bool {
        self.0 & step.bit() != 0
    }

    /// The chosen steps in the order they run.
    pub fn iter(self) -> impl Iterator<Item = Step> {
        Step::ORDER.into_iter().filter(move |&s| self.contains(s))
    }
}

/// What the steps carry from one sentence of a document to the next: the date relative times
/// are read against, and what the recogniser said about earlier sentences.
#[derive(Default)]
pub struct DocumentContext {
    anchor: Option<Date>,
    history: crate::ner::DocumentHistory,
}

impl DocumentContext {
    /// The context at the start of a document published on `anchor` (if known).
    pub fn new(anchor: Option<Date>) -> DocumentContext {
        DocumentContext {
            anchor,
            history: Default::default(),
        }
    }
}
