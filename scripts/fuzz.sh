#!/usr/bin/env bash
# Fuzzes the descriptor loader and rule loading with libFuzzer (docs/fuzzing.md).
#
#   scripts/fuzz.sh --seed 1                   both fuzzers, 25 s each: what `make fuzz` and CI run
#   scripts/fuzz.sh --seconds 1800 rule        the rule fuzzer for half an hour (a random seed)
#   scripts/fuzz.sh --build-only               only build them
#   FUZZ_FLAGS="-jobs=2 -workers=2" scripts/fuzz.sh ...   more libFuzzer flags
#
# Fuzzers: `descriptor` (DescriptorFuzzer: bytes as a descriptor file, and as a kept parse) and
# `rule` (RuleFuzzer: bytes as a rule file of a bundled pack, run on one descriptor).
#
# Fuzz/ is built into .build-fuzz with `swift build --sanitize fuzzer`. Each fuzzer starts from the
# seeds, gathered afresh from the project's fixtures into .build-fuzz/seeds/NAME, and from what
# earlier runs on this machine found (.build-fuzz/corpus/NAME). A crash, a broken promise, a hang
# past -timeout or memory past -rss_limit_mb stops it: the input is saved in .build-fuzz/crashes/,
# the end of its log is printed, and the script fails. `.build-fuzz/debug/RuleFuzzer FILE` runs
# one saved input again. `--seed 0` (the default) lets libFuzzer pick a seed; CI's fixed seed
# makes its run the same on every machine, as far as its time allows (from an empty corpus:
# `rm -rf .build-fuzz/corpus` to repeat it here).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=25
seed=0
build_only=false
names=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --build-only) build_only=true; shift ;;
    descriptor|rule) names+=("$1"); shift ;;
    *) echo "usage: scripts/fuzz.sh [--seconds N] [--seed N] [--build-only] [descriptor] [rule]" >&2; exit 2 ;;
  esac
done
[ ${#names[@]} -gt 0 ] || names=(descriptor rule)

SWIFT="${SWIFT:-swift}"
out=.build-fuzz
# Fuzz/ depends on this package by path, and SwiftPM keeps that dependency's list of source files
# in the build description: forget it, so a new file in Sources/ is seen.
rm -f "$out"/*/debug/description.json
start=$(date +%s)
"$SWIFT" build --package-path Fuzz --scratch-path "$out" --sanitize fuzzer
echo "fuzz: built in $(( $(date +%s) - start )) s"
$build_only && exit 0

# Seeds: the project's own inputs, never copied into the repository.
gather_seeds() {
  local name="$1" folder="$out/seeds/$1"
  rm -rf "$folder"
  mkdir -p "$folder"
  case "$name" in
    descriptor)
      find Tests/CadreModelTests/Fixtures examples/systems policies/*/tests/fixtures -type f \
        \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -exec cp -t "$folder" {} +
      cp examples/cadre.yaml "$folder/workspace-cadre.yaml"
      for pack in policies/*/; do cp "$pack/pack.yaml" "$folder/pack-$(basename "$pack").yaml"; done
      # Archives of the seeds that parse, for the archive reader.
      mkdir -p "$out/seeds/archives"
      CADRE_FUZZ_WRITE_ARCHIVES="$out/seeds/archives" SWIFT_BACKTRACE=enable=no \
        "$out/debug/DescriptorFuzzer" -runs=0 "$folder" >"$out/logs/descriptor-archives.log" 2>&1
      mv "$out"/seeds/archives/* "$folder"/ 2>/dev/null || true
      rm -rf "$out/seeds/archives"
      ;;
    rule)
      find policies plugins Fuzz/seeds/rules -type f -name '*.lua' | while read -r file; do
        cp "$file" "$folder/$(echo "$file" | tr / _)"
      done
      # The hostile scripts of the Lua host's tests (their one-line sources).
      python3 - "$folder" <<'PY'
import pathlib, re, sys
text = pathlib.Path("Tests/LuaHostTests/HostileScriptTests.swift").read_text()
for index, match in enumerate(re.finditer(r'source: "((?:[^"\\]|\\.)*)"', text)):
    source = re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t", "0": "\0"}.get(m.group(1), m.group(1)), match.group(1))
    pathlib.Path(sys.argv[1], f"hostile-{index:02}.lua").write_text(source)
PY
      ;;
  esac
}

# libFuzzer's flags for each fuzzer: a hang is a run past -timeout seconds (the rule fuzzer's
# limits stop any one call after 250 ms), memory past -rss_limit_mb is a failure.
flags() {
  case "$1" in
    descriptor) echo "-timeout=10 -rss_limit_mb=2048 -max_len=16384 -dict=Fuzz/dictionaries/descriptor.dict" ;;
    rule) echo "-timeout=20 -rss_limit_mb=3072 -max_len=16384 -dict=Fuzz/dictionaries/rule.dict" ;;
  esac
}

executable() { case "$1" in descriptor) echo DescriptorFuzzer ;; rule) echo RuleFuzzer ;; esac; }

mkdir -p "$out/logs" "$out/crashes"
passed=0
failed=0
for name in "${names[@]}"; do
  gather_seeds "$name"
  mkdir -p "$out/corpus/$name"
  log="$out/logs/$name.log"
  # Swift's own crash handler would take the signal before libFuzzer saves the input.
  # shellcheck disable=SC2046
  if SWIFT_BACKTRACE=enable=no nice "$out/debug/$(executable "$name")" "$out/corpus/$name" "$out/seeds/$name" \
    $(flags "$name") -max_total_time="$seconds" -seed="$seed" -print_final_stats=1 \
    -artifact_prefix="$out/crashes/$name-" ${FUZZ_FLAGS:-} >"$log" 2>&1; then
    passed=$((passed + 1))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    echo "fuzz: $name: no crash in ${runs:-?} runs (${speed:-?} a second, ${coverage:-cov: ?}, corpus $(ls "$out/corpus/$name" | wc -l) files); log $log"
  else
    failed=$((failed + 1))
    tail -n 60 "$log"
    echo "fuzz: $name: FAILED; the input is in $out/crashes/ (see the log above, $log); docs/fuzzing.md says how it becomes a regression test"
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
