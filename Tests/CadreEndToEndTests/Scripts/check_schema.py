"""Validates descriptors against the JSON Schema printed by `cadre schema`, as an editor would.

Usage: check_schema.py SCHEMA --valid FILE... --invalid FILE...
Prints one line per file and exits 0 when every --valid file passes and every --invalid file fails.
YAML is read the YAML 1.2 way, as yaml-language-server does: only true/false are booleans, and
dates stay strings.
"""
import json
import re
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    pass


# Drop YAML 1.1's timestamps and yes/no/on/off booleans.
Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load(path):
    with open(path, encoding="utf-8") as handle:
        if path.endswith(".json"):
            return json.load(handle)
        return yaml.load(handle, Loader=Yaml12Loader)


def main(argv):
    with open(argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    expected, ok = None, True
    for argument in argv[2:]:
        if argument in ("--valid", "--invalid"):
            expected = argument == "--valid"
            continue
        errors = sorted(validator.iter_errors(load(argument)), key=lambda e: list(e.absolute_path))
        if not errors:
            print(f"valid {argument}")
        else:
            print(f"invalid {argument}: {errors[0].message} at /{'/'.join(map(str, errors[0].absolute_path))}")
        if bool(not errors) != expected:
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
