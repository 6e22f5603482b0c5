#!/usr/bin/env bash
# cadre as users get it: a release binary linked with the Swift standard library and Foundation
# inside it (--static-swift-stdlib), beside what it finds relative to itself.
#
#   PREFIX/bin/cadre
#   PREFIX/share/cadre/cadre_*.resources     the taxonomy and the Lua preludes (SwiftPM resource bundles)
#   PREFIX/share/cadre/packs/ID              the bundled packs (policies/*), named by id in cadre.yaml
#   PREFIX/share/cadre/plugins/ID            the bundled plugins (plugins/*)
#   PREFIX/share/man/man1/cadre.1            the manual, generated from the command definitions
#   PREFIX/share/bash-completion/completions/cadre, share/zsh/site-functions/_cadre,
#   PREFIX/share/fish/vendor_completions.d/cadre.fish
#   PREFIX/share/doc/cadre/                  README.md and docs/
#
# Usage: scripts/dist.sh install PREFIX     build, then install into PREFIX (make install)
#        scripts/dist.sh tarball            build dist/cadre-VERSION-linux-ARCH.tar.gz (make dist)
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}

version=$(sed -n 's/.*static let number = "\(.*\)".*/\1/p' Sources/cadre/CadreVersion.swift)
[ -n "$version" ] || { echo "dist: no version in Sources/cadre/CadreVersion.swift" >&2; exit 2; }

# The manual: argument-parser's GenerateManual plugin runs `cadre --experimental-dump-help` on a
# build of cadre (debug: the command definitions are the same, and `make test` has built it).
manual() {
  local out=$1
  find .build/plugins -path '*GenerateManual*' -name 'cadre*.1' -delete 2>/dev/null || true
  "$SWIFT" package plugin generate-manual --configuration debug --date "$(git log -1 --format=%cs 2>/dev/null || date +%F)" \
    --authors "cadre's authors" >&2
  local page
  page=$(find .build/plugins -path '*GenerateManual*' -name cadre.1 -print 2>/dev/null | head -n 1)
  [ -n "$page" ] || { echo "dist: the GenerateManual plugin wrote no cadre.1" >&2; exit 2; }
  install -d "$out/share/man/man1"
  install -m 644 "$page" "$out/share/man/man1/cadre.1"
}

# The release binary, its Swift runtime inside it; in a build folder of its own, so that it and
# `make build` (linked with the toolchain's libraries) do not undo each other.
build() {
  "$SWIFT" build -c release --static-swift-stdlib --scratch-path .build-dist --product cadre >&2
  "$SWIFT" build -c release --static-swift-stdlib --scratch-path .build-dist --show-bin-path
}

# Copies the binary, its resource bundles, the packs, plugins, completions and docs into $1.
stage() {
  local prefix=$1 bin=$2
  install -d "$prefix/bin" "$prefix/share/cadre/packs" "$prefix/share/cadre/plugins" "$prefix/share/doc/cadre"
  install -m 755 "$bin/cadre" "$prefix/bin/cadre"
  # Debug information is most of the binary's size; its symbols stay, for backtraces.
  if command -v strip >/dev/null 2>&1; then strip --strip-debug "$prefix/bin/cadre"; fi
  local bundle found=0
  for bundle in "$bin"/cadre_*.resources; do
    case "$bundle" in *Tests.resources) continue ;; esac
    rm -rf "$prefix/share/cadre/$(basename "$bundle")"
    cp -R "$bundle" "$prefix/share/cadre/"
    found=$((found + 1))
  done
  [ "$found" -gt 0 ] || { echo "dist: no resource bundle in $bin" >&2; exit 2; }
  local folder
  for folder in policies/*/; do
    [ -f "$folder/pack.yaml" ] || continue
    rm -rf "$prefix/share/cadre/packs/$(basename "$folder")"
    cp -R "${folder%/}" "$prefix/share/cadre/packs/"
  done
  for folder in plugins/*/; do
    [ -f "$folder/plugin.yaml" ] || continue
    rm -rf "$prefix/share/cadre/plugins/$(basename "$folder")"
    cp -R "${folder%/}" "$prefix/share/cadre/plugins/"
  done
  find "$prefix/share/cadre" -name __pycache__ -type d -prune -exec rm -rf {} +
  install -d "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
    "$prefix/share/fish/vendor_completions.d"
  "$prefix/bin/cadre" --generate-completion-script bash >"$prefix/share/bash-completion/completions/cadre"
  "$prefix/bin/cadre" --generate-completion-script zsh >"$prefix/share/zsh/site-functions/_cadre"
  "$prefix/bin/cadre" --generate-completion-script fish >"$prefix/share/fish/vendor_completions.d/cadre.fish"
  cp README.md "$prefix/share/doc/cadre/"
  rm -rf "$prefix/share/doc/cadre/docs"
  cp -R docs "$prefix/share/doc/cadre/docs"
}

case "${1:-}" in
  install)
    prefix=${2:?usage: scripts/dist.sh install PREFIX}
    manual_dir=$(mktemp -d)
    trap 'rm -rf "$manual_dir"' EXIT
    manual "$manual_dir"
    bin=$(build)
    stage "$prefix" "$bin"
    install -d "$prefix/share/man/man1"
    install -m 644 "$manual_dir/share/man/man1/cadre.1" "$prefix/share/man/man1/cadre.1"
    echo "installed $prefix/bin/cadre (packs and plugins in $prefix/share/cadre)"
    ;;
  tarball)
    arch=$(uname -m)
    name="cadre-$version-linux-$arch"
    rm -rf "dist/$name" "dist/$name.tar.gz"
    mkdir -p "dist/$name"
    manual "dist/$name"
    bin=$(build)
    stage "dist/$name" "$bin"
    cat >"dist/$name/INSTALL.md" <<TEXT
# cadre $version for Linux ($arch)

Unpack anywhere and put \`bin/\` on the PATH: cadre finds its packs, plugins and resources in
\`share/cadre/\` beside it. The Swift runtime is inside the binary; it needs Lua 5.4, SQLite and
Zstandard from the system (Debian, Ubuntu: \`apt-get install liblua5.4-0 libsqlite3-0 libzstd1\`).

    export PATH="\$PWD/$name/bin:\$PATH"
    mkdir my-workspace && cd my-workspace
    cadre init && cadre evaluate

The manual is \`share/man/man1/cadre.1\` (\`man -l share/man/man1/cadre.1\`); shell completions
are under \`share/bash-completion\`, \`share/zsh\` and \`share/fish\`; the documentation under
\`share/doc/cadre\`.
TEXT
    # Reproducible: sorted names, no owner, the last commit's time.
    mtime=$(git log -1 --format=%ct 2>/dev/null || date +%s)
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" -C dist -czf "dist/$name.tar.gz" "$name"
    echo "dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1))"
    ;;
  *)
    echo "usage: scripts/dist.sh install PREFIX | tarball" >&2
    exit 2
    ;;
esac
