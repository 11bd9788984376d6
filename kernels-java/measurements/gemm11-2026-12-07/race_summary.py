#!/usr/bin/env python3
"""summ.py LOG...: per TileRace JVM and case, 4x64's median % of peak and each kernel's median ratio to it;
then over all rounds, grouped by 4x64's % of peak in that round (slow < 92 for L2, < 88 for L1)."""
import re, sys, statistics as st
rounds = {}  # case -> kernel -> list of per-round lists
jvms = []
for path in sys.argv[1:]:
    cur = None
    for line in open(path):
        if line.startswith('-- '):
            cur = {}; jvms.append((line[3:11], cur))
        m = re.match(r'(L[123] (?:from|packed))\s+(\d+x\d+)\s.*per round: \[(.*)\]', line)
        if m and cur is not None:
            cur.setdefault(m.group(1), {})[m.group(2)] = [float(x) for x in m.group(3).split(',')]
cases = ['L1 from', 'L2 from', 'L1 packed', 'L2 packed', 'L3 from']
for t, d in jvms:
    if not d: continue
    out = []
    for c in cases:
        if c not in d: continue
        base = d[c]['4x64']
        s = f"{c}: 4x64 {st.median(base):.1f}%"
        for k, v in d[c].items():
            if k == '4x64': continue
            s += f" {k} {st.median([x / y for x, y in zip(v, base)]):.3f}"
        out.append(s)
    print(t, ' | '.join(out))
print('per round, grouped by 4x64 % of peak in the round:')
for c, cut in [('L1 from', 88), ('L2 from', 92), ('L1 packed', 90), ('L2 packed', 92), ('L3 from', 86)]:
    for slow in (True, False):
        r = {}
        n = 0
        for t, d in jvms:
            if c not in d: continue
            base = d[c]['4x64']
            for i, b in enumerate(base):
                if (b < cut) != slow: continue
                n += 1
                for k, v in d[c].items():
                    r.setdefault(k, []).append(v[i] / b)
        if n:
            print(f"  {c} {'slow (<%d%%)' % cut if slow else 'good'}: {n} rounds; " + ', '.join(
                f"{k} {st.median(v):.3f} ({min(v):.3f}-{max(v):.3f})" for k, v in r.items() if k != '4x64'))
