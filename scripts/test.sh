#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh machine, then runs every test
# (typecheck, extraction, graph and exports against outside readers, CLI, and the explorer in Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh --test
pnpm test
