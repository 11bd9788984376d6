#!/usr/bin/env bash
# 2 threads (unchanged by this branch: the Java kernel takes whole calls there): UnrolledMaxPoolProbe, order 2,0,1
# (primitive, the plan's route, scanned), on main's classes (/tmp/nwarm/base) and this branch's (/tmp/nwarm/new) in
# turns, REPS of each, one exclusive lock hold, not pinned.   usage: two.sh OUT SHAPE REPS
out=$1 shape=$2 reps=$3
here=$(cd "$(dirname "$0")" && pwd)
flock /tmp/perf.lock bash -c "for r in \$(seq $reps); do for w in base new; do
  echo \"# \$(date -u +%T) \$w $shape t=2 rep=\$r\"
  ROOT=/tmp/nwarm/\$w SHAPE=$shape THREADS=2 $here/../npool6-2026-12-07/probe.sh 3 -Dorder=2,0,1 | grep -E '^PROBE|^unrolled='
done; done" >> "$out"
