#!/usr/bin/env bash
# Fresh JVMs, not pinned (the JIT's threads free to use the second vCPU), 1 thread: UnrolledMaxPoolProbe -Dcalls=N
# times each of the first N calls of one way on this branch's classes (/tmp/np10/new): "unrolled" (order 0,1,2: the
# plan's route, WarmingMaxPool) and "scanned" (order 1,0,2: main's route at 1 thread) in turns, REPS of each, one
# exclusive lock hold.   usage: warmcurve.sh OUT SHAPE REPS CALLS
out=$1 shape=$2 reps=$3 calls=$4
here=$(cd "$(dirname "$0")" && pwd)
flock /tmp/perf.lock bash -c "for r in \$(seq $reps); do for o in 0,1,2 1,0,2; do
  echo \"# \$(date -u +%T) $shape order=\$o rep=\$r\"
  ROOT=/tmp/np10/new SHAPE=$shape THREADS=1 $here/../npool6-2026-12-07/probe.sh 0 -Dcalls=$calls -Dorder=\$o | grep -E '^CALLS'
done; done" >> "$out"
