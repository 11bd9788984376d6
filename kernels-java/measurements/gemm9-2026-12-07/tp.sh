#!/bin/bash
# usage: tp.sh TAG FIRST [PAIRS]: inside one exclusive hold (taken by the caller), PAIRS (default 4) pairs of
# `GemmThroughput 1024 1 15 peak`, one JVM on main's build snapshot (/tmp/gemm9-main/snap, main e950bea) and one
# on this branch's (/tmp/gemm9-br), FIRST (main or branch) opening every pair; appended to raw/TAG.log.
cd "$(dirname "$0")"
TAG=$1; FIRST=$2; PAIRS=${3:-4}
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
run() {
  local D; [ "$1" = main ] && D=/tmp/gemm9-main/snap || D=/tmp/gemm9-br
  echo "-- $1 $(date -u +%T)" >> raw/$TAG.log
  $JAVA_HOME/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    -cp $D/test-classes:$D/classes:$D/api-classes dev.jdnn.kernels.vector.GemmThroughput 1024 1 15 peak 2>&1 \
    | grep -v WARNING >> raw/$TAG.log
}
[ "$FIRST" = main ] && SECOND=branch || SECOND=main
for p in $(seq 1 $PAIRS); do run $FIRST; run $SECOND; done
echo "== end $TAG $(date -u +%T)" >> raw/$TAG.log
