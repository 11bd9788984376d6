#!/usr/bin/env bash
# Fresh JVMs, not pinned (the JIT's threads and the warm-up thread free to use the second vCPU), 1 thread:
# UnrolledMaxPoolProbe -Dcalls=N times each of the first N calls of the plan's route (order 0,1,2: on main the
# scanned path at 1 thread, on this branch the scanned path until the warm-up thread has seen C2's code, then
# VectorNhwcMaxPool), on the classes of each ROOT in turn, REPS rounds, one exclusive lock hold.
# usage: warmcurve.sh OUT SHAPE REPS CALLS ROOT... [-- JVMFLAGS...]
out=$1 shape=$2 reps=$3 calls=$4; shift 4
roots=() ; while [ $# -gt 0 ] && [ "$1" != "--" ]; do roots+=("$1"); shift; done; [ "$1" = "--" ] && shift
here=$(cd "$(dirname "$0")" && pwd)
flock /tmp/perf.lock bash -c "for r in \$(seq $reps); do for root in ${roots[*]}; do
  echo \"# \$(date -u +%T) $shape root=\$root rep=\$r\"
  ROOT=\$root SHAPE=$shape THREADS=1 $here/../npool6-2026-12-07/probe.sh 0 -Dcalls=$calls -Dorder=0,1,2 $* | grep -E '^CALLS|^WARM'
done; done" >> "$out"
