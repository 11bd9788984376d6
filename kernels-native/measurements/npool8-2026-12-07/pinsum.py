import re, statistics as st, sys
# pin-*.raw: per pair (a '#' header, C's RES line, the probe's PROBE lines) Java / C per way, Java being the mean of
# probe rounds 1-3 (round 0 still warms up); and each way over the bare primitive in the same JVM
text = open(sys.argv[1]).read()
over_c, over_p = {}, {}
for block in text.split('# ')[1:]:
    head = ' '.join(block.split()[:3])
    c = float(re.search(r'^RES,(?:[^,]*,){7}([0-9.]+)', block, re.M).group(1))
    rounds = [dict(re.findall(r' (\w+) ([0-9.]+) \(', l)) for l in block.splitlines()
              if l.startswith('PROBE') and ' round 0:' not in l]
    ways = list(rounds[0].keys())
    java = {w: st.mean(float(r[w]) for r in rounds) for w in ways}
    cells = []
    for w in ways:
        over_c.setdefault(w, []).append(java[w] / c)
        over_p.setdefault(w, []).append(java[w] / java['primitive'])
        cells.append('%s %.3f (%.2f)' % (w, java[w], java[w] / c))
    print('%s | C %.3f | %s' % (head, c, ' | '.join(cells)))
for w in over_c:
    a, b = sorted(over_c[w]), sorted(over_p[w])
    print('%-9s / C median %.2f [%.2f-%.2f], %d pairs; / primitive in the same JVM median %.2f [%.2f-%.2f]'
          % (w, st.median(a), a[0], a[-1], len(a), st.median(b), b[0], b[-1]))
