#!/usr/bin/env python3
"""Summarises raw/h*.log (GemmAlternate runs): per JVM the median GFLOP/s and product/peak of each variant
and the median per-round ratio to main; then over all JVMs of each hold and over every round of every JVM."""
import glob, re, statistics, sys

ROUND = re.compile(r"^round +\d+:(.*)$")
ITEM = re.compile(r"(\w+) ([\d.]+) \(([\d.]+)%\)")

def jvms(path):
    runs = []
    run = None
    for line in open(path):
        if line.startswith("== start"):
            run = {"head": line.split()[3], "rounds": []}
            runs.append(run)
        m = ROUND.match(line)
        if m and run is not None:
            run["rounds"].append({k: (float(g), float(p)) for k, g, p in ITEM.findall(m.group(1))})
    return runs

def med(xs):
    return statistics.median(xs)

allrounds = []
for path in sorted(glob.glob("raw/h*.log")) if len(sys.argv) < 2 else sys.argv[1:]:
    tag = path.split("/")[-1][:-4]
    print(f"## {tag}")
    for run in jvms(path):
        rounds = run["rounds"]
        if not rounds:
            continue
        allrounds.extend(rounds)
        names = list(rounds[0])
        cells = []
        for n in names:
            g = med([r[n][0] for r in rounds]); p = med([r[n][1] for r in rounds])
            ratio = [r[n][0] / r["main"][0] for r in rounds]
            wins = sum(x > 1 for x in ratio)
            cells.append(f"{n} {g:.1f} ({p:.1f}%)" + ("" if n == "main" else f" x{med(ratio):.3f} {wins}/{len(ratio)}"))
        print(f"{run['head']:>16}: " + " | ".join(cells))
print("## every round of every JVM above")
names = [n for n in allrounds[0]] if allrounds else []
for n in names:
    rs = [r for r in allrounds if n in r]
    g = sorted(r[n][0] for r in rs); p = sorted(r[n][1] for r in rs)
    ratio = sorted(r[n][0] / r["main"][0] for r in rs)
    print(f"{n:>12}: {len(rs)} rounds, median {med(g):.1f} GFLOP/s ({g[0]:.1f}-{g[-1]:.1f}), product/peak median "
          f"{med(p):.1f}% ({p[0]:.1f}-{p[-1]:.1f}%), >= 85% in {sum(x >= 85 for x in p)}; /main median "
          f"{med(ratio):.3f} ({ratio[0]:.3f}-{ratio[-1]:.3f}), faster in {sum(x > 1 for x in ratio)}")
