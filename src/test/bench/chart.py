#!/usr/bin/env python3
"""Draws the side-by-side report's chart as a standalone SVG, from the BENCH-RESULT lines of a log.

    chart.py side-by-side.log chart.svg

Three panels: latency (p50 and p99, log scale) of each broadcast run, deliveries per second of each
broadcast run, and the step mode's 95th percentile round trip against the number of clients.
"""
import json
import math
import sys

COLORS = {"JCable": "#1f77b4", "Rails": "#d62728"}
W, H, PAD = 900, 300, 60


def results(path):
    with open(path) as log:
        return [json.loads(line[len("BENCH-RESULT "):]) for line in log if line.startswith("BENCH-RESULT ")]


def server(result):
    return "JCable" if result["label"].startswith("JCable") else "Rails"


def text(x, y, s, size=12, anchor="middle", rotate=None):
    turn = f' transform="rotate({rotate} {x} {y})"' if rotate else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"{turn}>{s}</text>'


def bars(top, title, unit, runs, values, log_scale):
    """runs: labels on the x axis; values: {server: [(value or None, ...)]} with one tuple per run."""
    out = [text(W / 2, top + 18, title, 14)]
    flat = [v for series in values.values() for run in series for v in run if v]
    high = max(flat) if flat else 1
    low = min(flat) if flat else 1
    scale_top, scale_bottom = top + 30, top + H - 40

    def y(v):
        if log_scale:
            lo, hi = math.log10(max(low / 2, 1e-3)), math.log10(high * 1.2)
            return scale_bottom - (math.log10(max(v, 1e-3)) - lo) / (hi - lo) * (scale_bottom - scale_top)
        return scale_bottom - v / (high * 1.1) * (scale_bottom - scale_top)

    out.append(f'<line x1="{PAD}" y1="{scale_bottom}" x2="{W - 20}" y2="{scale_bottom}" stroke="#333"/>')
    out.append(text(18, (scale_top + scale_bottom) / 2, unit, 11, rotate=-90))
    slot = (W - PAD - 20) / max(1, len(runs))
    servers = list(values)
    for i, run in enumerate(runs):
        out.append(text(PAD + slot * (i + 0.5), scale_bottom + 16, run, 11))
        for j, name in enumerate(servers):
            for k, v in enumerate(values[name][i]):
                if v is None:
                    continue
                bar = slot * 0.8 / (len(servers) * len(values[name][i]))
                x = PAD + slot * i + slot * 0.1 + bar * (j * len(values[name][i]) + k)
                opacity = 1.0 if k == len(values[name][i]) - 1 else 0.5
                out.append(f'<rect x="{x:.1f}" y="{y(v):.1f}" width="{bar * 0.9:.1f}" height="{scale_bottom - y(v):.1f}" '
                           f'fill="{COLORS[name]}" fill-opacity="{opacity}"/>')
                out.append(text(x + bar * 0.45, y(v) - 3, f"{v:.3g}", 9))
    return out


def lines(top, title, unit, series):
    """series: {server: [(clients, p95 ms)]}."""
    out = [text(W / 2, top + 18, title, 14)]
    points = [p for s in series.values() for p in s]
    if not points:
        return out
    max_x = max(p[0] for p in points)
    max_y = max(p[1] for p in points) * 1.1
    scale_top, scale_bottom = top + 30, top + H - 40
    out.append(f'<line x1="{PAD}" y1="{scale_bottom}" x2="{W - 20}" y2="{scale_bottom}" stroke="#333"/>')
    out.append(text(18, (scale_top + scale_bottom) / 2, unit, 11, rotate=-90))
    out.append(text(W / 2, scale_bottom + 30, "clients", 11))

    def xy(p):
        return (PAD + p[0] / max_x * (W - PAD - 40), scale_bottom - p[1] / max_y * (scale_bottom - scale_top))

    for name, s in series.items():
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in map(xy, s))
        out.append(f'<polyline points="{coords}" fill="none" stroke="{COLORS[name]}" stroke-width="2"/>')
        for p in s:
            x, y = xy(p)
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{COLORS[name]}"/>')
            out.append(text(x, y - 6, f"{p[1]:.3g}", 9))
        for p in s[:1]:
            out.append(text(xy(p)[0], scale_bottom + 16, str(p[0]), 10))
        out.append(text(xy(s[-1])[0], scale_bottom + 16, str(s[-1][0]), 10))
    return out


def main(log, svg):
    all_results = results(log)
    broadcast = [r for r in all_results if r["mode"] == "broadcast"]
    runs = []
    for r in broadcast:
        run = f'{r["clients"]} x {r["rate"]}/s'
        if run not in runs:
            runs.append(run)
    names = [n for n in COLORS if any(server(r) == n for r in all_results)]

    def per_run(pick):
        table = {n: [None] * len(runs) for n in names}
        for r in broadcast:
            table[server(r)][runs.index(f'{r["clients"]} x {r["rate"]}/s')] = pick(r)
        return {n: [v if v is not None else (None,) for v in table[n]] for n in names}

    body = []
    body += bars(0, "Broadcast latency: p50 (light) and p99 (dark), ms, log scale", "ms", runs,
                 per_run(lambda r: (r["p50Ms"], r["p99Ms"])), True)
    body += bars(H, "Deliveries per second (all delivered when it equals subscribers x rate)", "deliveries/s", runs,
                 per_run(lambda r: (r["deliveriesPerSecond"],)), False)
    steps = {server(r): [(s["clients"], s["p95Ms"]) for s in r["steps"]] for r in all_results if r["mode"] == "step"}
    body += lines(2 * H, "Step mode (websocket-bench): 95th percentile broadcast round trip", "ms", steps)
    legend = [f'<rect x="{W - 150}" y="{8 + 16 * i}" width="10" height="10" fill="{COLORS[n]}"/>'
              + text(W - 135, 17 + 16 * i, n, 11, "start") for i, n in enumerate(names)]
    with open(svg, "w") as out:
        out.write(f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{3 * H}" font-family="sans-serif">\n'
                  f'<rect width="100%" height="100%" fill="white"/>\n' + "\n".join(body + legend) + "\n</svg>\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
