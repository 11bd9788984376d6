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
    for w in ways:
        over_c.setdefault(w, []).append(java[w] / c)
        over_p.setdefault(w, []).append(java[w] / java['primitive'])
    print('%s | C %.3f | ' % (head, c) + ' | '.join('%s %.3f (%.2f)' % (w, java[w], java[w] / c) for w in ways))


def spread(values):
    v = sorted(values)
    return 'median %.2f [%.2f-%.2f]' % (st.median(v), v[0], v[-1])


for w in over_c:
    print('%-9s / C %s, %d pairs; / primitive in the same JVM %s' % (w, spread(over_c[w]), len(over_c[w]),
                                                                     spread(over_p[w])))
