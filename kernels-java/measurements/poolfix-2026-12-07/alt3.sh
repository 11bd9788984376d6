#!/bin/bash
J="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Djmh.ignoreLock=true --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
for r in $(seq $1 $2); do
 for v in B main A; do
  if [ $v = main ]; then JAR=/tmp/s13tree/bench/target/benchmarks.jar; else JAR=/tmp/pf2/$v.jar; fi
  flock /tmp/perf.lock $J -jar $JAR 'PoolBenchmark.forward$' -p shape=pool_cifar,pool_lenet -p layout=nchw -p backend=vector -p threads=1,2 -f 1 -wi 4 -w 300ms -i 5 -r 200ms -tu ms -rf json -rff /tmp/pf2/t$v-$r.json > /tmp/pf2/t$v-$r.log 2>&1
 done
done
