#!/bin/bash
# usage: warm.sh OUT MODEL REPS : fresh JVMs, main and branch in turns, one exclusive hold per pair
out=$1 model=$2 reps=$3
for r in $(seq $reps); do
  flock /tmp/perf.lock bash -c "
  for w in main branch; do
    echo \"# \$(date -u +%T) \$w $model rep=$r\"
    /tmp/npool7/train.sh /tmp/npool7/\${w}root $model 1 | grep -E 'summary|pool|conv1 fwd|relu|optimizer'
  done" >> $out
done
