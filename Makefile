# cadre — the commands of the README.
#   make test      every test (installs what is missing first)
#   make build     the cadre binary, release build, in .build/release/cadre
#   make bench-model  the descriptor-loading benchmark (Benchmarks/, release build); see BENCHMARKS.md
#   make schema    regenerate docs/schema/system-v1.schema.json and the field reference of docs/descriptors.md

SWIFT ?= swift

.PHONY: deps build test clean bench-model schema

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product cadre

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench-model:
	$(SWIFT) run -c release --package-path Benchmarks ModelBenchmarks

schema: deps
	$(SWIFT) build --product cadre
	.build/debug/cadre schema --output docs/schema/system-v1.schema.json
	scripts/update-field-reference.sh

clean:
	rm -rf .build Benchmarks/.build
