"""Render a run report as one small self-contained HTML page (inline CSS and SVG, no script).

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

__all__ = ["render_html"]

#: Size of the histogram drawing, in SVG user units.
HIST_WIDTH, HIST_HEIGHT, HIST_MARGIN = 480, 160, 24
#: Width of the longest per-rule bar, in pixels.
BAR_WIDTH = 320
#: Rules shown in the bar chart, largest first.
MAX_RULES = 40

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:52em;color:#222;padding:0 1em}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}
table{border-collapse:collapse}td,th{padding:.2em .7em;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:inline-block;height:.9em;background:#4a7bb7;vertical-align:middle}
.cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ccc;border-radius:6px;
padding:.5em 1em}.card b{display:block;font-size:1.5em}.q b{color:#b5651d}.f b{color:#b00}
svg text{font-size:10px;fill:#444}
"""


def _cards(docs: dict[str, int]) -> str:
    items = [("in", "documents in", ""), ("out", "clean", ""), ("quarantined", "quarantined", "q"),
             ("failed", "failed", "f")]
    return '<div class="cards">' + "".join(
        f'<div class="card {cls}"><b>{docs.get(k, 0)}</b>{escape(label)}</div>'
        for k, label, cls in items) + "</div>"


def _histogram_svg(edges: list[float], counts: list[int]) -> str:
    """Vertical bars of the spin-score histogram, with the bin edges as labels."""
    if not counts:
        return "<p>No document was spin-scored.</p>"
    top = max(counts) or 1
    n = len(counts)
    w = (HIST_WIDTH - 2 * HIST_MARGIN) / n
    h = HIST_HEIGHT - 2 * HIST_MARGIN
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{HIST_WIDTH}" '
             f'height="{HIST_HEIGHT}" role="img" aria-label="spin score histogram">']
    for i, c in enumerate(counts):
        bh = h * c / top
        x = HIST_MARGIN + i * w
        y = HIST_MARGIN + h - bh
        color = "#b5651d" if edges and edges[i] >= 0.5 else "#4a7bb7"
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w - 2:.1f}" height="{bh:.1f}" '
                     f'fill="{color}"><title>{edges[i]}–{edges[i + 1]}: {c}</title></rect>')
        parts.append(f'<text x="{x + w / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle">{c}</text>')
        parts.append(f'<text x="{x:.1f}" y="{HIST_HEIGHT - 6}">{edges[i]}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _rule_rows(rules: dict[str, dict[str, int]]) -> str:
    ranked = sorted(rules.items(), key=lambda kv: (-kv[1]["removed_bytes"], -kv[1]["changes"]))
    ranked = ranked[:MAX_RULES]
    if not ranked:
        return "<p>No change was made.</p>"
    top = max(v["removed_bytes"] for _, v in ranked) or 1
    rows = "".join(
        f"<tr><td>{escape(rule)}</td><td class=n>{v['changes']}</td><td class=n>{v['removed']}"
        f"</td><td class=n>{v['removed_bytes']}</td><td><span class=bar style=\"width:"
        f"{BAR_WIDTH * v['removed_bytes'] / top:.0f}px\"></span></td></tr>"
        for rule, v in ranked)
    return ("<table><tr><th>rule</th><th>changes</th><th>removals</th><th>bytes removed</th>"
            f"<th></th></tr>{rows}</table>")


def _pairs(d: dict[str, Any]) -> str:
    if not d:
        return "<p>None.</p>"
    return "<table>" + "".join(f"<tr><td>{escape(str(k))}</td><td class=n>{escape(str(v))}"
                               "</td></tr>" for k, v in d.items()) + "</table>"


def render_html(report: dict[str, Any]) -> str:
    """The whole page for a report produced by ``cleannews run`` (or ``score``)."""
    hist = report.get("spin", {}).get("histogram", {})
    t = report.get("throughput", {})
    speed = (f"{t.get('seconds', 0)} s with {t.get('jobs', 1)} jobs: "
             f"{t.get('docs_per_s', 0)} documents/s, {t.get('mb_per_s', 0)} MB/s")
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        "<title>cleannews report</title>"
        f"<style>{_CSS}</style></head><body>\n<h1>cleannews report</h1>\n"
        f"{_cards(report.get('documents', {}))}\n<p>{escape(speed)}</p>\n"
        "<h2>Spin score histogram</h2>\n"
        f"{_histogram_svg(hist.get('edges', []), hist.get('counts', []))}\n"
        f"<h2>Spin labels</h2>\n{_pairs(report.get('spin', {}).get('labels', {}))}\n"
        f"<h2>Rules</h2>\n{_rule_rows(report.get('rules', {}))}\n"
        f"<h2>Errors</h2>\n{_pairs(report.get('errors', {}))}\n"
        f"<h2>Outputs</h2>\n{_pairs(report.get('outputs', {}))}\n"
        "</body></html>\n"
    )
