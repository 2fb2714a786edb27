# Shared by build-cpu.sh and build-cuda.sh (sourced, not run). Gets llama.cpp b4980 from the git bundle
# that the npm package node-llama-cpp@3.7.0 ships (package/llama/gitRelease.bundle), checks it out into a
# cache folder, configures/builds it with CMake and installs the shared libraries and a few tools into
# OUT_DIR/lib and OUT_DIR/bin.
#
# Settings (environment):
#   LLAMA_SRC_CACHE  cache folder for the npm package, the bundle, the source and the build trees
#                    (default: <repo>/.work/llama-src, ignored by git)
#   LLAMA_BUNDLE     a gitRelease.bundle (or the node-llama-cpp-3.7.0.tgz holding it) fetched beforehand;
#                    when set, npm is not used at all (for machines without network)
#   JOBS             parallel build jobs
#   FORCE=1          rebuild and reinstall even if OUT_DIR already holds a matching build
#
# The bundle holds a single squashed commit, so the binaries report build number 1 and the bundle's own
# commit id instead of "b4980"; BUILD-INFO.txt in OUT_DIR records the tag next to that commit.

LLAMA_NPM_SPEC="node-llama-cpp@3.7.0"
LLAMA_EXPECTED_TAG="b4980"
FERRET_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LLAMA_SRC_CACHE=${LLAMA_SRC_CACHE:-$FERRET_ROOT/.work/llama-src}

# Shared libraries and tools that make up an install.
LLAMA_TOOLS=(llama-bench llama-speculative llama-lookup llama-cli)

log() { printf '[%s %s] %s\n' "$(basename "$0")" "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[%s] error: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

abspath() {
  # absolute path of $1, which need not exist yet
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s\n' "$PWD/$1" ;;
  esac
}

# Sets LLAMA_BUNDLE_FILE (the .bundle) and LLAMA_TAG. Uses $LLAMA_BUNDLE if given, else the cached copy,
# else `npm pack` (only when allow_npm=1).
llama_get_bundle() {
  local allow_npm=$1
  mkdir -p "$LLAMA_SRC_CACHE"
  local cached="$LLAMA_SRC_CACHE/gitRelease.bundle" info="$LLAMA_SRC_CACHE/llama.cpp.info.json"
  if [ -n "${LLAMA_BUNDLE:-}" ]; then
    [ -f "$LLAMA_BUNDLE" ] || die "LLAMA_BUNDLE=$LLAMA_BUNDLE does not exist"
    case "$LLAMA_BUNDLE" in
      *.tgz|*.tar.gz)
        log "extracting the bundle from $LLAMA_BUNDLE"
        llama_extract_from_tgz "$LLAMA_BUNDLE"
        LLAMA_BUNDLE_FILE=$cached ;;
      *)
        LLAMA_BUNDLE_FILE=$(abspath "$LLAMA_BUNDLE") ;;
    esac
  elif [ -s "$cached" ] && git bundle list-heads "$cached" >/dev/null 2>&1; then
    log "bundle already cached: $cached"
    LLAMA_BUNDLE_FILE=$cached
  else
    [ "$allow_npm" = 1 ] || die "no llama.cpp bundle: set LLAMA_BUNDLE=/path/to/gitRelease.bundle (or the node-llama-cpp-3.7.0.tgz); fetch it on a machine with network with: npm pack $LLAMA_NPM_SPEC"
    command -v npm >/dev/null 2>&1 || die "npm not found; install it or set LLAMA_BUNDLE"
    local npmdir="$LLAMA_SRC_CACHE/npm" tgz
    mkdir -p "$npmdir"
    tgz=$(find "$npmdir" -maxdepth 1 -name 'node-llama-cpp-3.7.0.tgz' -print -quit)
    if [ -z "$tgz" ]; then
      log "fetching $LLAMA_NPM_SPEC with npm pack (about 20 MB)"
      (cd "$npmdir" && npm pack --silent "$LLAMA_NPM_SPEC" >/dev/null)
      tgz="$npmdir/node-llama-cpp-3.7.0.tgz"
      [ -f "$tgz" ] || die "npm pack did not produce $tgz"
    else
      log "npm package already downloaded: $tgz"
    fi
    log "extracting package/llama/gitRelease.bundle"
    llama_extract_from_tgz "$tgz"
    LLAMA_BUNDLE_FILE=$cached
  fi
  git bundle list-heads "$LLAMA_BUNDLE_FILE" >/dev/null 2>&1 || die "$LLAMA_BUNDLE_FILE is not a git bundle"
  LLAMA_TAG=$LLAMA_EXPECTED_TAG
  local json=""
  [ -f "$(dirname "$LLAMA_BUNDLE_FILE")/llama.cpp.info.json" ] && json="$(dirname "$LLAMA_BUNDLE_FILE")/llama.cpp.info.json"
  [ -z "$json" ] && [ -f "$info" ] && json=$info
  if [ -n "$json" ]; then
    local t
    t=$(sed -n 's/.*"tag"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$json" | head -n 1)
    if [ -n "$t" ]; then
      LLAMA_TAG=$t
      [ "$t" = "$LLAMA_EXPECTED_TAG" ] || log "warning: the bundle is llama.cpp $t, not $LLAMA_EXPECTED_TAG"
    fi
  fi
}

