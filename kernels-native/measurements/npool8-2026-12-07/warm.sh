#!/bin/bash
# usage: warm.sh OUT REPS : fresh LeNet-5 JVMs (100 steps, onednn, NHWC, 1 thread, --profile), main's classes with the
# probe-only switch (/tmp/np8/base), without the flag (shipped routing: scanned path) and with -Dprobe.minThreads=1
# (1 thread routed to VectorNhwcMaxPool where the window qualifies: pool2), in turns, one exclusive hold per round
out=$1 reps=$2
cp="/work/wt/h-npool8/examples/target/classes:$(cat /tmp/np8/cp-train.txt)"
for r in $(seq $reps); do
  flock /tmp/perf.lock bash -c "
  for w in main routed; do
    flag=; [ \$w = routed ] && flag=-Dprobe.minThreads=1
    echo \"# \$(date -u +%T) \$w lenet5 rep=$r\"
    timeout 60 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \$flag -cp '$cp' dev.jdnn.examples.TrainCommand --model lenet5 --backend onednn --layout nhwc --epochs 1 --limit 6400 --batch 64 --threads 1 --profile 2>&1 | grep -v WARNING | grep -E 'summary|pool|conv1 fwd|optimizer'
  done" >> $out
done
