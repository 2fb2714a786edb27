# Sourced by ./mvnw and ./ferret: exports JAVA_HOME pointing at a JDK >= 22 (FFM is final there).
# Order: $JAVA_HOME if it is new enough, then the newest JDK >= 22 under /usr/lib/jvm (Linux)
# or /Library/Java/JavaVirtualMachines (macOS), then `java` on the PATH.

ferret_java_major() {
  # prints the feature version of the JDK at $1 (e.g. 25), or nothing
  local rel="$1/release"
  if [ -r "$rel" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel" | head -n 1
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}

ferret_find_jdk() {
  local min=22 cand major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(ferret_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for cand in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$cand/bin/javac" ] || continue
    major=$(ferret_java_major "$cand")
    [ -n "$major" ] || continue
    if [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then best="$cand"; best_major=$major; fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  if command -v javac >/dev/null 2>&1; then
    cand=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(ferret_java_major "$cand")
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then echo "$cand"; return 0; fi
  fi
  return 1
}

if FERRET_JDK=$(ferret_find_jdk); then
  export JAVA_HOME="$FERRET_JDK"
else
  echo "error: Ferret needs a JDK 22 or newer (for the Foreign Function & Memory API)." >&2
  echo "       None found in \$JAVA_HOME, /usr/lib/jvm or on the PATH." >&2
  echo "       Install one (e.g. Temurin 25: apt-get install temurin-25-jdk) or set JAVA_HOME to it." >&2
  exit 1
fi
