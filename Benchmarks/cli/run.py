#!/usr/bin/env python3
"""Measures cadre as a user runs it: the `cadre` process on generated workspaces
(Benchmarks/corpus/generate.py: copies of the example descriptors, every section filled, stores
declared and read), in every output format, its peak resident memory read from wait4(2) and its
wall time. Prints a Markdown table of each figure against its goal, the worst format first.

Usage: run.py [--cadre PATH] [--sizes 1000,10000] [--runs 3] [--formats text,json,…] [--jobs N]
              [--scale 10000,50000] [--history N] [--retention ROWS] [--work FOLDER]
  --scale A,B      also measure `--format json` at A and B systems, and say whether time grows linearly
  --history N      on a copy of the N-system workspace (its packs copied in, so that a rule can change):
                   `cadre evaluate --format json`, then a first `cadre recheck` (time and memory against
                   the evaluation), 19 more re-checks with one more descriptor touched before each (the
                   history's size after 20 runs), then a re-check after one rule's message changed
                   (time against the evaluation)
  --retention ROWS a workspace of one descriptor whose store is a SQLite table of ROWS rows of ISO text
                   dates: `cadre evaluate` (its retention rules count the rows older than the period)
                   against `sqlite3 -readonly` running the plain `count(*) … where recorded_at < cutoff`
Exit status: 0 when every goal measured is met, 1 when one is not.
"""
import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GENERATE = os.path.join(ROOT, "Benchmarks", "corpus", "generate.py")
FORMATS = ["text", "json", "sarif", "junit", "markdown", "html"]
# Goals (docs: BENCHMARKS.md): peak memory of `cadre evaluate` flat in the number of systems.
MEMORY_GOAL_MB = 150
LINEAR_TOLERANCE = 0.05
FIRST_RECHECK_RATIO, FIRST_RECHECK_MEMORY_MB = 1.5, 200
RULE_RECHECK_RATIO = 0.10
HISTORY_GOAL_MB, HISTORY_RUNS = 100, 20
RETENTION_RATIO = 1.2
IMPORT_MEMORY_MB, FIDES_RATIO, FIDES_SYSTEMS = 200, 50, 1000
sys.path.insert(0, os.path.join(ROOT, "plugins", "fides", "compare"))


def measure(command, folder, environment, output):
    """Runs `command` in `folder` once: (exit status, seconds, peak resident MiB)."""
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.chdir(folder)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 1)
        os.dup2(os.open(output + ".err", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 2)
        os.execve(command[0], command, environment)
    _, status, usage = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status), time.monotonic() - start, usage.ru_maxrss / 1024


def corpus(work, size):
    folder = os.path.join(work, f"corpus-{size}")
    stamp = os.path.join(folder, ".generated")
    if not os.path.exists(stamp):
        subprocess.run([sys.executable, GENERATE, str(size), folder], check=True)
        open(stamp, "w").close()
    return folder


def row(figure, measured, goal, ok):
    print(f"| {figure} | {measured} | {goal} | {'yes' if ok else 'no'} |", flush=True)
    return ok


