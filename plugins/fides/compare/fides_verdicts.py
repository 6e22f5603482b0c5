#!/usr/bin/env python3
"""The verdicts of `fides evaluate` on a folder of Fides manifests, as JSON.

Runs what `fides --local evaluate DIR` runs (fides.core.evaluate, Fides 2.78.2): parse the
manifests, merge them with fideslang's default taxonomy, refuse missing references, evaluate every
policy rule against every privacy declaration. Instead of Fides' pretty-printed dump it prints the
violations as sorted JSON records, the shape cadre's comparison reads (see compare.py).

Needs ethyca-fides 2.78.2 (pip install ethyca-fides==2.78.2 in a virtualenv, Python 3.11):
    /tmp/fides-venv/bin/python fides_verdicts.py tests/cases > tests/cases/expected.json
"""
import contextlib
import json
import re
import sys

DETAIL = re.compile(
    r"^Declaration \((?P<declaration>.*)\) of system \((?P<system>.*)\) failed rule \((?P<rule>.*)\) "
    r"from policy \((?P<policy>.*?)\)(?: for (?P<level>dataset|dataset collection|dataset field) \((?P<name>.*)\))?"
    r"\. Violated usage of data categories"
)
LEVELS = {None: "declaration", "dataset": "dataset", "dataset collection": "collection", "dataset field": "field"}


def record(detail, categories, uses, subjects):
    match = DETAIL.match(detail)
    if not match:
        raise SystemExit(f"unexpected violation detail: {detail}")
    return {
        "system": match["system"],
        "declaration": match["declaration"],
        "policy": match["policy"],
        "rule": match["rule"],
        "level": LEVELS[match["level"]],
        "name": match["name"] or "",
        "data_categories": sorted(categories),
        "data_uses": sorted(uses),
        "data_subjects": sorted(subjects),
    }


def main():
    from fideslang.default_taxonomy import DEFAULT_TAXONOMY
    from fideslang.relationships import get_referenced_missing_keys
    from fides.core.evaluate import execute_evaluation, merge_taxonomies
    from fides.core.parse import parse
    import fides

    folder = sys.argv[1]
    with contextlib.redirect_stdout(sys.stderr):  # Fides prints its progress on stdout
        taxonomy = merge_taxonomies(parse(folder), DEFAULT_TAXONOMY)
        missing = get_referenced_missing_keys(taxonomy)
        if missing:
            raise SystemExit(f"Not all referenced resources exist locally: {sorted(missing)}")
        evaluation = execute_evaluation(taxonomy)
    violations = [
        record(v.detail, v.violating_attributes.data_categories, v.violating_attributes.data_uses,
               v.violating_attributes.data_subjects)
        for v in evaluation.violations
    ]
    violations.sort(key=lambda v: json.dumps(v, sort_keys=True))
    systems = sorted(s.fides_key for s in taxonomy.system or [])
    failing = sorted({v["system"] for v in violations})
    json.dump({
        "tool": f"ethyca-fides {fides.__version__}",
        "status": str(evaluation.status.value if hasattr(evaluation.status, "value") else evaluation.status),
        "systems": {key: ("fail" if key in failing else "pass") for key in systems},
        "violations": violations,
    }, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
