"""Render a run report as one self-contained HTML page for a person (inline CSS and SVG, no script).

The page says what was run (version, date, command line, settings, inputs),
what became of the documents, the spin-score histogram with titled axes and
a legend, what each rule removed (with units and examples), which documents
were quarantined and why (top evidence), and the errors.

    >>> page = render_html({"documents": {"in": 2, "out": 1, "quarantined": 1, "failed": 0},
    ...     "rules": {"share_bar": {"removed": 3, "removed_bytes": 120, "changes": 3}},
    ...     "spin": {"histogram": {"edges": [0, 0.5, 1], "counts": [1, 1]}, "labels": {}},
    ...     "errors": {}, "throughput": {"docs_per_s": 1.0, "mb_per_s": 0.1, "seconds": 2,
    ...     "jobs": 1}})
    >>> page.startswith("<!DOCTYPE html>") and "<svg" in page and "<script" not in page
    True
"""

from __future__ import annotations

from html import escape
from typing import Any

__all__ = ["human_bytes", "render_html"]

#: Size of the histogram drawing, in SVG user units, and its margins (left, right, top, bottom).
HIST_WIDTH, HIST_HEIGHT = 560, 240
HIST_LEFT, HIST_RIGHT, HIST_TOP, HIST_BOTTOM = 56, 16, 20, 48
#: Width of the longest per-rule bar, in pixels.
BAR_WIDTH = 200
#: Rules shown in the table, largest first.
MAX_RULES = 40
#: Inputs listed by name (the rest are counted).
MAX_INPUTS = 50
#: Colours of the histogram bars: below the quarantine threshold, at or above it.
COLOR_KEEP, COLOR_QUARANTINE = "#4a7bb7", "#b5651d"
#: Quarantine threshold assumed for reports that do not record theirs.
DEFAULT_THRESHOLD = 0.9

