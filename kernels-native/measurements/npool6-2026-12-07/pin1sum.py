import re, statistics as st, sys
# per pair: C's ms (RES field 8) and, per Java way, the mean of the probe's rounds 1 and 2 (round 0 is warm-up)
pairs = []
cur = None
for line in open(sys.argv[1]):
    if line.startswith('#'):
        cur = {'head': line.split()[1:4], 'java': {}}
        pairs.append(cur)
    elif line.startswith('RES'):
        cur['c'] = float(line.split(',')[8])
    elif line.startswith('PROBE'):
        rnd = int(re.search(r'round (\d+)', line).group(1))
        if rnd == 0:
            continue
        for name, ms in re.findall(r' (\w+) ([0-9.]+) \(', line):
            cur['java'].setdefault(name, []).append(float(ms))
ways = ['primitive', 'fourDirect', 'oneDirect', 'scanned']
ratios = {w: [] for w in ways}
for p in pairs:
    row = [' '.join(p['head']), 'C %.3f' % p['c']]
    for w in ways:
        j = st.mean(p['java'][w])
        ratios[w].append(j / p['c'])
        row.append('%s %.3f (%.2f)' % (w, j, j / p['c']))
    print(' | '.join(row))
for w in ways:
    r = sorted(ratios[w])
    print('%-10s / C: median %.2f range %.2f-%.2f over %d pairs' % (w, st.median(r), r[0], r[-1], len(r)))
