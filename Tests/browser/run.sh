#!/usr/bin/env bash
# Browser tests of the published site, opened from disk in headless Chromium at 360×800.
# Usage: Tests/browser/run.sh [SITE_DIR]   (default: Site). Screenshots go to .build/browser/.
# serve_test.py runs `passline serve` itself: $PASSLINE, or the binary of `swift build`.
set -uo pipefail
cd "$(dirname "$0")/../.."
site="${1:-Site}"
status=0
/usr/bin/python3 Tests/browser/calculator_test.py "$site" || status=1
/usr/bin/python3 Tests/browser/archive_test.py "$site" || status=1
/usr/bin/python3 Tests/browser/flow_test.py "$site" || status=1
/usr/bin/python3 Tests/browser/narrow_test.py "$site" || status=1
passline="${PASSLINE:-$(${SWIFT:-swift} build --show-bin-path)/passline}"
/usr/bin/python3 Tests/browser/nojs_test.py "$site" "$passline" || status=1
/usr/bin/python3 Tests/browser/serve_test.py "$passline" || status=1
exit $status
