#!/usr/bin/env bash
# Installs what cadre needs on a Debian machine, when it is missing:
#   liblua5.4-dev and pkg-config (Lua 5.4, embedded by cadre).
# Usage: scripts/install-deps.sh
set -euo pipefail

missing=()
pkg-config --version >/dev/null 2>&1 || missing+=(pkg-config)
pkg-config --exists lua5.4 2>/dev/null || missing+=(liblua5.4-dev)

if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
  $sudo apt-get update >/dev/null
  $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
}
