#!/usr/bin/env bash
# Lays out a runnable Ferret CLI in DIST_DIR: lib/ (the CLI jar and its runtime dependencies) and bin/ferret (a
# launcher that needs only a Java 22+ runtime). The container build runs this; it also runs here, outside Docker,
# which is how deploy/check.sh tests the image's layout without a Docker daemon.
#
# usage: deploy/assemble.sh DIST_DIR
# environment: SKIP_BUILD=1 uses the jars already in */target (after ./mvnw package or verify) instead of building
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dist=${1:?usage: deploy/assemble.sh DIST_DIR}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  "$root/mvnw" -q -B -DskipTests -f "$root/pom.xml" -pl cli -am package
fi
cli_jar=$(ls "$root"/cli/target/ferret-cli-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' -e '-tests' | head -1 || true)
[ -n "$cli_jar" ] || { echo "assemble: no cli/target/ferret-cli-*.jar (build first, or unset SKIP_BUILD)" >&2; exit 1; }
[ -f "$root/cli/target/classpath.txt" ] || { echo "assemble: no cli/target/classpath.txt (the cli module's package phase writes it)" >&2; exit 1; }

rm -rf "$dist"
mkdir -p "$dist/lib" "$dist/bin"
cp "$cli_jar" "$dist/lib/"
tr ':' '\n' < "$root/cli/target/classpath.txt" | while read -r jar || [ -n "$jar" ]; do
  [ -n "$jar" ] || continue
  [ -f "$jar" ] || { echo "assemble: $jar is on the classpath but is not a jar file (run the package phase)" >&2; exit 1; }
  cp "$jar" "$dist/lib/"
done

cat > "$dist/bin/ferret" <<'LAUNCHER'
#!/bin/sh
# Ferret CLI launcher (written by deploy/assemble.sh). JAVA_HOME or java on the PATH must be Java 22 or newer.
home=$(cd "$(dirname "$0")/.." && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xss4m ${FERRET_JAVA_OPTS:-} \
  -Dferret.home="$home" -cp "$home/lib/*" dev.ferret.cli.Main "$@"
LAUNCHER
chmod +x "$dist/bin/ferret"
echo "assembled $(ls "$dist/lib" | wc -l) jars and bin/ferret in $dist"
