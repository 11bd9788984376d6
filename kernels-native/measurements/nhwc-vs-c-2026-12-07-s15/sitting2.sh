#!/bin/bash
set -u
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
O=/tmp/sit15
log() { echo "$1 $(date -u +%T)" >> $O/progress.log; }
cd /tmp/s15b
bench/src/build/sitting.sh $O/B pool
J="$JAVA_HOME/bin/java -Djmh.ignoreLock=true --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
flock /tmp/perf.lock $J -jar bench/target/benchmarks.jar 'PoolBenchmark.backward$' -p shape=pool_stem,pool_lenet -p layout=nchw -p backend=vector,onednn -p threads=1 -f 3 -wi 4 -w 300ms -i 5 -r 200ms -tu ms -rf json -rff $O/B/poolbwd-f3.json > $O/B/poolbwd-f3.log 2>&1
log "B poolbwd f3"
cd /tmp/s15tree
for s in cifar_c1 rn_1x1 mb_dw lenet_c1; do
  QUIET_MAX_WAIT=20 LAYOUT=nhwc NBATCH=3 kernels-native/src/build/compare_with_c.sh $O/nhwc-conv-rerun.raw conv "$s" "1 2" 3 > $O/rerun-$s.log 2>&1
  log "rerun $s rc=$?"
done
