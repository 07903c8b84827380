"""``<pre>`` blocks keep their rows through the HTML path and the strip stage (branch pre12).

Before: the HTML walk collapsed a ``<pre>`` to one line (a code listing, a poem, a table
typed as text came out as one long line), and when the rows were kept apart the text
rules took them as page furniture (a listing's repeated ``}`` as ``repeated_block``, a
short verse between two rows as ``context``). Now each row is a line of the output, the
HTML stage keeps or drops the block as a whole, and ``clean_html`` hands the rows to the
strip stage, whose line rules leave them (``strip_text(..., verbatim=...)``).
"""

from __future__ import annotations

import cleannews
from cleannews.strip import strip_text
from cleannews.strip.html import html_to_text, pre_text

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)

PARA = (
    "<p>Le conseil municipal a voté mardi soir le budget de l'année prochaine, après "
    "trois heures de débats parfois vifs entre la majorité et l'opposition.</p>"
)
INTRO = (
    "<p>Voici le programme que l'équipe a publié, avec les explications de son auteur "
    "sur chacune de ses étapes et sur les choix qu'il a faits en l'écrivant.</p>"
)


def _page(middle: str, after: str = "") -> str:
    """A news page: a menu, the article (headline, byline, paragraphs, ``middle``), a
    footer; ``after``: furniture placed after the article."""
    return (
        "<html lang='fr'><head><title>Un article - Le Journal</title></head><body>"
        "<header><nav><ul><li><a href='/'>Accueil</a></li><li><a href='/eco'>Économie"
        "</a></li><li><a href='/tech'>Tech</a></li></ul></nav></header>"
        "<main><article class='post'><h1>Le programme du conseil</h1>"
        "<p class='byline'>Par Jeanne Martin</p>"
        + PARA
        + INTRO
        + middle
        + PARA
        + "</article></main>"
        + after
        + "<footer><p>© Le Journal 2024. Tous droits réservés.</p>"
        "<ul><li><a href='/mentions'>Mentions légales</a></li>"
        "<li><a href='/contact'>Contact</a></li></ul></footer></body></html>"
    )


def _lines(text: str) -> list[str]:
    return text.split("\n")


# a listing whose rows repeat (the shape the repeat detector takes as a widget's labels)
CODE_ROWS = [
    "for (i = 0; i < n; i++) {",
    "    if (a[i] > 0) {",
    "        total += a[i];",
    "    }",
    "}",
    "for (j = 0; j < n; j++) {",
    "    if (b[j] > 0) {",
    "        total += b[j];",
    "    }",
    "}",
    "for (k = 0; k < n; k++) {",
    "    if (c[k] > 0) {",
    "        total += c[k];",
    "    }",
    "}",
]


def test_code_listing_with_repeated_rows_keeps_every_row_on_its_own_line():
    html = _page("<pre>" + "\n".join(CODE_ROWS) + "\n</pre>")
    h = html_to_text(html, CFG)
    assert "\n".join(CODE_ROWS) in h.text  # one line per row, indentation kept
    doc = cleannews.clean_html(html, CFG)
    assert "\n".join(CODE_ROWS) in doc.text
    # no rule of the strip stage took a row ("}" six times, "    }" six times)
    assert not [c for c in doc.changes if c.stage == "strip" and "}" in c.before]
    # the menu and the footer still go
    assert "Mentions légales" not in doc.text and "Accueil" not in doc.text


def test_the_same_rows_as_plain_text_are_still_judged_by_the_line_rules():
    # the protection comes from the markup: the text path is unchanged
    html = _page("<pre>" + "\n".join(CODE_ROWS) + "\n</pre>")
    text = html_to_text(html, CFG).text
    out = strip_text(text, CFG)
    assert any(c.rule == "repeated_block" for c in out.changes)
    assert "}" not in _lines(out.text)


POEM = [
    "Demain, dès l'aube,",
    "à l'heure où blanchit la campagne,",
    "Je partirai.",
    "Vois-tu,",
    "je sais que tu m'attends.",
    "",
    "J'irai par la forêt,",
    "j'irai par la montagne.",
    "Je ne puis demeurer",
    "loin de toi plus longtemps.",
]


def test_poem_keeps_its_verses_and_its_stanza_break():
    html = _page("<pre class='poeme'>\n" + "\n".join(POEM) + "\n</pre>")
    doc = cleannews.clean_html(html, CFG)
    assert "\n".join(POEM) in doc.text
    assert not [c for c in doc.changes if c.stage == "strip" and "Vois-tu" in c.before]


ASCII_TABLE = [
    "+-----------+--------+--------+",
    "| Commune   | 2022   | 2023   |",
    "+-----------+--------+--------+",
    "| Lyon      | 12,4   | 13,1   |",
    "| Villeurb. |  8,2   |  8,9   |",
    "| Bron      |  3,0   |  3,0   |",
    "+-----------+--------+--------+",
]


def test_ascii_table_keeps_its_columns():
    # the table typed as text, with a common margin of four spaces in the source
    body = "\n".join("    " + row for row in ASCII_TABLE)
    doc = cleannews.clean_html(_page("<pre>\n" + body + "\n</pre>"), CFG)
    assert "\n".join(ASCII_TABLE) in doc.text  # the shared margin cut, the columns kept
    # its rule lines repeat three times: not taken as repeated widget labels
    assert not [c for c in doc.changes if c.stage == "strip" and "+---" in c.before]


