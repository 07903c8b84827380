"""Real scraped French news stays clean: the content lines of the French pages of the
real-page corpus (fixtures/strip_real, gathered for the strip stage and never used to
build or tune the spin detector) are scored; none may be quarantined as spun, and at
most 1 % may be labelled suspect."""

from __future__ import annotations

import cleannews
from _helpers import train_pages


def test_real_french_news_pages_are_not_quarantined():
    labels: dict[str, str] = {}
    for rec, _doc, labelled in train_pages():
        if rec["lang"] != "fr":
            continue
        text = "\n".join(lb.text for lb in labelled if lb.content)
        labels[rec["id"]] = cleannews.spin_score(text).label
    scored = {k: v for k, v in labels.items() if v not in ("insufficient", "unsupported_language")}
    assert len(scored) >= 300
    spun = sorted(k for k, v in scored.items() if v == "spun")
    suspect = [k for k, v in scored.items() if v == "suspect"]
    assert spun == []
    assert len(suspect) <= 0.01 * len(scored), suspect
