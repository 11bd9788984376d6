#!/bin/bash
# usage: alt.sh TAG SHAPE FIRST [ROUNDS]: GemmAlternate9 SHAPE ROUNDS FIRST on the branch's build snapshot
# D (default /tmp/gemm9-br: classes, test-classes, api-classes, h = GemmAlternate9 compiled against them),
# appended to raw/TAG.log. Run inside an exclusive hold: flock /tmp/perf.lock ./alt.sh TAG g1024 main
cd "$(dirname "$0")"
TAG=$1; SHAPE=$2; FIRST=$3; ROUNDS=${4:-12}; D=${D:-/tmp/gemm9-br}
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
echo "== start $TAG $SHAPE first=$FIRST $(date -u +%T)" >> raw/$TAG.log
$JAVA_HOME/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp $D/h:$D/test-classes:$D/classes:$D/api-classes \
  dev.jdnn.kernels.vector.GemmAlternate9 $SHAPE $ROUNDS $FIRST 2>&1 | grep -v WARNING >> raw/$TAG.log
echo "== end $TAG $(date -u +%T)" >> raw/$TAG.log
