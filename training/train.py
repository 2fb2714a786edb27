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
  --phase lora      base frozen (--base DIR), LoRA (default rank 16, alpha 32, attn_q/k/v/output; --rank, --alpha,
                    --lora-targets), loss on the assistant's tokens only (the mask TokenizerExport wrote);
                    --tune-tokens also trains the embedding rows of the named tokens (saved with the base)
  --phase full      every weight of --base trained, loss on the assistant's tokens only (the draft model); without
                    --base, a fresh --preset model (the call-only default model: trained from scratch on its pairs)
  --whole           (lora, full) whole conversations instead of windows: the system turn all examples share is
                    run once per batch and each example continues from it at its real positions
  --generate        greedy decoding from --prompt-ids with a checkpoint (and --lora DIR), printing ids and text

Checkpoints (--out DIR): model.json (config + tensor index) and weights.bin (raw little-endian float32, tensors
back to back), or lora.json / lora.bin for the LoRA phase (plus model.* with --tune-tokens); state.pt holds the optimizer and step for --resume.
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
    # the call-only model on 2 shared CPU cores: a quarter of small's cost per token
    "mini": dict(n_embd=128, n_layer=4, n_head=4, n_head_kv=2, n_ff=384, context_length=1024),
    "qwen05b": dict(n_embd=896, n_layer=24, n_head=14, n_head_kv=2, n_ff=4864, context_length=4096),
}
ROPE_FREQ_BASE = 1_000_000.0
RMS_EPS = 1e-6
LORA_TARGETS = ("attn_q", "attn_k", "attn_v", "attn_output")
ALL_TARGETS = LORA_TARGETS + ("ffn_gate", "ffn_up", "ffn_down")
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

    def forward(self, x, cos, sin, past=None):
        """past: (k, v) of earlier positions, [1 or b, n_head_kv, p, head_dim] after rotation, shared by the batch.
        Returns the block's output and this call's own (k, v)."""
        b, t, _ = x.shape
        h = self.attn_norm(x)
        q = self.attn_q(h).view(b, t, self.n_head, self.head_dim).transpose(1, 2)
        k = self.attn_k(h).view(b, t, self.n_head_kv, self.head_dim).transpose(1, 2)
        v = self.attn_v(h).view(b, t, self.n_head_kv, self.head_dim).transpose(1, 2)
        q, k = rope_neox(q, cos, sin), rope_neox(k, cos, sin)
        own = (k, v)
        p = 0
        if past is not None:
            pk, pv = past
            p = pk.shape[2]
            k = torch.cat([pk.expand(b, -1, -1, -1), k], dim=2)
            v = torch.cat([pv.expand(b, -1, -1, -1), v], dim=2)
        group = self.n_head // self.n_head_kv
        # query head h reads key/value head h // group: view the query heads as [n_head_kv, group]
        q = q.view(b, self.n_head_kv, group, t, self.head_dim)
        att = (q @ k.unsqueeze(2).transpose(-2, -1)) / math.sqrt(self.head_dim)
        mask = torch.ones(t, p + t, dtype=torch.bool, device=x.device).triu(p + 1)
        att = att.masked_fill(mask, float("-inf")).softmax(-1)
        y = (att @ v.unsqueeze(2)).reshape(b, self.n_head, t, self.head_dim).transpose(1, 2).reshape(b, t, -1)
        x = x + self.attn_output(y)
        h = self.ffn_norm(x)
        return x + self.ffn_down(F.silu(self.ffn_gate(h)) * self.ffn_up(h)), own


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

    def forward(self, ids, start=0, past=None, keep=False):
        """Logits for ids at positions start.. ; past: per block (k, v) of positions 0..start-1 (shared by the
        batch); keep: also return this call's per-block (k, v) for a later call to continue from."""
        t = ids.shape[1]
        ang = torch.arange(start, start + t, dtype=torch.float64, device=self.inv_freq.device)[:, None] * self.inv_freq[None, :]
        cos, sin = ang.cos().float(), ang.sin().float()
        x = self.token_embd(ids)
        kv = []
        for i, b in enumerate(self.blk):
            x, own = b(x, cos, sin, None if past is None else past[i])
            kv.append(own)
        logits = F.linear(self.output_norm(x), self.token_embd.weight)  # tied output
        return (logits, kv) if keep else logits

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

    def add_lora(self, rank, alpha, seed, targets=LORA_TARGETS):
        gen = torch.Generator().manual_seed(seed)
        for p in self.parameters():
            p.requires_grad_(False)
        for b in self.blk:
            for t in targets:
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
            for t in ALL_TARGETS:
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
            a = t.detach().to("cpu", torch.float32).contiguous().numpy().astype("<f4", copy=False)
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


