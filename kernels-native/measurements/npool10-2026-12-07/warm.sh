#!/usr/bin/env bash
# Fresh training JVMs (onednn, NHWC, 1 thread, --profile, --limit 6400 at batch 64 = 100 steps, then the 10,000
# test images in batches of 500), REPS rounds of the ways given, in turns, in one exclusive lock hold. A way is
# TREE or TREE:FLAGS (a class tree under /tmp/np10: base = main's classes, new = this branch's; FLAGS = JVM flags
# joined by commas). usage: warm.sh OUT MODEL REPS WAY...
out=$1 model=$2 reps=$3; shift 3
ways="$*"
flock /tmp/perf.lock bash -c "
for r in \$(seq $reps); do for way in $ways; do
  tree=\${way%%:*}; flags=''; [ \"\$tree\" != \"\$way\" ] && flags=\$(echo \${way#*:} | tr , ' ')
  cp=/tmp/np9/examples-classes:\$(sed \"s#ROOTDIR#/tmp/np10/\$tree#g\" /tmp/np9/cp-train.tmpl)
  echo \"# \$(date -u +%T) \$way $model rep=\$r\"
  timeout 100 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \$flags -cp \"\$cp\" dev.jdnn.examples.TrainCommand --model $model --backend onednn --layout nhwc --epochs 1 --limit 6400 --batch 64 --threads 1 --profile 2>&1 | grep -v WARNING | grep -E 'summary|pool|conv|norm|fc|optimizer|DEBUG trial|evaluat|accuracy'
done; done" >> "$out"
