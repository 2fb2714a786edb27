#!/usr/bin/env bash
# Trains and exports the embedded default models (models/default/) from scratch, on the CPU, with the exact settings
# of the shipped files. Every stage resumes where it stopped (checkpoints under $WORK/ckpt, saved every 25 steps
# and on SIGTERM/SIGINT), so the script can be run again after an interruption; FORCE=1 starts over.
#
#   training/train_default.sh            # all stages, then export to $WORK/export
#   STAGES="lora export" training/train_default.sh
#
# Stages:
#   data     generate the conversations (if missing), render them, collect the code corpus, tokenize everything
#   base     pretrain the small preset (3.5M parameters) on the train-split codebases' source code and docs only
#   lora     LoRA (rank 32, alpha 64, every linear projection) on whole agent conversations, assistant tokens only;
#            then 60 more steps in which the special tokens' embedding rows of the base train too
#   draft    the tiny preset (205k parameters): pretrain on the same code, then every weight fine-tuned on the
#            conversations, so that it drafts what the base + LoRA writes
#   export   GGUF: base Q4_K, LoRA F32, draft Q8_0; loss curves as PNG
#
# The call-only default model (issue 13.4: it writes only the grammar-constrained call, the answer is written from
# the results) has its own stages:
#   call-data    question -> call pairs (ferret call-data, >= 20,000 on the train codebases), their segments and ids
#   calls        trained from scratch on those pairs (cpu: the mini preset, 1.05M parameters; device: small, 3.5M), loss on the call tokens
#   call-export  GGUF (Q8_0) and its loss curve
# PROFILE=cpu (the default) trains on this machine's cores; PROFILE=device trains on a CUDA device with bf16
# autocast and large batches, within TIME_BUDGET seconds, and runs only what the device has (Python and PyTorch: no
# JDK, no apt, no network): the data must have been prepared here ("call-data") and carried along. With PARTS=DIR
# the trained checkpoint is also written to DIR as a tar in parts of at most 15 MiB (what a device run can bring
# back); `mkdir -p $WORK/ckpt/calls-device && cat DIR/calls.tar.part-* | tar xf - -C $WORK/ckpt/calls-device`
# restores it here, and `PROFILE=device STAGES=call-export` exports it.
#
#   STAGES=call-data training/train_default.sh                               # here: data for the device (~19 MB)
#   PROFILE=device STAGES=calls PARTS=$OUT training/train_default.sh         # on the device
#   PROFILE=device STAGES=call-export training/train_default.sh              # here: GGUF + loss curve
#
# Env: WORK (.work/train), STAGES, FORCE, THREADS (2), PROFILE (cpu|device), TIME_BUDGET (device: 400 s), PARTS.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
w=${WORK:-.work/train}
stages=${STAGES:-data base lora draft export}
threads=${THREADS:-2}
profile=${PROFILE:-cpu}
py=/usr/bin/python3
# a device machine has its own Python with PyTorch on the PATH (no Debian torch)
if ! "$py" -c 'import torch' 2>/dev/null; then py=$(command -v python3); fi
resume() { if [ "${FORCE:-0}" = 1 ]; then echo --force; elif [ -f "$1/state.pt" ]; then echo --resume; fi; }
has() { [[ " $stages " == *" $1 "* ]]; }

if [ "$profile" = cpu ]; then training/setup.sh; fi

if has data; then
  if [ ! -f .work/training-data/train.jsonl ]; then
    scripts/fetch-training-codebases.sh
    ./ferret data --out .work/training-data --stats training/data --verify
  fi
  $py training/prepare_data.py --out "$w/data"
  $py training/prepare_code.py --codebases .work/codebases --out "$w/data"
  ./ferret export tokenizer --vocab 2048 --out "$w/data" \
    --segments train="$w/data/train.seg" --segments valid="$w/data/valid.seg" --segments test="$w/data/test.seg" \
    --segments code-train="$w/data/code-train.seg" --segments code-valid="$w/data/code-valid.seg"
