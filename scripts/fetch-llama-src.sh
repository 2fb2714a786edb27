#!/usr/bin/env bash
# Checks out llama.cpp b4980's source (no build) into .work/llama-src/llama.cpp-b4980 (git-ignored), from the git
# bundle inside the npm package node-llama-cpp@3.7.0, with the same steps and cache as native/scripts/build-*.sh.
# Ferret's chat-template tests read fixtures from it at test time: the Jinja templates in models/templates/ and
# the test cases of tests/test-chat-template.cpp and tests/test-chat.cpp. Nothing of it is committed.
#
# usage: scripts/fetch-llama-src.sh          prints the source folder on stdout
# environment: LLAMA_SRC_CACHE (default <repo>/.work/llama-src), LLAMA_BUNDLE (pre-fetched bundle or .tgz; then
#              npm is not used). Idempotent: a current checkout is left alone.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../native/scripts/llama-build-common.sh"

command -v git >/dev/null 2>&1 || die "git not found"
mkdir -p "$LLAMA_SRC_CACHE"
llama_get_bundle 1
llama_checkout
for f in tests/test-chat-template.cpp tests/test-chat.cpp models/templates/Qwen-Qwen2.5-7B-Instruct.jinja; do
  [ -f "$LLAMA_SRC_DIR/$f" ] || die "$LLAMA_SRC_DIR has no $f"
done
printf '%s\n' "$LLAMA_SRC_DIR"
