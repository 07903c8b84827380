"""Freeze the site-level train/test split of the real-page corpus.

    python tools/strip_corpus/freeze_split.py

Writes ``fixtures/strip_real/split.json``: the test sites (a deterministic
hash of the registered domain puts 3 sites in 10 in the test split), the test
page ids and the SHA-256 of that id list. Run once the pages are gathered and
before any rule or model is tuned on them; later pages of a known site keep
its side, new sites are assigned by the same hash, and the file records when
it was frozen.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from common import MANIFESTS, ROOT, all_records, is_test_site

OUT = ROOT / "split.json"


def main() -> None:
    recs = all_records(MANIFESTS)
    old = json.loads(OUT.read_text("utf-8")) if OUT.exists() else {}
    sites = sorted({r["site"] for r in recs})
    test_sites = sorted(set(old.get("test_sites", [])) | {s for s in sites if is_test_site(s)})
    test_ids = sorted(r["id"] for r in recs if r["site"] in test_sites)
    digest = hashlib.sha256("\n".join(test_ids).encode("utf-8")).hexdigest()
    data = {
        "about": "site-level split of the real-page corpus, frozen before tuning "
        "(tools/strip_corpus/freeze_split.py); test = sites whose SHA-256 falls in 3 tenths",
        "frozen": old.get("frozen", dt.date.today().isoformat()),
        "test_sites": test_sites,
        "test_ids": test_ids,
        "test_ids_sha256": digest,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(recs)} pages, {len(sites)} sites; test: {len(test_ids)} pages, "
          f"{len(test_sites)} sites; sha256 {digest}")


if __name__ == "__main__":
    main()
