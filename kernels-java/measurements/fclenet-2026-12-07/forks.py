import re,sys,statistics
for f in sys.argv[1:]:
    cur=None; res={}
    for line in open(f):
        m=re.match(r'# Parameters: \((.*)\)',line)
        if m: cur=m.group(1); res.setdefault(cur,[]); continue
        m=re.match(r'# Fork: (\d+)',line)
        if m: res[cur].append([]); continue
        m=re.match(r'Iteration\s+\d+: ([\d.]+) us/op',line)
        if m and cur: res[cur][-1].append(float(m.group(1)))
    for k,v in res.items():
        meds=[statistics.median(x) for x in v if x]
        print(f, k, 'fork medians', ' '.join('%.1f'%x for x in meds), 'max/min %.2f'%(max(meds)/min(meds)))
