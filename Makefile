# cadre — the commands of the README.
#   make example       builds cadre, evaluates the example workspace, writes examples/report.md
#   make test          every test (installs what is missing first, starts a throwaway PostgreSQL)
#   make build         the cadre binary, release build, in .build/release/cadre
#   make bench-lua     the Lua host's benchmarks            } release builds of Benchmarks/;
#   make bench-model   the descriptor-loading benchmark     } figures in BENCHMARKS.md
#   make bench-stores  the store benchmarks                 }
#   make bench-plugins plugin detectors against native ones }
#   make schema        regenerate docs/schema/system-v1.schema.json and the field reference of docs/descriptors.md
#   make pg-stop       stops the PostgreSQL server `make test` started
#
# CADRE_SKIP_POSTGRES=1 make test   skips the PostgreSQL tests (local use only; CI runs them)

SWIFT ?= swift

.PHONY: deps build example test clean bench-lua bench-model bench-stores bench-plugins schema pg-stop

deps:
	@scripts/install-deps.sh

# SwiftPM does not notice a change to a system library's header: when Sources/CLua/shim.h
# changes, make the Swift files that inline it build again.
.build/shim.stamp: Sources/CLua/shim.h
	@mkdir -p .build
	@find Sources/LuaHost -name '*.swift' -exec touch {} +
	@touch $@

build: deps .build/shim.stamp
	$(SWIFT) build -c release --product cadre

# The main job on the example workspace: findings (exit status 1) are the point; invalid input
# (2) or a crash is not.
# The voicebot's store is named by an environment variable, as a production one would be.
example: build examples/stores
	@VOICEBOT_DB_URL=stores/voicebot.sqlite .build/release/cadre evaluate --workspace examples; status=$$?; [ $$status -le 1 ] || exit $$status
	@VOICEBOT_DB_URL=stores/voicebot.sqlite .build/release/cadre evaluate --workspace examples --format markdown --output examples/report.md; status=$$?; [ $$status -le 1 ] || exit $$status
	@echo "report: examples/report.md"

# The example workspace's stores, generated from a fixed seed (never committed).
examples/stores: scripts/generate-example-stores.py
	@python3 scripts/generate-example-stores.py >/dev/null
	@touch $@

test: deps .build/shim.stamp examples/stores
	$(SWIFT) build --build-tests
	@scripts/start-postgres.sh >/dev/null
	. ./.build-pg/env && $(SWIFT) test --skip-build

bench-lua: deps .build/shim.stamp
	cd Benchmarks && $(SWIFT) build -c release --product LuaHostBenchmarks && .build/release/LuaHostBenchmarks

bench-model: deps
	$(SWIFT) run -c release --package-path Benchmarks ModelBenchmarks

bench-stores: deps
	@scripts/install-deps.sh --bench
	cd Benchmarks && $(SWIFT) run -c release StoreBenchmarks

# Plugin detectors (pii-fr) against the native ones. The Fides comparison needs ethyca-fides:
# see plugins/fides/README.md (python3 plugins/fides/compare/benchmark.py).
bench-plugins: deps .build/shim.stamp
	cd Benchmarks && $(SWIFT) run -c release PluginBenchmarks

schema: deps
	$(SWIFT) build --product cadre
	.build/debug/cadre schema --output docs/schema/system-v1.schema.json
	scripts/update-field-reference.sh

pg-stop:
	@scripts/start-postgres.sh --stop

clean:
	rm -rf .build Benchmarks/.build
