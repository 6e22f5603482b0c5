/// The HTML report's inline style and script: the page needs nothing else. Colours meet WCAG AA
/// contrast (dark text on light tints), and no state is shown by colour alone: every cell and
/// badge also says it in a word.
enum HTMLPage {
    static let style = """
        :root { color-scheme: light; --fg: #1b1f24; --muted: #4a5058; --line: #c9ced6; --accent: #0b57d0; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: #fff; }
        h1 { font-size: 1.6rem; margin: .5rem 0; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
        h3 { font-size: 1.15rem; margin: 0 0 .3rem; } h4 { font-size: 1rem; margin: 1rem 0 .4rem; } h5 { font-size: .95rem; font-weight: 600; margin: 0 0 .3rem; }
        code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .88em; }
        a { color: var(--accent); } a:focus-visible, input:focus-visible, button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .4rem; z-index: 2; }
        .lede { font-size: 1.05rem; } .note, .legend, .file, .counts { color: var(--muted); }
        table { border-collapse: collapse; margin: .5rem 0 1rem; } caption { text-align: left; font-weight: 600; padding: .2rem 0; }
        th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
        .totals { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 0 2rem; } .totals td { text-align: right; min-width: 3rem; }
        .digest { word-break: break-all; font-size: .78em; }
        .scroll { overflow-x: auto; } .matrix td { text-align: center; white-space: nowrap; }
        .cell, .badge { display: inline-block; border-radius: 3px; } .badge { padding: 0 .4rem; font-weight: 700; text-transform: uppercase; font-size: .8em; }
        td.cell { display: table-cell; border-radius: 0; } td.cell a { color: inherit; font-weight: 600; display: block; }
        .legend .cell { padding: 0 .4rem; margin: 0 .2rem; border: 1px solid var(--line); }
        .fail { background: #fbd5d5; color: #6b0f0f; } .error { background: #e6dcf5; color: #3b1670; } .warn { background: #fdf0c2; color: #5c4300; }
        .waived { background: #e3e5e8; color: #33383e; } .pass { background: #d4ecdf; color: #0b3d22; } .skipped, .none { background: #fff; color: #4a5058; }
        .severity { font-size: .8em; font-weight: 600; border: 1px solid currentColor; border-radius: 3px; padding: 0 .3rem; }
        .severity.critical { color: #7a0010; } .severity.high { color: #8a2a00; } .severity.medium { color: #6b4e00; } .severity.low, .severity.info { color: #33506b; }
        .filters { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; margin-top: 1.5rem; background: #f6f8fa; }
        .filters h2 { margin-top: .3rem; border: 0; font-size: 1.1rem; } .filters fieldset { display: inline-block; border: 1px solid var(--line); margin: 0 .8rem .5rem 0; }
        .filters label { margin-right: .7rem; white-space: nowrap; }
        article.system { border-top: 3px solid var(--line); padding-top: 1rem; margin-top: 1.5rem; }
        .profile { display: grid; grid-template-columns: 9rem 1fr; gap: .15rem 1rem; margin: .5rem 0; } .profile dt { font-weight: 600; } .profile dd { margin: 0; } .profile ul { margin: 0; padding-left: 1.1rem; }
        .prose { white-space: pre-line; } .basis { color: var(--muted); }
        .result { border-left: 5px solid var(--line); background: #fff; color: var(--fg); padding: .4rem .8rem; margin: .6rem 0; }
        .result.fail { border-left-color: #b3261e; } .result.error { border-left-color: #5b2a9e; } .result.warn { border-left-color: #a87900; } .result.waived { border-left-color: #6c737c; } .result.pass { border-left-color: #1f7a45; }
        .findings { list-style: none; padding: 0; margin: .3rem 0; } .finding p { margin: .2rem 0; } .level { font-weight: 600; text-transform: uppercase; font-size: .8em; } .fail-level { color: #8f1d17; } .warn-level { color: #5c4300; } .where { color: var(--muted); }
        .excerpt { background: #f6f8fa; border: 1px solid var(--line); padding: .3rem .5rem; overflow-x: auto; margin: .3rem 0 .5rem; }
        .excerpt mark { background: #fdf0c2; color: var(--fg); display: inline-block; min-width: 100%; } .ln { color: var(--muted); user-select: none; }
        .law, .remedy, .waiver, .failure, .evidence { margin: .3rem 0; } .label { font-weight: 600; }
        .diagnostics li.error { color: #6b0f0f; } .hint { color: var(--muted); }
        svg.chart { width: 100%; max-width: 56rem; height: auto; font-size: 12px; }
        svg .label { text-anchor: end; fill: var(--fg); } svg .axis { fill: var(--muted); } svg .date { fill: var(--muted); font-size: 11px; }
        svg .tick { stroke: var(--line); } svg .row { stroke: #e6e9ed; }
        svg .starts, .legend .starts { fill: #0b57d0; } svg .lapses, .legend .lapses { fill: #a8332b; } svg .expires, .legend .expires { fill: #8a5a00; }
        svg .trend { fill: none; stroke: #b3261e; stroke-width: 2; } svg .run { fill: #b3261e; }
        footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
        [hidden] { display: none !important; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; } .skip, .filters { display: none !important; }
          a { color: inherit; text-decoration: none; } h2 { break-after: avoid; } .result, tr, .excerpt { break-inside: avoid; }
          article.system { break-before: page; } .scroll { overflow: visible; }
          .cell, .badge, .result, mark { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }

        """

    /// Shows or hides results by the filters' boxes; a system shows when one of its results does
    /// (or, with every box ticked, always). Without the script, everything shows and the
    /// filters stay hidden.
    static let script = """
        (function () {
          "use strict";
          var form = document.getElementById("filters");
          if (!form) { return; }
          form.hidden = false;
          var results = Array.prototype.slice.call(document.querySelectorAll("div.result"));
          var systems = Array.prototype.slice.call(document.querySelectorAll("article.system"));
          var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
          var shown = document.getElementById("shown");
          function ticked(name) {
            var set = {};
            boxes.forEach(function (box) { if (box.name === name && box.checked) { set[box.value] = true; } });
            return set;
          }
          function apply() {
            var severity = ticked("severity"), pack = ticked("pack"), status = ticked("status");
            var everything = boxes.every(function (box) { return box.checked; });
            var count = 0;
            results.forEach(function (result) {
              var visible = severity[result.dataset.severity] === true && pack[result.dataset.pack] === true &&
                status[result.dataset.status] === true;
              result.hidden = !visible;
              if (visible) { count += 1; }
            });
            systems.forEach(function (system) {
              Array.prototype.forEach.call(system.querySelectorAll("section.pack"), function (section) {
                section.hidden = section.querySelector("div.result:not([hidden])") === null;
              });
              var visible = everything || system.querySelector("div.result:not([hidden])") !== null;
              system.hidden = !visible;
              var row = document.getElementById("row-" + system.id);
              if (row) { row.hidden = !visible; }
            });
            shown.textContent = count + " of " + results.length + " results shown";
          }
          form.addEventListener("change", apply);
          form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
          apply();
        })();

        """
}
