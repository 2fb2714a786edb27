#!/usr/bin/python3
"""Trains a small qwen2-architecture decoder on Ferret's pre-tokenized agent data, on the CPU, in PyTorch.

The model is llama.cpp's qwen2 graph (b4916), so the exported GGUF decodes the same in the engine:
RMSNorm (eps 1e-6), q/k/v projections with bias and an output projection without, grouped-query attention
(query head h reads key/value head h // (n_head / n_head_kv)), rotary embeddings in NEOX form (the two halves
of each head rotated together, theta_i = pos * base^(-2i/d), base 1e6), causal softmax scaled by 1/sqrt(d),
SwiGLU feed-forward (down(silu(gate x) * up x)), a final RMSNorm and the output tied to the token embedding.
Parameters are named after their GGUF tensors and shaped as torch's Linear stores them ([n_out, n_in], which is
ggml's ne = [n_in, n_out]), so the exporter copies rows without transposing.

Phases:
  --phase pretrain  next-token loss on every token of the training stream (random windows of --seq-len)
  --phase lora      base frozen (--base DIR), LoRA (rank 16, alpha 32) on attn_q/k/v/output, loss on the
                    assistant's tokens only (the mask TokenizerExport wrote)
  --generate        greedy decoding from --prompt-ids with a checkpoint (and --lora DIR), printing ids and text

Checkpoints (--out DIR): model.json (config + tensor index) and weights.bin (raw little-endian float32, tensors
back to back), or lora.json / lora.bin for the LoRA phase; state.pt holds the optimizer and step for --resume.
Saved every --save-every steps, at the end, and on SIGTERM/SIGINT. log.csv gets step, losses, tokens/s, wall time
and peak RSS.

  /usr/bin/python3 training/train.py --phase pretrain --preset tiny --steps 300 --out .work/train/ckpt/tiny
"""
import argparse
import csv
import json
import math
import os
import resource
import shutil
import signal
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# the dimensions of dev.ferret.models.ModelSpec's presets (vocabulary: the tokenizer's, as ModelGenerator.tokenizer())
PRESETS = {
    "tiny": dict(n_embd=64, n_layer=2, n_head=4, n_head_kv=2, n_ff=128, context_length=1024),
    "small": dict(n_embd=256, n_layer=4, n_head=8, n_head_kv=2, n_ff=768, context_length=2048),
    "qwen05b": dict(n_embd=896, n_layer=24, n_head=14, n_head_kv=2, n_ff=4864, context_length=4096),
}
ROPE_FREQ_BASE = 1_000_000.0
RMS_EPS = 1e-6
LORA_TARGETS = ("attn_q", "attn_k", "attn_v", "attn_output")
FORMAT = "ferret-checkpoint-v1"


class RMSNorm(nn.Module):
    def __init__(self, n, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(n))
        self.eps = eps

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


class LoRALinear(nn.Module):
    """y = x W^T (+ b) + (alpha / r) x A^T B^T, as llama.cpp applies an adapter: mul_mat(B, mul_mat(A, x)) * scale."""

    def __init__(self, n_in, n_out, bias):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(n_out, n_in))
        self.bias = nn.Parameter(torch.zeros(n_out)) if bias else None
        self.lora_a = None
        self.lora_b = None
        self.scale = 0.0

    def add_lora(self, rank, alpha, gen):
        n_out, n_in = self.weight.shape
        self.lora_a = nn.Parameter(torch.randn(rank, n_in, generator=gen) / math.sqrt(n_in))
        self.lora_b = nn.Parameter(torch.zeros(n_out, rank))
        self.scale = alpha / rank

    def forward(self, x):
        y = F.linear(x, self.weight, self.bias)
        if self.lora_a is not None:
            y = y + F.linear(F.linear(x, self.lora_a), self.lora_b) * self.scale
        return y


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        e, kv, ff = c["n_embd"], c["n_embd"] // c["n_head"] * c["n_head_kv"], c["n_ff"]
        self.attn_norm = RMSNorm(e, c["rms_eps"])
        self.attn_q = LoRALinear(e, e, True)
        self.attn_k = LoRALinear(e, kv, True)
        self.attn_v = LoRALinear(e, kv, True)
        self.attn_output = LoRALinear(e, e, False)
        self.ffn_norm = RMSNorm(e, c["rms_eps"])
        self.ffn_gate = LoRALinear(e, ff, False)
        self.ffn_up = LoRALinear(e, ff, False)
        self.ffn_down = LoRALinear(ff, e, False)
        self.n_head, self.n_head_kv, self.head_dim = c["n_head"], c["n_head_kv"], e // c["n_head"]

    def forward(self, x, cos, sin):
        b, t, _ = x.shape
        h = self.attn_norm(x)
        q = self.attn_q(h).view(b, t, self.n_head, self.head_dim).transpose(1, 2)
        k = self.attn_k(h).view(b, t, self.n_head_kv, self.head_dim).transpose(1, 2)
        v = self.attn_v(h).view(b, t, self.n_head_kv, self.head_dim).transpose(1, 2)
        q, k = rope_neox(q, cos, sin), rope_neox(k, cos, sin)
        group = self.n_head // self.n_head_kv
        k = k.repeat_interleave(group, dim=1)
        v = v.repeat_interleave(group, dim=1)
        att = (q @ k.transpose(-2, -1)) / math.sqrt(self.head_dim)
        mask = torch.ones(t, t, dtype=torch.bool, device=x.device).triu(1)
        att = att.masked_fill(mask, float("-inf")).softmax(-1)
        y = (att @ v).transpose(1, 2).reshape(b, t, -1)
        x = x + self.attn_output(y)
        h = self.ffn_norm(x)
        return x + self.ffn_down(F.silu(self.ffn_gate(h)) * self.ffn_up(h))


