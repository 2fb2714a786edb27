#!/usr/bin/env bash
# The whole training pipeline, small: setup, data (generated if missing), tokenizer export, a short pretrain of the
# tiny preset, a few LoRA steps, export to GGUF (Q8_0 base + F32 adapter), generation with ./ferret, and the
# PyTorch-vs-llama.cpp greedy comparison. Env: PRETRAIN_STEPS (200), LORA_STEPS (30), PRESET (tiny), WORK (.work/train).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
pre=${PRETRAIN_STEPS:-200}
lora=${LORA_STEPS:-30}
preset=${PRESET:-tiny}
w=${WORK:-.work/train}
training/setup.sh
if [ ! -f .work/training-data/train.jsonl ]; then
  scripts/fetch-training-codebases.sh
  ./ferret data --out .work/training-data --stats "$w/stats"
fi
/usr/bin/python3 training/prepare_data.py --out "$w/data"
./ferret export tokenizer --vocab 2048 --out "$w/data" \
  --segments train="$w/data/train.seg" --segments valid="$w/data/valid.seg" --segments test="$w/data/test.seg"
/usr/bin/python3 training/train.py --phase pretrain --preset "$preset" --steps "$pre" --out "$w/ckpt/$preset-pretrain" --force
/usr/bin/python3 training/train.py --phase lora --base "$w/ckpt/$preset-pretrain" --steps "$lora" --lr 2e-3 --warmup 5 \
  --eval-every 15 --save-every 15 --out "$w/ckpt/$preset-lora" --force
./ferret export checkpoint \
  --model "$w/ckpt/$preset-pretrain" --out "$w/$preset-q8_0.gguf" --type Q8_0 \
  --lora "$w/ckpt/$preset-lora" --lora-out "$w/$preset-lora.gguf"
prompt=$'<|im_start|>user\nIs there a class called Flask?<|im_end|>\n<|im_start|>assistant\n'
./ferret generate -m "$w/$preset-q8_0.gguf" --lora "$w/$preset-lora.gguf" --raw --stats -t 2 -n 32 "$prompt"
DATA="$w/data" OUT="$w/compare" PROMPT="$prompt" N=32 training/compare_greedy.sh "$w/ckpt/$preset-pretrain" "$w/ckpt/$preset-lora"
