"""Elements a browser shows like a ``<pre>`` keep their rows too (branch html13, issue 10).

Before: only ``<pre>`` kept its rows (tests/test_html_pre12.py). A page's ``<xmp>`` /
``<listing>`` / ``<plaintext>`` code sample, a ``<div style="white-space: pre-wrap">``
holding a forum post or a song's lyrics, a ``<p style="white-space:pre-line">`` poem came
out as one long line, and an ``<xmp>``'s markup (which a browser shows as written) was
parsed as elements. Now they are ``<pre>`` blocks (rows kept, protected from the strip
stage's line rules), a ``pre-line`` one with its spaces collapsed, and a ``<pre>`` whose
style says ``white-space: normal`` is one line, as a browser shows them.
"""

from __future__ import annotations

import pytest

import cleannews
from cleannews.strip._whitespace import _declarations, white_space_mode
from cleannews.strip.html import html_to_text

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)

PARA = (
    "<p>Le conseil municipal a voté mardi soir le budget de l'année prochaine, après "
    "trois heures de débats parfois vifs entre la majorité et l'opposition.</p>"
)
INTRO = (
    "<p>Voici le texte que l'auteur a publié sur son blog, avec les explications qu'il "
    "donne sur chacune de ses parties et sur les choix qu'il a faits en l'écrivant.</p>"
)


def _page(middle: str) -> str:
    """A blog page: a menu, the article (headline, byline, paragraphs, ``middle``), a footer."""
    return (
        "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'>"
        "<title>Un billet - Le Blog</title></head><body>"
        "<header><nav><ul><li><a href='/'>Accueil</a></li><li><a href='/archives'>Archives"
        "</a></li><li><a href='/contact'>Contact</a></li></ul></nav></header>"
        "<main><article class='post'><h1>Le billet du jour</h1>"
        "<p class='byline'>Par Jeanne Martin</p>" + PARA + INTRO + middle + PARA + "</article>"
        "</main><footer><p>© Le Blog 2024. Tous droits réservés.</p>"
        "<ul><li><a href='/mentions'>Mentions légales</a></li></ul></footer></body></html>"
    )


def _block(html: str) -> str:
    """The text of the page's one ``<pre>`` block (``metadata["html_pre_blocks"]``)."""
    h = html_to_text(html, CFG)
    [[start, end]] = h.metadata["html_pre_blocks"]
    return h.text[start:end]


LYRICS = [
    "Sur le pont d'Avignon,",
    "L'on y danse, l'on y danse,",
    "Sur le pont d'Avignon,",
    "L'on y danse tous en rond.",
    "",
    "Les beaux messieurs font comme ça,",
    "Et puis encore comme ça.",
    "",
    "Sur le pont d'Avignon,",
    "L'on y danse, l'on y danse,",
    "Sur le pont d'Avignon,",
    "L'on y danse tous en rond.",
]


def test_pre_wrap_div_keeps_its_rows_and_the_strip_stage_leaves_them():
    # a forum post / lyrics box styled as text: the refrain repeats (what the repeat
    # detector takes as a widget's labels when the rows are plain lines)
    body = "\n".join(LYRICS)
    html = _page(
        f'<div class="lyrics" style="font-family: Georgia, serif; white-space: pre-wrap;">'
        f"{body}\n</div>"
    )
    assert _block(html) == body
    doc = cleannews.clean_html(html, CFG)
    assert body in doc.text
    assert not [c for c in doc.changes if c.stage == "strip" and "Avignon" in c.before]
    assert "Mentions légales" not in doc.text and "Archives" not in doc.text


@pytest.mark.parametrize(
    "style",
    [
        "WHITE-SPACE: PRE",
        "white-space:pre !important",
        "white-space: break-spaces",
        "color: #333; /* white-space: normal; */ white-space: pre-wrap",
        "white-space: pre-wrap !important; white-space: normal",  # !important wins
        "white-space: normal; white-space: pre",  # the last declaration wins
        "white-space: preserve nowrap",  # the CSS Text 4 shorthand
        "white-space-collapse: preserve",
    ],
)
def test_style_declarations_that_keep_the_rows(style):
    html = _page(f"<div style='{style}'>x = 1\n    y = 2\nz = 3</div>")
    assert _block(html) == "x = 1\n    y = 2\nz = 3"


@pytest.mark.parametrize(
    "style",
    [
        "white-space: prewrap",  # invalid value: the declaration is dropped
        "white-space: pre garbage",
        "white-space: pre ! importantish",
        "font-family: 'white-space: pre'",  # inside a string
        "white-space: pre; white-space: nowrap",
    ],
)
def test_style_declarations_that_do_not(style):
    html = _page(f"<div style=\"{style}\">x = 1\n    y = 2\nz = 3</div>")
    h = html_to_text(html, CFG)
    assert "x = 1 y = 2 z = 3" in h.text
    assert "html_pre_blocks" not in h.metadata


