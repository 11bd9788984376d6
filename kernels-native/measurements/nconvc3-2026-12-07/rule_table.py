#!/usr/bin/env python3
"""Per shape: jit / brg (median of the rounds) at 1 and 2 threads without and with ReLU, from each raw
file given, the plan's pick under DnnlConvolution's rule, and whether the pick is the faster kernel."""
import csv, statistics, sys
from collections import defaultdict

shapes = {r['id']: r for r in csv.DictReader(open('sweep-shapes.csv'))}
ratios = defaultdict(list)
for raw in sys.argv[1:]:
    runs = defaultdict(lambda: defaultdict(list))
    for line in open(raw):
        if line.startswith('RES'):
            f = line.strip().split(',')
            runs[(f[2], int(f[5]), f[0] == 'RES_RELU')][f[4]].append(float(f[8]))
    per = defaultdict(list)
    for (id_, t, relu), v in sorted(runs.items(), key=lambda kv: (kv[0][2], kv[0][1])):
        per[id_].append(statistics.median(j / b for j, b in zip(v['nhwc_jit'], v['nhwc'])))
    for id_, r in per.items():
        ratios[id_].append(r)

def pick(s):
    return 'brg' if s['R'] == '5' and s['S'] == '5' and int(s['C']) >= 3 and int(s['K']) >= 32 else 'jit'

print('| shape | C>K | window/stride | image, N | jit / brg: 1t, 2t, 1t ReLU, 2t ReLU (one line per run) | median | faster | rule picks | worst single loss of the pick |')
print('|---|---|---|---|---|---:|---|---|---:|')
for id_, s in shapes.items():
    if id_ not in ratios:
        continue
    runs = ratios[id_]
    allr = [x for r in runs for x in r]
    p = pick(s)
    med = statistics.median(allr)
    faster = 'level' if abs(med - 1) <= 0.02 else 'jit' if med < 1 else 'brg'
    loss = max([x - 1 if p == 'jit' else 1 / x - 1 for x in allr] + [0])
    mark = '' if faster in ('level', p) else ' **wrong**'
    cells = '<br>'.join(' '.join(f'{x:.2f}' for x in r) for r in runs)
    print(f"| {id_} | {s['C']}>{s['K']} | {s['R']}x{s['S']}/{s['stride']} | {s['H']}, {s['N']} | {cells} | {med:.2f} | {faster} | {p}{mark} | {loss:.0%} |")