#: The page's style. ``overflow-wrap:anywhere`` on the body (inherited by every cell): a long
#: word of the data (a URL removed as an example, a reason, an id, an input's path, a setting)
#: broke only inside ``<code>``, and elsewhere widened its table past the page (round 30).
_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222;padding:0 1em;
overflow-wrap:anywhere}
h1{font-size:1.4em;margin-bottom:.2em}h2{font-size:1.1em;margin-top:1.6em}
.meta{color:#555}code{background:#f3f3f3;padding:0 .25em;word-break:break-all}
table{border-collapse:collapse}td,th{padding:.2em .7em;text-align:left;vertical-align:top}
th{border-bottom:1px solid #ccc}td.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:inline-block;height:.9em;background:#4a7bb7;vertical-align:middle}
.cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ccc;border-radius:6px;
padding:.5em 1em}.card b{display:block;font-size:1.5em}.q b{color:#b5651d}.f b{color:#b00}
.ex td{color:#555;font-size:.9em;padding-bottom:.6em}.ex ul{margin:0;padding-left:1.2em}
.ex q{background:#fff3e0}tbody tr:first-child td{border-top:1px solid #eee}
.legend span{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 1em;vertical-align:middle}
svg text{font-size:11px;fill:#444}svg .title{font-size:12px;fill:#222}
"""


def human_bytes(n: float) -> str:
    """A byte count with a unit (decimal: 1 kB = 1000 B).

    >>> human_bytes(0), human_bytes(980), human_bytes(20133), human_bytes(3_400_000)
    ('0 B', '980 B', '20.1 kB', '3.4 MB')
    """
    for unit in ("B", "kB", "MB", "GB"):
        if abs(n) < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} TB"  # pragma: no cover - the loop returns


def _cards(docs: dict[str, int]) -> str:
    items = [("in", "documents in", ""), ("out", "clean", ""), ("quarantined", "quarantined", "q"),
             ("failed", "failed", "f")]
    return '<div class="cards">' + "".join(
        f'<div class="card {cls}" id="count-{k}"><b>{docs.get(k, 0)}</b>{escape(label)}</div>'
        for k, label, cls in items) + "</div>"


def _histogram_svg(edges: list[float], counts: list[int], threshold: float) -> str:
    """Bars of the spin-score histogram with titled axes, ticks 0–1 and a colour legend."""
    if not counts or not sum(counts):
        return "<p>No document was spin-scored.</p>"
    top = max(counts)
    n = len(counts)
    plot_w = HIST_WIDTH - HIST_LEFT - HIST_RIGHT
    plot_h = HIST_HEIGHT - HIST_TOP - HIST_BOTTOM
    w = plot_w / n
    base = HIST_TOP + plot_h
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{HIST_WIDTH}" '
             f'height="{HIST_HEIGHT}" role="img" aria-label="histogram of spin scores">',
             f'<line x1="{HIST_LEFT}" y1="{base}" x2="{HIST_LEFT + plot_w}" y2="{base}" '
             'stroke="#888"/>',
             f'<line x1="{HIST_LEFT}" y1="{HIST_TOP}" x2="{HIST_LEFT}" y2="{base}" stroke="#888"/>']
    for i, c in enumerate(counts):
        bh = plot_h * c / top
        x = HIST_LEFT + i * w
        lo, hi = edges[i], edges[i + 1]
        color = COLOR_QUARANTINE if lo >= threshold - 1e-9 else COLOR_KEEP
        parts.append(f'<rect class="bin" x="{x + 1:.1f}" y="{base - bh:.1f}" width="{w - 2:.1f}" '
                     f'height="{bh:.1f}" fill="{color}"><title>score {lo:.1f}–{hi:.1f}: {c} '
                     "documents</title></rect>")
        if c:
            parts.append(f'<text x="{x + w / 2:.1f}" y="{base - bh - 4:.1f}" '
                         f'text-anchor="middle">{c}</text>')
    for i, edge in enumerate(edges):  # every edge, 0.0 to 1.0 included
        x = HIST_LEFT + i * w
        parts.append(f'<line x1="{x:.1f}" y1="{base}" x2="{x:.1f}" y2="{base + 4}" stroke="#888"/>'
                     f'<text class="tick" x="{x:.1f}" y="{base + 16}" text-anchor="middle">'
                     f"{edge:.1f}</text>")
    for frac in (0.0, 0.5, 1.0):
        y = base - plot_h * frac
        parts.append(f'<text x="{HIST_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
                     f"{round(top * frac)}</text>")
    parts.append(f'<text class="title" x="{HIST_LEFT + plot_w / 2:.1f}" y="{HIST_HEIGHT - 8}" '
                 'text-anchor="middle">spin score (0 = natural French, 1 = spun)</text>')
    parts.append(f'<text class="title" transform="translate(14 {HIST_TOP + plot_h / 2:.1f}) '
                 'rotate(-90)" text-anchor="middle">documents</text>')
    parts.append("</svg>")
    legend = (f'<p class="legend"><span style="background:{COLOR_KEEP}"></span>below the '
              f'quarantine threshold ({threshold:g}): kept'
              f'<span style="background:{COLOR_QUARANTINE}"></span>at or above it: '
              "quarantined (when labelled spun)</p>")
    return "".join(parts) + legend


def _rule_rows(rules: dict[str, dict[str, int]], examples: dict[str, list[str]]) -> str:
    ranked = sorted(rules.items(), key=lambda kv: (-kv[1].get("removed_bytes", 0),
                                                   -kv[1].get("changes", 0)))[:MAX_RULES]
    if not ranked:
        return "<p>No change was made.</p>"
    top = max(v.get("removed_bytes", 0) for _, v in ranked) or 1
    rows = []
    for rule, v in ranked:
        removed = v.get("removed_bytes", 0)
        moved = v.get("moved_bytes", 0)
        shown = "".join(f"<li><q>{_shown(x)}</q></li>" for x in examples.get(rule, []))
        example_row = (f'<tr class=ex><td></td><td colspan=5>e.g. <ul>{shown}</ul></td></tr>'
                       if shown else "")
        rows.append(
            f'<tbody id="rule-{escape(rule)}"><tr><td>{_shown(rule)}</td>'
            f"<td class=n>{v.get('changes', 0)}</td><td class=n>{v.get('removed', 0)}</td>"
            f"<td class=n>{human_bytes(removed)}</td>"
            f"<td class=n>{human_bytes(moved) if moved else ''}</td>"
            f'<td><span class=bar style="width:{BAR_WIDTH * removed / top:.0f}px"></span></td>'
            f"</tr>{example_row}</tbody>")
    return ("<table><thead><tr><th>rule</th><th>changes</th><th>removals</th><th>removed</th>"
            "<th>moved to metadata</th><th>removed (relative)</th></tr></thead>"
            + "".join(rows) + "</table>")


def _shown(value: Any) -> str:
    """A value of the data (an id, a reason, a removed span) as the page shows it: control
    characters written out as ``terminal_safe`` writes them, then HTML-escaped. An id holding
    ``ESC`` or U+202E (a right-to-left override) was written raw: invisible, or turning the
    cell's text around (audit29).

    >>> _shown("<script>\\u202e")
    '&lt;script&gt;\\\\u202e'
    """
    from cleannews.batch.sources import terminal_safe

    return escape(terminal_safe(str(value)))


def _quarantined(listed: list[dict[str, Any]], total: int) -> str:
    """The table of quarantined documents: id, score, why (the document's routing reason:
    a document set aside as ``other_language`` has no spin evidence) and the top evidence."""
    if not listed:
        return "<p>No document was quarantined.</p>"
    rows = "".join(
        f"<tr><td><code>{_shown(q.get('id'))}</code></td>"
        f"<td class=n>{q.get('score') or 0:.2f}</td><td>{_shown(q.get('reason', ''))}</td><td><ul>"
        + "".join(f"<li><q>{_shown(e.get('text', ''))}</q>: {_shown(e.get('reason'))}"
                  "</li>" for e in q.get("evidence", []))
        + "</ul></td></tr>" for q in listed)
    more = (f"<p>The first {len(listed)} of {total} are listed; all are in the quarantine "
            "sink.</p>" if total > len(listed) else "")
    return ('<table id="quarantined"><tr><th>id</th><th>score</th><th>why</th>'
            f"<th>top evidence</th></tr>{rows}</table>{more}")


def _pairs(d: dict[str, Any]) -> str:
    if not d:
        return "<p>None.</p>"
    return "<table>" + "".join(f"<tr><td>{_shown(k)}</td><td class=n>{_shown(v)}"
                               "</td></tr>" for k, v in d.items()) + "</table>"


def _about(report: dict[str, Any]) -> str:
    """Version, date, command line, settings and inputs of the run."""
    version = report.get("cleannews_version", "?")
    date = report.get("date", "date not recorded")
    state = "finished" if report.get("finished", True) else "<b>did not finish</b>"
    resumed = ", resumed" if report.get("resumed") else ""
    parts = [f'<p class="meta" id="about">cleannews {escape(str(version))} · '
             f"{escape(str(date))} · {escape(str(report.get('command', 'run')))}: "
             f"{state}{resumed}</p>"]
    if report.get("command_line"):
        parts.append(f'<p>Command line: <code id="command-line">'
                     f"{_shown(report['command_line'])}</code></p>")
    inputs = [str(x) for x in report.get("inputs", [])]
    if inputs:
        shown = "".join(f"<li><code>{_shown(x)}</code></li>" for x in inputs[:MAX_INPUTS])
        more = f"<li>and {len(inputs) - MAX_INPUTS} more</li>" if len(inputs) > MAX_INPUTS else ""
        parts.append(f'<p>Inputs:</p><ul id="inputs">{shown}{more}</ul>')
    settings = report.get("settings")
    if settings:
        parts.append('<details open id="settings"><summary>Settings</summary>'
                     f"{_pairs(settings)}</details>")
    return "\n".join(parts)


def render_html(report: dict[str, Any]) -> str:
    """The whole page for a report produced by ``cleannews run`` (or ``score``)."""
    hist = report.get("spin", {}).get("histogram", {})
    t = report.get("throughput", {})
    docs = report.get("documents", {})
    threshold = float((report.get("settings") or {}).get("quarantine_threshold")
                      or DEFAULT_THRESHOLD)
    from cleannews.batch.stats import counted

    speed = (f"{t.get('seconds', 0)} s with {counted(t.get('jobs', 1), 'job')}: "
             f"{t.get('docs_per_s', 0)} documents/s, {t.get('mb_per_s', 0)} MB/s; "
             f"{human_bytes(report.get('bytes_in', 0))} in, "
             f"{report.get('chars_out', 0)} characters of clean text out")
    scored = sum(hist.get("counts", []))
    from cleannews.batch.stats import repeated_ids_line

    repeated = report.get("repeated_ids") or {}
    repeated_p = (f"<p id=repeated-ids>Repeated ids: {_shown(repeated_ids_line(repeated))}.</p>\n"
                  if repeated.get("documents") else "")
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        "<title>cleannews report</title>"
        f"<style>{_CSS}</style></head><body>\n<h1>cleannews report</h1>\n"
        f"{_about(report)}\n{_cards(docs)}\n<p>{escape(speed)}</p>\n{repeated_p}"
        "<h2>Spin score histogram</h2>\n"
        f"<p>{counted(scored, 'document')} {'was' if scored == 1 else 'were'} scored (the "
        "others were too short, not French, or "
        "not scored: see the labels).</p>\n"
        f"{_histogram_svg(hist.get('edges', []), hist.get('counts', []), threshold)}\n"
        f"<h2>Spin labels</h2>\n{_pairs(report.get('spin', {}).get('labels', {}))}\n"
        f"<h2>Quarantined documents</h2>\n"
        f"{_quarantined(report.get('quarantined', []), docs.get('quarantined', 0))}\n"
        f"<h2>Rules</h2>\n<p>What each rule changed; text <i>moved to metadata</i> (such as a "
        "crawler's date prefix) is kept in the record's <code>metadata</code>, not lost.</p>\n"
        f"{_rule_rows(report.get('rules', {}), report.get('examples', {}))}\n"
        f"<h2>Errors</h2>\n{_pairs(report.get('errors', {}))}\n"
        f"<h2>Outputs</h2>\n{_pairs(report.get('outputs', {}))}\n"
        "</body></html>\n"
    )
