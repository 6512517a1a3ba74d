#!/usr/bin/env python3
"""The timing half of `make bench` (scripts/bench.sh builds and installs, then calls this).

For each archive size N it generates the corpus (generate.py), then times, in ALTERNATING rounds so that
drift of a shared machine spreads over every tool alike:

    passline build, one script (zh-Hans)      full build into an empty directory
    passline build, both scripts              full build into an empty directory
    hugo                                      the same Markdown, one page template, empty directory
    cmark floor                               `cmark corpus.md`: every body concatenated, one process
    passline check                            loading and validating alone (where the build's time starts)

Wall time is measured around the process (time.perf_counter); peak RSS is /usr/bin/time -v's
"Maximum resident set size". Medians are reported, with min and max. Then the incremental rebuild
(one notice's prose changes, the same output directory is rebuilt), one more build of each kind with
`--timings` (each step's wall time and the peak memory after it), and the helpdesk bot: `inquiry` cold
start to the first answer (hyperfine) and batch throughput through stdin.

Prints a Markdown table and writes it, with the raw samples, to WORK/results.md and WORK/results.json.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TIME = "/usr/bin/time"


def log(message):
    print(message, file=sys.stderr, flush=True)


def run_once(argv, timeout, stdin_path=None):
    """One timed run: (wall seconds, peak RSS in KiB, CPU seconds user+system). Raises on failure or timeout."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        try:
            start = time.perf_counter()
            done = subprocess.run([TIME, "-v", "-o", report.name] + argv, stdin=stdin, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, timeout=timeout)
            wall = time.perf_counter() - start
        finally:
            if stdin_path:
                stdin.close()
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.decode(errors='replace')[-2000:]}")
        rss, cpu = 0, 0.0
        for line in report.read().splitlines():
            if "Maximum resident set size" in line:
                rss = int(line.rsplit(":", 1)[1])
            elif "User time (seconds)" in line or "System time (seconds)" in line:
                cpu += float(line.rsplit(":", 1)[1])
        return wall, rss, cpu


def clear(out):
    """Removes an output and the build cache `passline build` keeps beside it (`.<name>.cache`), so a full
    build starts from nothing."""
    shutil.rmtree(out, ignore_errors=True)
    parent, name = os.path.split(out.rstrip("/"))
    shutil.rmtree(os.path.join(parent, f".{name}.cache"), ignore_errors=True)


def help_text(argv):
    done = subprocess.run(argv + ["--help"], capture_output=True, text=True)
    return done.stdout + done.stderr


def summary(samples):
    walls = [s[0] for s in samples]
    return {"median": statistics.median(walls), "min": min(walls), "max": max(walls),
            "rss_mib": statistics.median(s[1] for s in samples) / 1024, "cpu": statistics.median(s[2] for s in samples),
            "runs": len(samples), "samples": samples}


