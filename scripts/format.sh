#!/usr/bin/env bash
# Formatting with swift-format (shipped with the toolchain) and the checked-in .swift-format:
#   scripts/format.sh lint   report every difference, exit 1 if there is any (what CI will run)
#   scripts/format.sh fix    rewrite the files in place
# The configuration keeps the code's own style (4 spaces, 140 columns, `let a = 1, b = 2`, `;` between
# short statements, imports as written) so that a reformat changes layout, not habits.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
paths=(Package.swift Sources Tests)
case "${1:-lint}" in
  lint) swift format lint --strict --recursive --parallel "${paths[@]}" ;;
  fix) swift format format --in-place --recursive --parallel "${paths[@]}" ;;
  *) echo "usage: scripts/format.sh lint|fix" >&2; exit 2 ;;
esac
