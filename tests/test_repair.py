"""Repair stage: mojibake corpus, French typography, layout, explanations, spans."""

from __future__ import annotations

from pathlib import Path

import ftfy
import pytest

import cleannews
from cleannews import CleanConfig
from cleannews.repairs import repair_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SENTENCES = [
    line.split("\t", 1)[1]
    for line in (ROOT / "fixtures" / "repair" / "fr_ud_sample.tsv").read_text("utf-8").splitlines()
]
REPAIR_ONLY = CleanConfig(strip_boilerplate=False, score_spin=False)


def sloppy(encoding: str):
    """Decode UTF-8 bytes with a wrong single-byte codec, as a careless program would."""

    def damage(text: str) -> str:
        data = text.encode("utf-8")
        if encoding == "cp1252" or encoding == "cp1250":
            return "".join(
                data[i : i + 1].decode(encoding, errors="ignore")
                or data[i : i + 1].decode("latin-1")
                for i in range(len(data))
            )
        return data.decode(encoding)

    return damage


DAMAGE = {
    "utf8-as-cp1252": sloppy("cp1252"),
    "utf8-as-latin1": sloppy("latin-1"),
    "utf8-as-cp1250": sloppy("cp1250"),
    "utf8-as-macroman": sloppy("mac_roman"),
    "double-cp1252": lambda t: sloppy("cp1252")(sloppy("cp1252")(t)),
}
# What the repair stage reaches on this corpus (400 sentences): every sentence for
# the Windows-1252 / Latin-1 cases; ftfy cannot tell "Ă\u00a0" (à read as
# Windows-1250) from real text, nor "√π" (ù read as MacRoman).
RECOVERY_FLOOR = {
    "utf8-as-cp1252": 1.0,
    "utf8-as-latin1": 1.0,
    "utf8-as-cp1250": 0.97,
    "utf8-as-macroman": 0.99,
    "double-cp1252": 1.0,
}


def curly(text: str) -> str:
    return text.replace("'", "\u2019")


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_mojibake_corpus_is_repaired(kind: str) -> None:
    damage = DAMAGE[kind]
    ok = 0
    for sentence in SENTENCES:
        original = curly(sentence)
        broken = damage(original)
        assert broken != original
        doc = cleannews.repair(broken, REPAIR_ONLY)
        if doc.text == original:
            ok += 1
            assert doc.changes, "a repair must be explained"
            assert all(c.stage == "repair" and c.reason for c in doc.changes)
    assert ok / len(SENTENCES) >= RECOVERY_FLOOR[kind], f"{kind}: {ok}/{len(SENTENCES)}"


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_fast_path_and_full_path_agree_on_damaged_text(kind: str) -> None:
    slow = REPAIR_ONLY.replace(fast_path=False)
    for sentence in SENTENCES[:150]:
        for text in (curly(sentence), DAMAGE[kind](curly(sentence))):
            fast_doc, slow_doc = cleannews.repair(text, REPAIR_ONLY), cleannews.repair(text, slow)
            assert fast_doc.text == slow_doc.text
            assert [c.to_dict() for c in fast_doc.changes] == [
                c.to_dict() for c in slow_doc.changes
            ]


def test_issue_examples() -> None:
    assert cleannews.repair(
        "L\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2entreprise fran\u00c3\u00a7aise"
    ).text == ("L\u2019entreprise fran\u00e7aise")
    assert cleannews.repair("mus\u0102\u00a9um").text == "mus\u00e9um"


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_clean_seeds_keep_french_typography(path: Path) -> None:
    raw = path.read_text("utf-8")
    doc = repair_text(raw, REPAIR_ONLY)
    # no character-level repair on clean French: only layout and the crawler prefix
    assert {c.rule for c in doc.changes} <= {
        "drop_blank_lines",
        "crawler_metadata",
        "strip_edge_blank_lines",
    }
    for ch in ("\u2019", "\u00ab", "\u00bb", "\u202f"):
        assert doc.text.count(ch) == raw.count(ch)
    # ftfy's defaults would have straightened the apostrophes
    if "\u2019" in raw:
        assert "\u2019" not in ftfy.fix_text(raw)


def test_seed_000_nbsp_lines_go_and_paragraph_breaks_stay() -> None:
    raw = (ROOT / "seeds" / "000_51a21282db567c1f.txt").read_text("utf-8")
    doc = cleannews.repair(raw, REPAIR_ONLY)
    assert "\u00a0\n" not in doc.text and "\n\u00a0" not in doc.text
    assert "\n\n\n" not in doc.text
    paragraphs = [p for p in raw.split("\n") if p.strip("\u00a0 ")]
    assert [p for p in doc.text.split("\n") if p] == paragraphs
    removed = [c for c in doc.changes if c.rule == "drop_blank_lines"]
    assert removed and all(raw[c.span[0] : c.span[1]] == c.before for c in removed)


