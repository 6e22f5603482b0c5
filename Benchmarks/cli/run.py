#!/usr/bin/env python3
"""Measures cadre as a user runs it: the `cadre` process on generated workspaces
(Benchmarks/corpus/generate.py: copies of the example descriptors, every section filled, stores
declared and read), in every output format, its peak resident memory read from wait4(2) and its
wall time. Prints a Markdown table of each figure against its goal, the worst format first.

Usage: run.py [--cadre PATH] [--sizes 1000,10000] [--runs 3] [--formats text,json,…] [--jobs N]
              [--scale 10000,50000] [--work FOLDER]
  --scale A,B  also measure `--format json` at A and B systems, and say whether time grows linearly
Exit status: 0 when every goal measured is met, 1 when one is not.
"""
import argparse
import json
import os
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cadre", default=os.path.join(ROOT, ".build", "release", "cadre"))
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("--scale", default="")
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
    load = os.getloadavg()
    print(f"\n2-minute load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
