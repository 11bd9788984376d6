import re, statistics as st, sys
# per file (one or more probe JVMs): per round >= 1, each way's ms over the bare primitive (p) and over the
# one-stream scanned path (0b), and the scan / primitive split of the scanned ways; medians [ranges]
for f in sys.argv[1:]:
    rows = []
    for line in open(f):
        if not line.startswith('PROBE') or ' round 0:' in line:
            continue
        ms = dict(re.findall(r' (\w+) ([0-9.]+) \(', line))
        split = dict((k, (float(a), float(b))) for k, a, b in
                     re.findall(r' (\w+) [0-9.]+ \([0-9.-]+\)\[scan ([0-9.]+) prim ([0-9.]+)\]', line))
        rows.append(({k: float(v) for k, v in ms.items()}, split))
    if not rows:
        continue
    ways = list(rows[0][0].keys())
    print('%s (%d rounds)' % (f, len(rows)))
    def fmt(xs):
        xs = sorted(xs)
        return '%.3f [%.3f-%.3f]' % (st.median(xs), xs[0], xs[-1])
    for w in ways:
        line = '  %-3s ms %s' % (w, fmt([r[0][w] for r in rows]))
        if w != 'p':
            line += '  /p %s' % fmt([r[0][w] / r[0]['p'] for r in rows])
            if '0b' in ways and w != '0b':
                line += '  /0b %s' % fmt([r[0][w] / r[0]['0b'] for r in rows])
            if w in rows[0][1]:
                line += '  scan %s prim %s' % (fmt([r[1][w][0] for r in rows]), fmt([r[1][w][1] for r in rows]))
        print(line)
