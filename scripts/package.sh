#!/usr/bin/env bash
# Makes the release tarball: one self-contained senguide binary (the Swift standard library
# and FoundationEssentials linked in statically), the guidance (Corpus/) and its index
# (Index/), the operators' README, DEPLOY.md with the nginx and systemd files, and the
# licence notices. The server it is unpacked on needs no Swift toolchain (docs/DEPLOY.md).
#
#   scripts/package.sh [OUT_DIR]          # default dist/; prints the tarball's path last
#
# Builds with its own scratch folder (SENGUIDE_PACKAGE_BUILD, default .build-package), so it
# never disturbs .build/. Build on the same Linux distribution (or an older one) as the
# servers: the binary links the system's libc, libm, libstdc++ and libgcc_s dynamically.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
scratch=${SENGUIDE_PACKAGE_BUILD:-.build-package}

swift build -c release --static-swift-stdlib --product senguide --scratch-path "$scratch" >&2
binary="$scratch/release/senguide"

# Refuse a binary that would need the toolchain on the server.
if ldd "$binary" | grep -q 'libswift\|libFoundation\|libdispatch'; then
    echo "package.sh: $binary links Swift libraries dynamically:" >&2
    ldd "$binary" >&2
    exit 1
fi

# The committed index must match the corpus, or the server would rebuild it in memory at
# every start (and say so); senguide index makes the same bytes from the same corpus.
check=$(mktemp -d)
trap 'rm -rf "$check"' EXIT
"$binary" index --corpus Corpus --out "$check/Index" >/dev/null 2>&1
if ! cmp -s "$check/Index/index.sgix" Index/index.sgix; then
    echo "package.sh: Index/ does not match Corpus/; run senguide index and commit both" >&2
    exit 1
fi

version=$("$binary" --version | awk '{print $2}')
name="senguide-$version-linux-$(uname -m)"
stage="$check/$name"
mkdir -p "$stage/deploy" "$stage/licences"
# Debug information is dropped; the symbol table stays, so perf and gdb still name functions.
strip --strip-debug -o "$stage/senguide" "$binary"
cp -R Corpus Index "$stage/"
cp deploy/README.md "$stage/README.md"
cp docs/DEPLOY.md "$stage/DEPLOY.md"
cp deploy/nginx-senguide.conf deploy/senguide@.service "$stage/deploy/"
cp deploy/NOTICES.md "$stage/licences/NOTICES.md"
cp Corpus/english-words.COPYING "$stage/licences/snowball-english-words.COPYING"
swift_licence=$(dirname "$(dirname "$(command -v swift)")")/share/swift/LICENSE.txt
if [[ ! -f $swift_licence ]]; then
    echo "package.sh: cannot find the Swift toolchain's LICENSE.txt (looked at $swift_licence)" >&2
    exit 1
fi
cp "$swift_licence" "$stage/licences/swift-LICENSE.txt"
git rev-parse HEAD >"$stage/COMMIT" 2>/dev/null || echo unknown >"$stage/COMMIT"

mkdir -p "$out"
tarball="$out/$name.tar.gz"
# Reproducible listing: sorted names, no owner, the commit's time on every file.
mtime=$(git log -1 --format=%cI 2>/dev/null || date -u +%Y-%m-%dT%H:%M:%SZ)
tar -C "$check" --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" \
    -czf "$tarball" "$name"
echo "package.sh: $(du -h "$stage/senguide" | cut -f1) binary, $(du -h "$tarball" | cut -f1) tarball" >&2
echo "$tarball"
