#!/usr/bin/env bash
# scripts/bench-inquiry.sh: the helpdesk bot's speed targets (issue 15 item 5), called by `make bench`
# and runnable alone. Release build; hyperfine for the cold start; one `inquiry chat` process for the
# answers, fed the questions of the bot's evaluation sets (eval.json, dev.jsonl: Simplified, Traditional,
# typos, long and hostile lines), repeated to BENCH_INQUIRY_QUESTIONS lines.
#   targets: `inquiry ask --content` cold start ≤ 40 ms, `--rules` ≤ 30 ms (medians),
#            p99 answer ≤ 5 ms (time inside the bot, per question), ≥ 3,000 questions/s through stdin.
# Knobs: BENCH_SCRATCH (swift --scratch-path, default .build), BENCH_WORK (default <scratch>/bench-inquiry),
#        BENCH_INQUIRY_RUNS (hyperfine runs, 40), BENCH_INQUIRY_QUESTIONS (3000), BENCH_RULES (a rules.json to use
#        instead of building the site). Exit 1 when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT="${SWIFT:-swift}"
SCRATCH="${BENCH_SCRATCH:-.build}"
WORK="${BENCH_WORK:-$SCRATCH/bench-inquiry}"
RUNS="${BENCH_INQUIRY_RUNS:-40}"
COUNT="${BENCH_INQUIRY_QUESTIONS:-3000}"
command -v hyperfine >/dev/null || { echo "bench-inquiry: needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
echo "Building inquiry and passline (release, $SCRATCH)…" >&2
$SWIFT build -c release --scratch-path "$SCRATCH" --product inquiry >&2
BIN="$($SWIFT build -c release --scratch-path "$SCRATCH" --show-bin-path)"
mkdir -p "$WORK"
RULES="${BENCH_RULES:-}"
if [ -z "$RULES" ]; then
  $SWIFT build -c release --scratch-path "$SCRATCH" --product passline >&2
  "$BIN/passline" build --content Content --output "$WORK/site" >/dev/null
  RULES="$WORK/site/rules.json"
fi
NOW=2025-02-10T10:00:00+08:00
hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$WORK/cold.json" \
  -n content "$BIN/inquiry ask --content Content --now $NOW 热线电话是多少" \
  -n rules "$BIN/inquiry ask --rules $RULES --now $NOW 热线电话是多少" >&2
python3 - "$WORK" "$COUNT" <<'PY'
import json, sys, os
work, count = sys.argv[1], int(sys.argv[2])
qs = []
for line in open("Tests/PasslineInquiryTests/Evaluation/dev.jsonl", encoding="utf-8"):
    line = line.strip()
    if line: qs.append(json.loads(line)["q"])
for c in json.load(open("Tests/PasslineInquiryTests/Evaluation/eval.json", encoding="utf-8"))["conversations"]:
    qs += [t["q"] for t in c["turns"]]
qs = [q.replace("\n", " ") for q in qs if q.strip() and not q.startswith("/")]
out = [qs[i % len(qs)] for i in range(count)]
open(os.path.join(work, "questions.txt"), "w", encoding="utf-8").write("\n".join(out) + "\n")
PY
# Throughput: one process, one question per line (the whole run, start-up included).
start=$(date +%s.%N)
"$BIN/inquiry" chat --content Content --now "$NOW" < "$WORK/questions.txt" > /dev/null
end=$(date +%s.%N)
# Per-answer time: --explain prints the time inside the bot for each question.
"$BIN/inquiry" chat --content Content --now "$NOW" --explain < "$WORK/questions.txt" 2> "$WORK/explain.txt" > /dev/null
python3 - "$WORK" "$COUNT" "$start" "$end" <<'PY'
import json, re, sys, os
work, count, start, end = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
cold = {r["command"]: r for r in json.load(open(os.path.join(work, "cold.json")))["results"]}
def ms(text):
    value, unit = re.match(r"([0-9.e+-]+) (seconds|milliseconds|microseconds|nanoseconds)", text).groups()
    return float(value) * {"seconds": 1e3, "milliseconds": 1, "microseconds": 1e-3, "nanoseconds": 1e-6}[unit]
times = sorted(ms(m) for m in re.findall(r"^time=(.*)$", open(os.path.join(work, "explain.txt"), encoding="utf-8").read(), re.M))
p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
rate = count / (end - start)
content, rules = cold["content"]["median"] * 1e3, cold["rules"]["median"] * 1e3
rows = [("inquiry ask --content cold start (median)", f"{content:.1f} ms", "≤ 40 ms", content <= 40),
        ("inquiry ask --rules cold start (median)", f"{rules:.1f} ms", "≤ 30 ms", rules <= 30),
        (f"answer time p50 / p99 / max ({len(times)} questions)", f"{p(0.5):.2f} / {p(0.99):.2f} / {times[-1]:.2f} ms", "p99 ≤ 5 ms", p(0.99) <= 5),
        (f"inquiry chat through stdin ({count} questions)", f"{rate:,.0f} questions/s", "≥ 3,000/s", rate >= 3000)]
print("| inquiry | measured | target | |\n|---|---|---|---|")
for name, value, target, ok in rows: print(f"| {name} | {value} | {target} | {'met' if ok else 'MISSED'} |")
sys.exit(0 if all(r[3] for r in rows) else 1)
PY
