# Passline — the two commands in README.md: `make site` and `make test`.
SWIFT ?= swift
CONTENT ?= Content
OUTPUT ?= Site

.PHONY: site test check deps site-deps bench dist dist-test dist-bench clean eval eval-heldout eval-heldout2 eval-heldout3

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

## eval: the bot's dev set (eval.json and dev.jsonl with their Traditional variants): conversations and
## turns passed, per-intent P/R/F1, confusion matrix, failed conversations; fails when one fails.
EVAL_DIR = Tests/PasslineInquiryTests/Evaluation
eval: site-deps
	$(SWIFT) build --product inquiry
	$(SWIFT) run --skip-build inquiry eval --content $(CONTENT) $(EVAL_DIR)/eval.json $(EVAL_DIR)/dev.jsonl

## eval-heldout: the frozen held-out set, read only when this runs (HeldOut/HELDOUT-FORMAT.md); run it once, at the end.
eval-heldout: site-deps
	$(SWIFT) build --product inquiry
	$(SWIFT) run --skip-build inquiry eval --content $(CONTENT) --report-only --expect-conversations 308 --expect-turns 407 \
		Tests/PasslineInquiryTests/HeldOut/heldout.jsonl

## eval-heldout2: the second frozen held-out set (HeldOut2/README.md), written without the bot; run it once, at the end.
eval-heldout2: site-deps
	$(SWIFT) build --product inquiry
	$(SWIFT) run --skip-build inquiry eval --content $(CONTENT) --report-only --expect-conversations 318 --expect-turns 394 \
		Tests/PasslineInquiryTests/HeldOut2/heldout.jsonl

## eval-heldout3: the third frozen held-out set (HeldOut3/README.md), written without the bot; run it once, at the end.
eval-heldout3: site-deps
	$(SWIFT) build --product inquiry
	$(SWIFT) run --skip-build inquiry eval --content $(CONTENT) --report-only --expect-conversations 313 --expect-turns 386 \
		Tests/PasslineInquiryTests/HeldOut3/heldout.jsonl

check: site-deps
	$(SWIFT) run passline check --content $(CONTENT)

deps:
	@scripts/deps.sh

site-deps:
	@PASSLINE_SITE_ONLY=1 scripts/deps.sh

bench: site-deps
	scripts/bench.sh

## dist: the release tarball .build/dist/passline-<version>-linux-x86_64.tar.gz — both binaries with the
## Swift runtime inside, OpenCC bundled, Site/, Content/, a Chinese README (README.md "Release").
dist:
	SWIFT=$(SWIFT) scripts/dist.sh

## dist-test: unpack that tarball into a minimal Debian without Swift (debootstrap, cached per machine)
## and run the helpdesk's and editors' commands in it via chroot. Needs root.
dist-test: dist
	scripts/dist-test.sh

## dist-bench: the tarball's size and the packaged binaries' start times, warm and cold (make dist first).
dist-bench:
	scripts/dist-bench.sh

clean:
	rm -rf .build
