#!/bin/bash
# usage: warm.sh OUT SHAPE REPS CALLS ROUNDS ROOT... : fresh JVMs, 1 thread, unpinned, the roots in turn (order alternating per rep), one exclusive hold
out=$1 shape=$2 reps=$3 calls=$4 rounds=$5; shift 5
export HERE=$(cd "$(dirname "$0")" && pwd)
flock /tmp/perf.lock bash -c '
  out=$1 shape=$2 reps=$3 calls=$4 rounds=$5; shift 5
  for r in $(seq $reps); do
    if [ $((r % 2)) = 1 ]; then roots="$*"; else roots=$(printf "%s\n" "$@" | tac | tr "\n" " "); fi
    for root in $roots; do
      echo "# $(date -u +%T) $shape root=$root rep=$r load $(cut -d" " -f1 /proc/loadavg)"
      ROOT=$root SHAPE=$shape THREADS=${THREADS:-1} $HERE/../npool6-2026-12-07/probe.sh $rounds -Dcalls=$calls -Dorder=0,1,2 | grep -E "^CALLS|^PROBE|^unrolled="
    done
  done' _ "$out" $shape $reps $calls $rounds "$@" >> $out 2>&1
