#!/usr/bin/env python3
"""Lists the jdnn methods whose C2 code vanished without a deoptimisation and was compiled again.

    recompiles.py LOG... (written by -XX:+PrintCompilation, e.g. through -XX:LogFile)

A method compiled by C2 (tier 4, not OSR) a second time while its first C2 code was never "made
not entrant" lost that code silently: HotSpot unloaded it as cold (UseCodeCacheFlushing). Until
the new code is installed the method runs the interpreter and C1, which for Vector API code is
10-100x slower. Prints one line per such method (seconds of each C2 compile) and exits 1 if any.
"""
import argparse
import collections
import re
import sys

# An overload is told apart by its bytecode size, printed after the name.
LINE = re.compile(r"^\s*(\d+)\s+(\d+)\s+([%sbn!]*)\s*(\d)\s+(dev\.jdnn\.\S+(?: @ \d+)? \(\d+ bytes\))")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("logs", nargs="+")
    args = parser.parse_args()
    found = 0
    for path in args.logs:
        compiles = collections.defaultdict(list)  # method -> [(ms, id)] of tier-4 standard compiles
        left = set()  # compile ids made not entrant
        with open(path, errors="replace") as log:
            for line in log:
                m = LINE.match(line)
                if not m:
                    continue
                ms, cid, flags, tier, method = m.groups()
                if "made not entrant" in line:
                    left.add(cid)
                elif tier == "4" and "%" not in flags:
                    compiles[method].append((int(ms), cid))
        for method, runs in sorted(compiles.items()):
            silent = [b for a, b in zip(runs, runs[1:]) if a[1] not in left]
            if silent:
                found += 1
                times = ", ".join(f"{ms / 1000:.1f}" for ms, _ in runs)
                print(f"{path}: {method}: C2 compiled at {times} s; {len(silent)} without a deoptimisation before")
    if not found:
        print("no jdnn method compiled again by C2 without a deoptimisation")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