def rope_neox(x, cos, sin):
    d2 = x.shape[-1] // 2
    x1, x2 = x[..., :d2], x[..., d2:]
    return torch.cat([x1 * cos - x2 * sin, x2 * cos + x1 * sin], dim=-1)


class Qwen2(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.token_embd = nn.Embedding(c["vocab_size"], c["n_embd"])
        self.blk = nn.ModuleList(Block(c) for _ in range(c["n_layer"]))
        self.output_norm = RMSNorm(c["n_embd"], c["rms_eps"])
        hd = c["n_embd"] // c["n_head"]
        inv = 1.0 / (c["rope_freq_base"] ** (torch.arange(0, hd, 2, dtype=torch.float64) / hd))
        self.register_buffer("inv_freq", inv, persistent=False)

    def forward(self, ids):
        t = ids.shape[1]
        ang = torch.arange(t, dtype=torch.float64)[:, None] * self.inv_freq[None, :]
        cos, sin = ang.cos().float(), ang.sin().float()
        x = self.token_embd(ids)
        for b in self.blk:
            x = b(x, cos, sin)
        return F.linear(self.output_norm(x), self.token_embd.weight)  # tied output

    def init_weights(self, gen, base_std=0.02, bias_std=0.0):
        for name, p in self.named_parameters():
            if name.endswith("norm.weight"):
                nn.init.ones_(p)
            elif name.endswith(".bias"):
                with torch.no_grad():
                    p.copy_(torch.randn(p.shape, generator=gen) * bias_std)
            else:
                std = base_std
                if name.endswith("attn_output.weight") or name.endswith("ffn_down.weight"):
                    std = base_std / math.sqrt(2 * self.c["n_layer"])
                with torch.no_grad():
                    p.copy_(torch.randn(p.shape, generator=gen) * std)

    def add_lora(self, rank, alpha, seed):
        gen = torch.Generator().manual_seed(seed)
        for p in self.parameters():
            p.requires_grad_(False)
        for b in self.blk:
            for t in LORA_TARGETS:
                getattr(b, t).add_lora(rank, alpha, gen)

    def base_tensors(self):
        """(GGUF name, tensor) in ModelGenerator's order."""
        out = [("token_embd.weight", self.token_embd.weight), ("output_norm.weight", self.output_norm.weight)]
        for i, b in enumerate(self.blk):
            p = f"blk.{i}."
            out += [(p + "attn_norm.weight", b.attn_norm.weight),
                    (p + "attn_q.weight", b.attn_q.weight), (p + "attn_q.bias", b.attn_q.bias),
                    (p + "attn_k.weight", b.attn_k.weight), (p + "attn_k.bias", b.attn_k.bias),
                    (p + "attn_v.weight", b.attn_v.weight), (p + "attn_v.bias", b.attn_v.bias),
                    (p + "attn_output.weight", b.attn_output.weight), (p + "ffn_norm.weight", b.ffn_norm.weight),
                    (p + "ffn_gate.weight", b.ffn_gate.weight), (p + "ffn_up.weight", b.ffn_up.weight),
                    (p + "ffn_down.weight", b.ffn_down.weight)]
        return out

    def lora_tensors(self):
        out = []
        for i, b in enumerate(self.blk):
            for t in LORA_TARGETS:
                m = getattr(b, t)
                if m.lora_a is not None:
                    out += [(f"blk.{i}.{t}.weight.lora_a", m.lora_a), (f"blk.{i}.{t}.weight.lora_b", m.lora_b)]
        return out


# ---------------------------------------------------------------- checkpoints

def write_tensors(directory, stem, header, tensors):
    """Writes STEM.json (header + index) and STEM.bin (float32 LE) atomically into directory."""
    os.makedirs(directory, exist_ok=True)
    index, offset = [], 0
    tmp_bin = os.path.join(directory, stem + ".bin.tmp")
    with open(tmp_bin, "wb") as f:
        for name, t in tensors:
            a = t.detach().to(torch.float32).contiguous().numpy().astype("<f4", copy=False)
            f.write(a.tobytes())
            index.append({"name": name, "shape": list(a.shape), "offset": offset})
            offset += a.nbytes
    meta = dict(header, format=FORMAT, data=stem + ".bin", tensors=index)
    tmp_json = os.path.join(directory, stem + ".json.tmp")
    with open(tmp_json, "w") as f:
        json.dump(meta, f, indent=1)
    os.replace(tmp_bin, os.path.join(directory, stem + ".bin"))
    os.replace(tmp_json, os.path.join(directory, stem + ".json"))


def read_tensors(directory, stem):
    with open(os.path.join(directory, stem + ".json")) as f:
        meta = json.load(f)
    raw = np.fromfile(os.path.join(directory, meta["data"]), dtype="<f4")
    out = {}
    for t in meta["tensors"]:
        n = int(np.prod(t["shape"])) if t["shape"] else 1
        o = t["offset"] // 4
        out[t["name"]] = torch.from_numpy(raw[o:o + n].reshape(t["shape"]).copy())
    return meta, out


def load_into(params, tensors):
    with torch.no_grad():
        for name, p in params:
            p.copy_(tensors[name])


def load_model(base_dir):
    meta, tensors = read_tensors(base_dir, "model")
    model = Qwen2(meta["config"])
    load_into(model.base_tensors(), tensors)
    return model, meta


# ---------------------------------------------------------------- data

class Split:
    def __init__(self, data_dir, split):
        self.ids = np.fromfile(os.path.join(data_dir, split + ".ids.i32"), dtype="<i4")
        self.mask = np.fromfile(os.path.join(data_dir, split + ".mask.u8"), dtype=np.uint8)
        self.offsets = np.fromfile(os.path.join(data_dir, split + ".offsets.i64"), dtype="<i8")
        self.masked = np.flatnonzero(self.mask)

    def batch(self, rng, bsz, seq, masked_only):
        """Windows of seq + 1 tokens: random ones, or (masked_only) each holding a random assistant token."""
        xs, ms = [], []
        for _ in range(bsz):
            if masked_only:
                p = int(self.masked[rng.integers(len(self.masked))])
                ex = int(np.searchsorted(self.offsets, p, side="right")) - 1
                lo, hi = int(self.offsets[ex]), int(self.offsets[ex + 1])
                start = p - int(rng.integers(1, seq + 1))
                start = max(lo, min(start, hi - seq - 1))
                start = max(0, min(start, len(self.ids) - seq - 1))
            else:
                start = int(rng.integers(0, len(self.ids) - seq - 1))
            xs.append(self.ids[start:start + seq + 1])
            ms.append(self.mask[start:start + seq + 1])
        x = torch.from_numpy(np.stack(xs).astype(np.int64))
        m = torch.from_numpy(np.stack(ms).astype(np.float32))
        return x, m


def loss_of(model, x, m, masked_only):
    logits = model(x[:, :-1])
    tgt = x[:, 1:]
    l = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), tgt.reshape(-1), reduction="none")
    if masked_only:
        w = m[:, 1:].reshape(-1)
        return (l * w).sum() / w.sum().clamp(min=1)
    return l.mean()


