//! The unit tests of the extractor's fingerprint (`build/fingerprint.rs`), which `build.rs`
//! uses: cargo runs no tests of a build script.

#[path = "../build/fingerprint.rs"]
mod fingerprint;
