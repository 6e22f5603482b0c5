"""Checks that a file has the structure the CNIL's PIA tool imports: the keys its importer reads
(LINCnil/pia, src/app/services/pia.service.ts: importData, importAnswers, importMeasures,
importEvaluations, importComments), each of the type it has in the tool's own example export
(schemas/pia-export-structure.json, the structure of src/assets/files/2018-02-21-pia-example.json).

Usage: check_pia.py FILE
Prints the problems and exits 1 when there is any, else prints "ok" and exits 0.
"""
import json
import os
import re
import sys

STRUCTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schemas", "pia-export-structure.json")

# What importData reads of `pia`.
PIA_KEYS = [
    "name", "category", "status", "author_name", "evaluator_name", "validator_name", "dpo_status",
    "dpo_opinion", "concerned_people_opinion", "concerned_people_status", "concerned_people_searched_opinion",
    "concerned_people_searched_content", "rejection_reason", "applied_adjustments", "created_at", "updated_at",
    "dpos_names", "people_names",
]
# The fields importData itself sets to null when it duplicates a PIA: null is a value the tool holds.
NULLABLE = {
    "dpos_names", "dpo_status", "dpo_opinion", "concerned_people_searched_opinion",
    "concerned_people_searched_content", "people_names", "concerned_people_status", "concerned_people_opinion",
}
ANSWER_KEYS = ["reference_to", "data", "created_at", "updated_at"]
DATA_KEYS = ["text", "gauge", "list"]
MEASURE_KEYS = ["id", "title", "content", "placeholder", "created_at", "updated_at"]
COMMENT_KEYS = ["description", "reference_to", "for_measure", "created_at"]
DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def kind(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def main():
    example = json.load(open(STRUCTURE, encoding="utf-8"))
    document = json.load(open(sys.argv[1], encoding="utf-8"))
    problems = []

    def same(where, ours, theirs, key, nullable=False):
        if key not in ours:
            problems.append(f"{where}: no `{key}`")
            return
        if kind(ours[key]) == kind(theirs[key]) or (nullable and ours[key] is None):
            if key.endswith("_at") and ours[key] is not None and not DATE.match(ours[key]):
                problems.append(f"{where}.{key}: {ours[key]!r} is not a date as the tool writes them")
            return
        problems.append(f"{where}.{key}: {kind(ours[key])}, the tool's example has {kind(theirs[key])}")

    for key in ["pia", "answers", "measures", "evaluations", "comments"]:
        same("document", document, example, key)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    for key in PIA_KEYS:
        same("pia", document["pia"], example["pia"], key, nullable=key in NULLABLE)
    text_answer = next(a for a in example["answers"] if a["data"]["gauge"] is not None)
    questions = {a["reference_to"] for a in example["answers"]}
    for index, answer in enumerate(document["answers"]):
        for key in ANSWER_KEYS:
            same(f"answers[{index}]", answer, text_answer, key)
        for key in DATA_KEYS:
            same(f"answers[{index}].data", answer.get("data", {}), text_answer["data"], key)
        if answer.get("reference_to") not in questions:
            problems.append(f"answers[{index}]: reference_to {answer.get('reference_to')!r} is no question of the tool")
    for index, measure in enumerate(document["measures"]):
        for key in MEASURE_KEYS:
            same(f"measures[{index}]", measure, example["measures"][0], key)
    if document["evaluations"]:
        problems.append("evaluations: a draft has none (nobody has evaluated it)")
    for index, comment in enumerate(document["comments"]):
        for key in COMMENT_KEYS:
            same(f"comments[{index}]", comment, example["comments"][0], key)
        if comment.get("reference_to") not in questions:
            problems.append(f"comments[{index}]: reference_to {comment.get('reference_to')!r} is no question of the tool")
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
