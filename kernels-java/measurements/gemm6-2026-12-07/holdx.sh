#!/bin/bash
# usage: holdx.sh OUTDIR TAG THREADS : peak, then main and four variants of the experiment build (wide x rows), twice
OUT=$1; TAG=$2; T=$3
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
J="$JAVA_HOME/bin/java -Djmh.ignoreLock=true --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
API=/work/wt/h-gemm6/api/target/classes
$J -jar /tmp/gemm6-main/benchmarks.jar PeakBenchmark -f 1 -wi 2 -i 3 -t $T -rf json -rff $OUT/peak$T-$TAG.json > $OUT/peak$T-$TAG.log 2>&1
for round in 1 2; do
  $J -cp /tmp/gemm6-main/test-classes:/tmp/gemm6-main/classes:$API dev.jdnn.kernels.vector.GemmThroughput 1024 $T 9 > $OUT/gemm$T-$TAG-main-r$round.log 2>&1
  for w in 256 2048; do for r in false true; do
  $J -Dgemm6.wide=$w -Dgemm6.rows=$r -cp /tmp/gemm6-x/test-classes:/tmp/gemm6-x/classes:$API dev.jdnn.kernels.vector.GemmThroughput 1024 $T 9 > $OUT/gemm$T-$TAG-w$w-rows$r-r$round.log 2>&1
  done; done
done