def test_pre_line_keeps_line_breaks_and_collapses_spaces():
    # the source's indentation is layout a browser does not show in pre-line
    html = _page(
        '<p class="poeme" style="white-space: pre-line">\n'
        "      Demain, dès l'aube,    à l'heure où blanchit la campagne,\n"
        "      Je partirai. Vois-tu, je sais que tu m'attends.\n"
        "      <em>J'irai</em>   par la forêt, j'irai par la montagne.\n"
        "    </p>"
    )
    assert _block(html) == (
        "Demain, dès l'aube, à l'heure où blanchit la campagne,\n"
        "Je partirai. Vois-tu, je sais que tu m'attends.\n"
        "J'irai par la forêt, j'irai par la montagne."
    )


def test_pre_with_white_space_normal_is_one_line_like_a_browser_shows_it():
    html = _page("<pre style='white-space: normal'>Un texte\n   mis en forme\npar erreur</pre>")
    h = html_to_text(html, CFG)
    assert "Un texte mis en forme par erreur" in h.text
    assert "html_pre_blocks" not in h.metadata


def test_span_with_white_space_normal_inside_pre_is_collapsed():
    html = _page(
        "<pre>$ ls -l\n<span style='white-space:normal'>total\n   12</span>\n$ exit</pre>"
    )
    assert _block(html) == "$ ls -l\ntotal 12\n$ exit"


def test_inline_pre_span_keeps_its_break_inside_the_paragraph():
    html = _page(
        "<p>\n  La commande à taper :\n  <span style='white-space:pre'>cd /tmp\n"
        "make install</span>\n  puis relancer.\n</p>"
    )
    assert _block(html) == "La commande à taper : cd /tmp\nmake install puis relancer."


def test_styled_element_without_a_line_break_is_an_ordinary_paragraph():
    # Google Docs pastes every run of text as <span style="white-space:pre-wrap">: one
    # line in a browser, one ordinary (not protected) line here, as before
    html = _page(
        '<p dir="ltr"><span style="font-size:11pt;white-space:pre-wrap;">Le maire a '
        'présenté le projet </span><span style="white-space:pre-wrap;">aux habitants du '
        "quartier jeudi soir.</span></p>"
    )
    h = html_to_text(html, CFG)
    assert "Le maire a présenté le projet aux habitants du quartier jeudi soir." in h.text
    assert "html_pre_blocks" not in h.metadata


def test_xmp_shows_its_markup_as_written():
    # html.parser makes elements of an <xmp>'s content and decodes its references; a
    # browser shows them as written: the walk reads the element's source
    sample = (
        '<ul class="menu">\n  <li><a href="/">Accueil</a></li>\n'
        "  <li><a href=\"/faq\">Questions &amp; réponses</a></li>\n</ul>"
    )
    html = _page(f"<xmp>\n{sample}\n</xmp>")
    assert _block(html) == sample
    doc = cleannews.clean_html(html, CFG)
    assert '<li><a href="/">Accueil</a></li>' in doc.text


def test_listing_is_parsed_markup_with_rows():
    html = _page("<listing>\nint main(void) {\n    return <b>0</b>;\n}\n</listing>")
    assert _block(html) == "int main(void) {\n    return 0;\n}"


def test_plaintext_runs_to_the_end_of_the_document():
    html = _page("").replace(
        "</article>",
        "<plaintext>\nLe journal de bord, tel quel :\n<b>12:00</b> départ\n</article></main>",
    )
    h = html_to_text(html, CFG)
    [[start, end]] = h.metadata["html_pre_blocks"]
    assert h.text[start:end].startswith("Le journal de bord, tel quel :\n<b>12:00</b> départ\n")
    assert h.text[start:end].endswith("</html>")  # what a browser shows: all of the rest
    assert h.text.rstrip("\n").endswith("</html>")


def test_declarations_scanner_is_linear_on_a_huge_style():
    # a megabyte of unterminated comment openers, quotes and parentheses: one scan
    style = "a:b;" + "/*" * 200_000 + "'(" * 200_000 + "; white-space: pre"
    assert white_space_mode(style) is None
    assert _declarations("white-space: pre;" + "x" * 1_000_000)[0] == ("white-space", "pre")


def test_pretty_printed_container_with_a_pre_line_style_keeps_its_paragraphs_ordinary():
    # the line breaks sit between the tags, not in a text: the paragraphs are lines anyway,
    # and they stay ordinary lines (judged by the strip stage, not protected as rows)
    html = _page(
        '<div class="entry" style="white-space: pre-line">\n'
        "  <p>Premier paragraphe du billet, sur le budget voté mardi soir.</p>\n"
        "  <p>Second paragraphe du billet, sur les débats du conseil.</p>\n</div>"
    )
    h = html_to_text(html, CFG)
    assert "Premier paragraphe du billet, sur le budget voté mardi soir.\n\nSecond" in h.text
    assert "html_pre_blocks" not in h.metadata
