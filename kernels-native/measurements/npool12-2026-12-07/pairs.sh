#!/bin/bash
# usage: pairs.sh OUT SHAPE THREADS REPS ROOT_A ROOT_B : per exclusive hold, C (nhwc_from_c, same threads; pinned
# to vCPU rep%2 at 1 thread), then A and B (NhwcPoolTeamProbe, kernel + primitive, 3 rounds), order alternating
out=$1 shape=$2 t=$3 reps=$4 a=$5 b=$6
cbin=/tmp/onednn-from-c/build/nhwc_from_c
for r in $(seq $reps); do
  cpu=$((r % 2)); pin=""; [ "$t" = 1 ] && pin="taskset -c $cpu"
  if [ $((r % 2)) = 1 ]; then first=$a second=$b; else first=$b second=$a; fi
  flock /tmp/perf.lock bash -c "
    echo \"# rep $r \$(date -u +%T) load \$(cut -d' ' -f1 /proc/loadavg) pin='$pin'\"
    OMP_NUM_THREADS=$t $pin $cbin pool /work/shared/bench/hot-core-pool.csv pool_$shape --passes f --nbatch 5 2>/dev/null | grep ^RES
    $pin $(dirname "$0")/tprobe.sh $first $shape $t 3 -Dorder=0,3
    $pin $(dirname "$0")/tprobe.sh $second $shape $t 3 -Dorder=0,3
  " >> $out 2>&1
done
