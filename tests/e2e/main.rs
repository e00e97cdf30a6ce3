//! End-to-end tests: the real `kg` binary on real files, with real on-disk stores. One test
//! binary (one link for cargo), a module per area; [`support`] holds what the modules share.

mod support;

mod badinput;
mod cli;
mod crash;
mod datelines;
mod entities;
mod exports;
mod extraction;
mod incremental;
mod mentions;
mod ner;
mod news_eval;
