# cadre — the commands of the README.
#   make example       builds cadre, evaluates the example workspace, writes examples/report.md
#   make expected      regenerates examples/expected/ (the reviewed reports the end-to-end tests compare,
#                      and screenshots of the HTML one taken in headless Chromium)
#   make test          every test (installs what is missing first, starts a throwaway PostgreSQL):
#                      swift test, then the bundled packs' own tests (cadre test, every rule
#                      covered) and the check that docs/policies.md is up to date
#   make fuzz          the fuzzers of Fuzz/ (libFuzzer): descriptor loading and rule loading, 25 s
#                      each from the fixtures' seeds, libFuzzer's seed fixed; fails on any crash
#                      (longer runs: scripts/fuzz.sh, docs/fuzzing.md)
#   make build         the cadre binary, release build, in .build/release/cadre
#   make bench         the cadre process as a user runs it (Benchmarks/cli/run.py): peak memory and
#                      time of `cadre evaluate` on generated workspaces of 1,000 and 10,000 systems
#                      in every format, time from 10,000 to 50,000, re-checks and the history's size
#                      after 20 runs of 10,000, a retention count on 10 million rows against the
#                      `sqlite3` shell; a table of figure, goal, met
#   make install       cadre in PREFIX (default /usr/local): PREFIX/bin/cadre, and in PREFIX/share/cadre
#                      its resource bundles, the bundled packs and plugins; the manual, completions, docs
#   make dist          the release tarball, dist/cadre-VERSION-linux-ARCH.tar.gz (Swift runtime inside)
#   make dist-check    builds the tarball and `make install`s into a temporary PREFIX, and checks each
#                      runs `cadre init && cadre evaluate` with no Swift library (CI runs it after make test)
#   make bench-engine  the evaluation engine's benchmarks   }
#   make bench-lua     the Lua host's benchmarks            } release builds of Benchmarks/;
#   make bench-model   the descriptor-loading benchmark     } figures in BENCHMARKS.md
#   make bench-stores  the store benchmarks                 }
#   make bench-history re-checks against full runs          }
#   make bench-plugins plugin detectors against native ones }
#   make policies-doc  regenerate docs/policies.md, the catalogue of the bundled packs' rules
#   make schema        regenerate docs/schema/system-v1.schema.json and the field reference of docs/descriptors.md
#   make pg-stop       stops the PostgreSQL server `make test` started
#
# CADRE_SKIP_POSTGRES=1 make test   skips the PostgreSQL tests (local use only; CI runs them)

SWIFT ?= swift
PREFIX ?= /usr/local
# ethyca-fides' Python, for `make bench`'s comparison with `fides evaluate` (plugins/fides/README.md).
FIDES_PYTHON ?= /tmp/fides-venv/bin/python

.PHONY: deps build install dist dist-check example expected test lint format fuzz clean bench bench-engine bench-lua bench-model bench-stores bench-plugins bench-history schema policies-doc pg-stop

deps:
	@scripts/install-deps.sh

