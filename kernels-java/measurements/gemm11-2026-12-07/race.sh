#!/bin/bash
# usage: race.sh TAG ROUNDS MS KERNEL...: one TileRace JVM (the caller holds the exclusive lock; the runs took three
# JVMs per hold); JOPTS=-Dl3=true adds the L3 case. Classes: the trial kernels and the harnesses compiled into
# /tmp/g11/cls (README), main's build in /tmp/g11-main. Appends to raw/TAG.log; the JIT's compile log goes to /tmp.
cd "$(dirname "$0")"
TAG=$1; shift
W=/tmp/g11-main
echo "-- $(date -u +%T) $*" >> raw/$TAG.log
timeout 175 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  $JOPTS -Xlog:jit+compilation=debug:file=/tmp/g11-$TAG.$$.jit \
  -cp /tmp/g11/cls:$W/classes:$W/test-classes dev.jdnn.kernels.vector.TileRace "$@" 2>&1 | grep -v WARN >> raw/$TAG.log
echo "== end $(date -u +%T)" >> raw/$TAG.log