class Bench:
    def __init__(self, args):
        self.args = args
        self.passline = os.path.join(args.bin, "passline")
        self.inquiry = os.path.join(args.bin, "inquiry")
        self.notes = []
        self.build_args = args.build_args.split() if args.build_args else []
        top = help_text([self.passline])
        self.has_build = any(line.strip().startswith("build") for line in top.splitlines())
        self.one_script = None
        if self.has_build:
            build_help = help_text([self.passline, "build"])
            if args.one_script_args is not None:
                self.one_script = args.one_script_args.split()
            elif "--scripts" in build_help:
                self.one_script = ["--scripts", "zh-Hans"]
            elif "--script " in build_help or "--script <" in build_help:
                self.one_script = ["--script", "zh-Hans"]
            else:
                self.notes.append("`passline build` has no option to build one script only: the one-script row is missing "
                                  "and the two-script build is compared with Hugo instead (Passline does twice the work).")
        else:
            self.notes.append("`passline build` does not exist yet: the Passline rows time `passline check` "
                              "(load + validate, the first step of a build); rendering is not measured.")

    def passline_build(self, content, output, extra):
        return [self.passline, "build", "--content", content, "--output", output] + self.build_args + extra

    def size(self, n):
        args = self.args
        data = os.path.join(args.work, f"n{n}")
        log(f"== N = {n}: generating {data}")
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--notices", str(n), "--content", args.content,
                        "--out", data], check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(data, "stats.json")) as f:
            stats = json.load(f)
        content = os.path.join(data, "content")
        # Outputs go on --output-root when given (make bench: a tmpfs), so every tool writes to the same
        # place and the disk's state (see docs/benchmarks.md, "Noise") does not decide the ranking.
        root = args.output_root or data
        os.makedirs(root, exist_ok=True)
        out = os.path.join(root, f"out-n{n}")
        tools = {}
        if self.has_build:
            if self.one_script:
                tools["passline build (zh-Hans)"] = self.passline_build(content, out, self.one_script)
            tools["passline build (zh-Hans + zh-Hant)"] = self.passline_build(content, out, [])
        tools["passline check (load+validate)"] = [self.passline, "check", "--content", content]
        tools["hugo"] = ["hugo", "--quiet", "--source", os.path.join(data, "hugo"), "--destination", out]
        tools["cmark floor"] = ["cmark", os.path.join(data, "corpus.md")]
        # Untimed warm-up rounds (page cache, first-run effects), then alternating timed rounds.
        samples = {name: [] for name in tools}
        failures = {}
        for round_ in range(args.warmup + args.runs):
            for name, argv in tools.items():
                clear(out)
                try:
                    result = run_once(argv, args.timeout)
                except subprocess.TimeoutExpired:
                    log(f"   {name}: over {args.timeout}s, dropped from this size")
                    failures[name] = f"over the {args.timeout:.0f} s limit"
                    tools[name] = None
                    continue
                except RuntimeError as failure:
                    reason = str(failure).strip().splitlines()[-1]
                    log(f"   {name} FAILED: {failure}")
                    failures[name] = reason
                    tools[name] = None
                    continue
                if round_ >= args.warmup:
                    samples[name].append(result)
                log(f"   round {round_} {name}: {result[0]:.3f}s wall, {result[2]:.2f}s CPU, {result[1] / 1024:.0f} MiB")
            tools = {k: v for k, v in tools.items() if v is not None}
        results = {name: summary(s) for name, s in samples.items() if s}
        builds = [name for name in results if name.startswith("passline build")]
        steps = {name: self.steps(tools[name], out) for name in builds if name in tools}
        incremental = self.incremental(content, out) if builds else None
        clear(out)
        return {"n": n, "stats": stats, "results": results, "failures": failures, "incremental": incremental, "steps": steps}

    def steps(self, argv, out):
        """One more build with `--timings`: [(step, milliseconds, peak MiB)] in the order the build runs them."""
        clear(out)
        done = subprocess.run(argv + ["--timings"], capture_output=True, text=True, timeout=self.args.timeout)
        found = []
        for line in (done.stdout + done.stderr).splitlines():
            # "render pages: 2343.6 ms, peak memory 207 MiB"
            head, _, rest = line.rpartition(": ")
            if not head or " ms, peak memory " not in rest:
                continue
            milliseconds, _, memory = rest.partition(" ms, peak memory ")
            try:
                found.append((head, float(milliseconds), int(memory.split()[0])))
            except ValueError:
                continue
        return found

    def incremental(self, content, out):
        """Full build (cache cleared), then: change one notice's prose and rebuild into the same directory
        (with the build cache the previous build left beside it), several times; then rebuild with nothing
        changed, several times."""
        argv = self.passline_build(content, out, self.one_script or [])
        notices = sorted(os.listdir(os.path.join(content, "notices")))
        target = os.path.join(content, "notices", notices[len(notices) // 2])
        clear(out)
        run_once(argv, self.args.timeout)
        samples = []
        for round_ in range(self.args.incremental_runs or self.args.runs):
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--edit", target], check=True)
            samples.append(run_once(argv, self.args.timeout))
            log(f"   incremental {round_}: {samples[-1][0]:.3f}s")
        still = []
        for round_ in range(self.args.incremental_runs or self.args.runs):
            still.append(run_once(argv, self.args.timeout))
            log(f"   nothing changed {round_}: {still[-1][0]:.3f}s")
        return {"edited": summary(samples), "unchanged": statistics.median(s[0] for s in still), "unchanged_samples": summary(still)}

    def inquiry_bench(self):
        """Cold start to the first answer (hyperfine, many runs), and questions/second through stdin."""
        if not os.path.exists(self.inquiry):
            return None
        top = help_text([self.inquiry])
        commands = {line.split()[0] for line in top.splitlines() if line.startswith("  ") and line.split()}
        content = self.args.content
        now = ["--now", "2025-02-10T10:00:00+08:00"]   # a fixed instant: answers do not depend on the clock
        if "ask" in commands:
            cold = [self.inquiry, "ask", "--content", content] + now + ["热线电话是多少"]
        else:
            cold = [self.inquiry, "check", "--content", content, "--exam", "ruankao", "--session", "2024-H2", "--level", "senior",
                    "--scores", "41,42,40", "--category", "local"] + now
            self.notes.append("`inquiry ask` does not exist: cold start is timed with `inquiry check` (one verdict).")
        export = os.path.join(self.args.work, "inquiry-hyperfine.json")
        subprocess.run(["hyperfine", "-N", "--warmup", "3", "--runs", str(self.args.inquiry_runs), "--export-json", export,
                        "--style", "none", " ".join(cold)], check=True, stdout=subprocess.DEVNULL)
        with open(export) as f:
            h = json.load(f)["results"][0]
        result = {"command": " ".join(cold[1:]), "cold_median_ms": h["median"] * 1000, "cold_min_ms": h["min"] * 1000,
                  "cold_max_ms": h["max"] * 1000, "cold_cpu_ms": (h["user"] + h["system"]) * 1000, "runs": len(h["times"]), "rss_mib": run_once(cold, 60)[1] / 1024}
        if self.args.inquiry_batch_args:
            batch = [self.inquiry] + self.args.inquiry_batch_args.split() + ["--content", content]
        elif "chat" in commands:
            # Not a terminal: `inquiry chat` answers one question per stdin line, in one conversation.
            batch = [self.inquiry, "chat", "--content", content] + now
        else:
            batch = None
            self.notes.append("`inquiry` has no mode reading questions from stdin: throughput not measured.")
        if batch:
            questions = self.questions(os.path.join(self.args.work, "questions.txt"))
            samples = [run_once(batch, self.args.timeout, stdin_path=questions[0]) for _ in range(3)]
            wall = statistics.median(s[0] for s in samples)
            result.update({"batch_command": " ".join(batch[1:]) + " < questions.txt", "batch_questions": questions[1],
                           "batch_wall": wall, "batch_qps": questions[1] / wall,
                           "batch_rss_mib": statistics.median(s[1] for s in samples) / 1024})
        return result

    def questions(self, path):
        """The FAQ's questions and phrasings (how people really ask), repeated to a few thousand lines."""
        asked = []
        faq = os.path.join(self.args.content, "faq")
        for name in sorted(os.listdir(faq)):
            with open(os.path.join(faq, name), encoding="utf-8") as f:
                front = f.read().split("\n---\n", 1)[0]
            for line in front.splitlines():
                if line.startswith("question:"):
                    asked.append(line.split(":", 1)[1].strip().strip('"'))
                elif line.startswith("phrasings:"):
                    inner = line.split(":", 1)[1].strip().strip("[]")
                    asked += [p.strip().strip('"') for p in inner.split(",") if p.strip()]
        lines = (asked * (self.args.questions // max(len(asked), 1) + 1))[: self.args.questions]
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        return path, len(lines)


def fmt_time(r):
    return f"{r['median']:.3f} s ({r['min']:.2f}–{r['max']:.2f})"


def table(report):
    rows = ["| N | tool | wall, median (min–max) | CPU (user+sys) | pages/s | peak RSS | vs Hugo (time) | vs cmark floor (time) |",
            "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for size in report["sizes"]:
        res, n = size["results"], size["stats"]["notices"]
        hugo, floor = res.get("hugo"), res.get("cmark floor")
        for name, r in res.items():
            vs_hugo = f"{r['median'] / hugo['median']:.2f}×" if hugo and name != "hugo" and name != "cmark floor" else ""
            vs_floor = f"{r['median'] / floor['median']:.1f}×" if floor and name != "cmark floor" else ""
            rows.append(f"| {n:,} | {name} | {fmt_time(r)} | {r['cpu']:.2f} s | {n / r['median']:,.0f} | {r['rss_mib']:.0f} MiB | {vs_hugo} | {vs_floor} |")
        for name, reason in size.get("failures", {}).items():
            if name not in res:
                rows.append(f"| {n:,} | {name} | FAILED: {reason.replace('|', '/')[:160]} | | | | | |")
    lines = ["\n".join(rows), ""]
    for size in report["sizes"]:
        inc = size.get("incremental")
        if inc:
            full = size["results"].get("passline build (zh-Hans)") or size["results"].get("passline build (zh-Hans + zh-Hant)")
            share = f", {100 * inc['edited']['median'] / full['median']:.1f}% of a full build" if full else ""
            still = f", {100 * inc['unchanged'] / full['median']:.1f}%" if full else ""
            lines.append(f"- Incremental rebuild at N = {size['stats']['notices']:,} after one notice's prose changes: "
                         f"{fmt_time(inc['edited'])}{share}; with nothing changed: {inc['unchanged']:.3f} s{still} "
                         f"(same output folder, build cache beside it; the full build starts without one).")
    for size in report["sizes"]:
        lines += step_table(size)
    inq = report.get("inquiry")
    if inq:
        lines.append(f"- `inquiry {inq['command']}` cold start to first answer: median {inq['cold_median_ms']:.1f} ms "
                     f"(min {inq['cold_min_ms']:.1f}, max {inq['cold_max_ms']:.1f}, {inq['runs']} runs; CPU {inq['cold_cpu_ms']:.1f} ms), "
                     f"peak RSS {inq['rss_mib']:.0f} MiB.")
        if "batch_qps" in inq:
            lines.append(f"- `inquiry {inq['batch_command']}`: {inq['batch_questions']:,} questions in {inq['batch_wall']:.3f} s = "
                         f"{inq['batch_qps']:,.0f} questions/s, peak RSS {inq['batch_rss_mib']:.0f} MiB.")
    lines += targets(report)
    for size in report["sizes"]:
        s = size["stats"]
        lines.append(f"- N = {s['notices']:,}: {s['synthetic']:,} synthetic notices + {s['real']} real, mean body "
                     f"{s['mean_body_bytes']:,} bytes, cmark corpus {s['corpus_bytes'] / 1e6:.1f} MB.")
    lines += ["- " + note for note in report["notes"]]
    lines.append(f"- Machine: {report['machine']}. {report['runs']} timed rounds per size after {report['warmup']} warm-up round(s), tools alternating "
                 "within each round. Other processes share these cores: treat differences under ~10% as noise.")
    return "\n".join(lines)


def step_table(size):
    """Each build step's wall time (one `--timings` build of each kind), side by side."""
    steps = size.get("steps") or {}
    if not steps:
        return []
    names = list(steps)
    order = []
    for name in names:
        for step, _, _ in steps[name]:
            if step not in order:
                order.append(step)
    rows = ["", f"Steps at N = {size['stats']['notices']:,} (`passline build --timings`, one build each; wall ms, peak memory after the step):", "",
            "| step | " + " | ".join(n.replace("passline build ", "") for n in names) + " |", "|---|" + "---:|" * len(names)]
    for step in order:
        cells = []
        for name in names:
            found = [(ms, mib) for s, ms, mib in steps[name] if s == step]
            cells.append(f"{found[0][0]:,.0f} ms, {found[0][1]} MiB" if found else "")
        rows.append(f"| {step} | " + " | ".join(cells) + " |")
    rows.append("| total | " + " | ".join(f"{sum(ms for _, ms, _ in steps[n]):,.0f} ms" for n in names) + " |")
    rows.append("")
    return rows


def targets(report):
    """Issue 15's targets at the largest size measured, each marked met or not."""
    if not report["sizes"]:
        return []
    size = report["sizes"][-1]
    res, n = size["results"], size["stats"]["notices"]
    one = res.get("passline build (zh-Hans)")
    both = res.get("passline build (zh-Hans + zh-Hant)")
    build = one or both
    hugo, floor = res.get("hugo"), res.get("cmark floor")
    out = []

    def mark(ok):
        return "met" if ok else "NOT met"
    if one and hugo:
        speed = hugo["median"] / one["median"]
        out.append(f"- Target at N = {n:,}: zh-Hans throughput ≥ 1.5× Hugo's — {one['median']:.2f} s against {hugo['median']:.2f} s is "
                   f"{speed:.2f}× Hugo's throughput: {mark(speed >= 1.5)}.")
    if both and hugo:
        ratio = both["median"] / hugo["median"]
        out.append(f"- Target: both scripts ≤ 1.5× Hugo's time — {both['median']:.2f} s is {ratio:.2f}× Hugo's: {mark(ratio <= 1.5)}.")
    if build and hugo:
        memory = build["rss_mib"] / hugo["rss_mib"]
        out.append(f"- Target: peak RSS ≤ ¼ of Hugo's — {build['rss_mib']:.0f} MiB is {memory:.2f}× Hugo's {hugo['rss_mib']:.0f} MiB: {mark(memory <= 0.25)}.")
    elif hugo:
        out.append(f"- Targets at N = {n:,} against Hugo: not measurable, `passline build` did not finish.")
    if build and floor:
        ratio = build["median"] / floor["median"]
        out.append(f"- For reference: {ratio:.0f}× the cmark floor.")
    inc = size.get("incremental")
    if inc and build:
        share = inc["edited"]["median"] / build["median"]
        out.append(f"- Target: rebuild after one notice changes ≤ 5% of a full build — {100 * share:.1f}%: {mark(share <= 0.05)}.")
        still = inc["unchanged"] / build["median"]
        out.append(f"- Target: rebuild with nothing changed ≤ 3% — {100 * still:.1f}%: {mark(still <= 0.03)}.")
    inq = report.get("inquiry")
    if inq:
        out.append(f"- Target: `inquiry` cold start with --content ≤ 40 ms — {inq['cold_median_ms']:.0f} ms: {mark(inq['cold_median_ms'] <= 40)}.")
    return out


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = os.getloadavg()[0]
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM, load average {load:.1f} at start"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True, help="directory holding the release passline and inquiry")
    parser.add_argument("--content", default="Content")
    parser.add_argument("--work", required=True, help="scratch directory for corpora and outputs")
    parser.add_argument("--output-root", default="", help="where the tools write their sites (default: beside each corpus)")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds before the timed ones")
    parser.add_argument("--incremental-runs", type=int, default=0, help="edits timed for the incremental rebuild (default: --runs)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before one run is abandoned")
    parser.add_argument("--inquiry-runs", type=int, default=30)
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--one-script-args", default=None, help="passline build options for a zh-Hans-only build")
    parser.add_argument("--inquiry-batch-args", default=None, help="inquiry arguments for reading questions from stdin")
    parser.add_argument("--build-args", default=None, help="extra options for every passline build")
    parser.add_argument("--skip-inquiry", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    bench = Bench(args)
    bench.notes.append(f"Sites were written under {args.output_root} (every tool alike)." if args.output_root
                       else "Sites were written to disk beside each corpus (every tool alike).")
    report = {"machine": machine(), "runs": args.runs, "warmup": args.warmup, "sizes": []}
    for n in [int(s) for s in args.sizes.split(",") if s]:
        report["sizes"].append(bench.size(n))
    report["inquiry"] = None if args.skip_inquiry else bench.inquiry_bench()
    report["notes"] = bench.notes
    text = table(report)
    print(text)
    with open(os.path.join(args.work, "results.md"), "w") as f:
        f.write(text + "\n")
    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump(report, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
