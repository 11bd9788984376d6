#!/bin/bash
# usage: perf.sh PERFDIR NAME BUILD THREADS : perf record -F 999 of GemmThroughput 1024 THREADS 40 on build
# /tmp/gemm7-BUILD (main = /tmp/gemm6-main); PERFDIR/NAME.log is the run's output, NAME.txt the symbols over
# the second half of the run (after warm-up).
DIR=$1; NAME=$2; V=$3; T=$4
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
if [ "$V" = main ]; then B=/tmp/gemm6-main; else B=/tmp/gemm7-$V; fi
API=/work/wt/h-gemm6/api/target/classes
DATA=/tmp/gemm7-runs/perf-$NAME.data
/usr/bin/perf record -F 999 -o $DATA -- $JAVA_HOME/bin/java --add-modules jdk.incubator.vector \
    --enable-native-access=ALL-UNNAMED -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit \
    -cp $B/test-classes:$B/classes:$API dev.jdnn.kernels.vector.GemmThroughput 1024 $T 40 > $DIR/$NAME.log 2>&1
/usr/bin/perf report -i $DATA --no-children --sort symbol --time 40%-100% 2>/dev/null | grep -v '^$' | head -40 > $DIR/$NAME.txt
