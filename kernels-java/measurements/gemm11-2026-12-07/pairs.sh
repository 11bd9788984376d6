#!/bin/bash
# usage: pairs.sh KIND TAG FIRST [N]: inside one exclusive hold (taken by the caller), N (default 6) rounds of
# main's build snapshot (/tmp/g11-main, main 491cc55) against the branch's (BRANCH_SNAPSHOT, default /tmp/g11-br),
# FIRST (main or branch) opening every round; raw/TAG.log. KIND:
#   gemm   one `GemmThroughput 1024 1 15 peak` JVM per build (the runs t1-t8, u1-u8 were made with N = 6)
#   dense  `DenseBenchmark.forward` on fc_big at 1, then 2 threads per build, main's benchmarks.jar
#          (/tmp/g11-benchmarks.jar, a copy of main's bench/target/benchmarks.jar) behind the snapshot's classes
#          (d1, d2: N = 3)
cd "$(dirname "$0")"
KIND=$1; TAG=$2; FIRST=$3; N=${4:-6}
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
declare -A SNAP=([main]=/tmp/g11-main [branch]=${BRANCH_SNAPSHOT:-/tmp/g11-br})
[ "$FIRST" = main ] && ORDER="main branch" || ORDER="branch main"
[ "$KIND" = gemm ] && THREADS="1" || THREADS="1 2"
for r in $(seq 1 "$N"); do
  for t in $THREADS; do
    for who in $ORDER; do
      D=${SNAP[$who]}
      if [ "$KIND" = gemm ]; then
        echo "-- $who $(date -u +%T) $D" >> raw/$TAG.log
        $JAVA --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
          -cp "$D/test-classes:$D/classes:$D/api-classes" dev.jdnn.kernels.vector.GemmThroughput 1024 1 15 peak 2>&1 \
          | grep -v WARNING >> raw/$TAG.log
      else
        echo "-- $who threads=$t $(date -u +%T)" >> raw/$TAG.log
        $JAVA -Djmh.ignoreLock=true -cp "$D/classes:$D/api-classes:/tmp/g11-benchmarks.jar" org.openjdk.jmh.Main \
          'DenseBenchmark.forward$' -p shape=fc_big -p backend=vector -p threads=$t \
          -f 2 -wi 5 -w 300ms -i 5 -r 200ms -tu us 2>&1 | grep -E '^DenseBenchmark|Error|Exception' >> raw/$TAG.log
      fi
    done
  done
done
echo "== end $TAG $(date -u +%T)" >> raw/$TAG.log
