#!/usr/bin/env bash
# 1-thread NHWC max-pool forward, Java (PlanTiming) and C (nhwc_from_c) pinned to the same vCPU back to back
out=$1 reps=$2
module=/work/main/kernels-native; root=/work/main
jar=$HOME/.m2/repository/org/bytedeco/dnnl/3.13-1.5.14/dnnl-3.13-1.5.14-linux-x86_64.jar
cp="$module/target/test-classes:$module/target/classes:$root/api/target/classes:$root/kernels-java/target/classes:$jar"
csv=/work/shared/bench/hot-core-pool.csv
for r in $(seq $reps); do for shape in pool_cifar pool_stem; do for cpu in 0 1; do
  flock /tmp/perf.lock bash -c "
    echo '# $(date -u +%T) rep=$r cpu=$cpu $shape'
    OMP_NUM_THREADS=1 taskset -c $cpu /tmp/nconv4-c/build/nhwc_from_c pool $csv $shape --passes f --nbatch 5 2>/dev/null | grep -E '^RES' | sed 's/\$/ cpu=$cpu/'
    taskset -c $cpu /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp $cp -Djdnn.timing.passes=fwd -Djdnn.timing.batches=5 -Djdnn.timing.layout=NHWC dev.jdnn.onednn.PlanTiming pool $csv $shape 1 - 2>/dev/null | grep -E '^JAVA' | sed 's/\$/ cpu=$cpu/'
  " >> $out
done; done; done
