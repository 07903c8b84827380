"""Real French text for the repair benchmarks: UD sentences and seeds, in French typography.

The UD sentences (``../shared/corpora/fr-ud``, see the README there for their
licences) are plain: straight apostrophes, ``...``, spaces before ``;:!?``.
:func:`typeset` gives them the typography of a French news site, the way a
CMS does it: ’ for ', « » or “ ” for quotes, NNBSP or NBSP before ; : ! ? and
inside « », NBSP in 3 000 €, …, (…), — for a dash, 1ᵉʳ / 2ᵉ for ordinals,
©+NBSP in credits. Everything is drawn from a fixed seed.
"""

from __future__ import annotations

import random
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
UD_FILES = ("french-gsd.txt", "french-sequoia.txt")

NBSP, NNBSP = "\u00a0", "\u202f"
_QUOTED = regex.compile(r'"([^"\n]{1,200})"')
_BEFORE_PUNCT = regex.compile(r" ([;:!?])")
_THOUSANDS = regex.compile(r"\b(\d{1,3}) (\d{3})\b")
_EURO = regex.compile(r"(\d) ?(€|euros?\b)")
_ORDINAL = regex.compile(r"\b(1)er\b|\b(\d{1,2})e\b")


def ud_sentences() -> list[str]:
    """All UD French sentences (GSD dev+test, Sequoia), in file order."""
    out: list[str] = []
    for name in UD_FILES:
        path = SHARED / "corpora" / "fr-ud" / name
        for line in path.read_text("utf-8").splitlines():
            if "\t" in line:
                out.append(line.split("\t", 1)[1])
    return out


def seeds() -> list[str]:
    """The project's seed pages (already in real French typography)."""
    return [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def typeset(sentence: str, rng: random.Random) -> str:
    """``sentence`` in French news typography (choices drawn from ``rng``).

    >>> typeset('Il a dit "oui" ... le 1er mai : 3 000 euros !', random.Random(0))
    'Il a dit “oui” … le 1ᵉʳ mai\xa0: 3\xa0000\xa0€\xa0!'
    """
    space = rng.choice((NNBSP, NBSP))
    text = sentence.replace("'", "’")
    if rng.random() < 0.7:
        text = _QUOTED.sub(lambda m: f"«{space}{m.group(1)}{space}»", text)
    else:
        text = _QUOTED.sub(lambda m: f"“{m.group(1)}”", text)
    text = text.replace("(...)", "(…)").replace("...", "…").replace(" - ", " — ")
    text = _BEFORE_PUNCT.sub(lambda m: (NBSP if m.group(1) == ":" else space) + m.group(1), text)
    text = _THOUSANDS.sub(lambda m: f"{m.group(1)}{NBSP}{m.group(2)}", text)
    text = _EURO.sub(lambda m: f"{m.group(1)}{NBSP}€", text)
    if rng.random() < 0.5:
        text = _ORDINAL.sub(_superscript_ordinal, text)
    return text


def _superscript_ordinal(m: regex.Match[str]) -> str:
    return m.group(1) + "ᵉʳ" if m.group(1) else m.group(2) + "ᵉ"


#: Lines a news page adds around its paragraphs, in the same typography.
EXTRAS = (
    f"©{NBSP}AFP — Photo{NBSP}: Jean Dupont (…)",
    f"Publié le 1ᵉʳ mars à 10{NBSP}h{NBSP}30 — mis à jour à 11{NBSP}h",
    f"« Nous avons investi 3{NBSP}000{NBSP}€{NNBSP}», affirme-t-elle{NNBSP}; c’est “inédit”.",
    f"Lire aussi{NBSP}: l’économie française résiste (…) — notre analyse{NNBSP}!",
)


def documents(n_sentences: int = 6, seed: int = 1) -> list[str]:
    """The UD sentences typeset and grouped into documents of ``n_sentences``
    per paragraph, two paragraphs each, in a fixed order."""
    rng = random.Random(seed)
    sents = [typeset(s, rng) for s in ud_sentences()]
    docs: list[str] = []
    step = 2 * n_sentences
    for i in range(0, len(sents) - step + 1, step):
        p1 = " ".join(sents[i : i + n_sentences])
        p2 = " ".join(sents[i + n_sentences : i + step])
        extra = rng.choice(EXTRAS)
        docs.append(f"{p1}\n\n{p2}\n\n{extra}\n")
    return docs
