#!/usr/bin/env bash
# Fresh JVMs, not pinned (the JIT's threads free to use the second vCPU, as in training): UnrolledMaxPoolProbe at 1
# thread on this branch's classes with -Dwarmup=true, times each call of the first way from the first until one takes
# under 1 ms; "unrolled" (order 0,2,1: the Java kernel, which 1 thread now takes for this shape) and "scanned" (order
# 1,2,0) in turns, REPS of each, one exclusive lock hold.   usage: warmprobe.sh OUT SHAPE REPS
out=$1 shape=$2 reps=$3
here=$(cd "$(dirname "$0")" && pwd)
flock /tmp/perf.lock bash -c "for r in \$(seq $reps); do for o in 0,2,1 1,2,0; do
  echo \"# \$(date -u +%T) $shape order=\$o rep=\$r\"
  ROOT=/tmp/np9/new SHAPE=$shape THREADS=1 $here/../npool6-2026-12-07/probe.sh 1 -Dwarmup=true -Dorder=\$o | grep -E '^WARMUP|^PROBE'
done; done" >> "$out"
