import sys, re, statistics as st
# per JVM (start line): kernel/primitive of rounds 1.. (mean), grouped by root
res={}; root=None
for f in sys.argv[1:]:
    for line in open(f):
        if line.startswith('start'): root=line.split()[2].split('/')[-1]; cur=res.setdefault(root,[]); cur.append([])
        elif line.startswith('TEAM') and ' round 0' not in line:
            k=float(re.search(r'kernel/\d+ ([\d.]+)',line).group(1)); p=float(re.search(r'primitive ([\d.]+)',line).group(1))
            res[root][-1].append((k,p))
for r,jvms in res.items():
    ratios=[st.mean(k for k,p in j)/st.mean(p for k,p in j) for j in jvms if j]
    ks=[st.mean(k for k,p in j) for j in jvms if j]
    print(f'{r:6s} kernel/prim median {st.median(ratios):.3f} range {min(ratios):.3f}-{max(ratios):.3f} n={len(ratios)} | kernel ms median {st.median(ks):.4f} ({min(ks):.4f}-{max(ks):.4f}) | '+' '.join(f'{x:.2f}' for x in ratios))
