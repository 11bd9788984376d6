#!/usr/bin/env python3
"""Lists the jdnn methods that kept leaving compiled code in a run's deoptimisation log.

    trap_storms.py LOG... (written by -Xlog:deoptimization=debug:file=LOG)

A trap with action "none" means C2 gave up recompiling that site: every later pass through it
runs in the interpreter (one quick run's average-pooling forward took 1.82 ms instead of 0.075 ms
that way). A site that traps many times with any action costs likewise. Prints one line per
jdnn site with action "none" or at least --limit traps, and exits 1 if there is any.
"""
import argparse
import collections
import re
import sys

TRAP = re.compile(r"\[([0-9.]+)s\].* level=(\d) (dev\.jdnn\.\S+) trap_bci=(\d+) (\S+) (\S+)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("logs", nargs="+")
    parser.add_argument("--limit", type=int, default=50, help="traps of one site that make a storm")
    args = parser.parse_args()
    sites = collections.defaultdict(list)
    for path in args.logs:
        with open(path, errors="replace") as log:
            for line in log:
                m = TRAP.search(line)
                if m:
                    seconds, _, method, bci, reason, action = m.groups()
                    sites[(method, int(bci), reason, action)].append(float(seconds))
    storms = [(site, times) for site, times in sites.items()
              if site[3] == "none" or len(times) >= args.limit]
    for (method, bci, reason, action), times in sorted(storms, key=lambda s: -len(s[1])):
        print(f"{len(times):6d} traps  {method} bci {bci}  {reason} {action}"
              f"  ({min(times):.1f}-{max(times):.1f} s)")
    if not storms:
        print(f"no jdnn trap storms ({sum(map(len, sites.values()))} jdnn traps in all)")
    return 1 if storms else 0


if __name__ == "__main__":
    sys.exit(main())
