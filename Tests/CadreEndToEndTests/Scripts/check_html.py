#!/usr/bin/env python3
"""Checks cadre's HTML report in a real browser: headless Chromium, driven over the DevTools
protocol (websocket-client), one browser session for every check.

    check_html.py REPORT.html REPORT.json [--screenshots FOLDER]

REPORT.json: the same run's `cadre-evaluation/v1` report, which says what the page must show.

Checks what a person sees: the page's language; every system and every failing rule present and
visible; the filters (severity, pack, status) change what is shown, and "Show everything" brings
it back; the keyboard reaches the skip link first; the page prints (to PDF); no console error, no
uncaught exception, no request for anything but the file itself. With --screenshots, saves
report-top.png (the header, summary and matrix) and report-system.png (the first system with
findings). Prints one line per failed check and exits 1 if there is one.
"""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("no chromium on PATH (Debian: apt-get install chromium; scripts/install-deps.sh does it)")


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="cadre-chromium-")
        self.process = subprocess.Popen(
            [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-color-profile=srgb",
             "--remote-debugging-port=0", "--user-data-dir=" + self.profile, "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        port = None
        deadline = time.time() + 60
        while time.time() < deadline:
            line = self.process.stderr.readline()
            if not line:
                if self.process.poll() is not None:
                    break
                continue
            match = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
            if match:
                port = int(match.group(1))
                break
        if port is None:
            self.close()
            sys.exit("chromium did not start its DevTools server")
        pages = json.load(urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port, timeout=30))
        page = next(p for p in pages if p.get("type") == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True)
        self.next_id = 0
        self.events = []

    def send(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError("%s: %s" % (method, message["error"]))
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method, timeout=60):
        deadline = time.time() + timeout
        for event in self.events:
            if event.get("method") == method:
                return event
        while time.time() < deadline:
            message = json.loads(self.socket.recv())
            self.events.append(message)
            if message.get("method") == method:
                return message
        raise RuntimeError("no %s within %ss" % (method, timeout))

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError("script failed: %s" % result["exceptionDetails"])
        return result["result"].get("value")

    def problems(self, url):
        """What went wrong while the page at `url` was open: exceptions, console errors, and any
        request for something but the page itself (a self-contained page fetches nothing)."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append("uncaught exception: %s" % params.get("exceptionDetails", {}).get("text"))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append("console error: %s" % [a.get("value") for a in params.get("args", [])])
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                found.append("browser error: %s" % params["entry"].get("text"))
            elif method == "Network.requestWillBeSent":
                requested = params.get("request", {}).get("url", "")
                if requested != url and not requested.startswith("data:"):
                    found.append("the page requested %s" % requested)
        return found

    def close(self):
        try:
            self.process.terminate()
            self.process.wait(timeout=20)
        except Exception:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


VISIBLE_RESULTS = "Array.from(document.querySelectorAll('div.result')).filter(r => r.offsetParent !== null)"


def finish(problems):
    """Prints what failed (or `ok`) and exits with the status the end-to-end tests read."""
    for problem in problems:
        print(problem)
    print("%d checks failed" % len(problems) if problems else "ok")
    sys.exit(1 if problems else 0)


def main():
    args = sys.argv[1:]
    screenshots = None
    if "--screenshots" in args:
        index = args.index("--screenshots")
        screenshots = args[index + 1]
        del args[index:index + 2]
    report, json_report = os.path.abspath(args[0]), args[1]
    with open(json_report, encoding="utf-8") as handle:
        run = json.load(handle)
    expected = {
        "systems": [system["id"] for system in run["systems"] if "id" in system],
        "failing": [[system["id"], result["rule"]] for system in run["systems"]
                    for result in system.get("results", []) if result["status"] == "fail"],
    }
    problems = []

    def check(condition, message):
        if not condition:
            problems.append(message)

    browser = Browser()
    try:
        browser.send("Page.enable")
        browser.send("Runtime.enable")
        browser.send("Log.enable")
        browser.send("Network.enable")
        browser.send("Emulation.setDeviceMetricsOverride", width=1280, height=1500, deviceScaleFactor=1, mobile=False)
        url = "file://" + report
        browser.send("Page.navigate", url=url)
        browser.wait_for("Page.loadEventFired")

        check(browser.evaluate("document.documentElement.lang") == "en", "the page has no lang=\"en\"")
        check(browser.evaluate("document.querySelectorAll('h1').length") == 1, "the page has not one h1")
        check(browser.evaluate("!document.getElementById('filters').hidden"), "the script did not show the filters")

        # Every system, and every failing rule of each, visible.
        seen = browser.evaluate(
            "Array.from(document.querySelectorAll('article.system')).filter(a => a.offsetParent !== null)"
            ".map(a => a.querySelector('h3 code').textContent)")
        for system in expected["systems"]:
            check(system in seen, "system %s is not shown" % system)
        failing = browser.evaluate(
            "Array.from(document.querySelectorAll('article.system')).flatMap(a => "
            "Array.from(a.querySelectorAll('div.result[data-status=fail]')).filter(r => r.offsetParent !== null)"
            ".map(r => [a.querySelector('h3 code').textContent, r.querySelector('h5 code').textContent]))")
        failing = {tuple(pair) for pair in failing}
        for system, rule in expected["failing"]:
            check((system, rule) in failing, "failing rule %s of %s is not shown" % (rule, system))
        matrix = browser.evaluate("document.querySelectorAll('table.matrix tbody tr').length")
        check(matrix == len(expected["systems"]), "the matrix has %s rows, not %s" % (matrix, len(expected["systems"])))
        # A matrix cell leads to the results it sums up.
        target = browser.evaluate(
            "(() => { const a = document.querySelector('table.matrix td.fail a'); if (!a) return null;"
            " const t = document.querySelector(a.getAttribute('href')); return t ? t.className : null; })()")
        check(target is not None and "pack" in target, "a failing matrix cell does not link to its pack's results")

        total = browser.evaluate(VISIBLE_RESULTS + ".length")
        check(total > 0, "no result is shown")

        # Severity: only critical.
        browser.evaluate(
            "document.querySelectorAll('input[name=severity]').forEach(b => { if (b.value !== 'critical') b.click(); })")
        severities = browser.evaluate(VISIBLE_RESULTS + ".map(r => r.dataset.severity)")
        check(0 < len(severities) < total, "the severity filter did not narrow the results (%s of %s)" % (len(severities), total))
        check(set(severities) == {"critical"}, "the severity filter shows %s" % sorted(set(severities)))
        hidden_systems = browser.evaluate("document.querySelectorAll('article.system[hidden]').length")
        check(hidden_systems > 0, "no system is hidden when only critical results are shown")
        hidden_rows = browser.evaluate("document.querySelectorAll('table.matrix tr[hidden]').length")
        check(hidden_rows == hidden_systems, "the matrix hides %s rows for %s hidden systems" % (hidden_rows, hidden_systems))
        check("of %d results shown" % total in browser.evaluate("document.getElementById('shown').textContent"),
              "the count of results shown is not said")
        browser.evaluate("document.querySelector('#filters button[type=reset]').click()")
        time.sleep(0.2)
        check(browser.evaluate(VISIBLE_RESULTS + ".length") == total, "Show everything did not bring every result back")

        # Pack: without gdpr.
        browser.evaluate("document.querySelector('input[name=pack][value=gdpr]').click()")
        packs = set(browser.evaluate(VISIBLE_RESULTS + ".map(r => r.dataset.pack)"))
        check(packs and "gdpr" not in packs, "the pack filter still shows %s" % sorted(packs))
        browser.evaluate("document.querySelector('input[name=pack][value=gdpr]').click()")

        # Status: without failures.
        browser.evaluate("document.querySelector('input[name=status][value=fail]').click()")
        statuses = set(browser.evaluate(VISIBLE_RESULTS + ".map(r => r.dataset.status)"))
        check(statuses and "fail" not in statuses, "the status filter still shows %s" % sorted(statuses))
        browser.evaluate("document.querySelector('input[name=status][value=fail]').click()")
        check(browser.evaluate(VISIBLE_RESULTS + ".length") == total, "ticking the boxes again did not show everything")

        # The keyboard: the first Tab reaches the skip link.
        browser.evaluate("document.activeElement && document.activeElement.blur()")
        for kind in ("keyDown", "keyUp"):
            browser.send("Input.dispatchKeyEvent", type=kind, key="Tab", code="Tab", windowsVirtualKeyCode=9)
        check(browser.evaluate("document.activeElement.className") == "skip", "Tab does not reach the skip link first")

        # It prints.
        pdf = browser.send("Page.printToPDF", printBackground=True)
        check(len(base64.b64decode(pdf["data"])) > 10000, "printing gives an empty PDF")

        if screenshots:
            os.makedirs(screenshots, exist_ok=True)
            browser.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
            shot = browser.send("Page.captureScreenshot", format="png")
            with open(os.path.join(screenshots, "report-top.png"), "wb") as handle:
                handle.write(base64.b64decode(shot["data"]))
            box = browser.evaluate(
                "(() => { const a = Array.from(document.querySelectorAll('article.system'))"
                ".find(a => a.querySelector('div.result.fail')); const r = a.getBoundingClientRect();"
                " return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width,"
                " height: Math.min(r.height, 1500)}; })()")
            shot = browser.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                                clip=dict(box, scale=1))
            with open(os.path.join(screenshots, "report-system.png"), "wb") as handle:
                handle.write(base64.b64decode(shot["data"]))

        # Nothing went wrong on the way.
        problems += browser.problems(url)
    finally:
        browser.close()

    finish(problems)


if __name__ == "__main__":
    main()