def load_for_inference(base_dir, lora_dir=None):
    """A checkpoint in eval mode, with its LoRA checkpoint applied when one is given."""
    model, _ = load_model(base_dir)
    if lora_dir:
        meta, tensors = read_tensors(lora_dir, "lora")
        model.add_lora(meta["lora"]["rank"], meta["lora"]["alpha"], 0, tuple(meta["lora"].get("targets", LORA_TARGETS)))
        load_into(model.lora_tensors(), tensors)
    model.eval()
    return model


# ---------------------------------------------------------------- data

def read_split(data_dir, split):
    """TokenizerExport's files of one split: token ids, loss mask, example start offsets."""
    ids = np.fromfile(os.path.join(data_dir, split + ".ids.i32"), dtype="<i4")
    mask = np.fromfile(os.path.join(data_dir, split + ".mask.u8"), dtype=np.uint8)
    offsets = np.fromfile(os.path.join(data_dir, split + ".offsets.i64"), dtype="<i8")
    return ids, mask, offsets


class Split:
    def __init__(self, data_dir, split):
        self.ids, self.mask, self.offsets = read_split(data_dir, split)
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


class Conversations:
    """Whole examples of a split for the conversation phases. Every example starts with the same system turn (the
    agent's prompt and tool list), so that shared prefix is computed once per batch and the examples continue from
    it at their real positions, exactly as the engine sees them. Suffixes longer than max_suffix are cut."""

    def __init__(self, data_dir, split, max_suffix):
        self.ids, self.mask, offsets = read_split(data_dir, split)
        if offsets[-1] != len(self.ids):
            offsets = np.append(offsets, len(self.ids))
        self.starts, self.ends = offsets[:-1], offsets[1:]
        first = self.ids[self.starts[0]:self.ends[0]]
        p = len(first)
        for a, e in zip(self.starts, self.ends):
            n = min(p, e - a)
            diff = np.flatnonzero(self.ids[a:a + n] != first[:n])
            p = int(diff[0]) if len(diff) else n
        first_masked = min(int(np.flatnonzero(self.mask[a:e])[0]) for a, e in zip(self.starts, self.ends))
        self.p = min(p, first_masked)
        self.prefix = torch.from_numpy(first[:self.p].astype(np.int64))[None, :]
        self.max_suffix = max_suffix
        self.lengths = np.minimum(self.ends - self.starts - self.p, max_suffix)

    def batches(self, rng, bsz):
        """One epoch of index batches: shuffled, then grouped by length (less padding), the batches shuffled."""
        order = rng.permutation(len(self.starts))
        chunk = bsz * 16
        out = []
        for c in range(0, len(order), chunk):
            part = sorted(order[c:c + chunk], key=lambda i: self.lengths[i])
            out += [part[j:j + bsz] for j in range(0, len(part), bsz)]
        return [out[i] for i in rng.permutation(len(out))]

    def batch(self, idx):
        n = int(max(self.lengths[i] for i in idx))
        x = np.zeros((len(idx), n), dtype=np.int64)
        m = np.zeros((len(idx), n), dtype=np.float32)
        for r, i in enumerate(idx):
            a = int(self.starts[i]) + self.p
            k = int(self.lengths[i])
            x[r, :k] = self.ids[a:a + k]
            m[r, :k] = self.mask[a:a + k]
        return torch.from_numpy(x), torch.from_numpy(m)


def conversation_loss(model, conv, x, m, exact=False):
    """Assistant-token loss over whole conversations continuing the shared prefix. The prefix's last token predicts
    each suffix's first token; a padded position has mask 0. With exact, also the number of examples whose every
    assistant token is the argmax (teacher-forced exact match: for the call-only data, the call written right)."""
    dev = model.inv_freq.device
    x, m = x.to(dev, non_blocking=True), m.to(dev, non_blocking=True)
    with autocast(dev):
        _, kv = model(conv.prefix.to(dev), keep=True)
        logits = model(x, start=conv.p, past=kv)
    tgt = x[:, 1:]
    l = F.cross_entropy(logits[:, :-1].float().reshape(-1, logits.shape[-1]), tgt.reshape(-1), reduction="none")
    w = m[:, 1:].reshape(-1)
    loss = (l * w).sum() / w.sum().clamp(min=1)
    if not exact:
        return loss, int(w.sum().item())
    wrong = ((logits[:, :-1].argmax(-1) != tgt) & (m[:, 1:] > 0)).any(dim=1)
    return loss, int(w.sum().item()), int((~wrong).sum().item())


