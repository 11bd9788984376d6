#!/usr/bin/env python3
"""Table of sweep.sh's raw lines: per shape, threads and ReLU, the median over rounds of each
variant's per-round median (ms), and jit / first choice per round (median, range)."""
import csv, statistics, sys
from collections import defaultdict

shapes = {r['id']: r for r in csv.DictReader(open(sys.argv[2] if len(sys.argv) > 2 else 'sweep-shapes.csv'))}
runs = defaultdict(lambda: defaultdict(list))
impl = {}
for line in open(sys.argv[1]):
    if not line.startswith('RES'):
        continue
    f = line.strip().split(',')
    relu = f[0] == 'RES_RELU'
    key = (f[2], int(f[5]), relu)
    runs[key][f[4]].append((float(f[8]), float(f[13])))
    impl[key, f[4]] = f[6]
print('| shape | C>K | RxS | image | N | thr | ReLU | first choice | brg ms | jit ms | jit / brg median (range) | faster |')
print('|---|---|---|---|---:|---:|---|---|---:|---:|---:|---|')
order = list(shapes)
for key in sorted(runs, key=lambda k: (order.index(k[0]), k[2], k[1])):
    id_, t, relu = key
    s = shapes[id_]
    brg = [m for m, _ in runs[key]['nhwc']]
    jit = [m for m, _ in runs[key].get('nhwc_jit', [])]
    first = impl[key, 'nhwc'].split(':')[0]
    if not jit:
        print(f"| {id_} | {s['C']}>{s['K']} | {s['R']}x{s['S']}/{s['stride']} | {s['H']} | {s['N']} | {t} | {'y' if relu else '-'} | {first} | {statistics.median(brg):.3f} | - | - | - |")
        continue
    ratios = [j / b for j, b in zip(jit, brg)]
    r = statistics.median(ratios)
    faster = 'jit' if max(ratios) < 0.97 else 'brg' if min(ratios) > 1.03 else ('jit' if r < 1 else 'brg') + '~'
    print(f"| {id_} | {s['C']}>{s['K']} | {s['R']}x{s['S']}/{s['stride']} | {s['H']} | {s['N']} | {t} | {'y' if relu else '-'} | {first} | "
          f"{statistics.median(brg):.3f} | {statistics.median(jit):.3f} | {r:.2f} ({min(ratios):.2f}-{max(ratios):.2f}) | {faster} |")
