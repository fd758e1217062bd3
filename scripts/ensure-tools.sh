#!/usr/bin/env bash
# Makes sure the machine has what missiongraph needs: pnpm and the workspace's packages, and for the
# tests Debian's chromium plus the outside GEXF/GraphML readers (xmllint, networkx, igraph).
set -euo pipefail
cd "$(dirname "$0")/.."
want_test_tools=${1:-}

if ! command -v pnpm >/dev/null 2>&1; then
  echo "ensure-tools: installing pnpm 10 with npm"
  npm install -g pnpm@10 >/dev/null
fi

if [ "$want_test_tools" = "--test" ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
  [ -f /usr/share/iso-codes/json/iso_3166-2.json ] || missing+=(iso-codes)
  py=python3; [ -x /usr/bin/python3 ] && py=/usr/bin/python3
  "$py" -c 'import networkx' >/dev/null 2>&1 || missing+=(python3-networkx)
  "$py" -c 'import igraph' >/dev/null 2>&1 || missing+=(python3-igraph)
  if [ ${#missing[@]} -gt 0 ]; then
    sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    echo "ensure-tools: installing Debian packages: ${missing[*]}"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

if [ -n "${CI:-}" ]; then
  pnpm install --frozen-lockfile --reporter=append-only
else
  pnpm install --reporter=append-only
fi
