#!/usr/bin/python3
"""Median execution time per primitive from ONEDNN_VERBOSE=1 output, to tell where a pass spends
its time (the reorders or the main primitive) and whether two processes (the C harness and a Java
plan) ran the same implementation on the same layouts at the same speed.

usage: verbose_times.py LOG [LOG ...]   (each LOG: stderr+stdout of one run with ONEDNN_VERBOSE=1)
Prints per log: calls, median ms, min ms, kind, implementation, propagation, memory descriptors.
"""
import statistics
import sys
from collections import OrderedDict


def summarise(path):
    groups = OrderedDict()
    for line in open(path, errors="replace"):
        if not line.startswith("onednn_verbose,") or ",primitive,exec," not in line:
            continue
        f = line.rstrip("\n").split(",")
        # onednn_verbose,[timestamp,]v1,primitive,exec,cpu,KIND,IMPL,PROP,MDS,ATTR,ALG,PROBLEM,TIME
        i = f.index("exec")
        kind, impl, prop, mds = f[i + 2], f[i + 3], f[i + 4], f[i + 5]
        problem, ms = f[-2], float(f[-1])
        groups.setdefault((kind, impl, prop, mds, problem), []).append(ms)
    print("## " + path)
    for (kind, impl, prop, mds, problem), times in groups.items():
        print("%6d  %9.4f  %9.4f  %s %s %s  %s  %s" % (len(times), statistics.median(times), min(times), kind,
                                                     impl, prop, mds, problem))


if __name__ == "__main__":
    for p in sys.argv[1:]:
        summarise(p)
