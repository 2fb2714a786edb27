#!/usr/bin/env python3
"""Ferret's GPU checks (issue 12), run by bench/scripts/device-run.sh on a machine with an NVIDIA GPU.

Steps (STEPS, in this order; each one's failure is recorded and the next one still runs):
  devices  nvidia-smi and `ferret devices` on the CUDA build
  bench    llama-bench against Ferret's Throughput on the same CUDA build and model (pp/tg, all layers on the GPU),
           ROUNDS rounds with the sides' order rotated; headline = median of the per-round ratios
  cpu      the same on the CPU alone (CUDA_VISIBLE_DEVICES empty, every core), for the CPU-vs-GPU table
  spec     plain vs draft model vs prompt lookup on calibrated pairs, Ferret and llama-speculative / llama-lookup
  train    the device profile of training/train_default.sh, if its inputs were packed
A step that would start after DEADLINE_S seconds is skipped and reported as skipped. Results: gpu-h200.json and
gpu-h200.md in the output folder, raw outputs in steps.log.
"""
import json
import os
import shlex
import statistics
import subprocess
import sys
import time

OUT = sys.argv[1]
ROOT = os.environ["FERRET_ROOT"]
JAVA = os.environ["FERRET_DEVICE_JAVA"]
CP = os.environ["FERRET_DEVICE_CP"]
LLAMA = os.environ["FERRET_DEVICE_LLAMA"]
WORK = os.environ["FERRET_DEVICE_WORK"]
STEPS = os.environ.get("STEPS", "devices bench cpu spec train").split()
DEADLINE = float(os.environ.get("DEADLINE_S", "520"))
ROUNDS = int(os.environ.get("ROUNDS", "5"))
CPU_ROUNDS = int(os.environ.get("CPU_ROUNDS", "3"))
REPS = int(os.environ.get("REPS", "5"))
PP = int(os.environ.get("PP", "512"))
TG = int(os.environ.get("TG", "128"))
NPROC = os.cpu_count() or 1
T0 = time.time()
LOG = open(os.path.join(OUT, "steps.log"), "a", encoding="utf-8")
RESULT = {"steps": {}, "settings": {"rounds": ROUNDS, "cpu_rounds": CPU_ROUNDS, "reps": REPS, "pp": PP, "tg": TG,
                                    "threads": NPROC}}


def log(msg):
    line = f"[device_run {time.time() - T0:6.1f}s] {msg}"
    print(line, file=sys.stderr, flush=True)
    LOG.write(line + "\n")
    LOG.flush()


