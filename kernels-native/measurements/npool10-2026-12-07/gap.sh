#!/usr/bin/env bash
# Training-like cadence: fresh JVMs, not pinned, 1 thread, UnrolledMaxPoolProbe -Dcalls=N -DgapUs=G (a busy wait of G
# µs after each timed call, standing for the step's other layers) on the class tree /tmp/np10/src-route (the route
# commit 827471c plus -Dpad=P, the empty loop's bound in VectorNhwcMaxPool.pool2x2, 4 on main, and -DgapUs in the
# probe): the plan's route with pad 4 and pad 64, then the scanned path, REPS rounds, one exclusive lock hold.
# usage: gap.sh OUT SHAPE REPS CALLS GAP_US
out=$1 shape=$2 reps=$3 calls=$4 gap=$5
here=$(cd "$(dirname "$0")" && pwd)
flock /tmp/perf.lock bash -c "for r in \$(seq $reps); do for w in '0,1,2 -Dpad=4' '0,1,2 -Dpad=64' '1,0,2 -Dpad=4'; do
  set -- \$w
  echo \"# \$(date -u +%T) $shape order=\$1 \$2 gapUs=$gap rep=\$r\"
  ROOT=/tmp/np10/src-route SHAPE=$shape THREADS=1 $here/../npool6-2026-12-07/probe.sh 0 -Dcalls=$calls -DgapUs=$gap -Dorder=\$1 \$2 | grep -E '^CALLS'
done; done" >> "$out"
