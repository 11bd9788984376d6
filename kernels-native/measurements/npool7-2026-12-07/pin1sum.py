import re, statistics as st, sys
# pin1.raw: per pair (a '#' header, C's RES line, the probe's PROBE lines) the ratio Java / C, Java being the mean
# of probe rounds 1-2 per way (p bare primitive, 0b main's scan, 1b four streams, 3b eight), and Java / p
ways = ['p', '0b', '1b', '3b']
text = open(sys.argv[1]).read()
over_c = {w: [] for w in ways}
over_p = {w: [] for w in ways}
for block in text.split('# ')[1:]:
    head = ' '.join(block.split()[:3])
    c = float(re.search(r'^RES,(?:[^,]*,){7}([0-9.]+)', block, re.M).group(1))
    rounds = [dict(re.findall(r' (\w+) ([0-9.]+) \(', l)) for l in block.splitlines()
              if l.startswith('PROBE') and ' round 0:' not in l]
    java = {w: st.mean(float(r[w]) for r in rounds) for w in ways}
    cells = []
    for w in ways:
        over_c[w].append(java[w] / c)
        over_p[w].append(java[w] / java['p'])
        cells.append('%s %.3f (%.2f)' % (w, java[w], java[w] / c))
    print('%s | C %.3f | %s' % (head, c, ' | '.join(cells)))
for w in ways:
    a, b = sorted(over_c[w]), sorted(over_p[w])
    print('%-3s / C median %.2f [%.2f-%.2f], %d pairs; / p in the same JVM median %.2f [%.2f-%.2f]'
          % (w, st.median(a), a[0], a[-1], len(a), st.median(b), b[0], b[-1]))
