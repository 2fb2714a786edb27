#!/usr/bin/env bash
# Builds llama.cpp b4980 with CUDA (shared libraries) from the git bundle inside the npm package
# node-llama-cpp@3.7.0, for a machine with nvcc (CUDA 12.x recommended; b4980 predates CUDA 13) and cuBLAS,
# and possibly without network. Installs like build-cpu.sh:
#   OUT_DIR/lib/libllama.so, libggml*.so (incl. libggml-cuda.so), RUNPATH $ORIGIN + the CUDA library folder
#   OUT_DIR/bin/llama-bench, llama-speculative, llama-lookup, llama-cli
# and Ferret uses it with FERRET_LLAMA_LIBRARY=OUT_DIR/lib/libllama.so (offload with n_gpu_layers > 0;
# llama-bench: -ngl 99).
#
# usage: native/scripts/build-cuda.sh [OUT_DIR]        (default OUT_DIR: <repo>/.work/llama-b4980-cuda)
#
# Getting the source onto a machine without network: on a machine with network run
#   npm pack node-llama-cpp@3.7.0     (or native/scripts/build-cpu.sh, which caches the bundle)
# and carry either the .tgz or just package/llama/gitRelease.bundle (about 19 MB), then
#   LLAMA_BUNDLE=/path/to/gitRelease.bundle native/scripts/build-cuda.sh
# A cached bundle in $LLAMA_SRC_CACHE (default <repo>/.work/llama-src/gitRelease.bundle) is used as well.
# npm is only tried when ALLOW_NPM=1.
#
# environment:
#   CUDA_ARCH     CMAKE_CUDA_ARCHITECTURES (default 90 = H100/H200; e.g. "80;86;89;90")
#   CUDACXX       nvcc to use (default: nvcc on the PATH, else /usr/local/cuda/bin/nvcc)
#   BACKEND_DL=1  build ggml backends as loadable modules (GGML_BACKEND_DL): libggml-cuda.so and
#                 libggml-cpu.so are then not linked into libggml.so but loaded at run time. Ferret does
#                 that itself: with an override library it calls ggml_backend_load_all_from_path on the
#                 library's folder (OUT_DIR/lib) when it sees libggml-<backend>.so there. The llama.cpp tools
#                 search their own folder, so the modules are also linked into OUT_DIR/bin.
#                 Default 0: backends linked normally (Ferret's call then finds nothing new to load; harmless).
#   JOBS          parallel build jobs (default: nproc)
#   LLAMA_SRC_CACHE, LLAMA_BUNDLE, FORCE=1   as in build-cpu.sh
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/llama-build-common.sh"

OUT_DIR=$(abspath "${1:-$FERRET_ROOT/.work/llama-b4980-cuda}")
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 4)}
CUDA_ARCH=${CUDA_ARCH:-90}
BACKEND_DL=${BACKEND_DL:-0}
BUILD_DIR="$LLAMA_SRC_CACHE/build-cuda"
[ "$BACKEND_DL" = 1 ] && BUILD_DIR="$BUILD_DIR-dl"

llama_require_tools cmake git tar

# nvcc and the CUDA toolkit (cuBLAS is required by ggml-cuda)
NVCC=${CUDACXX:-}
if [ -z "$NVCC" ]; then
  if command -v nvcc >/dev/null 2>&1; then
    NVCC=$(command -v nvcc)
  elif [ -x /usr/local/cuda/bin/nvcc ]; then
    NVCC=/usr/local/cuda/bin/nvcc
  else
    die "nvcc not found: put the CUDA toolkit's bin folder on the PATH or set CUDACXX=/path/to/nvcc"
  fi
fi
[ -x "$NVCC" ] || die "CUDACXX=$NVCC is not executable"
# nvcc may be a wrapper (exec /usr/local/cuda-X/bin/nvcc "$@"): ask nvcc itself where its toolkit is
top=$("$NVCC" -dryrun -x cu /dev/null 2>&1 | sed -n 's/^#\$ TOP=//p' | head -n 1 || true)
if [ -n "$top" ] && [ -d "$top" ]; then
  CUDA_TOOLKIT_DIR=$(cd "$top" && pwd -P)
