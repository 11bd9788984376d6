#!/usr/bin/env bash
# Times onednn plans (PlanTiming, test classes) right next to oneDNN called from C
# (shared/bench/onednn-from-c, its 'reord' and 'mixed' variants) on the hot-core shapes,
# alternating C and Java REPS times per shape and thread count, and appends raw lines to OUT.
# Summarise with summarise_comparison.py OUT. VARIANTS (default reord,mixed,blk) picks the C
# variants; for pool and dense use plain,reord,blk. Needs the C harness built (run.sh builds it) and
# `./mvnw -pl kernels-native -am test-compile` done.
#   compare_with_c.sh OUT OP "ID ..." "THREADS ..." [REPS]
set -euo pipefail
out=$1 op=$2 ids=$3 threads=$4 reps=${5:-3}
here=$(cd "$(dirname "$0")" && pwd)
module=$(cd "$here/../.." && pwd)
root=$(cd "$module/.." && pwd)
bench=${BENCH_DIR:-/work/shared/bench}
cbin=${CBIN:-/tmp/onednn-from-c/build/bench_onednn}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
jar=$HOME/.m2/repository/org/bytedeco/dnnl/3.13-1.5.14/dnnl-3.13-1.5.14-linux-x86_64.jar
cp="$module/target/test-classes:$module/target/classes:$root/api/target/classes:$root/kernels-java/target/classes:$jar"
csv="$bench/hot-core-$op.csv"
for id in $ids; do
  for t in $threads; do
    for r in $(seq "$reps"); do
      echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1 /proc/loadavg) $op $id t=$t rep=$r" >>"$out"
      OMP_NUM_THREADS=$t "$cbin" --no-header --variants "${VARIANTS:-reord,mixed,blk}" "--$op" "$csv" --only "$id" >>"$out" 2>/dev/null
      "$java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp "$cp" \
        dev.jdnn.onednn.PlanTiming "$op" "$csv" "$id" "$t" 2>/dev/null | grep '^JAVA' >>"$out"
    done
  done
done
