"""Real scraped French news stays clean: the content lines of the French pages of the
real-page corpus (fixtures/strip_real, gathered for the strip stage and never used to
build or tune the spin detector) are scored; none may be quarantined as spun but the
recorded :data:`SPUN_KNOWN`, and at most 1 % may be labelled suspect."""

from __future__ import annotations

import cleannews
from _helpers import train_pages

#: Real French pages the detector quarantines, recorded when their batch joined TRAIN (each
#: must still be quarantined, so that a fix shows and the entry is dropped). Empty from round
#: 33 to 38: fr-r36-0022 (round 32's transfer batch r36, jazzmagazine.com, a festival review in a
#: literary register with the human slip "une mouvement tellurique") was quarantined at 0.993
#: by lexical evidence and the context term's kind, which held only by reading the slip's
#: junction again; a lone slip is no longer read by the context term (``_decision.mask_slips``,
#: ``tests/test_reg42.py``): 0.899, "suspect".
#: Round 39's transfer batch r45 brought one: a 2007 fashion column ("On dirait le printemps !",
#: fr-r45-0005), 0.910 with the round-start code and the round's code: thirteen rare words and
#: six rare synonyms of a florid register (0.156 and 0.337 to the logit each) and one context
#: item, "poursuit" read as worse than "pousse" in "le slim qui poursuit tranquillement son
#: ascension" (+2.85), an ordinary collocation the context term does not see.
#: Round 40 (spinprior55) took it out: the kind statistic's row prior grows with the left
#: word's continuations ("qui" has 747), so its context kind no longer holds without its best
#: word (1.99 -> 0.53, under ``kind_min`` 0.9); 0.898, "suspect".
SPUN_KNOWN: list[str] = []

#: Suspect pages over the 1 % bound, recorded when their batch joined TRAIN (each must still be
#: suspect, so that a fix shows and the entry is dropped). Round 34's transfer batch r40 brought
#: two, a basketball column (basketeurope.com, 0.594: "devancière", "brouet", "cadors",
#: "auspices") and a jazz review (culturejazz.fr, 0.77: "festivalier", "assidu", "enchanté"):
#: rare register words read as rare synonyms, the literary-register case of issue 11; neither
#: is quarantined. Round 40's transfer batch r46 brought two more, both domain vocabulary read
#: as rare synonyms (issue 11: "domain-rare vocabulary is not evidence by itself"): an astronomy
#: page on comets (fr-r46-0003, 0.80: "réputées", "exempt", "perceptible", "cométaire",
#: "observables") and a sea-fishing page (fr-r46-0009, 0.51: "galets", "faciès", "littoraux",
#: "dorade", "orphie", "bogue"); neither is quarantined.
SUSPECT_OVER_BOUND = ["fr-r40-0015", "fr-r40-0024", "fr-r46-0003", "fr-r46-0009"]


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
    assert spun == SPUN_KNOWN
    assert [scored[k] for k in SUSPECT_OVER_BOUND] == ["suspect"] * len(SUSPECT_OVER_BOUND)
    others = [k for k in suspect if k not in SUSPECT_OVER_BOUND]
    assert len(others) <= 0.01 * len(scored), others
