#!/bin/bash
# alternated before/after: PoolBenchmark nchw vector, all shapes, threads 1,2, forward and backward
J="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Djmh.ignoreLock=true --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
for r in $(seq $1 $2); do
 for v in before after; do
  if [ $v = before ]; then JAR=/tmp/s13tree/bench/target/benchmarks.jar; else JAR=/work/wt/h-poolfix2/bench/target/benchmarks.jar; fi
  flock /tmp/perf.lock $J -jar $JAR 'PoolBenchmark' -p layout=nchw -p backend=vector -p threads=1,2 -f 1 -wi 4 -w 300ms -i 5 -r 200ms -tu ms -rf json -rff /tmp/pf2/$v-$r.json > /tmp/pf2/$v-$r.log 2>&1
 done
done
