#!/bin/bash
# usage: tp.sh TAG FIRST [PAIRS]: inside one exclusive hold (taken by the caller), PAIRS (default 4) pairs of
# `GemmThroughput 1024 1 15 peak` JVMs, main's build snapshot (/tmp/gemm10-main, main fa0727b) against the
# branch's (BRANCH_SNAPSHOT, default /tmp/gemm10-br2), FIRST (main or branch) opening every pair; raw/TAG.log.
cd "$(dirname "$0")"
TAG=$1; FIRST=$2; PAIRS=${3:-4}
declare -A SNAP=([main]=/tmp/gemm10-main [branch]=${BRANCH_SNAPSHOT:-/tmp/gemm10-br2})
[ "$FIRST" = main ] && ORDER="main branch" || ORDER="branch main"
for p in $(seq 1 "$PAIRS"); do
  for who in $ORDER; do
    D=${SNAP[$who]}
    echo "-- $who $(date -u +%T) $D" >> raw/$TAG.log
    /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
      -cp "$D/test-classes:$D/classes:$D/api-classes" dev.jdnn.kernels.vector.GemmThroughput 1024 1 15 peak 2>&1 \
      | grep -v WARNING >> raw/$TAG.log
  done
done
echo "== end $TAG $(date -u +%T)" >> raw/$TAG.log
