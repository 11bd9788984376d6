#!/bin/bash
while pgrep -f lead15/after.sh > /dev/null; do sleep 3; done
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
cd /tmp/s15tree
for s in rn_3x3 rn_3x3_s2 rn_14 vgg_c1; do
  QUIET_MAX_WAIT=20 LAYOUT=nhwc NBATCH=3 kernels-native/src/build/compare_with_c.sh /tmp/sit15/nhwc-conv-rerun.raw conv "$s" "1 2" 3 > /tmp/sit15/rerun-$s.log 2>&1
  echo "rerun $s rc=$? $(date -u +%T)" >> /tmp/sit15/progress.log
done