def test_pre_in_the_footer_or_a_menu_is_still_dropped_whole():
    after = (
        "<div class='sidebar'><pre>Abonnez-vous\nà notre lettre</pre></div>"
        "<nav class='menu'><pre>Accueil\nActualités\nSport</pre></nav>"
    )
    html = _page("<pre>x = 1\ny = 2</pre>", after).replace(
        "<footer>", "<footer><pre>Le Journal\n12 rue des Lilas\n69000 Lyon</pre>"
    )
    h = html_to_text(html, CFG)
    assert "x = 1\ny = 2" in h.text  # the article's own <pre> stays, as rows
    for gone in ("12 rue des Lilas", "Actualités", "à notre lettre"):
        assert gone not in h.text
        # dropped by an explained change of the HTML stage
        assert any(gone in c.before and c.stage == "html" for c in h.changes)
    assert len(h.metadata["html_pre_blocks"]) == 1  # the furniture's blocks never reached it


def test_highlighted_code_in_nested_code_and_spans_keeps_rows_and_indentation():
    # a highlighter's markup: the line breaks and indentation sit in the text between spans
    code = (
        '<pre class="highlight"><code class="language-python">'
        '<span class="k">def</span> <span class="nf">moyenne</span>(valeurs):\n'
        '    <span class="k">if</span> <span class="ow">not</span> valeurs:\n'
        '        <span class="k">return</span> <span class="mi">0</span>\n'
        '    <span class="k">return</span> <span class="nb">sum</span>(valeurs) / '
        '<span class="nb">len</span>(valeurs)\n</code></pre>'
    )
    want = (
        "def moyenne(valeurs):\n"
        "    if not valeurs:\n"
        "        return 0\n"
        "    return sum(valeurs) / len(valeurs)"
    )
    doc = cleannews.clean_html(_page(code), CFG)
    assert want in doc.text


def test_br_inside_pre_ends_a_row_and_br_elsewhere_is_unchanged():
    html = _page(
        "<pre>premier vers<br>second vers<br/><br>après un blanc</pre>"
        "<p>Une ligne<br>puis une autre ligne du même paragraphe de l'article.</p>"
    )
    h = html_to_text(html, CFG)
    assert "premier vers\nsecond vers\n\naprès un blanc" in h.text
    # outside a <pre>, a <br> still splits the paragraph into blocks, as before
    assert "Une ligne\n\npuis une autre ligne" in h.text
    doc = cleannews.clean_html(html, CFG)
    assert "premier vers\nsecond vers\n\naprès un blanc" in doc.text


def test_very_long_single_row_is_one_line_kept_whole():
    row = "0123456789abcdef" * 20_000  # 320 000 characters, no break (a minified dump)
    doc = cleannews.clean_html(_page(f"<pre>data = [\n{row}\n]</pre>"), CFG)
    assert f"data = [\n{row}\n]" in doc.text


def test_crlf_and_cr_inside_pre_end_rows():
    html = _page("<pre>ligne un\r\nligne deux\rligne trois\r\n</pre>")
    h = html_to_text(html, CFG)
    assert "ligne un\nligne deux\nligne trois" in h.text
    assert "\r" not in h.text
    doc = cleannews.clean_html(html.encode("utf-8"), CFG)
    assert "ligne un\nligne deux\nligne trois" in doc.text


def test_pre_blocks_offsets_name_the_rows_and_the_document_does_not_carry_them():
    html = _page("<pre>a = 1\nb = 2</pre>")
    h = html_to_text(html, CFG)
    [[start, end]] = h.metadata["html_pre_blocks"]
    assert h.text[start:end] == "a = 1\nb = 2"
    assert "html_pre_blocks" not in cleannews.clean_html(html, CFG).metadata


def test_table_inside_pre_gives_one_row_per_table_row():
    # a results page wraps its HTML tables in a <pre>: the whitespace between the table's
    # parts is no text, each <tr> is a row
    table = (
        "<pre><table>\n   <tr>\n      <td>1.</td>   <td>Dupont, Léa</td>   <td>12,4</td>\n"
        "   </tr>\n   <tr>\n      <td>2.</td>   <td>Martin, Zoé</td>   <td>12,9</td>\n"
        "   </tr>\n</table></pre>"
    )
    doc = cleannews.clean_html(_page(table), CFG)
    assert "1. Dupont, Léa 12,4\n2. Martin, Zoé 12,9" in doc.text


def test_strip_text_leaves_verbatim_rows_to_the_caller():
    text = "Un paragraphe de l'article sur le code du programme.\n\nPartager\nend\nend\nend\n"
    out = strip_text(text, CFG, verbatim=frozenset({2, 3, 4, 5}))
    assert out.text == text and out.changes == []
    # an index past the text names no row
    assert strip_text(text, CFG, verbatim=frozenset({99})).text == strip_text(text, CFG).text


def test_pre_text_rows():
    assert pre_text("\n\t\tun\n\t\t\tdeux\n\n\n\n\t\ttrois \n\n") == "un\n\tdeux\n\ntrois"
    # no margin is cut when the rows do not share one (a tab and spaces)
    assert pre_text("\tun\n  deux") == "\tun\n  deux"
    assert pre_text(" \n\u00a0\n") == ""


def test_rows_repaired_by_the_repair_stage_stay_protected():
    # mojibake in a row and a row of invisible characters: the repair stage edits them
    # (its changes shift the offsets), the strip stage still knows the rows
    rows = ["# caf\u00c3\u00a9 et cr\u00c3\u00a8me", "}", "}", "\u200b\u200b", "}", "}", "}"]
    doc = cleannews.clean_html(_page("<pre>" + "\n".join(rows) + "</pre>"), CFG)
    assert "# café et crème\n}\n}\n" in doc.text
    assert not [c for c in doc.changes if c.stage == "strip"]
    assert any(c.stage == "repair" for c in doc.changes)
