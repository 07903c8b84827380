"""A fifth, fresh synonym source for HELD-OUT spins: French paraphrases by Romance pivot
through the Apertium machine-translation dictionaries (Catalan, Occitan).

Build time only; RESERVED for evaluation (``fixtures/spin/heldout_apertium.jsonl.gz``):
never train, tune or choose a model with it (docs/spin-history.md, "Source: Apertium Romance
pivot")::

    apt-get install lttoolbox          # lt-proc (Debian; no Python package needed)
    apt-get download apertium-fra-cat=1.10.0-1 apertium-oci-fra=1.0.0-1
    for f in apertium-*.deb; do dpkg-deb -x "$f" apertium; done
    SPIN_APERTIUM_DIR=apertium/usr/share/apertium python tools/spin/apertium_thesaurus.py

(``apt-get install`` of the same packages puts them in ``/usr/share/apertium``, the
default.) The two Apertium language pairs (GPL-3+ French data, GPL-2+/GPL-3+ pairs;
Hèctor Alòs i Font, Universitat d'Alacant, Prompsit and the Apertium contributors;
rule-based MT dictionaries, not derived from MyThes, Wiktionary, FreeDict/Ergane, WOLF or
the Open Multilingual Wordnet as far as their documentation says) each ship a French
morphological analyser, a French -> X and an X -> French bilingual dictionary and a
French generator, compiled (``.bin``); ``lt-proc`` reads them. The word list is
wordfreq's (3.1.1 gave the committed table). Writes ``tools/spin/build/apertium_thesaurus.json``
and the committed ``tools/spin/data/synonyms_apertium.json.gz`` (gzip, mtime 0).

How a paraphrase is found (bilingual pivoting, as in PPDB, but lemma-level and
inflecting):

1. the ``VOCABULARY`` most frequent French word forms of ``wordfreq`` are analysed by
   each pair's French analyser (lemma + tags; content classes only: noun, adjective,
   lexical verb, adverb);
2. each French lemma is translated (French -> X dictionary, all alternatives) and each
   X lemma met is translated back (X -> French, all alternatives);
3. two French lemmas of one class are paraphrases when they share an X lemma in some
   pair; a link's weight is the number of (pair, X lemma) it goes through;
4. the paraphrase lemma is put in the analysed form's inflection (same tags; for a noun,
   its own gender) by that pair's French generator, so ``mangeait`` gets ``dévorait``,
   not ``dévorer``.

Kept per form and class: at most ``TOP_K`` generated single words, not a form of the
head's lemma, ranked by link weight then alphabetically. The output has the MyThes
shape ``form -> [(pos, [synonyms])]`` so ``spinner.Spinner`` uses it unchanged.

    >>> parse_lu("^maisons/maison<n><f><pl>/maison<adj><mf><sg>$")
    ('maisons', [('maison', ('n', 'f', 'pl')), ('maison', ('adj', 'mf', 'sg'))])
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

APERTIUM_DIR = Path(os.environ.get("SPIN_APERTIUM_DIR", "/usr/share/apertium"))
OUT = Path(__file__).parent / "build" / "apertium_thesaurus.json"
#: Not used: apertium-fr-es (French-Spanish), GPL-2 only, which cannot be combined with
#: the GPL-3+ French data of the two others in one derived table.
#: (package folder, pivot language, French analyser, French -> X, X -> French, French generator)
PAIRS = (
    ("apertium-fra-cat", "cat", "fra-cat.automorf.bin", "fra-cat.autobil.bin",
     "cat-fra.autobil.bin", "cat-fra.autogen.bin"),
    ("apertium-oci-fra", "oci", "fra-oci.automorf.bin", "fra-oci.autobil.bin",
     "oci-fra.autobil.bin", "oci-fra.autogen.bin"),
)
#: French word forms analysed: the most frequent of wordfreq's French list.
VOCABULARY = 60_000
#: Paraphrases kept per form and class.
TOP_K = 8
#: Apertium class tag -> MyThes part-of-speech name (the spinner's sense labels).
POS_NAMES = {"n": "Nom", "adj": "Adjectif", "vblex": "Verbe", "adv": "Adverbe"}
#: Auxiliary and light verbs: a form that can be one of them is not spun (pivoting gives
#: est -> reste, ont -> jouent, pu -> brouté).
STOP_LEMMAS = frozenset("être avoir faire pouvoir devoir falloir aller".split())
#: Noun genders tried, the head's own first, when generating a paraphrase noun.
GENDERS = ("m", "f", "mf")
_FR_WORD = re.compile(r"^[a-zàâäéèêëîïôöùûüçœæ]+(?:-[a-zàâäéèêëîïôöùûüçœæ]+)*$")
_LU = re.compile(r"\^(.*?)\$", re.S)
_TAGS = re.compile(r"<([^<>]+)>")


def parse_lu(lu: str) -> tuple[str, list[tuple[str, tuple[str, ...]]]]:
    """One ``lt-proc`` lexical unit ``^surface/lemma<t1><t2>/…$`` -> (surface, analyses).

    Analyses are (lemma, tags); an unknown word (``*word``) has none.

    >>> parse_lu("^xyz/*xyz$")
    ('xyz', [])
    """
    body = lu.strip()
    if body.startswith("^"):
        body = body[1:]
    if body.endswith("$"):
        body = body[:-1]
    parts = body.split("/")
    out = []
    for a in parts[1:]:
        if a.startswith(("*", "@", "#")) or "<" not in a:
            continue
        lemma = a[: a.index("<")]
        out.append((lemma, tuple(_TAGS.findall(a[len(lemma):]))))
    return parts[0], out


def fmt(lemma: str, tags: tuple[str, ...]) -> str:
    """A lexical unit for ``lt-proc -b`` / ``-g``.

    >>> fmt("maison", ("n", "f", "pl"))
    '^maison<n><f><pl>$'
    """
    return "^" + lemma + "".join(f"<{t}>" for t in tags) + "$"


def lt_proc(args: list[str], lines: list[str]) -> list[str]:
    """Run ``lt-proc`` once on ``lines`` (one unit a line; null-flush keeps them aligned).

    Returns one output string per input line, e.g. (needs lttoolbox and the packages)
    ``lt_proc(["-g", "…/cat-fra.autogen.bin"], ["^demeure<n><f><pl>$"])`` gives
    ``["demeures"]`` and ``lt_proc(["…/fra-cat.automorf.bin"], ["maisons"])`` gives
    ``["^maisons/maison<n><f><pl>$"]``.
    """
    data = "".join(line + "\0" for line in lines).encode("utf-8")
    res = subprocess.run(["lt-proc", "-z", *args], input=data, capture_output=True, check=True)
    out = res.stdout.decode("utf-8").split("\0")
    while len(out) > len(lines) and out[-1] == "":  # lt-proc ends with an extra flush
        out.pop()
    if len(out) != len(lines):
        raise RuntimeError(f"lt-proc gave {len(out)} outputs for {len(lines)} inputs")
    return [o.strip() for o in out]


def vocabulary(n: int = VOCABULARY) -> list[str]:
    """The ``n`` most frequent French forms of wordfreq that are plain lowercase words.

    ``vocabulary(5)`` is ``['de', 'la', 'le', 'et', 'l']`` with wordfreq 3.1.1 (forms
    with digits, capitals or other signs are dropped, so a list can be shorter than ``n``).
    """
    import wordfreq

    return [w for w in wordfreq.top_n_list("fr", n) if _FR_WORD.match(w)]


def pair_links(folder: Path, pair: tuple, forms: list[str]):
    """One pair's analyses of ``forms`` and its French lemma <-> X lemma links.

    Returns ``(analyses, links)``: ``analyses[form] = [(lemma, tags)]`` (content classes)
    and ``links[(cls, x_lemma)] = {French lemmas}``; with the French-Catalan pair and the
    forms ``["voiture", "bagnole"]``: ``analyses["voiture"] == [("voiture", ("n", "f",
    "sg")), ("voiturer", ("vblex", "pri", "p3", "sg")), …]`` and
    ``links[("n", "cotxe")] == {"voiture", "bagnole"}``.
    """
    name, _lang, morf, fr_x, x_fr, _gen = pair
    folder = folder / name
    analyses: dict[str, list] = {}
    for form, out in zip(forms, lt_proc([str(folder / morf)], forms), strict=True):
        _s, an = parse_lu(out)
        keep = [(lem, tags) for lem, tags in an if tags and tags[0] in POS_NAMES
                and _FR_WORD.match(lem)]
        if keep and not any(lem in STOP_LEMMAS for lem, _t in an):
            analyses[form] = keep
    units = sorted({(lem, tags) for an in analyses.values() for lem, tags in an})
    links: dict[tuple, set] = defaultdict(set)
    x_units = set()
    outs = lt_proc(["-b", str(folder / fr_x)], [fmt(*u) for u in units])
    for (lem, tags), out in zip(units, outs, strict=True):
        _s, trans = parse_lu(out)
        for xl, xt in trans:
            if xt and xt[0] == tags[0] and " " not in xl and lem not in STOP_LEMMAS:
                links[(tags[0], xl)].add(lem)
                x_units.add((xl, xt))
    x_units_l = sorted(x_units)
    outs = lt_proc(["-b", str(folder / x_fr)], [fmt(*u) for u in x_units_l])
    for (xl, xt), out in zip(x_units_l, outs, strict=True):
        _s, back = parse_lu(out)
        for fl, ft in back:
            if ft and ft[0] == xt[0] and _FR_WORD.match(fl) and fl not in STOP_LEMMAS:
                links[(xt[0], xl)].add(fl)
    return analyses, links


def paraphrase_lemmas(all_links: list[dict]) -> dict[tuple[str, str], dict[str, int]]:
    """(class, French lemma) -> {paraphrase lemma: number of (pair, X lemma) links}.

    >>> paraphrase_lemmas([{("n", "casa"): {"maison", "demeure"}}])
    {('n', 'demeure'): {'maison': 1}, ('n', 'maison'): {'demeure': 1}}
    """
    out: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for links in all_links:
        for (cls, _x), group in links.items():
            for a in group:
                for b in group:
                    if a != b:
                        out[(cls, a)][b] += 1
    return {k: dict(sorted(v.items())) for k, v in sorted(out.items())}


def _gen_units(lemma: str, tags: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """The units to try when generating ``lemma`` in the inflection ``tags``.

    >>> _gen_units("demeure", ("n", "m", "pl"))
    [('demeure', ('n', 'm', 'pl')), ('demeure', ('n', 'f', 'pl')), ('demeure', ('n', 'mf', 'pl'))]
    """
    if tags[0] == "n" and len(tags) > 1 and tags[1] in GENDERS:
        order = [tags[1]] + [g for g in GENDERS if g != tags[1]]
        return [(lemma, (tags[0], g, *tags[2:])) for g in order]
    return [(lemma, tags)]


def build(folder: Path = APERTIUM_DIR, forms: list[str] | None = None) -> dict[str, list]:
    """The Apertium pivot thesaurus in MyThes shape (form -> [(pos, [forms])]).

    ``build(forms=["voiture", "bagnole"])["bagnole"] == [("Nom", ["voiture"])]`` (the
    committed table is ``build()``, the 60,000-form vocabulary).
    """
    forms = vocabulary() if forms is None else forms
    per_pair = [pair_links(folder, p, forms) for p in PAIRS]
    para = paraphrase_lemmas([links for _an, links in per_pair])
    # candidates: form -> class -> {generated form: weight}
    cands: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for pair, (analyses, _links) in zip(PAIRS, per_pair, strict=True):
        gen = folder / pair[0] / pair[5]
        todo = []  # (form, cls, weight, [units])
        for form, an in analyses.items():
            own = {lem for lem, _t in an}
            for lem, tags in an:
                for p, w in para.get((tags[0], lem), {}).items():
                    if p not in own:
                        todo.append((form, tags[0], w, _gen_units(p, tags)))
        units = sorted({u for *_x, us in todo for u in us})
        made = dict(zip(units, lt_proc(["-g", str(gen)], [fmt(*u) for u in units]), strict=True))
        for form, cls, w, us in todo:
            for u in us:
                g = made[u]
                if g and not g.startswith(("#", "*", "@")) and _FR_WORD.match(g) and g != form:
                    prev = cands[form][cls].get(g, 0)
                    cands[form][cls][g] = max(prev, w)
                    break
    out: dict[str, list] = {}
    for form in sorted(cands):
        senses = []
        for cls, pos in POS_NAMES.items():
            c = cands[form].get(cls)
            if c:
                ranked = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_K]
                senses.append((pos, [g for g, _w in ranked]))
        if senses:
            out[form] = senses
    return out


def main() -> None:
    th = build()
    OUT.parent.mkdir(exist_ok=True)
    body = json.dumps(th, ensure_ascii=False, sort_keys=True) + "\n"
    OUT.write_text(body, encoding="utf-8")
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    n_pairs = sum(len(s) for senses in th.values() for _p, s in senses)
    print(f"{len(th)} head forms, {n_pairs} pairs, sha256 {digest} -> {OUT}")
    gz = Path(__file__).parent / "data" / "synonyms_apertium.json.gz"
    gz.write_bytes(gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"gzip sha256 {hashlib.sha256(gz.read_bytes()).hexdigest()} -> {gz}")


if __name__ == "__main__":
    main()
