"""``tools.strip_rules.support --missed``: the furniture lines the current code leaves in.

Round 39: ``missed_furniture`` reused its result set's name for the cleaned text, so
``--missed`` crashed on its first page (``str`` has no ``add``; recall54's report). These
tests run it on a real TRAIN page whose ad line no rule takes (fr-r35-0008, "Votre publicité
ici avec IMPACT_medias", one site's own wording) and on a page whose ad marker the code
removes (fr-a-0054, "Publicité").
"""

from __future__ import annotations

from tools.strip_rules.support import Support, missed_furniture

from _helpers import train_pages

LEFT_IN, REMOVED = "fr-r35-0008", "fr-a-0054"


def test_missed_lists_a_line_left_in_and_not_a_removed_one():
    pages = [p for p in train_pages() if p[0]["id"] in (LEFT_IN, REMOVED)]
    assert len(pages) == 2
    s = Support()
    for rec, _, labelled in pages:
        for lb in labelled:
            if not lb.content:
                s.add_furniture(rec["site"], rec["id"], lb.text)
    missed = missed_furniture(s, pages)
    assert (LEFT_IN, "Votre publicité ici avec IMPACT_medias") in missed
    assert (REMOVED, "Publicité") in s.furniture
    assert (REMOVED, "Publicité") not in missed
    assert missed < set(s.furniture)
