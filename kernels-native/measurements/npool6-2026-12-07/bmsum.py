import re, statistics as st, sys
# per JVM block: the plan's forward ("unrolled") over oneDNN's primitive, rounds 1+
for f in sys.argv[1:]:
    for b in open(f).read().split('== ')[1:]:
        head = b.split('\n')[0]
        ms = {}
        for l in b.split('\n'):
            if l.startswith('PROBE') and ' round 0:' not in l:
                for n, v in re.findall(r' (\w+) ([0-9.]+) \(', l):
                    ms.setdefault(n, []).append(float(v))
        r = [a / c for a, c in zip(ms['unrolled'], ms['primitive'])]
        print('%-16s prim %.3f | unrolled %.3f | unrolled/prim %.2f [%.2f-%.2f]' % (
            head, st.median(ms['primitive']), st.median(ms['unrolled']), st.median(r), min(r), max(r)))