fi

code=(--data "$w/data" --train-split code-train --valid-split code-valid --threads "$threads")
conv=(--data "$w/data" --whole --max-suffix 1536 --eval-examples 48 --threads "$threads")

if has base; then
  $py training/train.py --phase pretrain --preset small "${code[@]}" --seq-len 1024 --batch 8 --steps 200 \
    --warmup 15 --lr 3e-3 --log-every 5 --eval-every 25 --save-every 25 \
    --out "$w/ckpt/base-code" $(resume "$w/ckpt/base-code")
fi
if has lora; then
  $py training/train.py --phase lora --base "$w/ckpt/base-code" "${conv[@]}" --batch 8 --steps 420 --stop-after ${LORA_STOP:-250} \
    --rank 32 --alpha 64 --lora-targets attn_q,attn_k,attn_v,attn_output,ffn_gate,ffn_up,ffn_down \
    --lr 2e-3 --warmup 20 --log-every 10 --eval-every 50 --save-every 25 \
    --out "$w/ckpt/lora-conv" $(resume "$w/ckpt/lora-conv")
  # second part: the same adapter goes on, and the embedding rows of the chat's special tokens train with it (the
  # base never saw those tokens: their rows were still random, and the model could not make <tool_call> likely)
  $py training/train.py --phase lora --base "$w/ckpt/base-code" --init-lora "$w/ckpt/lora-conv" "${conv[@]}" \
    --tune-tokens "<|im_start|>,<|im_end|>,<tool_call>,</tool_call>" --token-lr-mult 5 --seed 2 --batch 8 --steps 60 \
    --rank 32 --alpha 64 --lora-targets attn_q,attn_k,attn_v,attn_output,ffn_gate,ffn_up,ffn_down \
    --lr 1e-3 --warmup 5 --log-every 10 --eval-every 20 --save-every 20 \
    --out "$w/ckpt/lora-tok" $(resume "$w/ckpt/lora-tok")
fi
if has draft; then
  $py training/train.py --phase pretrain --preset tiny "${code[@]}" --seq-len 1024 --batch 8 --steps 150 \
    --warmup 15 --lr 3e-3 --log-every 10 --eval-every 50 --save-every 25 \
    --out "$w/ckpt/draft-code" $(resume "$w/ckpt/draft-code")
  $py training/train.py --phase full --base "$w/ckpt/draft-code" "${conv[@]}" --batch 8 --steps ${DRAFT_STEPS:-300} \
    --lr 3e-3 --warmup 20 --log-every 10 --eval-every 50 --save-every 25 \
    --out "$w/ckpt/draft-conv" $(resume "$w/ckpt/draft-conv")
fi
if has export; then
  mkdir -p "$w/export"
  ./ferret export checkpoint \
    --model "$w/ckpt/lora-tok" --out "$w/export/ferret-small-base-q4_k.gguf" --type Q4_K \
    --lora "$w/ckpt/lora-tok" --lora-out "$w/export/ferret-small-lora.gguf"
  ./ferret export checkpoint \
    --model "$w/ckpt/draft-conv" --out "$w/export/ferret-draft-q8_0.gguf" --type Q8_0
  $py training/plot_loss.py "$w/ckpt/base-code/log.csv" "$w/export/ferret-small-base-loss.png" \
    --title "ferret-small-base: pretraining on source code (all tokens)"
  $py training/plot_loss.py "$w/ckpt/lora-conv/log.csv" "$w/export/ferret-small-lora-loss.png" \
    --title "ferret-small-lora: agent conversations (assistant tokens)"
  $py training/plot_loss.py "$w/ckpt/lora-tok/log.csv" "$w/export/ferret-small-lora-tokens-loss.png" \
    --title "ferret-small-lora, part 2: + special-token rows (assistant tokens)"
  $py training/plot_loss.py "$w/ckpt/draft-code/log.csv" "$w/ckpt/draft-conv/log.csv" "$w/export/ferret-draft-loss.png" \
    --labels pretrain,fine-tune --title "ferret-draft: code pretraining, then conversations"
  for f in base-code lora-conv lora-tok draft-code draft-conv; do cp "$w/ckpt/$f/log.csv" "$w/export/$f-log.csv"; done
  (cd "$w/export" && sha256sum *.gguf)
