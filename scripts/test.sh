#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh machine, then runs every test
# (typecheck, lint, extraction, graph and exports against outside readers, CLI, and the explorer in Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh --test
pnpm typecheck
pnpm lint
results=$(mktemp -t missiongraph-tests.XXXXXX.json)
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile="$results" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
' "$results" || true
rm -f "$results"
exit "$status"
