#!/usr/bin/env bash
# Installs what cadre needs on a Debian machine, when it is missing:
#   liblua5.4-dev and pkg-config (Lua 5.4, embedded by cadre)
#   libsqlite3-dev (SQLite, for GRDB)
#   libzstd-dev (Zstandard: the history compresses what it records)
#   postgresql (a server the tests start with scripts/start-postgres.sh)
#   python3 with jsonschema and PyYAML (the end-to-end tests check `cadre schema` and SARIF with them);
#   from PyPI: sarif-pydantic (SARIF's object model), xmlschema (JUnit against its XSD) and
#   pre-commit (the hooks of .pre-commit-hooks.yaml, run in a temporary repository)
#   chromium, and Python's websocket-client (the end-to-end tests load the HTML report in headless
#   Chromium and drive it over the DevTools protocol)
# With --bench, also what the store benchmarks compare against: sqlite3 and ripgrep.
# Usage: scripts/install-deps.sh [--bench]
set -euo pipefail

missing=()
pkg-config --version >/dev/null 2>&1 || missing+=(pkg-config)
pkg-config --exists lua5.4 2>/dev/null || missing+=(liblua5.4-dev)
pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
pkg-config --exists libzstd 2>/dev/null || missing+=(libzstd-dev)
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ "${1:-}" = "--bench" ]; then
  command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
  command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
fi

python_modules_missing=false
if ! command -v python3 >/dev/null 2>&1; then
  missing+=(python3 python3-jsonschema python3-yaml)
elif ! python3 -c 'import jsonschema, yaml' >/dev/null 2>&1; then
  if [ "$(command -v python3)" = /usr/bin/python3 ]; then
    missing+=(python3-jsonschema python3-yaml)     # Debian's Python: its own packages
  else
    python_modules_missing=true                    # another Python (pyenv, venv): pip
  fi
fi

if [ "$python_modules_missing" = true ]; then
  echo "installing with pip: jsonschema pyyaml" >&2
  python3 -m pip install --quiet jsonschema pyyaml
fi

# What the end-to-end tests check reports and hooks with (PyPI only): the SARIF 2.1.0 object
# model, an XSD validator for JUnit, pre-commit 4.4 or later (`language: unsupported`).
pip_install() {
  python3 -m pip install --quiet "$@" 2>/dev/null || python3 -m pip install --quiet --break-system-packages "$@"
}

install_sarif_model() {
  command -v python3 >/dev/null 2>&1 || return 0
  if ! python3 -c 'import sarif_pydantic' >/dev/null 2>&1; then
    echo "installing with pip: sarif-pydantic" >&2
    pip_install sarif-pydantic
  fi
  if ! python3 -c 'import xmlschema' >/dev/null 2>&1; then
    echo "installing with pip: xmlschema" >&2
    pip_install xmlschema
  fi
  if ! python3 -c 'import importlib.metadata as m, sys; v = tuple(int(p) for p in m.version("pre-commit").split(".")[:2]); sys.exit(0 if v >= (4, 4) else 1)' >/dev/null 2>&1; then
    echo "installing with pip: pre-commit>=4.4" >&2
    pip_install 'pre-commit>=4.4'
  fi
}

# The DevTools protocol client the HTML report's browser test drives Chromium with.
install_websocket_client() {
  if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import websocket' >/dev/null 2>&1; then
    echo "installing with pip: websocket-client" >&2
    pip_install websocket-client
  fi
}

if [ ${#missing[@]} -eq 0 ]; then install_sarif_model; install_websocket_client; exit 0; fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
  $sudo apt-get update >/dev/null
  $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
}
install_sarif_model
install_websocket_client
