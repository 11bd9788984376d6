#!/bin/bash
# pool_cifar NHWC forward: main's jar and the branch's alternated, each run one exclusive hold
O=/tmp/lead17/nhwc2x2
J="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Djmh.ignoreLock=true --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
for r in 1 2; do for t in main branch; do
  jar=/tmp/sit17/bench/target/benchmarks.jar; [ $t = branch ] && jar=/work/wt/h-lead17/bench/target/benchmarks.jar
  flock /tmp/perf.lock $J -jar $jar 'PoolBenchmark.forward$' -p shape=pool_cifar -p layout=nhwc -p backend=vector,onednn -p threads=1,2 -f 2 -wi 3 -w 300ms -i 5 -r 200ms -tu ms -bm avgt -rf json -rff $O/$t-$r.json > $O/$t-$r.log 2>&1
  echo "$t $r $(date -u +%T)"
done; done