@torch.no_grad()
def evaluate_conversations(model, conv, args):
    """Assistant-token loss over the first --eval-examples examples of the validation split (a fixed set), and the
    share of them whose assistant tokens are all the argmax (teacher-forced exact match)."""
    model.eval()
    total, weight, exact = 0.0, 0, 0
    n = min(args.eval_examples, len(conv.starts))
    for c in range(0, n, args.batch):
        x, m = conv.batch(list(range(c, min(n, c + args.batch))))
        loss, w, e = conversation_loss(model, conv, x, m, exact=True)
        total += loss.item() * w
        weight += w
        exact += e
    model.train()
    return total / max(1, weight), exact / max(1, n)


def pick_device(name):
    """cuda when asked for or (auto) when there is one, else cpu."""
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name == "cuda" and not torch.cuda.is_available():
        sys.exit("--device cuda: no CUDA device is available to PyTorch")
    return torch.device(name)


AMP = {"dtype": None}


def autocast(dev):
    """bf16 autocast on the device when --amp bf16 (matmuls in bfloat16, losses and weights in float32); a no-op
    context otherwise. The same code path runs on the CPU (torch's CPU autocast), which is how it is tested here."""
    if AMP["dtype"] is None:
        return torch.autocast(device_type=dev.type, enabled=False)
    return torch.autocast(device_type=dev.type, dtype=AMP["dtype"])


def torch_load(path, dev):
    try:
        return torch.load(path, map_location=dev, weights_only=False)
    except TypeError:  # torch before 1.13 has no weights_only
        return torch.load(path, map_location=dev)


