#!/usr/bin/env python3
"""Summarises tp.sh logs (GemmThroughput, main vs branch JVMs in pairs) and alt.sh logs (GemmAlternate9).

usage: report.py raw/t*.log        -> per hold and overall: JVM medians, pair ratios branch/main, runs >= 85%
       report.py --alt raw/a*.log  -> per shape: per-JVM route/main medians and all rounds pooled
       report.py --conv raw/c*-*.txt -> per conv cell and hold: branch/main time (JMH avgt, ms/op)
"""
import re
import statistics
import sys


def med_range(xs):
    return f"{statistics.median(xs):.3f} ({min(xs):.3f}-{max(xs):.3f})" if xs else "-"


def throughput(paths):
    allruns = {"main": [], "branch": []}
    allpairs = []
    for path in paths:
        runs = []
        who = None
        for line in open(path):
            m = re.match(r"-- (main|branch) ", line)
            if m:
                who = m.group(1)
            m = re.match(r"gemm 1024\^3 .*median ([\d.]+) GFLOP/s", line)
            if m:
                runs.append([who, float(m.group(1)), None])
            m = re.search(r"fma peak beside each batch .*: median ([\d.]+) GFLOP/s.*product/peak per batch: median ([\d.]+)%",
                          line)
            if m:
                runs[-1][2] = float(m.group(2))
                runs[-1].append(float(m.group(1)))
        pairs = []
        for i in range(0, len(runs) - 1, 2):
            a, b = runs[i], runs[i + 1]
            g = {a[0]: a[1], b[0]: b[1]}
            pairs.append(g["branch"] / g["main"])
        allpairs += pairs
        for w in ("main", "branch"):
            allruns[w] += [r for r in runs if r[0] == w]
        line = [path]
        for w in ("main", "branch"):
            rs = [r for r in runs if r[0] == w]
            line.append(f"{w}: GFLOP/s {med_range([r[1] for r in rs])}, product/peak % "
                        f"{med_range([r[2] for r in rs])}, >= 85% in {sum(r[2] >= 85 for r in rs)} of {len(rs)},"
                        f" FMA peak {med_range([r[3] for r in rs])}")
        line.append(f"branch/main per pair {med_range(pairs)}, branch faster in {sum(p > 1 for p in pairs)} of {len(pairs)}")
        print("\n  ".join(line))
    print("ALL")
    for w in ("main", "branch"):
        rs = allruns[w]
        print(f"  {w}: GFLOP/s {med_range([r[1] for r in rs])}, product/peak % {med_range([r[2] for r in rs])},"
              f" >= 85% in {sum(r[2] >= 85 for r in rs)} of {len(rs)}, FMA peak {med_range([r[3] for r in rs])}")
    print(f"  branch/main per pair {med_range(allpairs)}, branch faster in {sum(p > 1 for p in allpairs)} of {len(allpairs)}")


def alternate(paths):
    shapes = {}
    for path in paths:
        shape = None
        for line in open(path):
            m = re.match(r"gemm9 (\S+) ", line)
            if m:
                shape = m.group(1)
                shapes.setdefault(shape, {"jvm": [], "rounds": []})
            m = re.match(r"round +\d+: .*route/main ([\d.]+)", line)
            if m:
                shapes[shape]["rounds"].append(float(m.group(1)))
            m = re.match(r"route/main per round: median ([\d.]+)", line)
            if m:
                shapes[shape]["jvm"].append(float(m.group(1)))
    for s, d in shapes.items():
        r = d["rounds"]
        print(f"{s}: per-JVM medians {', '.join(f'{x:.3f}' for x in d['jvm'])}; all {len(r)} rounds {med_range(r)},"
              f" route faster in {sum(x > 1 for x in r)}")


def conv(paths):
    """paths: raw/TAG-main.txt and raw/TAG-branch.txt files; per cell and hold, branch/main time."""
    scores = {}
    for path in paths:
        tag, jar = re.match(r".*/(\w+)-(main|branch)\.txt", path).groups()
        for line in open(path):
            f = line.split()
            if line.startswith("ConvBenchmark.") and len(f) >= 8:
                scores.setdefault((f[0].split(".")[1], f[3]), {}).setdefault(tag, {})[jar] = float(f[7])
    for cell, holds in sorted(scores.items()):
        parts = []
        for tag, d in sorted(holds.items()):
            if "main" in d and "branch" in d:
                parts.append(f"{tag}: main {d['main']:.3f} branch {d['branch']:.3f} ms, branch/main {d['branch'] / d['main']:.3f}")
        print(f"{cell[0]} {cell[1]}: " + "; ".join(parts))


if sys.argv[1] == "--conv":
    conv(sys.argv[2:])
elif sys.argv[1] == "--alt":
    alternate(sys.argv[2:])
else:
    throughput(sys.argv[1:])
