#!/bin/bash
# usage: place.sh TAG CPUS...: inside one exclusive hold (taken by the caller), one JVM of GemmPlacement 2 sets x 8
# rounds per listed CPU (taskset -c CPU; "any" = unpinned), main's build snapshot; appended to raw/TAG.log.
cd "$(dirname "$0")"
TAG=$1; shift
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
D=/tmp/gemm10-main
for cpu in "$@"; do
  echo "-- cpu $cpu $(date -u +%T)" >> raw/$TAG.log
  if [ "$cpu" = any ]; then PIN=""; else PIN="taskset -c $cpu"; fi
  $PIN $JAVA_HOME/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    -cp $D/h:$D/test-classes:$D/classes:$D/api-classes dev.jdnn.kernels.vector.GemmPlacement ${SETS:-2} ${ROUNDS:-8} 2 ${HUGE:-} 2>&1 \
    | grep -v WARNING >> raw/$TAG.log
done
echo "== end $TAG $(date -u +%T)" >> raw/$TAG.log