fi

if has call-data; then
  if [ ! -f .work/call-data/calls-train.jsonl ]; then
    scripts/fetch-training-codebases.sh
    ./ferret call-data --out .work/call-data
  fi
  $py training/prepare_calls.py --data .work/call-data --out "$w/calls"
  ./ferret export tokenizer --vocab 2048 --out "$w/calls" \
    --segments train="$w/calls/train.seg" --segments valid="$w/calls/valid.seg" --segments test="$w/calls/test.seg"
  rm -f "$w"/calls/*.seg  # the ids, masks and offsets are what training reads (and what travels to a device)
fi
if has calls; then
  # trained from scratch: every pair starts with the same ~88-token system turn, which runs once per batch; the
  # loss is on the call's tokens; valid_exact in log.csv is the share of the 1,000 validation pairs (held-out
  # codebases, both phrasing splits) whose call is the argmax at every token
  calls=(--phase full --data "$w/calls" --whole --max-suffix 256 --lr 2e-3 --out "$w/ckpt/calls-$profile")
  if [ "$profile" = device ]; then
    $py training/train.py "${calls[@]}" --preset small --eval-examples 1000 --device cuda --amp bf16 --threads 8 --batch 256 --steps 12000 --warmup 200 \
      --log-every 100 --eval-every 500 --save-every 2000 --keep-best --time-budget "${TIME_BUDGET:-400}" \
      $(resume "$w/ckpt/calls-$profile")
  else
    # CALLS_PRESET (default mini: 128 wide, 4 layers, 1.05M parameters; tiny: 64 wide, 2 layers, 205k): on 2 idle
    # cores mini trains at ~3,500 tokens/s, ~0.65 s a step of 32 pairs (tiny ~0.25 s), so 4,000 steps of 64 pairs
    # (~10 epochs) take about 80 minutes; on a loaded machine many times that (stop and --resume across sessions).
    # The grammar leaves the model only choices (the tool, the keys, which of the question's words).
    nice $py training/train.py "${calls[@]}" --preset "${CALLS_PRESET:-mini}" --eval-examples 200 --device cpu --amp none \
      --threads "$threads" --batch "${CALLS_BATCH:-64}" --steps "${CALLS_STEPS:-4000}" \
      --stop-after "${CALLS_STOP:-${CALLS_STEPS:-4000}}" --warmup 100 --log-every 10 --eval-every 250 --save-every 100 --keep-best \
      --time-budget "${TIME_BUDGET:-0}" $(resume "$w/ckpt/calls-$profile")
  fi
  if [ -n "${PARTS:-}" ]; then
    mkdir -p "$PARTS"
    (cd "$w/ckpt/calls-$profile" && tar cf - model.json model.bin log.csv state.pt best) | split -b 15M - "$PARTS/calls.tar.part-"
    ls -l "$PARTS"
  fi
fi
if has call-export; then
  # CALLS_CKPT: the checkpoint folder (default: this profile's); its best/ (best valid exact match) when there is one
  ck=${CALLS_CKPT:-$w/ckpt/calls-$profile}
  from=$ck; if [ -f "$ck/best/model.json" ]; then from=$ck/best; fi
  mkdir -p "$w/export"
  ./ferret export checkpoint --model "$from" --out "$w/export/ferret-call-q8_0.gguf" --type Q8_0
  $py training/plot_loss.py "$ck/log.csv" "$w/export/ferret-call-loss.png" \
    --title "ferret-call: question -> call pairs (call tokens)"
  cp "$ck/log.csv" "$w/export/calls-log.csv"
  (cd "$w/export" && sha256sum ferret-call-q8_0.gguf)
fi
