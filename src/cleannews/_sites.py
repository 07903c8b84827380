"""A host's registrable domain ("site"), from the Public Suffix List.

``bbc.co.uk``, ``annahar.com.lb``, ``quebec.qc.ca``, ``info.gouv.fr``: the part a
registrant owns is one label more than the *public suffix* (``co.uk``, ``com.lb``,
``qc.ca``, ``gouv.fr``). The suffixes of two labels or more come from the ICANN
section of the Public Suffix List, shipped in ``data/public_suffixes.txt`` (MPL-2.0;
rebuilt by ``python -m tools.sites.build_suffixes PSL_FILE``); a one-label suffix is
the list's default rule. Limits: the private section is left out (``x.blogspot.com``
and ``y.blogspot.com`` are one site, ``blogspot.com``), and the shipped copy ages
(a suffix added to the list after its version is read as a site).

>>> registrable_domain("news.bbc.co.uk"), registrable_domain("www.annahar.com.lb")
('bbc.co.uk', 'annahar.com.lb')
>>> registrable_domain("www.lemonde.fr"), registrable_domain("www.info.gouv.fr")
('lemonde.fr', 'info.gouv.fr')
>>> public_suffix("www.city.kawasaki.jp"), public_suffix("a.b.kawasaki.jp")
('kawasaki.jp', 'b.kawasaki.jp')
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["public_suffix", "registrable_domain"]


@lru_cache(maxsize=1)
def _rules() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(plain rules, wildcard parents, exceptions) of the shipped list."""
    text = resources.files("cleannews").joinpath("data/public_suffixes.txt").read_text("utf-8")
    plain, wild, exceptions = set(), set(), set()
    for line in text.splitlines():
        rule = line.strip()
        if not rule or rule.startswith("#"):
            continue
        if rule.startswith("!"):
            exceptions.add(rule[1:])
        elif rule.startswith("*."):
            wild.add(rule[2:])
        else:
            plain.add(rule)
    return frozenset(plain), frozenset(wild), frozenset(exceptions)


def _unicode_labels(labels: list[str]) -> list[str]:
    """Labels with their ``xn--`` (punycode) ones read back as Unicode, as the list writes them."""
    out = []
    for label in labels:
        if label.startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except (UnicodeError, ValueError):
                pass
        out.append(label)
    return out


def _suffix_labels(labels: list[str]) -> int:
    """How many of the last ``labels`` make the public suffix (at least 1)."""
    plain, wild, exceptions = _rules()
    names = _unicode_labels(labels)
    for i in range(len(names)):  # longest candidate first
        candidate = ".".join(names[i:])
        if candidate in exceptions:
            return len(names) - i - 1
        if candidate in plain or (i + 1 < len(names) and ".".join(names[i + 1:]) in wild):
            return len(names) - i
    return 1


def _labels(host: str) -> list[str] | None:
    host = host.strip().lower().rstrip(".")
    if not host or ":" in host or host.replace(".", "").isdigit():  # IPv6 / IPv4 address
        return None
    return host.split(".")


def public_suffix(host: str) -> str:
    """The public suffix of ``host`` (``co.uk`` of ``news.bbc.co.uk``)."""
    labels = _labels(host)
    if labels is None:
        return host
    return ".".join(labels[-_suffix_labels(labels):])


def registrable_domain(host: str) -> str:
    """``host`` cut to its registrable domain: its public suffix and one label more.

    A host that is a public suffix itself, or an IP address, comes back as it is
    (lower-cased, without a final dot).

    >>> registrable_domain("com.lb"), registrable_domain("192.0.2.1"), registrable_domain("X.Fr.")
    ('com.lb', '192.0.2.1', 'x.fr')
    """
    labels = _labels(host)
    if labels is None:
        return host
    n = _suffix_labels(labels) + 1
    return ".".join(labels[-n:])
