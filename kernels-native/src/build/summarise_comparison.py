#!/usr/bin/python3
"""Side-by-side table from compare_with_c.sh output: per shape, pass and thread count, the median
over repetitions of each side's median per-call time, C's best of 'reord' and 'mixed' (or 'plain'
for pooling and dense; 'nhwc' and, where timed, 'nhwc_jit' for LAYOUT=nhwc) and the oneDNN
implementation it ran, the Java plan's time, the Java time over the C variant that ran the plan's
implementation (where one did), their ratio, the layout the plan chose, the spread
of each side over the repetitions ((max - min) / median of the per-repetition medians) and the
largest foreign CPU share among the measurements used. The machine's speed drifts by 10-30%
over minutes (a shared VM), so the table also gives the median of the paired ratios: each
repetition's Java time over the same repetition's C time (the two ran back to back), which that
drift does not skew; those pairs ignore the --clean filter.

A measurement during which the rest of the machine used more than --clean (default 0.10) of its
CPU is left out when the same cell has at least one cleaner measurement; the 'reps' column counts
the measurements used per side (C best / Java), the 'dropped' column those left out.

usage: summarise_comparison.py RAW_FILE [RAW_FILE ...] [--within 1.10] [--clean 0.10]
Ends with a count of rows whose ratio is at most the --within bound.
"""
import statistics
import sys
from collections import defaultdict

PASS_KEY = {"fwd": "forward", "bwd_d": "backwardData", "bwd_w": "backwardWeights", "bwd": "backward"}
C_VARIANTS = ("reord", "mixed", "plain", "nhwc", "nhwc_jit")


def spread(values):
    m = statistics.median(values)
    return (max(values) - min(values)) / m if m > 0 else 0.0


def cleanest(measurements, clean):
    """(times, max foreign, dropped) of the measurements at or below `clean`, or all if none is."""
    kept = [m for m in measurements if m[1] <= clean] or measurements
    return [m[0] for m in kept], max(m[1] for m in kept), len(measurements) - len(kept)


