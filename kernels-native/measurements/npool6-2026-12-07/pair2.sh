#!/usr/bin/env bash
# pool_cifar at 2 threads, separate processes back to back in one exclusive lock hold: C (nhwc_from_c), then Java
# PlanTiming on this branch and on main (git archive in /tmp/npool6-main), order of the two Java runs alternating
out=$1 reps=$2
jar=$HOME/.m2/repository/org/bytedeco/dnnl/3.13-1.5.14/dnnl-3.13-1.5.14-linux-x86_64.jar
csv=/work/shared/bench/hot-core-pool.csv
java_run() {  # root label
  local m=$1/kernels-native
  echo "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp $m/target/test-classes:$m/target/classes:$1/api/target/classes:$1/kernels-java/target/classes:$jar -Djdnn.timing.passes=fwd -Djdnn.timing.batches=5 -Djdnn.timing.layout=NHWC dev.jdnn.onednn.PlanTiming pool $csv pool_cifar 2 - 2>/dev/null | grep -E '^JAVA' | sed 's/\$/ $2/'"
}
for r in $(seq $reps); do
  if [ $((r % 2)) = 1 ]; then a=/work/wt/h-npool6; la=branch; b=/tmp/npool6-main; lb=main; else a=/tmp/npool6-main; la=main; b=/work/wt/h-npool6; lb=branch; fi
  flock /tmp/perf.lock bash -c "
    echo '# $(date -u +%T) rep=$r'
    OMP_NUM_THREADS=2 /tmp/nconv4-c/build/nhwc_from_c pool $csv pool_cifar --passes f --nbatch 5 2>/dev/null | grep -E '^RES'
    $(java_run $a $la)
    $(java_run $b $lb)
  " >> $out
done
