#!/usr/bin/env bash
# Downloads the Python codebases of the training data: the train/valid codebases pinned in
# scripts/training-codebases.tsv, then (unless --training-only) the held-out test codebases of scripts/codebases.tsv
# through scripts/fetch-codebases.sh. Each is a Debian package fetched with apt-get download (the machine's apt
# sources and proxies), unpacked with dpkg-deb -x, and its source folders copied to .work/codebases/<name>/
# (git-ignored). Idempotent: a codebase whose .fetched marker names the pinned package version is left alone.
#
#   scripts/fetch-training-codebases.sh                  # all 29 codebases
#   scripts/fetch-training-codebases.sh --training-only  # only scripts/training-codebases.tsv
#   scripts/fetch-training-codebases.sh rich trio pip    # some, from either manifest
#
# Needs apt-get and dpkg-deb (Debian or Ubuntu) with a current package index (apt-get update). A pinned version that
# the index no longer offers is an error: update the manifest rather than silently taking another version.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
manifest="$root/scripts/training-codebases.tsv"
eval_manifest="$root/scripts/codebases.tsv"

training_only=0
names=()
for a in "$@"; do
  case "$a" in
    --training-only) training_only=1 ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fetch-training-codebases: unknown option $a" >&2; exit 2 ;;
    *) names+=("$a") ;;
  esac
done


listed() { # name manifest: true if the manifest has a row for name
  awk -F'\t' -v n="$1" '$1 == n { found = 1 } END { exit !found }' "$2"
}
for n in "${names[@]+"${names[@]}"}"; do
  listed "$n" "$manifest" || listed "$n" "$eval_manifest" \
    || { echo "fetch-training-codebases: no codebase named $n in either manifest" >&2; exit 2; }
done


# check the manifest's splits first, then fetch with the shared fetcher
while IFS=$'\t' read -r name pkg version dirs split; do
  case "$name" in ''|'#'*) continue ;; esac
  case "$split" in train|valid) ;; *) echo "fetch-training-codebases: $name: split must be train or valid, got '$split'" >&2; exit 1 ;; esac
  if listed "$name" "$eval_manifest"; then
    echo "fetch-training-codebases: $name is an evaluation codebase (scripts/codebases.tsv); it may only be held-out test" >&2
    exit 1
  fi
done < "$manifest"
train_names=()
for n in "${names[@]+"${names[@]}"}"; do
  listed "$n" "$manifest" && train_names+=("$n")
done
if [ "${#names[@]}" -eq 0 ] || [ "${#train_names[@]}" -gt 0 ]; then
  FETCH_MANIFEST="$manifest" "$root/scripts/fetch-codebases.sh" "${train_names[@]+"${train_names[@]}"}"
fi


if [ "$training_only" -eq 0 ]; then
  eval_names=()
  for n in "${names[@]+"${names[@]}"}"; do
    listed "$n" "$eval_manifest" && eval_names+=("$n")
  done
  if [ "${#names[@]}" -eq 0 ] || [ "${#eval_names[@]}" -gt 0 ]; then
    "$root/scripts/fetch-codebases.sh" "${eval_names[@]+"${eval_names[@]}"}"
  fi
fi
