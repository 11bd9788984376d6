#!/usr/bin/env bash
# Several C and Java processes in a row, alternating (C first on odd reps), bwd_w of one shape, no idle wait.
# Run holding /tmp/perf.lock exclusively:  flock /tmp/perf.lock ./rows.sh OUT SHAPE THREADS REPS [JAVA_FLAGS...]
# C: nhwc_from_c built from src/build into /tmp/nbwdw-c (C_ARGS adds e.g. "--fill java"); Java: PlanTiming NHWC.
set -u
out=$1 shape=$2 t=$3 reps=$4; shift 4
module=$(cd "$(dirname "$0")/../.." && pwd); root=$(cd "$module/.." && pwd)
jar=$HOME/.m2/repository/org/bytedeco/dnnl/3.13-1.5.14/dnnl-3.13-1.5.14-linux-x86_64.jar
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
cp="${CP:-$module/target/test-classes:$module/target/classes}:$root/api/target/classes:$root/kernels-java/target/classes:$jar"
csv=/work/shared/bench/hot-core-conv.csv
runc() { echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1 /proc/loadavg) C rep=$1" >>"$out"
  OMP_NUM_THREADS=$t /tmp/nbwdw-c/build/nhwc_from_c conv $csv $shape --passes w --nbatch ${NBATCH:-5} ${C_ARGS:-} 2>/dev/null | grep -E '^RES' >>"$out"; }
runj() { echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1 /proc/loadavg) JAVA rep=$1" >>"$out"; shift
  "$java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp "$cp" -Djdnn.timing.passes=bwd_w \
    -Djdnn.timing.batches=${NBATCH:-5} -Djdnn.timing.layout=NHWC "$@" dev.jdnn.onednn.PlanTiming conv $csv $shape $t - 2>/dev/null \
    | grep -E '^JAVA' >>"$out"; }
for r in $(seq "$reps"); do
  if [ "${ONLY:-}" = C ]; then runc $r; elif [ "${ONLY:-}" = J ]; then runj $r "$@";
  elif [ $((r % 2)) = 1 ]; then runc $r; runj $r "$@"; else runj $r "$@"; runc $r; fi
done
