#!/bin/bash
# Lead's #16 sitting, fifteenth session: onednn NHWC vs oneDNN from C, per-call overhead, CIFAR epoch.
set -u
cd /tmp/s15tree
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
O=/tmp/sit15
log() { echo "$1 $(date -u +%T)" >> $O/progress.log; }
log start
for s in lenet_c1 lenet_c2 cifar_c1 cifar_c2 rn_3x3 rn_1x1 rn_3x3_s2 rn_14 vgg_c1 mb_dw rn_3x3_b1; do
  QUIET_MAX_WAIT=20 LAYOUT=nhwc NBATCH=3 kernels-native/src/build/compare_with_c.sh $O/nhwc-conv.raw conv "$s" "1 2" 2 > $O/conv-$s.log 2>&1
  log "conv $s rc=$?"
done
QUIET_MAX_WAIT=20 LAYOUT=nhwc NBATCH=5 kernels-native/src/build/compare_with_c.sh $O/nhwc-pool.raw pool "pool_cifar pool_stem pool_lenet" "1 2" 3 > $O/pool.log 2>&1
log "pool rc=$?"
QUIET_MAX_WAIT=20 LAYOUT=nhwc N=1 FUSED=1 PASS=fwd NBATCH=5 kernels-native/src/build/compare_with_c.sh $O/overhead.raw conv lenet_c1 "1 2" 5 > $O/overhead.log 2>&1
log "overhead rc=$?"
bench/src/build/sitting.sh $O cifar14
log done
