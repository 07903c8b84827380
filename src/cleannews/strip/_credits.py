"""Paywall panels around a removed login line (issue 10, strip-cap8).

A second rule of the branch, ``printed_twice`` (the second of two identical lines of 12–40
words), was withdrawn at the merge: on the held-out TEST split it removed two Italian content
lines (docs/strip-history.md, "Held-out figures after the eighth round").

On pages of new sites the rule files leave furniture whose evidence is not in the
line's own words but in what stands next to it:

* :func:`paywall_panel`: the lines of a subscription panel around a line a ``login`` rule
  removed ("Cet article est réservé aux abonnés" / "Découvrez la suite, 1€ pour 1 mois (sans
  engagement)"): a standing line right next to it (blank lines between do not count) that
  holds a paywall phrase of the data files (``paywall_panel_phrases``: "sans engagement",
  "votre formule", "mot de passe", "je m'abonne" …) goes, and the panel grows line by line.

:func:`paywall_panel` runs once after the rules and the block score, before the
position-based passes (context, menus, tail teasers), which see its removals. It reads no
site's strings:
the panel's anchor is a rule of the data files and its phrases are interface wording shared
by sites (French first, the five rule languages). Figures and what was tried:
``docs/strip-history.md`` (branch strip-cap8); tests: ``tests/test_strip_credits8.py``.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from cleannews.strip._assemble import BAD, GOOD

__all__ = ["page_hits", "paywall_blocks", "paywall_panel"]


#: :func:`paywall_panel`: a panel line has at most this many words (a paywall's offer or
#: prompt; the article's paragraphs above a paywall are longer or hold no paywall phrase).
PANEL_MAX_WORDS = 30
#: A run of panel lines with no login or paywall line removed by a rule goes when it holds
#: at least this many of them (two lines about a price may be the article's) ...
PANEL_RUN_MIN = 3
#: ... with at least this many different phrases among them (three prices of a fact box,
#: one phrase each time, stay).
PANEL_RUN_PHRASES = 2
#: A panel line that reads like an article sentence holds at least this many different
#: phrases.
PANEL_GOOD_PHRASES = 2
#: A panel line holding one offer phrase and no prompt has at most this many words ("Accès
#: 1 jour", "1 month for 1 €"; a headline "L'abonnement passe à 13,49 € par mois" is longer).
PANEL_OFFER_MAX_WORDS = 6

#: Rule kinds (``category`` in the data files) whose removal anchors a panel …
PANEL_ANCHOR_KINDS = frozenset({"login", "paywall"})
#: … and removals by code that do too: a subscription prompt of the rule files' words
#: (:func:`cleannews.strip._widgets.prompt_lines`, branch recall25).
PANEL_ANCHOR_RULES = frozenset({"subscribe_prompt_words"})

#: Data-file key of the paywall phrases (regular expressions, one per phrase family) ...
PANEL_KEY = "paywall_panel_phrases"
#: ... of the offer phrases (:class:`PanelPhrases`) ...
OFFER_KEY = "paywall_offer_phrases"
#: ... and of the keywords of both (:class:`PanelPhrases`).
KEYWORDS_KEY = "paywall_panel_keywords"


def paywall_blocks(lines, matched: list, languages: tuple[str, ...]) -> None:
    """Run :func:`paywall_panel` with the paywall phrases of ``languages``' rule files.

    ``lines``: the detectors' lines; ``matched``: the rule each line matched (or None).
    """
    phrases = panel_phrases(tuple(languages))
    if phrases is not None:
        paywall_panel(lines, matched, phrases)


def _panel_anchor(ln, rule) -> str | None:
    """The name of the removal that makes ``ln`` a panel's anchor: a rule of a
    :data:`PANEL_ANCHOR_KINDS` kind (a paywall notice, a login prompt) or a detector of
    :data:`PANEL_ANCHOR_RULES` (a subscription prompt); ``None``: no anchor."""
    if ln.cls != BAD:
        return None
    if rule is not None and rule.category in PANEL_ANCHOR_KINDS:
        return rule.name
    if ln.removal is not None and ln.removal.rule in PANEL_ANCHOR_RULES:
        return ln.removal.rule
    return None


def paywall_panel(lines, matched: list, phrases: PanelPhrases) -> None:
    """Remove a subscription panel: paywall phrases in a run of lines around a login line.

    A *panel line* is a standing line of at most :data:`PANEL_MAX_WORDS` words, not
    protected, that holds a paywall phrase of the data files (``phrases``); a line that reads
    like an article sentence (class ``good``: long enough, with function words) must hold
    two different ones ("Choisissez votre formule et créez votre compte …"), so that "Le
    prix de l'abonnement passera à 75 € par mois." under a "Réservé aux abonnés" badge stays;
    a line whose only phrase is an *offer* phrase (a price per month, "subscribers") has at
    most :data:`PANEL_OFFER_MAX_WORDS` words ("Accès 1 jour"), so that a headline
    "L'abonnement Netflix passe à 13,49 € par mois" next to a badge stays.
    A run is a stretch of non-blank lines each of which is a panel line or a line removed
    already (blank lines do not break it; any other line ends it). The panel lines of a run
    go when the run holds a line removed by a ``login`` or ``paywall`` rule (the anchor), or
    at least :data:`PANEL_RUN_MIN` panel lines with :data:`PANEL_RUN_PHRASES` different
    phrases among them (a panel no rule recognised: "Pour lire la suite de cet article" /
    "Vous êtes déjà abonné? Connexion" / "Accès 1 jour"; three prices of a fact box stay).

        >>> from cleannews.strip.detectors import _Line
        >>> from cleannews.strip._rules import Rule
        >>> login = Rule("paywall_notice", "login", "line", "paywall", ())
        >>> page = [_Line(t, frozenset()) for t in (
        ...     "Le conseil municipal a voté le budget.", "Cet article est réservé aux abonnés",
        ...     "Découvrez la suite, 1€ pour 1 mois (sans engagement)", "Le fil info")]
        >>> page[1].bad("paywall_notice", "paywall")
        >>> paywall_panel(page, [None, login, None, None], panel_phrases(("fr",)))
        >>> [ln.removal.rule if ln.removal else None for ln in page]
        [None, 'paywall_notice', 'paywall_panel', None]
    """
    panel = page_hits(lines, phrases)
    if not panel:
        return  # no panel line: every run is of removed lines, which _take_panel leaves
    run: list[int] = []
    found: set[int] = set()
    anchor = None
    for i in range(len(lines) + 1):
        ln = lines[i] if i < len(lines) else None
        if ln is not None and ln.blank:
            continue
        if ln is not None and ln.cls == BAD:
            run.append(i)
            if anchor is None:
                anchor = _panel_anchor(ln, matched[i])
            continue
        hits = panel.get(i)
        if hits:
            run.append(i)
            found |= hits
            continue
        if run:
            _take_panel(lines, run, anchor, len(found))
            run, found, anchor = [], set(), None


def page_hits(lines, phrases: PanelPhrases) -> dict[int, frozenset[int]]:
    """The panel lines of a page and their phrases (:func:`_panel_hits` of every standing
    line, as :func:`paywall_panel` used to ask it line by line; branch perf8).

    A keyword of :class:`PanelPhrases` that is on no line of the page cannot gate any of
    them: the keywords are looked up once in the page's candidate lines joined (a keyword
    holds no line break, so it is found in the joined text only inside one line), and
    each line is then searched for the few keywords the page has. A page with none of
    them (most pages) costs one join and one look-up per keyword. ``paywall_panel``
    changes only lines above the one it reads, so reading every line first is the same.

        >>> from cleannews.strip.detectors import _Line
        >>> page = [_Line(t, frozenset()) for t in (
        ...     "Le conseil municipal a voté le budget.", "",
        ...     "Découvrez la suite, 1€ pour 1 mois (sans engagement)")]
        >>> sorted(page_hits(page, panel_phrases(("fr",))))
        [2]
    """
    cands = [
        i for i, ln in enumerate(lines)
        if not ln.blank and ln.cls != BAD and not ln.protected and ln.n <= PANEL_MAX_WORDS
    ]
    if not cands:
        return {}
    present = present_keywords([lines[i].low for i in cands], phrases.keywords)
    if not present:
        return {}
    out = {}
    for i in cands:
        hits = _panel_hits(lines[i], phrases, present)
        if hits:
            out[i] = hits
    return out


#: :func:`present_keywords` joins at most about this many characters at a time (the
#: strip stage's ``detectors.LOW_BLOCK_CHARS``).
KEYWORD_BLOCK_CHARS = 1 << 16


def present_keywords(
    lows: list[str], keywords: tuple[str, ...], block_chars: int = KEYWORD_BLOCK_CHARS
) -> tuple[str, ...]:
    """The keywords (in their order, repeats kept) that occur in ``"\n".join(lows)``.

    No keyword holds a line break, so one occurs in the joined text exactly when it occurs
    in one of ``lows``: the lines are joined block by block (whole lines, about
    ``block_chars`` characters a block; one block for most pages), each block searched for
    the keywords not found yet. The joined text of a whole long page was its strip stage's
    peak of memory (one more copy of the page; perf20).

        >>> present_keywords(["se connecter", "", "abonnez-vous"], ("abonn", "xyz", "connect"), 5)
        ('abonn', 'connect')
    """
    todo = list(dict.fromkeys(keywords))
    found: set[str] = set()
    if not lows:
        lows = [""]  # the joined text of no line is "" (which holds the empty keyword)
    start, n = 0, len(lows)
    while start < n and todo:
        end, size = start + 1, len(lows[start])
        while end < n and size + len(lows[end]) < block_chars:
            size += len(lows[end]) + 1
            end += 1
        part = "\n".join(lows[start:end])
        hit = [k for k in todo if k in part]
        if hit:
            found.update(hit)
            todo = [k for k in todo if k not in found]
        start = end
    return tuple(k for k in keywords if k in found)


def _panel_hits(ln, phrases: PanelPhrases, keywords: tuple[str, ...] | None = None
                ) -> frozenset[int]:
    """The paywall phrases of a panel line (empty: not a panel line; see
    :func:`paywall_panel`). ``keywords``: the gate's keywords (default: all of them; a
    subset holding every keyword the line holds gives the same answer)."""
    if ln.protected or ln.n > PANEL_MAX_WORDS:
        return frozenset()
    hits = phrases.hits(ln.low, keywords)
    if not hits:
        return hits
    if ln.cls == GOOD and len(hits) < PANEL_GOOD_PHRASES:
        return frozenset()
    if hits <= phrases.offer and len(hits) < 2 and ln.n > PANEL_OFFER_MAX_WORDS:
        return frozenset()  # "L'abonnement passe à 13,49 € par mois": a headline's words
    return hits


def _take_panel(lines, run: list[int], anchor: str | None, phrases: int) -> None:
    """Remove the standing lines of ``run`` when it is a panel (see :func:`paywall_panel`)."""
    standing = [i for i in run if lines[i].cls != BAD]
    if not standing:
        return
    if anchor is None and (len(standing) < PANEL_RUN_MIN or phrases < PANEL_RUN_PHRASES):
        return
    why = (
        f"beside a paywall or login line ({anchor} removed it)"
        if anchor
        else f"in a run of {len(standing)} such lines"
    )
    for i in standing:
        lines[i].bad("paywall_panel", f"subscription offer or login prompt {why}")


class PanelPhrases:
    """The paywall phrases of some rule files: :meth:`hits` says which of them a line holds
    (their indices); :attr:`offer` the indices of the *offer* phrases (data key
    :data:`OFFER_KEY`: a price per month, "subscribers", "accès illimité" — words an article
    may use too), the others being *prompts* addressed to the reader (:data:`PANEL_KEY`:
    "abonnez-vous", "déjà abonné ?", "sign in", "jederzeit kündbar").

    ``keywords`` (data key :data:`KEYWORDS_KEY`): literal fragments one of which every
    phrase's match holds, a speed gate like the rule files' ``requires`` — a line holding
    none of them is not searched (an alternation of ~60 phrases led by ``\\b`` cost about
    50 µs a line; most lines hold no keyword).
    """

    __slots__ = ("_each", "keywords", "offer", "patterns")

    def __init__(self, prompts: list[str], offers: list[str], keywords: list[str]) -> None:
        self.patterns = (*prompts, *offers)
        self.offer = frozenset(range(len(prompts), len(self.patterns)))
        self.keywords = tuple(dict.fromkeys(k.casefold() for k in keywords))
        if any("\n" in k for k in self.keywords):  # page_hits joins lines with a line break
            raise ValueError("a paywall keyword holds a line break")
        self._each: list[regex.Pattern] | None = None  # compiled when a line first needs them

    @property
    def each(self) -> list[regex.Pattern]:
        """The phrases compiled (case-insensitive)."""
        if self._each is None:
            self._each = [regex.compile(p, regex.IGNORECASE | regex.V0) for p in self.patterns]
        return self._each

    def hits(self, low: str, keywords: tuple[str, ...] | None = None) -> frozenset[int]:
        """Indices of the phrases found in ``low`` (a line's case-folded text); ``keywords``:
        the gate's keywords to look for (default :attr:`keywords`; :func:`page_hits` passes
        those of the page)."""
        if not any(k in low for k in (self.keywords if keywords is None else keywords)):
            return frozenset()
        return self.which(low)

    def which(self, low: str) -> frozenset[int]:
        """Indices of the phrases found in ``low``, without the keyword gate."""
        return frozenset(k for k, p in enumerate(self.each) if p.search(low))


@lru_cache(maxsize=16)
def panel_phrases(languages: tuple[str, ...]) -> PanelPhrases | None:
    """The paywall phrases (:data:`PANEL_KEY`) of the rule files of ``languages`` (None: no
    phrase), matched case-insensitively against a line's case-folded text.

        >>> ph = panel_phrases(("fr",))
        >>> sorted(ph.which("découvrez la suite, 1€ pour 1 mois (sans engagement)")) != []
        True
        >>> len(ph.which("découvrez la suite, 1€ pour 1 mois (sans engagement)"))
        2
        >>> ph.which("le conseil a voté le budget")
        frozenset()
    """
    from cleannews.strip._rules import _rule_file

    prompts: list[str] = []
    offers: list[str] = []
    keywords: list[str] = []
    for lang in languages:
        try:
            data = _rule_file(lang)
        except FileNotFoundError:
            continue
        prompts.extend(data.get(PANEL_KEY, ()))
        offers.extend(data.get(OFFER_KEY, ()))
        keywords.extend(data.get(KEYWORDS_KEY, ()))
    return PanelPhrases(prompts, offers, keywords) if prompts or offers else None
