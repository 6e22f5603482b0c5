# cadre — the commands of the README.
#   make test         every test (installs what is missing first)
#   make build        the cadre binary, release build, in .build/release/cadre
#   make bench-lua    the Lua host's benchmarks (figures for BENCHMARKS.md)

SWIFT ?= swift

.PHONY: deps build test bench-lua clean

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

clean:
	rm -rf .build Benchmarks/.build
