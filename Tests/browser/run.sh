#!/usr/bin/env bash
# Browser tests of the published site, opened from disk in headless Chromium at 360×800.
# Usage: Tests/browser/run.sh [SITE_DIR]   (default: Site). Screenshots go to .build/browser/.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec /usr/bin/python3 Tests/browser/calculator_test.py "${1:-Site}"
