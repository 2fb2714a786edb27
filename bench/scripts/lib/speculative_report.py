"""Assembles the runs of bench/scripts/speculative.sh into speculative-<set>.json / .md and summary.json.

usage: speculative_report.py RUNS_TSV OUT_JSON OUT_MD   (the script's environment carries the settings)
"""
import json
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import summary  # noqa: E402

runs_tsv, out_json, out_md = sys.argv[1:]
env = os.environ
root = env["FERRET_ROOT"]
prompts = env["PROMPT_FILES"].split()
SPEC_SIDES = {  # side -> (implementation, mode, settings)
    "ferret-draft": ("ferret", "draft", "llama.cpp's: max 16, no cut-off"),
    "ferret-draft-adaptive": ("ferret", "draft", "Ferret's defaults: adaptive, max 16, min 4, p-min 0.4"),
    "ferret-lookup": ("ferret", "lookup", "llama.cpp's: max 16"),
    "ferret-lookup-adaptive": ("ferret", "lookup", "Ferret's defaults: adaptive, max 16, min 1"),
    "llama-speculative": ("llama.cpp", "draft", "--draft-max 16"),
    "llama-lookup": ("llama.cpp", "lookup", "--draft-max 16"),
}
PLAIN = {"ferret": "ferret-plain", "llama.cpp": "llama-plain"}


def rel(p):
    return os.path.relpath(p, root) if p.startswith(root + "/") else p


def parse_llama(out):
    """Per prompt: tokens, seconds, drafted, accepted and the generated text, from the tool's stdout/stderr."""
    res = []
    for i, prompt in enumerate(prompts):
        err = open(f"{out}.{i}.stderr", errors="replace").read()
        std = open(f"{out}.{i}.stdout", errors="replace").read()
        m = re.search(r"decoded\s+(\d+) tokens in\s+([0-9.]+) seconds", err)
        if not m:
            raise SystemExit(f"no 'decoded ... tokens' line in {out}.{i}.stderr")
        drafted = re.search(r"n_drafted\s*=\s*(\d+)", err)
        accepted = re.search(r"n_accept\s*=\s*(\d+)", err)
        text = std
        ptext = open(prompt, errors="replace").read()
        ptext = ptext[:-1] if ptext.endswith("\n") else ptext
        if text.startswith("\n\n"):
            text = text[2:]
        text = text[len(ptext):] if text.startswith(ptext) else None
        if text is not None and text.endswith("\n\n"):
            text = text[:-2]
        res.append({"prompt": os.path.basename(prompt), "n_gen": int(m.group(1)), "decode_s": float(m.group(2)),
                    "drafted": int(drafted.group(1)) if drafted else 0, "accepted": int(accepted.group(1)) if accepted else 0,
                    "text": text})
    return res


def parse_ferret(out):
    return [json.loads(line) for line in open(out) if line.startswith("{")]


runs = {}       # (round, pair, side) -> {"prompts": [...], "others_pct", ...}
discarded = []
for line in open(runs_tsv):
    r, pair, side, out, idle, others, attempt, kept, wall, _cpu = line.rstrip("\n").split("\t")
    entry = {"round": int(r) + 1, "pair": pair, "side": side, "idle_pct_before": int(idle), "others_pct_during": int(others),
             "attempt": int(attempt), "process_wall_s": float(wall) if wall else None}
    entry["prompts"] = parse_ferret(out) if side.startswith("ferret") else parse_llama(out)
    if kept == "1":
        runs[(int(r), pair, side)] = entry
    else:
        discarded.append(entry)

rounds = sorted({k[0] for k in runs})
pairs = []
for k in runs:
    if k[1] not in pairs:
        pairs.append(k[1])


def tps(entry):
    toks = sum(p["n_gen"] for p in entry["prompts"])
    secs = sum(p["decode_s"] for p in entry["prompts"])
    return toks / secs if secs > 0 else 0.0


def acceptance(entries):
    d = sum(p["drafted"] for e in entries for p in e["prompts"])
    a = sum(p["accepted"] for e in entries for p in e["prompts"])
    return (a / d if d else None), d, a


