#!/usr/bin/env bash
# Runs Ferret's library modules and the CLI on the module path (issue 14 item 4), after ./mvnw package or verify:
#  1. every package of every Ferret jar is either exported by its module descriptor or listed in HIDDEN below
#     (a new package must be decided on: exported as API, or hidden on purpose);
#  2. a small modular program (scripts/module-path-check/) generates a model and runs a session and a LangChain4j
#     chat through the exported API, with native access granted to dev.ferret.llama only and denied elsewhere;
#  3. the CLI runs as module dev.ferret.cli (`ferret devices` loads the native library).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/java-home.sh"
cd "$root"
JAVA="$JAVA_HOME/bin/java"

# packages deliberately not exported, with why
HIDDEN=(
  dev.ferret.llama.internal     # raw downcall handles and struct layouts; the exported types check every call
  dev.ferret.engine.sampling    # a session's stop matching and UTF-8 decoding
  dev.ferret.cli                # commands, not an API
)
MODULES=(models native engine agent lab langchain4j server cli)

fail() { echo "module-path-check: $*" >&2; exit 1; }
jar_of() { ls "$root/$1"/target/ferret-"$1"-*.jar 2>/dev/null | grep -v -e '-tests\.jar' -e '-sources\.jar' -e '-javadoc\.jar' | head -1; }

for m in "${MODULES[@]}"; do
  j=$(jar_of "$m"); [ -n "$j" ] || fail "no $m/target/ferret-$m-*.jar: run ./mvnw package first"
  desc=$("$JAVA_HOME/bin/jar" --describe-module --file "$j")
  grep -q '^No module descriptor' <<<"$desc" && fail "$j has no module-info.class"
  classes=$("$JAVA_HOME/bin/jar" --list --file "$j" | grep '\.class$' || true)
  while read -r kind pkg _; do
    case "$kind" in
      contains)
        printf '%s\n' "${HIDDEN[@]}" | grep -qx "$pkg" && continue
        # a folder of resources only (read by the module's own classes) is a package to the module system too
        grep -q "^${pkg//.//}/[^/]*\.class$" <<<"$classes" || continue
        fail "package $pkg of $(head -1 <<<"$desc" | cut -d@ -f1) is neither exported nor listed as hidden in scripts/module-path-check.sh" ;;
    esac
  done <<<"$desc"
  # the JDK modules the classes use (jdeps) must be required: a missing one fails only when the code runs
  for jdk_module in $("$JAVA_HOME/bin/jdeps" --multi-release 25 -s --ignore-missing-deps "$root/$m/target/classes" \
                      | awk '{print $3}' | grep -E '^(java|jdk)\.' | grep -vx java.base | sort -u); do
    grep -Eq "^requires( transitive| static)* $jdk_module( |$)" <<<"$desc" \
      || fail "$m's classes use $jdk_module but its module-info.java does not require it"
  done
done
echo "packages: every package is exported or deliberately hidden (${HIDDEN[*]}); every JDK module used is required"

# the library through the langchain4j module's runtime path (it runs everything on its newer Jackson)
lc_cp=$(cat langchain4j/target/classpath.txt 2>/dev/null) || fail "no langchain4j/target/classpath.txt: run ./mvnw package first"
mp=$(jar_of langchain4j)
for entry in ${lc_cp//:/ }; do
  case "$entry" in */target/classes) m=${entry%/target/classes}; entry=$(jar_of "${m##*/}") ;; esac
  mp="$mp:$entry"
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$JAVA_HOME/bin/javac" -Xlint:all -Werror -Xlint:-requires-automatic --module-path "$mp" -d "$out/modcheck" \
  $(find scripts/module-path-check -name '*.java')
# langchain4j-core is an automatic module: it requires nothing, so its own dependencies (slf4j) must be added
"$JAVA" --module-path "$mp:$out/modcheck" --add-modules ALL-MODULE-PATH \
  --enable-native-access=dev.ferret.llama --illegal-native-access=deny -m dev.ferret.modcheck/dev.ferret.modcheck.ModulePathCheck

# the CLI as a module
cli_mp=$(jar_of cli):$(cat cli/target/classpath.txt)
devices=$("$JAVA" --module-path "$cli_mp" --enable-native-access=dev.ferret.llama --illegal-native-access=deny \
  -m dev.ferret.cli/dev.ferret.cli.Main devices)
grep -q '^CPU ' <<<"$devices" || { echo "$devices"; fail "ferret devices on the module path listed no CPU device"; }
# the bundled library's version comes from a resource of another module's jar
if grep -q 'llama-unknown' <<<"$devices"; then echo "$devices"; fail "on the module path the java-llama.cpp jar's version is unknown"; fi
echo "cli: ferret devices ran as module dev.ferret.cli"
