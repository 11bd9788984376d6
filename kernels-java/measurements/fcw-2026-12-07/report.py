#!/usr/bin/env python3
"""usage: report.py [TAG...]: from raw/TAG.log (hold.sh's JMH holds; default every raw/j*.log), per thread count
and build the vector and onednn fc_big forward scores (us/op) and onednn/vector per run, as median (min-max);
then per round main's vector score over v1's (above 1: v1 faster)."""
import re
import statistics
import sys
from pathlib import Path

raw = Path(__file__).parent / 'raw'
tags = sys.argv[1:] or sorted(p.stem for p in raw.glob('j*.log'))
scores = {}  # (threads, build) -> list of {backend: us}
pairs = {}   # (threads, tag, round) -> {build: vector us}
for tag in tags:
    current = None
    for line in (raw / f'{tag}.log').read_text().splitlines():
        head = re.match(r'== (\S+) (\d) (main|v1|v2) (\d+)$', line)
        if head:
            current = {}
            threads, build = int(head.group(2)), head.group(3)
            scores.setdefault((threads, build), []).append(current)
            pairs.setdefault((threads, tag, head.group(4)), {})[build] = current
            continue
        score = re.match(r'DenseBenchmark\.forward\s+(vector|onednn)\s+fc_big\s+\d\s+avgt\s+\d+\s+([\d.]+)', line)
        if score and current is not None:
            current[score.group(1)] = float(score.group(2))


def spread(values, digits):
    return f'{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})'


print(f'holds: {" ".join(tags)}')
print('| threads | build | runs | vector us | onednn us | onednn/vector | runs >= 0.85 |')
print('|---|---|---|---|---|---|---|')
for (threads, build), runs in sorted(scores.items()):
    runs = [r for r in runs if len(r) == 2]
    ratios = [r['onednn'] / r['vector'] for r in runs]
    print(f'| {threads} | {build} | {len(runs)} | {spread([r["vector"] for r in runs], 0)} '
          f'| {spread([r["onednn"] for r in runs], 0)} | {spread(ratios, 3)} '
          f'| {sum(q >= 0.85 for q in ratios)}/{len(runs)} |')
for threads in sorted({key[0] for key in pairs}):
    gains = [p['main']['vector'] / p['v1']['vector'] for key, p in pairs.items()
             if key[0] == threads and 'vector' in p.get('main', {}) and 'vector' in p.get('v1', {})]
    print(f'{threads} thread(s): main/v1 vector time per round {spread(gains, 3)}, '
          f'v1 faster in {sum(g > 1 for g in gains)} of {len(gains)}')