def main(paths, within, clean):
    c_raw = defaultdict(list)
    java_raw = defaultdict(list)
    chosen = defaultdict(list)
    c_impl = {}  # (shape, pass, thr, variant) -> oneDNN's implementation on the C side
    order = []
    paired = defaultdict(dict)  # (shape, pass, thr) -> {(path, rep): {"java": t, variant: t}}
    for path in paths:
        rep = None
        for line in open(path):
            f = line.rstrip("\n").split(",")
            if line.startswith("# ") and " rep=" in line:
                rep = (path, line.split()[-3], line.split()[-2], line.split()[-1])  # id t=T rep=R
            if f[0] == "RES" and rep and f[6] != "unimplemented":
                paired[(f[2], f[3], int(f[5]))].setdefault(rep, {})[f[4]] = float(f[8])
            elif line.startswith("JAVA ") and rep:
                w = line.split()
                paired[(w[2], w[3], int(w[4]))].setdefault(rep, {})["java"] = float(w[5])
            if f[0] == "RES":
                key = (f[2], f[3], int(f[5]))
                if f[6] == "unimplemented":
                    continue
                c_raw[key + (f[4],)].append((float(f[8]), float(f[-1])))
                c_impl[key + (f[4],)] = f[6]
                if key not in order:
                    order.append(key)
            elif line.startswith("JAVA "):
                w = line.split()
                key = (w[2], w[3], int(w[4]))
                share = 0.0
                for part in w[9:]:
                    name, _, value = part.partition("=")
                    if name == PASS_KEY[w[3]]:
                        chosen[key].append(value)
                    elif name == "foreign":
                        share = float(value)
                java_raw[key].append((float(w[5]), share))
    c, java, foreign, dropped = {}, {}, defaultdict(float), defaultdict(int)
    for key, ms in c_raw.items():
        c[key], f, d = cleanest(ms, clean)
        foreign[key[:3]] = max(foreign[key[:3]], f)
        dropped[key[:3]] += d
    for key, ms in java_raw.items():
        java[key], f, d = cleanest(ms, clean)
        foreign[key] = max(foreign[key], f)
        dropped[key] += d
    # One column per C variant present ('reord' and 'mixed' by default, 'nhwc' and 'nhwc_jit' for
    # LAYOUT=nhwc), then C's best of them and the implementation it ran.
    shown = [v for v in C_VARIANTS if any(k[3] == v for k in c_raw)] or ["reord", "mixed"]
    print("| shape | pass | thr | " + " | ".join("C %s ms" % v for v in shown) + " | C best ms | C best impl "
          "| Java ms | Java / C best | paired ratio median (range) | Java / C same impl | Java layout / impl | reps C/J | dropped "
          "| spread C best / Java | max foreign |")
    print("|---|---|---:|" + "---:|" * len(shown) + "---:|---|---:|---:|---:|---:|---|---:|---:|---:|---:|")
    good = total = 0
    outside = []
    for key in order:
        if key not in java:
            continue
        med = {v: statistics.median(c[key + (v,)]) for v in C_VARIANTS if key + (v,) in c}
        best_variant = min(med, key=med.get)
        best = med[best_variant]
        j = statistics.median(java[key])
        ratio = j / best
        total += 1
        if ratio <= within:
            good += 1
        else:
            outside.append("%s %s t=%d: %.2f" % (key[0], key[1], key[2], ratio))
        cell = lambda v: "%.3f" % med[v] if v in med else "-"
        layouts = sorted(set(chosen.get(key, ["-"])))
        pairs = [r["java"] / r[best_variant] for r in paired[key].values() if "java" in r and best_variant in r]
        pair_cell = "%.2f (%.2f-%.2f)" % (statistics.median(pairs), min(pairs), max(pairs)) if pairs else "-"
        # Java over the C variant that ran the implementation the plan chose, where one did.
        java_impls = {layout.partition("/")[2] for layout in layouts}
        same = [v for v in med if len(java_impls) == 1 and c_impl[key + (v,)] in java_impls]
        same_cell = "%.2f" % (j / med[same[0]]) if same else "-"
        print("| %s | %s | %d | %s | %.3f | %s | %.3f | %.2f | %s | %s | %s | %d/%d | %d | %.0f%% / %.0f%% | %.2f |" % (
            key[0], key[1], key[2], " | ".join(cell(v) for v in shown), best, c_impl[key + (best_variant,)], j,
            ratio, pair_cell, same_cell, " or ".join(layouts),
            len(c[key + (best_variant,)]), len(java[key]), dropped[key], 100 * spread(c[key + (best_variant,)]),
            100 * spread(java[key]), foreign[key]))
    print()
    print("%d of %d rows within %.2f; outside: %s" % (good, total, within, "; ".join(outside) or "none"))
    # NAN_SCAN=1: C also timed with the NaN scan jdnn's max-pooling contract needs ('nhwc_scan', not a
    # candidate for C best: it does more work than oneDNN's primitive alone).
    scanned = [key for key in order if key in java and key + ("nhwc_scan",) in c]
    if scanned:
        print()
        print("| shape | pass | thr | C nhwc ms | C nhwc + NaN scan ms | Java ms | Java / (C + scan) | paired (range) |")
        print("|---|---|---:|---:|---:|---:|---:|---:|")
        for key in scanned:
            plain = statistics.median(c[key + ("nhwc",)])
            with_scan = statistics.median(c[key + ("nhwc_scan",)])
            j = statistics.median(java[key])
            pairs = [r["java"] / r["nhwc_scan"] for r in paired[key].values() if "java" in r and "nhwc_scan" in r]
            pair_cell = "%.2f (%.2f-%.2f)" % (statistics.median(pairs), min(pairs), max(pairs)) if pairs else "-"
            print("| %s | %s | %d | %.3f | %.3f | %.3f | %.2f | %s |" % (
                key[0], key[1], key[2], plain, with_scan, j, j / with_scan, pair_cell))


if __name__ == "__main__":
    args = sys.argv[1:]
    options = {"--within": 1.10, "--clean": 0.10}
    for name in options:
        if name in args:
            i = args.index(name)
            options[name] = float(args[i + 1])
            del args[i:i + 2]
    main(args, options["--within"], options["--clean"])
