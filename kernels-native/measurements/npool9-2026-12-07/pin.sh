#!/usr/bin/env bash
# One pooling shape at 1 thread: oneDNN from C (nhwc_from_c, NHWC forward, 5 batches), then UnrolledMaxPoolProbe
# (order 2,0,1: bare primitive, the plan's own route "unrolled", the scanned path) in one JVM on the classes of
# ROOT, both pinned to the same vCPU; one exclusive lock hold per rep, a pair on vCPU 0 then one on vCPU 1.
# usage: pin.sh OUT REPS ROOT [cifar|stem|cifarnet]   (CSV= another shape file for nhwc_from_c)
out=$1 reps=$2 root=$3 shape=${4:-cifar}
csv=${CSV:-/work/shared/bench/hot-core-pool.csv}
here=$(cd "$(dirname "$0")" && pwd)
for r in $(seq "$reps"); do
  flock /tmp/perf.lock bash -c "for cpu in 0 1; do
    echo \"# \$(date -u +%T) rep=$r cpu=\$cpu pool_$shape root=$root\"
    OMP_NUM_THREADS=1 taskset -c \$cpu /tmp/nconv4-c/build/nhwc_from_c pool $csv pool_$shape --passes f --nbatch 5 2>/dev/null | grep -E '^RES' | sed \"s/\\\$/ cpu=\$cpu/\"
    ROOT=$root SHAPE=$shape THREADS=1 taskset -c \$cpu $here/../npool6-2026-12-07/probe.sh 4 -Dorder=2,0,1 | grep -E '^PROBE|^unrolled=' | sed \"s/\\\$/ cpu=\$cpu/\"
  done" >> "$out"
done
