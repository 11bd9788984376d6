#!/bin/bash
# usage: ab.sh SHAPE THREADS REPS ROOT... : one exclusive hold, the roots in turn REPS times (order alternating), probe ways 0 and 3, 3 rounds
shape=$1 t=$2 reps=$3; shift 3
export HERE=$(cd "$(dirname "$0")" && pwd)
pin=""; [ "$t" = 1 ] && pin="taskset -c 1"
flock /tmp/perf.lock bash -c '
  echo "# hold $(date -u +%T) load $(cut -d" " -f1 /proc/loadavg)"
  shape=$1 t=$2 reps=$3 pin=$4; shift 4
  for r in $(seq $reps); do
    if [ $((r % 2)) = 1 ]; then roots="$*"; else roots=$(printf "%s\n" "$@" | tac | tr "\n" " "); fi
    for root in $roots; do $pin $HERE/../npool11-2026-12-07/tprobe.sh $root $shape $t ${ROUNDS:-3} -Dorder=0,3 $EXTRA; done
  done' _ $shape $t $reps "$pin" "$@"