def same_prefix(a, b):
    """Characters the two greedy texts share from the start, and the shorter length."""
    if a is None or b is None:
        return None
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return {"common_prefix_chars": n, "shorter_chars": min(len(a), len(b))}


doc = {"date_utc": env["run_start"], "pair_set": env["PAIR_SET"],
       "machine": {"cpu_model": env["CPU_MODEL"], "nproc": int(env["NPROC"]), "loadavg_before": env["load_before"],
                   "loadavg_after": env["load_after"]},
       "jdk": env["JDK_VERSION"],
       "settings": {"rounds": int(env["ROUNDS"]), "n": int(env["N"]), "threads": int(env["THREADS"]), "gpu_layers": int(env["GPU_LAYERS"]),
                    "quiet_idle_pct": int(env["QUIET_IDLE"]), "others_max_pct": int(env["OTHERS_MAX"]), "retries": int(env["RETRIES"]),
                    "prompts": [rel(p) for p in prompts], "greedy": "--temp 0 --top-k 1 / GenerationRequest.greedy",
                    "order": "rounds rotate the order of the sides"},
       "library": rel(env["LLAMA_LIB"]), "llama_dir": rel(env["LLAMA_DIR"]),
       "pairs": {}, "results": [], "discarded_runs": [{k: v for k, v in d.items() if k != "prompts"} for d in discarded]}
for p in env["ALL_PAIRS_USED"].split():
    name, noise, *draft_noise = p.split(":")
    doc["pairs"][name] = {"synthetic": True, "draft": env["SOURCE"], "target": rel(os.path.join(env["PAIRS_DIR"], name + ".gguf")),
                          "command": f"./ferret model create --from {env['SOURCE']} {env['SHAPE_ARGS']} --noise {noise} --out {rel(os.path.join(env['PAIRS_DIR'], name + '.gguf'))}",
                          "noise": float(noise)}
    if draft_noise:
        # the draft: the source plus 4 blocks of large noise, so that its guesses are (nearly) never the target's
        draft = rel(os.path.join(env["PAIRS_DIR"], name + "-draft.gguf"))
        doc["pairs"][name]["draft"] = draft
        doc["pairs"][name]["draft_noise"] = float(draft_noise[0])
        doc["pairs"][name]["command"] += (f"; draft: ./ferret model create --from {env['SOURCE']} --extra-layers 4"
                                          f" --noise {draft_noise[0]} --seed 3 --out {draft}")

