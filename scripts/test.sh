#!/usr/bin/env bash
# The test suite: unit, integration and end-to-end tests (the real kg binary on real files), then
# the exports read by their real consumers (NetworkX, xmllint).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace
cargo build -p kg-cli
tests/check_exports.sh target/debug/kg
