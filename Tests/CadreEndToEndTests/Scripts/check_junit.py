"""Checks a JUnit XML report against the common JUnit schema (schemas/junit-10.xsd, Jenkins'),
with xmlschema.

Usage: check_junit.py FILE
Prints the problems and exits 1 when there is any, else prints "ok" and exits 0.
"""
import os
import sys

import xmlschema

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schemas", "junit-10.xsd")


def main():
    schema = xmlschema.XMLSchema(SCHEMA)
    found = [f"{error.path}: {error.reason}" for error in schema.iter_errors(sys.argv[1])]
    for problem in found:
        print(problem)
    if found:
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
