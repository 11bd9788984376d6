import re, statistics as st, sys
# per JVM block ("== label"): every way over the primitive (rounds 1+), and four/one with the rounds four won
for f in sys.argv[1:]:
    for b in open(f).read().split('== ')[1:]:
        ms = {}
        for l in b.split('\n'):
            if l.startswith('PROBE') and ' round 0:' not in l:
                for n, v in re.findall(r' (\w+) ([0-9.]+) \(', l):
                    ms.setdefault(n, []).append(float(v))
        r = lambda a, c: [x / y for x, y in zip(ms[a], ms[c])]
        line = ['%-16s prim %.3f' % (b.split('\n')[0], st.median(ms['primitive']))]
        for way in [w for w in ms if w != 'primitive']:
            q = r(way, 'primitive')
            line.append('%s/prim %.2f [%.2f-%.2f]' % (way, st.median(q), min(q), max(q)))
        if 'four' in ms and 'one' in ms:
            q = r('four', 'one')
            line.append('four/one %.3f, %d/%d' % (st.median(q), sum(x < 1 for x in q), len(q)))
        print(' | '.join(line))
