#!/usr/bin/env bash
# Downloads the real Python codebases pinned in scripts/codebases.tsv as Debian packages (apt-get download, so the
# machine's configured apt sources and proxies are used), unpacks each with dpkg-deb -x and copies its source folders
# to .work/codebases/<name>/ (git-ignored). Idempotent: a codebase whose .fetched marker names the pinned package
# version is left alone. Give names as arguments to fetch only those.
#
#   scripts/fetch-codebases.sh            # all of them
#   scripts/fetch-codebases.sh pip mypy   # some
#   FETCH_MANIFEST=scripts/training-codebases.tsv scripts/fetch-codebases.sh   # another manifest (extra columns ignored)
#
# Needs apt-get and dpkg-deb (Debian or Ubuntu) with a current package index (apt-get update). A pinned version that
# the index no longer offers is an error: update the manifest rather than silently taking another version.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
manifest="${FETCH_MANIFEST:-$root/scripts/codebases.tsv}"
dest="$root/.work/codebases"
staging="$root/.work/debs"

for tool in apt-get dpkg-deb; do
  command -v "$tool" >/dev/null 2>&1 || { echo "fetch-codebases: $tool not found (Debian/Ubuntu needed)" >&2; exit 1; }
done
mkdir -p "$dest" "$staging"

wanted() {
  [ "$#" -eq 1 ] && return 0
  local name=$1; shift
  for n in "$@"; do [ "$n" = "$name" ] && return 0; done
  return 1
}

fetched=0 skipped=0 failed=()
while IFS=$'\t' read -r name pkg version dirs _rest; do
  case "$name" in ''|'#'*) continue ;; esac
  wanted "$name" "$@" || continue
  target="$dest/$name"
  if [ -f "$target/.fetched" ] && [ "$(cat "$target/.fetched")" = "$pkg=$version" ]; then
    echo "$name: up to date ($pkg $version)"
    skipped=$((skipped + 1))
    continue
  fi
  work="$staging/$name"
  rm -rf "$work" "$target.new"
  mkdir -p "$work/unpacked" "$target.new"
  echo "$name: downloading $pkg $version"
  if ! (cd "$work" && apt-get download -q "$pkg=$version" >/dev/null); then
    echo "fetch-codebases: cannot download $pkg=$version (run apt-get update, or pin the version apt-cache policy $pkg offers)" >&2
    rm -rf "$work" "$target.new"
    failed+=("$name")
    continue
  fi
  deb=$(find "$work" -maxdepth 1 -name '*.deb' | head -n 1)
  got=$(dpkg-deb -f "$deb" Version)
  [ "$got" = "$version" ] || { echo "fetch-codebases: $pkg: got version $got, pinned $version" >&2; exit 1; }
  dpkg-deb -x "$deb" "$work/unpacked"
  IFS=, read -r -a parts <<< "$dirs"
  for d in "${parts[@]}"; do
    [ -d "$work/unpacked/$d" ] || { echo "fetch-codebases: $pkg $version has no $d" >&2; exit 1; }
    cp -a "$work/unpacked/$d" "$target.new/"
  done
  echo "$pkg=$version" > "$target.new/.fetched"
  rm -rf "$target"
  mv "$target.new" "$target"
  rm -rf "$work"
  files=$(find "$target" -name '*.py' | wc -l)
  echo "$name: $files .py files in .work/codebases/$name"
  fetched=$((fetched + 1))
done < "$manifest"
echo "fetch-codebases: $fetched fetched, $skipped already there"
# a package the index does not offer at its pinned version leaves that codebase out, not the ones after it
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fetch-codebases: not fetched: ${failed[*]}" >&2
  exit 1
fi
