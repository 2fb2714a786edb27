#!/usr/bin/env bash
# Builds llama.cpp b4980 for the CPU (shared libraries, AVX2/FMA/F16C, no -march=native) from the git bundle
# inside the npm package node-llama-cpp@3.7.0, and installs it as
#   OUT_DIR/lib/libllama.so, libggml*.so    (RUNPATH $ORIGIN: they find each other)
#   OUT_DIR/bin/llama-bench, llama-speculative, llama-lookup, llama-cli
#   OUT_DIR/include/*.h, OUT_DIR/BUILD-INFO.txt, OUT_DIR/build-info.json
# so that Ferret can use it instead of the bundled b4916 libjllama.so:
#   FERRET_LLAMA_LIBRARY=OUT_DIR/lib/libllama.so
#
# With RPC=1 it builds, in a build tree of its own, the libraries with llama.cpp's RPC backend (-DGGML_RPC=ON:
# libggml-rpc.so, registered as "RPC") and OUT_DIR/bin/rpc-server only (none of the benchmark tools, so that CI
# can afford it); Ferret's --rpc host:port,... needs such a library.
#
# usage: native/scripts/build-cpu.sh [OUT_DIR]          (default OUT_DIR: <repo>/.work/llama-b4980-cpu,
#                                                         with RPC=1 <repo>/.work/llama-b4980-cpu-rpc)
# environment: LLAMA_SRC_CACHE (default <repo>/.work/llama-src), LLAMA_BUNDLE (pre-fetched bundle or .tgz;
#              then npm is not used), JOBS (default 2), FORCE=1 (rebuild even when OUT_DIR is current),
#              RPC=1 (add the RPC backend and rpc-server)
# Idempotent: each step (download, checkout, configure+build, install) is skipped or incremental when done.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/llama-build-common.sh"

RPC=${RPC:-0}
case "$RPC" in 0|1) ;; *) die "RPC must be 0 or 1, got '$RPC'" ;; esac
if [ "$RPC" = 1 ]; then
  OUT_DIR=$(abspath "${1:-$FERRET_ROOT/.work/llama-b4980-cpu-rpc}")
  BUILD_DIR="$LLAMA_SRC_CACHE/build-cpu-rpc"
  # rpc-server is an example target that CMake only defines when GGML_RPC is on
  LLAMA_TOOLS=(rpc-server)
else
  OUT_DIR=$(abspath "${1:-$FERRET_ROOT/.work/llama-b4980-cpu}")
  BUILD_DIR="$LLAMA_SRC_CACHE/build-cpu"
fi
JOBS=${JOBS:-2}

CMAKE_ARGS=(
  -DCMAKE_BUILD_TYPE=Release
  -DBUILD_SHARED_LIBS=ON
  -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
  -DLLAMA_CURL=OFF
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=ON -DLLAMA_BUILD_SERVER=OFF
  -DCMAKE_BUILD_WITH_INSTALL_RPATH=ON '-DCMAKE_INSTALL_RPATH=$ORIGIN;$ORIGIN/../lib'
)
if [ "$RPC" = 1 ]; then CMAKE_ARGS+=(-DGGML_RPC=ON); fi
CONFIG_ID="cpu-$LLAMA_EXPECTED_TAG-$(printf '%s\n' "${CMAKE_ARGS[@]}" | sha256sum | cut -c1-16)"

llama_require_tools cmake git tar
command -v "${CXX:-c++}" >/dev/null 2>&1 || command -v g++ >/dev/null 2>&1 || die "no C++ compiler found"

llama_exit_if_current "$OUT_DIR" "$CONFIG_ID"

start=$(date +%s)
llama_get_bundle 1
llama_checkout
mkdir -p "$BUILD_DIR"
llama_build "$BUILD_DIR" "$JOBS" "${CMAKE_ARGS[@]}"
log "installing into $OUT_DIR"
llama_install "$BUILD_DIR" "$OUT_DIR"
llama_check_runpath "$OUT_DIR"
secs=$(( $(date +%s) - start ))
llama_write_info "$OUT_DIR" "$CONFIG_ID" "$secs" "${CMAKE_ARGS[@]}"
log "done in ${secs}s"
if [ -x "$OUT_DIR/bin/llama-cli" ]; then
  "$OUT_DIR/bin/llama-cli" --version 2>&1 | sed 's/^/  llama-cli --version: /' >&2 || true
fi
llama_print_paths "$OUT_DIR"
