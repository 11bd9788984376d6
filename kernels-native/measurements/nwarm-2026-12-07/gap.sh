#!/usr/bin/env bash
# Fresh JVMs, not pinned, 1 thread: UnrolledMaxPoolWarmUpProbe CALLS GAP_US (pool_cifar training forwards through the
# plan, a busy wait of GAP_US after each) on the main classes of each ROOT in turn (the probe's class from this
# branch's test classes, /tmp/nwarm/gapprobe, put first: it uses only what main's plan has), REPS rounds, one
# exclusive lock hold.   usage: gap.sh OUT CALLS GAP_US REPS ROOT...
out=$1 calls=$2 gap=$3 reps=$4; shift 4
jar=$HOME/.m2/repository/org/bytedeco/dnnl/3.13-1.5.14/dnnl-3.13-1.5.14-linux-x86_64.jar
flock /tmp/perf.lock bash -c "for r in \$(seq $reps); do for root in $*; do
  echo \"# \$(date -u +%T) root=\$root rep=\$r calls=$calls gap=$gap\"
  timeout 170 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp /tmp/nwarm/gapprobe:\$root/kernels-native/target/classes:\$root/api/target/classes:\$root/kernels-java/target/classes:$jar dev.jdnn.onednn.UnrolledMaxPoolWarmUpProbe $calls $gap 2>&1 | grep -v WARNING
done; done" >> "$out"
