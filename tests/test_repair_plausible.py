"""The acceptance rule for mojibake repairs on French lines that quote other scripts."""

from __future__ import annotations

import ftfy
import pytest

import cleannews
from cleannews import CleanConfig
from cleannews.repairs.plausible import implausible_repair

REPAIR_ONLY = CleanConfig(strip_boilerplate=False, score_spin=False)

# Real-looking French news lines that quote names in other scripts, emoji,
# superscript ordinals; written for this test (development cases).
LINES = [
    "Le président Mahmoud Abbas (محمود عباس) a rencontré l’émissaire à Ramallah.",
    "Vladimir Poutine (Владимир Путин) s’est exprimé à Moscou mardi.",
    "Kyriákos Mitsotákis (Κυριάκος Μητσοτάκης) arrive à l’Élysée.",
    "Xi Jinping (习近平) a reçu son homologue français à Pékin.",
    "Le Premier ministre japonais (石破茂) et la présidente coréenne (한국어) à Séoul.",
    "Tel-Aviv (תל אביב) accueille une délégation française.",
    "Merci à tous ❤️ et à bientôt 👍 pour la 1ʳᵉ édition !",
    "Le 1ᵉʳ janvier, l’équipe était 2ᵉ du classement ; 3 000 € de prime.",
]


def utf8_as_cp1252(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (undefined bytes as Latin-1)."""
    data = text.encode("utf-8")
    return "".join(
        data[i : i + 1].decode("cp1252", errors="ignore") or data[i : i + 1].decode("latin-1")
        for i in range(len(data))
    )


@pytest.mark.parametrize("line", LINES)
def test_clean_line_with_foreign_names_is_kept(line: str) -> None:
    assert cleannews.repair(line, REPAIR_ONLY).text == line


@pytest.mark.parametrize("line", LINES)
def test_damaged_line_with_foreign_names_is_restored(line: str) -> None:
    broken = utf8_as_cp1252(line)
    doc = cleannews.repair(broken, REPAIR_ONLY)
    assert doc.text == line
    assert {c.rule for c in doc.changes} == {"fix_mojibake"}


def test_soft_hyphen_inside_mojibake_is_not_removed_before_the_repair() -> None:
    # 中 is E4 B8 AD in UTF-8; AD read as Windows-1252 is a soft hyphen
    broken = utf8_as_cp1252("Le mot « 中文 » désigne la langue chinoise.")
    assert "\u00ad" in broken
    assert cleannews.repair(broken, REPAIR_ONLY).text == (
        "Le mot « 中文 » désigne la langue chinoise."
    )


def test_macroman_reading_of_a_mixed_line_is_refused() -> None:
    text = "Le march\u00c3\u00a9 & l\u2019\u00e9conomie"
    garbled = ftfy.fix_text(text, uncurl_quotes=False)
    assert "\u054e" in garbled  # ftfy alone: Armenian
    assert implausible_repair(text, garbled) is not None
    assert cleannews.repair(text, REPAIR_ONLY).text == "Le march\u00e9 & l\u2019\u00e9conomie"


def test_a_word_that_comes_out_in_two_scripts_is_named() -> None:
    assert implausible_repair("l\u2019\u00e9conomie", "l\u054economie") == "l\u054economie"
    # a flagged word may legitimately mix scripts (a Greek letter in a gene name)
    assert implausible_repair("IL2R\u00ce\u00b3cKO", "IL2R\u03b3cKO") is None


def test_soft_hyphen_splitting_mojibake_is_repaired_in_one_go() -> None:
    # the soft hyphen goes first, then the Â\x80 it hid is repaired: clean is idempotent
    once = cleannews.repair("\u00ad\u00c2\x80", REPAIR_ONLY)
    assert once.text == "\u20ac"
    assert cleannews.repair(once.text, REPAIR_ONLY).text == once.text
    assert {c.rule for c in once.changes} >= {"remove_invisible", "fix_mojibake"}


def test_windows_1250_a_is_decoded_where_romanian_never_writes_it() -> None:
    for text in ("Maux de tête.", "Il a dit à Lucie : Voló.", "Une solution à diluer."):
        broken = text.encode("utf-8").decode("cp1250")
        assert cleannews.repair(broken, REPAIR_ONLY).text == text
    for romanian in ("LIMBA ROMÂNĂ\u00a0: PĂŞUNE.", "Ăsta e un test.", "Această țară."):
        assert cleannews.repair(romanian, REPAIR_ONLY).text == romanian
