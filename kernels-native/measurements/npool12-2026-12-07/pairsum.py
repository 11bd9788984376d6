import sys, re, statistics as st
# per rep: C ms, and for each root: kernel and primitive means of rounds 1-2
reps=[]; cur=None; root=None
for line in open(sys.argv[1]):
    if line.startswith('# rep'):
        cur={'C':None}; reps.append(cur)
    elif line.startswith('RES'):
        cur['C']=float(line.split(',')[8])
    elif line.startswith('start'):
        root=line.split()[2].split('/')[-1]; cur[root]={'k':[], 'p':[]}
    elif line.startswith('TEAM') and ' round 0' not in line:
        k=float(re.search(r'kernel/\d+ ([\d.]+)',line).group(1)); p=float(re.search(r'primitive ([\d.]+)',line).group(1))
        cur[root]['k'].append(k); cur[root]['p'].append(p)
roots=sorted({k for r in reps for k in r if k!='C'})
complete=[r for r in reps if all(x in r and r[x]['k'] for x in roots)]
print(f'{len(reps)} reps, {len(reps)-len(complete)} dropped (a JVM printed no rounds)')
reps=complete
rows={x:[] for x in ['C']+[f'{r} kernel' for r in roots]+[f'{r} kernel/C' for r in roots]+[f'{r} kernel/prim' for r in roots]+[f'{r} prim/C' for r in roots]}
for rep in reps:
    c=rep['C']; rows['C'].append(c)
    for r in roots:
        if r not in rep or not rep[r]['k']: continue
        k=st.mean(rep[r]['k']); p=st.mean(rep[r]['p'])
        rows[f'{r} kernel'].append(k); rows[f'{r} kernel/C'].append(k/c); rows[f'{r} kernel/prim'].append(k/p); rows[f'{r} prim/C'].append(p/c)
if len(roots)==2:
    a,b=roots; rows[f'{b}/{a} kernel']=[x/y for x,y in zip(rows[f'{b} kernel'],rows[f'{a} kernel'])]
for k,v in rows.items():
    if v: print(f'{k:24s} median {st.median(v):.3f} range {min(v):.3f}-{max(v):.3f}  per rep: '+' '.join(f'{x:.3f}' for x in v))
