"""A self-contained HTML page of an evaluation: the figures against their targets, a
calibration plot and a confidence histogram (inline SVG: no plotting library, no
network, opens in any browser)."""
from __future__ import annotations

import html
from datetime import datetime

import polars as pl

# Issues 3 and 7's bar: (figure, comparison, target).
TARGETS = {
    "residence_hit@1": (">=", 0.92),
    "residence_hit@3": (">=", 0.97),
    "precision@conf>=0.8": (">=", 0.98),
    "false_lead_rate": ("<=", 0.005),
    "ece_residence": ("<=", 0.05),
    "workplace_hit@1": (">=", 0.80),
    "phone_hit@1": (">=", 0.85),
    "violation_precision": (">=", 0.98),     # issue 7
}

W, H, PAD = 420, 320, 44


def _bins(labelled: pl.DataFrame, bins: int = 10) -> pl.DataFrame:
    df = labelled.select(pl.col("confidence").cast(pl.Float64), pl.col("right").cast(pl.Float64))
    df = df.with_columns((pl.col("confidence") * bins).floor().clip(0, bins - 1).cast(pl.Int32).alias("bin"))
    return df.group_by("bin").agg(pl.col("confidence").mean().alias("conf"), pl.col("right").mean().alias("acc"),
                                  pl.len().alias("n")).sort("bin")


def _x(v: float) -> float:
    return PAD + v * (W - 2 * PAD)


def _y(v: float) -> float:
    return H - PAD - v * (H - 2 * PAD)


def _axes(xlabel: str, ylabel: str, ymax_label: str = "1") -> list[str]:
    out = [f'<line x1="{PAD}" y1="{H - PAD}" x2="{W - PAD}" y2="{H - PAD}" stroke="#333"/>',
           f'<line x1="{PAD}" y1="{PAD}" x2="{PAD}" y2="{H - PAD}" stroke="#333"/>']
    for t in (0, 0.2, 0.4, 0.6, 0.8, 1.0):
        out.append(f'<text x="{_x(t):.1f}" y="{H - PAD + 16}" font-size="11" text-anchor="middle">{t:.1f}</text>')
    out.append(f'<text x="{PAD - 6}" y="{_y(0) + 4:.1f}" font-size="11" text-anchor="end">0</text>')
    out.append(f'<text x="{PAD - 6}" y="{_y(1) + 4:.1f}" font-size="11" text-anchor="end">{ymax_label}</text>')
    out.append(f'<text x="{W / 2}" y="{H - 8}" font-size="12" text-anchor="middle">{html.escape(xlabel)}</text>')
    out.append(f'<text x="14" y="{H / 2}" font-size="12" text-anchor="middle" '
               f'transform="rotate(-90 14 {H / 2})">{html.escape(ylabel)}</text>')
    return out


def calibration_svg(labelled: pl.DataFrame) -> str:
    """Fraction right against mean confidence per tenth; dot area ~ number of places."""
    b = _bins(labelled)
    parts = _axes("confidence given", "fraction right")
    parts.append(f'<line x1="{_x(0)}" y1="{_y(0)}" x2="{_x(1)}" y2="{_y(1)}" stroke="#aaa" stroke-dasharray="4 3"/>')
    total = max(int(b["n"].sum()), 1) if b.height else 1
    pts = []
    for row in b.iter_rows(named=True):
        r = 3 + 12 * (row["n"] / total) ** 0.5
        pts.append(f"{_x(row['conf']):.1f},{_y(row['acc']):.1f}")
        parts.append(f'<circle cx="{_x(row["conf"]):.1f}" cy="{_y(row["acc"]):.1f}" r="{r:.1f}" fill="#1f77b4" '
                     f'fill-opacity="0.6"><title>confidence {row["conf"]:.2f}: {row["acc"]:.1%} right '
                     f'of {row["n"]}</title></circle>')
    if pts:
        parts.append(f'<polyline points="{" ".join(pts)}" fill="none" stroke="#1f77b4"/>')
    return f'<svg width="{W}" height="{H}" xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'


def histogram_svg(labelled: pl.DataFrame, bins: int = 20) -> str:
    """Rank-1 residences by confidence, right (blue) stacked under wrong (red)."""
    df = labelled.select(pl.col("confidence").cast(pl.Float64), pl.col("right"))
    df = df.with_columns((pl.col("confidence") * bins).floor().clip(0, bins - 1).cast(pl.Int32).alias("bin"))
    g = df.group_by("bin").agg(pl.col("right").sum().alias("right"), (~pl.col("right")).sum().alias("wrong"))
    counts = {r["bin"]: (r["right"], r["wrong"]) for r in g.iter_rows(named=True)}
    peak = max([a + b for a, b in counts.values()] or [1])
    parts = _axes("confidence given", "places", str(peak))
    width = (W - 2 * PAD) / bins
    for i in range(bins):
        right, wrong = counts.get(i, (0, 0))
        x = PAD + i * width
        h_r = (right / peak) * (H - 2 * PAD)
        h_w = (wrong / peak) * (H - 2 * PAD)
        parts.append(f'<rect x="{x + 1:.1f}" y="{H - PAD - h_r:.1f}" width="{width - 2:.1f}" height="{h_r:.1f}" '
                     f'fill="#1f77b4"><title>{right} right</title></rect>')
        parts.append(f'<rect x="{x + 1:.1f}" y="{H - PAD - h_r - h_w:.1f}" width="{width - 2:.1f}" '
                     f'height="{h_w:.1f}" fill="#d62728"><title>{wrong} wrong</title></rect>')
    return f'<svg width="{W}" height="{H}" xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'


def _fmt(v) -> str:
    return f"{v:.3f}" if isinstance(v, float) else html.escape(str(v))


def render(report: dict, labelled: pl.DataFrame, title: str) -> str:
    rows = []
    for k, v in report.items():
        target, status = "", ""
        if k in TARGETS and isinstance(v, (int, float)):
            op, t = TARGETS[k]
            ok = v >= t if op == ">=" else v <= t
            target, status = f"{op} {t}", ("met" if ok else "not met")
        cls = {"met": "ok", "not met": "no"}.get(status, "")
        rows.append(f"<tr><td>{html.escape(k)}</td><td>{_fmt(v)}</td><td>{target}</td>"
                    f'<td class="{cls}">{status}</td></tr>')
    top = labelled.filter(pl.col("rank") == 1) if labelled.height else labelled
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:960px}} table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:3px 8px;text-align:left}} .ok{{color:#2a7d2a}} .no{{color:#b22}}
figure{{display:inline-block;margin:1em 1em 0 0}} figcaption{{font-size:13px;max-width:{W}px}}</style></head>
<body><h1>{html.escape(title)}</h1>
<p>Written {datetime.now():%Y-%m-%d %H:%M}. A place is right when it is the true door (premises, building,
unit and room agree; a city code where the district was not written is accepted).</p>
<table><tr><th>figure</th><th>value</th><th>target</th><th></th></tr>{"".join(rows)}</table>
<figure>{calibration_svg(labelled)}<figcaption>Calibration of residence confidence: each dot is one tenth of
the confidence scale, placed at its mean confidence and the fraction of its places that are right; on the
dashed line, confidence means what it says. Dot area grows with the number of places
({labelled.height} ranked residences).</figcaption></figure>
<figure>{histogram_svg(top)}<figcaption>Rank-1 residences by confidence: right (blue) and wrong (red),
{top.height} debtors.</figcaption></figure>
</body></html>
"""
