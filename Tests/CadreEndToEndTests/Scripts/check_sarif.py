"""Checks a SARIF file as GitHub code scanning reads it.

1. The OASIS SARIF 2.1.0 JSON Schema (schemas/sarif-schema-2.1.0.json), with jsonschema.
2. The SARIF 2.1.0 object model (sarif-pydantic, generated from the OASIS schema): every object,
   required property and enumeration.
3. What code scanning needs on top: rules with an id, a short description and help; results whose
   ruleId names a rule (and whose ruleIndex points at it), a message, a level, and a location in a
   relative file with a 1-based line; fingerprints; suppressions of a known kind.

Usage: check_sarif.py FILE
Prints the problems and exits 1 when there is any, else prints "ok" and exits 0.
"""
import json
import os
import sys

import jsonschema
from sarif_pydantic import Sarif

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schemas", "sarif-schema-2.1.0.json")

LEVELS = {"none", "note", "warning", "error"}


def problems(document):
    found = []
    with open(SCHEMA, encoding="utf-8") as handle:
        validator = jsonschema.Draft4Validator(json.load(handle))
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        found.append(f"schema: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    try:
        Sarif.model_validate(document)
    except Exception as error:  # the object model's own message lists every violation
        found.append(f"object model: {error}")
    if document.get("version") != "2.1.0":
        found.append("version is not 2.1.0")
    for r, run in enumerate(document.get("runs", [])):
        driver = run.get("tool", {}).get("driver", {})
        if not driver.get("name"):
            found.append(f"run {r}: no tool name")
        rules = driver.get("rules", [])
        ids = [rule.get("id") for rule in rules]
        if len(set(ids)) != len(ids):
            found.append(f"run {r}: duplicate rule ids")
        for rule in rules:
            if not rule.get("shortDescription", {}).get("text"):
                found.append(f"rule {rule.get('id')}: no shortDescription")
            if not rule.get("help", {}).get("text"):
                found.append(f"rule {rule.get('id')}: no help text")
            if rule.get("defaultConfiguration", {}).get("level", "warning") not in LEVELS:
                found.append(f"rule {rule.get('id')}: bad default level")
        for i, result in enumerate(run.get("results", [])):
            where = f"run {r} result {i}"
            rule_id = result.get("ruleId")
            if rule_id not in ids:
                found.append(f"{where}: ruleId {rule_id!r} names no rule")
            elif ids.index(rule_id) != result.get("ruleIndex"):
                found.append(f"{where}: ruleIndex does not point at {rule_id}")
            if result.get("level") not in LEVELS:
                found.append(f"{where}: level {result.get('level')!r}")
            if not result.get("message", {}).get("text"):
                found.append(f"{where}: no message")
            locations = result.get("locations", [])
            if not locations:
                found.append(f"{where}: no location")
            for location in locations:
                physical = location.get("physicalLocation", {})
                uri = physical.get("artifactLocation", {}).get("uri", "")
                if not uri or uri.startswith("/") or "://" in uri:
                    found.append(f"{where}: uri {uri!r} is not a relative file")
                region = physical.get("region")
                if region is not None and region.get("startLine", 0) < 1:
                    found.append(f"{where}: startLine below 1")
            if not result.get("partialFingerprints"):
                found.append(f"{where}: no partialFingerprints")
            for suppression in result.get("suppressions", []):
                if suppression.get("kind") not in ("inSource", "external"):
                    found.append(f"{where}: suppression kind {suppression.get('kind')!r}")
    return found


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        document = json.load(handle)
    found = problems(document)
    for problem in found:
        print(problem)
    if found:
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