@torch.no_grad()
def evaluate(model, split, args, masked_only):
    rng = np.random.default_rng(1234)
    losses = []
    model.eval()
    for _ in range(args.eval_batches):
        x, m = split.batch(rng, args.batch, args.seq_len, masked_only)
        losses.append(loss_of(model, x, m, masked_only).item())
    model.train()
    return float(np.mean(losses))


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


# ---------------------------------------------------------------- main

def train(args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    lora = args.phase == "lora"
    with open(os.path.join(args.data, "tokenizer.json")) as f:
        vocab = json.load(f)["vocab_size"]
    if lora:
        if not args.base:
            sys.exit("--phase lora needs --base DIR (a pretrain checkpoint)")
        model, base_meta = load_model(args.base)
        model.add_lora(args.rank, args.alpha, args.seed)
        config = model.c
    else:
        config = dict(PRESETS[args.preset], name=args.preset, vocab_size=vocab,
                      rope_freq_base=ROPE_FREQ_BASE, rms_eps=RMS_EPS)
        model = Qwen2(config)
        model.init_weights(torch.Generator().manual_seed(args.seed), args.init_std, args.init_bias_std)
    if config["vocab_size"] != vocab:
        sys.exit(f"the data's tokenizer has {vocab} tokens, the model {config['vocab_size']}")
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, betas=(0.9, 0.95), weight_decay=0.0 if lora else 0.1)
    step, wall_before = 0, 0.0
    state_path = os.path.join(args.out, "state.pt")
    if args.resume and os.path.exists(state_path):
        st = torch.load(state_path)
        step, wall_before = st["step"], st["wall"]
        stem = "lora" if lora else "model"
        _, tensors = read_tensors(args.out, stem)
        load_into(model.lora_tensors() if lora else model.base_tensors(), tensors)
        opt.load_state_dict(st["opt"])
        print(f"resumed {args.out} at step {step}")
    elif os.path.exists(state_path) and not args.force:
        sys.exit(f"{args.out} holds a checkpoint: pass --resume to continue it or --force to start over")
    os.makedirs(args.out, exist_ok=True)
    train_split, valid_split = Split(args.data, "train"), Split(args.data, "valid")
    rng = np.random.default_rng(args.seed + step)
    n_train = sum(p.numel() for p in params)
    n_all = sum(p.numel() for p in model.parameters())
    print(f"{args.phase}: {n_train:,} trainable of {n_all:,} parameters, batch {args.batch} x {args.seq_len}, "
          f"{args.threads} threads")

    stop = {"flag": False}

    def on_signal(signum, _frame):
        stop["flag"] = True
        print(f"signal {signum}: saving and stopping after this step", flush=True)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    def save():
        wall = wall_before + time.time() - t0
        header = {"kind": "lora" if lora else "model", "config": config, "step": step}
        if lora:
            header["lora"] = {"rank": args.rank, "alpha": args.alpha, "targets": list(LORA_TARGETS),
                              "base": os.path.abspath(args.base)}
            write_tensors(args.out, "lora", header, model.lora_tensors())
        else:
            write_tensors(args.out, "model", header, model.base_tensors())
        torch.save({"step": step, "wall": wall, "opt": opt.state_dict()}, state_path + ".tmp")
        os.replace(state_path + ".tmp", state_path)

    log_path = os.path.join(args.out, "log.csv")
    new_log = not (args.resume and os.path.exists(log_path))
    log = open(log_path, "w" if new_log else "a", newline="")
    w = csv.writer(log)
    if new_log:
        w.writerow(["step", "train_loss", "valid_loss", "lr", "tokens_per_s", "wall_s", "peak_rss_mib"])
    t0 = time.time()
    window_t, window_tok, recent = time.time(), 0, []
    if args.steps == 0:
        save()  # the initialised model, e.g. a random one for comparing with llama.cpp
    while step < args.steps and not stop["flag"]:
        lr = args.lr * min(1.0, (step + 1) / args.warmup)
        if step >= args.warmup:
            lr = args.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * (step - args.warmup) / max(1, args.steps - args.warmup))))
        for g in opt.param_groups:
            g["lr"] = lr
        x, m = train_split.batch(rng, args.batch, args.seq_len, lora)
        loss = loss_of(model, x, m, lora)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        step += 1
        window_tok += x.shape[0] * (x.shape[1] - 1)
        recent.append(loss.item())
        last = step == args.steps or stop["flag"]
        if step % args.log_every == 0 or last:
            tps = window_tok / max(1e-9, time.time() - window_t)
            valid = evaluate(model, valid_split, args, lora) if (step % args.eval_every == 0 or last) else ""
            wall = wall_before + time.time() - t0
            w.writerow([step, f"{np.mean(recent):.4f}", f"{valid:.4f}" if valid != "" else "", f"{lr:.2e}",
                        f"{tps:.0f}", f"{wall:.1f}", f"{peak_rss_mib():.0f}"])
            log.flush()
            print(f"step {step:5d}  train {np.mean(recent):.4f}  valid {valid if valid == '' else f'{valid:.4f}'}  "
                  f"{tps:,.0f} tok/s  {wall:.0f}s  rss {peak_rss_mib():.0f} MiB", flush=True)
            window_t, window_tok, recent = time.time(), 0, []
        if step % args.save_every == 0 or last:
            save()
    log.close()
    print(f"saved {args.out} at step {step}; wall {wall_before + time.time() - t0:.1f}s, "
          f"peak RSS {peak_rss_mib():.0f} MiB")


