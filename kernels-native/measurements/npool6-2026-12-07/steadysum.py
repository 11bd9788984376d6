import re, statistics as st, sys
# per JVM block: four and one over the primitive (rounds 1+), and four/one with the rounds it won
for f in sys.argv[1:]:
    for b in open(f).read().split('== ')[1:]:
        head = b.split('\n')[0]
        ms = {}
        for l in b.split('\n'):
            if l.startswith('PROBE') and ' round 0:' not in l:
                for n, v in re.findall(r' (\w+) ([0-9.]+) \(', l):
                    ms.setdefault(n, []).append(float(v))
        r = lambda a, c: [x / y for x, y in zip(ms[a], ms[c])]
        f4, o, fo = r('four', 'primitive'), r('one', 'primitive'), r('four', 'one')
        print('%-16s prim %.3f | four/prim %.2f [%.2f-%.2f] | one/prim %.2f [%.2f-%.2f] | four/one %.3f, %d/%d'
              % (head, st.median(ms['primitive']), st.median(f4), min(f4), max(f4), st.median(o), min(o), max(o),
                 st.median(fo), sum(x < 1 for x in fo), len(fo)))