llama_extract_from_tgz() {
  local tgz=$1 tmp
  tmp=$(mktemp -d "$LLAMA_SRC_CACHE/extract.XXXXXX")
  tar -xzf "$tgz" -C "$tmp" package/llama/gitRelease.bundle package/llama/llama.cpp.info.json \
    || { rm -rf "$tmp"; die "$tgz holds no package/llama/gitRelease.bundle"; }
  mv -f "$tmp/package/llama/llama.cpp.info.json" "$LLAMA_SRC_CACHE/llama.cpp.info.json"
  mv -f "$tmp/package/llama/gitRelease.bundle" "$LLAMA_SRC_CACHE/gitRelease.bundle"
  rm -rf "$tmp"
}

# Sets LLAMA_SRC_DIR and LLAMA_COMMIT: a clean checkout of the bundle's HEAD.
llama_checkout() {
  local head
  head=$(git bundle list-heads "$LLAMA_BUNDLE_FILE" | awk '$2 == "HEAD" { print $1; exit }')
  [ -n "$head" ] || head=$(git bundle list-heads "$LLAMA_BUNDLE_FILE" | awk 'NR == 1 { print $1 }')
  [ -n "$head" ] || die "cannot read the head commit of $LLAMA_BUNDLE_FILE"
  LLAMA_SRC_DIR="$LLAMA_SRC_CACHE/llama.cpp-$LLAMA_TAG"
  if [ -d "$LLAMA_SRC_DIR/.git" ] && [ "$(git -C "$LLAMA_SRC_DIR" rev-parse HEAD 2>/dev/null)" = "$head" ] \
     && [ -z "$(git -C "$LLAMA_SRC_DIR" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    log "source already checked out: $LLAMA_SRC_DIR (commit ${head:0:12})"
  else
    log "checking out llama.cpp $LLAMA_TAG (commit ${head:0:12}) into $LLAMA_SRC_DIR"
    [ -d "$LLAMA_SRC_DIR/.git" ] || { rm -rf "$LLAMA_SRC_DIR"; git init -q "$LLAMA_SRC_DIR"; }
    git -C "$LLAMA_SRC_DIR" fetch -q "$LLAMA_BUNDLE_FILE" "$head" 2>/dev/null \
      || git -C "$LLAMA_SRC_DIR" fetch -q "$LLAMA_BUNDLE_FILE" HEAD
    git -C "$LLAMA_SRC_DIR" -c advice.detachedHead=false checkout -q -f --detach "$head"
  fi
  LLAMA_COMMIT=$head
}

# True (0) when OUT_DIR already holds an install made with the same commit and CMake options.
llama_install_is_current() {
  local out=$1 config_id=$2 f
  [ "${FORCE:-0}" = 1 ] && return 1
  [ -f "$out/BUILD-INFO.txt" ] || return 1
  grep -qxF "config_id: $config_id" "$out/BUILD-INFO.txt" || return 1
  for f in "$out/lib/libllama.so" "${LLAMA_TOOLS[@]/#/$out/bin/}"; do
    [ -x "$f" ] || [ -f "$f" ] || return 1
  done
  return 0
}

# llama_exit_if_current OUT_DIR CONFIG_ID [EXTRA_FILE] : when OUT_DIR already holds this configuration (and
# EXTRA_FILE, if given, exists), say so, print its paths and exit 0; otherwise return.
llama_exit_if_current() {
  local out=$1 config_id=$2 extra=${3:-}
  llama_install_is_current "$out" "$config_id" || return 0
  [ -z "$extra" ] || [ -f "$extra" ] || return 0
  log "$out already holds this build (FORCE=1 to rebuild)"
  LLAMA_TAG=$(sed -n 's/^llama.cpp tag: //p' "$out/BUILD-INFO.txt")
  LLAMA_COMMIT=$(sed -n 's/^bundle commit: //p' "$out/BUILD-INFO.txt")
  llama_print_paths "$out"
  exit 0
}

# llama_require_tools TOOL... : die naming the first one not on the PATH
llama_require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found"
  done
}

