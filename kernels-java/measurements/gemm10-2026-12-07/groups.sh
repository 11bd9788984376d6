#!/bin/bash
# usage: groups.sh TAG GROUPS JVMS [ROUNDS]: inside one exclusive hold (taken by the caller), JVMS JVMs of GemmGroups
# GROUPS ROUNDS (default 12), main's build snapshot; appended to raw/TAG.log.
cd "$(dirname "$0")"
TAG=$1; G=$2; J=$3; R=${4:-12}
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
D=/tmp/gemm10-main
for j in $(seq 1 $J); do
  echo "-- jvm $j $(date -u +%T)" >> raw/$TAG.log
  $JAVA_HOME/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    -cp $D/h:$D/test-classes:$D/classes:$D/api-classes dev.jdnn.kernels.vector.GemmGroups $G $R 2>&1 \
    | grep -v WARNING >> raw/$TAG.log
done
echo "== end $TAG $(date -u +%T)" >> raw/$TAG.log
