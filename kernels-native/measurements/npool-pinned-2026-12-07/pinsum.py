import statistics as st
lines=open(__import__('sys').argv[1]).read().splitlines()
res={}
for l in lines:
    if l.startswith('#'): cur=l.split()[-1]; continue
    cpu=l.split('cpu=')[1]
    if l.startswith('RES'): c=float(l.split(',')[8])
    elif l.startswith('JAVA'):
        j=float(l.split()[5]); res.setdefault(cur,[]).append((cpu,j,c,j/c))
for k,v in res.items():
    print(k, 'pairs', len(v), 'Java/C', ' '.join('%.2f(cpu%s)'%(x[3],x[0]) for x in v), '| median %.2f'%st.median([x[3] for x in v]))
    print('  C ms', ' '.join('%.3f'%x[2] for x in v)); print('  Java ms', ' '.join('%.3f'%x[1] for x in v))
