#!/usr/bin/env bash
# make bench: Passline against Hugo and the cmark floor on a synthetic archive, with each build step's
# timings (see docs/benchmarks.md).
#
# Installs what it needs (Debian: hugo, cmark, hyperfine, time, python3), builds passline and inquiry in
# release mode, then runs scripts/bench/run.py, which generates the archives, times alternating runs and
# prints the table, then scripts/bench-inquiry.sh, the helpdesk bot's targets (issue 15 item 5: `ask --content`
# and `--rules` cold start, p50/p99 per answer, questions/s through stdin). Knobs (environment):
#   BENCH_SIZES=1000,10000   archive sizes (synthetic notices)
#   BENCH_RUNS=5             timed rounds per size
#   BENCH_WARMUP=1           untimed rounds first
#   BENCH_SCRATCH=.build     swift --scratch-path for the release build
#   BENCH_WORK=<scratch>/bench  where corpora, outputs and results.{md,json} go
#   BENCH_TIMEOUT=600        seconds before one run is abandoned
#   BENCH_OUTPUT_ROOT        where every tool writes its site (default: /dev/shm/passline-bench when
#                            /dev/shm is writable, else beside the corpus; "disk" forces the latter)
#   BENCH_ONE_SCRIPT_ARGS    passline build options for a zh-Hans-only build (detected from --help if unset)
#   BENCH_INQUIRY_BATCH_ARGS inquiry arguments that read questions from stdin (detected if unset)
#   BENCH_BUILD_ARGS         extra options for every passline build
#   BENCH_SKIP_INQUIRY=1     leave out scripts/bench-inquiry.sh (its own knobs: BENCH_INQUIRY_*, see that file)
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v hugo >/dev/null 2>&1 || need+=(hugo)
command -v cmark >/dev/null 2>&1 || need+=(cmark)
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

SWIFT="${SWIFT:-swift}"
SCRATCH="${BENCH_SCRATCH:-.build}"
WORK="${BENCH_WORK:-$SCRATCH/bench}"
echo "Building passline and inquiry (release, $SCRATCH)…" >&2
$SWIFT build -c release --scratch-path "$SCRATCH" --product passline >&2
$SWIFT build -c release --scratch-path "$SCRATCH" --product inquiry >&2
BIN="$($SWIFT build -c release --scratch-path "$SCRATCH" --show-bin-path)"

echo "hugo: $(hugo version | cut -d' ' -f1-2); cmark: $(cmark --version | head -1); $(hyperfine --version)" >&2
args=(--bin "$BIN" --content Content --work "$WORK"
      --sizes "${BENCH_SIZES:-1000,10000}" --runs "${BENCH_RUNS:-5}" --warmup "${BENCH_WARMUP:-1}" --timeout "${BENCH_TIMEOUT:-600}")
OUTPUT_ROOT="${BENCH_OUTPUT_ROOT:-}"
if [ -z "$OUTPUT_ROOT" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then OUTPUT_ROOT=/dev/shm/passline-bench; fi
[ "$OUTPUT_ROOT" = disk ] && OUTPUT_ROOT=""
[ -z "$OUTPUT_ROOT" ] || { args+=(--output-root "$OUTPUT_ROOT"); echo "Sites are written under $OUTPUT_ROOT (tmpfs)." >&2; }
[ -z "${BENCH_ONE_SCRIPT_ARGS+x}" ] || args+=(--one-script-args "$BENCH_ONE_SCRIPT_ARGS")
[ -z "${BENCH_INQUIRY_BATCH_ARGS:-}" ] || args+=(--inquiry-batch-args "$BENCH_INQUIRY_BATCH_ARGS")
[ -z "${BENCH_BUILD_ARGS:-}" ] || args+=(--build-args "$BENCH_BUILD_ARGS")
python3 scripts/bench/run.py "${args[@]}"
[ "${BENCH_SKIP_INQUIRY:-}" = 1 ] && exit 0
# The bot's table: a missed target is reported in it (MISSED), not a failure of `make bench`; an error is.
status=0
SWIFT="$SWIFT" BENCH_SCRATCH="$SCRATCH" BENCH_WORK="$WORK/inquiry" scripts/bench-inquiry.sh || status=$?
[ "$status" -le 1 ] || exit "$status"
