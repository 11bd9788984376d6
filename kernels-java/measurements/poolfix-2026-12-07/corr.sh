#!/bin/bash
cd /tmp/s14tree
J="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Djmh.ignoreLock=true --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
for i in 1 2 3 4 5 6; do
  echo "== $i $(date -u +%T)"
  $J -cp kernels-java/target/test-classes:kernels-java/target/classes:api/target/classes dev.jdnn.kernels.vector.GemmThroughput 1024 1 8 peak 2>&1 | grep -o "product/peak per batch: median [0-9.]*%"
  $J -jar bench/target/benchmarks.jar 'PoolBenchmark.backward$' -p shape=pool_stem -p layout=nchw -p backend=vector,onednn -p threads=1 -f 1 -wi 3 -w 300ms -i 3 -r 200ms -tu ms 2>&1 | grep "^PoolBenchmark.backward "
done
