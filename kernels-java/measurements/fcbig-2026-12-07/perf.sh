#!/bin/bash
# usage: perf.sh PERFDIR NAME BUILD THREADS : perf record -F 999 of DensePassThroughput 64 4096 4096 THREADS fwd 300
# on build /tmp/fcbig-BUILD; PERFDIR/NAME.log is the run's output, NAME.txt the symbols over the second half of the run.
DIR=$1; NAME=$2; V=$3; T=$4
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
B=/tmp/fcbig-$V
DATA=/tmp/fcbig-runs/perf-$NAME.data
/usr/bin/perf record -F 999 -o $DATA -- $JAVA_HOME/bin/java --add-modules jdk.incubator.vector \
    --enable-native-access=ALL-UNNAMED -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit \
    -cp $B/test-classes:$B/classes:$B/api-classes dev.jdnn.kernels.vector.DensePassThroughput 64 4096 4096 $T fwd 300 \
    > $DIR/$NAME.log 2>&1
/usr/bin/perf report -i $DATA --no-children --sort symbol --time 40%-100% 2>/dev/null | grep -v '^$' | head -40 > $DIR/$NAME.txt