def history(cadre, work, size, environment, runs):
    """The re-check and history figures on a copy of the `size`-system workspace; True when met."""
    folder = os.path.join(work, f"history-{size}")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(corpus(work, size), folder, symlinks=True)
    # The packs copied in, so that a rule can change without touching the checkout's.
    configuration = open(os.path.join(folder, "cadre.yaml"), encoding="utf-8").read()
    packs = os.path.join(ROOT, "policies")
    shutil.copytree(packs, os.path.join(folder, "policies"))
    open(os.path.join(folder, "cadre.yaml"), "w", encoding="utf-8").write(
        configuration.replace(packs + "/", "policies/"))
    output = os.path.join(work, f"history-{size}.out")
    evaluations = [measure([cadre, "evaluate", "--as-of", "2026-11-29", "--format", "json", "--output", output],
                           folder, environment, output) for _ in range(runs)]
    evaluate = statistics.median(seconds for _, seconds, _ in evaluations)
    recheck = [cadre, "recheck", "--as-of", "2026-11-29"]
    status, first, first_memory = measure(recheck, folder, environment, output)
    if status not in (0, 1):
        sys.exit(f"cadre recheck exited {status}: see {output}.err")
    descriptors = sorted(os.path.join(root, name) for root, _, names in os.walk(os.path.join(folder, "systems"))
                         for name in names)
    for run in range(2, HISTORY_RUNS + 1):
        with open(descriptors[run], "a", encoding="utf-8") as descriptor:
            descriptor.write(f"# touched before run {run}\n")
        measure(recheck, folder, environment, output)
    database = os.path.join(folder, ".cadre", "history.sqlite")
    size_mb = sum(os.path.getsize(database + suffix) for suffix in ("", "-wal") if os.path.exists(database + suffix))
    size_mb /= 1024 * 1024
    # One rule's message reworded: that rule is evaluated again on every system.
    rule = os.path.join(folder, "policies", "gdpr", "retention-defined.lua")
    text = open(rule, encoding="utf-8").read()
    reworded = text.replace("no retention period for", "no retention period set for", 1)
    if reworded == text:
        sys.exit(f"{rule}: the message to reword was not found")
    open(rule, "w", encoding="utf-8").write(reworded)
    _, after_rule, _ = measure(recheck, folder, environment, output)
    met = True
    met &= row(f"first `cadre recheck`, {size:,} systems, time", f"{first:.1f} s (evaluate {evaluate:.1f} s: "
               f"× {first / evaluate:.2f})", f"≤ {FIRST_RECHECK_RATIO} × evaluate", first / evaluate <= FIRST_RECHECK_RATIO)
    met &= row(f"first `cadre recheck`, {size:,} systems, peak memory", f"{first_memory:.0f} MB",
               f"≤ {FIRST_RECHECK_MEMORY_MB} MB", first_memory <= FIRST_RECHECK_MEMORY_MB)
    met &= row(f"history after {HISTORY_RUNS} runs of {size:,} systems (one descriptor touched before each)",
               f"{size_mb:.1f} MB", f"≤ {HISTORY_GOAL_MB} MB", size_mb <= HISTORY_GOAL_MB)
    met &= row(f"`cadre recheck` after one rule changed, {size:,} systems", f"{after_rule:.1f} s "
               f"(× {after_rule / evaluate:.2f} evaluate)", f"≤ {RULE_RECHECK_RATIO} × evaluate",
               after_rule / evaluate <= RULE_RECHECK_RATIO)
    return met


RETENTION_DESCRIPTOR = os.path.join(ROOT, "examples", "systems", "voicebot-support.yaml")


def retention(cadre, work, rows, environment, runs):
    """The retention count against the shell's plain query; True when met."""
    database = os.path.join(work, f"recordings-{rows}.sqlite")
    if not os.path.exists(database):
        import random
        import sqlite3
        import datetime
        partial = database + ".partial"
        if os.path.exists(partial):
            os.remove(partial)
        connection = sqlite3.connect(partial)
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("CREATE TABLE recordings (id INTEGER PRIMARY KEY, recorded_at TEXT, caller_phone TEXT, "
                           "agent_id INTEGER)")
        generator = random.Random(2025)
        start, span = 1_640_995_200, 4 * 365 * 86_400  # 2022-01-01, four years
        epoch = datetime.datetime(1970, 1, 1)
        connection.executemany(
            "INSERT INTO recordings (recorded_at, caller_phone, agent_id) VALUES (?, ?, ?)",
            (((epoch + datetime.timedelta(seconds=start + generator.randrange(span))).strftime("%Y-%m-%d %H:%M:%S"),
              f"06 {k % 97:02d} {k % 89:02d} {k % 83:02d} {k % 79:02d}", k % 40) for k in range(rows)))
        connection.commit()
        connection.close()
        os.rename(partial, database)
    folder = os.path.join(work, f"retention-{rows}")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "systems"))
    configuration = open(os.path.join(ROOT, "examples", "cadre.yaml"), encoding="utf-8").read()
    open(os.path.join(folder, "cadre.yaml"), "w", encoding="utf-8").write(
        configuration.replace("../policies/", os.path.join(ROOT, "policies") + "/"))
    descriptor = open(RETENTION_DESCRIPTOR, encoding="utf-8").read()
    # The table of the benchmark: recordings(recorded_at, caller_phone, agent_id), retention P6M.
    descriptor = re.sub(r"columns: \{[^}]*\}\n\s*free_text: \[transcript\]",
                        "columns: { caller_phone: user.contact.phone_number, agent_id: user.unique_id }", descriptor)
    if "free_text: [transcript]" in descriptor:
        sys.exit(f"{RETENTION_DESCRIPTOR}: the recordings table to adapt was not found")
    open(os.path.join(folder, "systems", "voicebot.yaml"), "w", encoding="utf-8").write(descriptor)
    environment = dict(environment, VOICEBOT_DB_URL=database)
    output = os.path.join(work, f"retention-{rows}.json")
    # As of 2025-07-01, P6M: the cutoff is 2025-01-01.
    command = [cadre, "evaluate", "--as-of", "2025-07-01", "--format", "json", "--output", output]
    plain = ["SELECT count(*) FROM recordings WHERE recorded_at < '2025-01-01'"]
    sqlite3 = shutil.which("sqlite3")
    if not sqlite3:
        sys.exit("sqlite3 is not installed (scripts/install-deps.sh --bench)")
    expected = subprocess.run([sqlite3, "-readonly", database] + plain, capture_output=True, text=True,
                              check=True).stdout.strip()
    ours, shell = [], []
    for _ in range(max(runs, 5)):
        status, seconds, _ = measure(command, folder, environment, output + ".stdout")
        if status not in (0, 1):
            sys.exit(f"cadre exited {status} on the retention workspace: see {output}.stdout.err")
        ours.append(seconds)
        start = time.monotonic()
        subprocess.run([sqlite3, "-readonly", database] + plain, capture_output=True, check=True)
        shell.append(time.monotonic() - start)
    report = open(output, encoding="utf-8").read()
    if f"{int(expected)} rows of calls.recordings are older than" not in report:
        sys.exit(f"the count cadre reports is not the shell's {expected}: see {output}")
    ratio = statistics.median(ours) / statistics.median(shell)
    return row(f"retention count, {rows:,} rows (the `cadre` process, start to exit)",
               f"{statistics.median(ours):.2f} s against {statistics.median(shell):.2f} s: × {ratio:.2f}",
               f"≤ {RETENTION_RATIO} × `sqlite3` plain query", ratio <= RETENTION_RATIO)


