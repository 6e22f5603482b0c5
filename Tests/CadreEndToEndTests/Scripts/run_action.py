"""Runs the composite GitHub Action of action.yml on this machine, as a runner would, but for the
step that uploads to code scanning (it needs GitHub): checks its shape, then runs its shell steps
with the inputs given, `${{ … }}` expressions replaced as the runner would.

Usage: run_action.py ACTION_YML TARBALL WORKSPACE RUNNER_TEMP [NAME=VALUE...]
Prints what failed and exits 1, else prints "ok STATUS" (cadre evaluate's exit status as the
action's output says) and exits 0.
"""
import os
import re
import subprocess
import sys

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def main():
    action_file, tarball, workspace, temp = sys.argv[1:5]
    overrides = dict(arg.split("=", 1) for arg in sys.argv[5:])
    with open(action_file, encoding="utf-8") as handle:
        action = yaml.safe_load(handle)
    problems = []
    if action.get("runs", {}).get("using") != "composite":
        problems.append("not a composite action")
    steps = action["runs"]["steps"]
    uploads = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    if len(uploads) != 1:
        problems.append("no step uploads with github/codeql-action/upload-sarif")
    for step in steps:
        if "run" in step and "${{" in step["run"]:
            problems.append(f"step {step.get('name')!r} pastes an expression into its script")
    inputs = {name: str(spec.get("default", "")) for name, spec in action.get("inputs", {}).items()}
    inputs.update({"tarball": tarball, "workspace": workspace, "upload": "false"})
    inputs.update(overrides)
    outputs = {}
    github_path = os.path.join(temp, "github_path")
    status = None

    def value(expression):
        if expression.startswith("inputs."):
            return inputs.get(expression[len("inputs."):], "")
        if expression == "runner.temp":
            return temp
        match = re.fullmatch(r"steps\.(\w+)\.outputs\.([\w-]+)", expression)
        if match:
            return outputs.get(match.group(1), {}).get(match.group(2), "")
        raise SystemExit(f"unknown expression {expression}")

    for step in steps:
        if "run" not in step:
            continue
        env = dict(os.environ)
        for name, text in (step.get("env") or {}).items():
            env[name] = EXPRESSION.sub(lambda m: value(m.group(1)), str(text))
        output_file = os.path.join(temp, f"output-{step.get('id', 'step')}")
        open(output_file, "w").close()
        env.update({"GITHUB_PATH": github_path, "GITHUB_OUTPUT": output_file})
        done = subprocess.run(["bash", "-c", step["run"]], env=env, capture_output=True, text=True)
        with open(output_file, encoding="utf-8") as handle:
            outputs[step.get("id", "step")] = dict(
                line.split("=", 1) for line in handle.read().splitlines() if "=" in line
            )
        if step.get("id") == "evaluate":
            status = outputs["evaluate"].get("exit-status")
        expected = 0 if status in (None, "0") or step.get("id") == "evaluate" else int(status)
        if done.returncode != expected:
            problems.append(
                f"step {step.get('name')!r} exited {done.returncode}, not {expected}: {done.stdout}{done.stderr}"
            )
            break
    sarif = outputs.get("evaluate", {}).get("sarif-file")
    if not sarif or not os.path.isfile(os.path.join(os.getcwd(), sarif)):
        problems.append(f"no SARIF report at {sarif!r}")
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print(f"ok {status}")


if __name__ == "__main__":
    main()
