#!/bin/bash
# usage: alt.sh TAG FIRST [ROUNDS]: GemmAlternate 1024 ROUNDS FIRST on the build snapshot D (default /tmp/gemm8-v2; h1-h2 ran /tmp/gemm8-v1, commit 5277b76) (classes,
# test-classes, api-classes, h = this folder's GemmAlternate compiled against them), appended to raw/TAG.log.
# Run inside an exclusive hold: flock /tmp/perf.lock ./alt.sh TAG main
cd "$(dirname "$0")"
TAG=$1; FIRST=$2; PAIRS=${3:-15}; D=${D:-/tmp/gemm8-v2}
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
echo "== start $TAG first=$FIRST $(date -u +%T)" >> raw/$TAG.log
$JAVA_HOME/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp $D/h:$D/test-classes:$D/classes:$D/api-classes \
  dev.jdnn.kernels.vector.GemmAlternate 1024 $PAIRS $FIRST 2>&1 | grep -v WARNING >> raw/$TAG.log
echo "== end $TAG $(date -u +%T)" >> raw/$TAG.log