else
  CUDA_TOOLKIT_DIR=$(cd "$(dirname "$(readlink -f "$NVCC")")/.." && pwd -P)
fi
NVCC_REAL="$CUDA_TOOLKIT_DIR/bin/nvcc"
[ -x "$NVCC_REAL" ] || NVCC_REAL=$(readlink -f "$NVCC")
[ -f "$CUDA_TOOLKIT_DIR/include/cuda_runtime.h" ] || die "no include/cuda_runtime.h under $CUDA_TOOLKIT_DIR (the toolkit of $NVCC)"
CUDA_VERSION=$("$NVCC" --version | sed -n 's/.*release \([0-9][0-9.]*\).*/\1/p' | head -n 1)
log "nvcc: $NVCC_REAL (CUDA ${CUDA_VERSION:-?}, toolkit $CUDA_TOOLKIT_DIR), architectures: $CUDA_ARCH"
case "$CUDA_VERSION" in
  13.*|1[4-9].*) log "warning: CUDA $CUDA_VERSION is newer than llama.cpp b4980 (March 2025) was tested with; CUDA 12.x is the safe choice" ;;
esac
cublas=$(find "$CUDA_TOOLKIT_DIR" /usr/lib/x86_64-linux-gnu /usr/lib64 /usr/lib/aarch64-linux-gnu -maxdepth 4 -name 'libcublas.so*' -print -quit 2>/dev/null || true)
[ -n "$cublas" ] || die "cuBLAS (libcublas.so) not found next to $NVCC; ggml-cuda needs the full CUDA toolkit (cudart, cublas, cublasLt)"

# ggml-cuda links the driver library (libcuda.so, for its virtual-memory pool). A machine without a GPU driver,
# and a toolkit without lib64/stubs, has none: then link against a stub that only names the driver functions
# ggml-cuda calls (with the driver's soname), so the library can be built here and run where a driver is.
# The stub is never loaded at run time: the real libcuda.so.1 of the machine with the GPU is.
DRIVER_ARGS=()
driver=$(find "$CUDA_TOOLKIT_DIR" /usr/lib/x86_64-linux-gnu /usr/lib64 /usr/lib/aarch64-linux-gnu /usr/local/nvidia -maxdepth 4 \
  \( -name 'libcuda.so' -o -name 'libcuda.so.1' \) -print -quit 2>/dev/null || true)
if [ -z "$driver" ]; then
  stub_dir="$LLAMA_SRC_CACHE/cuda-driver-stub"
  mkdir -p "$stub_dir"
  syms=(cuDeviceGet cuDeviceGetAttribute cuGetErrorString cuMemAddressFree cuMemAddressReserve cuMemCreate
        cuMemGetAllocationGranularity cuMemMap cuMemRelease cuMemSetAccess cuMemUnmap)
  { for f in "${syms[@]}"; do printf 'int %s(void) { return 999; }\n' "$f"; done; } >"$stub_dir/stub.c"
  "${CC:-cc}" -shared -fPIC -Wl,-soname,libcuda.so.1 -o "$stub_dir/libcuda.so" "$stub_dir/stub.c" \
    || die "could not build the driver link stub"
  log "no CUDA driver library here: linking against a stub ($stub_dir/libcuda.so); the GPU machine's libcuda.so.1 is used at run time"
  # the tools link against libggml-cuda.so, whose driver symbols stay unresolved until run time
  DRIVER_ARGS=("-DCUDA_cuda_driver_LIBRARY=$stub_dir/libcuda.so" "-DCMAKE_EXE_LINKER_FLAGS=-Wl,--allow-shlib-undefined")
fi

