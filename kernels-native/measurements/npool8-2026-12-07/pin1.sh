#!/usr/bin/env bash
# pool_cifar at 1 thread: C (nhwc_from_c, NHWC forward, 5 batches) then the Java probe in one JVM (order 2,0,1:
# bare primitive, VectorNhwcMaxPool through the plan (-Dprobe.minThreads=1 routes 1 thread to it), the scanned
# path), both pinned to the same vCPU; one exclusive lock hold per pair. usage: pin1.sh OUT REPS [ROOT]
out=$1 reps=$2 root=${3:-/work/wt/h-npool8} ORDER=${ORDER:-2,0,1}
csv=/work/shared/bench/hot-core-pool.csv
for r in $(seq $reps); do for cpu in 0 1; do
  flock /tmp/perf.lock bash -c "
    echo \"# \$(date -u +%T) rep=$r cpu=$cpu pool_cifar root=$root\"
    OMP_NUM_THREADS=1 taskset -c $cpu /tmp/nconv4-c/build/nhwc_from_c pool $csv pool_cifar --passes f --nbatch 5 2>/dev/null | grep -E '^RES' | sed 's/\$/ cpu=$cpu/'
    ROOT=$root THREADS=1 taskset -c $cpu ./probe.sh 4 -Dprobe.minThreads=1 -Dorder=${ORDER:-2,0,1} | grep -E '^PROBE' | sed 's/\$/ cpu=$cpu/'
  " >> $out
done; done
