#!/usr/bin/env python3
"""cadre with the fides plugin against `fides evaluate`, on synthetic Fides manifests.

For each size (default 1,000 and 10,000 systems) it writes seeded manifests — systems with two
or three privacy declarations over fideslang keys, some referencing datasets, one policy of six
rules using ANY, ALL, NONE and OTHER — then times:

  cadre import      `cadre import fides` (descriptors and the policy's pack)
  cadre evaluate    `cadre evaluate --format json` on the imported workspace
  fides evaluate    `fides --local evaluate DIR` (the CLI: process start, parsing, evaluation)

and checks that both give the same pass/fail per system and the same violations (compared as
records: system, declaration, policy, rule, level, name and the violating keys; see
fides_verdicts.py). Prints a Markdown table for BENCHMARKS.md.

    python3 plugins/fides/compare/benchmark.py --cadre .build/release/cadre \
        --fides-python /tmp/fides-venv/bin/python [--sizes 1000 10000] [--fides-timeout 3600]

Without --fides-python only cadre is timed. Needs ethyca-fides 2.78.2 for the comparison
(pip install ethyca-fides==2.78.2 in a Python 3.11 virtualenv); never run by `make test`.
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PLUGIN = os.path.dirname(HERE)

CATEGORIES = [
    "user.contact.email", "user.contact.phone_number", "user.contact.address.city", "user.name",
    "user.device.cookie_id", "user.device.ip_address", "user.financial.bank_account",
    "user.behavior.purchase_history", "user.health_and_medical", "user.unique_id", "system.operations",
    "user.content.private", "user.location.imprecise", "user.demographic.age_range",
]
USES = [
    "essential.service", "essential.service.operations.support", "marketing.advertising.first_party.targeted",
    "marketing.advertising.third_party.targeted", "analytics.reporting", "functional.service.improve",
    "personalize", "employment", "essential.fraud_detection",
]
SUBJECTS = ["customer", "employee", "prospect", "anonymous_user", "visitor"]

POLICY = """policy:
  - fides_key: benchmark_policy
    name: Benchmark policy
    rules:
      - name: No third-party advertising with contact data
        data_categories: { matches: ANY, values: [user.contact] }
        data_uses: { matches: ANY, values: [marketing.advertising.third_party] }
        data_subjects: { matches: ANY, values: [customer, prospect] }
      - name: Health data only for employment
        data_categories: { matches: ANY, values: [user.health_and_medical] }
        data_uses: { matches: OTHER, values: [employment] }
        data_subjects: { matches: ANY, values: [customer, employee] }
      - name: Analytics on behaviour and system data only
        data_categories: { matches: OTHER, values: [user.behavior, system] }
        data_uses: { matches: ANY, values: [analytics] }
        data_subjects: { matches: ANY, values: [customer] }
      - name: Contact data only
        data_categories: { matches: ALL, values: [user.contact, user.name] }
        data_uses: { matches: ANY, values: [marketing] }
        data_subjects: { matches: NONE, values: [anonymous_user] }
      - name: Known subjects only
        data_categories: { matches: ANY, values: [user] }
        data_uses: { matches: NONE, values: [essential.fraud_detection] }
        data_subjects: { matches: NONE, values: [customer, employee, prospect] }
      - name: No financial data for personalisation
        data_categories: { matches: ANY, values: [user.financial] }
        data_uses: { matches: ANY, values: [personalize] }
        data_subjects: { matches: ANY, values: [customer] }
"""


def manifests(folder, systems, seed=8):
    """Writes systems.yml, datasets.yml and policy.yml for `systems` systems."""
    rng = random.Random(seed)
    datasets = []
    for d in range(20):
        lines = [f"  - fides_key: dataset_{d}", f"    name: Dataset {d}", "    collections:"]
        for c in range(2):
            lines += [f"      - name: table_{c}", "        fields:"]
            for f in range(4):
                lines += [f"          - name: field_{f}", f"            data_categories: [{rng.choice(CATEGORIES)}]"]
        datasets.append("\n".join(lines))
    with open(os.path.join(folder, "datasets.yml"), "w") as out:
        out.write("dataset:\n" + "\n".join(datasets) + "\n")
    lines = ["system:"]
    for s in range(systems):
        lines += [f"  - fides_key: system_{s}", f"    name: System {s}", "    system_type: Service",
                  "    administrating_department: Operations", "    privacy_declarations:"]
        for p in range(rng.choice([2, 3])):
            categories = sorted(set(rng.sample(CATEGORIES, rng.choice([1, 2, 3]))))
            subjects = sorted(set(rng.sample(SUBJECTS, rng.choice([1, 2]))))
            lines += [f"      - name: Declaration {p} of system {s}",
                      f"        data_categories: [{', '.join(categories)}]",
                      f"        data_use: {rng.choice(USES)}",
                      f"        data_subjects: [{', '.join(subjects)}]"]
            if rng.random() < 0.2:
                lines.append(f"        dataset_references: [dataset_{rng.randrange(20)}]")
    with open(os.path.join(folder, "systems.yml"), "w") as out:
        out.write("\n".join(lines) + "\n")
    with open(os.path.join(folder, "policy.yml"), "w") as out:
        out.write(POLICY)


DETAIL = re.compile(
    r"^Declaration \((?P<declaration>.*)\) of system \((?P<system>.*)\) failed rule \((?P<rule>.*)\) "
    r"from policy \((?P<policy>.*?)\)(?: for (?P<level>dataset|dataset collection|dataset field) \((?P<name>.*)\))?"
    r"\. Violated usage of data categories \((?P<c>.*)\) for data uses \((?P<u>.*)\) and subjects \((?P<s>.*)\)$"
)
LEVELS = {None: "declaration", "dataset": "dataset", "dataset collection": "collection", "dataset field": "field"}


def cadre_verdicts(report):
    """The violations and per-system verdicts of cadre's JSON report."""
    violations, systems = [], {}
    for system in report["systems"]:
        failed = False
        for result in system.get("results", []):
            if result["status"] == "error":
                raise SystemExit(f"cadre: {system['id']} {result['rule']}: {result.get('failure')}")
            failed = failed or result["status"] == "fail"
            for finding in result.get("findings", []):
                m = DETAIL.match(finding["message"])
                violations.append({
                    "system": m["system"], "declaration": m["declaration"], "policy": m["policy"], "rule": m["rule"],
                    "level": LEVELS[m["level"]], "name": m["name"] or "",
                    "data_categories": sorted(m["c"].split(",")), "data_uses": sorted(m["u"].split(",")),
                    "data_subjects": sorted(m["s"].split(",")),
                })
        systems[system["id"]] = "fail" if failed else "pass"
    return violations, systems