# Benchmarks/ depends on this package by path, and SwiftPM keeps that dependency's list of source
# files in the build description: forget it, so a new file in Sources/ is seen.
BENCH = cd Benchmarks && rm -f .build/*/release/description.json &&

# SwiftPM does not notice a change to a system library's headers: when one in Sources/CLua
# changes, make the Swift files that inline them (those that import CLua) build again.
.build/shim.stamp: $(wildcard Sources/CLua/*.h)
	@mkdir -p .build
	@find Sources/LuaHost -name '*.swift' -exec touch {} +
	@grep -rl '^import CLua' Sources Tests | xargs -r touch
	@touch $@

build: deps .build/shim.stamp
	$(SWIFT) build -c release --product cadre

# A release build linked with --static-swift-stdlib, installed with what it finds beside itself
# (scripts/dist.sh describes the layout).
install: deps .build/shim.stamp
	@SWIFT="$(SWIFT)" scripts/dist.sh install "$(PREFIX)"

dist: deps .build/shim.stamp
	@SWIFT="$(SWIFT)" scripts/dist.sh tarball

dist-check: deps .build/shim.stamp
	@SWIFT="$(SWIFT)" scripts/dist-check.sh

# The main job on the example workspace: findings (exit status 1) are the point; invalid input
# (2) or a crash is not.
# The voicebot's store is named by an environment variable, as a production one would be.
example: build examples/stores
	@VOICEBOT_DB_URL=stores/voicebot.sqlite .build/release/cadre evaluate --workspace examples; status=$$?; [ $$status -le 1 ] || exit $$status
	@VOICEBOT_DB_URL=stores/voicebot.sqlite .build/release/cadre evaluate --workspace examples --format markdown --output examples/report.md; status=$$?; [ $$status -le 1 ] || exit $$status
	@echo "report: examples/report.md"

# The reviewed report of the example workspace (examples/README.md explains it), which an
# end-to-end test compares byte for byte: regenerate it after a change, then review the diff.
expected: build examples/stores
	@VOICEBOT_DB_URL=stores/voicebot.sqlite .build/release/cadre evaluate --workspace examples --as-of 2026-11-29 --output examples/expected/report.txt; status=$$?; [ $$status -le 1 ] || exit $$status
	@VOICEBOT_DB_URL=stores/voicebot.sqlite .build/release/cadre evaluate --workspace examples --as-of 2026-11-29 --format json --output examples/expected/report.json; status=$$?; [ $$status -le 1 ] || exit $$status
	@VOICEBOT_DB_URL=stores/voicebot.sqlite .build/release/cadre evaluate --workspace examples --as-of 2026-11-29 --format markdown --output examples/expected/report.md; status=$$?; [ $$status -le 1 ] || exit $$status
	@VOICEBOT_DB_URL=stores/voicebot.sqlite .build/release/cadre evaluate --workspace examples --as-of 2026-11-29 --format html --output examples/expected/report.html; status=$$?; [ $$status -le 1 ] || exit $$status
	@.build/release/cadre register --workspace examples --output examples/expected/register.md
	@.build/release/cadre register --workspace examples --format csv --output examples/expected/register.csv
	@VOICEBOT_DB_URL=stores/voicebot.sqlite .build/release/cadre dpia credit-offer-assistant --workspace examples --as-of 2026-11-29 --output examples/expected/dpia-credit-offer-assistant.json
	@VOICEBOT_DB_URL=stores/voicebot.sqlite .build/release/cadre dpia credit-offer-assistant --workspace examples --as-of 2026-11-29 --format markdown --output examples/expected/dpia-credit-offer-assistant.md
	@VOICEBOT_DB_URL=stores/voicebot.sqlite .build/release/cadre fria credit-offer-assistant --workspace examples --as-of 2026-11-29 --output examples/expected/fria-credit-offer-assistant.md
	@python3 Tests/CadreEndToEndTests/Scripts/check_html.py examples/expected/report.html examples/expected/report.json --screenshots examples/expected
	@echo "examples/expected/: review the difference (git diff examples/expected; the screenshots report-top.png and report-system.png)"

# The example workspace's stores, generated from a fixed seed (never committed).
examples/stores: scripts/generate-example-stores.py
	@python3 scripts/generate-example-stores.py >/dev/null
	@touch $@

# Resident-memory measurements (BoundedMemoryTests) run in a process of their own: the other
# tests' allocations would blur them.
test: deps .build/shim.stamp examples/stores lint
	$(SWIFT) build --build-tests
	@scripts/start-postgres.sh >/dev/null
	. ./.build-pg/env && $(SWIFT) test --skip-build --skip BoundedMemoryTests
	. ./.build-pg/env && $(SWIFT) test --skip-build --filter BoundedMemoryTests
	.build/debug/cadre test --workspace examples --min-coverage 100
	.build/debug/cadre policies doc --workspace examples --output docs/policies.md --check

# The Swift sources in the house style (.swift-format: 4 spaces, 120 columns); `make format`
# rewrites them, `make lint` (part of `make test`) fails on any difference.
SWIFT_SOURCES = Package.swift Sources Tests Benchmarks Fuzz

lint:
	$(SWIFT) format lint --strict --recursive $(SWIFT_SOURCES)

format:
	$(SWIFT) format format --in-place --recursive $(SWIFT_SOURCES)

# A separate package built into .build-fuzz (`swift build --sanitize fuzzer`), so `make test` never
# builds it; CI runs it after the tests.
fuzz: deps .build/shim.stamp
	@scripts/fuzz.sh --seed 1

bench: build examples/stores
	@scripts/install-deps.sh --bench
	python3 Benchmarks/cli/run.py --sizes 1000,10000 --runs 3 --scale 10000,50000 --history 10000 \
	  --retention 10000000 --fides 10000,100000 --fides-python $(FIDES_PYTHON)

bench-lua: deps .build/shim.stamp
	$(BENCH) $(SWIFT) build -c release --product LuaHostBenchmarks && .build/release/LuaHostBenchmarks

bench-engine: build
	$(BENCH) $(SWIFT) build -c release --product EngineBenchmarks && .build/release/EngineBenchmarks

bench-model: deps
	$(BENCH) $(SWIFT) run -c release ModelBenchmarks

bench-stores: deps
	@scripts/install-deps.sh --bench
	$(BENCH) $(SWIFT) run -c release StoreBenchmarks

# Plugin detectors (pii-fr) against the native ones. The Fides comparison needs ethyca-fides:
# see plugins/fides/README.md (python3 plugins/fides/compare/benchmark.py).
bench-plugins: deps .build/shim.stamp
	$(BENCH) $(SWIFT) run -c release PluginBenchmarks

bench-history: deps .build/shim.stamp
	$(BENCH) $(SWIFT) build -c release --product HistoryBenchmarks && .build/release/HistoryBenchmarks

schema: deps
	$(SWIFT) build --product cadre
	.build/debug/cadre schema --output docs/schema/system-v1.schema.json
	scripts/update-field-reference.sh

policies-doc: deps
	$(SWIFT) build --product cadre
	.build/debug/cadre policies doc --workspace examples --output docs/policies.md

pg-stop:
	@scripts/start-postgres.sh --stop

clean:
	rm -rf .build .build-fuzz .build-dist Benchmarks/.build dist