CMAKE_ARGS=(
  -DCMAKE_BUILD_TYPE=Release
  -DBUILD_SHARED_LIBS=ON
  -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
  -DGGML_CUDA=ON "-DCMAKE_CUDA_ARCHITECTURES=$CUDA_ARCH" "-DCMAKE_CUDA_COMPILER=$NVCC_REAL"
  "-DCUDAToolkit_ROOT=$CUDA_TOOLKIT_DIR"
  -DLLAMA_CURL=OFF
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=ON -DLLAMA_BUILD_SERVER=OFF
  -DCMAKE_BUILD_WITH_INSTALL_RPATH=ON '-DCMAKE_INSTALL_RPATH=$ORIGIN;$ORIGIN/../lib'
  # keep the CUDA toolkit's library folder (cudart, cublas) in the RUNPATH: it is often not in ld.so.conf
  -DCMAKE_INSTALL_RPATH_USE_LINK_PATH=ON
)
CMAKE_ARGS+=(${DRIVER_ARGS[@]+"${DRIVER_ARGS[@]}"})
[ -n "${CUDAHOSTCXX:-}" ] && CMAKE_ARGS+=("-DCMAKE_CUDA_HOST_COMPILER=$CUDAHOSTCXX")
if [ "$BACKEND_DL" = 1 ]; then
  CMAKE_ARGS+=(-DGGML_BACKEND_DL=ON)
else
  CMAKE_ARGS+=(-DGGML_BACKEND_DL=OFF)
fi
LLAMA_EXTRA_TARGETS=(ggml-cuda ggml-cpu)
CONFIG_ID="cuda-$LLAMA_EXPECTED_TAG-$(printf '%s\n' "${CMAKE_ARGS[@]}" | sha256sum | cut -c1-16)"

llama_exit_if_current "$OUT_DIR" "$CONFIG_ID" "$OUT_DIR/lib/libggml-cuda.so"

start=$(date +%s)
llama_get_bundle "${ALLOW_NPM:-0}"
llama_checkout
mkdir -p "$BUILD_DIR"
llama_build "$BUILD_DIR" "$JOBS" "${CMAKE_ARGS[@]}"
log "installing into $OUT_DIR"
llama_install "$BUILD_DIR" "$OUT_DIR"
[ -f "$OUT_DIR/lib/libggml-cuda.so" ] || die "libggml-cuda.so was not built"
if [ "$BACKEND_DL" = 1 ]; then
  # the tools look for backend modules next to the executable (and in the working directory)
  for f in "$OUT_DIR"/lib/libggml-*.so; do
    case "$(basename "$f")" in libggml-base.so) continue ;; esac
    ln -sfn "../lib/$(basename "$f")" "$OUT_DIR/bin/$(basename "$f")"
  done
  log "backend modules (GGML_BACKEND_DL): $(cd "$OUT_DIR/lib" && ls libggml-*.so | grep -v base | tr '\n' ' ')"
  log "Ferret loads them with ggml_backend_load_all_from_path(\"$OUT_DIR/lib\") when FERRET_LLAMA_LIBRARY points there"
fi
llama_check_runpath "$OUT_DIR"
secs=$(( $(date +%s) - start ))
llama_write_info "$OUT_DIR" "$CONFIG_ID" "$secs" "${CMAKE_ARGS[@]}"
echo "cuda: $CUDA_VERSION ($NVCC_REAL), architectures $CUDA_ARCH, backend modules: $BACKEND_DL" >>"$OUT_DIR/BUILD-INFO.txt"
log "done in ${secs}s"
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
  "$OUT_DIR/bin/llama-cli" --list-devices 2>&1 | sed 's/^/  /' >&2 || true
else
  log "no GPU visible here (nvidia-smi); the build was not run"
fi
llama_print_paths "$OUT_DIR"
echo "  GPU benchmark: $OUT_DIR/bin/llama-bench -m MODEL.gguf -ngl 99 -p 128 -n 64 -r 5"
