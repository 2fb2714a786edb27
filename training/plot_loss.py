#!/usr/bin/env python3
"""Writes a loss curve (train and valid loss against step) as a standalone SVG from a train.py log.csv.

    training/plot_loss.py CKPT_DIR/log.csv OUT.svg [--title TEXT]

No plotting library needed: the SVG is written by hand.
"""
import argparse
import csv
from xml.sax.saxutils import escape


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("csv")
    ap.add_argument("svg")
    ap.add_argument("--title", default="")
    args = ap.parse_args()
    train, valid = [], []
    with open(args.csv, newline="") as f:
        for row in csv.DictReader(f):
            s = int(row["step"])
            if row["train_loss"]:
                train.append((s, float(row["train_loss"])))
            if row["valid_loss"]:
                valid.append((s, float(row["valid_loss"])))
    pts = train + valid
    if not pts:
        raise SystemExit(f"{args.csv}: no rows")
    W, H, L, R, T, B = 640, 400, 60, 20, 40, 50
    x_max = max(s for s, _ in pts)
    y_max = max(v for _, v in pts) * 1.05
    y_min = 0.0

    def X(s):
        return L + (W - L - R) * s / max(1, x_max)

    def Y(v):
        return T + (H - T - B) * (1 - (v - y_min) / max(1e-9, y_max - y_min))

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
           f'font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{W / 2}" y="20" text-anchor="middle" font-size="14">{escape(args.title)}</text>']
    # axes and grid
    for i in range(6):
        v = y_min + (y_max - y_min) * i / 5
        out.append(f'<line x1="{L}" y1="{Y(v):.1f}" x2="{W - R}" y2="{Y(v):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{L - 6}" y="{Y(v) + 4:.1f}" text-anchor="end">{v:.2f}</text>')
    for i in range(6):
        s = x_max * i / 5
        out.append(f'<text x="{X(s):.1f}" y="{H - B + 18}" text-anchor="middle">{s:.0f}</text>')
    out.append(f'<line x1="{L}" y1="{H - B}" x2="{W - R}" y2="{H - B}" stroke="black"/>')
    out.append(f'<line x1="{L}" y1="{T}" x2="{L}" y2="{H - B}" stroke="black"/>')
    out.append(f'<text x="{(L + W - R) / 2}" y="{H - 12}" text-anchor="middle">step</text>')
    out.append(f'<text x="16" y="{(T + H - B) / 2}" text-anchor="middle" '
               f'transform="rotate(-90 16 {(T + H - B) / 2})">loss (nats/token)</text>')
    for series, color, name, k in ((train, "#1f77b4", "train", 0), (valid, "#d62728", "valid", 1)):
        if not series:
            continue
        path = " ".join(f"{X(s):.1f},{Y(v):.1f}" for s, v in series)
        out.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for s, v in series:
            out.append(f'<circle cx="{X(s):.1f}" cy="{Y(v):.1f}" r="2.5" fill="{color}"/>')
        out.append(f'<rect x="{W - R - 110}" y="{T + 8 + 18 * k}" width="14" height="3" fill="{color}"/>')
        out.append(f'<text x="{W - R - 90}" y="{T + 14 + 18 * k}">{name} loss</text>')
    out.append("</svg>")
    with open(args.svg, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
