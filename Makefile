# cadre — the commands of the README.
#   make test          every test (installs what is missing first, starts a throwaway PostgreSQL)
#   make build         the cadre binary, release build, in .build/release/cadre
#   make bench-stores  the store benchmarks (Benchmarks/, release build; figures in BENCHMARKS.md)
#   make pg-stop       stops the PostgreSQL server `make test` started
#
# CADRE_SKIP_POSTGRES=1 make test   skips the PostgreSQL tests (local use only; CI runs them)

SWIFT ?= swift

.PHONY: deps build test clean bench-stores pg-stop

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product cadre

test: deps
	$(SWIFT) build --build-tests
	@scripts/start-postgres.sh >/dev/null
	. ./.build-pg/env && $(SWIFT) test --skip-build

bench-stores: deps
	@scripts/install-deps.sh --bench
	cd Benchmarks && $(SWIFT) run -c release StoreBenchmarks

pg-stop:
	@scripts/start-postgres.sh --stop

clean:
	rm -rf .build
