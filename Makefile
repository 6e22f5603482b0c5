# cadre — the commands of the README.
#   make test      every test (installs what is missing first)
#   make build     the cadre binary, release build, in .build/release/cadre

SWIFT ?= swift

.PHONY: deps build test clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product cadre

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build
