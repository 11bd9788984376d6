#!/usr/bin/env bash
# One exclusive hold's worth of probes (run inside `flock /tmp/perf.lock`), per repetition:
# C (own xorshift fill), C with PlanTiming's fill (--fill java), Java (PlanTiming) with the
# default 1 s warm-up and Java with WARM_LONG ms of warm-up, on the snapshot in $SNAP. Each JVM
# logs its JIT compilations with uptime (-Xlog:jit+compilation=debug) into $OUT.jit/<label>.log,
# and its JAVA line is stamped with the seconds since launch, so that the compilations inside
# the timed window (the last BATCHES x iters x per-call before the line) can be counted.
#   probe.sh OUT ID PASS "THREADS" REPS
set -euo pipefail
out=$1 id=$2 pass=$3 threads=$4 reps=$5
snap=${SNAP:-/tmp/h-nconv2-snap}
cbin=${CBIN:-/tmp/h-nconv2-c/build/nhwc_from_c}
warm_long=${WARM_LONG:-5000}
csv=/work/shared/bench/hot-core-conv.csv
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
jar=$HOME/.m2/repository/org/bytedeco/dnnl/3.13-1.5.14/dnnl-3.13-1.5.14-linux-x86_64.jar
cp="$snap/kernels-native/target/test-classes:$snap/kernels-native/target/classes:$snap/api/target/classes:$snap/kernels-java/target/classes:$jar"
case "$pass" in fwd) cpass=f ;; bwd_d) cpass=d ;; bwd_w) cpass=w ;; esac
mkdir -p "$out.jit"
run_java() { # label warm_ms
    local log="$out.jit/$1.log" t0
    t0=$(date +%s.%N)
    "$java" ${JFLAGS:-} -Xlog:jit+compilation=debug:file="$log":uptime --enable-native-access=ALL-UNNAMED \
        --add-modules jdk.incubator.vector -cp "$cp" -Djdnn.timing.passes="$pass" -Djdnn.timing.layout=NHWC \
        -Djdnn.timing.warmMs="$2" dev.jdnn.onednn.PlanTiming conv "$csv" "$id" "$t" - 2>/dev/null \
        | while read -r line; do
            case "$line" in JAVA*) echo "$line warm=$2 at=$(echo "$(date +%s.%N) - $t0" | bc) log=$1" ;; esac
        done >>"$out"
}
for t in $threads; do
  for r in $(seq "$reps"); do
    echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1 /proc/loadavg) $id $pass t=$t rep=$r" >>"$out"
    OMP_NUM_THREADS=$t "$cbin" conv "$csv" "$id" --passes $cpass --jit-below 16 2>/dev/null | grep RES >>"$out"
    OMP_NUM_THREADS=$t "$cbin" conv "$csv" "$id" --passes $cpass --jit-below 16 --fill java 2>/dev/null \
      | grep RES | sed 's/,nhwc,/,nhwc_javafill,/' >>"$out"
    run_java "$id-$pass-t$t-r$r-warm1000" 1000
    run_java "$id-$pass-t$t-r$r-warm$warm_long" "$warm_long"
  done
done
