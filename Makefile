# Waymark's two commands are `make run` and `make test`; the rest are for developers.
SHELL   := /bin/bash
GO      ?= go
VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X waymark/app/cli.Version=$(VERSION)
BIN     := bin/waymark

.PHONY: run test build deps bench windows fuzz clean translation-todo translation-merge

## run: install missing system packages, build, and open Waymark on the default vault
run: build
	./$(BIN)

## build: build bin/waymark
build:
	@bash .ci/deps build
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) .

## test: install missing system packages, then vet, format-check and run every test headless
test:
	@bash .ci/deps test
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 20m ./...

## bench: the performance budgets as Go benchmarks (figures go in the README)
bench:
	@bash .ci/deps build
	$(GO) test -run '^$$' -bench . -benchmem ./...

## windows: cross-compile bin/waymark.exe with mingw-w64
windows:
	@bash .ci/deps windows
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	  $(GO) build -ldflags "$(LDFLAGS)" -o bin/waymark.exe .

## fuzz: run each fuzz target for a while (the seed corpora run in every `make test`)
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime 30s $$pkg || exit 1; \
	  done; \
	done

## translation-todo: CODE=xx writes locales/translate/xx/*.json, the messages xx still needs
translation-todo:
	@bash locales/translate/translate.sh todo $(CODE)

## translation-merge: CODE=xx folds the translated files back into locales/messages
translation-merge:
	@bash locales/translate/translate.sh merge $(CODE)

clean:
	rm -rf bin