speculative = []
for pair in pairs:
    pr = {"pair": pair, "plain_tps": {}, "sides": {}}
    for impl, plain in PLAIN.items():
        pr["plain_tps"][impl] = [round(tps(runs[(r, pair, plain)]), 3) for r in rounds]
    # greedy texts: Ferret plain vs llama.cpp plain, prompt by prompt (first round)
    fp = runs[(rounds[0], pair, "ferret-plain")]["prompts"]
    lp = runs[(rounds[0], pair, "llama-plain")]["prompts"]
    pr["plain_text_agreement"] = [dict(prompt=a["prompt"], **(same_prefix(a.get("text"), b.get("text")) or {})) for a, b in zip(fp, lp)]
    for side, (impl, mode, settings) in SPEC_SIDES.items():
        per_round = []
        for r in rounds:
            s = tps(runs[(r, pair, side)]) / tps(runs[(r, pair, PLAIN[impl])])
            per_round.append(s)
        acc, d, a = acceptance([runs[(r, pair, side)] for r in rounds])
        same = [p.get("text") == q.get("text") if side.startswith("ferret") else None
                for p, q in zip(runs[(rounds[0], pair, side)]["prompts"], runs[(rounds[0], pair, PLAIN[impl])]["prompts"])]
        pr["sides"][side] = {"implementation": impl, "mode": mode, "settings": settings, "tps": [round(tps(runs[(r, pair, side)]), 3) for r in rounds],
                             "speedup_per_round": [round(x, 4) for x in per_round], "speedup_median": round(statistics.median(per_round), 4),
                             "acceptance": round(acc, 4) if acc is not None else None, "drafted": d, "accepted": a,
                             "greedy_text_equals_plain": same if side.startswith("ferret") else None,
                             "per_prompt_speedup_median": {
                                 p["prompt"]: round(statistics.median(
                                     [(runs[(r, pair, side)]["prompts"][i]["n_gen"] / runs[(r, pair, side)]["prompts"][i]["decode_s"])
                                      / (runs[(r, pair, PLAIN[impl])]["prompts"][i]["n_gen"] / runs[(r, pair, PLAIN[impl])]["prompts"][i]["decode_s"])
                                      for r in rounds]), 4)
                                 for i, p in enumerate(runs[(rounds[0], pair, side)]["prompts"])}}
    for mode, fside, fside_ad, lside in (("draft", "ferret-draft", "ferret-draft-adaptive", "llama-speculative"),
                                        ("lookup", "ferret-lookup", "ferret-lookup-adaptive", "llama-lookup")):
        f = pr["sides"][fside]
        fa = pr["sides"][fside_ad]
        l = pr["sides"][lside]
        ratios = [x / y for x, y in zip(f["speedup_per_round"], l["speedup_per_round"])]
        ratios_ad = [x / y for x, y in zip(fa["speedup_per_round"], l["speedup_per_round"])]
        pr[f"{mode}_ratio_per_round"] = [round(x, 4) for x in ratios]
        pr[f"{mode}_ratio_median"] = round(statistics.median(ratios), 4)
        pr[f"{mode}_adaptive_ratio_median"] = round(statistics.median(ratios_ad), 4)
        speculative.append({"pair": pair, "mode": mode, "acceptance": f["acceptance"], "llama_cpp_acceptance": l["acceptance"],
                            "ferret_speedup": f["speedup_median"], "llama_cpp_speedup": l["speedup_median"],
                            "ferret_over_llama_cpp": pr[f"{mode}_ratio_median"],
                            "ferret_adaptive_speedup": fa["speedup_median"], "ferret_adaptive_acceptance": fa["acceptance"],
                            "rounds": len(rounds), "synthetic": True, "source": os.path.basename(out_json)})
    doc["results"].append(pr)
doc["runs"] = [{k: v for k, v in e.items()} for e in runs.values()]
json.dump(doc, open(out_json, "w"), indent=2)

# summary.json: replace this pair set's entries, keep the others'
spath = os.path.join(os.path.dirname(out_json), "summary.json")
old = []
if os.path.exists(spath):
    old = json.load(open(spath)).get("speculative", [])
kept = [e for e in old if not str(e.get("pair", "")).startswith(env["PAIR_SET"] + "-")]
summary.merge(spath, {"speculative": kept + speculative})

# markdown
L = [f"# Speculative decoding side by side with llama.cpp: pair set `{env['PAIR_SET']}` (SYNTHETIC calibrated pairs)", "",
     f"Written by `bench/scripts/speculative.sh`; raw numbers in `{os.path.basename(out_json)}`.", "",
     f"- Date (UTC): {doc['date_utc']}; machine: {doc['machine']['cpu_model']}, {doc['machine']['nproc']} CPUs; "
     f"load average before {doc['machine']['loadavg_before']}, after {doc['machine']['loadavg_after']}",
     f"- llama.cpp: `{doc['library']}` and the tools beside it (`{doc['llama_dir']}/bin`); JDK: {doc['jdk']}",
     f"- {doc['settings']['rounds']} rounds, sides rotated; {doc['settings']['n']} tokens per prompt, greedy, {doc['settings']['threads']} threads, "
     f"GPU layers {doc['settings']['gpu_layers']}; prompts: " + ", ".join(f"`{p}`" for p in doc["settings"]["prompts"]),
     f"- Each run waited for >= {doc['settings']['quiet_idle_pct']}% idle CPU and was repeated when other processes took more than "
     f"{doc['settings']['others_max_pct']}% of the machine meanwhile ({len(doc['discarded_runs'])} runs repeated)",
     "- Speed: generated tokens / decoding seconds (after the prompt), summed over the prompts; speed-up: over the same "
     "implementation's plain decoding in the same round; headline: median over rounds. llama.cpp's plain decoding is "
     "`llama-lookup --draft-max 0`: the same loop and timer as its speculative tools.",
     "- The pairs are synthetic: the draft is a small trained model, the target that model widened with extra layers "
     "(`ferret model create --from`), so its text is the small model's and only the cost and the acceptance are realistic.", ""]
