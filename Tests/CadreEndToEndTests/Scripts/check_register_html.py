#!/usr/bin/env python3
"""Checks the HTML record of processing (`cadre register --format html`) in a real browser:
headless Chromium, through check_html.py's DevTools session.

    check_register_html.py REGISTER.html REGISTER.json [--screenshot FILE]

REGISTER.json: the same record as `cadre-register/v1`, which says what the page must show.

Checks what a person sees: the page's language; one h1; every system with its entries and its
missing entries visible; the keyboard reaches the skip link first; the page prints (to PDF), each
system on a page of its own; no console error, no uncaught exception, no request for anything but
the file itself. Prints one line per failed check and exits 1 if there is one.
"""
import base64
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_html import Browser, finish  # noqa: E402


def main():
    args = sys.argv[1:]
    screenshot = None
    if "--screenshot" in args:
        index = args.index("--screenshot")
        screenshot = args[index + 1]
        del args[index:index + 2]
    page, json_record = os.path.abspath(args[0]), args[1]
    with open(json_record, encoding="utf-8") as handle:
        record = json.load(handle)
    problems = []

    def check(condition, message):
        if not condition:
            problems.append(message)

    browser = Browser()
    try:
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.send(domain + ".enable")
        browser.send("Emulation.setDeviceMetricsOverride", width=1280, height=1500, deviceScaleFactor=1, mobile=False)
        url = "file://" + page
        browser.send("Page.navigate", url=url)
        browser.wait_for("Page.loadEventFired")

        check(browser.evaluate("document.documentElement.lang") == "en", "the page has no lang=\"en\"")
        check(browser.evaluate("document.querySelectorAll('h1').length") == 1, "the page has not one h1")
        for system in record["systems"]:
            shown = browser.evaluate(
                "(() => { const a = document.getElementById(%s); if (!a || a.offsetParent === null) return null;"
                " return {title: a.querySelector('h2').textContent,"
                " entries: Array.from(a.querySelectorAll('section.entry h3')).filter(h => h.offsetParent !== null).length,"
                " missing: a.querySelectorAll('h3 + div table tbody tr').length}; })()"
                % json.dumps("system-" + system["id"]))
            if shown is None:
                problems.append("system %s is not shown" % system["id"])
                continue
            check(system["name"] in shown["title"], "system %s is shown as %r" % (system["id"], shown["title"]))
            check(shown["entries"] == len(system["entries"]),
                  "system %s shows %s entries, not %s" % (system["id"], shown["entries"], len(system["entries"])))
            check(shown["missing"] == len(system["missing"]),
                  "system %s shows %s missing entries, not %s" % (system["id"], shown["missing"], len(system["missing"])))
        link = browser.evaluate(
            "(() => { const a = document.querySelector('table a[href^=\"#system-\"]'); if (!a) return null;"
            " const t = document.querySelector(a.getAttribute('href')); return t ? t.tagName : null; })()")
        check(link == "ARTICLE" or not record["systems"], "the table of systems does not link to them")

        browser.evaluate("document.activeElement && document.activeElement.blur()")
        for kind in ("keyDown", "keyUp"):
            browser.send("Input.dispatchKeyEvent", type=kind, key="Tab", code="Tab", windowsVirtualKeyCode=9)
        check(browser.evaluate("document.activeElement.className") == "skip", "Tab does not reach the skip link first")

        browser.send("Emulation.setEmulatedMedia", media="print")
        breaks = browser.evaluate(
            "Array.from(document.querySelectorAll('article.system')).map(a => getComputedStyle(a).breakBefore)")
        check(all(value == "page" for value in breaks), "printing does not start each system on a page: %s" % breaks)
        browser.send("Emulation.setEmulatedMedia", media="")
        pdf = browser.send("Page.printToPDF", printBackground=True)
        check(len(base64.b64decode(pdf["data"])) > 10000, "printing gives an empty PDF")

        if screenshot:
            browser.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
            shot = browser.send("Page.captureScreenshot", format="png")
            with open(screenshot, "wb") as handle:
                handle.write(base64.b64decode(shot["data"]))

        problems += browser.problems(url)
    finally:
        browser.close()

    finish(problems)


if __name__ == "__main__":
    main()
