#!/usr/bin/env python3
"""usage: report.py TAG... : per build over the JMH runs of holds TAG (raw/TAG.log, written by hold.sh), the
vector and onednn fc_big forward times (us) and the per-run ratio onednn/vector: median (min-max), run count;
then per round (the builds' runs back to back) main's vector time over v1's."""
import re, statistics, sys
from pathlib import Path

runs = {}    # (threads, build) -> [{backend: us}]
rounds = {}  # (threads, tag, round) -> {build: vector us}
for tag in sys.argv[1:]:
    run = None
    for line in (Path(__file__).parent / 'raw' / f'{tag}.log').read_text().splitlines():
        m = re.match(r'== fc_big(\d+)-(\S+)-(\w+)-r(\d+)', line)
        if m:
            threads, build = m.group(1), m.group(3)
            run = {}
            runs.setdefault((threads, build), []).append(run)
            rounds.setdefault((threads, m.group(2), m.group(4)), {})[build] = run
            continue
        m = re.match(r'DenseBenchmark\.forward\s+(\w+)\s+fc_big\s+\d+\s+avgt\s+\d+\s+([\d.]+)', line)
        if m and run is not None:
            run[m.group(1)] = float(m.group(2))

def fmt(xs, digits=0):
    return f'{statistics.median(xs):.{digits}f} ({min(xs):.{digits}f}-{max(xs):.{digits}f})'

print('| threads | build | runs | vector us | onednn us | onednn/vector | runs >= 0.75 |')
print('|---|---|---|---|---|---|---|')
for (threads, build), rs in sorted(runs.items()):
    rs = [r for r in rs if 'vector' in r and 'onednn' in r]
    ratios = [r['onednn'] / r['vector'] for r in rs]
    print(f'| {threads} | {build} | {len(rs)} | {fmt([r["vector"] for r in rs])} | {fmt([r["onednn"] for r in rs])} '
          f'| {fmt(ratios, 3)} | {sum(x >= 0.75 for x in ratios)}/{len(rs)} |')

# Above 1: v1 faster in that round.
for threads in sorted({k[0] for k in rounds}):
    ratios = [r['main']['vector'] / r['v1']['vector'] for k, r in rounds.items()
              if k[0] == threads and 'vector' in r.get('main', {}) and 'vector' in r.get('v1', {})]
    if ratios:
        print(f'{threads} thread(s): per-round vector time main/v1 {fmt(ratios, 3)}, v1 faster in '
              f'{sum(x > 1 for x in ratios)}/{len(ratios)} rounds')
