#!/usr/bin/env bash
# Before/after in one exclusive hold (run inside `flock /tmp/perf.lock`): per repetition C
# (nhwc_from_c), PlanTiming as it was (f61846c, classes in $OLD) and PlanTiming with the JIT-quiet
# wait (classes in $SNAP), the two Java runs swapping order on even repetitions. Lines as
# compare_with_c.sh writes them (JAVA lines of the old harness marked old=1, the new one's carry
# jit=Jms).   abprobe.sh OUT ID PASS "THREADS" REPS
set -euo pipefail
out=$1 id=$2 pass=$3 threads=$4 reps=$5
cbin=${CBIN:-/tmp/h-nconv2-c/build/nhwc_from_c}
csv=/work/shared/bench/hot-core-conv.csv
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
jar=$HOME/.m2/repository/org/bytedeco/dnnl/3.13-1.5.14/dnnl-3.13-1.5.14-linux-x86_64.jar
case "$pass" in fwd) cpass=f ;; bwd_d) cpass=d ;; bwd_w) cpass=w ;; esac
run_java() { # classes-root suffix
    local s=$1
    "$java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
        -cp "$s/kernels-native/target/test-classes:$s/kernels-native/target/classes:$s/api/target/classes:$s/kernels-java/target/classes:$jar" \
        -Djdnn.timing.passes="$pass" -Djdnn.timing.layout=NHWC dev.jdnn.onednn.PlanTiming conv "$csv" "$id" "$t" - \
        2>/dev/null | grep '^JAVA' | sed "s/\$/$2/" >>"$out"
}
for t in $threads; do
  for r in $(seq "$reps"); do
    echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1 /proc/loadavg) $id t=$t rep=$r" >>"$out"
    OMP_NUM_THREADS=$t "$cbin" conv "$csv" "$id" --passes $cpass --jit-below 16 2>/dev/null | grep RES >>"$out"
    if [ $((r % 2)) = 1 ]; then run_java "${OLD:-/tmp/h-nconv2-old}" " old=1"; run_java "${SNAP:-/tmp/h-nconv2-snap}" ""
    else run_java "${SNAP:-/tmp/h-nconv2-snap}" ""; run_java "${OLD:-/tmp/h-nconv2-old}" " old=1"; fi
  done
done
