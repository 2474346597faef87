#!/usr/bin/env bash
# Installs what wfadmin needs to build and test, and nothing that is already there.
# Idempotent and quiet when everything is present. Sourced by scripts/demo and scripts/test.
# Usage: deps_install [test]   (with "test": also the browser and the npm test packages)
set -euo pipefail

WFADMIN_ROOT=${WFADMIN_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
WFADMIN_CACHE=${WFADMIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wfadmin}
IMGUI_VERSION=1.90.1+ds-1
IMGUI_DIR="$WFADMIN_CACHE/imgui-1.90.1"

_deps_log() { echo "[deps] $*" >&2; }

_sudo() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

_apt_updated=0
_apt_update() {
  if [ "$_apt_updated" = 0 ]; then
    _deps_log "apt-get update"
    _sudo apt-get update -qq >/dev/null
    _apt_updated=1
  fi
}

_missing_debs() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

deps_apt() {
  local missing
  missing=$(_missing_debs "$@")
  [ -z "$missing" ] && return 0
  _apt_update
  _deps_log "installing:" $missing
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive _sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# A deb-src entry for trixie that mirrors the machine's own Debian source (URIs and Signed-By read here,
# at run time), so that apt can fetch the ImGui source package Debian ships there.
_trixie_src_entry() {
  local list=/etc/apt/sources.list.d/wfadmin-trixie-src.sources
  [ -f "$list" ] && return 0
  local own=/etc/apt/sources.list.d/debian.sources uris signed
  uris=$(awk '/^URIs:/{print $2; exit}' "$own")
  signed=$(awk '/^Signed-By:/{print $2; exit}' "$own")
  [ -n "$uris" ] && [ -n "$signed" ] || { _deps_log "cannot read URIs/Signed-By from $own"; return 1; }
  printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: %s\n' "$uris" "$signed" \
    | _sudo tee "$list" >/dev/null
  _apt_updated=0
}

deps_imgui() {
  [ -f "$IMGUI_DIR/imgui.cpp" ] && return 0
  _trixie_src_entry
  _apt_update
  local dl="$WFADMIN_CACHE/imgui-src"
  rm -rf "$dl" && mkdir -p "$dl"
  _deps_log "fetching the Debian source package imgui=$IMGUI_VERSION"
  # _apt cannot read root's cache folder, so apt downloads unsandboxed and says so: keep that quiet.
  local log; log=$(mktemp)
  if ! (cd "$dl" && apt-get source -qq --download-only "imgui=$IMGUI_VERSION") >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; return 1
  fi
  rm -f "$log"
  local orig
  orig=$(ls "$dl"/imgui_*.orig.tar.* | head -1)
  rm -rf "$IMGUI_DIR.tmp" && mkdir -p "$IMGUI_DIR.tmp"
  tar -xf "$orig" -C "$IMGUI_DIR.tmp" --strip-components=1
  [ -f "$IMGUI_DIR.tmp/imgui.cpp" ] || { _deps_log "imgui.cpp not found in $orig"; return 1; }
  rm -rf "$IMGUI_DIR" && mv "$IMGUI_DIR.tmp" "$IMGUI_DIR"
}

deps_npm() {
  local dir="$WFADMIN_ROOT/tests"
  local stamp="$dir/node_modules/.wfadmin-lock"
  if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then return 0; fi
  _deps_log "npm ci (tests)"
  (cd "$dir" && npm ci --silent --no-audit --no-fund >/dev/null)
  cp "$dir/package-lock.json" "$stamp"
}

deps_install() {
  deps_apt emscripten nlohmann-json3-dev libgtest-dev cmake g++ make fonts-noto-core fonts-noto-cjk fonttools ca-certificates \
    brotli
  # The machine image brings its own Node.js 20 and npm; fall back to Debian's only where there is none.
  command -v node >/dev/null && command -v npm >/dev/null || deps_apt nodejs npm
  deps_imgui
  if [ "${1:-}" = test ]; then
    # The page draws non-Latin text with the browser's fonts: CJK (fonts-noto-cjk), Thai, Hebrew, Arabic,
    # Devanagari (fonts-noto-core) and emoji (fonts-symbola) for the browser tests.
    deps_apt chromium nginx fonts-symbola
    deps_npm
  fi
}
