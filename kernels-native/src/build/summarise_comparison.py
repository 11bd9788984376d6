#!/usr/bin/python3
"""Side-by-side table from compare_with_c.sh output: per shape, pass and thread count, the median
over repetitions of each side's median per-call time, C's best of 'reord' and 'mixed' (or 'plain'
for pooling and dense), the Java plan's time, their ratio and the layout the plan chose.

usage: summarise_comparison.py RAW_FILE
"""
import statistics
import sys
from collections import defaultdict

PASS_KEY = {"fwd": "forward", "bwd_d": "backwardData", "bwd_w": "backwardWeights", "bwd": "backward"}
C_VARIANTS = ("reord", "mixed", "plain")


def main(path):
    c = defaultdict(list)
    java = defaultdict(list)
    chosen = {}
    order = []
    for line in open(path):
        f = line.rstrip("\n").split(",")
        if f[0] == "RES":
            key = (f[2], f[3], int(f[5]))
            c[key + (f[4],)].append(float(f[8]))
            if key not in order:
                order.append(key)
        elif line.startswith("JAVA "):
            w = line.split()
            key = (w[2], w[3], int(w[4]))
            java[key].append(float(w[5]))
            for part in w[9:]:
                name, _, value = part.partition("=")
                if name == PASS_KEY[w[3]]:
                    chosen[key] = value
    print("| shape | pass | thr | C reord ms | C mixed ms | C best ms | Java ms | Java / C best | Java layout / impl | reps |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|---:|")
    for key in order:
        if key not in java:
            continue
        med = {v: statistics.median(c[key + (v,)]) for v in C_VARIANTS if c.get(key + (v,))}
        best = min(med.values())
        j = statistics.median(java[key])
        cell = lambda v: "%.3f" % med[v] if v in med else "-"
        print("| %s | %s | %d | %s | %s | %.3f | %.3f | %.2f | %s | %d |" % (
            key[0], key[1], key[2], cell("reord"), cell("mixed"), best, j, j / best, chosen.get(key, "-"),
            len(java[key])))


if __name__ == "__main__":
    main(sys.argv[1])
