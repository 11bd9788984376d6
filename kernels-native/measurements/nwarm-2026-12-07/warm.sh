#!/usr/bin/env bash
# npool10's warm.sh on this session's trees: fresh training JVMs (onednn, NHWC, 1 thread, --profile, --limit 6400 at
# batch 64 = 100 steps, then the 10,000 test images in batches of 500), REPS rounds of the trees given, in turns,
# in one exclusive lock hold. A tree is a directory under /tmp/nwarm (base = main's classes, new = this branch's).
# usage: warm.sh OUT MODEL REPS TREE...
out=$1 model=$2 reps=$3; shift 3
flock /tmp/perf.lock bash -c "
for r in \$(seq $reps); do for tree in $*; do
  cp=/tmp/nwarm/\$tree/examples/target/classes:\$(sed \"s#ROOTDIR#/tmp/nwarm/\$tree#g\" /tmp/np9/cp-train.tmpl)
  echo \"# \$(date -u +%T) \$tree $model rep=\$r\"
  timeout 100 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp \"\$cp\" dev.jdnn.examples.TrainCommand --model $model --backend onednn --layout nhwc --epochs 1 --limit 6400 --batch 64 --threads 1 --profile 2>&1 | grep -v WARNING | grep -E 'summary|pool|conv|norm|fc|optimizer|evaluat|accuracy'
done; done" >> "$out"
