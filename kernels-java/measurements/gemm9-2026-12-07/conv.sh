#!/bin/bash
# usage: conv.sh TAG FIRST [SECOND]: inside one exclusive hold (taken by the caller), ConvBenchmark's three passes on
# rn_3x3, cifar_c2, lenet_c2 (NCHW, vector, 1 thread) from main's benchmarks.jar (/tmp/gemm9-jars/main.jar,
# main e950bea) and this branch's (/tmp/gemm9-jars/branch.jar), FIRST (main or branch) first; raw/TAG-<jar>.txt.
# Env PASSES (regex, default all three), SHAPES and FORKS (default 1) narrow or widen the run.
# With SECOND, the two jars FIRST and SECOND in that order (an A/A check: main main2, main2 a copy of main.jar).
cd "$(dirname "$0")"
TAG=$1; FIRST=$2
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
[ "$FIRST" = main ] && ORDER="main branch" || ORDER="branch main"
[ -n "$3" ] && ORDER="$FIRST $3"
for j in $ORDER; do
  echo "== $j $(date -u +%T)" > raw/$TAG-$j.txt
  $JAVA_HOME/bin/java -Djmh.ignoreLock=true --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    -jar /tmp/gemm9-jars/$j.jar "ConvBenchmark.${PASSES:-(backwardData|backwardWeights|forward)}\$" -p layout=nchw \
    -p backend=vector -p threads=1 -p shape=${SHAPES:-rn_3x3,cifar_c2,lenet_c2} -f ${FORKS:-1} -wi 3 -w 400ms -i 5 -r 300ms \
    -tu ms -bm avgt -jvmArgsAppend -Djmh.ignoreLock=true 2>&1 | grep -E "^ConvBenchmark|^# Parameters|^# Fork|^Iteration|^Result|^  [0-9]" \
    >> raw/$TAG-$j.txt
  echo "== end $(date -u +%T)" >> raw/$TAG-$j.txt
done
