#!/usr/bin/env bash
# make dist-bench: the release tarball's size and its binaries' start times (docs/benchmarks.md,
# "Release tarball"). Run make dist first. Times the unpacked binaries with hyperfine twice:
#   warm — the files in the page cache, as for every start after the first;
#   cold — before each run the binaries, bundled libraries, OpenCC dictionaries and rules.json are
#          evicted from the page cache (posix_fadvise DONTNEED, no root needed), as on the first start
#          after unpacking or after the machine has read much else.
# Knobs (environment): DIST_DIR (default .build/dist), BENCH_RUNS (default 40), BENCH_COMPARE=path of
# another inquiry build (e.g. .build/release/inquiry, linked dynamically) to time beside the packaged one.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${DIST_DIR:-.build/dist}"
tarball="$(cat "$DIST/tarball-path" 2>/dev/null || true)"
[ -n "$tarball" ] && [ -f "$tarball" ] || { echo "dist-bench: no tarball: run make dist first" >&2; exit 2; }
name="$(basename "$tarball" .tar.gz)"
dir="$(cd "$DIST/stage/$name" && pwd)"
runs="${BENCH_RUNS:-40}"
command -v hyperfine >/dev/null 2>&1 || {
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq hyperfine >/dev/null
}

mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
echo "## $name"
echo
echo "- tarball: $(mib "$(stat -c %s "$tarball")") ($(stat -c %s "$tarball") bytes); unpacked: $(mib "$(du -sb "$dir" | cut -f1)")"
for f in passline inquiry; do echo "- $f: $(mib "$(stat -c %s "$dir/$f")")"; done
echo "- lib/: $(cd "$dir/lib" && ls | tr '\n' ' ')($(mib "$(du -sb "$dir/lib" | cut -f1)")); share/opencc/: $(mib "$(du -sb "$dir/share/opencc" | cut -f1)")"
echo "- machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
echo

evict="python3 -c 'import os,sys
for p in sys.argv[1:]:
    fd = os.open(p, os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED); os.close(fd)' \
  $dir/passline $dir/inquiry $dir/lib/* $dir/share/opencc/* $dir/Site/rules.json"
rules="$dir/Site/rules.json"
commands=(
  "$dir/inquiry --version"
  "$dir/passline --version"
  "$dir/inquiry ask --rules $rules 热线电话是多少"
  "$dir/inquiry ask --rules $rules 2024年下半年高级合格标准是多少"
  "$dir/inquiry ask --rules $rules 申請截止時間是什麼時候"
  "$dir/inquiry check --rules $rules --exam ruankao --session 2024-H2 --level senior --scores 41,41,41 --category local"
  "$dir/inquiry version --rules $rules"
)
[ -z "${BENCH_COMPARE:-}" ] || commands+=("$(readlink -f "$BENCH_COMPARE") ask --rules $rules 热线电话是多少")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
measure() {
  hyperfine "$@" > "$work/hyperfine.log" 2>&1 || { tail -20 "$work/hyperfine.log" >&2; echo "dist-bench: hyperfine failed" >&2; exit 1; }
}
measure -N --warmup 5 --runs "$runs" --export-json "$work/warm.json" "${commands[@]}"
measure --warmup 1 --runs "$((runs / 2))" --prepare "$evict" --export-json "$work/cold.json" "${commands[@]:0:5}"
table() {
  python3 - "$1" "$dir/" "$rules" <<'PY'
import json, sys
results, prefix, rules = json.load(open(sys.argv[1]))["results"], sys.argv[2], sys.argv[3]
print("| command | median | mean ± σ | min | max | CPU (user + sys) |")
print("|:---|---:|---:|---:|---:|---:|")
ms = lambda s: f"{s * 1000:.1f} ms"
for r in results:
    name = r["command"].replace(rules, "Site/rules.json").replace(prefix, "")
    print(f"| `{name}` | **{ms(r['median'])}** | {ms(r['mean'])} ± {r['stddev'] * 1000:.1f} | {ms(r['min'])} | {ms(r['max'])} | {ms(r['user'] + r['system'])} |")
PY
}
echo "### warm (files in the page cache), $runs runs after 5 warm-up runs"
echo
table "$work/warm.json"
echo
echo "### cold (binaries, libraries, dictionaries and rules.json evicted before each run), $((runs / 2)) runs"
echo
table "$work/cold.json"
echo
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
