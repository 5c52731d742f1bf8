"""Grouped bar charts as standalone SVG, with optional whiskers, written
without third-party packages (CI and fresh machines have none).

    grouped_bars(title, unit, groups, series, values, spreads=None, log=False)

groups: the x-axis categories (workloads); series: the bars in each group
(interpreters); values[g][s]: a number or None (not measured); spreads[g][s]:
(low, high) drawn as a whisker. Returns the SVG text.
"""

import math
from xml.sax.saxutils import escape

PALETTE = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860"]
WIDTH = 900
HEIGHT = 420
LEFT, RIGHT, TOP, BOTTOM = 80, 20, 50, 110


def _nice_max(v):
    if v <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(v))
    for m in (1, 2, 2.5, 5, 10):
        if v <= m * exp:
            return m * exp
    return 10 * exp


def _fmt(v):
    if v == 0:
        return "0"
    if abs(v) >= 1e9:
        return f"{v / 1e9:g}G"
    if abs(v) >= 1e6:
        return f"{v / 1e6:g}M"
    if abs(v) >= 1e3:
        return f"{v / 1e3:g}k"
    return f"{v:g}"


def grouped_bars(title, unit, groups, series, values, spreads=None, reference_line=None):
    """A bar per (group, series); `reference_line` draws a dashed line at
    that value (1.0 for ratio charts)."""
    top = 0.0
    for g, row in enumerate(values):
        for s, v in enumerate(row):
            if v is None:
                continue
            hi = v
            if spreads and spreads[g][s]:
                hi = max(hi, spreads[g][s][1])
            top = max(top, hi)
    if reference_line is not None:
        top = max(top, reference_line)
    ymax = _nice_max(top * 1.05)
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM

    def y(v):
        return TOP + plot_h - plot_h * (v / ymax)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
        f'<text x="{WIDTH / 2}" y="22" text-anchor="middle" font-size="15">{escape(title)}</text>',
    ]
    for i in range(6):
        v = ymax * i / 5
        yy = y(v)
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{yy:.1f}" y2="{yy:.1f}" '
                   f'stroke="#ddd"/>')
        out.append(f'<text x="{LEFT - 6}" y="{yy + 4:.1f}" text-anchor="end">{_fmt(v)}</text>')
    out.append(f'<text x="16" y="{TOP + plot_h / 2}" text-anchor="middle" '
               f'transform="rotate(-90 16 {TOP + plot_h / 2})">{escape(unit)}</text>')
    group_w = plot_w / max(1, len(groups))
    bar_w = group_w * 0.8 / max(1, len(series))
    for g, name in enumerate(groups):
        x0 = LEFT + g * group_w + group_w * 0.1
        for s in range(len(series)):
            v = values[g][s]
            if v is None:
                continue
            x = x0 + s * bar_w
            out.append(f'<rect x="{x:.1f}" y="{y(v):.1f}" width="{bar_w * 0.9:.1f}" '
                       f'height="{y(0) - y(v):.1f}" fill="{PALETTE[s % len(PALETTE)]}">'
                       f'<title>{escape(name)} {escape(series[s])}: {v:.4g}</title></rect>')
            if spreads and spreads[g][s]:
                lo, hi = spreads[g][s]
                cx = x + bar_w * 0.45
                out.append(f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{y(lo):.1f}" y2="{y(hi):.1f}" '
                           f'stroke="black"/>')
                for yy in (y(lo), y(hi)):
                    out.append(f'<line x1="{cx - 3:.1f}" x2="{cx + 3:.1f}" y1="{yy:.1f}" '
                               f'y2="{yy:.1f}" stroke="black"/>')
        lx = x0 + group_w * 0.4
        out.append(f'<text x="{lx:.1f}" y="{TOP + plot_h + 14}" text-anchor="end" '
                   f'transform="rotate(-35 {lx:.1f} {TOP + plot_h + 14})">{escape(name)}</text>')
    if reference_line is not None:
        yy = y(reference_line)
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{yy:.1f}" y2="{yy:.1f}" '
                   f'stroke="black" stroke-dasharray="4 3"/>')
    out.append(f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{y(0):.1f}" stroke="black"/>')
    out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(0):.1f}" y2="{y(0):.1f}" '
               f'stroke="black"/>')
    lx = LEFT
    for s, name in enumerate(series):
        out.append(f'<rect x="{lx}" y="{HEIGHT - 22}" width="12" height="12" '
                   f'fill="{PALETTE[s % len(PALETTE)]}"/>')
        out.append(f'<text x="{lx + 16}" y="{HEIGHT - 12}">{escape(name)}</text>')
        lx += 30 + 8 * len(name)
    out.append("</svg>")
    return "\n".join(out) + "\n"
