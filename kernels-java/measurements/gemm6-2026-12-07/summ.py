# summ.py TAG [THREADS]: per build of one hold, the median and range of its JVMs' GEMM medians and the per-round ratio to main (reads raw/TAG.log)
import sys, re, statistics as st, collections, os
tag = sys.argv[1]; T = sys.argv[2] if len(sys.argv) > 2 else '2'
text = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'raw', tag + '.log')).read()
d = collections.defaultdict(dict)
for name, body in re.findall(r'^== (\S+)\n(.*?)(?=^== |\Z)', text, re.M | re.S):
    m = re.match(rf'gemm{T}-{tag}-(.*)-r(\d+)$', name); mm = re.search(r'median ([\d.]+)', body)
    if m and mm: d[m.group(1)][int(m.group(2))] = float(mm.group(1))
for v in sorted(d):
    vals = [d[v][r] for r in sorted(d[v])]
    rat = [d[v][r] / d['main'][r] for r in sorted(d[v]) if r in d['main']]
    print(f"{v:45s} median {st.median(vals):6.1f} range {min(vals):6.1f}-{max(vals):6.1f}  per-round ratio to main: median {st.median(rat):.3f} wins {sum(x > 1 for x in rat)}/{len(rat)}  ", ' '.join(f'{x:.0f}' for x in vals))
