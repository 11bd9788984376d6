import sys,glob,re,statistics as st,collections
tag=sys.argv[1]; T=sys.argv[2] if len(sys.argv)>2 else '2'
d=collections.defaultdict(dict)
for f in glob.glob(f'/tmp/gemm6-runs/gemm{T}-{tag}-*-r*.log'):
    m=re.search(rf'gemm{T}-{tag}-(.*)-r(\d+)\.log',f); v,r=m.group(1),int(m.group(2))
    t=open(f).read(); mm=re.search(r'median ([\d.]+)',t)
    if mm: d[v][r]=float(mm.group(1))
for v in sorted(d):
    vals=[d[v][r] for r in sorted(d[v])]
    rat=[d[v][r]/d['main'][r] for r in sorted(d[v]) if r in d['main']]
    print(f"{v:45s} median {st.median(vals):6.1f} range {min(vals):6.1f}-{max(vals):6.1f}  per-round ratio to main: median {st.median(rat):.3f} wins {sum(x>1 for x in rat)}/{len(rat)}  ", ' '.join(f'{x:.0f}' for x in vals))
