"""Freeze the site-level train/test splits of the real-page corpus.

    python tools/strip_corpus/freeze_split.py

Writes ``fixtures/strip_real/split.json``. A deterministic hash of the registered
domain puts 3 sites in 10 on the held-out side (``common.is_test_site``); every page of
such a site belongs to exactly one frozen held-out list, every other page is TRAIN.

* ``test_ids`` (with ``test_sites``, ``test_ids_sha256``, ``frozen``): the first held-out
  list, frozen 2026-12-01 before any tuning. Once written it is never recomputed.
* ``test2_ids`` (with ``test2_sites``, ``test2_ids_sha256``, ``test2_frozen``): a second,
  fresh held-out list (issue 10), pages of *new* sites on the held-out side gathered after
  the first list had been looked at. Frozen the first time this script sees such pages;
  never recomputed either.

* ``test3_ids`` (with ``test3_sites``, ``test3_ids_sha256``, ``test3_frozen``): a third,
  fresh held-out list (issue 10, 2026-12-02), pages of held-out-side sites in neither earlier
  list, gathered after test had been looked at 16 times and test2 7 times. Frozen the first
  time this script sees such pages once test2 exists; never recomputed.
* ``test4_ids`` (with ``test4_sites``, ``test4_ids_sha256``, ``test4_frozen``): a fourth,
  fresh held-out list (issue 10, round 25, 2026-12-04), French pages of held-out-side sites
  in none of the three earlier lists, gathered after test, test2 and test3 had been looked at
  36, 27 and 21 times. Frozen the first time this script sees such pages once test3 exists;
  never recomputed.
* ``test5_ids`` (with ``test5_sites``, ``test5_ids_sha256``, ``test5_frozen``): a fifth,
  fresh held-out list (issue 10, round 34, 2026-12-05), pages of held-out-side sites in none
  of the four earlier lists (25 French, 16 de/es/it/en), gathered after test, test2, test3 and
  test4 had been looked at 48, 39, 33 and 13 times, frozen before anybody ran cleannews on
  them. Frozen the first time this script sees such pages once test4 exists; never
  recomputed.

Every later list follows one rule (:data:`LISTS`, :func:`fresh_list`): once the list before
it exists, the held-out-side pages whose id and site are in no earlier list. Pages added
later on a held-out site that is in no list are reported and stay in no split
(``cleannews.evaluate.read_corpus`` calls them ``held``): a fifth list is one more name in
:data:`LISTS` (and in ``cleannews.evaluate.HELD_OUT_LISTS``).

    >>> recs = [{"id": "fr-a-1", "site": "a.fr"}, {"id": "fr-t4-1", "site": "b.fr"}]
    >>> old = {"test_ids": ["fr-a-1"], "test_sites": ["a.fr"]}
    >>> fresh_list(recs, old, "test2", lambda site: True)
    ['fr-t4-1']
    >>> fresh_list(recs, dict(old, test2_ids=["fr-t4-1"], test2_sites=["b.fr"]), "test3",
    ...            lambda site: True)
    []
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from common import MANIFESTS, ROOT, all_records, is_test_site

OUT = ROOT / "split.json"
#: The frozen held-out lists after the first, in the order they were frozen: each is frozen
#: once, the first time this script sees fresh held-out-side pages while the list before it
#: exists (``cleannews.evaluate.HELD_OUT_LISTS`` reads the same names).
LISTS = ("test2", "test3", "test4", "test5")
#: The description written into a new split.json (an existing one keeps its own).
ABOUT = (
    "site-level split of the real-page corpus, frozen before tuning "
    "(tools/strip_corpus/freeze_split.py); held-out = sites whose SHA-256 falls in "
    "3 tenths; test = first held-out list, test2 = second, test3 = third, test4 = fourth, "
    "test5 = fifth (fresh sites, issue 10)"
)
#: The keys of one frozen list ``<name>`` in split.json (copied unchanged once written).
LIST_KEYS = ("{name}_frozen", "{name}_sites", "{name}_ids", "{name}_ids_sha256")


def digest(ids: list[str]) -> str:
    """SHA-256 of a sorted id list joined by newlines (the form stored in split.json).

    >>> digest(["a", "b"]) == hashlib.sha256(b"a\\nb").hexdigest()
    True
    """
    return hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()


def fresh_list(recs: list[dict], data: dict, name: str, held_out=is_test_site) -> list[str]:
    """Sorted ids of the pages a new list ``name`` would freeze: held-out-side pages (by
    ``held_out(site)``) whose id and site are in none of the lists already in ``data`` (``test``
    and every earlier name of :data:`LISTS`); the doctest of the module shows it.
    """
    earlier = ["test", *LISTS[: LISTS.index(name)]]
    ids = {i for prev in earlier for i in data.get(f"{prev}_ids", ())}
    sites = {s for prev in earlier for s in data.get(f"{prev}_sites", ())}
    return sorted(
        r["id"] for r in recs
        if held_out(r["site"]) and r["id"] not in ids and r["site"] not in sites
    )


def main() -> None:
    recs = all_records(MANIFESTS)
    old = json.loads(OUT.read_text("utf-8")) if OUT.exists() else {}
    today = dt.date.today().isoformat()
    sites = sorted({r["site"] for r in recs})
    # the description is kept as first written: freezing a later list changes no earlier key
    data = {"about": old.get("about", ABOUT)}
    if "test_ids" in old:  # frozen: never recomputed
        for key in ("frozen", "test_sites", "test_ids", "test_ids_sha256"):
            data[key] = old[key]
    else:
        test_sites = sorted(s for s in sites if is_test_site(s))
        test_ids = sorted(r["id"] for r in recs if r["site"] in test_sites)
        data.update(frozen=today, test_sites=test_sites, test_ids=test_ids,
                    test_ids_sha256=digest(test_ids))
    for i, name in enumerate(LISTS):
        keys = [k.format(name=name) for k in LIST_KEYS]
        if f"{name}_ids" in old:  # frozen: never recomputed
            for key in keys:
                data[key] = old[key]
            continue
        previous = LISTS[i - 1] if i else "test"
        if f"{previous}_ids" not in data:  # a list is frozen only once the one before exists
            break
        ids = fresh_list(recs, data, name)
        if ids:
            by_id = {r["id"]: r["site"] for r in recs}
            data.update({keys[0]: today, keys[1]: sorted({by_id[i] for i in ids}),
                         keys[2]: ids, keys[3]: digest(ids)})
    frozen = {i for name in ("test", *LISTS) for i in data.get(f"{name}_ids", ())}
    held = sorted(r["id"] for r in recs if is_test_site(r["site"]) and r["id"] not in frozen)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    train = [r for r in recs if not is_test_site(r["site"])]
    print(f"{len(recs)} pages, {len(sites)} sites; train {len(train)} pages; "
          f"test {len(data['test_ids'])} pages ({len(data['test_sites'])} sites) "
          f"sha256 {data['test_ids_sha256']}")
    for name in LISTS:
        if f"{name}_ids" in data:
            print(f"{name} {len(data[f'{name}_ids'])} pages ({len(data[f'{name}_sites'])} sites) "
                  f"frozen {data[f'{name}_frozen']} sha256 {data[f'{name}_ids_sha256']}")
    if held:
        print(f"WARNING: {len(held)} held-out-side pages in no frozen list: {held[:10]}")


if __name__ == "__main__":
    main()