L.append("| pair | mode | acceptance Ferret / llama.cpp | **Ferret speed-up** | **llama.cpp speed-up** | **Ferret / llama.cpp** | Ferret adaptive speed-up (acceptance) | plain t/s Ferret / llama.cpp (median) |")
L.append("|---|---|---|---:|---:|---:|---|---|")
for pr, e in ((pr, e) for pr in doc["results"] for e in speculative if e["pair"] == pr["pair"]):
    fpl = statistics.median(pr["plain_tps"]["ferret"])
    lpl = statistics.median(pr["plain_tps"]["llama.cpp"])
    fa = e["ferret_adaptive_acceptance"]
    L.append(f"| {e['pair']} | {e['mode']} | {e['acceptance']} / {e['llama_cpp_acceptance']} | **{e['ferret_speedup']:.3f}** | "
             f"**{e['llama_cpp_speedup']:.3f}** | **{e['ferret_over_llama_cpp']:.3f}** | {e['ferret_adaptive_speedup']:.3f} ({fa}) | "
             f"{fpl:.1f} / {lpl:.1f} |")
L.append("")
for pr in doc["results"]:
    L.append(f"## {pr['pair']}")
    L.append("")
    L.append(f"Target: `{doc['pairs'][pr['pair']]['command']}`")
    L.append("")
    L.append("| side | settings | t/s per round | speed-up per round | median | acceptance | per-prompt speed-up (median) |")
    L.append("|---|---|---|---|---:|---:|---|")
    for impl, plain in PLAIN.items():
        L.append(f"| {plain} | plain | {', '.join(f'{x:.1f}' for x in pr['plain_tps'][impl])} | 1 | 1 | | |")
    for side, s in pr["sides"].items():
        pp = ", ".join(f"{k.replace('.txt', '')} {v:.2f}" for k, v in s["per_prompt_speedup_median"].items())
        L.append(f"| {side} | {s['settings']} | {', '.join(f'{x:.1f}' for x in s['tps'])} | {', '.join(f'{x:.3f}' for x in s['speedup_per_round'])} | "
                 f"{s['speedup_median']:.3f} | {s['acceptance']} ({s['accepted']}/{s['drafted']}) | {pp} |")
    L.append("")
    L.append(f"Ferret / llama.cpp speed-up per round: draft {', '.join(f'{x:.3f}' for x in pr['draft_ratio_per_round'])}; "
             f"lookup {', '.join(f'{x:.3f}' for x in pr['lookup_ratio_per_round'])}.")
    eq = {side: s["greedy_text_equals_plain"] for side, s in pr["sides"].items() if s["greedy_text_equals_plain"] is not None}
    L.append("Greedy text of each Ferret speculative side equal to Ferret's plain text, prompt by prompt: "
             + "; ".join(f"{k} {v}" for k, v in eq.items()) + ".")
    L.append("Ferret's plain text vs llama.cpp's plain text (characters in common from the start / shorter text): "
             + "; ".join(f"{a['prompt']} {a.get('common_prefix_chars')}/{a.get('shorter_chars')}" for a in pr["plain_text_agreement"]) + ".")
    L.append("")
L.append("## Commands")
L.append("")
L.append("```sh")
L.append(f"PAIR_SET={env['PAIR_SET']} ROUNDS={env['ROUNDS']} N={env['N']} THREADS={env['THREADS']} bench/scripts/speculative.sh")
for name, p in doc["pairs"].items():
    L.append(p["command"])
L.append("```")
L.append("")
open(out_md, "w").write("\n".join(L))
