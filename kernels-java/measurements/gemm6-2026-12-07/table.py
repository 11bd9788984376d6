# table.py THREADS CANDIDATE TAG...: one markdown row per hold, candidate build against main (reads raw/TAG.log)
import sys, re, statistics as st, collections, os
def load(tag):
    return open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'raw', tag + '.log')).read()
def peak(tag, T):
    m = re.search(rf'^== peak{T}-{tag}\n.*?fma:flop\s+thrpt\s+\d+\s+([\d.]+)', load(tag), re.M | re.S)
    return float(m.group(1)) / 1e9
def meds(tag, T):
    d = collections.defaultdict(dict)
    for name, body in re.findall(r'^== (\S+)\n(.*?)(?=^== |\Z)', load(tag), re.M | re.S):
        m = re.match(rf'gemm{T}-{tag}-(.*)-r(\d+)$', name); mm = re.search(r'median ([\d.]+)', body)
        if m and mm: d[m.group(1)][int(m.group(2))] = float(mm.group(1))
    return d
T = sys.argv[1]; cand = sys.argv[2]; tags = sys.argv[3:]
print(f"| hold | peak {T}T GF/s | main median (range) | {cand} median (range) | main % peak | {cand} % peak | {cand}/main per round, median | {cand} wins |")
print("|---|---|---|---|---|---|---|---|")
allr = []; wins = 0; n = 0
for tag in tags:
    p = peak(tag, T); d = meds(tag, T); a = d['main']; b = d[cand]
    va = [a[r] for r in sorted(a)]; vb = [b[r] for r in sorted(b)]
    rat = [b[r] / a[r] for r in b if r in a]; allr += rat; wins += sum(x > 1 for x in rat); n += len(rat)
    print(f"| {tag} | {p:.1f} | {st.median(va):.1f} ({min(va):.0f}-{max(va):.0f}) | {st.median(vb):.1f} ({min(vb):.0f}-{max(vb):.0f}) | {100 * st.median(va) / p:.1f} | {100 * st.median(vb) / p:.1f} | {st.median(rat):.3f} | {sum(x > 1 for x in rat)}/{len(rat)} |")
print(f"\nAll rounds: ratio median {st.median(allr):.3f}, {wins}/{n} rounds won")
