#!/usr/bin/env bash
# Packs what a GPU machine without network and without Java needs to run Ferret's device checks
# (bench/scripts/device-run.sh), into <repo>/.device/ (git-ignored):
#   jre.tar.xz        a Java runtime made with jlink from the JDK >= 22 that builds Ferret (only the modules Ferret uses)
#   lib/*.jar         Ferret's jars (cli, lab, agent, engine, native, models, bench) and their dependencies, except JMH and
#                     de.kherud:llama (its bundled CPU library is not used there: FERRET_LLAMA_LIBRARY points at the
#                     CUDA build)
#   llama-cuda.tar.xz the CUDA build of llama.cpp b4980 (native/scripts/build-cuda.sh): lib/ and bin/
#   extra/            anything given with EXTRA=dir1:dir2 (e.g. prepared training data), as extra/NAME.tar.xz
# and prints the total size: the device tool carries at most 64 MiB (working tree included).
#
# usage: bench/scripts/device-pack.sh            environment: CUDA_DIR (default .work/llama-b4980-cuda), EXTRA,
#        DRY_RUN=1 (allow a CPU build as CUDA_DIR: to test the whole path on a machine without a GPU)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
log() { printf '[device-pack %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[device-pack] error: %s\n' "$*" >&2; exit 1; }

CUDA_DIR=${CUDA_DIR:-$root/.work/llama-b4980-cuda}
out="$root/.device"
. "$root/scripts/java-home.sh"
[ -f "$CUDA_DIR/lib/libggml-cuda.so" ] || [ "${DRY_RUN:-0}" = 1 ] || die "no CUDA build in $CUDA_DIR (run native/scripts/build-cuda.sh first)"

log "building Ferret (cli and bench modules)"
(cd "$root" && ./mvnw -q -B -DskipTests -pl cli,bench -am package) || die "Maven build failed"
rm -rf "$out"
mkdir -p "$out/lib"
for cp in "$root/cli/target/classpath.txt" "$root/bench/target/classpath.txt"; do
  tr ":" "\n" <"$cp"; echo
done | sort -u | grep -v -e '/de/kherud/llama/' -e '/org/openjdk/jmh/' -e '/commons-math3/' -e '/jopt-simple/' | while read -r jar; do
  [ -n "$jar" ] && cp "$jar" "$out/lib/"
done
cp "$root/cli/target/"ferret-cli-*.jar "$root/bench/target/"ferret-bench-*.jar "$out/lib/"

log "making a Java runtime with jlink"
# uncompressed modules and no class-data archive: xz then packs it to about 13 MB (zip-9 inside gives 20). The modules:
# what `jdeps --print-module-deps` finds in Ferret's jars and their dependencies, less java.desktop and java.sql, which
# only optional paths of picocli and Jackson reach; jdk.management for the memory check before a context is made
"$JAVA_HOME/bin/jlink" --add-modules java.base,java.logging,java.management,jdk.management,jdk.unsupported \
  --strip-debug --no-header-files --no-man-pages --compress=zip-0 --output "$out/jre" >/dev/null
rm -f "$out"/jre/lib/server/classes*.jsa
(cd "$out" && tar cJf jre.tar.xz jre && rm -rf jre)

log "packing the CUDA build of llama.cpp"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/llama-cuda"
cp -a "$CUDA_DIR/lib" "$CUDA_DIR/bin" "$CUDA_DIR/BUILD-INFO.txt" "$stage/llama-cuda/"
rm -f "$stage/llama-cuda/bin/llama-cli"   # ferret devices lists the devices; every megabyte counts
# the libraries need OpenMP's runtime; carry the one they were linked with in case the GPU machine lacks it
gomp=$(ldd "$CUDA_DIR/lib/libggml-cpu.so" 2>/dev/null | awk '/libgomp/ { print $3 }')
[ -n "$gomp" ] && cp "$gomp" "$stage/llama-cuda/lib/"
strip --strip-unneeded "$stage"/llama-cuda/lib/*.so* "$stage"/llama-cuda/bin/* 2>/dev/null || true
(cd "$stage" && tar cJf "$out/llama-cuda.tar.xz" llama-cuda)

if [ -n "${EXTRA:-}" ]; then
  mkdir -p "$out/extra"
  IFS=: read -r -a extras <<<"$EXTRA"
  # xz: the call data's token ids (46 MB for 40,000 pairs, a vocabulary of 2,048 and one system turn repeated) pack
  # to about 1 MB; the device side (training/device_train.sh) unpacks NAME.tar.xz
  for e in "${extras[@]}"; do
    tar cf - -C "$(dirname "$e")" "$(basename "$e")" | xz -6 -T1 >"$out/extra/$(basename "$e").tar.xz"
  done
fi
tree_bytes=$(cd "$root" && git ls-files -z | xargs -0 du -cb | tail -n 1 | cut -f1)
pack_bytes=$(du -sb "$out" | cut -f1)
log "packed $(du -sh "$out" | cut -f1) into $out; with the tracked tree: $(( (tree_bytes + pack_bytes) >> 20 )) MiB (limit 64 MiB)"
[ $(( tree_bytes + pack_bytes )) -lt $(( 64 << 20 )) ] || die "too large for the device tool"