def run(cmd, env=None, timeout=300, check=True):
    """Runs a command, logs it and its output, returns stdout."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    log("$ " + " ".join(shlex.quote(c) for c in cmd) + (f"   (env {env})" if env else ""))
    p = subprocess.run(cmd, env=full_env, capture_output=True, text=True, timeout=timeout)
    LOG.write(p.stdout[-20000:] + "\n" + p.stderr[-20000:] + "\n")
    LOG.flush()
    if check and p.returncode != 0:
        raise RuntimeError(f"{cmd[0]} exited {p.returncode}: {p.stderr.strip()[-800:]}")
    return p.stdout


def java(main, args, env=None, timeout=300):
    return run([JAVA, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xss4m", "-cp", CP,
                f"-Dferret.home={ROOT}", main] + args, env=env, timeout=timeout)


def ferret(args, env=None, timeout=300):
    return java("dev.ferret.cli.Main", args, env=env, timeout=timeout)


GPU_ENV = {"FERRET_LLAMA_LIBRARY": os.path.join(LLAMA, "lib", "libllama.so")}
CPU_ENV = dict(GPU_ENV, CUDA_VISIBLE_DEVICES="")


def model(name, args):
    """Creates a model with `ferret model create` once; returns its path."""
    path = os.path.join(WORK, name)
    if not os.path.exists(path):
        t = time.time()
        ferret(["model", "create", "--out", path] + args, timeout=600)
        log(f"created {name} in {time.time() - t:.1f} s")
    return path


def step_devices():
    out = {}
    out["nvidia_smi"] = run(["nvidia-smi", "--query-gpu=name,memory.total,driver_version,compute_cap",
                             "--format=csv,noheader"], check=False).strip()
    out["ferret_devices"] = ferret(["devices"], env=GPU_ENV)
    with open(os.path.join(OUT, "devices.txt"), "w", encoding="utf-8") as f:
        f.write("$ nvidia-smi\n" + out["nvidia_smi"] + "\n\n$ ferret devices (CUDA build)\n" + out["ferret_devices"]
)
    out["gpu_listed_by_ferret"] = "CUDA" in out["ferret_devices"]
    return out


def llama_bench(model_path, ngl, threads, env):
    text = run([os.path.join(LLAMA, "bin", "llama-bench"), "-m", model_path, "-ngl", str(ngl), "-p", str(PP),
                "-n", str(TG), "-r", str(REPS), "-t", str(threads), "-o", "json"], env=env, timeout=600)
    rows = json.loads(text)
    return {("pp" if r["n_prompt"] > 0 else "tg"): r["avg_ts"] for r in rows}


def ferret_bench(model_path, ngl, threads, env):
    text = java("dev.ferret.bench.Throughput", ["--model", model_path, "--pp", str(PP), "--tg", str(TG),
                                                 "--threads", str(threads), "--reps", str(REPS),
                                                 "--gpu-layers", str(ngl)], env=env, timeout=600)
    rows = [json.loads(l) for l in text.splitlines() if l.startswith("{")]
    return {r["test"][:2]: r["avg_ts"] for r in rows}


def compare(model_path, ngl, threads, env, rounds):
    """Rounds of llama-bench vs Ferret, order rotated; per-round ratios and their medians."""
    sides = {"llama-bench": llama_bench, "ferret": ferret_bench}
    names = list(sides)
    out = []
    for r in range(rounds):
        order = names[r % 2:] + names[:r % 2]
        res = {}
        for s in order:
            res[s] = sides[s](model_path, ngl, threads, env)
        row = {"round": r + 1, "order": order, "llama_bench": res["llama-bench"], "ferret": res["ferret"],
               "pp_ratio": res["ferret"]["pp"] / res["llama-bench"]["pp"],
               "tg_ratio": res["ferret"]["tg"] / res["llama-bench"]["tg"]}
        log(f"round {r + 1}: pp {row['pp_ratio']:.3f}, tg {row['tg_ratio']:.3f} "
            f"(llama-bench {res['llama-bench']}, ferret {res['ferret']})")
        out.append(row)
    return {"rounds": out,
            "prefill_ratio_vs_llama_bench": statistics.median(r["pp_ratio"] for r in out),
            "decode_ratio_vs_llama_bench": statistics.median(r["tg_ratio"] for r in out),
            "llama_bench_tps": {k: statistics.median(r["llama_bench"][k] for r in out) for k in ("pp", "tg")},
            "ferret_tps": {k: statistics.median(r["ferret"][k] for r in out) for k in ("pp", "tg")}}


def qwen05b():
    return model("qwen05b-q4_0.gguf", ["--preset", "qwen05b", "--quant", "q4_0", "--seed", "1"])


def step_bench():
    return dict(compare(qwen05b(), 99, NPROC, GPU_ENV, ROUNDS), model="qwen05b-q4_0.gguf (Qwen2.5-0.5B layer sizes, "
                "random weights, generated by ferret model create --preset qwen05b --quant q4_0 --seed 1)")


def step_cpu():
    return dict(compare(qwen05b(), 0, NPROC, CPU_ENV, CPU_ROUNDS), note="CUDA_VISIBLE_DEVICES empty: the CUDA "
                "build's CPU backend (AVX2, no -march=native) on every core")


def step_spec():
    script = os.path.join(ROOT, "bench", "scripts", "device_spec.py")
    if not os.path.exists(script):
        raise RuntimeError("no bench/scripts/device_spec.py")
    return json.loads(run([sys.executable, script], env=dict(GPU_ENV, DEVICE_OUT=OUT), timeout=int(
        max(60, DEADLINE - (time.time() - T0)))))


def step_train():
    script = os.path.join(ROOT, "training", "device_train.sh")
    if not os.path.exists(script):
        raise RuntimeError("no training/device_train.sh")
    return json.loads(run(["bash", script, OUT], timeout=int(max(60, DEADLINE + 60 - (time.time() - T0)))).strip()
                      .splitlines()[-1])


STEP_FUNCS = {"devices": step_devices, "bench": step_bench, "cpu": step_cpu, "spec": step_spec, "train": step_train}


def markdown(res):
    lines = ["# Ferret on the GPU (issue 12)", ""]
    smi = res.get("steps", {}).get("devices", {}).get("result", {}).get("nvidia_smi", "?")
    lines += [f"Machine: {smi}; {NPROC} CPU cores. Command: `bench/scripts/device-run.sh` (after "
              "`bench/scripts/device-pack.sh` on the build machine). Every ratio is Ferret ÷ llama-bench on the same "
              "llama.cpp b4980 CUDA build, the same model file and settings, in one run; sides rotated each round; "
              "the headline is the median of the per-round ratios.", ""]
    for name in ("bench", "cpu"):
        st = res["steps"].get(name, {})
        if st.get("status") != "ok":
            lines += [f"## {name}: {st.get('status', 'not run')} {st.get('error', '')}", ""]
            continue
        r = st["result"]
        where = "GPU (all layers offloaded, -ngl 99)" if name == "bench" else "CPU only"
        lines += [f"## {where}: pp{PP} {r['prefill_ratio_vs_llama_bench']:.3f}, tg{TG} "
                  f"{r['decode_ratio_vs_llama_bench']:.3f} of llama-bench", "",
                  "| round | order | llama-bench pp | Ferret pp | ratio | llama-bench tg | Ferret tg | ratio |",
                  "|---|---|---|---|---|---|---|---|"]
        for row in r["rounds"]:
            lines.append(f"| {row['round']} | {' → '.join(row['order'])} | {row['llama_bench']['pp']:.1f} | "
                         f"{row['ferret']['pp']:.1f} | {row['pp_ratio']:.3f} | {row['llama_bench']['tg']:.1f} | "
                         f"{row['ferret']['tg']:.1f} | {row['tg_ratio']:.3f} |")
        lines.append("")
    b, c = res["steps"].get("bench", {}), res["steps"].get("cpu", {})
    if b.get("status") == "ok" and c.get("status") == "ok":
        lines += ["## CPU vs GPU, same model, same run (tokens/s, medians)", "",
                  "| side | CPU pp | GPU pp | GPU/CPU | CPU tg | GPU tg | GPU/CPU |", "|---|---|---|---|---|---|---|"]
        for side, key in (("llama-bench", "llama_bench_tps"), ("Ferret", "ferret_tps")):
            cp, gp = c["result"][key], b["result"][key]
            lines.append(f"| {side} | {cp['pp']:.1f} | {gp['pp']:.1f} | {gp['pp'] / cp['pp']:.1f}x | {cp['tg']:.1f} | "
                         f"{gp['tg']:.1f} | {gp['tg'] / cp['tg']:.1f}x |")
        lines.append("")
    for name in ("spec", "train"):
        st = res["steps"].get(name, {})
        lines += [f"## {name}: {st.get('status', 'not run')}", ""]
        if st.get("status") == "ok" and isinstance(st.get("result"), dict) and "markdown" in st["result"]:
            lines += [st["result"]["markdown"], ""]
        elif st.get("error"):
            lines += ["    " + st["error"], ""]
    return "\n".join(lines) + "\n"


def save():
    RESULT["seconds"] = round(time.time() - T0, 1)
    with open(os.path.join(OUT, "gpu-h200.json"), "w", encoding="utf-8") as f:
        json.dump(RESULT, f, indent=2)
    with open(os.path.join(OUT, "gpu-h200.md"), "w", encoding="utf-8") as f:
        f.write(markdown(RESULT))


for name in STEPS:
    if time.time() - T0 > DEADLINE:
        RESULT["steps"][name] = {"status": "skipped", "error": f"deadline of {DEADLINE:.0f} s reached"}
        log(f"{name}: skipped (deadline)")
        continue
    t = time.time()
    try:
        RESULT["steps"][name] = {"status": "ok", "result": STEP_FUNCS[name]()}
    except Exception as e:  # one step's failure must not lose the others' results
        RESULT["steps"][name] = {"status": "failed", "error": str(e)[-2000:]}
    RESULT["steps"][name]["seconds"] = round(time.time() - t, 1)
    log(f"{name}: {RESULT['steps'][name]['status']} in {RESULT['steps'][name]['seconds']} s")
    save()
save()
