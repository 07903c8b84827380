"""Round 35, keep47 (issue 10 item 4: never drop article content): content lines the strip
stage lost on the stress set (pages nobody tuned on), fixed at the rule's own depth.

* a quoted sentence signed by its speaker (``detectors._signed_quote``) is no teaser's
  headline under a "Read more" heading: another site's "Neueste Nachrichten" / "Read More"
  above de-d-0004's quotes of two police officers and fr-h-0046's quote of a singer took
  them (``related_lead_de`` / ``related_lead_en``);
* a press contact's e-mail address and phone number right under the article's "Role : Name"
  line, between two of its paragraphs (``detectors._named_contact``, asked by the rule
  pass): fr-r40-0007's two contact blocks went as a contact block (``contact_line_gen10``)
  on TRAIN itself and on the stress set;
* a transcript's speaker label on the page's first line ("Speaker : spk1", with "Speaker :
  spk2" further down) is no headline (``detectors._speaker_turn``): it-r32-0005's later
  "Speaker : spk1" turns went as title repeats (``title_repeat``) on TRAIN and on the
  stress set.

Inputs: TRAIN pages through ``_helpers.train_doc`` (development data), rebuilt as the stress
set builds its pages (other TRAIN pages' furniture lines put between the article's lines).
Every test of a fix fails on the round-start code.
"""

from __future__ import annotations

import pytest

from _helpers import train_doc
from test_keep44 import _content, _insert, _kept  # the stress set's page shapes (round 34)

# -- a quoted sentence signed by its speaker (de-d-0004, fr-h-0046) ------------------------

#: the stress set's shape: another TRAIN site's "Read more" heading right above the quote
SIGNED = [
    ("de-d-0004", "Ein schrecklicher Anblick", ["Neueste Nachrichten"], "Wir dürfen"),
    ("de-d-0004", "Ein schrecklicher Anblick", ["Neueste Nachrichten"], "Wir sind betroffen"),
    ("fr-h-0046", "C’est quoi pour vous Radio Campus", ["Read More"], "« Les pauvres"),
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
@pytest.mark.parametrize(("page", "after", "heading", "quote"), SIGNED)
def test_signed_quote_under_a_read_more_heading_stays(page, after, heading, quote, sep):
    """The quote, a sentence closed inside its quotes and then its speaker's name, went as the
    heading's teaser; it stays, and the heading still goes."""
    lines = _content(page)
    signed = next(t for t in lines if t.startswith(quote))
    lines = [t for t in lines if t != signed]
    lines = _insert(lines, after, [*heading, signed])
    kept = _kept(sep.join(lines) + "\n")
    assert kept[signed] == [True]
    assert kept[heading[0]] == [False]


def test_a_quoted_headline_without_a_closed_sentence_still_goes():
    """Adversarial: teasers under "À lire aussi" that quote someone without closing a sentence
    inside the quotes (fr-f-0021's own headline shape) still go, after the article's end."""
    text = _content("fr-h-0046")[:3]
    teasers = ["«Techniquement, c'était un de mes meilleurs matchs» -Samuel Montembeault",
               "« On ne lâchera rien », Martine Dupont"]
    page = [*text, "À lire aussi", *teasers, "Mentions légales"]
    kept = _kept("\n\n".join(page) + "\n")
    assert [t for t in teasers if any(kept[t])] == []


# -- a press contact named by the article (fr-r40-0007) -----------------------------------

CONTACTS = ["camille@observatoire.fr", "+33 7 82 28 80 94", "aureliecadot@observatoire.fr",
            "+33 6 80 61 04 17"]


def test_fr_r40_0007_press_contacts_stay():
    """The page as served: each exhibition's press officer ("Attachée de presse : Camille
    Faivre") with her e-mail address and phone number under it, between the release's
    sections; the four lines went (``contact_line_gen10``), they stay."""
    doc, labelled = train_doc("fr-r40-0007")
    assert all(lb.content for lb in labelled if lb.text.strip() in CONTACTS)
    kept = _kept(doc)
    assert [t for t in CONTACTS if not all(kept[t])] == []


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_press_contacts_stay_with_furniture_under_them(sep):
    """The stress set's shape: another TRAIN site's footer line right under each block."""
    lines = _content("fr-r40-0007")
    for phone in ("+33 7 82 28 80 94", "+33 6 80 61 04 17"):
        lines = _insert(lines, phone, ["Mentions légales"])
    kept = _kept(sep.join(lines) + "\n")
    assert [t for t in CONTACTS if not all(kept[t])] == []


def test_a_footer_contact_block_still_goes():
    """Adversarial: fr-e-0012's footer contact (a name and a role, then the phone and the
    e-mail address) still goes as served; so does a "Role : Name" contact that closes a page
    (no paragraph of the article under it)."""
    doc, labelled = train_doc("fr-e-0012")
    footer = ["- 01 56 81 04 26", "- mathilde.jolis@la-fabrique.fr"]
    assert not any(lb.content for lb in labelled if lb.text.strip() in footer)
    kept = _kept(doc)
    assert [t for t in footer if any(kept[t])] == []
    text = _content("fr-r40-0007")[:9]
    page = [*text, "Contact presse : Camille Faivre", "camille@observatoire.fr",
            "+33 7 82 28 80 94"]
    kept = _kept("\n".join(page) + "\n")
    assert kept["camille@observatoire.fr"] == [False]
    assert kept["+33 7 82 28 80 94"] == [False]


# -- a transcript's speaker label on top (it-r32-0005) ---------------------------------------


def test_it_r32_0005_speaker_turns_stay():
    """The page as served: a council's transcript opening with "Speaker : spk1"; the second
    "Speaker : spk1" went as a repeat of the title, it stays."""
    doc, labelled = train_doc("it-r32-0005")
    turns = [lb for lb in labelled if lb.text.strip() == "Speaker : spk1"]
    assert len(turns) == 2 and all(lb.content for lb in turns)
    assert _kept(doc)["Speaker : spk1"] == [True, True]


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_speaker_turns_stay_between_furniture(sep):
    """The stress set's shape: another TRAIN site's section label above the transcript and
    furniture lines between its turns."""
    lines = _insert(_content("it-r32-0005"), "Perfetto.", ["Editoriali"])
    lines = ["Attualità", *lines]
    kept = _kept(sep.join(lines) + "\n")
    assert kept["Speaker : spk1"] == [True, True]
    assert kept["Speaker : spk2"] == [True, True]


def test_a_headline_printed_again_still_goes():
    """Adversarial: a "Label : value" headline printed again under the article (no other
    value of its label on the page) still goes as a title repeat."""
    body = _content("it-r32-0005")[1:4]
    page = ["Consiglio : seduta ordinaria", *body, "Consiglio : seduta ordinaria"]
    kept = _kept("\n".join(page) + "\n")
    assert kept["Consiglio : seduta ordinaria"] == [True, False]
