import json, sys
for f in sys.argv[1:]:
    for r in json.load(open(f)):
        p = r["params"]
        forks = [sorted(x)[len(x)//2] for x in r["primaryMetric"]["rawData"]]
        print(f"{f:12s} {p['backend']:7s} t={p['threads']} fork medians " + " ".join(f"{v:.3f}" for v in forks))
