"""Copy detection at scale: 100,000 documents with planted copies (recall, precision, MB/s, memory).

    .venv/bin/python benchmarks/bench_copies.py              # 100,000 documents
    .venv/bin/python benchmarks/bench_copies.py --n 20000    # smaller

Background documents are 8-12 random UD French sentences (``../shared/
corpora/fr-ud``; with ~5,000 sentences, unrelated documents often share a
sentence or two: harder than real news). Planted in the batch, each with
its own random source document: spun copies (careful 30 %, careful_freq
30 %, naive 30 %; held-out dictionary "V" of ``tools/spin``), plain copies
inside furniture lines of real pages, lightly edited copies. Signature
throughput is measured on the whole batch, single process, beside
``ftfy.fix_text(uncurl_quotes=False)`` on a sample (ratio), in wall-clock
time and in CPU time of this process (MB per CPU-second: the per-core
figure when the machine is shared). Memory is the
peak RSS of this process (texts included) and the size of the signature
matrices.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UD = ROOT.parent / "shared/corpora/fr-ud"
sys.path.insert(0, str(ROOT / "tools/copies"))

PLANTS = {  # kind -> how many (per 100,000 documents)
    "spun_careful_0.3": 1000,
    "spun_careful_freq_0.3": 300,
    "spun_naive_0.3": 300,
    "copy_furniture": 1000,
    "copy_edited": 300,
}
SEED = 7


def sentences() -> list[str]:
    """All UD French sentences of the shared corpus."""
    out = []
    for name in ("french-gsd.txt", "french-sequoia.txt"):
        for line in (UD / name).read_text(encoding="utf-8").splitlines():
            text = line.partition("\t")[2].strip()
            if len(text.split()) >= 5:
                out.append(text)
    return out


def build(n: int) -> tuple[list[str], list[str], dict[str, tuple[str, str]]]:
    """Texts, ids, and the planted pairs ``{copy id: (kind, source id)}``."""
    from build_eval import furnish, light_edit, make_spinners, read_pages

    rng = random.Random(SEED)
    pool = sentences()
    scale = n / 100_000
    plants = {k: max(1, round(v * scale)) for k, v in PLANTS.items()}
    n_background = n - sum(plants.values())
    texts = []
    for _ in range(n_background):
        k = rng.randint(8, 12)
        sents = rng.sample(pool, k)
        texts.append(" ".join(sents[:4]) + "\n" + " ".join(sents[4:]))
    ids = [f"d{i}" for i in range(n_background)]
    spinner = make_spinners()["V"]
    pages = read_pages()
    planted = {}
    sources = rng.sample(range(n_background), sum(plants.values()))
    for kind, count in plants.items():
        for _ in range(count):
            src = sources.pop()
            base = texts[src]
            if kind == "copy_furniture":
                text = furnish(base, rng.choice(pages), rng)
            elif kind == "copy_edited":
                text = light_edit(base, texts[rng.randrange(n_background)], rng)
            else:
                mode = kind.split("_", 1)[1].rsplit("_", 1)[0]
                text = spinner.spin(base, 0.3, mode, rng.randrange(1 << 30))[0]
            cid = f"c{len(planted)}"
            planted[cid] = (kind, ids[src])
            texts.append(text)
            ids.append(cid)
    order = list(range(len(texts)))
    rng.shuffle(order)
    return [texts[i] for i in order], [ids[i] for i in order], planted


def rss_mb() -> float:
    """Peak resident set size of this process so far (MB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="documents in the batch")
    args = ap.parse_args()
    import ftfy

    from cleannews.copies import link_signatures, signatures

    t0 = time.perf_counter()
    texts, ids, planted = build(args.n)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"batch: {len(texts)} documents, {mb:.1f} MB, {len(planted)} planted copies "
          f"(built in {time.perf_counter() - t0:.0f} s); peak RSS {rss_mb():.0f} MB")
    sample = texts[:3000]
    smb = sum(len(t.encode("utf-8")) for t in sample) / 1e6
    t0, c0 = time.perf_counter(), time.process_time()
    for t in sample:
        ftfy.fix_text(t, uncurl_quotes=False)
    ftfy_mbs = smb / (time.perf_counter() - t0)
    ftfy_cpu = smb / (time.process_time() - c0)
    signatures(sample)  # warm the token cache like a long run does
    t0, c0 = time.perf_counter(), time.process_time()
    sigs = signatures(texts)
    t_sig, c_sig = time.perf_counter() - t0, time.process_time() - c0
    sig_mb = len(sigs) * (sigs[0].skeleton.nbytes + sigs[0].words.nbytes) / 1e6
    print(f"signatures: {mb / t_sig:.1f} MB/s wall ({t_sig:.0f} s), {mb / c_sig:.1f} MB per "
          f"CPU-second; ftfy on a sample {ftfy_mbs:.1f} MB/s wall, {ftfy_cpu:.1f} MB per "
          f"CPU-second -> ratio {mb / t_sig / ftfy_mbs:.2f}x ftfy (wall), "
          f"{mb / c_sig / ftfy_cpu:.2f}x (CPU); signature matrices {sig_mb:.0f} MB")
    print(f"peak RSS before linking {rss_mb():.0f} MB")
    t0 = time.perf_counter()
    funnel: dict[str, int] = {}
    links = link_signatures(ids, sigs, texts.__getitem__, counts=funnel)
    t_link = time.perf_counter() - t0
    print(f"funnel: {funnel}")
    print(f"banding + verification: {t_link:.0f} s, {len(links)} links; "
          f"peak RSS {rss_mb():.0f} MB")
    found: dict[str, str] = {}
    direction_ok: dict[str, bool] = {}
    false_links = 0
    for li in links:
        pair = None
        for cid, other in ((li.a, li.b), (li.b, li.a)):
            if cid in planted and planted[cid][1] == other:
                pair = cid
        if pair is None:
            false_links += 1
            continue
        found[pair] = li.kind
        if li.kind == "spun_copy":
            direction_ok[pair] = li.source == planted[pair][1]
    for li in links:
        if not any(c in planted and planted[c][1] == o for c, o in ((li.a, li.b), (li.b, li.a))):
            print(f"  false link: {li.kind} {li.a} {li.b} ({li.reason})")
    print(f"precision (all links): {(len(links) - false_links) / max(1, len(links)):.4f} "
          f"({false_links} false links)")
    print(f"{'kind':24} {'n':>5} {'found':>6} {'kind_ok':>7} {'direction':>9}")
    for kind in PLANTS:
        ps = [c for c, (k, _s) in planted.items() if k == kind]
        expected = "copy" if kind.startswith("copy") else "spun_copy"
        f = sum(c in found for c in ps) / len(ps)
        ok = sum(found.get(c) == expected for c in ps) / len(ps)
        dirs = [direction_ok[c] for c in ps if c in direction_ok]
        d = f"{sum(dirs) / len(dirs):.3f}" if dirs else "-"
        print(f"{kind:24} {len(ps):5} {f:6.3f} {ok:7.3f} {d:>9}")


if __name__ == "__main__":
    main()