def fides(cadre, work, sizes, environment, fides_python):
    """`cadre import fides` at two sizes (memory, linear time), and `cadre evaluate` on 1,000
    imported systems against `fides evaluate`; True when met."""
    import benchmark  # plugins/fides/compare: the seeded Fides manifests

    plugin = os.path.join(ROOT, "plugins", "fides")
    met = True

    def imported(size):
        manifests = os.path.join(work, f"fides-{size}")
        if not os.path.exists(os.path.join(manifests, "policy.yml")):
            os.makedirs(manifests, exist_ok=True)
            benchmark.manifests(manifests, size)
        folder = os.path.join(work, f"fides-import-{size}")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        inputs = [os.path.join(manifests, name) for name in ("systems.yml", "datasets.yml", "policy.yml")]
        command = [cadre, "import", "fides", *inputs, "--plugin", plugin, "--output-dir", "."]
        status, seconds, memory = measure(command, folder, environment, os.path.join(work, f"import-{size}.out"))
        if status != 0:
            sys.exit(f"cadre import fides exited {status} on {size} systems: see {work}/import-{size}.out.err")
        return folder, manifests, seconds, memory

    small, large = sizes
    _, _, small_time, _ = imported(small)
    _, _, large_time, large_memory = imported(large)
    ok = large_memory <= IMPORT_MEMORY_MB
    met &= row(f"`cadre import fides`, {large:,} systems, peak memory", f"{large_memory:.0f} MB",
               f"≤ {IMPORT_MEMORY_MB} MB", ok)
    ratio, expected = large_time / small_time, large / small
    ok = abs(ratio / expected - 1) <= LINEAR_TOLERANCE
    met &= row(f"`cadre import fides`, time {small:,} → {large:,} systems", f"× {ratio:.2f}",
               f"× {expected:.1f} ± 5 %", ok)

    folder, manifests, _, _ = imported(FIDES_SYSTEMS)
    with open(os.path.join(folder, "cadre.yaml"), "w") as out:
        out.write(f"cadre: workspace/v1\nsystems: [systems]\nplugins: [{plugin}]\n"
                  "packs: [policies/benchmark_policy]\n")
    command = [cadre, "evaluate", "--format", "json", "--as-of", "2026-01-01", "--fail-on", "none"]
    _, cadre_time, _ = measure(command, folder, environment, os.path.join(work, "fides-cadre.json"))
    fides_cli = fides_python and os.path.join(os.path.dirname(fides_python), "fides")
    if not fides_cli or not os.path.exists(fides_cli):
        return row(f"`fides evaluate` ÷ `cadre evaluate`, {FIDES_SYSTEMS:,} systems",
                   "not measured (--fides-python: plugins/fides/README.md)", f"≥ {FIDES_RATIO}", False) and met
    _, fides_time, _ = measure([fides_cli, "--local", "evaluate", manifests], work, dict(os.environ),
                               os.path.join(work, "fides-evaluate.out"))
    ok = fides_time / cadre_time >= FIDES_RATIO
    return row(f"`fides evaluate` ÷ `cadre evaluate`, {FIDES_SYSTEMS:,} systems",
               f"{fides_time:.2f} ÷ {cadre_time:.2f} s: × {fides_time / cadre_time:.0f}", f"≥ {FIDES_RATIO}",
               ok) and met


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cadre", default=os.path.join(ROOT, ".build", "release", "cadre"))
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("--scale", default="")
    parser.add_argument("--history", type=int, default=0)
    parser.add_argument("--retention", type=int, default=0)
    parser.add_argument("--fides", default="", help="two sizes of Fides manifests to import (10000,100000)")
    parser.add_argument("--fides-python", default="", help="ethyca-fides' Python, for `fides evaluate`")
    parser.add_argument("--work", default=os.path.join(ROOT, ".build", "bench-cli"))
    arguments = parser.parse_args()
    cadre = os.path.abspath(arguments.cadre)
    os.makedirs(arguments.work, exist_ok=True)
    environment = {"PATH": "/usr/bin:/bin", "VOICEBOT_DB_URL": "stores/voicebot.sqlite"}
    if "TMPDIR" in os.environ:
        environment["TMPDIR"] = os.environ["TMPDIR"]
    formats = arguments.formats.split(",")
    sizes = [int(size) for size in arguments.sizes.split(",")]
    rows = []
    met = True
    load = os.getloadavg()
    print(f"cadre: {cadre}\n2-minute load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
          f"{os.cpu_count()} cores; medians of {arguments.runs} runs\n")
    print("| systems | format | wall time (median) | peak RSS (median, max) | per system |")
    print("|---:|---|---:|---:|---:|")
    worst = {}
    for size in sizes:
        folder = corpus(arguments.work, size)
        for format in formats:
            times, memories = [], []
            for _ in range(arguments.runs):
                output = os.path.join(arguments.work, f"report-{size}.{format}")
                command = [cadre, "evaluate", "--as-of", "2026-11-29", "--format", format, "--output", output]
                if arguments.jobs:
                    command += ["--jobs", str(arguments.jobs)]
                status, seconds, memory = measure(command, folder, environment, output + ".stdout")
                if status not in (0, 1):
                    sys.exit(f"cadre exited {status} on {size} systems, {format}: see {output}.stdout.err")
                times.append(seconds)
                memories.append(memory)
            median_time, median_memory = statistics.median(times), statistics.median(memories)
            print(f"| {size:,} | {format} | {median_time:.2f} s | {median_memory:.0f} MB, {max(memories):.0f} MB "
                  f"| {1000 * median_time / size:.2f} ms |", flush=True)
            worst[size] = max(worst.get(size, (0, "")), (max(memories), format))
    print("\n| figure | measured | goal | met |")
    print("|---|---:|---:|---|")
    for size in sizes:
        memory, format = worst[size]
        ok = memory <= MEMORY_GOAL_MB
        met &= ok
        print(f"| peak memory, {size:,} systems, worst format ({format}) | {memory:.0f} MB | ≤ {MEMORY_GOAL_MB} MB | "
              f"{'yes' if ok else 'no'} |")
    if arguments.scale:
        small, large = (int(size) for size in arguments.scale.split(","))
        results = {}
        for size in (small, large):
            folder = corpus(arguments.work, size)
            output = os.path.join(arguments.work, f"report-{size}.json")
            command = [cadre, "evaluate", "--as-of", "2026-11-29", "--format", "json", "--output", output]
            results[size] = measure(command, folder, environment, output + ".stdout")
        ratio = results[large][1] / results[small][1]
        expected = large / small
        ok = abs(ratio / expected - 1) <= LINEAR_TOLERANCE
        met &= ok
        print(f"| time, {small:,} → {large:,} systems (json) | × {ratio:.2f} | × {expected:.1f} ± 5 % | "
              f"{'yes' if ok else 'no'} |")
        for size in (small, large):
            ok = results[size][2] <= MEMORY_GOAL_MB
            met &= ok
            print(f"| peak memory, {size:,} systems, json | {results[size][2]:.0f} MB | ≤ {MEMORY_GOAL_MB} MB | "
                  f"{'yes' if ok else 'no'} |")
    if arguments.history:
        met &= history(cadre, arguments.work, arguments.history, environment, arguments.runs)
    if arguments.retention:
        met &= retention(cadre, arguments.work, arguments.retention, environment, arguments.runs)
    if arguments.fides:
        sizes = [int(size) for size in arguments.fides.split(",")]
        met &= fides(cadre, arguments.work, sizes, environment, arguments.fides_python)
    load = os.getloadavg()
    print(f"\n2-minute load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
