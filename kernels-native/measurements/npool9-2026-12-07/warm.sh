#!/usr/bin/env bash
# Fresh training JVMs (onednn, NHWC, 1 thread, --profile, --limit 6400 at batch 64 = 100 steps), main's classes
# (/tmp/np9/base) and this branch's (/tmp/np9/new) in turns, REPS of each in one exclusive lock hold.
# usage: warm.sh OUT MODEL REPS
out=$1 model=$2 reps=$3
flock /tmp/perf.lock bash -c "
for r in \$(seq $reps); do for w in base new; do
  cp=/tmp/np9/examples-classes:\$(sed \"s#ROOTDIR#/tmp/np9/\$w#g\" /tmp/np9/cp-train.tmpl)
  echo \"# \$(date -u +%T) \$w $model rep=\$r\"
  timeout 100 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp \"\$cp\" dev.jdnn.examples.TrainCommand --model $model --backend onednn --layout nhwc --epochs 1 --limit 6400 --batch 64 --threads 1 --profile 2>&1 | grep -v WARNING | grep -E 'summary|pool|conv|norm|fc|optimizer'
done; done" >> "$out"
