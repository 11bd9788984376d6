#!/usr/bin/env bash
# The empty loop's bound in pool2x2 (-Dpad, /tmp/np10/src-route) on the 2-thread path, where the kernel takes
# whole calls from the first: per rep, for pad 4 (main) and 64, a fresh JVM timing its first CALLS calls of the
# plan's route (-Dcalls, order 0,2,1), then 3 rounds (order 0,2,1: route, primitive, scanned). Not pinned, one
# exclusive lock hold.   usage: pad2.sh OUT REPS CALLS
out=$1 reps=$2 calls=$3
here=$(cd "$(dirname "$0")" && pwd)
flock /tmp/perf.lock bash -c "for r in \$(seq $reps); do for p in 4 64; do
  echo \"# \$(date -u +%T) cifar t=2 pad=\$p rep=\$r\"
  ROOT=/tmp/np10/src-route SHAPE=cifar THREADS=2 $here/../npool6-2026-12-07/probe.sh 3 -Dcalls=$calls -Dorder=0,2,1 -Dpad=\$p | grep -E '^CALLS unrolled|^PROBE'
done; done" >> "$out"
