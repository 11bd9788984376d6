#!/usr/bin/env python3
"""pairs_by_period.py raw/t*.log: tp.sh pairs grouped by the host's period, read from the pair's slower
JVM's product/peak (slow: below 86%); per group the per-pair branch/main GFLOP/s ratio and each side's %."""
import os, statistics as st, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gemm10-2026-12-07"))
from report import jvms  # noqa: E402  (gemm10's reader of tp.sh logs: who, gflops, pct per JVM)

pairs = []
for path in sys.argv[1:]:
    runs = jvms(path)
    for a, b in zip(runs[::2], runs[1::2]):
        pairs.append({a["who"]: dict(a, gf=a["gflops"]), b["who"]: dict(b, gf=b["gflops"])})
for name, test in [("slow", lambda p: min(p["main"]["pct"], p["branch"]["pct"]) < 86),
                   ("good", lambda p: min(p["main"]["pct"], p["branch"]["pct"]) >= 86)]:
    g = [p for p in pairs if test(p)]
    if not g:
        continue
    r = [p["branch"]["gf"] / p["main"]["gf"] for p in g]
    mp = [p["main"]["pct"] for p in g]
    bp = [p["branch"]["pct"] for p in g]
    print(f"{name}: {len(g)} pairs; branch/main {st.median(r):.3f} ({min(r):.3f}-{max(r):.3f}), mean {st.mean(r):.3f}; "
          f"main {st.median(mp):.1f}% ({min(mp):.1f}-{max(mp):.1f}), branch {st.median(bp):.1f}% ({min(bp):.1f}-{max(bp):.1f})")
r = [p["branch"]["gf"] / p["main"]["gf"] for p in pairs]
print(f"all: {len(pairs)} pairs; branch/main median {st.median(r):.3f}, mean {st.mean(r):.4f} +- {st.stdev(r) / len(r) ** 0.5:.4f} (s.e.)")
