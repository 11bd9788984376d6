import json, sys, collections
# onednn time / vector time per (benchmark, params except backend), from JMH JSON files (avgt or thrpt)
rows = collections.defaultdict(dict)
for f in sys.argv[1:]:
    for r in json.load(open(f)):
        p = dict(r.get("params", {}))
        b = p.pop("backend")
        key = (r["benchmark"].split(".")[-1],) + tuple(sorted(p.items()))
        m = r["primaryMetric"]
        raw = sorted(x for fork in m["rawData"] for x in fork)
        med = raw[len(raw)//2]
        t = med if m["scoreUnit"].endswith("/op") else 1 / med
        rows[key][b] = (t, raw[0] if m["scoreUnit"].endswith("/op") else 1/raw[-1], raw[-1] if m["scoreUnit"].endswith("/op") else 1/raw[0], m["scoreUnit"])
for key in sorted(rows):
    d = rows[key]
    if "onednn" in d and "vector" in d:
        o, v = d["onednn"], d["vector"]
        print(f"{key[0]:16s} {' '.join(f'{k}={val}' for k, val in key[1:]):50s} onednn {o[0]:.4g} ({o[1]:.4g}-{o[2]:.4g}) vector {v[0]:.4g} ({v[1]:.4g}-{v[2]:.4g}) {o[3]}  ratio {o[0]/v[0]:.2f}")