def loss_of(model, x, m, masked_only):
    dev = model.inv_freq.device
    x, m = x.to(dev, non_blocking=True), m.to(dev, non_blocking=True)
    with autocast(dev):
        logits = model(x[:, :-1])
    tgt = x[:, 1:]
    l = F.cross_entropy(logits.float().reshape(-1, logits.shape[-1]), tgt.reshape(-1), reduction="none")
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
    dev = pick_device(args.device)
    amp = args.amp if args.amp != "auto" else ("bf16" if dev.type == "cuda" else "none")
    AMP["dtype"] = torch.bfloat16 if amp == "bf16" else None
    if dev.type == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        print(f"device: {torch.cuda.get_device_name(dev)}, torch {torch.__version__}, amp {amp}")
    else:
        print(f"device: cpu, {args.threads} threads, torch {torch.__version__}, amp {amp}")
    lora = args.phase == "lora"
    tuned = args.phase in ("lora", "full")  # loss on the assistant's tokens only
    targets = tuple(t for t in args.lora_targets.split(",") if t)
    if any(t not in ALL_TARGETS for t in targets):
        sys.exit(f"--lora-targets: each of {','.join(ALL_TARGETS)}")
    with open(os.path.join(args.data, "tokenizer.json")) as f:
        tokenizer = json.load(f)
    vocab = tokenizer["vocab_size"]
    if tuned and (args.base or lora):
        if not args.base:
            sys.exit(f"--phase {args.phase} needs --base DIR (a pretrain checkpoint)")
        model, base_meta = load_model(args.base)
        if lora:
            model.add_lora(args.rank, args.alpha, args.seed, targets)
        config = model.c
    else:
        config = dict(PRESETS[args.preset], name=args.preset, vocab_size=vocab,
                      rope_freq_base=ROPE_FREQ_BASE, rms_eps=RMS_EPS)
        model = Qwen2(config)
        model.init_weights(torch.Generator().manual_seed(args.seed), args.init_std, args.init_bias_std)
    if config["vocab_size"] != vocab:
        sys.exit(f"the data's tokenizer has {vocab} tokens, the model {config['vocab_size']}")
    tune_rows = []
    if args.tune_tokens:
        if not lora:
            sys.exit("--tune-tokens goes with --phase lora")
        names = tokenizer["tokens"]
        for t in args.tune_tokens.split(","):
            if t not in names:
                sys.exit(f"--tune-tokens: {t} is not in the tokenizer")
            tune_rows.append(names.index(t))
        # only these rows of the (tied) embedding learn: the base never saw the chat's special tokens, so their rows
        # are still the random initialisation and no adapter on the projections can make them likely outputs
        row_mask = torch.zeros(config["vocab_size"], 1)
        row_mask[tune_rows] = 1.0
        model.token_embd.weight.requires_grad_(True)
        masks = {"rows": row_mask}
        model.token_embd.weight.register_hook(lambda g: g * masks["rows"].to(g.device))
    if args.init_lora:
        _, tensors = read_tensors(args.init_lora, "lora")
        load_into(model.lora_tensors(), tensors)
        print(f"LoRA initialised from {args.init_lora}")
    model.to(dev)
    params = [p for p in model.parameters() if p.requires_grad]
    groups = [{"params": [p for p in params if not (tune_rows and p is model.token_embd.weight)], "lr_mult": 1.0}]
    if tune_rows:
        groups.append({"params": [model.token_embd.weight], "lr_mult": args.token_lr_mult, "weight_decay": 0.0})
    opt = torch.optim.AdamW(groups, lr=args.lr, betas=(0.9, 0.95), weight_decay=0.0 if lora else 0.1)
    step, wall_before = 0, 0.0
    state_path = os.path.join(args.out, "state.pt")
    if args.resume and os.path.exists(state_path):
        st = torch_load(state_path, dev)
        step, wall_before = st["step"], st["wall"]
        stem = "lora" if lora else "model"
        _, tensors = read_tensors(args.out, stem)
        load_into(model.lora_tensors() if lora else model.base_tensors(), tensors)
        if tune_rows:
            _, tensors = read_tensors(args.out, "model")
            load_into(model.base_tensors(), tensors)
        opt.load_state_dict(st["opt"])
        print(f"resumed {args.out} at step {step}")
    elif os.path.exists(state_path) and not args.force:
        sys.exit(f"{args.out} holds a checkpoint: pass --resume to continue it or --force to start over")
    os.makedirs(args.out, exist_ok=True)
    if args.whole:
        if not tuned:
            sys.exit("--whole trains on whole conversations: --phase lora or full")
        train_split = Conversations(args.data, args.train_split, args.max_suffix)
        valid_split = Conversations(args.data, args.valid_split, args.max_suffix)
        if not torch.equal(train_split.prefix, valid_split.prefix):
            sys.exit("the train and valid conversations start with different system turns")
        epoch_batches = {}

        def whole_batch(k):
            nb = (len(train_split.starts) + args.batch - 1) // args.batch
            e = k // nb
            if e not in epoch_batches:
                epoch_batches.clear()
                epoch_batches[e] = train_split.batches(np.random.default_rng(args.seed * 1000 + e), args.batch)
            return train_split.batch(epoch_batches[e][k % len(epoch_batches[e])])
        print(f"whole conversations: shared prefix of {train_split.p} tokens, {len(train_split.starts)} examples, "
              f"suffixes cut at {args.max_suffix} tokens ({int((train_split.ends - train_split.starts - train_split.p > args.max_suffix).sum())} cut)")
    else:
        train_split, valid_split = Split(args.data, args.train_split), Split(args.data, args.valid_split)
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
            header["lora"] = {"rank": args.rank, "alpha": args.alpha, "targets": list(targets),
                              "base": os.path.abspath(args.base)}
            write_tensors(args.out, "lora", header, model.lora_tensors())
            if tune_rows:  # the base with its tuned special-token rows, for the exporter
                write_tensors(args.out, "model", {"kind": "model", "config": config, "step": step,
                                                  "tuned_tokens": args.tune_tokens.split(",")}, model.base_tensors())
        else:
            write_tensors(args.out, "model", header, model.base_tensors())
        torch.save({"step": step, "wall": wall, "opt": opt.state_dict()}, state_path + ".tmp")
        os.replace(state_path + ".tmp", state_path)

    log_path = os.path.join(args.out, "log.csv")
    new_log = not (args.resume and os.path.exists(log_path))
    log = open(log_path, "w" if new_log else "a", newline="")
    w = csv.writer(log)
    if new_log:
        w.writerow(["step", "train_loss", "valid_loss", "lr", "tokens_per_s", "wall_s", "peak_rss_mib", "valid_exact"])
    t0 = time.time()
    best = {"exact": -1.0}
    window_t, window_tok, recent = time.time(), 0, []
    if args.steps == 0:
        save()  # the initialised model, e.g. a random one for comparing with llama.cpp
    end = min(args.steps, args.stop_after) if args.stop_after else args.steps
    while step < end and not stop["flag"]:
        if args.time_budget and time.time() - t0 > args.time_budget:
            print(f"time budget of {args.time_budget:.0f}s spent: saving at step {step}", flush=True)
            stop["flag"] = True
            break
        lr = args.lr * min(1.0, (step + 1) / args.warmup)
        if step >= args.warmup:
            lr = args.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * (step - args.warmup) / max(1, args.steps - args.warmup))))
        for g in opt.param_groups:
            g["lr"] = lr * g.get("lr_mult", 1.0)
        if args.whole:
            x, m = whole_batch(step)
            loss, _ = conversation_loss(model, train_split, x, m)
        else:
            x, m = train_split.batch(rng, args.batch, args.seq_len, tuned)
            loss = loss_of(model, x, m, tuned)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        step += 1
        window_tok += (x.numel() + train_split.p) if args.whole else x.shape[0] * (x.shape[1] - 1)
        recent.append(loss.item())
        last = step == end or stop["flag"]
        if step % args.log_every == 0 or last:
            tps = window_tok / max(1e-9, time.time() - window_t)
            evaluator = (lambda: evaluate_conversations(model, valid_split, args)) if args.whole else \
                (lambda: (evaluate(model, valid_split, args, tuned), None))
            valid, exact = evaluator() if (step % args.eval_every == 0 or last) else ("", None)
            if args.keep_best and exact is not None and exact > max(0.0, best["exact"]):
                # the weights with the best validation exact match so far, in best/ (for a long run that may overfit)
                best["exact"] = exact
                write_tensors(os.path.join(args.out, "best"), "model",
                              {"kind": "model", "config": config, "step": step, "valid_exact": exact}, model.base_tensors())
            wall = wall_before + time.time() - t0
            w.writerow([step, f"{np.mean(recent):.4f}", f"{valid:.4f}" if valid != "" else "", f"{lr:.2e}",
                        f"{tps:.0f}", f"{wall:.1f}", f"{peak_rss_mib():.0f}", "" if exact is None else f"{exact:.4f}"])
            log.flush()
            print(f"step {step:5d}  train {np.mean(recent):.4f}  valid {valid if valid == '' else f'{valid:.4f}'}"
                  f"{'' if exact is None else f'  exact {exact:.3f}'}  "
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
    model = load_for_inference(args.base or args.out, args.lora)
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
    ap.add_argument("--phase", choices=["pretrain", "lora", "full"], default="pretrain",
                    help="full: every weight of --base trained on the assistant tokens (the draft model)")
    ap.add_argument("--whole", action="store_true",
                    help="lora/full: train on whole conversations from their shared system turn, at real positions")
    ap.add_argument("--max-suffix", type=int, default=1536, help="--whole: tokens kept after the shared prefix")
    ap.add_argument("--eval-examples", type=int, default=48, help="--whole: validation examples in the valid loss")
    ap.add_argument("--lora-targets", default=",".join(LORA_TARGETS), help="comma-separated, of " + ",".join(ALL_TARGETS))
    ap.add_argument("--generate", action="store_true", help="greedy decoding instead of training")
    ap.add_argument("--preset", choices=sorted(PRESETS), default="tiny")
    ap.add_argument("--data", default=".work/train/data")
    ap.add_argument("--out", default=".work/train/ckpt/tiny")
    ap.add_argument("--train-split", default="train", help="data file stem to train on (e.g. code-train)")
    ap.add_argument("--valid-split", default="valid", help="data file stem for the validation loss")
    ap.add_argument("--base", help="pretrain checkpoint the LoRA phase (or --generate) starts from")
    ap.add_argument("--lora", help="LoRA checkpoint for --generate")
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--force", action="store_true", help="start over even if --out holds a checkpoint")
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--stop-after", type=int, default=0,
                    help="stop (and save) after this step while keeping the learning-rate schedule of --steps")
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--seq-len", type=int, default=256)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--init-std", type=float, default=0.02, help="std of the initial weights")
    ap.add_argument("--init-bias-std", type=float, default=0.0, help="std of the initial q/k/v biases")
    ap.add_argument("--tune-tokens", default="", help="lora: comma-separated tokens whose embedding rows also train")
    ap.add_argument("--token-lr-mult", type=float, default=5.0, help="learning-rate multiplier of those rows")
    ap.add_argument("--init-lora", help="lora: start the adapter from this LoRA checkpoint (not a resume)")
    ap.add_argument("--rank", type=int, default=16)
    ap.add_argument("--alpha", type=float, default=32.0)
    ap.add_argument("--log-every", type=int, default=10)
    ap.add_argument("--eval-every", type=int, default=50)
    ap.add_argument("--eval-batches", type=int, default=4)
    ap.add_argument("--save-every", type=int, default=100)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"],
                    help="auto: cuda when PyTorch sees a device, else cpu")
    ap.add_argument("--amp", default="auto", choices=["auto", "bf16", "none"],
                    help="bfloat16 autocast (auto: on cuda); --device cpu --amp bf16 runs the device's code path here")
    ap.add_argument("--keep-best", action="store_true",
                    help="--whole: also save the weights with the best valid exact match so far in OUT/best")
    ap.add_argument("--time-budget", type=float, default=0,
                    help="stop and save once this many seconds of this run have passed (0: no limit)")
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
