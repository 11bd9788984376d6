#!/usr/bin/env bash
# pool_cifar at 1 thread: C (nhwc_from_c, NHWC forward, 5 batches) then the Java probe (bare primitive, the scanned
# path with the one-stream scan (0b) and with the four-stream scan (1b), eight streams (3b), in one JVM), both pinned
# to the same vCPU; one exclusive lock hold per pair
out=$1 reps=$2
csv=/work/shared/bench/hot-core-pool.csv
for r in $(seq $reps); do for cpu in 0 1; do
  flock /tmp/perf.lock bash -c "
    echo \"# \$(date -u +%T) rep=$r cpu=$cpu pool_cifar\"
    OMP_NUM_THREADS=1 taskset -c $cpu /tmp/nconv4-c/build/nhwc_from_c pool $csv pool_cifar --passes f --nbatch 5 2>/dev/null | grep -E '^RES' | sed 's/\$/ cpu=$cpu/'
    THREADS=1 taskset -c $cpu ./probe.sh 3 -Dvariants=p,0b,1b,3b | grep -E '^PROBE' | sed 's/\$/ cpu=$cpu/'
  " >> $out
done; done
