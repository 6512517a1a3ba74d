# Passline — the two commands in README.md: `make site` and `make test`.
SWIFT ?= swift
CONTENT ?= Content
OUTPUT ?= Site

.PHONY: site test check deps site-deps bench clean

## site: install what is missing, validate Content/ and generate Site/.
site: site-deps
	$(SWIFT) build --product passline
	$(SWIFT) run --skip-build passline build --content $(CONTENT) --output $(OUTPUT)

## test: every test — Swift (unit, content, engine, site, bot), JavaScript parity, browser.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(SWIFT) run --skip-build passline build --content $(CONTENT) --output .build/test-site
	RULES_JSON=.build/test-site/rules.json node --test Tests/js/
	Tests/browser/run.sh .build/test-site

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
