#!/usr/bin/env bash
# The README's main job: installs the workspace, builds the graph from data/transcripts into data/graph
# and serves the explorer on http://localhost:5173 with that graph loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
pnpm start
