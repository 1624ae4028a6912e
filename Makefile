# Atelier — two commands do all the set-up on Debian/Ubuntu:
#   make run    builds and opens the app on the default database
#   make test   formatting, vet, staticcheck, unit and UI tests, then the real
#               binary started under Xvfb until its window appears
# make bench runs the benchmarks and the start-up comparison.
# make dist builds the installable files into dist/ (Linux archive, Windows
# installer and zip, SHA256SUMS); make dist-check installs and runs them
# here, under Xvfb and Wine.

SHELL      := /bin/bash
GO         ?= go
TAGS       := migrated_fynedo
BIN        := bin/atelier
VERSION    := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS    := -X main.version=$(VERSION)
STATICCHECK_VERSION := v0.8.2
export LANG := $(if $(filter %UTF-8 %utf8,$(LANG)),$(LANG),C.UTF-8)

.PHONY: run build test bench deps deps-test deps-dist dist dist-check fmt-check vet lint nocgo unit smoke clean

run: deps build
	./$(BIN)

build: deps
	$(GO) build -tags $(TAGS) -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/atelier

deps:
	@.ci/deps run

deps-test:
	@.ci/deps test

deps-dist:
	@.ci/deps dist

test: deps-test fmt-check vet lint nocgo unit build smoke

fmt-check:
	@out=$$(gofmt -l cmd app assets workshops); if [ -n "$$out" ]; then echo "gofmt: à reformater :"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet -tags $(TAGS) ./...

lint:
	@command -v staticcheck >/dev/null || $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	PATH="$$PATH:$$($(GO) env GOPATH)/bin" staticcheck -tags $(TAGS) ./...

# Everything but cmd/ builds without cgo, which keeps the tests quick;
# app/arch checks the import boundaries that make it so.
nocgo:
	CGO_ENABLED=0 $(GO) build -tags $(TAGS) ./app/... ./assets/... ./workshops/...

unit:
	$(GO) test -tags $(TAGS) -count=1 -timeout 40m ./...

smoke: build
	.ci/smoke $(BIN)

bench: deps-test
	CGO_ENABLED=0 $(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./app/... ./workshops/...
	$(GO) build -tags $(TAGS) -o bin/fynehello ./cmd/fynehello
	$(MAKE) build
	.ci/startup bin/fynehello $(BIN)

dist: deps-dist
	scripts/dist

dist-check: deps-dist
	scripts/dist-check

clean:
	rm -rf bin
