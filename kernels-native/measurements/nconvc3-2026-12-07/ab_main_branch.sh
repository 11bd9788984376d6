#!/usr/bin/env bash
# A/B: PlanTiming of main's classes against this branch's, alternating, one JVM each run.
out=$1 pass=$2 shape=$3 t=$4 reps=$5; shift 5
root=/work/wt/h-nconv4
jar=$HOME/.m2/repository/org/bytedeco/dnnl/3.13-1.5.14/dnnl-3.13-1.5.14-linux-x86_64.jar
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
for r in $(seq $reps); do
  order="main branch"; [ $((r % 2)) = 0 ] && order="branch main"
  for v in $order; do
    cp="/tmp/nconv4-$v/test-classes:/tmp/nconv4-$v/classes:$root/api/target/classes:$root/kernels-java/target/classes:$jar"
    echo "# $(date -u +%FT%TZ) $v rep=$r" >>"$out"
    "$java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp "$cp" -Djdnn.timing.passes=$pass \
      -Djdnn.timing.batches=5 -Djdnn.timing.layout=NHWC "$@" dev.jdnn.onednn.PlanTiming conv /work/shared/bench/hot-core-conv.csv $shape $t - 2>/dev/null \
      | grep JAVA | sed "s/^JAVA/JAVA_$v/" >>"$out"
  done
done
