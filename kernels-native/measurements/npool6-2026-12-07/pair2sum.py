import statistics as st, sys
# per hold: C's ms (RES field 9) and each Java run's ms per iteration (JAVA field 6), label at the end of the line
rows, cur = [], None
for line in open(sys.argv[1]):
    if line.startswith('#'):
        cur = {'head': line.split()[1]}
        rows.append(cur)
    elif line.startswith('RES'):
        cur['c'] = float(line.split(',')[8])
    elif line.startswith('JAVA'):
        f = line.split()
        cur[f[-1]] = float(f[5])
ratios = {'branch': [], 'main': []}
for r in rows:
    if 'c' not in r or 'branch' not in r or 'main' not in r:
        continue
    for k in ratios:
        ratios[k].append(r[k] / r['c'])
    print('%s C %.3f | branch %.3f (%.2f) | main %.3f (%.2f) | branch/main %.2f' % (
        r['head'], r['c'], r['branch'], r['branch'] / r['c'], r['main'], r['main'] / r['c'], r['branch'] / r['main']))
for k, v in ratios.items():
    print('%s / C: median %.2f range %.2f-%.2f over %d holds' % (k, st.median(v), min(v), max(v), len(v)))
