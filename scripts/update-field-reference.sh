#!/usr/bin/env bash
# Regenerates the field reference of docs/descriptors.md (between its BEGIN/END GENERATED markers)
# from the format's definition. Needs a built cadre: `swift build --product cadre`.
set -euo pipefail
cd "$(dirname "$0")/.."
generated=$(mktemp)
trap 'rm -f "$generated"' EXIT
.build/debug/cadre schema --format markdown > "$generated"
awk -v generated="$generated" '
  /<!-- BEGIN GENERATED/ { print; print ""; while ((getline line < generated) > 0) print line; skipping = 1; next }
  /<!-- END GENERATED/ { skipping = 0 }
  !skipping { print }
' docs/descriptors.md > docs/descriptors.md.new
mv docs/descriptors.md.new docs/descriptors.md
