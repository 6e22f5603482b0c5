# cadre — the commands of the README.
#   make test         every test (installs what is missing first)
#   make build        the cadre binary, release build, in .build/release/cadre
#   make bench-lua    the Lua host's benchmarks (figures for BENCHMARKS.md)
#   make bench-model  the descriptor-loading benchmark (figures for BENCHMARKS.md)
#   make schema       regenerate docs/schema/system-v1.schema.json and the field reference of docs/descriptors.md

SWIFT ?= swift

.PHONY: deps build test clean bench-lua bench-model schema

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

test: deps .build/shim.stamp
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench-lua: deps .build/shim.stamp
	cd Benchmarks && $(SWIFT) build -c release --product LuaHostBenchmarks && .build/release/LuaHostBenchmarks

bench-model:
	$(SWIFT) run -c release --package-path Benchmarks ModelBenchmarks

schema: deps
	$(SWIFT) build --product cadre
	.build/debug/cadre schema --output docs/schema/system-v1.schema.json
	scripts/update-field-reference.sh

clean:
	rm -rf .build Benchmarks/.build
