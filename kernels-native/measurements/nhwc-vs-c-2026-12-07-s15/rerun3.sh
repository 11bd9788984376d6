#!/bin/bash
sleep 10
while pgrep -f lead15/rerun2.sh > /dev/null; do sleep 3; done
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
cd /tmp/s15tree
QUIET_MAX_WAIT=20 LAYOUT=nhwc NBATCH=5 kernels-native/src/build/compare_with_c.sh /tmp/sit15/nhwc-pool-rerun.raw pool "pool_cifar pool_stem" "1 2" 3 > /tmp/sit15/rerun-pool.log 2>&1
echo "rerun pool rc=$? $(date -u +%T)" >> /tmp/sit15/progress.log
