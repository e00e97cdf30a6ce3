//! The whole analysis, from a document's text to its statements: `kg-nlp`'s [`Pipeline`] then
//! the extractor's steps, with the version that tells stored documents whether to re-extract.

use crate::coref::Coref;
use crate::doc::Document;
use crate::mentions::Mentions;
use crate::statement::{EntityMention, Statement};
use kg_nlp::Pipeline;

/// The NLP pipeline with the extractor's settings. Shared across threads by reference.
pub struct Extractor {
    /// Annotation: tokens, tags, lemmas, trees, mentions, times, quantities.
    pub pipeline: Pipeline,
    /// Within-document coreference, a step of [`Extractor::extract`] that can be turned off; the
    /// others always run.
    pub coref: Coref,
}

impl Extractor {
    /// An extractor over `pipeline` with every step on.
    pub fn new(pipeline: Pipeline) -> Extractor {
        Extractor {
            pipeline,
            coref: Coref::default(),
        }
    }

    /// Names the extractor (its version and a fingerprint of the code and compiled-in data that
    /// decide statements, made by `build.rs`) and the models it loaded (each by the first 16 hex
    /// digits of its SHA-256), recorded with every build: a different model or changed rules
    /// give a different version, so documents are extracted again.
    pub fn version(&self) -> String {
        format!(
            "kg-extract {} ({}) clauses [{}]",
            env!("CARGO_PKG_VERSION"),
            env!("KG_EXTRACT_SOURCE"),
            self.pipeline.models().join(" ")
        )
    }

    /// The statements of an annotated document, by the extractor's steps in order: the
    /// clauses' statements and the nominal ones ([`crate::descriptions`]); the roles of the persons named; coreference, when it runs, which
    /// resolves the statements' arguments (using the roles for "the leader") and names each
    /// mention's entity; the statements that are facts ([`crate::facts`]: none with a subject or
    /// object left unresolved); the role statements, with those names; one of each set of
    /// statements that say the same ([`crate::facts::drop_repeats`]).
    pub fn extract(&self, document: &Document) -> Vec<Statement> {
        self.extract_with_mentions(document).0
    }

    /// [`extract`](Self::extract), with the document's mention layer: every recognised person,
    /// organisation and place, named as coreference named its entity (as written when it does
    /// not run), whether or not a statement uses it.
    pub fn extract_with_mentions(
        &self,
        document: &Document,
    ) -> (Vec<Statement>, Vec<EntityMention>) {
        let mentions = Mentions::of(document);
        let mut statements = crate::clauses::extract(document);
        statements.extend(crate::descriptions::statements(document));
        let roles = crate::roles::find(document, &mentions);
        let (mut statements, names) = self.coref.apply(document, &mentions, &roles, statements);
        crate::facts::retain_facts(&mut statements);
        let layer = crate::mentions::entity_mentions(document, &mentions, &names);
        let mut statements =
            crate::roles::add_statements(document, &mentions, &roles, &names, statements);
        crate::facts::drop_repeats(&mut statements);
        (statements, layer)
    }

    /// Annotates a document's text ([`Pipeline::annotate`]) then [`extract`](Self::extract)s it.
    pub fn process(&self, document: Document) -> (Document, Vec<Statement>) {
        let (document, statements, _) = self.process_with_mentions(document);
        (document, statements)
    }

    /// [`process`](Self::process), with the mention layer ([`extract_with_mentions`](Self::extract_with_mentions)).
    pub fn process_with_mentions(
        &self,
        mut document: Document,
    ) -> (Document, Vec<Statement>, Vec<EntityMention>) {
        self.pipeline.annotate(&mut document);
        let (statements, mentions) = self.extract_with_mentions(&document);
        (document, statements, mentions)
    }
}
