#!/usr/bin/env python3
"""Pairs of GemmThroughput JVMs from tp.sh logs: per-JVM product/peak for main and branch, per-pair ratio.

usage: report.py [--table] raw/t*.log   (--table: one markdown row per log and one for all)
"""
import re
import statistics
import sys


def summary(xs, fmt="{:.3f}"):
    if not xs:
        return "-"
    return f"{fmt.format(statistics.median(xs))} ({fmt.format(min(xs))}-{fmt.format(max(xs))})"


def jvms(path):
    out, who = [], None
    for line in open(path):
        if m := re.match(r"-- (main|branch) ", line):
            who = m.group(1)
        elif m := re.match(r"gemm 1024\^3 .*median ([\d.]+) GFLOP/s", line):
            out.append({"who": who, "gflops": float(m.group(1))})
        elif m := re.search(r"beside each batch .*: median ([\d.]+) GFLOP/s.*per batch: median ([\d.]+)%", line):
            out[-1].update(peak=float(m.group(1)), pct=float(m.group(2)))
    return out


def describe(runs, pairs):
    rows = []
    for who in ("main", "branch"):
        rs = [r for r in runs if r["who"] == who]
        pct = [r["pct"] for r in rs]
        rows.append(f"{who}: GFLOP/s {summary([r['gflops'] for r in rs], '{:.1f}')}, product/peak % "
                    f"{summary(pct, '{:.1f}')} [{', '.join(f'{p:.1f}' for p in pct)}], >= 85% in "
                    f"{sum(p >= 85 for p in pct)} of {len(pct)}, FMA peak {summary([r['peak'] for r in rs], '{:.1f}')}")
    rows.append(f"branch/main GFLOP/s per pair {summary(pairs)}, branch faster in {sum(p > 1 for p in pairs)} of {len(pairs)}")
    return rows


def row(name, runs, pairs):
    cells = [name]
    for who in ("main", "branch"):
        pct = [r["pct"] for r in runs if r["who"] == who]
        cells.append(f"{summary(pct, '{:.1f}')} ({sum(p >= 85 for p in pct)} of {len(pct)} >= 85%)")
    cells.append(f"{summary(pairs)}, faster in {sum(p > 1 for p in pairs)} of {len(pairs)}")
    return "| " + " | ".join(cells) + " |"


def ratios(runs):
    pairs = []
    for first, second in zip(runs[0::2], runs[1::2]):
        by = {first["who"]: first["gflops"], second["who"]: second["gflops"]}
        pairs.append(by["branch"] / by["main"])
    return pairs


def main(paths):
    as_table = bool(paths) and paths[0] == "--table"
    if as_table:
        paths = paths[1:]
        print("| hold | main product/peak % per JVM, median (range) | branch | branch/main per pair |")
        print("|---|---|---|---|")
    every, everypair = [], []
    for path in paths:
        runs = jvms(path)
        pairs = ratios(runs)
        every += runs
        everypair += pairs
        if as_table:
            print(row(path.split("/")[-1].removesuffix(".log"), runs, pairs))
        else:
            print(path + "\n  " + "\n  ".join(describe(runs, pairs)))
    print(row("all", every, everypair) if as_table else "ALL\n  " + "\n  ".join(describe(every, everypair)))


if __name__ == "__main__":
    main(sys.argv[1:])
