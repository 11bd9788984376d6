#!/usr/bin/env bash
# npool10's pin.sh with the warm-up thread free to run: oneDNN from C (nhwc_from_c, NHWC forward, 5 batches) pinned
# to one vCPU, then UnrolledMaxPoolProbe on the classes of ROOT started unpinned (a JVM pinned to one vCPU sees one
# processor and starts no warm-up), which times 3000 calls of the plan's route (-Dcalls: the scanned path until the
# warm-up thread has seen C2's code, then VectorNhwcMaxPool) and then runs 4 rounds in order 0,2,1 (the plan's route
# "unrolled", the bare primitive, the scanned path); PIN_AFTER seconds after its start (default 5: after the 3000
# calls and during round 0's warm-up) all its threads are pinned to the vCPU C ran on (taskset -a -p), so rounds 1-3
# run pinned. One exclusive lock hold per rep, a pair on vCPU 0 then one on vCPU 1.
# usage: pin.sh OUT REPS ROOT [cifar|stem|cifarnet]
out=$1 reps=$2 root=$3 shape=${4:-cifar}
csv=${CSV:-/work/shared/bench/hot-core-pool.csv}
jar=$HOME/.m2/repository/org/bytedeco/dnnl/3.13-1.5.14/dnnl-3.13-1.5.14-linux-x86_64.jar
cp="$root/kernels-native/target/test-classes:$root/kernels-native/target/classes:$root/api/target/classes:$root/kernels-java/target/classes:$jar"
for r in $(seq "$reps"); do
  flock /tmp/perf.lock bash -c "for cpu in 0 1; do
    echo \"# \$(date -u +%T) rep=$r cpu=\$cpu pool_$shape root=$root\"
    OMP_NUM_THREADS=1 taskset -c \$cpu /tmp/nconv4-c/build/nhwc_from_c pool $csv pool_$shape --passes f --nbatch 5 2>/dev/null | grep -E '^RES' | sed \"s/\\\$/ cpu=\$cpu/\"
    timeout 170 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Dcalls=3000 -Dorder=0,2,1 -cp $cp dev.jdnn.onednn.UnrolledMaxPoolProbe $shape 1 4 > /tmp/nwarm/pin-probe.out 2>&1 &
    tpid=\$!
    sleep \${PIN_AFTER:-5}
    jpid=\$(pgrep -P \$tpid)
    taskset -a -p -c \$cpu \$jpid > /dev/null && echo \"pinned jvm \$jpid to \$cpu at \$(date -u +%T)\"
    wait \$tpid
    grep -E '^PROBE|^unrolled=|^CALLS unrolled' /tmp/nwarm/pin-probe.out | sed \"s/\\\$/ cpu=\$cpu/\"
  done" >> "$out"
done
