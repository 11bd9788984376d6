#!/usr/bin/env bash
# ONEDNN_VERBOSE=1 (create and exec lines) of one short bwd_w run per side: verbose.sh OUT SHAPE THREADS
out=$1 shape=$2 t=$3
module=$(cd "$(dirname "$0")/../.." && pwd); root=$(cd "$module/.." && pwd)
jar=$HOME/.m2/repository/org/bytedeco/dnnl/3.13-1.5.14/dnnl-3.13-1.5.14-linux-x86_64.jar
cp="$module/target/test-classes:$module/target/classes:$root/api/target/classes:$root/kernels-java/target/classes:$jar"
csv=/work/shared/bench/hot-core-conv.csv
{ echo "## C t=$t"; ONEDNN_VERBOSE=1 OMP_NUM_THREADS=$t /tmp/nbwdw-c/build/nhwc_from_c conv $csv $shape --passes w --nbatch 1 2>&1 \
    | grep -E '^(onednn_verbose,(info|primitive,create)|RES)' ; ONEDNN_VERBOSE=1 OMP_NUM_THREADS=$t /tmp/nbwdw-c/build/nhwc_from_c conv $csv $shape --passes w --nbatch 1 2>&1 | grep -E 'primitive,exec' | head -4
  echo "## JAVA t=$t"; ONEDNN_VERBOSE=1 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp "$cp" \
    -Djdnn.timing.passes=bwd_w -Djdnn.timing.warmMs=100 -Djdnn.timing.batches=1 -Djdnn.timing.jitQuietMaxMs=0 -Djdnn.timing.layout=NHWC \
    dev.jdnn.onednn.PlanTiming conv $csv $shape $t - 2>&1 | grep -E '^(onednn_verbose,(info|primitive,create)|JAVA)'
  ONEDNN_VERBOSE=1 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp "$cp" \
    -Djdnn.timing.passes=bwd_w -Djdnn.timing.warmMs=100 -Djdnn.timing.batches=1 -Djdnn.timing.jitQuietMaxMs=0 -Djdnn.timing.layout=NHWC \
    dev.jdnn.onednn.PlanTiming conv $csv $shape $t - 2>&1 | grep -E 'primitive,exec' | head -4; } >>"$out"
