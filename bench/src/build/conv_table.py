"""Markdown table and geomean of forked ConvBenchmark cells, vector against onednn.

    python3 bench/src/build/conv_table.py RESULT.json...

Reads JMH JSON results of ConvBenchmark with backend=vector,onednn (any passes, shapes, threads;
a later file's cell replaces an earlier one's) and prints, per pass, shape and thread count, both
backends' median time with its range and onednn time / vector time (the #13 ratio), then the
geometric mean over all cells and per thread count and how many fall below 0.4 and 0.5.
"""
import json
import math
import statistics
import sys

PASS_ORDER = {"forward": 0, "backwardData": 1, "backwardWeights": 2}


def cells(paths):
    found = {}
    for path in paths:
        if path.endswith("all.json"):
            continue
        for result in json.load(open(path)):
            p = result["params"]
            name = result["benchmark"].rsplit(".", 1)[-1]
            times = [t for run in result["primaryMetric"]["rawData"] for t in run]
            found[(name, p["shape"], p["threads"], p["backend"])] = times
    return found


def spread(times):
    return f"{statistics.median(times):.3g} ({min(times):.3g}-{max(times):.3g})"


def main(paths):
    found = cells(paths)
    logs = {}
    print("| pass | shape | thr | vector ms median (min-max) | onednn ms median (min-max) | onednn/vector time |")
    print("|---|---|---:|---|---|---:|")
    keys = sorted({k[:3] for k in found}, key=lambda k: (PASS_ORDER.get(k[0], 9), k[1], k[2]))
    for name, shape, threads in keys:
        vector = found.get((name, shape, threads, "vector"))
        onednn = found.get((name, shape, threads, "onednn"))
        if not vector or not onednn:
            continue
        ratio = statistics.median(onednn) / statistics.median(vector)
        logs.setdefault(threads, []).append(math.log(ratio))
        mark = " ✗" if ratio < 0.4 else ""
        print(f"| {name} | {shape} | {threads} | {spread(vector)} | {spread(onednn)} | {ratio:.2f}{mark} |")
    every = [x for values in logs.values() for x in values]
    if not every:
        sys.exit("conv_table.py: no cell with both vector and onednn")
    per_threads = "; ".join(f"{t}t {math.exp(sum(v) / len(v)):.3f}" for t, v in sorted(logs.items()))
    print(f"\ngeomean all {math.exp(sum(every) / len(every)):.3f} ({len(every)} cells); {per_threads}; "
          f"below 0.4: {sum(x < math.log(0.4) for x in every)}; below 0.5: {sum(x < math.log(0.5) for x in every)}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
