#!/bin/bash
# usage: warm3.sh OUT MODEL REPS ROOTS... : fresh JVMs of each root (/tmp/npool7/ROOT) in turns, one exclusive hold per round
out=$1 model=$2 reps=$3; shift 3
for r in $(seq $reps); do
  flock /tmp/perf.lock bash -c "
  for w in $*; do
    echo \"# \$(date -u +%T) \$w $model rep=$r\"
    /tmp/npool7/train.sh /tmp/npool7/\$w $model 1 | grep -E 'summary|pool|conv1 fwd|relu|optimizer'
  done" >> $out
done