def key(v):
    return json.dumps(v, sort_keys=True)


def timed(arguments, **kwargs):
    start = time.monotonic()
    result = subprocess.run(arguments, capture_output=True, text=True, **kwargs)
    return time.monotonic() - start, result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cadre", default=".build/release/cadre")
    parser.add_argument("--fides-python")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--fides-timeout", type=int, default=3600)
    options = parser.parse_args()
    cadre = os.path.abspath(options.cadre)
    rows = []
    for size in options.sizes:
        work = tempfile.mkdtemp(prefix=f"cadre-fides-{size}-")
        try:
            fides_dir = os.path.join(work, "fides")
            os.makedirs(fides_dir)
            manifests(fides_dir, size)
            workspace = os.path.join(work, "cadre")
            os.makedirs(workspace)
            inputs = [os.path.join(fides_dir, f) for f in ("systems.yml", "datasets.yml", "policy.yml")]
            t_import, result = timed([cadre, "import", "fides", *inputs, "--plugin", PLUGIN, "--output-dir", workspace], cwd=workspace)
            if result.returncode != 0:
                raise SystemExit(f"cadre import failed ({result.returncode}): {result.stderr[-2000:]}")
            with open(os.path.join(workspace, "cadre.yaml"), "w") as out:
                out.write(f"cadre: workspace/v1\nsystems: [systems]\nplugins: [{PLUGIN}]\npacks: [policies/benchmark_policy]\n")
            t_evaluate, result = timed([cadre, "evaluate", "--format", "json", "--as-of", "2026-01-01", "--fail-on", "none"], cwd=workspace)
            if result.returncode != 0:
                raise SystemExit(f"cadre evaluate failed ({result.returncode}): {result.stderr[-2000:]}")
            found, cadre_systems = cadre_verdicts(json.loads(result.stdout))
            row = {"systems": size, "import": t_import, "evaluate": t_evaluate, "violations": len(found)}
            if options.fides_python:
                fides_cli = os.path.join(os.path.dirname(options.fides_python), "fides")
                try:
                    t_fides, fides_run = timed([fides_cli, "--local", "evaluate", fides_dir], cwd=work, timeout=options.fides_timeout)
                    row["fides"] = t_fides
                    row["fides_exit"] = fides_run.returncode
                    _, verdicts = timed([options.fides_python, os.path.join(HERE, "fides_verdicts.py"), fides_dir],
                                        timeout=options.fides_timeout)
                    expected = json.loads(verdicts.stdout)
                    same = sorted(map(key, found)) == sorted(map(key, expected["violations"]))
                    row["same_violations"] = same
                    row["same_systems"] = cadre_systems == expected["systems"]
                    row["fides_violations"] = len(expected["violations"])
                except subprocess.TimeoutExpired:
                    row["fides"] = None
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print("| systems | cadre import | cadre evaluate | fides evaluate | violations (cadre / fides) | same violations | same pass/fail per system |")
    print("|---:|---:|---:|---:|---:|---|---|")
    for row in rows:
        fides = row.get("fides")
        fides_text = "not run" if "fides" not in row else (f"{fides:.2f} s" if fides is not None else f"> {options.fides_timeout} s")
        print(f"| {row['systems']:,} | {row['import']:.2f} s | {row['evaluate']:.2f} s | {fides_text} | "
              f"{row['violations']:,} / {row.get('fides_violations', '—')} | {row.get('same_violations', '—')} | {row.get('same_systems', '—')} |")


if __name__ == "__main__":
    main()