@torch.no_grad()
def generate(args):
    torch.set_num_threads(args.threads)
    model, _ = load_model(args.base or args.out)
    if args.lora:
        meta, tensors = read_tensors(args.lora, "lora")
        model.add_lora(meta["lora"]["rank"], meta["lora"]["alpha"], 0)
        load_into(model.lora_tensors(), tensors)
    model.eval()
    ids = [int(t) for t in args.prompt_ids.split()]
    prompt_len = len(ids)
    eos = None
    if args.data and os.path.exists(os.path.join(args.data, "tokenizer.json")):
        with open(os.path.join(args.data, "tokenizer.json")) as f:
            tok = json.load(f)
        eos = tok["eos_token_id"]
    else:
        tok = None
    for _ in range(args.n):
        logits = model(torch.tensor([ids]))[0, -1]
        nxt = int(torch.argmax(logits))
        ids.append(nxt)
        if nxt == eos:
            break
    out = ids[prompt_len:]
    print("ids:", " ".join(map(str, out)))
    if tok:
        # the text llama.cpp prints: an end-of-generation token stops without being printed
        text = decode(tok, out[:-1] if out and out[-1] == eos else out)
        print("text:", repr(text))
        if args.text_out:
            with open(args.text_out, "w", encoding="utf-8") as f:
                f.write(text)


