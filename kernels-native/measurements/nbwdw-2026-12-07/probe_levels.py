"""probe-pairs.sh output: each bwd_w run with the core probe's clock and FMA GFLOP/s before and after it on the
same CPU, grouped by the pass's level (slow: median above 11 ms). usage: python3 probe_levels.py RAW..."""
import statistics
import sys

rows = []
for path in sys.argv[1:]:
    probes, ms = [], None
    for line in open(path):
        f = line.strip().split(",")
        if f[0] == "PROBE":
            probes.append((float(f[1]), float(f[2])))
            if ms is not None and len(probes) == 2:
                rows.append((ms, probes))
                probes, ms = [], None
        elif f[0] == "RES":
            ms = float(f[8])
for name, keep in (("slow (>11 ms)", lambda m: m > 11), ("fast (<=11 ms)", lambda m: m <= 11)):
    sel = [(m, p) for m, p in rows if keep(m)]
    if not sel:
        continue
    ms = [m for m, _ in sel]
    ghz = [g for _, p in sel for g, _ in p]
    gf = [f for _, p in sel for _, f in p]
    print(f"{name}: n={len(sel)} bwd_w {statistics.median(ms):.2f} ms ({min(ms):.2f}-{max(ms):.2f}); "
          f"clock {statistics.median(ghz):.2f} GHz ({min(ghz):.2f}-{max(ghz):.2f}); "
          f"FMA {statistics.median(gf):.0f} GFLOP/s ({min(gf):.0f}-{max(gf):.0f})")
