"""Stress pages for content protection: real TRAIN content blocks next to other sites' furniture.

    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.stress            # summary
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.stress --lost     # + every lost line
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.stress --json out.json
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.stress --no-guards  # before them
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.stress --train-loso # TRAIN, loso
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.stress --dialogue GITDIR

**Development data only**: every line comes from the TRAIN split of ``fixtures/strip_real``
(:func:`cleannews.evaluate.read_corpus` with ``("train",)``: no test / test2 page is read)
and from the labelled seeds (``fixtures/strip/seed_000``, ``001``, ``002``, ``004``). A
figure measured here is a development figure (the rules and models were tuned on these
pages).

Each page is drawn by a ``random.Random(seed)`` (the same pages every run), labels kept:

* ``article`` pages: one TRAIN page's (or seed's) content lines in their order, its own
  furniture left out, and real furniture *runs* (consecutive furniture lines of one page)
  of **other sites** put before it, after it and between some of its blocks;
* ``shape`` pages: one block of an article shape that TRAIN shows rarely (:data:`SHAPES`:
  a subheading, a bullet list, a line-up / list of names, interview speaker lines and
  one-word replies, quotes, short paragraphs, datelines, table rows, "Label : value"
  lines), with another site's
  furniture right before and right after it, in its own article (:data:`OWN_HOST_P`) or
  in another article of its language.

``--train-loso`` measures the TRAIN pages themselves, each judged without the rule
patterns that fire on its own site alone (:mod:`tools.strip_model.rule_support`: as a new
site meets the rules; the models are the shipped ones, trained on these pages), through the
strip stage's own functions. ``--no-guards`` switches off the give-back guards of
:mod:`cleannews.strip._keep` (the figures before them).

``--dialogue GITDIR`` reads prose dialogue from a local git checkout of FreDraCor
(https://github.com/dracor-org/fredracor, CC BY-NC-SA 4.0: read in place, nothing of it is
stored here) and puts 60 blocks of 6-8 speeches (a speaker line, "GUIGNOL.", then the
reply) three times each into French TRAIN articles between other sites' furniture: the
speaker lines and replies of a transcript, a shape TRAIN does not show.

Every content line carries its shape (:func:`line_shape`); lost content lines are counted
by the rule of the ``Change`` that removed them, by shape and by position against the
article's body (:func:`body_positions`: before it, inside it, after its last paragraph); the
furniture removed is counted too (a guard's cost).
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ("seed_000", "seed_001", "seed_002", "seed_004")
#: the generator's default seed and page counts
SEED = 20261208
ARTICLE_PAGES = 300
SHAPE_PAGES = 600
#: furniture lines longer than this are left out (whole paywall / cookie paragraphs)
FURNITURE_MAX_CHARS = 300
#: at most this many lines of one furniture run are used
RUN_MAX_LINES = 6
#: a content block of one shape has at most this many lines
BLOCK_MAX_LINES = 8
#: chance that an article page's gap between two content blocks gets furniture
GAP_FURNITURE_P = 0.35
#: chance that a shape page shows its block in its own article (else in another article)
OWN_HOST_P = 0.7
#: chance that a furniture run is drawn from pages of the article's own language
SAME_LANG_P = 0.8

SHAPES = (
    "subheading", "bullet", "names", "speaker", "reply", "quote", "dateline",
    "table", "label_value", "short_para",
)

_BULLET = regex.compile(r"^\s*(?:[-–—•*·▪►✓→]\s|\d{1,2}[.)]\s)")
_SPEAKER = regex.compile(
    r"^\s*(?:[-–—]\s*)?(?:Q|R|A|F|[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3})\s*:\s*\S"
)
_SPEAKER_ALONE = regex.compile(r"^\s*[\p{Lu}][\p{L}.'’ -]{1,40}\s*:\s*$")
_QUOTE = regex.compile(r"^\s*[«“\"„‹]|[»”\"“]\s*$")
_DATELINE = regex.compile(
    r"^\s*(?:[\p{Lu}][\p{Lu}\p{Pd} ]{2,30}\s*(?:\([^)]{1,30}\)\s*)?[-–—:]|"
    r"(?:\p{L}+\s+)?\d{1,2}[./ ]\s*(?:\d{1,2}|\p{L}{3,9})[./ ]\s*\d{2,4}\b)"
)
_NAME = r"[\p{Lu}][\p{L}.'’-]+(?:\s+(?:de|da|van|von|di|del|le|la|[\p{Lu}][\p{L}.'’-]+)){0,3}"
_NAMES = regex.compile(
    rf"^\s*(?:[\p{{L}} ]{{1,25}}:\s*)?{_NAME}(?:\s*[,;/–-]\s*{_NAME}){{2,}}\.?\s*$"
)
_NAME_ALONE = regex.compile(rf"^\s*{_NAME}\s*(?:\([^)]{{1,30}}\))?\s*$")
_TABLE = regex.compile(r"\t|\s\|\s|(?:\d[\d.,:]*\s+){2,}\S|\d+\s*[-–:]\s*\d+")
_LABEL_VALUE = regex.compile(r"^\s*[\p{L}][\p{L} '’]{1,30}\s*:\s*\S.{0,60}$")
_END = regex.compile(r"[.!?…»\"”)]\s*$")
_WORDS = regex.compile(r"\w+")


def line_shape(text: str, prev: str = "", nxt: str = "", first: bool = False) -> str:
    """The article shape of one content line (its neighbours' texts help), for the counts.

    >>> line_shape("Le gardien : Lloris, Maignan, Areola")
    'names'
    >>> line_shape("Oui.")
    'reply'
    >>> line_shape("Une usine ferme", nxt="La direction a annoncé lundi la fermeture de son site.")
    'subheading'
    """
    t = text.strip()
    n = len(_WORDS.findall(t))
    if first:
        return "headline"
    if _BULLET.match(t):
        return "bullet"
    if n <= 3 and regex.search(r"[.!?]\s*$", t) and not (
        n > 1 and _NAME_ALONE.match(t.rstrip(".!? "))
    ):
        return "reply"
    if _SPEAKER_ALONE.match(t) or (_SPEAKER.match(t) and n > 6):
        return "speaker"
    if _NAMES.match(t) or (n <= 4 and _NAME_ALONE.match(t) and (
        _NAME_ALONE.match(prev.strip()) or _NAME_ALONE.match(nxt.strip()))):
        return "names"
    if n <= 40 and _DATELINE.match(t):
        return "dateline"
    if n <= 25 and _TABLE.search(t) and sum(c.isdigit() for c in t) >= 3:
        return "table"
    if _QUOTE.search(t):
        return "quote"
    if n <= 14 and _LABEL_VALUE.match(t):
        return "label_value"
    if n <= 14 and not _END.search(t):
        return "subheading"
    if n <= 30:
        return "short_para"
    return "paragraph"


@dataclass
class Line:
    """One line of a stress page: ``shape`` is a content shape or ``"furniture:<kind>"``."""

    text: str
    content: bool
    shape: str
    source: str  # page id it came from


@dataclass
class Source:
    """One source page: its id, site, language, content lines (with shapes), furniture runs."""

    pid: str
    site: str
    lang: str
    content: list[Line] = field(default_factory=list)
    blocks: list[list[Line]] = field(default_factory=list)  # content runs (between furniture)
    furniture: list[list[Line]] = field(default_factory=list)  # furniture runs
    ends_page: bool = False  # the page's last line is content (often cut by the store)


def _source(pid: str, site: str, lang: str, labelled, *, glued_whole: bool = False) -> Source:
    """A page's lines as a stress source. A content line with glued furniture bracketed ``⟦…⟧``
    is left out, but with ``glued_whole`` (the TRAIN pages, whose glued furniture is bracketed
    since round 32, GUIDELINE rule 5): there it enters whole, as it did before the brackets, so
    the stress set keeps its draw (docs/strip-history.md, "Glued furniture bracketed in the TRAIN
    pages and counted as furniture units (issue 10, round 33)").

    >>> from cleannews.evaluate import Labelled
    >>> lab = [Labelled("C", "Titre"),
    ...        Labelled("C", "Texte. Lire la suite", "Texte.", [" Lire la suite"])]
    >>> [x.text for x in _source("p", "s", "fr", lab).content]
    ['Titre']
    >>> [x.text for x in _source("p", "s", "fr", lab, glued_whole=True).content]
    ['Titre', 'Texte. Lire la suite']
    """
    src = Source(pid, site, lang)
    runs: list[tuple[bool, list]] = []
    for lb in labelled:
        if not lb.text.strip() or (lb.glued and not glued_whole):
            continue
        c = lb.content
        if runs and runs[-1][0] == c:
            runs[-1][1].append(lb)
        else:
            runs.append((c, [lb]))
    texts = [lb.text.strip() for c, r in runs if c for lb in r]
    src.ends_page = bool(runs) and runs[-1][0]
    k = 0
    for c, r in runs:
        if not c:
            fr = [Line(lb.text.strip(), False, f"furniture:{lb.label}", pid) for lb in r
                  if len(lb.text) <= FURNITURE_MAX_CHARS]
            if fr:
                src.furniture.append(fr[:RUN_MAX_LINES])
            continue
        block = []
        for _ in r:
            prev = texts[k - 1] if k else ""
            nxt = texts[k + 1] if k + 1 < len(texts) else ""
            shape = line_shape(texts[k], prev, nxt, k == 0)
            if src.ends_page and k == len(texts) - 1 and k and not _END.search(texts[k]):
                shape = "cut"  # the stored page stops inside this line
            block.append(Line(texts[k], True, shape, pid))
            k += 1
        src.content += block
        src.blocks.append(block)
    return src


def read_sources() -> list[Source]:
    """The TRAIN pages of ``fixtures/strip_real`` and the labelled seeds, as :class:`Source`."""
    from cleannews.evaluate import read_corpus, read_fixture

    out = []
    for rec, _, labelled in read_corpus(ROOT / "fixtures" / "strip_real", ("train",)):
        assert rec["split"] == "train"
        out.append(_source(rec["id"], rec["site"], rec["lang"], labelled, glued_whole=True))
    for name in SEEDS:
        _, labelled, _ = read_fixture(ROOT / "fixtures" / "strip" / f"{name}.txt")
        out.append(_source(name, f"seed:{name}", "fr", labelled))
    return out


def _furniture_run(rng: random.Random, sources: list[Source], site: str, lang: str) -> list[Line]:
    """A real furniture run of a page of another site (mostly of the same language)."""
    pool = [s for s in sources if s.furniture and s.site != site]
    same = [s for s in pool if s.lang == lang]
    src = rng.choice(same if same and rng.random() < SAME_LANG_P else pool)
    run = rng.choice(src.furniture)
    if len(run) > 1 and rng.random() < 0.5:
        a = rng.randrange(len(run))
        run = run[a : a + rng.randint(1, len(run) - a)]
    return list(run)


def article_page(rng: random.Random, sources: list[Source]) -> tuple[str, list[Line]]:
    """A source article in its order with other sites' furniture around and between its blocks."""
    src = rng.choice([s for s in sources if len(s.content) >= 3])
    lines: list[Line] = []
    lines += _furniture_run(rng, sources, src.site, src.lang)
    # gaps: the source's own block boundaries, and a few more inside long blocks
    for b, block in enumerate(src.blocks):
        if b and rng.random() < max(GAP_FURNITURE_P, 0.7):
            lines += _furniture_run(rng, sources, src.site, src.lang)
        for j, ln in enumerate(block):
            if j and rng.random() < GAP_FURNITURE_P / 3:
                lines += _furniture_run(rng, sources, src.site, src.lang)
            lines.append(ln)
    if not src.ends_page:  # a page stored to its end: furniture under the article
        lines += _furniture_run(rng, sources, src.site, src.lang)
        if rng.random() < 0.5:
            lines += _furniture_run(rng, sources, src.site, src.lang)
    return src.pid, lines


def _shape_blocks(sources: list[Source]) -> dict[str, list[tuple[Source, list[Line]]]]:
    """shape -> runs of consecutive content lines of that shape (at most BLOCK_MAX_LINES)."""
    out: dict[str, list] = defaultdict(list)
    for s in sources:
        run: list[Line] = []
        for ln in [*s.content, Line("", True, "", "")]:
            key = ln.shape if ln.shape != "reply" else "speaker"  # Q/A runs stay together
            if run and (key != (run[-1].shape if run[-1].shape != "reply" else "speaker")):
                shape = run[0].shape if run[0].shape != "reply" else "speaker"
                if shape in SHAPES or shape == "speaker":
                    out[shape].append((s, run[:BLOCK_MAX_LINES]))
                if any(x.shape == "reply" for x in run):
                    out["reply"].append((s, run[:BLOCK_MAX_LINES]))
                run = []
            if ln.text and ln.shape != "cut":
                run.append(ln)
    return out


def shape_page(
    rng: random.Random, sources: list[Source], blocks: dict, shape: str
) -> tuple[str, list[Line]]:
    """One block of ``shape`` with another site's furniture right before and right after it,
    in its own article (:data:`OWN_HOST_P`) or in another article of its language at the
    start, the middle or the end of the body."""
    src, block = rng.choice(blocks[shape])
    if rng.random() < OWN_HOST_P:
        host = src
        body = [ln for ln in src.content if ln not in block]
        first = src.content.index(block[0])
        where = first if first else 1  # a block opening the page goes under the headline
    else:
        hosts = [s for s in sources if len(s.content) >= 3 and s.site != src.site]
        host = rng.choice([s for s in hosts if s.lang == src.lang] or hosts)
        body = list(host.content)
        where = rng.choice((1, max(1, len(body) // 2), len(body) - host.ends_page))
    lines = _furniture_run(rng, sources, host.site, host.lang) + body[:where]
    lines += _furniture_run(rng, sources, src.site, src.lang)
    lines += block
    lines += _furniture_run(rng, sources, src.site, src.lang)
    lines += body[where:]
    if not host.ends_page and (where < len(body) or rng.random() < 0.5):
        lines += _furniture_run(rng, sources, host.site, host.lang)
    return f"{host.pid}+{src.pid}:{shape}", lines


def stress_pages(
    seed: int = SEED, articles: int = ARTICLE_PAGES, shaped: int = SHAPE_PAGES,
    sources: list[Source] | None = None,
) -> list[tuple[str, str, list[Line]]]:
    """(page name, document, lines) of the stress set: ``articles`` article pages and
    ``shaped`` shape pages (shapes in turn), one separator per page (``\\n`` or ``\\n\\n``)."""
    rng = random.Random(seed)
    sources = sources if sources is not None else read_sources()
    blocks = _shape_blocks(sources)
    shapes = [s for s in SHAPES if blocks.get(s)]
    pages = []
    for _ in range(articles):
        pages.append(article_page(rng, sources))
    for k in range(shaped):
        pages.append(shape_page(rng, sources, blocks, shapes[k % len(shapes)]))
    out = []
    for name, lines in pages:
        sep = rng.choice(("\n", "\n\n"))
        out.append((name, sep.join(ln.text for ln in lines) + "\n", lines))
    return out


def judge(doc: str, lines: list[Line]) -> list[tuple[Line, str | None]]:
    """Each line of a stress page with the rule that removed it (None: kept), through
    :func:`cleannews.clean` (scoring and routing off), as the evaluator runs it."""
    import cleannews
    from cleannews.evaluate import removed_lines

    d = cleannews.clean(doc, cleannews.CleanConfig(score_spin=False, quarantine=False))
    gone = removed_lines(doc, d.changes)
    starts, pos = [], 0
    for x in doc.split("\n"):
        starts.append(pos)
        pos += len(x) + 1
    dels = sorted((c.span[0], c.span[1], c.rule) for c in d.changes if c.after == "")
    rule_at: dict[int, str] = {}
    for k, (s, x) in enumerate(zip(starts, doc.split("\n"), strict=True)):
        p = s + len(x) - len(x.lstrip())
        i = bisect.bisect_right(dels, (p, float("inf"), "")) - 1
        if i >= 0 and dels[i][0] <= p < dels[i][1]:
            rule_at[k] = dels[i][2]
    out, k, doc_lines = [], 0, doc.split("\n")
    for ln in lines:
        while doc_lines[k] != ln.text:
            k += 1
        out.append((ln, (rule_at.get(k) or "?") if gone[k] else None))
        k += 1
    return out


#: :func:`body_positions`: the shapes of the article's paragraphs (its body)
BODY_SHAPES = frozenset({"paragraph", "short_para"})


def body_positions(lines: list[Line]) -> list[str]:
    """Where each line of a stress page stands against the article's body (its first and
    last content line of a :data:`BODY_SHAPES` shape): ``"before"``, ``"inside"`` or
    ``"after"`` (the page's tail; round 40, tail55). A page without such a line reads its
    first and last content lines instead.

    >>> mk = lambda c, shape: Line("x", c, shape, "p")
    >>> body_positions([mk(True, "headline"), mk(True, "paragraph"), mk(False, "furniture:nav"),
    ...                 mk(True, "paragraph"), mk(True, "subheading")])
    ['before', 'inside', 'inside', 'inside', 'after']
    """
    content = [k for k, ln in enumerate(lines) if ln.content]
    body = [k for k in content if lines[k].shape in BODY_SHAPES] or content or [0]
    first, last = body[0], body[-1]
    return ["before" if k < first else "after" if k > last else "inside"
            for k in range(len(lines))]


def measure(pages) -> dict:
    """Counts over judged stress pages: content lost per rule and per shape, furniture removed."""
    lost_rule: Counter = Counter()
    lost_shape: Counter = Counter()
    shape_total: Counter = Counter()
    fur_total = fur_removed = content_total = 0
    lost = []
    for name, doc, lines in pages:
        judged = judge(doc, lines)
        where = body_positions([ln for ln, _ in judged])
        for k, (ln, rule) in enumerate(judged):
            if ln.content:
                content_total += 1
                shape_total[ln.shape] += 1
                if rule:
                    lost_rule[rule] += 1
                    lost_shape[ln.shape] += 1
                    lost.append({"page": name, "rule": rule, "shape": ln.shape,
                                 "source": ln.source, "text": ln.text[:110], "where": where[k]})
            else:
                fur_total += 1
                fur_removed += rule is not None
    return {
        "pages": len(pages), "content": content_total, "content_lost": len(lost),
        "lost_by_where": dict(Counter(x["where"] for x in lost).most_common()),
        "furniture": fur_total, "furniture_removed": fur_removed,
        "lost_by_rule": dict(lost_rule.most_common()),
        "lost_by_shape": {s: [lost_shape[s], shape_total[s]] for s, _ in shape_total.most_common()},
        "distinct_lost": len({(x["source"], x["text"]) for x in lost}),
        "lost": lost,
    }


def train_loso() -> dict:
    """TRAIN pages judged without their own site's rule patterns (then the models and the
    guards, as :func:`cleannews.strip.strip_text` runs them): content lost per rule, the
    furniture removed."""
    from cleannews.evaluate import read_corpus
    from cleannews.strip.detectors import plan_lines
    from tools.strip_model import train
    from tools.strip_model.rule_support import judge_without, own_site_patterns, pattern_support

    own = own_site_patterns(pattern_support(train.pages_train(with_fixtures=False, mode="served")))
    lost, by_rule = [], Counter()
    content = fur = fur_removed = 0
    for rec, doc, labelled in read_corpus(ROOT / "fixtures" / "strip_real", ("train",)):
        page = judge_without(doc, train.SERVING_CONFIG, own.get(rec["site"], set()))
        plan = plan_lines(doc, page.spans, page.lines, page.glued, page_stop=page.page_stop)
        for lb in labelled:
            if lb.line < 0 or not lb.text.strip():
                continue
            r = plan.get(lb.line)
            gone = r is not None and r.whole_line
            if lb.content:
                content += 1
                if gone:
                    by_rule[r.rule] += 1
                    lost.append({"source": rec["id"], "rule": r.rule, "text": lb.text[:110]})
            else:
                fur += 1
                fur_removed += gone
    return {"content": content, "content_lost": len(lost), "furniture": fur,
            "furniture_removed": fur_removed, "lost_by_rule": dict(by_rule.most_common()),
            "lost": lost}


DIALOGUE_BLOCKS = 60
_SP = regex.compile(r"<sp\b[^>]*>(.*?)</sp>", regex.DOTALL)
_TAG = regex.compile(r"<[^>]+>")


def _dialogue_blocks(gitdir: str, seed: int) -> list[list[tuple[str, str]]]:
    """Blocks of 6-8 (speaker, reply) pairs of prose plays of a FreDraCor git checkout."""
    import subprocess

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", gitdir, *args], capture_output=True, text=True,
                              check=True).stdout

    files = [f for f in git("ls-tree", "-r", "--name-only", "HEAD").split()
             if f.startswith("tei/") and f.endswith(".xml")]
    random.Random(seed).shuffle(files)

    def clean(t: str) -> str:
        return " ".join(_TAG.sub("", t).split())

    blocks = []
    for f in files:
        ex: list[tuple[str, str]] = []
        for sp in _SP.findall(git("show", f"HEAD:{f}")):
            m = regex.search(r"<speaker>(.*?)</speaker>", sp, regex.DOTALL)
            ps = regex.findall(r"<p\b[^>]*>(.*?)</p>", sp, regex.DOTALL)
            if not m or not ps or "<l" in sp:
                ex = []
                continue
            ex.append((clean(m.group(1)), clean(" ".join(ps))))
            if len(ex) >= 8:
                break
        if len(ex) >= 6:
            blocks.append(ex)
        if len(blocks) >= DIALOGUE_BLOCKS:
            break
    return blocks


def dialogue(gitdir: str, seed: int = SEED) -> dict:
    """Speaker lines and replies of FreDraCor dialogue in French TRAIN articles, between
    other sites' furniture: lines lost per (shape, rule)."""
    rng = random.Random(seed)
    sources = read_sources()
    hosts = [s for s in sources if s.lang == "fr" and len(s.content) >= 3]
    lost: Counter = Counter()
    total: Counter = Counter()
    for blk in _dialogue_blocks(gitdir, seed) * 3:
        host = rng.choice(hosts)
        lines = _furniture_run(rng, sources, host.site, "fr") + host.content[:2]
        lines += _furniture_run(rng, sources, host.site, "fr")
        for spk, txt in blk:
            lines += [Line(spk, True, "speaker", "dialogue"), Line(txt, True, "reply", "dialogue")]
        lines += _furniture_run(rng, sources, host.site, "fr") + host.content[2:]
        doc = rng.choice(("\n", "\n\n")).join(ln.text for ln in lines) + "\n"
        for ln, rule in judge(doc, lines):
            if ln.source == "dialogue":
                total[ln.shape] += 1
                if rule:
                    lost[f"{ln.shape}:{rule}"] += 1
    return {"lines": dict(total), "lost": dict(lost.most_common())}


def _no_guards() -> None:
    """Switch off :func:`cleannews.strip._keep.give_back` (the figures before the guards)."""
    from cleannews.strip import detectors

    detectors.give_back = lambda lines: None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--articles", type=int, default=ARTICLE_PAGES)
    ap.add_argument("--shaped", type=int, default=SHAPE_PAGES)
    ap.add_argument("--lost", action="store_true", help="print every lost content line")
    ap.add_argument("--json", help="write the figures and lost lines to this file")
    ap.add_argument("--no-guards", action="store_true", help="without the _keep guards")
    ap.add_argument("--dialogue", metavar="GITDIR", help="a FreDraCor git checkout")
    ap.add_argument("--train-loso", action="store_true",
                    help="TRAIN pages without their own site's rule patterns instead")
    args = ap.parse_args(argv)
    if args.no_guards:
        _no_guards()
    if args.dialogue:
        r = dialogue(args.dialogue, args.seed)
        print("FreDraCor dialogue in TRAIN articles (development data):", r["lines"])
        print("lost:", ", ".join(f"{k} {v}" for k, v in r["lost"].items()))
        return 0
    if args.train_loso:
        r = train_loso()
        print("TRAIN pages, each without its own site's rule patterns (development data):")
        print(f"content lost {r['content_lost']} / {r['content']}; "
              f"furniture removed {r['furniture_removed']} / {r['furniture']}")
        print("lost by rule:", ", ".join(f"{k} {v}" for k, v in r["lost_by_rule"].items()))
    else:
        r = measure(stress_pages(args.seed, args.articles, args.shaped))
        kept = 100 * (1 - r["content_lost"] / max(1, r["content"]))
        print(f"stress set (development data, TRAIN + seeds; seed {args.seed}): "
              f"{r['pages']} pages")
        print(f"content lost {r['content_lost']} / {r['content']} ({kept:.2f} % kept); "
              f"furniture removed {r['furniture_removed']} / {r['furniture']}; "
              f"{r['distinct_lost']} distinct lost lines")
        print("lost by rule:", ", ".join(f"{k} {v}" for k, v in r["lost_by_rule"].items()))
        print("lost by shape:",
              ", ".join(f"{k} {a}/{b}" for k, (a, b) in r["lost_by_shape"].items()))
        print("lost by position:", ", ".join(f"{k} {v}" for k, v in r["lost_by_where"].items()))
    if args.lost:
        for x in r["lost"]:
            print(f"  [{x['rule']}] ({x.get('shape', '')}, {x.get('where', '')}) "
                  f"{x['source']}: {x['text']}")
    if args.json:
        Path(args.json).write_text(json.dumps(r, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
