#!/bin/bash
# usage: bnpair.sh OUT ; alternates main and new jars, one fork each, lenet_bn1 + cifar_norm BN nhwc vector 1,2 threads
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
for round in 1 2; do
for b in main new; do
  flock /tmp/perf.lock $J -Djmh.ignoreLock=true -jar /tmp/bn-$b.jar 'NormBenchmark.batchNorm' -p shape=lenet_bn1,cifar_norm -p backend=vector -p threads=1,2 -p layout=nhwc -f 1 -wi 4 -w 300ms -i 5 -r 200ms -tu ms 2>&1 | grep -E "^NormBenchmark" | sed "s/^/$b r$round /"
done; done
