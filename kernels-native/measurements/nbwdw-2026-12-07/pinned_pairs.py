"""Java / C per pinned pair (cpus-java.raw, thp-cj.raw): each JAVA line against the RES line run just before it on
the same CPU (and tunable). Prints one row per pair and the median; usage: python3 pinned_pairs.py RAW..."""
import statistics
import sys

for path in sys.argv[1:]:
    ratios, c = [], None
    print(f"{path}:")
    for line in open(path):
        if line.startswith("RES,"):
            c = float(line.split(",")[8])
        elif line.startswith("JAVA ") and c is not None:
            f = line.split()
            j = float(f[5])
            tags = " ".join(x for x in f if x.startswith(("cpu=", "thp=", "jit=")))
            ratios.append(j / c)
            print(f"  C {c:7.3f}  Java {j:7.3f}  Java/C {j / c:.3f}  {tags}")
            c = None
    print(f"  median {statistics.median(ratios):.3f}, range {min(ratios):.3f}-{max(ratios):.3f}, n={len(ratios)}")
