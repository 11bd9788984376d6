#!/bin/bash
# usage: hold.sh OUTDIR TAG THREADS VARIANTS... : peak at THREADS, then GemmThroughput 1024 THREADS 9 for each variant in order, twice (A B A B)
OUT=$1; TAG=$2; T=$3; shift 3
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
J="$JAVA_HOME/bin/java -Djmh.ignoreLock=true --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
API=/work/wt/h-gemm6/api/target/classes
$J -jar /tmp/gemm6-main/benchmarks.jar PeakBenchmark -f 1 -wi 2 -i 3 -t $T -rf json -rff $OUT/peak$T-$TAG.json > $OUT/peak$T-$TAG.log 2>&1
for round in $(seq 1 ${ROUNDS:-2}); do for v in "$@"; do
  $J -cp /tmp/gemm6-$v/test-classes:/tmp/gemm6-$v/classes:$API dev.jdnn.kernels.vector.GemmThroughput 1024 $T 9 > $OUT/gemm$T-$TAG-$v-r$round.log 2>&1
done; done
