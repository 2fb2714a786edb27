#!/usr/bin/env bash
# Checks that train.py's PyTorch model and llama.cpp (through ./ferret generate) agree: exports a checkpoint to an
# F32 GGUF (and its LoRA, if given), decodes greedily with both from the same prompt, and compares the texts and
# the token ids (ferret prints text, so its ids are the text's tokenization; train.py prints its ids).
#
#   training/compare_greedy.sh CKPT_DIR [LORA_DIR]      (env: PROMPT, N=16, TYPE=F32, OUT=.work/train/compare, DATA=.work/train/data)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
ckpt=${1:?usage: compare_greedy.sh CKPT_DIR [LORA_DIR]}
lora=${2:-}
prompt=${PROMPT:-"def find_classes(self, pattern):
    \"\"\"Return the classes whose name matches"}
n=${N:-16}
type=${TYPE:-F32}
out=${OUT:-.work/train/compare}
mkdir -p "$out"
vocab=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["config"]["vocab_size"])' "$ckpt/model.json")
export_args=(--model "$ckpt" --out "$out/model.gguf" --type "$type")
lora_py=()
lora_ferret=()
if [ -n "$lora" ]; then
  export_args+=(--lora "$lora" --lora-out "$out/lora.gguf")
  lora_py=(--lora "$lora")
  lora_ferret=(--lora "$out/lora.gguf")
fi
./ferret export checkpoint "${export_args[@]}"
ids=$(./ferret export tokenizer --vocab "$vocab" --encode "$prompt")
echo "prompt ids: $ids"
/usr/bin/python3 training/train.py --generate --base "$ckpt" "${lora_py[@]}" --data "${DATA:-.work/train/data}" \
  --prompt-ids "$ids" -n "$n" --text-out "$out/torch.txt"
./ferret generate -m "$out/model.gguf" "${lora_ferret[@]}" --raw -t 2 -n "$n" "$prompt" > "$out/ferret.raw"
# ferret prints the generated text and one newline
/usr/bin/python3 - "$out" <<'PY'
import sys
d = sys.argv[1]
t = open(d + "/torch.txt", encoding="utf-8").read()
f = open(d + "/ferret.raw", encoding="utf-8").read()
if f.endswith("\n"):
    f = f[:-1]
print("torch :", repr(t))
print("ferret:", repr(f))
print("MATCH" if t == f else "DIFFER")
sys.exit(0 if t == f else 1)
PY
