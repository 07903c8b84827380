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

Pages added later on a held-out site that is in no list are reported and stay in no split
(``cleannews.evaluate.read_corpus`` calls them ``held``): a fourth list would be frozen by
extending this script, the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from common import MANIFESTS, ROOT, all_records, is_test_site

OUT = ROOT / "split.json"


def digest(ids: list[str]) -> str:
    """SHA-256 of a sorted id list joined by newlines (the form stored in split.json).

    >>> digest(["a", "b"]) == hashlib.sha256(b"a\\nb").hexdigest()
    True
    """
    return hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()


def main() -> None:
    recs = all_records(MANIFESTS)
    old = json.loads(OUT.read_text("utf-8")) if OUT.exists() else {}
    today = dt.date.today().isoformat()
    sites = sorted({r["site"] for r in recs})
    data = {
        "about": "site-level split of the real-page corpus, frozen before tuning "
        "(tools/strip_corpus/freeze_split.py); held-out = sites whose SHA-256 falls in "
        "3 tenths; test = first held-out list, test2 = second, test3 = third (fresh sites, "
        "issue 10)",
    }
    if "test_ids" in old:  # frozen: never recomputed
        for key in ("frozen", "test_sites", "test_ids", "test_ids_sha256"):
            data[key] = old[key]
    else:
        test_sites = sorted(s for s in sites if is_test_site(s))
        test_ids = sorted(r["id"] for r in recs if r["site"] in test_sites)
        data.update(frozen=today, test_sites=test_sites, test_ids=test_ids,
                    test_ids_sha256=digest(test_ids))
    if "test2_ids" in old:  # frozen: never recomputed
        for key in ("test2_frozen", "test2_sites", "test2_ids", "test2_ids_sha256"):
            data[key] = old[key]
    else:
        fresh = [r for r in recs if is_test_site(r["site"])
                 and r["id"] not in data["test_ids"] and r["site"] not in data["test_sites"]]
        if fresh:
            test2_ids = sorted(r["id"] for r in fresh)
            data.update(test2_frozen=today, test2_sites=sorted({r["site"] for r in fresh}),
                        test2_ids=test2_ids, test2_ids_sha256=digest(test2_ids))
    if "test3_ids" in old:  # frozen: never recomputed
        for key in ("test3_frozen", "test3_sites", "test3_ids", "test3_ids_sha256"):
            data[key] = old[key]
    elif "test2_ids" in data:
        earlier_ids = set(data["test_ids"]) | set(data["test2_ids"])
        earlier_sites = set(data["test_sites"]) | set(data["test2_sites"])
        fresh = [r for r in recs if is_test_site(r["site"])
                 and r["id"] not in earlier_ids and r["site"] not in earlier_sites]
        if fresh:
            test3_ids = sorted(r["id"] for r in fresh)
            data.update(test3_frozen=today, test3_sites=sorted({r["site"] for r in fresh}),
                        test3_ids=test3_ids, test3_ids_sha256=digest(test3_ids))
    frozen = set(data["test_ids"]) | set(data.get("test2_ids", [])) | set(data.get("test3_ids", []))
    held = sorted(r["id"] for r in recs if is_test_site(r["site"]) and r["id"] not in frozen)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    train = [r for r in recs if not is_test_site(r["site"])]
    print(f"{len(recs)} pages, {len(sites)} sites; train {len(train)} pages; "
          f"test {len(data['test_ids'])} pages ({len(data['test_sites'])} sites) "
          f"sha256 {data['test_ids_sha256']}")
    if "test2_ids" in data:
        print(f"test2 {len(data['test2_ids'])} pages ({len(data['test2_sites'])} sites) "
              f"frozen {data['test2_frozen']} sha256 {data['test2_ids_sha256']}")
    if "test3_ids" in data:
        print(f"test3 {len(data['test3_ids'])} pages ({len(data['test3_sites'])} sites) "
              f"frozen {data['test3_frozen']} sha256 {data['test3_ids_sha256']}")
    if held:
        print(f"WARNING: {len(held)} held-out-side pages in no frozen list: {held[:10]}")


if __name__ == "__main__":
    main()
