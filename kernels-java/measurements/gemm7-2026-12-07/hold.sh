#!/bin/bash
# usage: hold.sh RAWDIR TAG THREADS VARIANTS... : the FMA peak at THREADS, then ROUNDS (default 6) rounds of
# GemmThroughput SIZE (default 1024) THREADS 9, one JVM per variant (build /tmp/gemm7-VARIANT, main = /tmp/gemm6-main),
# the order rotated by one each round; everything appended to RAWDIR/TAG.log, "== name" before each run.
RAW=$1; TAG=$2; T=$3; shift 3
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
J="$JAVA_HOME/bin/java -Djmh.ignoreLock=true --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
API=/work/wt/h-gemm6/api/target/classes
LOG=$RAW/$TAG.log
build() { if [ "$1" = main ]; then echo /tmp/gemm6-main; else echo /tmp/gemm7-$1; fi; }
echo "== peak$T-$TAG (start $(date -u +%T))" >> $LOG
$J -jar /tmp/gemm6-main/benchmarks.jar PeakBenchmark -f 1 -wi 2 -i 3 -t $T 2>&1 | grep -E '^(Benchmark|PeakBenchmark)' >> $LOG
VARS=("$@"); N=${#VARS[@]}
for round in $(seq 1 ${ROUNDS:-6}); do
  for i in $(seq 0 $((N - 1))); do
    v=${VARS[$(( (i + round - 1) % N ))]}; B=$(build $v)
    echo "== gemm$T-$TAG-$v-r$round" >> $LOG
    $J -cp $B/test-classes:$B/classes:$API dev.jdnn.kernels.vector.GemmThroughput ${SIZE:-1024} $T 9 >> $LOG 2>&1
  done
done
echo "== end-$TAG $(date -u +%T)" >> $LOG
