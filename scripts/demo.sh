#!/usr/bin/env bash
# Sets up, builds kg and runs the main job on the bundled sample dump: build the graph, list who
# met whom, and export it for Gephi.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release
kg=target/release/kg
$kg build data/kim-putin-2023-09.txt --store kg-store
$kg query queries/meetings.rq --store kg-store
$kg stats --store kg-store
$kg export graphml -o kim-putin.graphml --store kg-store