def test_seed_004_crawler_prefix_lifted() -> None:
    raw = (ROOT / "seeds" / "004_8795e1cfecc798cf.txt").read_text("utf-8")
    doc = cleannews.repair(raw, REPAIR_ONLY)
    assert doc.metadata == {"date": "2025-02"}
    assert doc.text.startswith("L\u2019accord entre la France et Fluidstack")
    (change,) = [c for c in doc.changes if c.rule == "crawler_metadata"]
    assert change.span == (0, len(" date 2025-02 ")) and change.before == " date 2025-02 "


def test_crawler_prefix_only_at_document_start() -> None:
    text = "Titre\n\nLa date 2025-02 est citée dans le texte.\n"
    doc = cleannews.repair(text, REPAIR_ONLY)
    assert doc.text == text and not doc.metadata


def test_every_repair_change_points_at_its_input() -> None:
    text = (
        "Le march\u00c3\u00a9 &amp; l&#8217;&eacute;conomie\r\n"
        "\u00a0\u00a0\r\n\r\n"
        "Z\u00e9ro\u200b \u00ef\u00ac\u0081n du fa\u00c3\u00a7on\x00nage\r\n"
    )
    doc = cleannews.repair(text, REPAIR_ONLY)
    assert doc.text == "Le march\u00e9 & l\u2019\u00e9conomie\n\nZ\u00e9ro fin du fa\u00e7onnage\n"
    seen: list[tuple[int, int]] = []
    for c in doc.changes:
        if c.rule == "normalize_line_breaks":
            continue  # one summary change for all the \r\n of the document
        if any(s < c.span[1] and c.span[0] < e for s, e in seen):
            # a later step on text an earlier step produced ("ï¬\x81" -> "ﬁ" -> "fi"):
            # its span covers the input it came from, its `before` is the intermediate
            assert c.rule == "fix_ligatures" and c.before == "\ufb01"
            continue
        assert text[c.span[0] : c.span[1]] == c.before, c
        seen.append(c.span)


def test_html_entities_and_double_escaping() -> None:
    doc = cleannews.repair(
        "R&D, AT&T et l&#8217;&Eacute;tat &amp;amp;eacute;t&eacute;", REPAIR_ONLY
    )
    assert doc.text == "R&D, AT&T et l\u2019\u00c9tat \u00e9t\u00e9"
    assert {c.rule for c in doc.changes} == {"unescape_html"}


def test_invisible_and_control_characters_removed() -> None:
    doc = cleannews.repair("intelli\u00adgence\u200b arti\x00ficielle\u200e", REPAIR_ONLY)
    assert doc.text == "intelligence artificielle"
    assert {c.rule for c in doc.changes} == {"remove_invisible", "remove_control_chars"}


def test_mixed_line_is_not_garbled() -> None:
    # ftfy alone re-reads this whole line as MacRoman and produces Armenian letters
    text = "Le march\u00c3\u00a9 & l\u2019\u00e9conomie"
    assert "\u054e" in ftfy.fix_text(text, uncurl_quotes=False)
    assert cleannews.repair(text, REPAIR_ONLY).text == "Le march\u00e9 & l\u2019\u00e9conomie"


def test_blank_line_runs_collapse_and_edges_are_trimmed() -> None:
    doc = cleannews.repair("\n\n\u00a0\nUn.\n\n\n\nDeux.\n\u202f\nTrois.\n\n\n", REPAIR_ONLY)
    assert doc.text == "Un.\n\nDeux.\n\nTrois.\n"
    rules = [c.rule for c in doc.changes]
    assert rules.count("strip_edge_blank_lines") == 2
    assert "collapse_blank_lines" in rules and "drop_blank_lines" in rules


def test_straighten_quotes_when_asked() -> None:
    doc = cleannews.repair(
        "l\u2019\u00e9t\u00e9 \u201cchaud\u201d", REPAIR_ONLY.replace(keep_typography=False)
    )
    assert doc.text == 'l\'\u00e9t\u00e9 "chaud"'
    assert {c.rule for c in doc.changes} == {"uncurl_quotes"}


def test_options_switch_repairs_off() -> None:
    cfg = REPAIR_ONLY.replace(
        fix_encoding=False, unescape_html=False, normalize_layout=False, lift_crawler_metadata=False
    )
    text = " date 2025-02 Titre &amp; march\u00c3\u00a9\n\u00a0\n\n\nFin\n"
    assert cleannews.repair(text, cfg).text == text
