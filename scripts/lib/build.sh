#!/usr/bin/env bash
# Builds wfadmin: the native tree (tests) and the web page. Sourced by scripts/demo and scripts/test.
set -euo pipefail
WFADMIN_ROOT=${WFADMIN_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}   # Debian's emcc needs acorn from here
WFADMIN_JOBS=${WFADMIN_JOBS:-2}

_quiet() {  # run a build step; show its output only when it fails
  local log; log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then cat "$log" >&2; rm -f "$log"; return 1; fi
  rm -f "$log"
}

build_native() {
  cd "$WFADMIN_ROOT"
  _quiet cmake --preset native
  _quiet cmake --build --preset native -j "$WFADMIN_JOBS"
}

build_web() {
  cd "$WFADMIN_ROOT"
  _quiet cmake --preset web
  _quiet cmake --build --preset web -j "$WFADMIN_JOBS"
}

WFADMIN_SITE="$WFADMIN_ROOT/build/web/site"
