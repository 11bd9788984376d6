#!/usr/bin/env python3
"""table.py RAWDIR TAG: per cell, main's and the branch's vector ms per pair, onednn/vector ratios, medians and ranges."""
import json, sys, glob, statistics, collections
raw, tag = sys.argv[1], sys.argv[2]
ms = collections.defaultdict(list)  # (build, pass, shape, threads, backend) -> [(pair, ms)]
for f in sorted(glob.glob(f'{raw}/{tag}-*-*.json')):
    build, pair = f.split('/')[-1][:-5].split('-')[1:3]
    for r in json.load(open(f)):
        p = r['params']
        key = (build, r['benchmark'].split('.')[-1], p['shape'], p['threads'])
        ms[key + (p['backend'],)].append((int(pair), r['primaryMetric']['score']))
cells = sorted({k[1:4] for k in ms})
def fmt(v): return '%.3f' % v
print('| pass | cell | build | vector ms per pair | onednn ms per pair | onednn/vector per pair | median (range) |')
print('|---|---|---|---|---|---|---|')
for c in cells:
    for b in ('main', 'R'):
        v = dict(ms.get((b,) + c + ('vector',), []))
        o = dict(ms.get((b,) + c + ('onednn',), []))
        pairs = sorted(set(v) & set(o))
        ratios = [o[i] / v[i] for i in pairs]
        if not ratios: continue
        print(f'| {c[0]} | {c[1]} {c[2]}t | {"branch" if b == "R" else "main"} | {" ".join(fmt(v[i]) for i in pairs)} | '
              f'{" ".join(fmt(o[i]) for i in pairs)} | {" ".join("%.2f" % r for r in ratios)} | '
              f'{statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f}) |')
