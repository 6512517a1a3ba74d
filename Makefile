# Passline — the two commands in README.md: `make site` and `make test`.
SWIFT ?= swift
CONTENT ?= Content
OUTPUT ?= Site

.PHONY: site test check deps site-deps build bench clean

## site: install what is missing, validate Content/ and generate Site/.
site: site-deps
	$(SWIFT) build --product passline
	$(SWIFT) run --skip-build passline check --content $(CONTENT) --summary
	@if $(SWIFT) run --skip-build passline --help | grep -q '^  build'; then \
	  $(SWIFT) run --skip-build passline build --content $(CONTENT) --output $(OUTPUT); \
	fi

## test: every test — Swift (unit, content, engine, site, bot), JavaScript parity, browser.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@if [ -d Tests/js ]; then $(MAKE) --no-print-directory test-js; fi
	@if [ -x Tests/browser/run.sh ]; then Tests/browser/run.sh; fi

test-js:
	$(SWIFT) run --skip-build passline build --content $(CONTENT) --output .build/test-site >/dev/null
	RULES_JSON=.build/test-site/rules.json node --test Tests/js/

check: site-deps
	$(SWIFT) run passline check --content $(CONTENT)

deps:
	@scripts/deps.sh

site-deps:
	@PASSLINE_SITE_ONLY=1 scripts/deps.sh

bench: site-deps
	scripts/bench.sh

clean:
	rm -rf .build
