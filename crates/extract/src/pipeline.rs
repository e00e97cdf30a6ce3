//! The whole analysis, from a document's text to its statements, with the models loaded once.
//!
//! (Being wired up: the steps land one by one; see lib.rs for the order.)

use crate::doc::Document;
use crate::statement::Statement;

/// Why models could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("model {name}: {reason}")]
    Model { name: String, reason: String },
}

/// The loaded pipeline. Cheap to share across threads (`&Pipeline` is `Sync`).
pub struct Pipeline {}

impl Pipeline {
    /// Loads the pipeline from named model files (`tagger.bin`, …): the bytes of each.
    pub fn load(_models: &[(&str, &[u8])]) -> Result<Pipeline, PipelineError> {
        Ok(Pipeline {})
    }

    /// A string naming the extractor and model versions, recorded with every build.
    pub fn version(&self) -> String {
        format!("kg-extract {}", env!("CARGO_PKG_VERSION"))
    }

    /// Tokenises, splits, tags, parses and recognises entities and times in place.
    pub fn annotate(&self, _document: &mut Document) {}

    /// The statements of an annotated document.
    pub fn extract(&self, _document: &Document) -> Vec<Statement> {
        Vec::new()
    }

    /// [`annotate`](Self::annotate) then [`extract`](Self::extract).
    pub fn process(&self, mut document: Document) -> (Document, Vec<Statement>) {
        self.annotate(&mut document);
        let statements = self.extract(&document);
        (document, statements)
    }
}
