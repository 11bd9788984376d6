#!/bin/bash
# usage: holdy.sh OUTDIR TAG THREADS "PROPS"... : peak, then main and each property set of the experiment build, twice
OUT=$1; TAG=$2; T=$3; shift 3
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
J="$JAVA_HOME/bin/java -Djmh.ignoreLock=true --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
API=/work/wt/h-gemm6/api/target/classes
$J -jar /tmp/gemm6-main/benchmarks.jar PeakBenchmark -f 1 -wi 2 -i 3 -t $T -rf json -rff $OUT/peak$T-$TAG.json > $OUT/peak$T-$TAG.log 2>&1
for round in $(seq 1 ${ROUNDS:-2}); do
  $J -cp /tmp/gemm6-main/test-classes:/tmp/gemm6-main/classes:$API dev.jdnn.kernels.vector.GemmThroughput 1024 $T 9 > $OUT/gemm$T-$TAG-main-r$round.log 2>&1
  for props in "$@"; do
    name=$(echo "$props" | tr -d ' ' | sed 's/-Dgemm6\./_/g')
    $J $props -cp /tmp/gemm6-x/test-classes:/tmp/gemm6-x/classes:$API dev.jdnn.kernels.vector.GemmThroughput 1024 $T 9 > $OUT/gemm$T-$TAG-x$name-r$round.log 2>&1
  done
done
