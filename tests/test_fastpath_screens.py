"""The fast path's Latin-1 screen gives the expression scan's answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleannews.repairs import fastpath

LATIN1 = "".join(map(chr, range(0x100)))


def _lines(scanner: fastpath._Scanner, text: str) -> set[int]:
    """Suspect line starts without the screens (both expressions over the whole text)."""
    starts = set()
    for m in scanner.unsafe.finditer(text):
        starts.add(text.rfind("\n", 0, m.start()) + 1)
    for m in scanner.non_ascii_runs.finditer(text):
        if fastpath._has_unsafe_pair(m.group()):
            starts.add(text.rfind("\n", 0, m.start()) + 1)
    return starts


def _scan(scanner: fastpath._Scanner, text: str) -> bool:
    """The fast path's answer without the Latin-1 screen (the expression, then pairs)."""
    if scanner.unsafe.search(text):
        return True
    return any(fastpath._has_unsafe_pair(r) for r in scanner.non_ascii_runs.findall(text))


@settings(max_examples=1500, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(LATIN1), max_size=60)
    | st.text(alphabet=st.sampled_from("aé &Â;#x\n\t\r\x7f"), max_size=30)
    | st.text(max_size=40)
    | st.lists(st.sampled_from(["ok", "été", "Ã©", "R&amp;D", "\x01", "’é", "é»", "\n"]))
    .map("".join)
)
def test_latin1_screen_keeps_the_answer(text: str) -> None:
    for keep in (True, False):
        scanner = fastpath._SCANNERS[keep]
        assert scanner.suspect(text) == _scan(scanner, text), repr(text)
        assert scanner.suspect_lines(text) == _lines(scanner, text), repr(text)
        if scanner.latin1_clean(text):
            assert scanner.unsafe.search(text) is None


def test_every_latin1_character_alone_and_in_context() -> None:
    for c in LATIN1:
        for text in (c, "a" + c, c + "a", "é" + c, c + "é", "&" + c + "amp;", "Â" + c):
            for keep in (True, False):
                scanner = fastpath._SCANNERS[keep]
                assert scanner.suspect(text) == _scan(scanner, text), repr(text)


def test_plain_latin1_french_is_screened_clean() -> None:
    text = "L'été sera chaud, a dit le ministre à Sète ; 3 € ? Non : 3 £.\n" * 20
    scanner = fastpath._SCANNERS[True]
    assert not scanner.latin1_clean(text)  # € is not Latin-1
    text = text.replace("€", "euros")
    assert scanner.latin1_clean(text) and not fastpath.needs_repair(text)
    # & and Â depend on their context: the expression decides
    assert not scanner.latin1_clean(text + "R&D") and not fastpath.needs_repair(text + "R&D")
    assert fastpath.needs_repair(text + "R&amp;D") and fastpath.needs_repair(text + "Â.")
