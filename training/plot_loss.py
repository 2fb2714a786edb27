#!/usr/bin/python3
"""Draws loss curves (train and valid loss against step) from train.py log.csv files, as PNG (matplotlib, installed
by training/setup.sh) or, for an .svg output, as a standalone SVG written by hand.

    training/plot_loss.py CKPT_DIR/log.csv OUT.png [--title TEXT]
    training/plot_loss.py A/log.csv B/log.csv OUT.png --labels base,lora   # several runs on one figure

The valid loss is whatever train.py logged: every token for pretraining, the assistant's tokens for lora/full.
"""
import argparse
import csv
from xml.sax.saxutils import escape

COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]


def read_log(path):
    train, valid = [], []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            s = int(row["step"])
            if row["train_loss"]:
                train.append((s, float(row["train_loss"])))
            if row["valid_loss"]:
                valid.append((s, float(row["valid_loss"])))
    if not train and not valid:
        raise SystemExit(f"{path}: no rows")
    return train, valid


def series_of(logs, labels):
    out = []
    for i, (train, valid) in enumerate(logs):
        prefix = (labels[i] + " ") if labels else ""
        out.append((train, COLORS[(2 * i) % len(COLORS)], prefix + "train", "-"))
        out.append((valid, COLORS[(2 * i + 1) % len(COLORS)], prefix + "valid", "--"))
    return [s for s in out if s[0]]


def write_png(series, out, title):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(6.4, 4.0), dpi=100)
    for pts, color, name, style in series:
        ax.plot([s for s, _ in pts], [v for _, v in pts], style, color=color, marker="o", markersize=2.5, label=name + " loss")
    ax.set_xlabel("step")
    ax.set_ylabel("loss (nats/token)")
    ax.set_ylim(bottom=0)
    ax.grid(True, color="#ddd")
    ax.legend()
    if title:
        ax.set_title(title, fontsize=11)
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)


def write_svg(series, out, title):
    pts = [p for s in series for p in s[0]]
    W, H, L, R, T, B = 640, 400, 60, 20, 40, 50
    x_max = max(s for s, _ in pts)
    y_max = max(v for _, v in pts) * 1.05
    y_min = 0.0

    def X(s):
        return L + (W - L - R) * s / max(1, x_max)

    def Y(v):
        return T + (H - T - B) * (1 - (v - y_min) / max(1e-9, y_max - y_min))

    o = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
         f'font-family="sans-serif" font-size="12">',
         f'<rect width="{W}" height="{H}" fill="white"/>',
         f'<text x="{W / 2}" y="20" text-anchor="middle" font-size="14">{escape(title)}</text>']
    for i in range(6):
        v = y_min + (y_max - y_min) * i / 5
        o.append(f'<line x1="{L}" y1="{Y(v):.1f}" x2="{W - R}" y2="{Y(v):.1f}" stroke="#ddd"/>')
        o.append(f'<text x="{L - 6}" y="{Y(v) + 4:.1f}" text-anchor="end">{v:.2f}</text>')
    for i in range(6):
        s = x_max * i / 5
        o.append(f'<text x="{X(s):.1f}" y="{H - B + 18}" text-anchor="middle">{s:.0f}</text>')
    o.append(f'<line x1="{L}" y1="{H - B}" x2="{W - R}" y2="{H - B}" stroke="black"/>')
    o.append(f'<line x1="{L}" y1="{T}" x2="{L}" y2="{H - B}" stroke="black"/>')
    o.append(f'<text x="{(L + W - R) / 2}" y="{H - 12}" text-anchor="middle">step</text>')
    o.append(f'<text x="16" y="{(T + H - B) / 2}" text-anchor="middle" '
             f'transform="rotate(-90 16 {(T + H - B) / 2})">loss (nats/token)</text>')
    for k, (pts_, color, name, style) in enumerate(series):
        path = " ".join(f"{X(s):.1f},{Y(v):.1f}" for s, v in pts_)
        dash = ' stroke-dasharray="6 3"' if style == "--" else ""
        o.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"{dash}/>')
        for s, v in pts_:
            o.append(f'<circle cx="{X(s):.1f}" cy="{Y(v):.1f}" r="2.5" fill="{color}"/>')
        o.append(f'<rect x="{W - R - 150}" y="{T + 8 + 18 * k}" width="14" height="3" fill="{color}"/>')
        o.append(f'<text x="{W - R - 130}" y="{T + 14 + 18 * k}">{escape(name)} loss</text>')
    o.append("</svg>")
    with open(out, "w") as f:
        f.write("\n".join(o) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", help="one or more log.csv files, then the output file (.png or .svg)")
    ap.add_argument("--title", default="")
    ap.add_argument("--labels", default="", help="comma-separated run names, one per log")
    args = ap.parse_args()
    if len(args.paths) < 2:
        raise SystemExit("give at least one log.csv and an output file")
    *logs, out = args.paths
    labels = [x for x in args.labels.split(",") if x] if args.labels else []
    if labels and len(labels) != len(logs):
        raise SystemExit(f"--labels names {len(labels)} runs for {len(logs)} logs")
    series = series_of([read_log(p) for p in logs], labels)
    if out.endswith(".svg"):
        write_svg(series, out, args.title)
    else:
        write_png(series, out, args.title)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