# llama_build BUILD_DIR JOBS CMAKE_ARGS... : configure (every time: cheap, and picks up changed options)
# and build the library and the tools; make is incremental, so a second run only relinks what changed.
llama_build() {
  local build=$1 jobs=$2
  shift 2
  log "configuring: cmake -S $LLAMA_SRC_DIR -B $build $*"
  cmake -S "$LLAMA_SRC_DIR" -B "$build" "$@" >"$build.configure.log" 2>&1 \
    || { tail -n 40 "$build.configure.log" >&2; die "cmake configure failed (full log: $build.configure.log)"; }
  local targets=(llama ${LLAMA_EXTRA_TARGETS[@]+"${LLAMA_EXTRA_TARGETS[@]}"} "${LLAMA_TOOLS[@]}")
  log "building ${targets[*]} with $jobs jobs (log: $build.build.log)"
  if ! cmake --build "$build" --config Release -j "$jobs" --target "${targets[@]}" >"$build.build.log" 2>&1; then
    tail -n 40 "$build.build.log" >&2
    die "build failed (full log: $build.build.log)"
  fi
}

# llama_install BUILD_DIR OUT_DIR : copies lib*.so into OUT_DIR/lib, the tools into OUT_DIR/bin and the
# public headers into OUT_DIR/include. The build already carries RUNPATH $ORIGIN:$ORIGIN/../lib, so the
# copies find each other without LD_LIBRARY_PATH.
llama_install() {
  local build=$1 out=$2 f t
  mkdir -p "$out/lib" "$out/bin" "$out/include"
  rm -f "$out/lib/"lib*.so* "$out/BUILD-INFO.txt" "$out/build-info.json"
  local libs=()
  while IFS= read -r f; do libs+=("$f"); done < <(find "$build/bin" "$build/src" "$build/ggml/src" -maxdepth 2 -name 'lib*.so*' \( -type f -o -type l \) 2>/dev/null | sort -u)
  [ ${#libs[@]} -gt 0 ] || die "no shared libraries found under $build"
  for f in "${libs[@]}"; do
    [ -e "$out/lib/$(basename "$f")" ] || cp -P "$f" "$out/lib/"
  done
  [ -f "$out/lib/libllama.so" ] || die "libllama.so was not built"
  for t in "${LLAMA_TOOLS[@]}"; do
    [ -x "$build/bin/$t" ] || die "$t was not built"
    cp -f "$build/bin/$t" "$out/bin/"
  done
  cp -f "$LLAMA_SRC_DIR/include/llama.h" "$LLAMA_SRC_DIR/include/llama-cpp.h" "$out/include/" 2>/dev/null || true
  cp -f "$LLAMA_SRC_DIR"/ggml/include/*.h "$out/include/"
}

# llama_check_runpath OUT_DIR : every library and tool must resolve its llama/ggml dependencies inside
# OUT_DIR (ldd), and carry a RUNPATH starting at $ORIGIN.
llama_check_runpath() {
  local out=$1 f missing
  for f in "$out"/lib/lib*.so "$out"/bin/*; do
    [ -f "$f" ] || continue
    if command -v readelf >/dev/null 2>&1; then
      readelf -d "$f" | grep -Eq '(RUNPATH|RPATH).*\$ORIGIN' || die "$f has no \$ORIGIN RUNPATH"
    fi
    missing=$(ldd "$f" 2>/dev/null | grep -E 'lib(llama|ggml)[^ ]*\.so' | grep -v "$out/" || true)
    if [ -n "$missing" ]; then
      # libraries (like libcuda.so.1) that only exist on a GPU machine are fine; ours must come from OUT_DIR
      die "$f does not find its llama/ggml libraries in $out: $missing"
    fi
    # anything else unresolved (say libcublas.so) is worth a warning; libcuda.so.1 comes with the driver
    missing=$(ldd "$f" 2>/dev/null | grep 'not found' | grep -v 'libcuda\.so' || true)
    [ -z "$missing" ] || log "warning: $(basename "$f") has unresolved libraries here: $(echo $missing)"
  done
  log "RUNPATH check passed (libraries and tools find lib*.so in $out/lib)"
}

# llama_write_info OUT_DIR CONFIG_ID SECONDS CMAKE_ARGS... : BUILD-INFO.txt and build-info.json
llama_write_info() {
  local out=$1 config_id=$2 secs=$3
  shift 3
  local compiler
  compiler=$( (${CXX:-c++} --version 2>/dev/null || true) | head -n 1)
  {
    echo "llama.cpp tag: $LLAMA_TAG"
    echo "source: $LLAMA_NPM_SPEC package/llama/gitRelease.bundle (one squashed commit)"
    echo "bundle commit: $LLAMA_COMMIT"
    echo "note: the binaries report build number 1 and commit ${LLAMA_COMMIT:0:7} (the squashed bundle), which is $LLAMA_TAG"
    echo "built: $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -srm), $compiler"
    echo "seconds this run took (less when the build tree already existed): $secs"
    echo "cmake: $*"
    echo "config_id: $config_id"
  } >"$out/BUILD-INFO.txt"
  if command -v python3 >/dev/null 2>&1; then
    python3 - "$out/build-info.json" "$LLAMA_TAG" "$LLAMA_COMMIT" "$LLAMA_NPM_SPEC" "$secs" "$compiler" "$@" <<'EOF'
import json, sys, datetime
path, tag, commit, spec, secs, compiler, *cmake = sys.argv[1:]
json.dump({"tag": tag, "bundle_commit": commit, "source": spec + " package/llama/gitRelease.bundle",
           "built_utc": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
           "run_seconds": int(secs), "compiler": compiler, "cmake_args": cmake}, open(path, "w"), indent=2)
EOF
  fi
}

llama_print_paths() {
  local out=$1
  echo
  echo "llama.cpp $LLAMA_TAG (bundle commit ${LLAMA_COMMIT:-?}) installed in $out"
  echo "  library : $out/lib/libllama.so"
  echo "  tools   : $(printf '%s ' "${LLAMA_TOOLS[@]/#/$out/bin/}")"
  echo "  info    : $out/BUILD-INFO.txt"
  echo "use it from Ferret with:"
  echo "  export FERRET_LLAMA_LIBRARY=$out/lib/libllama.so"
}
