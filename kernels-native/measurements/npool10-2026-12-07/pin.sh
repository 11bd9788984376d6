#!/usr/bin/env bash
# npool9's pin.sh with the plan's route warmed up first: oneDNN from C (nhwc_from_c, NHWC forward, 5 batches), then
# UnrolledMaxPoolProbe on the classes of ROOT, both pinned to the same vCPU; the probe first times 3000 calls of the
# plan's route (-Dcalls, WarmingMaxPool: long enough to reach whole calls in the Java kernel, or not) and then runs 4
# rounds in order 0,2,1 (the plan's route "unrolled", the bare primitive, the scanned path). One exclusive lock hold
# per rep, a pair on vCPU 0 then one on vCPU 1.   usage: pin.sh OUT REPS ROOT [cifar|stem|cifarnet]
out=$1 reps=$2 root=$3 shape=${4:-cifar}
csv=${CSV:-/work/shared/bench/hot-core-pool.csv}
here=$(cd "$(dirname "$0")" && pwd)
for r in $(seq "$reps"); do
  flock /tmp/perf.lock bash -c "for cpu in 0 1; do
    echo \"# \$(date -u +%T) rep=$r cpu=\$cpu pool_$shape root=$root\"
    OMP_NUM_THREADS=1 taskset -c \$cpu /tmp/nconv4-c/build/nhwc_from_c pool $csv pool_$shape --passes f --nbatch 5 2>/dev/null | grep -E '^RES' | sed \"s/\\\$/ cpu=\$cpu/\"
    ROOT=$root SHAPE=$shape THREADS=1 taskset -c \$cpu $here/../npool6-2026-12-07/probe.sh 4 -Dcalls=3000 -Dorder=0,2,1 | grep -E '^PROBE|^unrolled=|^CALLS unrolled' | sed \"s/\\\$/ cpu=\$cpu/\"
  done" >> "$out"
done
