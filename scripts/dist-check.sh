#!/usr/bin/env bash
# Proves the release works where Swift is not installed, as a user would run it (make dist-check,
# which CI runs after make test):
#   1. builds dist/cadre-VERSION-linux-ARCH.tar.gz (scripts/dist.sh tarball) and unpacks it in a
#      temporary folder;
#   2. fails when `ldd` says the binary needs a Swift library (libswiftCore, libFoundation,
#      libdispatch…) or a library that is not found;
#   3. in an empty folder, with no environment but PATH=<unpacked>/bin and an empty
#      LD_LIBRARY_PATH: `cadre init && cadre evaluate` must run the bundled rules (76 or more)
#      and exit 0 or 1, never 2; the same through a symbolic link to the binary;
#   4. checks the tarball holds the resource bundles, packs, plugins, manual and completions;
#   5. does it all again with `make install PREFIX=<temporary folder>`.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "dist-check: $*" >&2; exit 1; }

# Runs the installed cadre at $1/bin in a new empty folder; $2 names the check.
check_prefix() {
  local prefix=$1 what=$2
  local bin="$prefix/bin/cadre"
  [ -x "$bin" ] || fail "$what: no executable $bin"

  echo "== $what: ldd $bin"
  ldd "$bin" | tee "$work/ldd.txt"
  if grep -Ei 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libXCTest|libTesting' "$work/ldd.txt"; then
    fail "$what: the binary needs a Swift library (above): it must be linked with --static-swift-stdlib"
  fi
  if grep -F 'not found' "$work/ldd.txt"; then fail "$what: a library is missing (above)"; fi

  for file in share/cadre/packs/gdpr/pack.yaml share/cadre/packs/cnil/pack.yaml share/cadre/packs/ai-act/pack.yaml \
    share/cadre/plugins/pii-fr/plugin.yaml share/cadre/cadre_CadreModel.resources/taxonomy.yaml \
    share/cadre/cadre_CadreEngine.resources/prelude.lua \
    share/cadre/cadre_CadreEngine.resources/test-prelude.lua share/man/man1/cadre.1 \
    share/bash-completion/completions/cadre share/zsh/site-functions/_cadre \
    share/fish/vendor_completions.d/cadre.fish share/doc/cadre/README.md share/doc/cadre/docs/cli.md; do
    [ -s "$prefix/$file" ] || fail "$what: $file is missing or empty"
  done
  grep -q '^\.Dt CADRE 1' "$prefix/share/man/man1/cadre.1" || fail "$what: cadre.1 is not cadre's man page (mdoc)"

  local folder="$work/$what-workspace"
  mkdir -p "$folder"
  (cd "$folder" && env -i PATH="$prefix/bin" LD_LIBRARY_PATH= HOME="$work" cadre init >"$work/init.txt" 2>&1) ||
    { cat "$work/init.txt"; fail "$what: cadre init failed"; }
  local status=0
  (cd "$folder" && env -i PATH="$prefix/bin" LD_LIBRARY_PATH= HOME="$work" \
    cadre evaluate --format json >"$work/report.json" 2>"$work/stderr.txt") || status=$?
  if [ "$status" -gt 1 ]; then
    cat "$work/stderr.txt"
    fail "$what: cadre evaluate exited with $status"
  fi
  local rules
  rules=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["rules"])' "$work/report.json")
  [ "$rules" -ge 76 ] || fail "$what: cadre evaluate ran $rules rules, not the 76 or more bundled"
  echo "== $what: cadre init && cadre evaluate: $rules rules, exit status $status"

  # Through a symbolic link (as /usr/local/bin/cadre → /opt/cadre/bin/cadre would be).
  mkdir -p "$work/$what-link"
  ln -sf "$bin" "$work/$what-link/cadre"
  status=0
  (cd "$folder" && env -i PATH="$work/$what-link" LD_LIBRARY_PATH= HOME="$work" cadre evaluate >/dev/null 2>"$work/stderr.txt") || status=$?
  [ "$status" -le 1 ] || { cat "$work/stderr.txt"; fail "$what: cadre through a symbolic link exited with $status"; }
}

scripts/dist.sh tarball
version=$(sed -n 's/.*static let number = "\(.*\)".*/\1/p' Sources/cadre/CadreVersion.swift)
tarball="dist/cadre-$version-linux-$(uname -m).tar.gz"
[ -f "$tarball" ] || fail "no $tarball"
echo "== $tarball: $(du -h "$tarball" | cut -f1)"
mkdir -p "$work/unpacked"
tar -xzf "$tarball" -C "$work/unpacked"
check_prefix "$work/unpacked/cadre-$version-linux-$(uname -m)" tarball

make install PREFIX="$work/prefix"
check_prefix "$work/prefix" install
echo "dist-check: passed"
