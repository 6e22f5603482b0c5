#!/usr/bin/env python3
"""Compares cadre (with the fides plugin) and `fides evaluate` on a folder of Fides manifests.

    python3 plugins/fides/compare/compare.py DIR --cadre .build/debug/cadre \
        --fides-python /tmp/fides-venv/bin/python

Imports DIR with `cadre import fides`, evaluates the imported workspace with `cadre evaluate
--format json`, runs fides_verdicts.py (what `fides --local evaluate DIR` runs) and prints the
violations only one of them reports, and the systems whose pass/fail differs. Exit status 0 when
they agree. Without --fides-python, compares with DIR/fides-verdicts.json (a recorded run).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from benchmark import PLUGIN, cadre_verdicts, key  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--cadre", default=".build/debug/cadre")
    parser.add_argument("--fides-python")
    options = parser.parse_args()
    folder = os.path.abspath(options.folder)
    cadre = os.path.abspath(options.cadre)
    manifests = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith((".yml", ".yaml")))
    work = tempfile.mkdtemp(prefix="cadre-fides-compare-")
    try:
        result = subprocess.run([cadre, "import", "fides", *manifests, "--plugin", PLUGIN, "--output-dir", work],
                                capture_output=True, text=True, cwd=work)
        sys.stderr.write(result.stderr)
        if result.returncode != 0:
            raise SystemExit(f"cadre import failed with status {result.returncode}")
        packs = sorted("policies/" + p for p in os.listdir(os.path.join(work, "policies")))
        taxonomy = "taxonomy: [taxonomy/fides.yaml]\n" if os.path.exists(os.path.join(work, "taxonomy/fides.yaml")) else ""
        with open(os.path.join(work, "cadre.yaml"), "w") as out:
            out.write(f"cadre: workspace/v1\nsystems: [systems]\nplugins: [{PLUGIN}]\npacks: [{', '.join(packs)}]\n{taxonomy}")
        result = subprocess.run([cadre, "evaluate", "--format", "json", "--as-of", "2026-01-01", "--fail-on", "none"],
                                capture_output=True, text=True, cwd=work)
        if result.returncode != 0:
            raise SystemExit(f"cadre evaluate failed with status {result.returncode}: {result.stderr}")
        found, systems = cadre_verdicts(json.loads(result.stdout))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if options.fides_python:
        run = subprocess.run([options.fides_python, os.path.join(HERE, "fides_verdicts.py"), folder], capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit(f"fides failed: {run.stderr[-3000:]}")
        expected = json.loads(run.stdout)
    else:
        with open(os.path.join(folder, "fides-verdicts.json")) as recorded:
            expected = json.load(recorded)
    # A declaration Fides names `None` is a purpose cadre names after its data use.
    for v in expected["violations"]:
        if v["declaration"] == "None":
            v["declaration"] = v["data_uses"][0].replace(".", "-")
    ours, theirs = sorted(map(key, found)), sorted(map(key, expected["violations"]))
    only_cadre = [v for v in ours if v not in theirs]
    only_fides = [v for v in theirs if v not in ours]
    differing = {k: (systems.get(k), v) for k, v in expected["systems"].items() if systems.get(k) != v}
    print(f"{len(systems)} systems; violations: cadre {len(found)}, fides {len(expected['violations'])}")
    for v in only_cadre:
        print("only cadre:", v)
    for v in only_fides:
        print("only fides:", v)
    for k, (ours_verdict, theirs_verdict) in differing.items():
        print(f"system {k}: cadre {ours_verdict}, fides {theirs_verdict}")
    agree = not only_cadre and not only_fides and not differing
    print("same violations and same pass/fail per system" if agree else "they differ")
    raise SystemExit(0 if agree else 1)


if __name__ == "__main__":
    main()
