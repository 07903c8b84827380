"""Does the function-word screen ever decide differently from py3langid?

    .venv/bin/python benchmarks/bench_language_screen.py

:func:`cleannews._lang.identify_language` answers ``"fr"`` without py3langid
when the sample is plainly French (``FRENCH_SHARE_SURE`` / ``FRENCH_OVER_OTHER``),
``"en"`` / ``"de"`` when it is plainly English or German (``LANG_*``).
This script runs, on every document of the repository's corpora (those of
``bench_language_sample.py`` plus ``fixtures/spin/*.jsonl.gz`` and
``fixtures/spin/fresh/fresh.jsonl.gz``), each repaired and stripped as
``clean`` does, both the screened decision and py3langid alone on the same
sample, and prints the documents where they differ (there must be none),
how many documents the screen decided, and the time of each way. It also
runs the classifier ``identify_language`` uses (``_lang._VectorWalk``, the
same model walked by numpy) against py3langid's own ``classify`` on every
sample: language and score must be equal.
"""

from __future__ import annotations

import collections
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def documents() -> list[str]:
    """Every document of the corpora above (raw text, before repair)."""
    import bench_language_sample

    docs = bench_language_sample.documents()
    spin = ROOT / "fixtures" / "spin"
    for path in [*sorted(spin.glob("*.jsonl.gz")), spin / "fresh" / "fresh.jsonl.gz"]:
        if path.name in ("negatives.jsonl.gz", "validation.jsonl.gz"):
            continue  # already in bench_language_sample.documents()
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if isinstance(row.get("text"), str):
                    docs.append(row["text"])
    return docs


def model_only(text: str) -> str | None:
    """The decision of ``identify_language`` with the screen switched off."""
    from cleannews import _lang

    sample = text[: _lang.SAMPLE_CHARS]
    if len(_lang._lower_words(sample)) < _lang.MIN_WORDS:
        return None
    return str(_lang._py3langid()(sample)[0])


def main() -> int:
    import cleannews
    from cleannews import _lang
    from cleannews.strip import strip_text

    cfg = cleannews.CleanConfig()
    texts = [strip_text(cleannews.repair(d).text, cfg).text for d in documents()]
    _lang.identify_language("Die Regierung hat am Dienstag eine Reform angekündigt.")  # load
    t0 = time.process_time()
    screened = [_lang.identify_language(t) for t in texts]
    t1 = time.process_time()
    model = [model_only(t) for t in texts]
    t2 = time.process_time()
    decided = sum(_lang._screen_says_french(t[: _lang.SAMPLE_CHARS]) for t in texts)
    others = {lang: sum(_lang._screen_language(_lang._lower_words(t[: _lang.SAMPLE_CHARS]), lang)
                        for t in texts) for lang in _lang.SCREENED_LANGUAGES}
    print(f"{len(texts)} documents: " + ", ".join(
        f"{k} {n}" for k, n in collections.Counter(model).most_common(8)))
    print(f"screen decided {decided} documents ({decided / len(texts):.1%}) without py3langid"
          " as French, " + ", ".join(f"{n} as {lang}" for lang, n in others.items()))
    print(f"CPU: with screen {t1 - t0:.2f} s, py3langid alone {t2 - t1:.2f} s")
    bad = [(i, a, b) for i, (a, b) in enumerate(zip(screened, model, strict=True)) if a != b]
    print(f"{len(bad)} documents decided differently")
    for i, a, b in bad[:20]:
        print(f"  #{i}: screen {a}, py3langid {b}: {texts[i][:120]!r}")
    # the classifier identify_language uses (vectorised walk) against py3langid itself,
    # on every sample, language and score, bit for bit
    walk, own = _lang._langid(), _lang._py3langid()
    samples = [t[: _lang.SAMPLE_CHARS] for t in texts]
    t3 = time.process_time()
    fast = [walk(s) for s in samples]
    t4 = time.process_time()
    ref = [own(s) for s in samples]
    t5 = time.process_time()
    differ = [i for i, (a, b) in enumerate(zip(fast, ref, strict=True)) if a != b]
    print(f"{type(walk).__name__} against py3langid's classify on all {len(samples)} samples: "
          f"{len(differ)} differ (language or score); CPU {t4 - t3:.2f} s against {t5 - t4:.2f} s")
    return 1 if bad or differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