def byte_decoder():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return {chr(c): b for b, c in zip(bs, cs)}


def decode(tok, ids):
    dec = byte_decoder()
    out = bytearray()
    for i in ids:
        text, typ = tok["tokens"][i], tok["token_types"][i]
        if typ == 1:
            out += bytes(dec[ch] for ch in text)
        else:
            out += text.encode("utf-8")
    return out.decode("utf-8", errors="replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--phase", choices=["pretrain", "lora"], default="pretrain")
    ap.add_argument("--generate", action="store_true", help="greedy decoding instead of training")
    ap.add_argument("--preset", choices=sorted(PRESETS), default="tiny")
    ap.add_argument("--data", default=".work/train/data")
    ap.add_argument("--out", default=".work/train/ckpt/tiny")
    ap.add_argument("--base", help="pretrain checkpoint the LoRA phase (or --generate) starts from")
    ap.add_argument("--lora", help="LoRA checkpoint for --generate")
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--force", action="store_true", help="start over even if --out holds a checkpoint")
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--seq-len", type=int, default=256)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--init-std", type=float, default=0.02, help="std of the initial weights")
    ap.add_argument("--init-bias-std", type=float, default=0.0, help="std of the initial q/k/v biases")
    ap.add_argument("--rank", type=int, default=16)
    ap.add_argument("--alpha", type=float, default=32.0)
    ap.add_argument("--log-every", type=int, default=10)
    ap.add_argument("--eval-every", type=int, default=50)
    ap.add_argument("--eval-batches", type=int, default=4)
    ap.add_argument("--save-every", type=int, default=100)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--prompt-ids", default="", help="space-separated token ids for --generate")
    ap.add_argument("--text-out", help="--generate also writes the decoded text here")
    ap.add_argument("-n", type=int, default=16, help="tokens to generate")
    args = ap.parse_args()
    if args.generate:
        generate(args)
    else:
        train(args)


if __name__ == "__main__":
    main()
